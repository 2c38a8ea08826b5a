#!/usr/bin/env bash
# ci_examples.sh IPZONE KIND: runs the commands that a CI example of this
# repository names, on a scratch repository of rules and dossiers as a rule
# maintainer keeps one (rules/recognition, dossiers/), with the built ipzone
# on PATH, and checks that they pass on a harmless change and fail on a
# harmful one.
#   pre-commit: .pre-commit-hooks.yaml, through `pre-commit try-repo`
#   github:     docs/ci/github-actions.yml, each run: step as GitHub runs it
#   gitlab:     docs/ci/gitlab-ci.yml, the job's script and after_script
# The steps that only install ipzone are not run (.ci/run installs the Debian
# package itself). Exit 77 (skipped) without pre-commit or python3-yaml.
set -u
ipzone=$1 kind=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(cd "$(dirname "$ipzone")" && pwd):$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp/home
mkdir -p "$HOME"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# The scratch repository: main with the shipped rules and three dossiers
# (eligible, needs-review, and one with exactly 70 enterprises), pushed to a
# bare origin; the work happens on a branch, as in a pull request.
git init -q --bare "$tmp/origin.git"
repo=$tmp/repo
git init -q -b main "$repo"
mkdir -p "$repo/rules" "$repo/dossiers"
cp -r "$src/rules/recognition" "$repo/rules/"
cp "$src/examples/eligible.yaml" "$src/examples/needs-review-relaxation.yaml" "$src/tests/dossiers/count-70.yaml" "$repo/dossiers/"
git -C "$repo" add -A && git -C "$repo" commit -qm "rules and dossiers"
git -C "$repo" remote add origin "$tmp/origin.git" && git -C "$repo" push -q origin main
git -C "$repo" checkout -q -b change
commit() { git -C "$repo" add -A && git -C "$repo" commit -qm "$1"; }
reset() { git -C "$repo" reset -q --hard main; }
harmless() { echo "# a note for the next maintainer" >>"$repo/rules/recognition/parameters.yaml"; commit "a comment"; }
harmful() {  # not less than 70 enterprises becomes 75: the rule tests fail, and count-70 turns ineligible
  sed -i 's/value: 70, source: 第五条第2项/value: 75, source: 第五条第2项/' "$repo/rules/recognition/parameters.yaml"
  commit "75 enterprises"
}

# run_steps FILE [STEP [LINES]]: the example's scripts in order, as its CI
# would run them (a failed step skips the later ones unless they run always);
# prints "NN status name" for each into $tmp/steps. With STEP (a regex), only
# the steps so named run; with LINES (a regex), only their lines that match.
run_steps() {
  local file=$1 step=${2:-} only=${3:-} failed=0 n what name rc
  rm -rf "$tmp/scripts" && mkdir "$tmp/scripts"
  /usr/bin/python3 "$src/tests/tools/ci_steps.py" "$kind" "$file" "$tmp/scripts" >"$tmp/list" || return 77
  : >"$tmp/steps"
  while read -r n what name; do
    [ -f "$tmp/scripts/$n.sh" ] || { echo "$n $what $name" >>"$tmp/steps"; continue; }
    if [ -n "$step" ] && ! grep -Eq -- "$step" <<<"$name"; then echo "$n not-run $name" >>"$tmp/steps"; continue; fi
    if [ -n "$only" ]; then
      { grep -E '^(set|export) ' "$tmp/scripts/$n.sh"; grep -E -- "$only" "$tmp/scripts/$n.sh"; } >"$tmp/only.sh"
      mv "$tmp/only.sh" "$tmp/scripts/$n.sh"
    fi
    if [ $failed = 1 ] && [ "$what" != always ]; then echo "$n skipped $name" >>"$tmp/steps"; continue; fi
    (cd "$repo" && bash "$tmp/scripts/$n.sh") >"$tmp/out.$n" 2>&1
    rc=$?
    if [ $rc = 0 ]; then echo "$n ok $name" >>"$tmp/steps"; else echo "$n failed($rc) $name" >>"$tmp/steps"; failed=1; fi
  done <"$tmp/list"
}
step_is() {  # step_is STATUS-REGEX NAME
  grep -Eq "^[0-9]+ $1 $2$" "$tmp/steps" || { bad "$kind: step '$2' is not $1:"; cat "$tmp/steps"; cat "$tmp"/out.* | tail -20; }
}
sarif_ok() {  # sarif_ok FILE: written and valid SARIF 2.1.0
  [ -s "$repo/$1" ] || { bad "$kind: no $1"; return; }
  /usr/bin/python3 "$src/tests/tools/check_sarif.py" "$src/tests/sarif/sarif-schema-2.1.0.json" "$repo/$1" >/dev/null ||
    bad "$kind: $1 is not valid SARIF 2.1.0"
}

