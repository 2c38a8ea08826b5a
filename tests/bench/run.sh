#!/usr/bin/env bash
# The ipzone benchmark: builds what it needs, generates synthetic dossiers,
# times ipzone against yaml-cpp alone, and prints a table of figures and the
# ratios the project is held to, each with PASS or FAIL. See tests/bench/README.md.
#
#   tests/bench/run.sh [--quick] [--build DIR] [--no-build] [--work DIR] [--runs N] [--no-install] [--no-hyperfine]
#
# It reports, it does not assert: it exits 0 whatever the figures are (FAIL
# included). It exits non-zero only when it cannot measure at all (bad
# usage, no ipzone binary, no python3).

# The CMD_* strings are run by bash -c (and hyperfine): their quotes are meant literally.
# shellcheck disable=SC2089,SC2090
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/tests/bench"
BUILD=build
QUICK=0
DO_BUILD=1
WORK=""
RUNS=3
INSTALL=1
USE_HYPERFINE=1

usage() {
  cat <<EOF
usage: tests/bench/run.sh [options]

  --quick        a smoke run: 200 dossiers (2,000 for the memory check) instead of 1,000 (10,000)
  --build DIR    the CMake build folder (default: build, under the repository); configured as
                 Release if it does not exist yet. Release is recommended: the figures of a
                 Debug or sanitizer build say little.
  --no-build     use DIR/ipzone as it is (yaml_load is still compiled if missing)
  --work DIR     keep the corpora and raw timings in DIR and reuse corpora made with the same
                 flags on a rerun (default: a temporary folder, removed at the end)
  --runs N       timed runs per figure (default 3; E uses more)
  --no-install   do not apt-get install hyperfine or time when they are missing
  --no-hyperfine time with bash's time (median of --runs) even if hyperfine is there
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --build) BUILD=${2:?--build needs a folder}; shift ;;
    --build=*) BUILD=${1#*=} ;;
    --no-build) DO_BUILD=0 ;;
    --work) WORK=${2:?--work needs a folder}; shift ;;
    --work=*) WORK=${1#*=} ;;
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    --runs=*) RUNS=${1#*=} ;;
    --no-install) INSTALL=0 ;;
    --no-hyperfine) USE_HYPERFINE=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$RUNS" in ''|*[!0-9]*|0) echo "run.sh: --runs needs a positive number" >&2; exit 2 ;; esac
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac

if [ "$QUICK" = 1 ]; then N1=200; N10=2000; E_RUNS=30; E_LOOP=20; else N1=1000; N10=10000; E_RUNS=100; E_LOOP=50; fi
ROWS=300
NPROC=$(nproc 2>/dev/null || echo 1)

command -v python3 >/dev/null || { echo "run.sh: python3 is needed to generate the dossiers" >&2; exit 1; }

if [ -z "$WORK" ]; then
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/ipzone-bench.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  KEEP=0
else
  KEEP=1
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
fi
mkdir -p "$WORK/bin" "$WORK/raw"
LOG="$WORK/run.log"
: >"$LOG"

say() { echo "$*" >&2; }     # progress, on stderr; the report goes to stdout

