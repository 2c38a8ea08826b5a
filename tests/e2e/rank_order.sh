#!/usr/bin/env bash
# rank_order.sh IPZONE: `ipzone rank` gives the same ranking for any -j and
# for any order of its inputs (ties are broken by file path), over every
# dossier the project has. The JSON is parsed, not compared as bytes alone: a
# ranking of nothing (a rejected option, an empty output) fails, and so does
# one that ranks fewer dossiers than the inputs hold. Run from the top of the
# repository. (It replaces a byte comparison that compared two empty outputs
# while rank rejected -r.)
set -u
ipzone=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(find examples tests -name '*.yaml' -o -name '*.yml' | wc -l)
"$ipzone" rank --format json -j 1 -r examples tests >"$tmp/j1.json" 2>"$tmp/j1.err"
"$ipzone" rank --format json -j 2 -r examples tests >"$tmp/j2.json" 2>"$tmp/j2.err"
"$ipzone" rank --format json -j 2 -r tests examples >"$tmp/reversed.json" 2>"$tmp/reversed.err"
/usr/bin/python3 - "$n" "$tmp" <<'PY'
import json, sys
want, tmp = int(sys.argv[1]), sys.argv[2]
def ranking(name):
    try:
        doc = json.load(open(f"{tmp}/{name}.json", encoding="utf-8"))
    except ValueError as e:
        sys.exit(f"FAIL: rank ({name}) is not JSON: {e}\n" + open(f"{tmp}/{name}.err").read())
    rows = doc["ranking"]
    ranks = [r["rank"] for r in rows]
    if ranks != list(range(1, len(rows) + 1)):
        sys.exit(f"FAIL: rank ({name}): ranks are not 1..{len(rows)}: {ranks}")
    return [(r["rank"], r["file"], r["verdict"], r.get("total")) for r in rows]
a, b, c = ranking("j1"), ranking("j2"), ranking("reversed")
if len(a) != want:
    sys.exit(f"FAIL: rank ranks {len(a)} dossiers, the inputs hold {want}")
for name, other in (("-j 2", b), ("the inputs reversed", c)):
    if other != a:
        diff = next(i for i in range(min(len(a), len(other))) if a[i] != other[i]) if len(a) == len(other) else None
        sys.exit(f"FAIL: rank with {name} differs from -j 1" + (f" at {a[diff]} / {other[diff]}" if diff is not None else ""))
print(f"the same ranking of {len(a)} dossiers for -j 1, -j 2 and the inputs reversed")
PY
