#!/usr/bin/python3
"""How ipzone's time and memory grow with the size of a dossier (issue 14, point 2).

    tests/bench/scaling.py [--build DIR | --binary PATH] [--quick] [--runs N] [--work DIR]

For three shapes of input, each at 1x, 4x and 16x a base size, it times
`ipzone check --format json --quiet FILE` (median of --runs runs) and prints
its CPU time (user + system: on a shared machine wall time mostly measures
the neighbours; it is printed too) and the ratio to the 1x time. Time is linear when 4x takes at most
6 times as long as 1x and 16x at most 24 times (1.5 times the linear figure,
for noise and for the fixed cost of starting): PASS or FAIL.

  json   a whole dossier as one line of JSON (valid YAML), N roster rows:
         2,500 / 10,000 / 40,000 rows (0.5 / 2 / 8 MB)
  keys   the eligible example plus one map of K keys (nested under an unknown
         key, so the one error is that key): 6,250 / 25,000 / 100,000 keys
  csv    a dossier whose roster is a CSV file of R rows:
         62,500 / 250,000 / 1,000,000 rows

Then the peak memory (GNU time -v, maximum resident set size) of checking one
dossier of just under 64 MiB (the default --max-file-size) with its roster
inline, against the bound of 8 times the file's size; and, for information,
the same for a 1,000,000-row CSV roster.

--quick divides every size by 4 (the memory check then uses a 16 MiB file;
its bound is still 8 times). It reports, it does not assert: the exit code is
0 whatever the figures (1 only when it cannot run at all). Use a Release or
RelWithDebInfo build; a sanitizer build says nothing about the product.
The corpora come from gen_dossiers.py (deterministic).
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(HERE, "gen_dossiers.py")
ELIGIBLE = os.path.join(ROOT, "examples", "eligible.yaml")


def gen(out, rows, *flags):
    """One eligible dossier of `rows` roster rows in out/d00001.yaml (made once per work folder)."""
    stamp = os.path.join(out, "made")
    want = f"{rows} {' '.join(flags)}"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return os.path.join(out, "d00001.yaml")
    subprocess.run([sys.executable, GEN, "--out", out, "--count", "1", "--enterprises", str(rows),
                    "--mix", "eligible=100", "--jobs", "1", *flags], check=True, stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(want)
    return os.path.join(out, "d00001.yaml")


def keys_dossier(out, keys):
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, f"keys-{keys}.yaml")
    if not os.path.exists(path):
        with open(ELIGIBLE, encoding="utf-8") as f:
            base = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(base + "x_extra:\n" + "".join(f"  k{i:07d}: {i}\n" for i in range(keys)))
    return path


def check(binary, path):
    return [binary, "check", "--format", "json", "--quiet", path]


def timed(cmd, runs):
    """Median CPU time (user + system) and median wall time of runs of cmd."""
    cpu, wall = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if p.returncode > 2:
            raise SystemExit(f"scaling: {' '.join(cmd)} exited {p.returncode}: {p.stderr[-400:]!r}")
    return statistics.median(cpu), statistics.median(wall)


def peak_rss_kb(cmd):
    gnu_time = shutil.which("time", path="/usr/bin") or "/usr/bin/time"
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as log:
        p = subprocess.run([gnu_time, "-v", "-o", log.name] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        text = log.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if not m:
        raise SystemExit(f"scaling: no peak RSS from GNU time: {text[-400:]!r} {p.stderr[-400:]!r}")
    return int(m.group(1)), p.returncode


def size_of(path):
    total = os.path.getsize(path)
    csv = path[:-5] + ".csv"
    return total + (os.path.getsize(csv) if os.path.exists(csv) else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="the CMake build folder (default build)")
    ap.add_argument("--binary", help="the ipzone binary (default BUILD/ipzone)")
    ap.add_argument("--quick", action="store_true", help="sizes divided by 4")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per figure (default 3)")
    ap.add_argument("--work", help="keep the corpora here (reused by a later run)")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary or os.path.join(a.build, "ipzone"))
    if not os.access(binary, os.X_OK):
        print(f"scaling: no ipzone at {binary} (cmake --build {a.build} --target ipzone)", file=sys.stderr)
        return 1
    work = a.work or tempfile.mkdtemp(prefix="ipzone-scaling-")
    div = 4 if a.quick else 1
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.splitlines()[:1]
    print(f"ipzone scaling, {time.strftime('%Y-%m-%d %H:%M')}: {binary} ({' '.join(version)})")
    print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} CPUs; "
          f"median of {a.runs} runs; corpora in {work}")
    print()
    families = [
        ("json", "rows, one line of JSON", 2500 // div,
         lambda n: gen(os.path.join(work, f"json-{n}"), n, "--json")),
        ("keys", "keys in one map", 6250 // div, lambda n: keys_dossier(os.path.join(work, "keys"), n)),
        ("csv", "rows of a CSV roster", 62500 // div, lambda n: gen(os.path.join(work, f"csv-{n}"), n, "--csv")),
    ]
    print(f"{'shape':<6} {'size':>10} {'MB':>8} {'cpu':>9} {'x 1x':>7}  {'bound':<12} {'wall':>8}")
    verdicts = []
    for name, what, base, make in families:
        first = None
        for factor in (1, 4, 16):
            n = base * factor
            path = make(n)
            t, wall = timed(check(binary, path), a.runs)
            first = first or t
            ratio = t / first
            bound = {1: None, 4: 6.0, 16: 24.0}[factor]
            verdict = "" if bound is None else ("PASS" if ratio <= bound else "FAIL")
            if bound is not None:
                verdicts.append(verdict)
            shown = "" if bound is None else f"<= {bound:g} {verdict}"
            print(f"{name:<6} {n:>10,} {size_of(path) / 1e6:>8.1f} {t:>8.3f}s {ratio:>7.2f}  {shown:<12} "
                  f"{wall:>7.3f}s  {what}")
    print()
    rows = 320000 // div  # about 205 bytes a row: just under 64 MiB (16 MiB with --quick)
    big = gen(os.path.join(work, f"inline-{rows}"), rows)
    kb, rc = peak_rss_kb(check(binary, big))
    size = size_of(big)
    ratio = kb * 1024 / size
    verdict = "PASS" if ratio <= 8 else "FAIL"
    verdicts.append(verdict)
    print(f"memory: {rows:,}-row inline dossier, {size / 2**20:.1f} MiB: peak RSS {kb / 1024:.1f} MiB = "
          f"{ratio:.2f} x its size (<= 8  {verdict}); exit {rc}")
    csv_rows = 1000000 // div
    csv = gen(os.path.join(work, f"csv-{csv_rows}"), csv_rows, "--csv")
    kb, rc = peak_rss_kb(check(binary, csv))
    size = size_of(csv)
    print(f"memory: {csv_rows:,}-row CSV roster, {size / 2**20:.1f} MiB with its dossier: peak RSS "
          f"{kb / 1024:.1f} MiB = {kb * 1024 / size:.2f} x (for information); exit {rc}")
    print()
    print(f"{verdicts.count('PASS')}/{len(verdicts)} bounds hold")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
