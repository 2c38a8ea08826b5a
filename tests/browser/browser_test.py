#!/usr/bin/env python3
"""The HTML reports in a real browser: Debian's headless Chromium.

    browser_test.py IPZONE [--docs DIR]

Renders sample reports (check in Chinese and English, one dossier and a
batch; score; rank) with `chromium --headless` and checks:
  --screenshot     a PNG of the window's size that is not blank: much of it
                   inked, many colours, the colour of a failing outcome present;
  --print-to-pdf   A4 pages (pdfinfo), one page for each typical dossier, a
                   batch of N dossiers on its summary page(s) plus N pages, each
                   dossier starting a page (pdftotext), no word beyond the
                   right margin (pdftotext -bbox), the Chinese as text, and a
                   CJK font installed (fc-list: Noto Sans CJK, fonts-noto-cjk);
  --dump-dom       the verdict and every rule id in the DOM, no script error,
                   and the sorting script reorders the summary table.
With --docs DIR it also writes DIR/report-en.png and DIR/report-zh.png, the
screenshots shown in the README.

Exits 77 (CTest: skipped), with a message, when chromium or poppler-utils
is not installed; CI installs both (tools/install-deps.sh).
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.dont_write_bytecode = True
SKIP = 77
TIMEOUT = 90  # seconds for one browser run
RULE_IDS = None
problems = []


def fail(msg):
    problems.append(msg)
    print("FAIL:", msg, flush=True)


def chromium():
    if "IPZONE_CHROMIUM" in os.environ:  # a browser of one's own, or none (to see the skip)
        path = os.environ["IPZONE_CHROMIUM"]
        return path if path and os.access(path, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
        if path:
            return path
    return None


def browser(chrome, profile, *args):
    cmd = [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
           f"--user-data-dir={profile}"] + list(args)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail(f"chromium did not finish within {TIMEOUT} s: {' '.join(args)}")
        return "", ""
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def png_pixels(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"PNG of depth {depth}, colour type {colour}, interlace {interlace}")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, [[tuple(r[x * bpp:x * bpp + 3]) for x in range(width)] for r in rows]


def check_screenshot(png, size, fail_colour):
    if not os.path.exists(png) or os.path.getsize(png) < 10000:
        fail(f"{png}: no screenshot, or a tiny one ({os.path.getsize(png) if os.path.exists(png) else 0} bytes)")
        return
    w, h, rows = png_pixels(png)
    if (w, h) != size:
        fail(f"{png}: {w}x{h}, expected {size[0]}x{size[1]}")
    pixels = [p for r in rows[::4] for p in r[::4]]
    inked = sum(1 for p in pixels if sum(p) < 600) / len(pixels)
    colours = len(set(pixels))
    if inked < 0.03 or colours < 50:
        fail(f"{png}: looks blank ({inked:.1%} inked, {colours} colours)")
    if fail_colour:
        want = tuple(int(fail_colour[i:i + 2], 16) for i in (1, 3, 5))
        near = sum(1 for p in pixels if all(abs(a - b) < 12 for a, b in zip(p, want)))
        if near < 5:
            fail(f"{png}: no pixel of the failing outcome's colour {fail_colour}: the stylesheet did not apply")
    print(f"screenshot {os.path.basename(png)}: {w}x{h}, {inked:.1%} inked, {colours} colours", flush=True)


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
                          stdout=subprocess.PIPE, text=True).stdout


def check_pdf(pdf, expect_pages, first_lines, cjk):
    if not os.path.exists(pdf):
        fail(f"{pdf}: not written")
        return
    pages, (w, h) = pdf_pages(pdf)
    if abs(w - 595) > 2 or abs(h - 842) > 2:
        fail(f"{pdf}: page size {w} x {h} pts, not A4")
    allowed = expect_pages if isinstance(expect_pages, range) else range(expect_pages, expect_pages + 1)
    if pages not in allowed:
        fail(f"{pdf}: {pages} pages, expected {expect_pages}")
    for page, name in first_lines.items():
        text = page_text(pdf, page)
        head = "\n".join(text.strip().splitlines()[:3])
        if name not in head:
            fail(f"{pdf}: page {page} does not start with {name!r} (a dossier starts a page): {head[:120]!r}")
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], stdout=subprocess.PIPE, text=True).stdout
    right = [float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', bbox)]
    if not right:
        fail(f"{pdf}: no text")
    elif max(right) > w - 20:
        fail(f"{pdf}: a word reaches x = {max(right):.0f} pts of {w:.0f}: cut at the right edge")
    if cjk and not re.search("[\u4e00-\u9fff]", page_text(pdf, 1)):
        fail(f"{pdf}: no Chinese text on the first page")
    print(f"pdf {os.path.basename(pdf)}: {pages} pages", flush=True)


def check_batch_starts(pdf, names):
    """Each dossier of a batch starts a page of its own, in order, after the
    summary page; a dossier may run on to a second page."""
    if not os.path.exists(pdf):
        return
    pages, _ = pdf_pages(pdf)
    page = 1
    for name in names:
        start = None
        for p in range(page + 1, pages + 1):
            if name in "\n".join(page_text(pdf, p).strip().splitlines()[:3]):
                start = p
                break
        if start is None:
            fail(f"{pdf}: no page after page {page} starts with {name!r} (a dossier starts a page)")
            return
        if start > page + 2:
            fail(f"{pdf}: {name!r} starts on page {start}, more than two pages after the one before")
        page = start


def check_dom(dom, verdicts, rule_ids, err):
    for v in verdicts:
        if f"({v})" not in dom:
            fail(f"the DOM lacks the verdict ({v})")
    for rid in rule_ids:
        if rid not in dom:
            fail(f"the DOM lacks the rule id {rid}")
    if "Uncaught" in err:
        fail("a script error: " + "; ".join(l for l in err.splitlines() if "Uncaught" in l))


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ipzone = os.path.abspath(sys.argv[1])
    docs = sys.argv[sys.argv.index("--docs") + 1] if "--docs" in sys.argv else None
    chrome = chromium()
    if not chrome:
        print("browser tests skipped: chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)")
        return SKIP
    for tool in ("pdfinfo", "pdftotext", "fc-list"):
        if not shutil.which(tool):
            print(f"browser tests skipped: {tool} is not installed (Debian: apt-get install poppler-utils)")
            return SKIP
    # The CSS names Noto Sans CJK first; without a CJK font Chinese prints as boxes.
    cjk = subprocess.run(["fc-list", ":lang=zh", "family"], stdout=subprocess.PIPE, text=True).stdout
    if "CJK" not in cjk:
        fail("no CJK font installed (Debian: fonts-noto-cjk): Chinese would print as boxes")
    work = tempfile.mkdtemp(prefix="ipzone-browser-")
    profile = os.path.join(work, "profile")
    try:
        def report(name, *args):
            path = os.path.join(work, name)
            subprocess.run([ipzone] + list(args) + ["-o", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return path

        def as_json(*args):
            return json.loads(subprocess.run([ipzone] + list(args), stdout=subprocess.PIPE).stdout)

        examples = sorted(f for f in os.listdir("examples") if f.endswith(".yaml"))
        batch = as_json("check", "--format", "json", "examples/")
        rule_ids = sorted({r["id"] for d in batch["dossiers"] for r in d["results"]})
        names = [d["name"] or d["file"] for d in batch["dossiers"]]

        # 1. Screenshots: one failing dossier in each language (the README's pictures).
        size = (1100, 1400)
        for lang in ("en", "zh"):
            page = report(f"one-{lang}.html", "check", "--format", "html", "--lang", lang,
                          "examples/ineligible-high-end-share.yaml")
            png = os.path.join(work, f"report-{lang}.png")
            browser(chrome, profile, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", "file://" + page)
            check_screenshot(png, size, "#a31515")
            if docs and os.path.exists(png):
                shutil.copy(png, os.path.join(docs, f"report-{lang}.png"))

        # 2. Printing: each typical dossier on one A4 page; a batch on its summary page plus a page each.
        for lang in ("zh", "en"):
            for f in examples:
                page = report(f"print-{lang}-{f}.html", "check", "--format", "html", "--lang", lang, "examples/" + f)
                pdf = page[:-5] + ".pdf"
                browser(chrome, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
                # One dossier alone: one page, or two when its warnings and notes run on (the
                # relaxation example in English, since its grounds carry evidence); the batch
                # below still requires each dossier to start a page of its own.
                check_pdf(pdf, range(1, 3), {}, lang == "zh")
            page = report(f"batch-{lang}.html", "check", "--format", "html", "--lang", lang, "examples/")
            pdf = page[:-5] + ".pdf"
            browser(chrome, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
            # The summary, then each dossier from a page of its own (one page, or two
            # when it runs on, as a dossier printed alone may).
            check_pdf(pdf, range(1 + len(names), 2 + 2 * len(names)), {2: names[0]}, lang == "zh")
            check_batch_starts(pdf, names)
        for cmd in ("score", "rank"):
            page = report(f"{cmd}.html", cmd, "--format", "html", "examples/")
            pdf = page[:-5] + ".pdf"
            browser(chrome, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
            pages, _ = pdf_pages(pdf) if os.path.exists(pdf) else (0, None)
            check_pdf(pdf, pages if cmd == "score" else 1, {}, True)
            if cmd == "score" and pages != len(names):
                fail(f"score: {pages} pages for {len(names)} dossiers (one each)")

        # 3. The DOM: the verdicts and every rule id; the sorting script works.
        page = report("dom.html", "check", "--format", "html", "--lang", "en", "examples/")
        dom, err = browser(chrome, profile, "--dump-dom", "file://" + page)
        check_dom(dom, sorted({d["verdict"] for d in batch["dossiers"]}), rule_ids, err)
        if len(rule_ids) < 16:
            fail(f"only {len(rule_ids)} rule ids in the JSON")
        # Sort the summary by verdict (a click on its heading), worst last: the
        # rows must come in verdict order.
        with open(page, encoding="utf-8") as f:
            html = f.read()
        click = ("<script>document.querySelectorAll('table.matrix thead th button')[2].click();"
                 "document.body.setAttribute('data-order',[...document.querySelectorAll('table.matrix tbody tr')]"
                 ".map(r=>r.cells[0].textContent).join(','));</script></body>")
        sorted_page = page[:-5] + "-sorted.html"
        with open(sorted_page, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", click))
        dom, err = browser(chrome, profile, "--dump-dom", "file://" + sorted_page)
        got = re.search(r'data-order="([\d,]+)"', dom)
        order = ["eligible", "needs-review", "incomplete", "ineligible", "invalid"]
        want = [str(i + 1) for i, _ in sorted(enumerate(batch["dossiers"]), key=lambda x: (order.index(x[1]["verdict"]), x[0]))]
        if not got or got.group(1).split(",") != want:
            fail(f"sorting by verdict gave rows {got.group(1) if got else None}, expected {','.join(want)}")
        if "Uncaught" in err:
            fail("a script error while sorting")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
