#!/usr/bin/python3
"""Safe writes (issue 14, point 5): what -o FILE and standard output promise.
  - -o naming one of the inputs (a dossier, its roster, a rule file; by
    another name too: a hard link, a symbolic link) is refused: exit 2, the
    message names the path, the file is left as it was, nothing is left behind;
  - a symbolic link is followed: the file it points to gets the report (a new
    one when the link dangles), the link stays a link;
  - a FIFO and a character device are written into, and stay what they are;
  - an existing file keeps its mode; a new one gets 0666 less the umask;
  - SIGINT, SIGTERM and SIGHUP while the report is written leave no temporary
    file, and the process dies of the signal;
  - a write error names the file (or standard output) and the reason, zh and
    en, exit 2: -o /dev/full, >/dev/full, a closed standard output.

  safe_writes.py IPZONE            (run from the top of the repository)
"""
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

IPZONE = os.path.abspath(sys.argv[1])
EXAMPLE = "examples/eligible.yaml"
failures = []


def bad(msg):
    failures.append(msg)
    print("FAIL:", msg)


def default_signals():
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


def run(args, umask=None, close_stdout=False, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL):
    def pre():
        default_signals()
        if umask is not None:
            os.umask(umask)
        if close_stdout:
            os.close(1)
    p = subprocess.run([IPZONE] + args, preexec_fn=pre, stdout=None if close_stdout else stdout,
                       stderr=subprocess.PIPE, stdin=stdin, timeout=60)
    out = p.stdout.decode("utf-8") if isinstance(p.stdout, bytes) else ""
    return p.returncode, out, p.stderr.decode("utf-8")


def leftovers(folder):
    return [n for n in os.listdir(folder) if ".tmp-" in n]


def report_of(args):
    code, out, _ = run(args)
    return code, out


def refused_inputs(tmp):
    """-o onto an input, by every name it may have."""
    d = os.path.join(tmp, "inputs")
    os.mkdir(d)
    shutil.copy(EXAMPLE, os.path.join(d, "dossier.yaml"))
    shutil.copy("examples/csv-roster.yaml", os.path.join(d, "csv.yaml"))
    shutil.copy("examples/csv-roster.csv", os.path.join(d, "csv-roster.csv"))
    shutil.copytree("rules/recognition", os.path.join(d, "rules"))
    os.link(os.path.join(d, "dossier.yaml"), os.path.join(d, "hard-link.yaml.out"))
    os.symlink("dossier.yaml", os.path.join(d, "soft-link.out"))
    cases = [
        ("the dossier", [os.path.join(d, "dossier.yaml")], "dossier.yaml"),
        ("a hard link to the dossier", [os.path.join(d, "dossier.yaml")], "hard-link.yaml.out"),
        ("a symbolic link to the dossier", [os.path.join(d, "dossier.yaml")], "soft-link.out"),
        ("the roster CSV a dossier names", [os.path.join(d, "csv.yaml")], "csv-roster.csv"),
        ("a rule file", ["--rules", os.path.join(d, "rules"), os.path.join(d, "dossier.yaml")], "rules/ruleset.yaml"),
        ("the second dossier of a batch", [os.path.join(d, "csv.yaml"), os.path.join(d, "dossier.yaml")], "dossier.yaml"),
    ]
    for what, args, target in cases:
        path = os.path.join(d, target)
        before = open(path, "rb").read()
        for lang, words in (("zh", "输入"), ("en", "input")):
            code, out, err = run(["check", "--lang", lang] + args + ["-o", path])
            if code != 2:
                bad(f"-o onto {what}: exit {code}, expected 2")
            if path not in err or words not in err:
                bad(f"-o onto {what} ({lang}): the message does not name {path} as an input: {err!r}")
            if open(path, "rb").read() != before:
                bad(f"-o onto {what}: the file was changed")
            if out:
                bad(f"-o onto {what}: printed on standard output: {out[:80]!r}")
        for folder in (d, os.path.join(d, "rules")):
            if leftovers(folder):
                bad(f"-o onto {what}: left {leftovers(folder)}")
    if not os.path.islink(os.path.join(d, "soft-link.out")):
        bad("-o onto a symbolic link to an input: the link is gone")


