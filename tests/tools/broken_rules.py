#!/usr/bin/python3
"""The tests must see a broken rule set: each mutation below breaks one policy
decision of a copy of rules/recognition (a bound moved by one, an operator
turned from >= into >, a review turned into a failure ...) while leaving the
set well-formed. For each one:
  - `ipzone rules lint COPY` must pass (it is a plausible change, not a typo);
  - `ipzone rules test COPY` must fail (exit 1): the set's own cases notice it;
  - `ipzone check --rules COPY` over the chosen corpus (examples/ and
    tests/dossiers/) is compared, verdict and outcomes, with the shipped
    rules, and the number of dossiers that change is printed (for information: a
    mutation the rule tests catch need not show in that corpus).
A mutation whose text is no longer in the rule set is an error too, so that
this list cannot silently go stale. Exit 0 when every mutation was caught,
1 when one survived or did not apply.

  broken_rules.py IPZONE [RULES_DIR]      (RULES_DIR: rules/recognition)
Run from the top of the repository.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# (what it breaks, file in the rule set, a line that comes before the text,
#  the text, what it becomes). The text is replaced at its first occurrence
# on the anchor's line or the 15 lines after it.
MUTATIONS = [
    ("Art. 5(2): at least 71 enterprises instead of 70",
     "parameters.yaml", r"^  min_enterprises:", "value: 70,", "value: 71,"),
    ("Art. 5(2): an SME share over 80 % instead of at least 80 %",
     "articles/05-conditions.yaml", r"fact: sme_share$", "op: at_least", "op: more_than"),
    ("Art. 5(2): a high-end share of 61 %",
     "parameters.yaml", r"^  min_high_end_share:", "value: 60,", "value: 61,"),
    ("Art. 5(3): 301 valid patents",
     "parameters.yaml", r"^  min_valid_patents:", "value: 300,", "value: 301,"),
    ("Art. 5(3): 151 invention patents",
     "parameters.yaml", r"^  min_invention_patents:", "value: 150,", "value: 151,"),
    ("Art. 5(1): a carrier of another kind fails instead of going to review",
     "articles/05-conditions.yaml", r"fact: zone\.carrier_type$", "otherwise: review", ""),
    ("Art. 5(4): the workstation must be absent",
     "articles/05-conditions.yaml", r"fact: zone\.ip_workstation$", "op: is_true", "op: is_false"),
    ("Art. 6(1): 4 years of operation",
     "parameters.yaml", r"^  min_operating_years:", "value: 3,", "value: 4,"),
    ("Art. 6(2): 2 years of IP services",
     "parameters.yaml", r"^  min_ip_service_years:", "value: 3,", "value: 2,"),
    ("Art. 6(4): penalties looked back 2 years",
     "parameters.yaml", r"^  penalty_lookback_years:", "value: 3,", "value: 2,"),
    ("Art. 8: a 4-year bar after fraud",
     "parameters.yaml", r"^  fraud_bar_years:", "value: 5,", "value: 4,"),
    ("Art. 11(4): a 6-year bar after termination",
     "parameters.yaml", r"^  termination_bar_years:", "value: 5,", "value: 6,"),
    ("SME standard: 工业's employee ceiling 999 instead of 1000",
     "sme-size-standard.yaml", r"^    - id: industry$", "employees: 1000,", "employees: 999,"),
    ("SME standard: division 39 (电子设备制造业) under 其他未列明行业 instead of 工业",
     "sme-size-standard.yaml", r'code: "39"', '{code: "39",', '{code: "39", sector: other,'),
    ("SME standard: division 64 (互联网和相关服务) under 软件和信息技术服务业 instead of 信息传输业",
     "sme-size-standard.yaml", r'code: "64"', "sector: information_transmission}", "sector: software_it_services}"),
    ("Art. 5(2): a row the standard does not cover (金融业) fails instead of going to review",
     "articles/05-conditions.yaml", r"fact: sme_share$", "{fact: sme_review_count, op: more_than, value: 0}",
     "{fact: sme_review_count, op: more_than, value: 1}"),
    ("Art. 5(2): a relaxation ground without evidence counts (distinctive_model's evidence not checked)",
     "articles/05-conditions.yaml", r"fact: zone\.relaxation_grounds\.high_concentration$",
     "fact: zone.relaxation_grounds.distinctive_model", "fact: zone.relaxation_grounds.high_concentration"),
    ("Art. 6(1): funding evidence not listed fails instead of being missing",
     "articles/06-operator.yaml", r"fact: operator\.evidence\.funding$", "otherwise: missing", ""),
    ("Art. 7: a work plan not listed fails instead of being missing",
     "articles/07-documents.yaml", r"fact: documents\.work_plan$", "otherwise: missing", ""),
    ("Art. 8: a cancellation (Art. 12) fails instead of going to review",
     "articles/08-fraud.yaml", r"fact: history\.cancellation$", "otherwise: review", ""),
    ("Art. 5(1): a district written without 区 is no longer taken for the district",
     "tables/districts.yaml", r"^normalise:", "  - add_suffix: 区", ""),
    ("Art. 5(2): 否 no longer says \"in no high-end industry\"",
     "tables/not-high-end.yaml", r"^entries:", "  - 否", ""),
    ("score: the enterprises curve reaches its maximum at 160",
     "scoring.yaml", r"id: enterprises,", "linear: {from: 70, to: 150}", "linear: {from: 70, to: 160}"),
]


def mutate(folder, file, anchor, old, new):
    """Applies one mutation in place; returns None, or why it did not apply."""
    path = os.path.join(folder, file)
    if not os.path.isfile(path):
        return f"no file {file}"
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if re.search(anchor, line):
            for j in range(i, min(len(lines), i + 16)):
                k = lines[j].find(old)
                if k >= 0:
                    lines[j] = lines[j][:k] + new + lines[j][k + len(old):]
                    if not lines[j].strip():
                        del lines[j]
                    with open(path, "w", encoding="utf-8") as f:
                        f.write("\n".join(lines))
                    return None
            return f"no '{old}' after '{anchor}' in {file}"
    return f"no line matching '{anchor}' in {file}"


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def corpus():
    files = []
    for top in ("examples", "tests/dossiers"):
        for name in sorted(os.listdir(top)):
            if name.endswith((".yaml", ".yml")):
                files.append(os.path.join(top, name))
    return files


def verdicts(ipzone, rules, files):
    cmd = [ipzone, "check", "--format", "json", "--as-of", "2024-03-31", "-j", "2"]
    if rules:
        cmd += ["--rules", rules]
    rc, out, err = run(cmd + files)
    if rc not in (0, 1, 2) or not out.strip():
        raise RuntimeError(f"check failed (exit {rc}): {err.strip()}")
    return {d["file"]: (d["verdict"], [(r["id"], r["outcome"]) for r in d.get("results", [])])
            for d in json.loads(out)["dossiers"]}


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    ipzone = os.path.abspath(sys.argv[1])
    shipped = sys.argv[2] if len(sys.argv) == 3 else "rules/recognition"
    files = corpus()
    base = verdicts(ipzone, shipped, files)
    problems = []
    with tempfile.TemporaryDirectory(prefix="ipzone-broken-rules-") as tmp:
        for n, (what, file, anchor, old, new) in enumerate(MUTATIONS, 1):
            copy = os.path.join(tmp, str(n))
            shutil.copytree(shipped, copy)
            why = mutate(copy, file, anchor, old, new)
            if why:
                problems.append(f"{what}: does not apply ({why})")
                print(f"STALE     {what}: {why}")
                continue
            rc, out, err = run([ipzone, "rules", "lint", copy])
            if rc != 0:
                problems.append(f"{what}: the broken set does not lint (exit {rc}), so it tests lint, not the tests")
                print(f"NOT LINT  {what}\n{out}{err}")
                continue
            rc, out, err = run([ipzone, "rules", "test", "--lang", "en", copy])
            changed = sum(1 for f, v in verdicts(ipzone, copy, files).items() if base.get(f) != v)
            if rc == 1:
                print(f"caught    {what}: rules test exit 1; {changed} of {len(files)} corpus dossiers change outcome")
            else:
                problems.append(f"{what}: survived (rules test exit {rc})")
                print(f"SURVIVED  {what}: rules test exit {rc}; {changed} of {len(files)} corpus dossiers change outcome\n{err}")
    if problems:
        print(f"\n{len(problems)} of {len(MUTATIONS)} mutations were not caught:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print(f"\nall {len(MUTATIONS)} mutations of the rule set were caught by its rule tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
