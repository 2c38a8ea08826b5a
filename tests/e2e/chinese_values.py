#!/usr/bin/python3
"""Chinese values in a dossier (issue 10, point 2). A copy of
examples/eligible.yaml written with 孵化器, 企业, 政策宣传…, 是/否/有, dates as
2019年5月16日 and 2019/9/1, and 2,600 for a count gives the same JSON report
as the same dossier written with the canonical values (incubator, enterprise,
policy_publicity…, true/false, 2019-05-16, 2600). A wrong Chinese value is an
error: exit 2, file:line:column, and a did-you-mean naming the label.

  chinese_values.py IPZONE      (run from the top of the repository)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

IPZONE = os.path.abspath(sys.argv[1])
failures = []

CANONICAL = [  # (line in examples/eligible.yaml, the same line as a canonical dossier)
    ("  carrier_type: science_park\n", "  carrier_type: incubator\n"),
]
CHINESE = [  # (canonical line, the same said in Chinese)
    ("  carrier_type: incubator\n", "  carrier_type: 孵化器\n"),
    ("  ip_workstation: true\n", "  ip_workstation: 有\n"),
    ("  service_functions: [policy_publicity, training, rights_protection, entrusted_management]\n",
     "  service_functions: [政策宣传, 业务培训, 维权, 委托管理]\n"),
    ("  legal_form: enterprise\n", "  legal_form: 企业\n"),
    ("  independent_legal_person: true\n", "  independent_legal_person: 是\n"),
    ("  actual_operator: true\n", "  actual_operator: \"是\"\n"),
    ("  zone_operating_since: 2019-05-16\n", "  zone_operating_since: 2019年5月16日\n"),
    ("  ip_services_since: 2019-09-01\n", "  ip_services_since: 2019/9/1\n"),
    ("    dishonest_debtor: false\n", "    dishonest_debtor: 否\n"),
    ("as_of: 2024-03-31\n", "as_of: 2024-3-31\n"),
    ("  pledge_financing_10k_yuan: 2600", "  pledge_financing_10k_yuan: 2,600"),
    ("sme: false,", "sme: 否,"),
]


def replaced(text, pairs):
    for old, new in pairs:
        if old not in text:
            raise SystemExit(f"examples/eligible.yaml lacks {old!r}")
        text = text.replace(old, new)
    return text


def check(text, *args):
    """The JSON report of `ipzone check` on text, written as zone.yaml in a directory of its own."""
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "zone.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    p = subprocess.run([IPZONE, "check", "--format", "json", *args, "zone.yaml"], cwd=d, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def main():
    with open("examples/eligible.yaml", encoding="utf-8") as f:
        canonical = replaced(f.read(), CANONICAL)
    chinese = replaced(canonical, CHINESE)
    code_a, out_a, err_a = check(canonical)
    code_b, out_b, err_b = check(chinese)
    if code_a != 0:
        failures.append(f"canonical dossier: exit {code_a}: {err_a}{out_a[:2000]}")
    if code_b != code_a:
        failures.append(f"Chinese dossier: exit {code_b}, canonical {code_a}: {err_b}{out_b[:2000]}")
    elif json.loads(out_a) != json.loads(out_b):
        failures.append("the JSON reports differ:\n" + out_a[:3000] + "\n----\n" + out_b[:3000])
    score_a = subprocess.run([IPZONE, "score", "--format", "json", "-"], input=canonical.encode(), capture_output=True)
    score_b = subprocess.run([IPZONE, "score", "--format", "json", "-"], input=chinese.encode(), capture_output=True)
    if score_a.stdout != score_b.stdout:
        failures.append("the scores differ (2,600 read otherwise than 2600?)")

    wrong = chinese.replace("  carrier_type: 孵化器\n", "  carrier_type: 孵化园\n")
    line = wrong.splitlines().index("  carrier_type: 孵化园") + 1
    code, out, err = check(wrong)
    if code != 2:
        failures.append(f"a wrong Chinese value: exit {code}, not 2")
    if not re.search(r'"file": "zone\.yaml", "line": %d, "column": 17, "message": "[^"]*孵化器' % line, out):
        failures.append("a wrong Chinese value: no error at zone.yaml:%d:17 suggesting 孵化器:\n%s" % (line, out[:2000]))
    code, out, err = check(wrong.replace("  ip_workstation: 有\n", "  ip_workstation: 也许\n"))
    if code != 2 or "ip_workstation" not in out:
        failures.append(f"ip_workstation: 也许 is not refused (exit {code})")
    for bad_date in ("2019年2月29日", "2019/13/1"):
        code, out, err = check(chinese.replace("2019年5月16日", bad_date))
        if code != 2:
            failures.append(f"zone_operating_since: {bad_date} is not refused (exit {code})")
    code, out, err = check(chinese.replace("2,600", "2,60"))
    if code != 2:
        failures.append(f"2,60 is not refused (exit {code})")

    for f in failures:
        print("FAIL:", f)
    print("ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