case "$kind" in
  pre-commit)
    command -v pre-commit >/dev/null || { echo "pre-commit is not installed: skipped"; exit 77; }
    export PRE_COMMIT_HOME=$tmp/pre-commit-home
    try() { (cd "$repo" && pre-commit try-repo "$src" "$@") >"$tmp/out" 2>&1; }
    harmless
    try --all-files || { bad "pre-commit: every hook should pass on a harmless change:"; cat "$tmp/out"; }
    for id in ipzone-rules-lint ipzone-rules-test ipzone-check; do
      grep -Eq "^ipzone (rules lint|rules test|check)\.+Passed$" "$tmp/out" || { bad "pre-commit: $id did not run and pass"; cat "$tmp/out"; break; }
    done
    reset
    sed -i '0,/    clause: /s//    clasue: /' "$repo/rules/recognition/articles/05-conditions.yaml" && commit "a typo"
    try ipzone-rules-lint --all-files && bad "pre-commit: ipzone-rules-lint passes a misspelled key"
    grep -q "clasue" "$tmp/out" || { bad "pre-commit: ipzone-rules-lint does not name the misspelled key"; cat "$tmp/out"; }
    reset && harmful
    try ipzone-rules-test --all-files && bad "pre-commit: ipzone-rules-test passes a threshold its cases pin"
    grep -q "art5.2.count" "$tmp/out" || { bad "pre-commit: ipzone-rules-test does not name the rule"; cat "$tmp/out"; }
    reset
    cp "$src/examples/ineligible-credit.yaml" "$repo/dossiers/" && commit "an ineligible dossier"
    try ipzone-check --files dossiers/ineligible-credit.yaml && bad "pre-commit: ipzone-check passes an ineligible dossier"
    grep -q "art6.4.credit\|第六条第4项" "$tmp/out" || { bad "pre-commit: ipzone-check does not say why"; cat "$tmp/out"; }
    ;;
  github)
    workflow=$src/docs/ci/github-actions.yml
    export GITHUB_BASE_REF=main GITHUB_WORKSPACE=$repo RUNNER_TEMP=$tmp/runner GITHUB_STEP_SUMMARY=$tmp/summary.md
    mkdir -p "$RUNNER_TEMP"
    git -C "$repo" fetch -q origin
    harmless
    run_steps "$workflow" || exit 77
    for s in "Lint the rules" "Run the rules' test cases" "Which dossiers the change moves" "SARIF for code scanning"; do
      step_is ok "$s"
    done
    step_is install "Install ipzone"
    grep -q "^3 份档案中 0 份结论改变" "$GITHUB_STEP_SUMMARY" || { bad "github: the job summary does not say 0 of 3 change"; cat "$GITHUB_STEP_SUMMARY"; }
    sarif_ok ipzone-rules.sarif && sarif_ok ipzone-dossiers.sarif
    # A harmful change: the test cases fail the job, the diff is skipped, SARIF is still made.
    reset && harmful && rm -rf "$RUNNER_TEMP"/* "$GITHUB_STEP_SUMMARY" "$repo"/*.sarif && git -C "$repo" worktree prune
    run_steps "$workflow"
    step_is ok "Lint the rules"
    step_is "failed\(1\)" "Run the rules' test cases"
    step_is skipped "Which dossiers the change moves"
    step_is ok "SARIF for code scanning"
    sarif_ok ipzone-dossiers.sarif
    # ... and the diff step by itself fails, with the dossier that moves in the summary.
    rm -rf "$RUNNER_TEMP"/* && git -C "$repo" worktree prune
    run_steps "$workflow" "^Which dossiers"
    step_is "failed\(1\)" "Which dossiers the change moves"
    grep -Eq "count-70\.yaml.* \| eligible → ineligible \| .art5\.2\.count. pass → fail" "$GITHUB_STEP_SUMMARY" ||
      { bad "github: the job summary does not show count-70 moving"; cat "$GITHUB_STEP_SUMMARY"; }
    ;;
  gitlab)
    ci=$src/docs/ci/gitlab-ci.yml
    export CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CI_PROJECT_DIR=$repo
    harmless
    run_steps "$ci" || exit 77
    step_is install "ipzone-rules before_script"
    step_is ok "ipzone-rules script"
    step_is ok "ipzone-rules after_script"
    grep -q "^3 份档案中 0 份结论改变" "$repo/ipzone-rules-diff.md" || bad "gitlab: ipzone-rules-diff.md does not say 0 of 3 change"
    grep -q 'failures="0"' "$repo/ipzone-rules-test.xml" || bad "gitlab: the JUnit report is not a passing one"
    sarif_ok ipzone-rules.sarif && sarif_ok ipzone-dossiers.sarif
    # A harmful change: the script fails (the JUnit report shows the failures), after_script still makes SARIF ...
    reset && harmful && rm -f "$repo"/*.sarif "$repo"/ipzone-rules-*
    run_steps "$ci"
    step_is "failed\(1\)" "ipzone-rules script"
    step_is ok "ipzone-rules after_script"
    grep -Eq 'failures="[1-9]' "$repo/ipzone-rules-test.xml" || bad "gitlab: the JUnit report does not show the failing cases"
    sarif_ok ipzone-dossiers.sarif
    # ... and the diff commands by themselves fail, naming the dossier that moves.
    run_steps "$ci" "script$" "git fetch|git worktree|rules diff"
    step_is "failed\(1\)" "ipzone-rules script"
    grep -Eq "count-70\.yaml.* \| eligible → ineligible" "$repo/ipzone-rules-diff.md" ||
      { bad "gitlab: ipzone-rules-diff.md does not show count-70 moving"; cat "$repo/ipzone-rules-diff.md"; }
    ;;
esac
[ $fail = 0 ] && echo "$kind example: its commands pass on a harmless change and fail on a harmful one"
exit $fail
