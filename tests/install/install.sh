#!/usr/bin/env bash
# install.sh BUILD VERSION RULES_VERSION MAKE_MANPAGE: `cmake --install BUILD`
# into a temporary prefix, then, as a user would find it there:
#   - every file is where it belongs (binary, man page, completions, docs, examples);
#   - `man -l` renders the page without a warning, with a section for every
#     sub-command and every option that the installed binary's --help lists,
#     and it is the page the current sources make (never stale);
#   - the installed binary prints its version and the built-in rule set's,
#     checks the installed examples from another folder, and its installed
#     completion scripts are the ones it writes now.
set -u
build=$1 version=$2 rules_version=$3 make_manpage=$4
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; echo "FAIL: cmake --install"; exit 1; }
doc=$prefix/share/doc/ipzone
for f in bin/ipzone share/man/man1/ipzone.1.gz share/bash-completion/completions/ipzone \
  share/zsh/vendor-completions/_ipzone share/fish/vendor_completions.d/ipzone.fish \
  share/doc/ipzone/README.md share/doc/ipzone/rules.md share/doc/ipzone/rules-recognition.md \
  share/doc/ipzone/examples/eligible.yaml share/doc/ipzone/examples/csv-roster.yaml share/doc/ipzone/examples/csv-roster.csv; do
  [ -f "$prefix/$f" ] || fail "not installed: $f"
done
cmp -s "$src/rules/recognition/README.md" "$doc/rules-recognition.md" || fail "the rule document is not rules/recognition/README.md"
bin=$prefix/bin/ipzone

# The man page, as man shows it.
export LC_ALL=C.UTF-8 MANWIDTH=100 MANPAGER=cat
man --warnings -l "$prefix/share/man/man1/ipzone.1.gz" >"$work/page" 2>"$work/man.err" || fail "man -l exited $?"
[ -s "$work/man.err" ] && fail "man --warnings: $(cat "$work/man.err")"
for heading in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  grep -qx "$heading" "$work/page" || fail "the man page has no section $heading"
done
grep -q "ipzone $version" "$work/page" || fail "the man page does not name version $version"
subcommands() { "$bin" "$@" --help | awk '/^Subcommands:/{s=1; next} /^[^ ]/{s=0} s && /^  [a-z]/{print $1}'; }
options() {
  "$bin" "$@" --help | awk '/^Options:/{s=1; next} /^[^ ]/{s=0} s' | grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z-]*' |
    grep -oE -- '--[a-z-]+$' | grep -vx -- --help
}
# section COMMAND...: the man page's section of that command (up to the next one).
section() { awk -v h="   ipzone $*" 'index($0, h) == 1 && (length($0) == length(h) || substr($0, length(h) + 1, 1) == " ") {s=1; print; next} /^   ipzone /{s=0} /^[A-Z]/{s=0} s' "$work/page"; }
check_command() {
  local c o text name
  for c in $(subcommands "$@"); do
    name="ipzone ${*:+$* }$c"
    if [ -z "$(subcommands "$@" "$c")" ]; then
      text=$(section "$@" "$c")
      [ -n "$text" ] || { fail "the man page has no section for $name"; continue; }
      for o in $(options "$@" "$c"); do
        grep -qE -- "^       (-[a-zA-Z], )?$o( |$)" <<<"$text" || fail "the man page's section of $name lacks $o"
      done
    fi
    check_command "$@" "$c"
  done
}
check_command
"$make_manpage" "$src/docs/ipzone.1.in" "$work/fresh.1" || fail "make_manpage exited $?"
gzip -dc "$prefix/share/man/man1/ipzone.1.gz" | cmp -s - "$work/fresh.1" || fail "the installed man page is not the one the sources make now (stale)"

# The installed binary, run from elsewhere.
cd "$work"
out=$("$bin" --version) || fail "ipzone --version exited $?"
[ "$(sed -n 1p <<<"$out")" = "ipzone $version" ] || fail "ipzone --version says '$(sed -n 1p <<<"$out")', not 'ipzone $version'"
grep -qx "built-in rule set: recognition $rules_version" <<<"$out" || fail "ipzone --version does not name the rule set recognition $rules_version: $out"
"$bin" check --lang en "$doc/examples/eligible.yaml" >"$work/check.out" 2>&1
rc=$?
[ $rc = 0 ] && grep -q "^Verdict: eligible" "$work/check.out" || fail "installed check of examples/eligible.yaml: exit $rc: $(tail -3 "$work/check.out")"
"$bin" check --format json "$doc/examples/csv-roster.yaml" | grep -q '"verdict": "eligible"' || fail "installed check of the CSV-roster example is not eligible"
for pair in bash:share/bash-completion/completions/ipzone zsh:share/zsh/vendor-completions/_ipzone fish:share/fish/vendor_completions.d/ipzone.fish; do
  "$bin" completion "${pair%%:*}" | cmp -s - "$prefix/${pair#*:}" || fail "the installed ${pair%%:*} completion is not what ipzone completion ${pair%%:*} writes"
done
[ $fails = 0 ] && echo "installed into a temporary prefix: binary, man page, completions and docs all in place and current"
exit $((fails > 0))