# --- tools ---------------------------------------------------------------------------
apt_install() {  # apt_install PACKAGE: only as root, only when allowed
  [ "$INSTALL" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  say "installing the Debian package $1 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$LOG" 2>&1 && return 0
  apt-get update -q >>"$LOG" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$LOG" 2>&1
}
[ "$USE_HYPERFINE" = 0 ] || command -v hyperfine >/dev/null || apt_install hyperfine || true
[ -x /usr/bin/time ] || apt_install time || true
HYPERFINE=""
[ "$USE_HYPERFINE" = 1 ] && HYPERFINE=$(command -v hyperfine || true)
GNU_TIME=""
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && GNU_TIME=/usr/bin/time

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
START=$(date '+%Y-%m-%d %H:%M')
START_S=$(date +%s)

# --- build ---------------------------------------------------------------------------
BUILD_NOTE=""
if [ "$DO_BUILD" = 1 ]; then
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    say "configuring $BUILD (Release) ..."
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >>"$LOG" 2>&1 ||
      say "run.sh: cmake configure failed (see $LOG)"
  fi
  targets=(ipzone)
  if [ -d "$BUILD/tests/bench/CMakeFiles/ipzone_bench_yaml_load.dir" ]; then
    targets+=(ipzone_bench_yaml_load)
  else
    BUILD_NOTE="target ipzone_bench_yaml_load not in $BUILD (add tests/bench to the top CMakeLists.txt); yaml_load compiled by run.sh"
  fi
  say "building ${targets[*]} in $BUILD ..."
  if ! cmake --build "$BUILD" --target "${targets[@]}" -j "$NPROC" >>"$LOG" 2>&1; then
    say "run.sh: the build failed (see $LOG); measuring the binaries that are there"
    BUILD_NOTE="${BUILD_NOTE:+$BUILD_NOTE; }THE BUILD FAILED, the binaries measured are older than the sources"
  fi
fi
if [ ! -x "$BUILD/ipzone" ]; then
  echo "run.sh: no ipzone binary at $BUILD/ipzone" >&2
  tail -n 20 "$LOG" >&2
  exit 1
fi
# Measure copies, so that a rebuild during the run cannot mix two binaries.
cp "$BUILD/ipzone" "$WORK/bin/ipzone"
IPZ="$WORK/bin/ipzone"
if [ -x "$BUILD/tests/bench/yaml_load" ]; then
  cp "$BUILD/tests/bench/yaml_load" "$WORK/bin/yaml_load"
else
  say "compiling yaml_load outside CMake ..."
  # shellcheck disable=SC2046
  c++ -std=c++20 -O2 "$BENCH/yaml_load.cc" -o "$WORK/bin/yaml_load" \
    $(pkg-config --cflags --libs yaml-cpp 2>/dev/null || echo -lyaml-cpp) >>"$LOG" 2>&1 || {
    echo "run.sh: cannot compile tests/bench/yaml_load.cc (see $LOG)" >&2
    exit 1
  }
fi
YL="$WORK/bin/yaml_load"

HELP=$("$IPZ" check --help 2>&1 || true)
HAS_J=0; HAS_QUIET=0; HAS_NDJSON=0
grep -qE '(^|[ ,])-j([ ,]|$)|--jobs' <<<"$HELP" && HAS_J=1
grep -q -- '--quiet' <<<"$HELP" && HAS_QUIET=1
grep -q 'ndjson' <<<"$HELP" && HAS_NDJSON=1

# --- corpora -------------------------------------------------------------------------
GEN_HASH=$(cat "$BENCH/gen_dossiers.py" "$ROOT/tests/tools/ipzgen.py" "$ROOT/tests/tools/make_csv_example.py" | cksum | cut -d' ' -f1)
corpus() {  # corpus DIR ARGS...: generate, or reuse one made with the same arguments
  local dir=$1; shift
  local stamp="gen_dossiers.py $* [$GEN_HASH]"
  if [ -f "$dir/.generated" ] && [ "$(cat "$dir/.generated")" = "$stamp" ]; then
    say "reusing $dir"
    return
  fi
  say "generating $dir ..."
  rm -f "$dir/.generated"
  python3 "$BENCH/gen_dossiers.py" --out "$dir" "$@" >"$dir.gen" 2>>"$LOG" || {
    echo "run.sh: gen_dossiers.py failed (see $LOG)" >&2
    exit 1
  }
  echo "$stamp" >"$dir/.generated"
}
INLINE="$WORK/inline-$N1"
CSVDIR="$WORK/csv-$N1"
BIG="$WORK/inline-$N10"
mkdir -p "$INLINE" "$CSVDIR" "$BIG"
corpus "$INLINE" --count "$N1" --enterprises "$ROWS" --seed 1
corpus "$CSVDIR" --count "$N1" --enterprises "$ROWS" --seed 1 --csv
corpus "$BIG" --count "$N10" --enterprises "$ROWS" --seed 2
# two halves of the inline corpus (symbolic links), for the control figure C2
HALF1="$WORK/inline-$N1-half1"
HALF2="$WORK/inline-$N1-half2"
rm -rf "$HALF1" "$HALF2"
mkdir -p "$HALF1" "$HALF2"
half=0
for f in "$INLINE"/d*.yaml; do
  if [ $((half++ % 2)) = 0 ]; then ln -s "$f" "$HALF1/"; else ln -s "$f" "$HALF2/"; fi
done
# one representative dossier for E: the first eligible one with a full roster
ONE="$INLINE/$(awk -F'\t' -v r="$ROWS" '$2 == "eligible" && $5 == r { print $1; exit }' "$INLINE/expected.tsv")"

# --- timing --------------------------------------------------------------------------
# measure KEY RUNS WARMUP NOSHELL COMMAND: writes "median mean stddev runs" to raw/KEY
measure() {
  local key=$1 runs=$2 warmup=$3 noshell=$4 cmd=$5
  say "measuring $key: $cmd"
  if [ -n "$HYPERFINE" ]; then
    local shell_opt=(--shell=bash)
    [ "$noshell" = 1 ] && shell_opt=(-N)
    hyperfine "${shell_opt[@]}" -i --style basic --runs "$runs" --warmup "$warmup" \
      --export-json "$WORK/raw/$key.json" "$cmd" >>"$LOG" 2>&1 &&
      python3 - "$WORK/raw/$key.json" >"$WORK/raw/$key" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = (r.get("user", 0.0) + r.get("system", 0.0)) / r["mean"] if r["mean"] else 0.0
print(r["median"], r["mean"], r.get("stddev") or 0.0, len(r["times"]), cpu)
PY
    [ -s "$WORK/raw/$key" ] || echo "nan nan nan 0 nan" >"$WORK/raw/$key"
  else
    local i t times=()
    for ((i = 0; i < warmup; i++)); do bash -c "$cmd" >/dev/null 2>&1; done
    for ((i = 0; i < runs; i++)); do
      t=$( { TIMEFORMAT='%3R %3U %3S'; time bash -c "$cmd" >/dev/null 2>&1; } 2>&1 )
      times+=("$t")
    done
    printf '%s\n' "${times[@]}" | python3 -c '
import statistics, sys
rows = [[float(x) for x in line.split()] for line in sys.stdin if line.strip()]
t = [r[0] for r in rows]
cpu = sum(r[1] + r[2] for r in rows) / sum(t) if sum(t) else 0.0
print(statistics.median(t), statistics.mean(t), statistics.stdev(t) if len(t) > 1 else 0.0, len(t), cpu)
' >"$WORK/raw/$key"
  fi
}
# measure_short KEY COMMAND: a command so short that it needs many runs; the
# fallback (bash time) times $RUNS loops of $E_LOOP of them and divides by $E_LOOP
measure_short() {
  local key=$1 cmd=$2
  if [ -n "$HYPERFINE" ]; then
    measure "$key" "$E_RUNS" 5 1 "$cmd"
  else
    measure "$key.loop" "$RUNS" 1 0 "for i in \$(seq $E_LOOP); do $cmd >/dev/null 2>&1; done"
    python3 - "$E_LOOP" "$WORK/raw/$key.loop" >"$WORK/raw/$key" <<'PY'
import sys
k = int(sys.argv[1])
med, mean, sd, n, cpu = (float(x) for x in open(sys.argv[2]).read().split())
print(med / k, mean / k, sd / k, int(n) * k, cpu)
PY
  fi
}

QUIET=""; [ "$HAS_QUIET" = 1 ] && QUIET=" --quiet"
J1=""; J2=""; [ "$HAS_J" = 1 ] && J1="-j 1 " && J2="-j 2 "
NDJSON=json; [ "$HAS_NDJSON" = 1 ] && NDJSON=ndjson

CMD_A="cd '$INLINE' && '$YL' d*.yaml"
CMD_B="'$IPZ' check ${J1}--format json$QUIET '$INLINE' >/dev/null"
CMD_C="'$IPZ' check -j 2 --format json '$INLINE' >/dev/null"
CMD_C2="'$IPZ' check ${J1}--format json '$HALF1' >/dev/null & '$IPZ' check ${J1}--format json '$HALF2' >/dev/null & wait"
CMD_D="for f in '$INLINE'/*.yaml; do '$IPZ' check \"\$f\" >/dev/null; done"
CMD_F="'$IPZ' check ${J1}--format json$QUIET '$CSVDIR' >/dev/null"
CMD_E1="'$IPZ' check '$ONE'"
CMD_E2="'$YL' '$ONE'"

# the verdicts first (not timed): is the corpus what it should be, and does ipzone agree?
say "checking the verdicts ..."
"$IPZ" check --format json "$INLINE" >"$WORK/raw/verdicts-inline.json" 2>"$WORK/raw/verdicts-inline.err"
RC_INLINE=$?
"$IPZ" check --format json "$CSVDIR" >"$WORK/raw/verdicts-csv.json" 2>"$WORK/raw/verdicts-csv.err"
RC_CSV=$?
V_INLINE=$(python3 "$BENCH/check_verdicts.py" "$WORK/raw/verdicts-inline.json" "$INLINE")
V_CSV=$(python3 "$BENCH/check_verdicts.py" "$WORK/raw/verdicts-csv.json" "$CSVDIR")

measure A "$RUNS" 1 0 "$CMD_A"
measure B "$RUNS" 1 0 "$CMD_B"
if [ "$HAS_J" = 1 ]; then measure C "$RUNS" 1 0 "$CMD_C"; else echo "nan nan nan 0 nan" >"$WORK/raw/C"; fi
measure C2 "$RUNS" 1 0 "$CMD_C2"
measure D "$RUNS" 0 0 "$CMD_D"
measure_short E_ipzone "$CMD_E1"
measure_short E_yaml "$CMD_E2"
measure F "$RUNS" 1 0 "$CMD_F"

# G: peak resident set size, kilobytes
rss() {  # rss KEY DIR
  local key=$1 dir=$2
  say "measuring $key: peak RSS of ipzone check ${J2}--format $NDJSON on $dir"
  if [ -z "$GNU_TIME" ]; then echo "nan nan" >"$WORK/raw/$key"; return; fi
  local jobs=()
  [ "$HAS_J" = 1 ] && jobs=(-j 2)
  "$GNU_TIME" -v -o "$WORK/raw/$key.time" "$IPZ" check "${jobs[@]}" --format "$NDJSON" "$dir" >/dev/null 2>"$WORK/raw/$key.err"
  awk -F': ' '/Maximum resident set size/ { kb = $2 } /Exit status/ { st = $2 } END { print (kb ? kb : "nan"), (st != "" ? st : "nan") }' \
    "$WORK/raw/$key.time" >"$WORK/raw/$key"
}
rss G_small "$INLINE"
rss G_big "$BIG"

# --- report --------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
yamlcpp=$(dpkg-query -W -f='${Package} ${Version}\n' 'libyaml-cpp0.*' 2>/dev/null | awk '$2 != "" { print; exit }')
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null)
src_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$BUILD/CMakeCache.txt" 2>/dev/null)
src_dir=${src_dir:-$ROOT}
if git_rev=$(git -C "$src_dir" rev-parse --short HEAD 2>/dev/null); then
  git -C "$src_dir" diff --quiet HEAD -- src CMakeLists.txt 2>/dev/null || git_rev="$git_rev + uncommitted changes"
  git_rev="git $git_rev"
