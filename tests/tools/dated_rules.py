#!/usr/bin/python3
"""Rules with dates (since:, until:): a copy of rules/recognition where
art5.3.patents is in force only from 2030-01-01 and art5.4.services only until
2024-01-31, checked on examples/ineligible-high-end-share.yaml and
examples/eligible.yaml (as_of 2024-03-31):
  - both rules are `not-applicable` in JSON, with "not in force" and the window
    as the value and the bound, and the reason as the message, zh and en;
  - they do not count towards the verdict: a dossier that fails Art. 5(3) only
    would be eligible;
  - the text report says 不适用, JUnit counts them as skipped, SARIF has no result
    for them;
  - on an as_of inside the window the rule applies again (a rule test case of
    the copy expects that, another expects not-applicable);
  - `rules diff` between the shipped set and the copy shows the transitions;
  - `until` before `since` is a load error at file:line:column, exit 2.

  dated_rules.py IPZONE            (run from the top of the repository)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

IPZONE = os.path.abspath(sys.argv[1])
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL  " + what)
    else:
        print("ok    " + what)


def run(*args):
    p = subprocess.run([IPZONE, *args], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def patch(path, anchor, insert):
    """Inserts the lines `insert` after the line matching anchor."""
    lines = open(path, encoding="utf-8").read().split("\n")
    at = next(i for i, l in enumerate(lines) if re.search(anchor, l))
    lines[at + 1:at + 1] = insert
    open(path, "w", encoding="utf-8").write("\n".join(lines))


work = tempfile.mkdtemp(prefix="ipzone-dated-")
try:
    dated = os.path.join(work, "dated")
    shutil.copytree("rules/recognition", dated)
    # The shipped cases test Arts. 5(3) and 5(4) as in force; only the dated cases here.
    for name in os.listdir(os.path.join(dated, "tests")):
        if name.endswith(".yaml"):
            os.remove(os.path.join(dated, "tests", name))
    art5 = os.path.join(dated, "articles", "05-conditions.yaml")
    patch(art5, r"^  - id: art5\.3\.patents$", ["    since: 2030-01-01"])
    patch(art5, r"^  - id: art5\.4\.services$", ["    until: 2024-01-31"])
    with open(os.path.join(dated, "tests", "dated.yaml"), "w", encoding="utf-8") as f:
        f.write("base: dossiers/base.yaml\n"
                "roster: {enterprises: 80, sme: 70, high_end: 56, valid_patents: 420, invention_patents: 165}\n"
                "cases:\n"
                "  - name: before its since a rule is not applicable\n"
                "    expect: {art5.3.patents: not-applicable, art5.4.services: not-applicable}\n"
                "  - name: from its since it applies\n"
                "    set: {as_of: 2030-01-01}\n"
                "    expect: {art5.3.patents: pass, art5.4.services: not-applicable}\n"
                "  - name: through its until it applies\n"
                "    set: {as_of: 2024-01-31}\n"
                "    expect: {art5.4.services: pass}\n"
                "  - name: a rule not in force does not count towards the verdict\n"
                "    roster: {enterprises: 80, sme: 70, high_end: 56, valid_patents: 10, invention_patents: 5}\n"
                "    expect: {verdict: eligible, art5.3.patents: not-applicable}\n"
                "  - name: once in force, the same roster fails it\n"
                "    roster: {enterprises: 80, sme: 70, high_end: 56, valid_patents: 10, invention_patents: 5}\n"
                "    set: {as_of: 2030-01-01}\n"
                "    expect: {verdict: ineligible, art5.3.patents: fail}\n")

    code, out, err = run("rules", "lint", dated)
    expect(code == 0, f"rules lint accepts since/until (exit {code}) {err[:300]}")
    code, out, err = run("rules", "test", dated, "--lang", "en")
    expect(code == 0 and "5 passed, 0 failed" in out + err,
           f"rules test: the copy's cases hold, not-applicable among them (exit {code}) {(out + err)[-600:]}")

    code, out, err = run("check", "--rules", dated, "--format", "json", "--lang", "en",
                         "examples/eligible.yaml")
    doc = json.loads(out)
    res = {r["id"]: r for r in doc["dossiers"][0]["results"]}
    p, s = res["art5.3.patents"], res["art5.4.services"]
    expect(p["outcome"] == "not-applicable" and s["outcome"] == "not-applicable",
           f"JSON: both rules are not-applicable ({p['outcome']}, {s['outcome']})")
    expect(p["actual"] == "not in force" and p["required"] == "in force from 2030-01-01",
           f"JSON: value and bound say the window ({p['actual']!r}, {p['required']!r})")
    expect(s["required"] == "in force until 2024-01-31" and "no longer in force on 2024-03-31" in s["message"],
           f"JSON: until's bound and message ({s['required']!r}, {s['message']!r})")
    expect("not yet in force on 2024-03-31" in p["message"], f"JSON: since's message ({p['message']!r})")
    expect(doc["dossiers"][0]["verdict"] == "eligible" and code == 0,
           f"eligible stays eligible (verdict {doc['dossiers'][0]['verdict']}, exit {code})")

    # A dossier that fails only Art. 5(3) is eligible while Art. 5(3) is not in force.
    low = os.path.join(work, "low-patents.yaml")
    text = open("examples/eligible.yaml", encoding="utf-8").read()
    text2 = re.sub(r"patents: \{[^}]*\}", "patents: {invention: 0, utility_model: 0, design: 0}", text)
    text2 = re.sub(r"(?m)^(  (valid|invention)_patents:) \d+", r"\1 0", text2)
    open(low, "w", encoding="utf-8").write(text2)
    code_shipped, out, _ = run("check", "--format", "json", low)
    shipped = json.loads(out)["dossiers"][0]
    code, out, _ = run("check", "--rules", dated, "--format", "json", low)
    mine = json.loads(out)["dossiers"][0]
    shipped_p = {r["id"]: r["outcome"] for r in shipped["results"]}.get("art5.3.patents")
    expect(shipped_p == "fail" and code_shipped == 1,
           f"the low-patent dossier fails Art. 5(3) under the shipped rules ({shipped_p}, exit {code_shipped})")
    expect(mine["verdict"] == "eligible" and code == 0,
           f"and is eligible while Art. 5(3) is not in force ({mine['verdict']}, exit {code})")

    code, out, _ = run("check", "--rules", dated, "examples/eligible.yaml")
    expect("○ 不适用" in out and "本条自 2030-01-01 起施行，评价日 2024-03-31 尚未施行" in out,
           "text (zh): 不适用 with the reason")
    code, out, _ = run("check", "--rules", dated, "--format", "junit", "examples/eligible.yaml")
    suite = ET.fromstring(out).find("testsuite")
    skipped = [t.get("name") for t in suite.iter("testcase") if t.find("skipped") is not None]
    expect(any(n.startswith("art5.3.patents") for n in skipped) and suite.get("failures") == "0",
           f"JUnit: not-applicable is skipped, not failed ({skipped}, failures {suite.get('failures')})")
    code, out, _ = run("check", "--rules", dated, "--format", "sarif", "examples/ineligible-high-end-share.yaml")
    ids = [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]]
    expect("art5.3.patents" not in ids and "art5.4.services" not in ids and ids,
           f"SARIF: no result for a rule not in force ({ids})")

    code, out, err = run("rules", "diff", "rules/recognition", dated, "--lang", "en", low)
    expect(re.search(r"art5\.3\.patents.*fail.*not-applicable", out),
           f"rules diff shows art5.3.patents fail -> not-applicable (exit {code}) {out[:600]} {err[:200]}")

    # until before since: refused where it is written.
    patch(art5, r"^  - id: art5\.2\.count$", ["    since: 2025-01-01", "    until: 2024-12-31"])
    code, out, err = run("check", "--rules", dated, "--lang", "en", "examples/eligible.yaml")
    expect(code == 2 and re.search(r"05-conditions\.yaml:\d+:\d+: .*until \(2024-12-31\) is before since", err),
           f"until before since: exit 2 at file:line:column (exit {code}) {err[:300]}")
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(failures)} failed" if failures else "dated rules: all hold")
sys.exit(1 if failures else 0)
