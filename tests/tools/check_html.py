#!/usr/bin/env python3
"""Check ipzone's HTML report against its JSON report of the same run.

    check_html.py IPZONE check|score|rank [ARGS...]
    check_html.py IPZONE hostile DOSSIER     (a zone name full of markup)

Runs `IPZONE COMMAND --format html ARGS` and `IPZONE COMMAND --format json
ARGS`, parses the page with the standard library's html.parser and checks:
  - it is one self-contained file: no element loads anything (no src, no
    href but "#anchor", no <link>, <img>, <iframe>, <object>), no url() or
    @import in the stylesheet, a Content-Security-Policy that forbids the
    network, every tag closed, <html lang> the report's language;
  - every colour pair of the stylesheet (--NAME-fg on --NAME-bg) has a
    contrast of at least 4.5:1 (WCAG 2 relative luminance);
  - check: a section per dossier with its file and verdict, a card per
    criterion with its outcome's class, mark and word, and the very texts of
    the JSON (found, required, message: one wording, one rendering), the
    warnings with file:line:column, with --detail the roster's rows; with several dossiers a summary table
    with a row per dossier and the outcome of each criterion;
  - score: the prominent note before the first dossier, each total,
    dimension and indicator with the points of the JSON, "where to gain";
  - rank: a row per dossier in the JSON's order with its rank and points;
  - hostile: markup in a zone name is shown as text, never run.
Exit 0 when all hold, 1 otherwise (each problem printed).
"""

import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
problems = []