else
  git_rev="not a git checkout"
fi
[ "$src_dir" != "$ROOT" ] && git_rev="sources $src_dir, $git_rev"
ipz_version=$("$IPZ" --version 2>/dev/null | head -n 1)
timer="bash time, median of $RUNS runs (install hyperfine for better figures)"
[ -n "$HYPERFINE" ] && timer="$($HYPERFINE --version), median of $RUNS runs after 1 warm-up (D: no warm-up; E: many runs)"

export WORK N1 N10 ROWS HAS_J HAS_QUIET HAS_NDJSON
export CMD_A CMD_B CMD_C CMD_C2 CMD_D CMD_F CMD_E1 CMD_E2 NDJSON J2
echo "ipzone benchmark, $START, $(( ($(date +%s) - START_S + 30) / 60 )) min$([ "$QUICK" = 1 ] && echo ' (--quick: a smoke run, smaller corpora)')"
echo "machine:  $NPROC CPUs (nproc), ${cpu:-unknown CPU}, $(uname -sr), $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
echo "load:     $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at the end (1, 5, 15 min)$(awk -v l="${LOAD_START%% *}" -v n="$NPROC" 'BEGIN { if (l + 0 > n / 2) print "; A BUSY MACHINE: the timings are noisy" }')"
echo "yaml-cpp: ${yamlcpp:-unknown (dpkg has no libyaml-cpp0.*)}"
echo "ipzone:   $BUILD/ipzone, ${ipz_version:-version ?}, build type ${build_type:-?}$([ "$build_type" != Release ] && echo ' (Release recommended)'), $git_rev"
echo "          check supports: -j $([ $HAS_J = 1 ] && echo yes || echo NO), --quiet $([ $HAS_QUIET = 1 ] && echo yes || echo 'NO (output to /dev/null)'), --format ndjson $([ $HAS_NDJSON = 1 ] && echo yes || echo 'NO (json used)')"
[ -n "$BUILD_NOTE" ] && echo "          note: $BUILD_NOTE"
echo "timer:    $timer"
echo "corpora:  $(sed 's/^gen_dossiers: //' "$INLINE.gen" 2>/dev/null)"
echo "          $(sed 's/^gen_dossiers: //' "$CSVDIR.gen" 2>/dev/null)"
echo "          $(sed 's/^gen_dossiers: //' "$BIG.gen" 2>/dev/null)"
echo "inline:   $V_INLINE; exit code $RC_INLINE"
echo "csv:      $V_CSV; exit code $RC_CSV"
for rc in "$RC_INLINE" "$RC_CSV"; do
  [ "$rc" -gt 2 ] && echo "          CRASH? ipzone exited with $rc (see $WORK/raw/verdicts-*.err)"
