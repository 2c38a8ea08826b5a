#!/usr/bin/env python3
"""Check ipzone's XLSX workbook against its JSON output of the same run.

    check_xlsx.py IPZONE check|score|rank [ARGS...]
    check_xlsx.py IPZONE hostile DOSSIER     (control characters in a zone name)

Runs `IPZONE COMMAND ARGS -o WORKBOOK.xlsx` (the format from the suffix)
and `IPZONE COMMAND --format json ARGS`, opens the workbook with Debian's
python3-openpyxl and checks cell types and values:
  check  Summary: a row per dossier, file and zone as text, as_of a date,
         the verdict and each criterion's outcome as mark and word (the
         words of rules/messages.yaml in the report's language), each
         measure a number equal to the JSON's (a share as a percentage);
         frozen header row and columns, an autofilter over the rows,
         conditional formats on the outcome columns.
         Details: a row per dossier and criterion, found, required and
         shortfall numbers where the criterion has one measure (else the
         JSON's texts), the message.
         Warnings: a row per warning and error, line and column as numbers.
  score  Scores: totals and dimensions as numbers; Indicators: each value
         (a share as a percentage), points and maximum.
  rank   Ranking: rank, file, total and dimensions, in the JSON's order.
Exits 0 when all hold, 1 otherwise, 77 (skipped) without python3-openpyxl.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
try:
    import openpyxl
except ImportError:
    print("check_xlsx: skipped: python3-openpyxl is not installed (Debian: apt-get install python3-openpyxl)")
    sys.exit(77)

problems = []
HERE = os.path.dirname(os.path.abspath(__file__))


def fail(msg):
    problems.append(msg)


def catalogue(lang):
    """The texts of rules/messages.yaml: key -> text in lang (flow maps on one line)."""
    out = {}
    path = os.path.join(HERE, "..", "..", "rules", "messages.yaml")
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^([a-z][\w.-]*): \{zh: (.*), en: (.*)\}\s*$", line)
        if m:
            zh, en = (v.strip() for v in (m.group(2), m.group(3)))
            v = en if lang == "en" else zh
            out[m.group(1)] = v[1:-1] if len(v) >= 2 and v[0] == v[-1] == '"' else v
    return out


LOOK = {"eligible": "pass", "needs-review": "review", "incomplete": "missing", "ineligible": "fail", "invalid": "fail"}


def run(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def same_number(cell, want, what):
    if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
        fail(f"{what}: {cell.value!r} is not a number")
    elif abs(cell.value - want) > 1e-9:
        fail(f"{what}: {cell.value} != {want}")


def percent(fact):
    return fact.endswith("share") or fact.endswith("share_with_unknown")


def check_check(book, data, cat):
    mark = lambda o: cat[f"outcome.{o}.mark"]
    outcome_text = lambda o: mark(o) + " " + cat[f"outcome.{o}"]
    verdict_text = lambda v: mark(LOOK[v]) + " " + cat[f"verdict.{v}"]
    if book.sheetnames[:3] != ["Summary", "Details", "Warnings"]:
        fail(f"sheets {book.sheetnames}")
        return
    s = book["Summary"]
    dossiers = data["dossiers"]
    if s.max_row != len(dossiers) + 1:
        fail(f"Summary has {s.max_row - 1} rows for {len(dossiers)} dossiers")
    if s.freeze_panes != "C2":
        fail(f"Summary freezes {s.freeze_panes}, not the header row and two columns (C2)")
    if not s.auto_filter.ref or not s.auto_filter.ref.startswith("A1:") or not s.auto_filter.ref.endswith(str(s.max_row)):
        fail(f"Summary autofilter {s.auto_filter.ref} does not cover the rows")
    ranges = [str(r.sqref) for r in s.conditional_formatting]
    rules = [rule for r in s.conditional_formatting for rule in r.rules]
    header = [c.value for c in s[1]]
    # the criteria's columns, from the first evaluated dossier
    first = next((d for d in dossiers if d["results"]), None)
    col = 5
    layout = []  # (rule id, outcome column, [measure columns])
    if first:
        for r in first["results"]:
            layout.append((r["id"], col, list(range(col + 1, col + 1 + len(r["measures"])))))
            col += 1 + len(r["measures"])
        if len(header) != col - 1:
            fail(f"Summary has {len(header)} columns, expected {col - 1}")
        for rid, c, _ in [(None, 4, None)] + layout:
            letter = openpyxl.utils.get_column_letter(c)
            if not any(rg.startswith(letter + "2:") for rg in ranges):
                fail(f"Summary column {letter} ({rid or 'verdict'}) has no conditional format")
        if len(rules) < 4 * (1 + len(layout)):
            fail(f"only {len(rules)} conditional format rules")
    for i, d in enumerate(dossiers, 2):
        row = {c.column: c for c in s[i]}
        if row[1].value != d["file"] or row[1].data_type != "s":
            fail(f"Summary row {i}: file {row[1].value!r}")
        if (row[2].value or "") != d["name"]:
            fail(f"Summary row {i}: zone {row[2].value!r}")
        if d["as_of"]:
            if not isinstance(row[3].value, datetime.datetime) or row[3].value.date().isoformat() != d["as_of"]:
                fail(f"Summary row {i}: as_of {row[3].value!r} is not the date {d['as_of']}")
            if "yy" not in row[3].number_format:
                fail(f"Summary row {i}: as_of is not formatted as a date")
        elif row[3].value is not None:
            fail(f"Summary row {i}: an as_of for a dossier without one")
        if row[4].value != verdict_text(d["verdict"]):
            fail(f"Summary row {i}: verdict {row[4].value!r}, expected {verdict_text(d['verdict'])!r}")
        results = {r["id"]: r for r in d["results"]}
        for rid, c, mcols in layout:
            r = results.get(rid)
            if r is None:
                if row[c].value is not None:
                    fail(f"Summary row {i}: {rid} has a value for a dossier not evaluated")
                continue
            if row[c].value != outcome_text(r["outcome"]):
                fail(f"Summary row {i} {rid}: {row[c].value!r}, expected {outcome_text(r['outcome'])!r}")
            for m, mc in zip(r["measures"], mcols):
                cell = row[mc]
                if m["value"] is None:
                    if cell.value is not None:
                        fail(f"Summary row {i} {rid}: a value for missing data")
                    continue
                same_number(cell, m["value"], f"Summary row {i} {rid} {m['fact']}")
                want_format = "0.0%" if percent(m["fact"]) else "0"
                if cell.number_format != want_format:
                    fail(f"Summary row {i} {rid} {m['fact']}: format {cell.number_format}, expected {want_format}")
    det = book["Details"]
    rows = list(det.iter_rows(min_row=2))
    want = [(d, r) for d in dossiers for r in d["results"]]
    if len(rows) != len(want):
        fail(f"Details has {len(rows)} rows for {len(want)} results")
    if det.freeze_panes is None:
        fail("Details has no frozen header")
    for row, (d, r) in zip(rows, want):
        v = [c.value for c in row]
        where = f"Details {d['file']} {r['id']}"
        if v[0] != d["file"] or v[2] != r["id"] or v[5] != outcome_text(r["outcome"]):
            fail(f"{where}: {v[:6]}")
        known = [m for m in r["measures"] if m["value"] is not None]
        if len(r["measures"]) == 1 and known:
            m = known[0]
            same_number(row[6], m["value"], f"{where} found")
            same_number(row[7], m["bound"], f"{where} required")
            same_number(row[8], m["need"], f"{where} shortfall")
        else:
            if v[6] != r["actual"] or v[7] != r["required"]:
                fail(f"{where}: found/required {v[6]!r} / {v[7]!r} are not the JSON's {r['actual']!r} / {r['required']!r}")
        if v[9] != r["message"]:
            fail(f"{where}: message {v[9]!r}")
    war = book["Warnings"]
    rows = list(war.iter_rows(min_row=2))
    want = [(d, w) for d in dossiers for w in d["warnings"] + d["errors"]]
    if len(rows) != len(want):
        fail(f"Warnings has {len(rows)} rows for {len(want)} diagnostics")
    for row, (d, w) in zip(rows, want):
        if row[0].value != w["file"] or row[4].value != w["message"]:
            fail(f"Warnings: {row[0].value!r} {row[4].value!r}")
        same_number(row[2], w["line"], f"Warnings {w['file']} line")
        same_number(row[3], w["column"], f"Warnings {w['file']} column")
    return len(dossiers)


def check_score(book, data):
    s = book["Scores"]
    dims = None
    for i, d in enumerate(data["dossiers"], 2):
        row = [c for c in s[i]]
        if row[0].value != d["file"]:
            fail(f"Scores row {i}: file {row[0].value!r}")
        if d["total"] is None:
            if row[4].value is not None:
                fail(f"Scores row {i}: a total for an invalid dossier")
            continue
        same_number(row[4], d["total"], f"Scores row {i} total")
        for k, dim in enumerate(d["dimensions"]):
            same_number(row[5 + k], dim["points"], f"Scores row {i} {dim['id']}")
    ind = list(book["Indicators"].iter_rows(min_row=2))
    want = [(d, dim, x) for d in data["dossiers"] if d["total"] is not None for dim in d["dimensions"] for x in dim["indicators"]]
    if len(ind) != len(want):
        fail(f"Indicators has {len(ind)} rows for {len(want)} indicators")
    for row, (d, dim, x) in zip(ind, want):
        where = f"Indicators {d['file']} {x['id']}"
        if row[3].value != x["title"]:
            fail(f"{where}: title {row[3].value!r}")
        same_number(row[5], x["points"], f"{where} points")
        same_number(row[6], x["max"], f"{where} max")
        value = x["value"]
        if value is None:
            if row[4].value is not None:
                fail(f"{where}: a value for missing data")
        elif re.fullmatch(r"\d+(\.\d+)?", value):
            if percent(x["fact"]):
                same_number(row[4], float(value) / 100, f"{where} value")
                if row[4].number_format != "0.0%":
                    fail(f"{where}: a share not formatted as a percentage")
            else:
                same_number(row[4], float(value), f"{where} value")
        elif row[4].value != value:
            fail(f"{where}: value {row[4].value!r}, expected {value!r}")
    return len(data["dossiers"])


def check_rank(book, data):
    s = book["Ranking"]
    for i, r in enumerate(data["ranking"], 2):
        row = [c for c in s[i]]
        same_number(row[0], r["rank"], f"Ranking row {i} rank")
        if row[1].value != r["file"]:
            fail(f"Ranking row {i}: file {row[1].value!r}, expected {r['file']}")
        if r["total"] is not None:
            same_number(row[5], r["total"], f"Ranking row {i} total")
            for k, (dim, p) in enumerate(r["dimensions"].items()):
                same_number(row[6 + k], p, f"Ranking row {i} {dim}")
    if s.max_row != len(data["ranking"]) + 1:
        fail(f"Ranking has {s.max_row - 1} rows for {len(data['ranking'])}")
    return len(data["ranking"])


def check_hostile(binary, dossier):
    """A zone name with a control character, a bidi override and markup: the
    workbook still opens, and the cell shows the first two visibly (<U+0007>)."""
    name = "A\x07B\u202eC <b>&'\""
    src = open(dossier, encoding="utf-8").read()
    src = re.sub(r"(?m)^(  name: ).*$", lambda m: m.group(1) + json.dumps(name), src, count=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hostile.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        out = os.path.join(tmp, "r.xlsx")
        rc, _, err = run([binary, "check", path, "-o", out])
        try:
            book = openpyxl.load_workbook(out)
        except Exception as e:  # a broken workbook
            fail(f"the workbook does not open: {e} ({err})")
            return 1
    got = book["Summary"]["B2"].value
    if got != "A<U+0007>B<U+202E>C <b>&'\"":
        fail(f"the zone cell is {got!r}")
    return 1


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    lang = "en" if "en" in [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"] else "zh"
    if mode == "hostile":
        n = check_hostile(binary, args[0])
        for p in problems:
            print("FAIL:", p)
        print(f"xlsx hostile: {n} dossiers, {len(problems)} problems")
        return 1 if problems else 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "report.xlsx")
        rc_x, _, err = run([binary, mode] + args + ["-o", path])
        rc_j, text, _ = run([binary, mode, "--format", "json"] + args)
        if rc_x != rc_j:
            fail(f"exit codes differ: xlsx {rc_x}, json {rc_j}: {err}")
        if not os.path.exists(path):
            print("FAIL: no workbook written:", err)
            return 1
        book = openpyxl.load_workbook(path)
        data = json.loads(text)
        if mode == "check":
            n = check_check(book, data, catalogue(lang))
        elif mode == "score":
            n = check_score(book, data)
        else:
            n = check_rank(book, data)
    for p in problems:
        print("FAIL:", p)
    print(f"xlsx {mode}: {n} dossiers, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
