#!/usr/bin/env python3
"""Run a command on a pseudo-terminal, as a person at a terminal would.

    on_terminal.py [--stdout FILE] [--timeout SECONDS] -- COMMAND [ARGS...]

Standard input, output and error of COMMAND are a new pseudo-terminal
(with --stdout FILE, standard output goes to FILE instead, so that only
standard error is the terminal). What COMMAND writes to the terminal is
copied to this script's standard output, exactly; the exit code is
COMMAND's (124 when it ran past the timeout, default 60 s).
"""

import os
import pty
import select
import signal
import sys
import time


def main():
    args = sys.argv[1:]
    stdout_file, timeout = None, 60.0
    while args and args[0] != "--":
        if args[0] == "--stdout":
            stdout_file, args = args[1], args[2:]
        elif args[0] == "--timeout":
            timeout, args = float(args[1]), args[2:]
        else:
            print(__doc__, file=sys.stderr)
            return 2
    cmd = args[1:]
    if not cmd:
        print(__doc__, file=sys.stderr)
        return 2
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the terminal
        if stdout_file:
            out = os.open(stdout_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, 1)
        os.execvp(cmd[0], cmd)
    deadline = time.monotonic() + timeout
    captured = bytearray()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            sys.stdout.buffer.write(bytes(captured))
            return 124
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                data = b""
            if not data:
                break
            captured += data
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(captured))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