def fail(msg):
    problems.append(msg)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag=None, cls=None, pred=None):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and (pred is None or pred(n))]


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.ids = {}

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if "id" in n.attrs:
            if n.attrs["id"] in self.ids:
                fail(f"duplicate id {n.attrs['id']}")
            self.ids[n.attrs["id"]] = n
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.cur = self.cur.parent

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            fail(f"</{tag}> closes <{self.cur.tag}>")
            # recover: close up to the matching open tag
            n = self.cur
            while n is not None and n.tag != tag:
                n = n.parent
            if n is None:
                return
            self.cur = n
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def run(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_page(page, lang):
    tree = Tree()
    tree.feed(page)
    tree.close()
    if tree.cur is not tree.root:
        fail(f"<{tree.cur.tag}> is never closed")
    root = tree.root
    htmls = root.find_all("html")
    if not htmls or htmls[0].attrs.get("lang") != ("en" if lang == "en" else "zh-CN"):
        fail(f"<html lang> is not the report's language ({lang})")
    for n in root.walk():
        if n.tag in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source"):
            fail(f"<{n.tag}> in a self-contained page")
        if "src" in n.attrs:
            fail(f"<{n.tag} src=...> loads something")
        href = n.attrs.get("href")
        if href is not None and not href.startswith("#"):
            fail(f"<{n.tag} href={href!r}> points outside the page")
        for k in n.attrs:
            if k.startswith("on"):
                fail(f"<{n.tag} {k}=...>: an event handler in the markup")
    metas = [m for m in root.find_all("meta") if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    if not metas or "default-src 'none'" not in metas[0].attrs.get("content", ""):
        fail("no Content-Security-Policy with default-src 'none'")
    styles = "".join(s.text() for s in root.find_all("style"))
    if not styles:
        fail("no inline stylesheet")
    for bad in ("url(", "@import", "http:", "https:", "@font-face"):
        if bad in styles:
            fail(f"the stylesheet has {bad}")
    if "@media print" not in styles or "@page" not in styles:
        fail("no print stylesheet (@media print, @page)")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\b", styles))
    pairs = 0
    for name, fg in colours.items():
        if name.endswith("-fg") and name[:-3] + "-bg" in colours:
            pairs += 1
            c = contrast(fg, colours[name[:-3] + "-bg"])
            if c < 4.5:
                fail(f"contrast of --{name} on --{name[:-3]}-bg is {c:.2f}, below 4.5")
    if pairs < 6:
        fail(f"only {pairs} colour pairs found in the stylesheet")
    scripts = root.find_all("script")
    if len(scripts) > 1 or any(len(s.text()) > 800 for s in scripts):
        fail("more than a few lines of inline script")
    return root, tree.ids


def check_check(binary, args, lang):
    rc_h, page, err_h = run([binary, "check", "--format", "html"] + args)
    rc_j, text, err_j = run([binary, "check", "--format", "json"] + args)
    if rc_h != rc_j:
        fail(f"exit codes differ: html {rc_h}, json {rc_j}")
    data = json.loads(text)
    root, ids = check_page(page, lang)
    dossiers = data["dossiers"]
    for i, d in enumerate(dossiers, 1):
        sec = ids.get(f"d{i}")
        if sec is None or "dossier" not in sec.classes():
            fail(f"no section d{i} for {d['file']}")
            continue
        stext = norm(sec.text())
        if d["file"] not in stext:
            fail(f"d{i}: the file {d['file']} is not shown")
        if f"({d['verdict']})" not in stext:
            fail(f"d{i}: the verdict ({d['verdict']}) is not shown")
        for r in d["results"]:
            card = ids.get(f"d{i}-{r['id']}")
            if card is None:
                fail(f"d{i}: no card for {r['id']}")
                continue
            if f"o-{r['outcome']}" not in card.classes():
                fail(f"d{i} {r['id']}: card class {card.classes()} is not o-{r['outcome']}")
            ctext = norm(card.text())
            for key in ("actual", "required", "message"):
                if norm(r[key]) not in ctext:
                    fail(f"d{i} {r['id']}: the {key} of the JSON is not on the card: {r[key]!r}")
            if r["id"] not in ctext:
                fail(f"d{i} {r['id']}: the rule id is not on the card")
            badge = card.find_all("span", "badge")
            if not badge or not badge[0].find_all("span"):
                fail(f"d{i} {r['id']}: no badge with a mark")
            gauges = card.find_all("figure", "gauge")
            known = [m for m in r.get("measures", []) if m["value"] is not None]
            if len(gauges) != len(known):
                fail(f"d{i} {r['id']}: {len(gauges)} gauges for {len(known)} measures")
            if r["outcome"] == "fail" and any(m["need"] > 0 for m in known):
                if not card.find_all("span", "short"):
                    fail(f"d{i} {r['id']}: a failing measure without its shortfall marked")
        if d.get("roster"):  # check --detail
            tables = [t for t in sec.find_all("details", "roster")]
            rows = tables[0].find_all("tr") if tables else []
            if len(rows) != len(d["roster"]):
                fail(f"d{i}: {len(rows)} roster rows shown for {len(d['roster'])}")
            for row, r in zip(rows, d["roster"]):
                t = norm(row.text())
                if r["row"] not in t or norm(r["name"]) not in t:
                    fail(f"d{i}: roster row {r['row']} {r['name']!r} not shown")
        for w in d["warnings"] + d["errors"]:
            where = w["file"] + (f":{w['line']}:{w['column']}" if w["line"] > 0 else "")
            if where not in stext or norm(w["message"]) not in stext:
                fail(f"d{i}: the diagnostic {where}: {w['message']!r} is not shown")
    matrix = root.find_all("table", "matrix")
    if len(dossiers) > 1:
        if not matrix:
            fail("no summary table for a batch")
        else:
            heads = [th.attrs.get("title", "").split(" ")[0] for th in matrix[0].find_all("th", "crit")]
            rows = matrix[0].find_all("tbody")[0].find_all("tr")
            if len(rows) != len(dossiers):
                fail(f"the summary table has {len(rows)} rows for {len(dossiers)} dossiers")
            for d, row in zip(dossiers, rows):
                marks = row.find_all("td", "mark")
                outcomes = {r["id"]: r["outcome"] for r in d["results"]}
                for rule_id, cell in zip(heads, marks):
                    want = outcomes.get(rule_id)
                    if want and f"o-{want}" not in cell.classes():
                        fail(f"summary {d['file']} {rule_id}: cell {cell.classes()} is not o-{want}")
                    if want and not cell.find_all("span", "sr"):
                        fail(f"summary {d['file']} {rule_id}: the outcome is not said in words")
                if d["file"] not in norm(row.text()) and (d["name"] or "") not in norm(row.text()):
                    fail(f"summary: the row of {d['file']} does not name it")
                links = row.find_all("a")
                if not links or links[0].attrs.get("href", "")[1:] not in ids:
                    fail(f"summary: the row of {d['file']} has no link to its section")
            summary = data["summary"]
            counts = norm(root.find_all("ul", "counts")[0].text()) if root.find_all("ul", "counts") else ""
            for v, n in summary.items():
                if f"{n}" not in counts:
                    fail(f"summary: the count of {v} ({n}) is not shown")
    return len(dossiers)


def check_score(binary, args, lang, ranking):
    cmd = "rank" if ranking else "score"
    _, page, _ = run([binary, cmd, "--format", "html"] + args)
    _, text, _ = run([binary, cmd, "--format", "json"] + args)
    data = json.loads(text)
    root, ids = check_page(page, lang)
    notes = root.find_all("aside", "note")
    first = root.find_all("section", "dossier") + root.find_all("table")
    if not notes or not norm(notes[0].text()):
        fail("no prominent note that the model is not official")
    body = norm(root.text())
    if ranking:
        rows = root.find_all("tbody")[0].find_all("tr") if root.find_all("tbody") else []
        if len(rows) != len(data["ranking"]):
            fail(f"{len(rows)} rows for {len(data['ranking'])} ranked dossiers")
        for r, row in zip(data["ranking"], rows):
            t = norm(row.text())
            if not t.startswith(str(r["rank"])):
                fail(f"rank {r['rank']}: the row starts with {t[:10]!r}")
            if r["total"] is not None and f"{r['total']:.2f} / 100.00" not in t:
                fail(f"rank {r['rank']}: total {r['total']} not in the row")
            for dim, p in r["dimensions"].items():
                if p is not None and f"{p:.2f} / " not in t:
                    fail(f"rank {r['rank']}: {dim} {p} not in the row")
            if len(row.find_all("svg")) < 1 + len(r["dimensions"]) and r["total"] is not None:
                fail(f"rank {r['rank']}: the points are not drawn as bars")
        return len(rows)
    for i, d in enumerate(data["dossiers"], 1):
        sec = ids.get(f"d{i}")
        if sec is None:
            fail(f"no section d{i}")
            continue
        t = norm(sec.text())
        if d["total"] is None:
            continue
        if f"{d['total']:.2f} / {d['max']:.2f}" not in t:
            fail(f"d{i}: total {d['total']} not shown")
        for dim in d["dimensions"]:
            if f"{dim['title']}" not in t or f"{dim['points']:.2f} / {dim['max']:.2f}" not in t:
                fail(f"d{i}: dimension {dim['id']} not shown with its points")
            for ind in dim["indicators"]:
                if ind["title"] not in t or f"{ind['points']:.2f} / {ind['max']:.2f}" not in t:
                    fail(f"d{i}: indicator {ind['id']} not shown with its points")
        for o in d["opportunities"]:
            if norm(o["message"]) not in t:
                fail(f"d{i}: where to gain: {o['message']!r} not shown")
        if len(sec.find_all("svg")) < 1 + len(d["dimensions"]):
            fail(f"d{i}: the dimensions are not drawn as bars")
    if notes and first and page.find("<aside") > page.find('<section class="dossier"'):
        fail("the note comes after the first dossier")
    return len(data["dossiers"])


def check_hostile(binary, dossier):
    name = "<script>alert(\"x\")</script> & 'q' <b>bold</b>\u202e\x07"
    src = open(dossier, encoding="utf-8").read()
    src = re.sub(r"(?m)^(  name: ).*$", lambda m: m.group(1) + json.dumps(name, ensure_ascii=False), src, count=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hostile <x>.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        _, page, err = run([binary, "check", "--format", "html", path])
    root, ids = check_page(page, "zh")
    if "<script>alert" in page or "<b>bold" in page:
        fail("markup from the dossier reached the page unescaped")
    if len(root.find_all("script")) != 1 or root.find_all("b"):
        fail("the dossier's markup became elements")
    h2 = root.find_all("h2")
    want = name.replace("\u202e", "<U+202E>").replace("\x07", "<U+0007>")  # shown visibly
    if not h2 or norm(h2[0].text()) != norm(want):
        fail(f"the zone name is not shown as text: {h2[0].text() if h2 else None!r}")
    if "\u202e" in page or "\x07" in page:
        fail("a bidirectional override or a control character reached the page")
    if "hostile <x>.yaml" not in norm(root.text()):
        fail("the file name is not shown as text")
    return 1


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    lang = "en" if "en" in [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"] else "zh"
    if mode == "check":
        n = check_check(binary, args, lang)
    elif mode in ("score", "rank"):
        n = check_score(binary, args, lang, mode == "rank")
    elif mode == "hostile":
        n = check_hostile(binary, args[0])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print("FAIL:", p)
    print(f"{mode}: {n} dossiers, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
