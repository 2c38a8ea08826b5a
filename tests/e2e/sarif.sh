#!/usr/bin/env bash
# sarif.sh IPZONE: --format sarif of `check` and `rules lint`, validated
# against the SARIF 2.1.0 schema shipped in tests/sarif/ (tests/tools/
# check_sarif.py, Debian's python3-jsonschema), and each finding checked for
# its rule id, kind, level and file:line:column. Run from the repository top.
# Exit 77 (skipped) without python3-jsonschema.
set -u
ipzone=$1
schema=tests/sarif/sarif-schema-2.1.0.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema is not installed: skipped"; exit 77; }
fail=0
# sarif NAME WANT_EXIT ARGS...: runs ipzone ARGS, validates its SARIF; the result lines go to $tmp/NAME.results.
sarif() {
  local name=$1 want=$2
  shift 2
  "$ipzone" "$@" >"$tmp/$name.sarif" 2>"$tmp/$name.err"
  local got=$?
  [ "$got" = "$want" ] || { echo "FAIL: $name: ipzone $*: exit $got, expected $want"; cat "$tmp/$name.err"; fail=1; }
  if ! /usr/bin/python3 tests/tools/check_sarif.py "$schema" "$tmp/$name.sarif" >"$tmp/$name.results"; then
    echo "FAIL: $name: ipzone $*: not valid SARIF 2.1.0:"
    grep FAIL "$tmp/$name.results"
    fail=1
  fi
}
has() {  # has NAME REGEX...: every regex matches a result line
  local name=$1 re
  shift
  for re in "$@"; do
    grep -Eq -- "^RESULT $re$" "$tmp/$name.results" || { echo "FAIL: $name: no result matches: $re"; cat "$tmp/$name.results"; fail=1; }
  done
}
line_of() { grep -n -m1 -- "$1" "$2" | cut -d: -f1; }  # line_of REGEX FILE

# check: a batch with one dossier of each verdict.
sarif batch 2 check --format sarif --lang en examples/
has batch \
  "art5\.2\.high-end-share fail error examples/ineligible-high-end-share\.yaml:$(line_of '^enterprises:' examples/ineligible-high-end-share.yaml):1" \
  "art6\.4\.credit fail error examples/ineligible-credit\.yaml:$(line_of '^    administrative_penalties:' examples/ineligible-credit.yaml):5" \
  "art6\.4\.credit fail warning examples/incomplete\.yaml:$(line_of '^operator:' examples/incomplete.yaml):1" \
  "art5\.2\.count review none examples/needs-review-relaxation\.yaml:[0-9]+:[0-9]+" \
  "dossier\.duplicate_[a-z]+ fail warning examples/needs-review-relaxation\.yaml:112:[0-9]+" \
  "[a-z_.]+ fail error examples/invalid\.yaml:29:[0-9]+" "[a-z_.]+ fail error examples/invalid\.yaml:103:[0-9]+"
if grep -q "examples/eligible\.yaml" "$tmp/batch.results"; then echo "FAIL: batch: the eligible dossier has findings"; fail=1; fi
# the same findings whatever -j is, and the rules named in tool.driver.rules
cmp -s <("$ipzone" check --format sarif -j 1 examples/) <("$ipzone" check --format sarif -j 2 examples/) ||
  { echo "FAIL: -j 1 and -j 2 give different SARIF"; fail=1; }
grep -q '"id": "art5.2.sme-share", "shortDescription"' "$tmp/batch.sarif" || { echo "FAIL: batch: the rule art5.2.sme-share is not described"; fail=1; }

# A Chinese path is a percent-encoded URI (UTF-8 bytes).
mkdir -p "$tmp/申报材料"
cp examples/ineligible-credit.yaml "$tmp/申报材料/档案.yaml"
sarif chinese 1 check --format sarif "$tmp/申报材料/档案.yaml"
has chinese "art6\.4\.credit fail error [^ ]*/%E7%94%B3%E6%8A%A5%E6%9D%90%E6%96%99/%E6%A1%A3%E6%A1%88\.yaml:[0-9]+:5"

# A file that cannot be read: a result at the file as a whole (no region).
sarif missing-file 2 check --format sarif tests/dossiers/no-such-dossier.yaml
has missing-file "file\.not_found fail error tests/dossiers/no-such-dossier\.yaml:0:0"

# rules lint: the shipped rules are clean; a misspelled key is an error at its place.
sarif lint-clean 0 rules lint --format sarif rules/recognition
[ -s "$tmp/lint-clean.results" ] && { echo "FAIL: lint-clean: the shipped rules have findings:"; cat "$tmp/lint-clean.results"; fail=1; }
cp -r rules/recognition "$tmp/broken"
file=$tmp/broken/articles/05-conditions.yaml
at=$(line_of '^    clause:' "$file")
sed -i "${at}s/clause:/clauze:/" "$file"
sarif lint-broken 2 rules lint --format sarif "$tmp/broken"
has lint-broken "[a-z_.]+ fail error [^ ]*/broken/articles/05-conditions\.yaml:$at:[0-9]+"

[ $fail = 0 ] && echo "SARIF of check and rules lint: valid SARIF 2.1.0, every finding located"
exit $fail
