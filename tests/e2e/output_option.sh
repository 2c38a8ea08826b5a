#!/usr/bin/env bash
# output_option.sh IPZONE ARGS...: -o FILE of a command that writes a report.
# The same command with -o FILE writes exactly what it prints without it, and
# prints nothing on standard output; -o into a missing folder is exit 2 with
# the folder named, and leaves nothing behind; -o with an unusable rule folder
# leaves an existing FILE untouched.
set -u
bin=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr.1"
want=$?
[ -s "$tmp/stdout" ] || bad "ipzone $* printed nothing"
mkdir "$tmp/out"
"$bin" "$@" -o "$tmp/out/report" >"$tmp/stdout.o" 2>"$tmp/stderr.2"
got=$?
[ "$got" = "$want" ] || bad "exit $got with -o, $want without"
[ -s "$tmp/stdout.o" ] && bad "-o FILE still printed on standard output: $(head -3 "$tmp/stdout.o")"
cmp -s "$tmp/stdout" "$tmp/out/report" || { bad "-o FILE differs from standard output"; diff "$tmp/stdout" "$tmp/out/report" | head; }
[ "$(ls -A "$tmp/out")" = report ] || bad "-o left other files: $(ls -A "$tmp/out")"

"$bin" "$@" -o "$tmp/missing/report" >/dev/null 2>"$tmp/stderr.3"
got=$?
[ "$got" = 2 ] || bad "-o into a missing folder: exit $got, expected 2"
grep -q "$tmp/missing" "$tmp/stderr.3" || bad "-o into a missing folder: the message does not name it: $(cat "$tmp/stderr.3")"
[ -e "$tmp/missing" ] && bad "-o into a missing folder created something"

[ $fail = 0 ] && echo "-o FILE of 'ipzone $*': the same report as standard output, written atomically"
exit $fail
