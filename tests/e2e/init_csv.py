#!/usr/bin/python3
"""init --csv writes what Excel writes as "CSV UTF-8": a byte-order mark, then the
header line ending in CRLF, and nothing else; the header reads back as a roster's.

    init_csv.py IPZONE
"""
import subprocess
import sys

ipzone = sys.argv[1]
problems = []
for lang, first in (("zh", "企业名称"), ("en", "name")):
    out = subprocess.run([ipzone, "init", "--csv", "--lang", lang], capture_output=True, check=True).stdout
    if not out.startswith(b"\xef\xbb\xbf" + first.encode()):
        problems.append(f"{lang}: does not start with a byte-order mark and {first}: {out[:12]!r}")
    if not out.endswith(b"\r\n") or out.count(b"\n") != 1 or out.count(b"\r") != 1:
        problems.append(f"{lang}: not one line ending in CRLF: {out!r}")
print("\n".join(problems) or "ok")
sys.exit(1 if problems else 0)
