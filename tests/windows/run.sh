#!/usr/bin/env bash
# tests/windows/run.sh [BUILD_DIR]: the end-to-end cases of ipzone.exe
# (tests/windows/run.py, where each case is listed and described) under wine,
# in the wine prefix that tools/build-windows.sh made in BUILD_DIR (default
# build-windows/). Headless and quiet: WINEDEBUG=-all, no display needed.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$(cd "${1:-$src/build-windows}" && pwd)
[ -x "$out/ipzone.exe" ] || [ -f "$out/ipzone.exe" ] || { echo "run.sh: no $out/ipzone.exe: run tools/build-windows.sh first" >&2; exit 2; }
export WINEPREFIX=$out/wine WINEDEBUG=-all
export WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
exec /usr/bin/python3 "$src/tests/windows/run.py" "$out/ipzone.exe" "$out/tests"