done
echo
python3 - <<'PY'
import math, os

W = os.environ["WORK"]
N1, N10 = int(os.environ["N1"]), int(os.environ["N10"])


def read(key):
    try:
        with open(os.path.join(W, "raw", key)) as f:
            return [float(x) for x in f.read().split()]
    except (OSError, ValueError):
        return [math.nan] * 5


def secs(x):
    if math.isnan(x):
        return "n/a"
    return f"{x:.3f} s" if x >= 0.1 else f"{x * 1000:.1f} ms"


def short(cmd):
    return cmd.replace(W + "/bin/", "").replace(W + "/", "$WORK/").replace("'", "")


rows = [
    ("A", f"yaml-cpp alone: yaml_load on the {N1:,} inline dossiers, one process", "CMD_A", N1),
    ("B", f"ipzone check {'-j 1 ' if os.environ['HAS_J'] == '1' else ''}--format json, {N1:,} inline dossiers", "CMD_B", N1),
    ("C", f"ipzone check -j 2 --format json, {N1:,} inline dossiers", "CMD_C", N1),
    ("C2", f"control: two ipzone check {'-j 1 ' if os.environ['HAS_J'] == '1' else ''}processes at once, each on half the files", "CMD_C2", N1),
    ("D", f"a shell loop, one ipzone check per dossier, {N1:,} inline", "CMD_D", N1),
    ("E_ipzone", "one dossier: ipzone check FILE (process start included)", "CMD_E1", 1),
    ("E_yaml", "one dossier: yaml_load FILE (process start included)", "CMD_E2", 1),
    ("F", f"ipzone check {'-j 1 ' if os.environ['HAS_J'] == '1' else ''}--format json, {N1:,} CSV-roster dossiers", "CMD_F", N1),
]
fig = {}
print(f"{'figure':<9} {'median':>10} {'mean ± sd':>21} {'runs':>5} {'cpu':>5} {'/dossier':>10}  what")
for key, what, cmd, n in rows:
    vals = read(key) + [math.nan] * 5
    med, mean, sd, runs, cpu = vals[:5]
    fig[key] = med
    per = secs(med / n) if n > 1 and not math.isnan(med) else ""
    ms = "n/a" if math.isnan(mean) else (f"{mean:.3f} ± {sd:.3f} s" if mean >= 0.1 else f"{mean * 1000:.1f} ± {sd * 1000:.1f} ms")
    if key == "C" and os.environ["HAS_J"] != "1":
        what += " (NOT RUN: ipzone has no -j yet)"
    cpus = "" if math.isnan(cpu) else f"{cpu:.2f}"
    print(f"{key:<9} {secs(med):>10} {ms:>21} {int(runs) if not math.isnan(runs) else 0:>5} {cpus:>5} {per:>10}  {what}")
    print(f"{'':<9} {'':>10} {'':>21} {'':>5} {'':>5} {'':>10}  $ {short(os.environ[cmd])}")
