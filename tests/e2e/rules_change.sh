#!/usr/bin/env bash
# rules_change.sh IPZONE SCENARIO: copies rules/recognition to a temporary
# folder, changes it as a rule maintainer might, and checks that lint, rule
# tests, diff and check see exactly that change. Run from the repository top.
set -u
ipzone=$1 scenario=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
new=$tmp/recognition
cp -r rules/recognition "$new"
# The copied tests refer to their base dossier by a relative path: keep it working.
fail=0
check() {  # check WANT_EXIT REGEX... -- ARGS...
  local want=$1; shift
  local res=()
  while [ "$1" != "--" ]; do res+=("$1"); shift; done
  shift
  local out got bad=0
  out=$("$ipzone" "$@" 2>&1); got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: ipzone $*: exit $got, expected $want"; bad=1; fi
  for re in "${res[@]+"${res[@]}"}"; do
    if ! grep -Eq -- "$re" <<<"$out"; then echo "FAIL: ipzone $*: no match for: $re"; bad=1; fi
  done
  if [ $bad = 1 ]; then echo "--- output:"; echo "$out"; fail=1; fi
}

case "$scenario" in
  threshold-moved)  # 不少于70家 becomes 75: rule tests catch it, diff lists exactly the dossiers that flip
    sed -i 's/value: 70, source: 第五条第2项/value: 75, source: 第五条第2项/' "$new/parameters.yaml"
    check 0 "0 errors" -- rules lint --lang en "$new"
    check 1 "✗ .*Art\. 5\(2\) 70 enterprises pass" "art5\.2\.count: expected pass, got fail" "[0-9]+ passed, [1-9][0-9]* failed" \
      -- rules test --lang en "$new"
    check 0 "tests/dossiers/count-70\.yaml .*: eligible → ineligible" "art5\.2\.count: pass → fail" \
      "^1 of 5 dossiers change verdict: 1 eligible → ineligible; 0 more change only some rule outcomes" \
      -- rules diff --lang en rules/recognition "$new" tests/dossiers/count-70.yaml tests/dossiers/count-69.yaml \
         tests/dossiers/sme-80-exact.yaml tests/dossiers/high-end-60-exact.yaml examples/eligible.yaml
    check 1 "\"old_verdict\": \"eligible\", \"new_verdict\": \"ineligible\"" -- rules diff --format json --fail-on-change \
      rules/recognition "$new" tests/dossiers/count-70.yaml
    check 0 "\| .tests/dossiers/count-70\.yaml. .* \| eligible → ineligible \| .art5\.2\.count. pass → fail \|" \
      -- rules diff --format markdown --lang en rules/recognition "$new" tests/dossiers/count-70.yaml
    check 0 "^0 of 1 dossiers change verdict" -- rules diff --lang en --fail-on-change rules/recognition "$new" examples/eligible.yaml
    ;;
  second-date)  # a second value from 2025-01-01: each side of the date uses its own value, and says which
    python3 - "$new/parameters.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n",
              "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n      - {since: 2025-01-01, value: 80, source: 修订后第五条第2项}\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
    check 0 "0 errors" -- rules lint --lang en "$new"
    check 0 "\"id\": \"art5\.2\.count\", \"clause\": \"[^\"]*\", \"outcome\": \"pass\"" \
      "\"name\": \"min_enterprises\", \"value\": \"70\", \"since\": \"2023-12-20\"" \
      -- check --format json --rules "$new" --as-of 2024-12-31 tests/dossiers/count-70.yaml
    check 1 "\"id\": \"art5\.2\.count\", \"clause\": \"[^\"]*\", \"outcome\": \"fail\"" \
      "\"name\": \"min_enterprises\", \"value\": \"80\", \"since\": \"2025-01-01\", \"source\": \"修订后第五条第2项\"" \
      -- check --format json --rules "$new" --as-of 2025-01-01 tests/dossiers/count-70.yaml
    check 0 "min_enterprises = 70 +since 2023-12-20" "2025-01-01: 80" -- explain --lang en --rules "$new" --as-of 2024-12-31 art5.2.count
    ;;
  misspelled-key)  # clause: becomes clasue: in one rule
    sed -i '0,/    clause: /s//    clasue: /' "$new/articles/05-conditions.yaml"
    line=$(grep -n "clasue:" "$new/articles/05-conditions.yaml" | cut -d: -f1)
    check 2 "05-conditions\.yaml:$line:[0-9]+: error: unknown key clasue in rules\[1\]; did you mean clause\?" \
      -- rules lint --lang en "$new"
    check 2 "05-conditions\.yaml:$line:[0-9]+: 错误: rules\[1\] 下有未知字段 clasue，是否应为 clause？" \
      -- check --rules "$new" examples/eligible.yaml
    ;;
  broken-placeholder)  # a message names a value the rule does not have
    sed -i 's/{sme_share.need_add} more SME enterprises/{sme_share.need_ad} more SME enterprises/' "$new/articles/05-conditions.yaml"
    line=$(grep -n "sme_share.need_ad}" "$new/articles/05-conditions.yaml" | cut -d: -f1)
    check 2 "05-conditions\.yaml:$((line - 1)):[0-9]+: error: rule art5\.2\.sme-share: messages uses a placeholder \{sme_share\.need_ad\} that the rule cannot fill \(closest: sme_share\.need_add\)" \
      -- rules lint --lang en "$new"
    # Lint is part of loading: every command refuses the set, with the same diagnostic.
    for cmd in "check --rules $new examples/eligible.yaml" "score --rules $new examples/eligible.yaml" \
               "rules test $new" "rules diff rules/recognition $new examples/eligible.yaml"; do
      # shellcheck disable=SC2086
      check 2 "05-conditions\.yaml:$((line - 1)):[0-9]+: error: rule art5\.2\.sme-share: messages uses a placeholder \{sme_share\.need_ad\}" \
        -- $cmd --lang en
    done
    ;;
  equals-wrong-type)  # equals against a word where a count belongs, and against two texts
    python3 - "$new/articles/05-conditions.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("      fact: enterprise_count\n      op: at_least\n      param: min_enterprises\n",
              "      fact: enterprise_count\n      op: equals\n      value: seventy\n", 1)
