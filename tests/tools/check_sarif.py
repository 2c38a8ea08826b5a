#!/usr/bin/python3
"""check_sarif.py SCHEMA [FILE]: validates a SARIF log (FILE, or standard
input) against the SARIF 2.1.0 JSON Schema with Debian's python3-jsonschema,
checks what the schema leaves optional and ipzone promises (every result has
a ruleId listed in tool.driver.rules at its ruleIndex, a level, a message and
a location with the file's URI, and a line and column where there is one),
then prints one line per result for the caller to match:
    RESULT <ruleId> <kind> <level> <uri>:<startLine>:<startColumn>
Exit 0 when valid, 1 when not, 77 (skipped) without python3-jsonschema."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    text = open(sys.argv[2], encoding="utf-8").read() if len(sys.argv) > 2 else sys.stdin.read()
    log = json.loads(text)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print("FAIL: schema: %s at %s" % (e.message, "/".join(str(p) for p in e.path)))
    ok = not errors
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        for r in run.get("results", []):
            rid = r.get("ruleId")
            idx = r.get("ruleIndex", -1)
            if not rid or not (0 <= idx < len(rules)) or rules[idx]["id"] != rid:
                print("FAIL: result %r: ruleIndex %r does not name it in tool.driver.rules" % (rid, idx))
                ok = False
            if "level" not in r or not r.get("message", {}).get("text"):
                print("FAIL: result %r has no level or no message text" % rid)
                ok = False
            if r.get("kind", "fail") != "fail" and r.get("level") != "none":
                print("FAIL: result %r of kind %s must have level none" % (rid, r.get("kind")))
                ok = False
            locs = r.get("locations", [])
            if len(locs) != 1:
                print("FAIL: result %r has %d locations, not 1" % (rid, len(locs)))
                ok = False
                continue
            phys = locs[0]["physicalLocation"]
            region = phys.get("region", {})
            print("RESULT %s %s %s %s:%s:%s" % (rid, r.get("kind", "fail"), r["level"],
                                               phys["artifactLocation"]["uri"],
                                               region.get("startLine", 0), region.get("startColumn", 0)))
    return 0 if ok else 1


sys.exit(main())
