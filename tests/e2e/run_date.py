#!/usr/bin/python3
"""One date for a run (issue 14, point 7). With the clock fixed by IPZONE_NOW
at 2024-03-31 16:30 UTC (2024-04-01 in Shanghai and on Kiritimati, UTC+14;
2024-03-31 in Pago Pago, UTC-11), a copy of examples/eligible.yaml without
as_of is judged on:
  - --tz ZONE's date, else TZ's, else Asia/Shanghai's (the rule set's zone);
  - every report says the date and where it comes from (text, markdown, json,
    ndjson, csv, junit, html, sarif; score and explain too);
  - a batch of such dossiers has one date, the same for all;
  - a dossier's own as_of, and --as-of, win, and the report says so;
  - an unknown zone (--tz or TZ) is a usage error, exit 2, zh by default and
    en with --lang en, naming the zone, with nothing on standard output.

  run_date.py IPZONE            (run from the top of the repository)
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

IPZONE = os.path.abspath(sys.argv[1])
NOW = "1711902600"  # 2024-03-31T16:30:00Z
failures = []


def bad(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(args, tz=None, now=NOW):
    env = {k: v for k, v in os.environ.items() if k not in ("TZ", "IPZONE_NOW")}
    if tz is not None:
        env["TZ"] = tz
    if now is not None:
        env["IPZONE_NOW"] = now
    p = subprocess.run([IPZONE] + args, env=env, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def main():
    tmp = tempfile.mkdtemp()
    with open("examples/eligible.yaml", encoding="utf-8") as f:
        text = f.read()
    undated = "".join(l for l in text.splitlines(True) if not l.startswith("as_of:"))
    paths = []
    for i in range(3):
        p = os.path.join(tmp, f"zone{i}.yaml")
        with open(p, "w", encoding="utf-8") as f:
            f.write(undated)
        paths.append(p)
    one = paths[:1]

    def dossier_date(args, tz=None):
        code, out, err = run(["check", "--format", "json"] + args + one, tz=tz)
        if code not in (0, 1):
            bad(f"check {args} TZ={tz}: exit {code}: {err}")
            return None
        d = json.loads(out)["dossiers"][0]
        return d["as_of"], d["as_of_source"], d["time_zone"]

    for args, tz, want in [
        (["--tz", "Pacific/Kiritimati"], None, ("2024-04-01", "today", "Pacific/Kiritimati")),
        (["--tz", "Pacific/Pago_Pago"], None, ("2024-03-31", "today", "Pacific/Pago_Pago")),
        ([], "Pacific/Pago_Pago", ("2024-03-31", "today", "Pacific/Pago_Pago")),
        ([], ":Pacific/Kiritimati", ("2024-04-01", "today", "Pacific/Kiritimati")),
        ([], None, ("2024-04-01", "today", "Asia/Shanghai")),
        ([], "", ("2024-04-01", "today", "Asia/Shanghai")),
        (["--tz", "UTC"], "Pacific/Kiritimati", ("2024-03-31", "today", "UTC")),  # --tz wins over TZ
        (["--as-of", "2024-06-30", "--tz", "UTC"], None, ("2024-06-30", "option", None)),
    ]:
        got = dossier_date(args, tz)
        if got != want:
            bad(f"check {args} TZ={tz!r}: as_of, source, zone {got}, expected {want}")

    code, out, _ = run(["check", "--format", "json", "examples/eligible.yaml"], tz="Pacific/Kiritimati")
    d = json.loads(out)["dossiers"][0]
    if (d["as_of"], d["as_of_source"], d["time_zone"]) != ("2024-03-31", "dossier", None):
        bad(f"a dossier's own as_of: {d['as_of']} {d['as_of_source']} {d['time_zone']}")

    # A batch: one date for every dossier, said once at the top level too.
    code, out, _ = run(["check", "--format", "json", "-j", "2", "--tz", "Pacific/Kiritimati"] + paths)
    doc = json.loads(out)
    dates = {(d["as_of"], d["as_of_source"]) for d in doc["dossiers"]}
    if dates != {("2024-04-01", "today")} or doc["as_of"] != "2024-04-01" or doc["as_of_source"] != "today" \
            or doc["time_zone"] != "Pacific/Kiritimati":
        bad(f"a batch: {dates}, top level {doc['as_of']} {doc['as_of_source']} {doc['time_zone']}")
    code, out, _ = run(["check", "--format", "ndjson", "--tz", "Pacific/Kiritimati"] + paths)
    lines = [json.loads(l) for l in out.splitlines() if l.strip()]
    if {(l.get("as_of"), l.get("time_zone")) for l in lines} != {("2024-04-01", "Pacific/Kiritimati")}:
        bad(f"ndjson: {out[:300]}")

    # Every report says the date and where it comes from.
    expect = {
        ("text", "zh"): "评估日期 2024-04-01（Pacific/Kiritimati 时区的当日）",
        ("text", "en"): "as of 2024-04-01 (today in Pacific/Kiritimati)",
        ("markdown", "zh"): "评估日期 2024-04-01（Pacific/Kiritimati 时区的当日）",
        ("markdown", "en"): "as of 2024-04-01 (today in Pacific/Kiritimati)",
        ("html", "en"): "2024-04-01 (today in Pacific/Kiritimati)",
        ("junit", "en"): 'name="as_of_source" value="today in Pacific/Kiritimati"',
        ("sarif", "en"): '"as_of_source": "today"',
    }
    for (fmt, lang), want in expect.items():
        code, out, err = run(["check", "--format", fmt, "--lang", lang, "--color", "never", "--tz",
                              "Pacific/Kiritimati"] + one)
        if want not in out:
            bad(f"--format {fmt} --lang {lang} does not say {want!r}")
        if fmt == "junit":
            ET.fromstring(out)
        if fmt == "sarif":
            json.loads(out)
    code, out, _ = run(["check", "--format", "csv", "--tz", "Pacific/Kiritimati"] + one)
    rows = list(csv.DictReader(io.StringIO(out)))
    if [(r["as_of"], r["as_of_source"], r["time_zone"]) for r in rows] != [("2024-04-01", "today", "Pacific/Kiritimati")]:
        bad(f"csv: {rows}")
    code, out, _ = run(["check", "--format", "text", "--lang", "en", "--as-of", "2024-06-30"] + one)
    if "as of 2024-06-30 (from --as-of)" not in out:
        bad(f"text with --as-of: {out[:200]}")
    code, out, _ = run(["check", "--format", "text", "--lang", "en", "examples/eligible.yaml"])
    if "as of 2024-03-31 (the dossier's as_of)" not in out:
        bad(f"text with the dossier's as_of: {out[:200]}")

    # score and explain take the same date.
    code, out, _ = run(["score", "--format", "json", "--tz", "Pacific/Kiritimati"] + one)
    s = json.loads(out)["dossiers"][0]
    if (s["as_of"], s["as_of_source"], s["time_zone"]) != ("2024-04-01", "today", "Pacific/Kiritimati"):
        bad(f"score json: {s.get('as_of')} {s.get('as_of_source')}")
    code, out, _ = run(["score", "--lang", "en", "--tz", "Pacific/Pago_Pago"] + one)
    if "as of 2024-03-31 (today in Pacific/Pago_Pago)" not in out:
        bad(f"score text: {out[:300]}")
    for tz, want in [("Pacific/Kiritimati", "2024-04-01"), ("Pacific/Pago_Pago", "2024-03-31")]:
        code, out, _ = run(["explain", "art5.2.count", "--format", "json", "--tz", tz])
        if json.loads(out)["as_of"] != want:
            bad(f"explain --tz {tz}: as_of {json.loads(out)['as_of']}, expected {want}")

    # An unknown zone: a usage error, in Chinese by default.
    for args, tz, lang, words in [
        (["--tz", "Mars/Olympus_Mons"], None, "zh", ["未知的时区", "Mars/Olympus_Mons", "--tz"]),
        (["--tz", "Mars/Olympus_Mons", "--lang", "en"], None, "en", ["unknown time zone", "Mars/Olympus_Mons"]),
        (["--lang", "en"], "Nowhere/Atlantis", "en", ["unknown time zone", "Nowhere/Atlantis", "TZ"]),
        (["--tz", "../../../etc/passwd"], None, "zh", ["未知的时区"]),
    ]:
        for cmd in (["check"] + args + one, ["score"] + args + one, ["explain", "art5.2.count"] + args):
            code, out, err = run(cmd, tz=tz)
            if code != 2 or out or not all(w in err for w in words):
                bad(f"{' '.join(cmd)} TZ={tz}: exit {code}, stdout {out[:80]!r}, stderr {err!r}; expected 2 and {words}")
    code, out, err = run(["check"] + one, now="tomorrow")
    if code != 2 or "IPZONE_NOW" not in err:
        bad(f"IPZONE_NOW=tomorrow: exit {code}, {err!r}")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("one date per run: --tz, TZ, Asia/Shanghai; every format says it and where it comes from")
    return 0


if __name__ == "__main__":
    sys.exit(main())
