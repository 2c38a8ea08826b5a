#!/usr/bin/env python3
"""Compare ipzone's verdicts on a generated corpus with the ones it was made to have.

    ipzone check --format json DIR > out.json
    python3 tests/bench/check_verdicts.py out.json DIR

DIR/expected.tsv is written by gen_dossiers.py. Prints one line when every
dossier got its intended verdict, else that line and up to 10 dossiers that did
not (with the criteria that were not met and the first errors). Exit 0 when all
match, 1 when some do not, 2 when the output cannot be read.
"""

import csv
import json
import os
import sys
from collections import Counter

KINDS = ["eligible", "ineligible", "needs-review", "incomplete", "invalid"]


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    out, folder = sys.argv[1], sys.argv[2]
    with open(os.path.join(folder, "expected.tsv"), encoding="utf-8") as f:
        expected = {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}
    try:
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
        dossiers = report["dossiers"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"verdicts: cannot read ipzone's JSON output {out}: {e}")
        return 2
    got = Counter(d.get("verdict") for d in dossiers)
    seen, wrong = set(), []
    for d in dossiers:
        name = os.path.basename(d.get("file", ""))
        seen.add(name)
        e = expected.get(name)
        if e is None:
            wrong.append((name, "(not generated)", d))
        elif d.get("verdict") != e["verdict"]:
            wrong.append((name, f"{e['verdict']} ({e['reason']})", d))
    missing = sorted(set(expected) - seen)
    summary = ", ".join(f"{k} {got.get(k, 0)}" for k in KINDS)
    ok = len(expected) - len(missing) - sum(1 for w in wrong if w[1] != "(not generated)")
    state = "as intended" if not wrong and not missing else "NOT as intended"
    print(f"verdicts: {ok}/{len(expected)} {state} ({summary})")
    if report.get("summary") and any(report["summary"].get(k, 0) != got.get(k, 0) for k in KINDS):
        print(f"  note: the JSON summary {report['summary']} disagrees with the dossiers' verdicts")
    for name, want, d in wrong[:10]:
        notes = [f"{r.get('id')} {r.get('outcome')}" for r in d.get("results", []) if r.get("outcome") != "pass"]
        errs = [e.get("message", "")[:120] for e in d.get("errors", [])[:2]]
        print(f"  {name}: made to be {want}, got {d.get('verdict')}: {', '.join(notes) or '-'}"
              + (f"; errors: {' | '.join(errs)}" if errs else ""))
    if len(wrong) > 10:
        print(f"  ... and {len(wrong) - 10} more")
    if missing:
        print(f"  {len(missing)} dossiers missing from the output, first {missing[0]}")
    return 0 if not wrong and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