def links_devices_fifos(tmp):
    want_code, want = report_of(["check", EXAMPLE])
    d = os.path.join(tmp, "links")
    os.mkdir(d)
    target = os.path.join(d, "target.txt")
    with open(target, "w") as f:
        f.write("old\n")
    link = os.path.join(d, "link.txt")
    os.symlink("target.txt", link)
    code, out, err = run(["check", EXAMPLE, "-o", link])
    if code != want_code or not os.path.islink(link) or open(target).read() != want:
        bad(f"-o onto a symbolic link: exit {code}, link kept {os.path.islink(link)}, target has the report "
            f"{open(target).read() == want}: {err}")
    dangling = os.path.join(d, "dangling.txt")
    os.symlink("new/../created.txt", dangling)
    os.mkdir(os.path.join(d, "new"))
    code, out, err = run(["check", EXAMPLE, "-o", dangling])
    created = os.path.join(d, "created.txt")
    if not os.path.islink(dangling) or not os.path.exists(created) or open(created).read() != want:
        bad(f"-o onto a dangling symbolic link: link kept {os.path.islink(dangling)}, created {os.path.exists(created)}: {err}")
    if leftovers(d):
        bad(f"symbolic links: left {leftovers(d)}")

    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()))
    reader.start()
    code, out, err = run(["check", EXAMPLE, "-o", fifo])
    reader.join(30)
    if code != want_code or not stat.S_ISFIFO(os.lstat(fifo).st_mode) or got != [want]:
        bad(f"-o onto a FIFO: exit {code}, still a FIFO {stat.S_ISFIFO(os.lstat(fifo).st_mode)}, "
            f"the reader got the report {got == [want]}: {err}")
    code, out, err = run(["check", EXAMPLE, "-o", "/dev/null"])
    if code != want_code or not stat.S_ISCHR(os.stat("/dev/null").st_mode) or out or err:
        bad(f"-o /dev/null: exit {code}, still a device {stat.S_ISCHR(os.stat('/dev/null').st_mode)}, {err!r}")


def modes(tmp):
    d = os.path.join(tmp, "modes")
    os.mkdir(d)
    for umask, want in ((0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)):
        path = os.path.join(d, f"new-{umask:o}.txt")
        run(["check", EXAMPLE, "-o", path], umask=umask)
        got = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else None
        if got != want:
            bad(f"a new file under umask {umask:03o}: mode {got and oct(got)}, expected {oct(want)}")
    for mode in (0o640, 0o604, 0o755):
        path = os.path.join(d, f"old-{mode:o}.txt")
        with open(path, "w") as f:
            f.write("old\n")
        os.chmod(path, mode)
        run(["check", EXAMPLE, "-o", path], umask=0o077)
        got = stat.S_IMODE(os.stat(path).st_mode)
        if got != mode or open(path).read() == "old\n":
            bad(f"an existing file of mode {oct(mode)}: mode {oct(got)} after -o (or not written)")


def signals(tmp):
    """A dossier on standard input that never ends: ipzone waits, with its temporary file open."""
    d = os.path.join(tmp, "signals")
    os.mkdir(d)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        out = os.path.join(d, "report.txt")
        r, w = os.pipe()
        p = subprocess.Popen([IPZONE, "check", "-", "-o", out], stdin=r, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, preexec_fn=default_signals)
        os.close(r)
        deadline = time.time() + 20
        while not leftovers(d) and time.time() < deadline:
            time.sleep(0.02)
        if not leftovers(d):
            bad(f"{sig.name}: no temporary file appeared while the report was written")
        p.send_signal(sig)
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            bad(f"{sig.name}: ipzone did not stop")
        os.close(w)
        if p.returncode != -sig:
            bad(f"{sig.name}: exit status {p.returncode}, expected death by the signal ({-sig})")
        if leftovers(d) or os.path.exists(out):
            bad(f"{sig.name}: left {os.listdir(d)}")
            for n in os.listdir(d):
                os.unlink(os.path.join(d, n))


def write_errors(tmp):
    cases = [
        ("-o /dev/full", dict(args=["-o", "/dev/full"]), "/dev/full"),
        (">/dev/full", dict(stdout=open("/dev/full", "w")), None),
        (">&- (standard output closed)", dict(close_stdout=True), None),
        ("-o into a folder", dict(args=["-o", tmp]), tmp),
    ]
    for what, kw, name in cases:
        for lang, reason_words, stdout_words in (("zh", ("无法写入",), "标准输出"),
                                                 ("en", ("cannot write",), "standard output")):
            code, out, err = run(["check", "--lang", lang, EXAMPLE] + kw.get("args", []),
                                 **{k: v for k, v in kw.items() if k != "args"})
            who = name or stdout_words
            line = err.strip().splitlines()[-1] if err.strip() else ""
            if code != 2:
                bad(f"{what} ({lang}): exit {code}, expected 2")
            if who not in line or not all(w in line for w in reason_words):
                bad(f"{what} ({lang}): the message does not name {who} and say it cannot be written: {err!r}")
            rest = line.split(who, 1)[-1].strip(" :：")
            if len(rest) < 4:
                bad(f"{what} ({lang}): no reason after the name: {line!r}")
    if leftovers(tmp):
        bad(f"write errors: left {leftovers(tmp)}")


def main():
    tmp = tempfile.mkdtemp()
    try:
        refused_inputs(tmp)
        links_devices_fifos(tmp)
        modes(tmp)
        signals(tmp)
        write_errors(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        bad("/dev/null is no longer a character device")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("safe writes: inputs refused, links followed, FIFOs and devices written into, modes kept, "
          "signals leave nothing, write errors say why")
    return 0


if __name__ == "__main__":
    sys.exit(main())