s = s.replace("          op: one_of\n          value: [industrial_park,", "          op: equals\n          value: [industrial_park,", 1)
open(p, "w", encoding="utf-8").write(s)
PY
    count=$(grep -n "value: seventy" "$new/articles/05-conditions.yaml" | cut -d: -f1)
    check 2 "05-conditions\.yaml:$((count - 2)):[0-9]+: error: rule art5\.2\.count: enterprise_count is a count, so equals needs a whole number, not seventy" \
      "error: rule art5\.1\.carrier: equals compares zone\.carrier_type with one value, not industrial_park, science_park" \
      -- rules lint --lang en "$new"
    check 2 "05-conditions\.yaml:$((count - 2)):[0-9]+: 错误: 规则 art5\.2\.count：enterprise_count 是数量，equals 须给出一个整数，而不是 seventy" \
      -- check --rules "$new" examples/eligible.yaml
    ;;
  rule-deleted)  # the Art. 13 rule is removed
    rm "$new/articles/13-funds.yaml"
    check 0 "0 errors" "warning: parameter fund_fraud_bar_years is used by no rule" -- rules lint --lang en "$new"
    check 1 "no rule art13\.funds-ban" -- rules test --lang en "$new"
    check 0 "^1 of 1 dossiers change verdict: 1 ineligible → eligible" "art13\.funds-ban: fail → -" \
      -- rules diff --lang en rules/recognition "$new" tests/dossiers/fund-fraud-inside-5y.yaml
    ;;
  dates-unsorted)  # a parameter's second value dated before its first
    python3 - "$new/parameters.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("      - {since: 2023-12-20, value: 80, source: 第五条第2项}\n",
              "      - {since: 2023-12-20, value: 80, source: 第五条第2项}\n      - {since: 2022-01-01, value: 75, source: 第五条第2项}\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
    check 2 "parameters\.yaml:[0-9]+:[0-9]+: error: parameter min_sme_share: the date 2022-01-01 must come after 2023-12-20" \
      -- rules lint --lang en "$new"
    ;;
  wrong-types)  # a share compared with years, an unknown fact, an unknown operator, a missing table
    sed -i 's/      param: min_sme_share/      param: min_operating_years/' "$new/articles/05-conditions.yaml"
    sed -i 's/fact: invention_patents$/fact: invention_patent/' "$new/articles/05-conditions.yaml"
    sed -i 's/      op: none_up_to_as_of/      op: none_up_to/' "$new/articles/06-operator.yaml"
    sed -i 's/          table: beijing_districts/          table: beijing_district/' "$new/articles/05-conditions.yaml"
    check 2 "error: parameter min_operating_years is in years; percent is needed here" \
      "error: no fact invention_patent \(closest: invention_patents\)" \
      "06-operator\.yaml:[0-9]+:[0-9]+: error: no operator none_up_to \(closest: none_up_to_as_of\)" \
      "error: no table beijing_district \(closest: beijing_districts\)" \
      -- rules lint --lang en "$new"
    ;;
  weights-moved)  # 5 points move from valid patents to invention patents: scores move as the model says
    sed -i 's/id: valid_patents, title: {zh: 有效专利, en: Valid patents}, fact: valid_patents, points: 10,/id: valid_patents, title: {zh: 有效专利, en: Valid patents}, fact: valid_patents, points: 5,/' "$new/scoring.yaml"
    sed -i 's/id: invention_patents, title: {zh: 发明专利, en: Invention patents}, fact: invention_patents, points: 12,/id: invention_patents, title: {zh: 发明专利, en: Invention patents}, fact: invention_patents, points: 17,/' "$new/scoring.yaml"
    check 0 "0 errors" -- rules lint --lang en "$new"
    # The base case: valid 2.40 -> 1.20, invention 0.72 -> 1.02: ip_stock 5.95 -> 5.05, total 26.90 -> 26.00.
    check 1 "score\.ip_stock: expected 5\.95 points, got 5\.05" "score: expected 26\.90 points, got 26\.00" \
      -- rules test --lang en "$new"
    ;;
  weights-broken)  # a weight that no longer matches its indicators, and a curve the wrong way round
    sed -i 's/          weight: 30/          weight: 35/' "$new/scoring.yaml"
    sed -i 's/linear: {from: 70, to: 150}/linear: {from: 150, to: 70}/' "$new/scoring.yaml"
    check 2 "scoring\.yaml:[0-9]+:[0-9]+: error: .*from \(150\) must be below to \(70\)" -- rules lint --lang en "$new"
    sed -i 's/linear: {from: 150, to: 70}/linear: {from: 70, to: 150}/' "$new/scoring.yaml"
    check 2 "scoring\.yaml:[0-9]+:[0-9]+: error: scoring dimension ip_stock: its indicators add up to 30, not its weight 35" \
      "error: scoring model \(from 2023-12-20\): the dimension weights add up to 105, not 100" -- rules lint --lang en "$new"
    ;;
  *) echo "unknown scenario $scenario"; exit 2 ;;
esac
exit $fail
