#!/usr/bin/env bash
# progress.sh IPZONE CORPUS: the progress line of check, score and rank
# (README "Usage"): on a terminal for a run longer than a second, on standard
# error only; never in a pipe or a file, with --quiet, or for a short run; and
# the report itself the same with or without it. CORPUS: a folder of
# dossiers that takes more than a second at -j 1. Runs ipzone on a
# pseudo-terminal with tests/tools/on_terminal.py.
set -u
bin=$1 corpus=$2
term="/usr/bin/python3 $(dirname "$0")/../tools/on_terminal.py --timeout 300"
line_en='[0-9]+/[0-9]+ dossiers, [0-9]+\.[0-9]/s, [0-9]+ (s|min [0-9]+ s) left'
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ok=1
bad() { echo "FAIL: $*"; ok=0; }

# 1. check: standard error a terminal, the report to a file
$term --stdout "$d/tty.json" -- "$bin" check --lang en -j 1 --format json "$corpus" >"$d/screen" 2>&1
grep -Eq "$line_en" "$d/screen" || bad "no progress line on the terminal: $(tr '\r' '\n' <"$d/screen" | tail -3)"
grep -Eq "$(printf '\r\033')\[K[0-9]+/[0-9]+ dossiers" "$d/screen" || bad "the line is not redrawn in place"
"$bin" check --lang en -j 1 --format json "$corpus" >"$d/plain.json" 2>"$d/plain.err"
cmp -s "$d/tty.json" "$d/plain.json" || bad "the report differs when standard error is a terminal"
grep -q "dossiers," "$d/tty.json" && bad "progress in the report file"
# 2. never in a pipe or a file
grep -q "dossiers," "$d/plain.err" && bad "progress written to a file (standard error not a terminal)"
"$bin" check --lang en -j 1 --format json "$corpus" 2>&1 >/dev/null | grep -q "dossiers," && bad "progress written to a pipe"
# 3. never with --quiet, never for a short run
$term --stdout /dev/null -- "$bin" check --lang en -j 1 --quiet "$corpus" >"$d/quiet" 2>&1
grep -q "dossiers, .*/s" "$d/quiet" && bad "progress with --quiet"
$term --stdout /dev/null -- "$bin" check --lang en examples/eligible.yaml examples/incomplete.yaml >"$d/short" 2>&1
grep -q "/s," "$d/short" && bad "progress for a run of well under a second"
# 4. in Chinese, the default
$term --stdout /dev/null -- "$bin" check -j 1 --format json "$corpus" >"$d/zh" 2>&1
grep -Eq '[0-9]+/[0-9]+ 份档案，每秒 [0-9.]+ 份，预计还需' "$d/zh" || bad "no Chinese progress line"
# 5. score and rank, also never with --quiet, which leaves their report whole
for cmd in score rank; do
  $term --stdout "$d/$cmd.tty" -- "$bin" $cmd --lang en -j 1 --format json "$corpus" >"$d/$cmd.screen" 2>&1
  grep -Eq "$line_en" "$d/$cmd.screen" || bad "$cmd: no progress line on the terminal"
  "$bin" $cmd --lang en -j 1 --format json "$corpus" >"$d/$cmd.plain" 2>/dev/null
  cmp -s "$d/$cmd.tty" "$d/$cmd.plain" || bad "$cmd: the report differs when standard error is a terminal"
  $term --stdout "$d/$cmd.quiet.json" -- "$bin" $cmd --lang en -j 1 --quiet --format json "$corpus" >"$d/$cmd.quiet" 2>&1
  grep -q "dossiers, .*/s" "$d/$cmd.quiet" && bad "$cmd: progress with --quiet"
  cmp -s "$d/$cmd.quiet.json" "$d/$cmd.plain" || bad "$cmd: --quiet changed the report"
done
# 6. the text report on the same terminal: the line is erased before each dossier's text,
#    so that what remains, less the progress lines, is the report as a file has it
$term -- "$bin" check --lang en -j 1 "$corpus" >"$d/both" 2>&1
NO_COLOR=1 "$bin" check --lang en -j 1 "$corpus" >"$d/text" 2>/dev/null
/usr/bin/python3 - "$d/both" "$d/text" <<'PY' || bad "the text report on the terminal is garbled by the progress line"
import re, sys
screen = open(sys.argv[1], "rb").read().decode("utf-8")
text = open(sys.argv[2], "rb").read().decode("utf-8")
# each progress line is taken away (redrawn or erased) before anything else is written
for m in re.finditer(r"dossiers, [^\r\n]* left", screen):
    if not screen.startswith("\r\x1b[K", m.end()):
        sys.exit("the report was written after a progress line that was not erased")
cleaned = re.sub(r"\r\x1b\[K([^\r\n]*dossiers, [^\r\n]* left)?", "", screen).replace("\r\n", "\n")
if "dossiers, " in cleaned and "/s, " in cleaned:
    sys.exit("a progress line is left in the report")
sys.exit(0 if cleaned == text else "the report differs")
PY
[ $ok = 1 ] && echo "progress: every case holds"
[ $ok = 1 ]
