#!/usr/bin/env bash
# expect.sh BINARY EXIT STDIN [+REGEX | -REGEX]... -- ARGS...
# Runs BINARY ARGS (standard input from the file STDIN, /dev/null for none), then checks that it
# exited with EXIT and that its combined stdout and stderr match every +REGEX and
# none of the -REGEX (extended regular expressions, as grep -E reads them).
set -u
bin=$1 want=$2 stdin=$3
shift 3
expect=() reject=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    +*) expect+=("${1:1}") ;;
    -*) reject+=("${1:1}") ;;
  esac
  shift
done
shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" "$@" <"$stdin" >"$out" 2>&1
got=$?
ok=1
if [ "$got" != "$want" ]; then
  echo "FAIL: exit code $got, expected $want"
  ok=0
fi
for re in "${expect[@]+"${expect[@]}"}"; do
  if ! grep -Eq -- "$re" "$out"; then
    echo "FAIL: output does not match: $re"
    ok=0
  fi
done
for re in "${reject[@]+"${reject[@]}"}"; do
  if grep -Eq -- "$re" "$out"; then
    echo "FAIL: output matches what it must not: $re"
    ok=0
  fi
done
if [ $ok = 0 ]; then
  echo "--- command: ipzone $*"
  echo "--- output:"
  cat "$out"
  exit 1
fi
exit 0
