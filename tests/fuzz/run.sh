#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own build folder and runs
# each for a while from its committed seed corpus (tests/fuzz/README.md):
#   tests/fuzz/run.sh [BUILD_DIR [SECONDS [TARGET...]]]     (build-fuzz, 60, all)
# What a run finds goes to a scratch folder, never into the repository. On a
# crash (or a leak, a timeout, too much memory) it prints the reproducer's
# file name, its bytes (base64 and a hex dump) and the end of the fuzzer's log,
# which holds the stack, and exits 1 once every target has run.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-fuzz}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dossier roster_csv roster_xlsx rules)

CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S . -B "$build" -DIPZONE_FUZZ=ON -DBUILD_TESTING=OFF \
  -DIPZONE_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target ipzone_fuzz

# report TARGET LOG ARTIFACTS: what a failed run found, to reproduce it.
report() {
  local target=$1 log=$2 artifacts=$3 f
  echo "!! fuzz_$target failed; the end of its log:"
  tail -n 80 "$log"
  for f in "$artifacts"/*; do
    [ -f "$f" ] || continue
    echo "!! reproducer $f ($(stat -c %s "$f") bytes); run it again with: $build/tests/fuzz/fuzz_$target $f"
    echo "-- base64 (base64 -d > repro):"
    base64 -w 76 "$f" | head -n 200
    echo "-- hex dump:"
    od -A x -t x1z -v "$f" | head -n 64
  done
}

failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
  work="$scratch/$target" artifacts="$build/fuzz-artifacts/$target" log="$scratch/$target.log"
  rm -rf "$artifacts"
  mkdir -p "$work" "$artifacts"
  echo "== fuzz_$target for ${seconds} s"
  rc=0
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict="tests/fuzz/$target.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    report "$target" "$log" "$artifacts"
    failed=1
  else
    grep -E '^(Done|#[0-9]+ +DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' "$log" || tail -n 3 "$log"
    echo "== fuzz_$target: no crash; $(ls "$work" | wc -l) new inputs (not kept)"
  fi
done
exit "$failed"