for key, n in (("G_small", N1), ("G_big", N10)):
    kb, status = read(key)[:2]
    fig[key] = kb
    mb = "n/a" if math.isnan(kb) else f"{kb / 1024:.1f} MiB"
    extra = "" if math.isnan(status) or status in (0, 1, 2) else f"  (EXIT STATUS {int(status)}: crash?)"
    print(f"{key:<9} {mb:>10} {'':>21} {'1':>5} {'':>5} {'':>10}  peak RSS, ipzone check {os.environ['J2']}--format {os.environ['NDJSON']}, {n:,} inline dossiers{extra}")

print(f"{'':<9} cpu: CPU time (user + system) over wall time; on an idle machine about 1 for one worker, about 2 for -j 2")
print()
print("ratios the project is held to")


def ratio(name, num, den, op, bound, what):
    a, b = fig.get(num, math.nan), fig.get(den, math.nan)
    r = a / b if b and not (math.isnan(a) or math.isnan(b)) else math.nan
    if math.isnan(r):
        verdict, shown, what = "FAIL", "n/a", what + " (NOT MEASURED)"
    else:
        ok = r <= bound if op == "<=" else r >= bound
        verdict, shown = ("PASS" if ok else "FAIL"), f"{r:.2f}"
    sym = "≤" if op == "<=" else "≥"
    print(f"  {name:<22} {shown:>7}  {sym} {bound:<5.2f} {verdict:<5}  {what}")


ratio("B/A", "B", "A", "<=", 1.15, "ipzone -j 1 against yaml-cpp parsing the same files")
ratio("B/C", "B", "C", ">=", 1.7, "speed-up of -j 2 over -j 1")
c2 = fig.get("B", math.nan) / fig.get("C2", math.nan) if fig.get("C2") else math.nan
if not math.isnan(c2):
    print(f"  {'(B/C2, no bound)':<22} {c2:>7.2f}  {'':<6} {'':<5}  the speed-up this machine gave two processes meanwhile: B/C can reach about this")
ratio("E ipzone/yaml_load", "E_ipzone", "E_yaml", "<=", 1.3, "one dossier, process start included")
ratio("B/F", "B", "F", ">=", 4.0, "a CSV roster against the same roster inline")
ratio(f"RSS {N10:,}/{N1:,}", "G_big", "G_small", "<=", 1.10,
      f"peak memory does not grow with the number of dossiers ({N10:,} vs {N1:,})")
PY
echo
if [ "$KEEP" = 1 ]; then echo "raw timings and logs: $WORK"; else echo "raw timings and logs: removed at exit (use --work DIR to keep them)"; fi
exit 0
