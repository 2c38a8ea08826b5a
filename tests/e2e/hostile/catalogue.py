#!/usr/bin/python3
"""The catalogue of hostile inputs (issue 14): what an attacker or an unlucky
user may hand ipzone, and the outcome documented for each.

Every case builds a folder with a hostile dossier (and whatever files it
names), then runs `ipzone check` on a batch of three: an eligible dossier, the
hostile one, and another eligible dossier, in Chinese and in English, and
checks, unless the case says otherwise:
  - the exit code (2 for a dossier that cannot be judged);
  - the JSON output parses strictly (valid UTF-8, no duplicate keys, no NaN),
    all three dossiers are reported, the two others as eligible;
  - the hostile dossier is invalid, with an error whose message matches the
    case's pattern for that language, at file:line:column when the case
    gives one;
  - the text output is valid UTF-8 with no control character but newline
    (and tab) and no bidi override;
  - under strace (when it can run), no file the case forbids is ever opened:
    nothing outside the dossier's folder is read.

  catalogue.py BINARY --list         the case names, one a line
  catalogue.py BINARY [NAME...]      run those cases (all without names)
Exit 0 when every case holds, 1 otherwise.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
ELIGIBLE = open(os.path.join(SOURCE, "examples", "eligible.yaml"), encoding="utf-8").read()
CSV_DOSSIER = open(os.path.join(SOURCE, "examples", "csv-roster.yaml"), encoding="utf-8").read()
CSV_ROSTER = open(os.path.join(SOURCE, "examples", "csv-roster.csv"), encoding="utf-8").read()
TIMEOUT = int(os.environ.get("IPZONE_HOSTILE_TIMEOUT", "120"))  # seconds, per run (sanitizer builds are slow)

CASES = []


def case(name, **kw):
    """Registers a case. kw: setup(folder, outside) -> None builds the files
    (the hostile dossier is folder/hostile.yaml unless `dossier` names
    another path); en, zh: regexes its error must match; where: a regex for
    "line:column" (None: the file as a whole or anywhere); args: more
    arguments; exit: the expected exit code; valid: True when the hostile
    dossier is expected to be judged (not invalid); forbidden: paths that must
    never be opened (default: the secret file outside the folder); text: a
    regex the text output must match; custom(binary, folder, outside, env) ->
    problems: a case that is not a batch of check (-o, a rule set, a signal),
    run in the same folders instead of the checks below."""
    kw.setdefault("exit", 2)
    kw.setdefault("args", [])
    kw.setdefault("where", None)
    kw.setdefault("valid", False)
    kw.setdefault("forbidden", None)
    kw.setdefault("dossier", None)
    kw.setdefault("text", None)
    kw.setdefault("json_check", None)
    kw.setdefault("env", {})
    kw.setdefault("custom", None)
    kw.setdefault("setup", lambda folder, outside: None)
    CASES.append((name, kw))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def roster_file(ref, roster=CSV_ROSTER):
    """A setup: the CSV dossier, its enterprises_file set to ref (and the
    roster beside it, for the cases that need one)."""
    def setup(folder, outside):
        text = re.sub(r"(?m)^enterprises_file:.*$", "enterprises_file: " + json.dumps(ref.format(outside=outside)),
                      CSV_DOSSIER)
        write(os.path.join(folder, "hostile.yaml"), text)
        write(os.path.join(folder, "csv-roster.csv"), roster)
    return setup


def dossier_text(text_or_bytes):
    def setup(folder, outside):
        write(os.path.join(folder, "hostile.yaml"), text_or_bytes)
    return setup


def replaced(pattern, replacement, base=ELIGIBLE, count=1):
    """The eligible example with a regex replaced (a dossier setup)."""
    out, n = re.subn(pattern, lambda m: replacement, base, count=count, flags=re.M)  # replacement taken literally
    assert n, pattern
    return out


ENTERPRISES_FILE_LINE = 1 + CSV_DOSSIER[:CSV_DOSSIER.index("\nenterprises_file:")].count("\n") + 1
AT_REF = rf"{ENTERPRISES_FILE_LINE}:19"

# --- 1. Confinement: what a dossier's enterprises_file may read ------------------------------------------------------
case("enterprises_file ../ out of the dossier's folder is refused", setup=roster_file("../outside/secret.csv"),
     where=AT_REF, en=r"outside the dossier's folder", zh=r"不在档案所在的文件夹")
case("enterprises_file: an absolute path outside the folder is refused",
     setup=roster_file("{outside}/secret.csv"), where=AT_REF, en=r"outside the dossier's folder",
     zh=r"不在档案所在的文件夹")
case("enterprises_file: /etc/shadow is refused and never opened", setup=roster_file("/etc/shadow"),
     where=AT_REF, en=r"outside the dossier's folder", zh=r"不在档案所在的文件夹", forbidden=["/etc/shadow"])
case("enterprises_file: /proc/self/environ is refused, its content never echoed",
     setup=roster_file("/proc/self/environ"), where=AT_REF, en=r"outside the dossier's folder",
     zh=r"不在档案所在的文件夹", forbidden=["/proc/self/environ"])


def symlink_out(folder, outside):
    roster_file("link.csv")(folder, outside)
    os.symlink(os.path.join(outside, "secret.csv"), os.path.join(folder, "link.csv"))


case("enterprises_file: a symbolic link out of the folder is refused (resolved first)", setup=symlink_out,
     where=AT_REF, en=r"outside the dossier's folder", zh=r"不在档案所在的文件夹")


def fifo(folder, outside):
    roster_file("fifo.csv")(folder, outside)
    os.mkfifo(os.path.join(folder, "fifo.csv"))


case("enterprises_file: a FIFO is refused at once, never waited on", setup=fifo, where=AT_REF,
     en=r"named pipe \(FIFO\), not a regular file", zh=r"命名管道（FIFO），不是普通文件")
case("enterprises_file: /dev/zero is refused (outside the folder)", setup=roster_file("/dev/zero"), where=AT_REF,
     en=r"outside the dossier's folder", zh=r"不在档案所在的文件夹")
case("enterprises_file: /dev/zero allowed with --allow-outside /dev is refused as a device",
     setup=roster_file("/dev/zero"), args=["--allow-outside", "/dev"], where=AT_REF,
     en=r"is a device, not a regular file", zh=r"是设备文件，不是普通文件")


def symlink_loop(folder, outside):
    roster_file("loop-a.csv")(folder, outside)
    os.symlink("loop-b.csv", os.path.join(folder, "loop-a.csv"))
    os.symlink("loop-a.csv", os.path.join(folder, "loop-b.csv"))


case("enterprises_file: a symbolic link loop is called a loop, not a missing file", setup=symlink_loop,
     where=AT_REF, en=r"symbolic links form a loop", zh=r"符号链接构成循环")
case("enterprises_file: a folder is refused as a folder", setup=roster_file("."), where=AT_REF,
     en=r"is a folder, not a regular file", zh=r"是文件夹，不是普通文件")
case("enterprises_file: a missing file is called missing", setup=roster_file("none.csv"), where=AT_REF,
     en=r"no such file", zh=r"找不到文件")
case("enterprises_file: a missing file outside the folder is refused as outside, not probed",
     setup=roster_file("../outside/none.csv"), where=AT_REF, en=r"outside the dossier's folder",
     zh=r"不在档案所在的文件夹")
case("enterprises_file: a roster over --max-file-size is refused before it is read",
     setup=roster_file("csv-roster.csv", CSV_ROSTER * 2), args=["--max-file-size", "20K"], where=AT_REF,
     en=r"larger than the limit of 20480 bytes", zh=r"超过 20480 字节的大小上限")
case("enterprises_file outside the folder is read with --allow-outside", setup=roster_file("{outside}/roster.csv"),
     args=["--allow-outside", "{outside}"], valid=True, exit=0, forbidden=[])


def dossier_fifo(folder, outside):
    os.mkfifo(os.path.join(folder, "hostile.yaml"))


case("a dossier that is a FIFO is refused at once", setup=dossier_fifo, en=r"named pipe \(FIFO\)",
     zh=r"命名管道（FIFO）")
case("a dossier that is /dev/zero is refused as a device", setup=lambda folder, outside: None,
     dossier="/dev/zero", en=r"is a device, not a regular file", zh=r"是设备文件")
case("a dossier over --max-file-size is refused", setup=dossier_text(ELIGIBLE + "#" * 30000 + "\n"),
     args=["--max-file-size", "20K"], en=r"larger than the limit of 20480 bytes", zh=r"超过 20480 字节的大小上限")


# --- 2. Linear time, limits, aliases, and messages that name the real problem --------------------------------------
def one_line_json(folder, outside):
    import datetime
    import yaml  # python3-yaml, Debian's
    data = yaml.safe_load(ELIGIBLE)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                      default=lambda o: o.isoformat() if isinstance(o, datetime.date) else str(o))
    write(os.path.join(folder, "hostile.yaml"), text + "\n")


case("a dossier written as one line of JSON (valid YAML) is read", setup=one_line_json, valid=True, exit=0,
     forbidden=[])


def shared_patents(folder, outside):
    # PyYAML writes an anchor for an object it meets twice, and an alias for every later time.
    zero = "patents: {invention: 0, utility_model: 0, design: 0}"
    first = ELIGIBLE.index(zero)
    text = ELIGIBLE[:first] + zero.replace("patents: ", "patents: &id001 ") + \
        ELIGIBLE[first + len(zero):].replace(zero, "patents: *id001")
    assert text.count("*id001") > 3
    write(os.path.join(folder, "hostile.yaml"), text)


def eligible_verdict(d):
    return [] if d["verdict"] == "eligible" else [f"verdict {d['verdict']}, expected eligible: {d.get('errors')}"]


case("anchors and aliases load as the YAML spec says (as PyYAML writes them)", setup=shared_patents, valid=True,
     exit=0, forbidden=[], json_check=eligible_verdict)


def billion_laughs(folder, outside):
    lines = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):
        lines.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    write(os.path.join(folder, "hostile.yaml"), ELIGIBLE + "\n".join(lines) + "\n")


LAUGHS = "|".join(str(ELIGIBLE.count("\n") + 1 + i) for i in range(12))  # the lines lol0 ... lol11
case("a billion laughs (aliases multiplying) is refused at once, naming the limit", setup=billion_laughs,
     where=rf"({LAUGHS}):\d+", en=r"aliases would expand to more than \d+ nodes \(at most 10 times the \d+ "
     r"written out, and at most 1000000\).*billion laughs", zh=r"YAML 别名展开后将超过 \d+ 个节点.*十亿笑声")
case("a dossier in UTF-16 without a byte order mark is called UTF-16, not GBK",
     setup=dossier_text(ELIGIBLE.encode("utf-16-le")), where="1:1",
     en=r"is UTF-16LE .*iconv -f UTF-16LE -t UTF-8", zh=r"是 UTF-16LE 编码")
case("a roster CSV in UTF-16 with a byte order mark (Excel's Unicode text) is read as UTF-16, with a warning (issue 10)",
     setup=roster_file("csv-roster.csv", CSV_ROSTER.lstrip("\ufeff").encode("utf-16")), valid=True, exit=0,
     forbidden=[], text=r"is UTF-16LE \(what Notepad calls \"Unicode\"\) and was read as such")
case("a count of 1e30 is too large, not 'not a whole number'",
     setup=dossier_text(replaced(r"patents: \{invention: 2,", "patents: {invention: 1e30,")),
     where=r"\d+:\d+", en=r"is too large: 1e30 \(at most 1000000000000\)", zh=r"数值过大：1e30（上限 1000000000000）")


def roster_cell_1e30(folder, outside):
    lines = CSV_ROSTER.split("\n")
    lines[1] = re.sub(r",(\d+),(\d+),(\d*),(\d*)\r?$", lambda m: ",1E+30,1,,\r" if lines[1].endswith("\r") else ",1E+30,1,,",
                      lines[1])
    roster_file("csv-roster.csv", "\n".join(lines))(folder, outside)


case("a roster cell of 1E+30 is too large, not 'not a whole number'", setup=roster_cell_1e30, where=r"2:\d+",
     en=r"1E\+30 is too large \(at most 1000000000000\)", zh=r"1E\+30 过大（上限 1000000000000）")
case("CR-only line ends (classic Mac OS) are named, not 'illegal map value'",
     setup=dossier_text(ELIGIBLE.replace("\n", "\r")), where=r"1:\d+",
     en=r"carriage return \(CR\) alone", zh=r"单独的回车符（CR）")
TAB_LINE = 1 + ELIGIBLE[:ELIGIBLE.index("\n  name:")].count("\n") + 1
case("indentation with a tab is named, not 'illegal map value'",
     setup=dossier_text(replaced(r"^  name:", "\tname:")), where=rf"{TAB_LINE}:1",
     en=r"indented with a tab: YAML indents with spaces only", zh=r"用制表符（Tab）缩进")
case("a value longer than 64 KiB is refused, naming the limit",
     setup=dossier_text(replaced(r"^  name: .*$", "  name: " + "园" * 30000)), where=rf"{TAB_LINE}:9",
     en=r"longer than the limit of 65536 bytes", zh=r"超过 65536 字节的长度上限")
case("nesting 10,000 levels deep is refused, naming the limit",
     setup=dossier_text(ELIGIBLE + "deep: " + "[" * 10000 + "]" * 10000 + "\n"), where=r"\d+:\d+",
     en=r"nested more than 64 levels deep", zh=r"嵌套超过 64 层")


def keys_100k(folder, outside):
    write(os.path.join(folder, "hostile.yaml"),
          ELIGIBLE + "x_extra:\n" + "".join(f"  k{i:06d}: {i}\n" for i in range(100000)))


case("a map of 100,000 keys is read in linear time, the unknown key named once", setup=keys_100k,
     where=rf"{ELIGIBLE.count(chr(10)) + 1}:1", en=r"unknown key x_extra", zh=r"未知字段 x_extra")


def list_too_long(folder, outside):
    write(os.path.join(folder, "hostile.yaml"), ELIGIBLE + "x_extra:\n" + "- 0\n" * 1000001)


case("a list of more than a million items is refused, naming the limit", setup=list_too_long,
     where=rf"{ELIGIBLE.count(chr(10)) + 1 + 1000001}:3", en=r"more than the limit of 1000000 entries",
     zh=r"超过 1000000 项的上限")


def roster_too_long(folder, outside):
    roster_file("csv-roster.csv", "企业名称\n" + "".join(f"北京{i}有限公司\n" for i in range(1000001)))(folder, outside)


case("a roster CSV of more than a million rows is refused, naming the limit", setup=roster_too_long,
     where=r"1000002:1", en=r"roster has more than the limit of 1000000 rows", zh=r"名册超过 1000000 行的上限")


def too_many_nodes(folder, outside):
    write(os.path.join(folder, "hostile.yaml"), ELIGIBLE + "x_extra:\n" + "- [0]\n" * 1000001)


case("more than 2,000,000 values besides the roster are refused, naming the limit", setup=too_many_nodes,
     where=r"\d+:\d+", en=r"more than the limit of 2000000 values besides its roster rows",
     zh=r"超过 2000000 个值的上限")


# --- 6. Nothing kills the batch ---------------------------------------------------------------------------------------
# IPZONE_TEST_FAIL=KIND:SUFFIX (README, Development) makes judging the dossier whose path ends with SUFFIX throw.
case("running out of memory while judging one dossier makes it invalid, the batch goes on",
     setup=dossier_text(ELIGIBLE), env={"IPZONE_TEST_FAIL": "bad_alloc:hostile.yaml"},
     en=r"ran out of memory while judging this dossier: it is invalid, the others are reported",
     zh=r"评估这份档案时内存不足", forbidden=[])
case("running out of memory with -j 2 (two threads) does not abort the process", setup=dossier_text(ELIGIBLE),
     env={"IPZONE_TEST_FAIL": "bad_alloc:hostile.yaml"}, args=["-j", "2"],
     en=r"ran out of memory while judging this dossier", zh=r"评估这份档案时内存不足", forbidden=[])
case("an internal error while judging one dossier makes it invalid with the reason, the batch goes on",
     setup=dossier_text(ELIGIBLE), env={"IPZONE_TEST_FAIL": "exception:hostile.yaml"}, args=["-j", "2"],
     en=r"an internal error stopped the judging of this dossier \(IPZONE_TEST_FAIL\)",
     zh=r"评估这份档案时出现内部错误（IPZONE_TEST_FAIL）", forbidden=[])


# --- 3 and 4. Always valid output; no injection -----------------------------------------------------------------------
def windows_path(folder, outside):
    # \资 is no escape YAML knows: the parser's message quotes the line, whose excerpt must not cut a character.
    write(os.path.join(folder, "hostile.yaml"),
          replaced(r"^  application_form: .*$", '  application_form: "D:\\资料\\申报书.pdf"'))


case("a Windows path in double quotes (\\资 is no YAML escape) is a syntax error, the JSON still valid UTF-8",
     setup=windows_path, where=r"\d+:\d+", en=r"YAML syntax error", zh=r"YAML 语法错误")


GBK_NAME = os.fsdecode("申报档案".encode("gbk") + b".yaml")  # a name in GBK, as a Windows zip unpacks it


def gbk_file_name(folder, outside):
    with open(os.path.join(os.fsencode(folder), os.fsencode(GBK_NAME)), "wb") as f:
        f.write(ELIGIBLE.encode("utf-8"))


def replacement_in_name(d):
    return [] if "\ufffd" in d["file"] else [f"the GBK file name is not shown with U+FFFD: {d['file']!r}"]


case("a GBK-encoded file name is reported as valid UTF-8 (U+FFFD), in JSON and on the terminal",
     setup=gbk_file_name, dossier="{folder}/" + GBK_NAME, valid=True, exit=0, forbidden=[],
     json_check=replacement_in_name)
case("control characters and a bidi override in a zone's name (ESC, CR, U+202E) are shown visibly",
     setup=dossier_text(replaced(r"^  name: .*$", '  name: "园\\e[31m红\\r\\u202Etxt.exe"')), valid=True, exit=0,
     forbidden=[], text=r"<U\+001B>\[31m红<U\+000D><U\+202E>txt\.exe")


def csv_formula(binary, folder, outside, env):
    write(os.path.join(folder, "hostile.yaml"), replaced(r"^  name: .*$", '  name: "=HYPERLINK(\\"http://x\\",\\"x\\")"'))
    p = subprocess.run([binary, "check", "--format", "csv", "--excel", os.path.join(folder, "hostile.yaml")],
                       capture_output=True, timeout=TIMEOUT, env=env)
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(p.stdout.decode("utf-8-sig"))))
    if p.returncode != 0 or len(rows) != 1 or not rows[0]["name"].startswith("'="):
        return [f"--excel CSV: exit {p.returncode}, the name cell {[r.get('name') for r in rows]} is not neutralised"]
    return []


case("a zone named =HYPERLINK(...) is neutralised in --excel CSV (a leading apostrophe)", custom=csv_formula)


# --- 6. Arithmetic --------------------------------------------------------------------------------------------------
case("patent counts of 10^12 on every row are summed and compared without overflow",
     setup=dossier_text(re.sub(r"patents: \{invention: \d+, utility_model: \d+, design: \d+\}",
                               "patents: {invention: 1000000000000, utility_model: 0, design: 0}", ELIGIBLE)),
     valid=True, exit=0, forbidden=[])


def rules_copy(folder):
    rules = os.path.join(folder, "rules")
    shutil.copytree(os.path.join(SOURCE, "rules", "recognition"), rules)
    return rules


def fractional_bound(binary, folder, outside, env):
    rules = rules_copy(folder)
    path = os.path.join(rules, "parameters.yaml")
    text = open(path, encoding="utf-8").read()
    write(path, text.replace("value: 70, source", "value: 69.5, source", 1))
    line = 1 + text[:text.index("value: 70, source")].count("\n")
    problems = []
    for lang, want in (("zh", r"界限须为整数，而不是 69\.5"), ("en", r"bound must be a whole number, not 69\.5")):
        p = subprocess.run([binary, "check", "--lang", lang, "--rules", rules, os.path.join(folder, "a-eligible.yaml")],
                           capture_output=True, timeout=TIMEOUT, env=env)
        err = p.stderr.decode("utf-8")
        if p.returncode != 2 or not re.search(rf"parameters\.yaml:{line}:\d+: .*{want}", err):
            problems.append(f"{lang}: a fractional count bound: exit {p.returncode}, {err[-300:]!r}")
    return problems


case("a rule set with a fractional count bound is refused by lint, at file:line:column", custom=fractional_bound)


def synthetic_roster(binary, folder, outside, env):
    rules = rules_copy(folder)
    for name in os.listdir(os.path.join(rules, "tests")):
        if name.endswith(".yaml"):
            os.unlink(os.path.join(rules, "tests", name))
    write(os.path.join(rules, "tests", "huge.yaml"),
          "cases:\n  - name: too many\n    dossier: {format: ipzone-dossier/1}\n"
          "    roster: {enterprises: 1000000000000}\n    expect: {verdict: eligible}\n")
    problems = []
    for lang, want in (("zh", r"合成名册 1000000000000 家企业超过上限"), ("en", r"synthetic roster of 1000000000000 enterprises is over the limit")):
        p = subprocess.run([binary, "rules", "test", "--lang", lang, rules], capture_output=True, timeout=TIMEOUT, env=env)
        err = p.stderr.decode("utf-8")
        if p.returncode != 2 or not re.search(rf"huge\.yaml:4:\d+: .*{want}", err):
            problems.append(f"{lang}: rules test with a roster of 10^12: exit {p.returncode}, {err[-300:]!r}")
    return problems


case("a rule test's synthetic roster of 10^12 enterprises is refused at file:line:column, never built",
     custom=synthetic_roster)


def sparse_100mb(folder, outside):
    path = os.path.join(folder, "hostile.yaml")
    write(path, ELIGIBLE)
    os.truncate(path, 100 * 1024 * 1024)  # sparse: refused on its size, before any byte is read


case("a 100 MB dossier is refused by the default limit of 64 MiB before it is read", setup=sparse_100mb,
     en=r"larger than the limit of 67108864 bytes", zh=r"超过 67108864 字节的大小上限")


# --- 5. Lost data: -o and standard output -----------------------------------------------------------------------
def batch_of(folder):
    return [os.path.join(folder, n) for n in ("a-eligible.yaml", "hostile.yaml", "z-eligible.yaml")]


def output_onto_input(binary, folder, outside, env):
    write(os.path.join(folder, "hostile.yaml"), CSV_DOSSIER)
    write(os.path.join(folder, "csv-roster.csv"), CSV_ROSTER)
    os.symlink("z-eligible.yaml", os.path.join(folder, "link.out"))
    problems = []
    for target in ("z-eligible.yaml", "csv-roster.csv", "link.out"):
        path = os.path.join(folder, target)
        before = open(path, "rb").read()
        for lang, want in (("zh", "是本次运行读取的输入文件之一"), ("en", "is one of the input files this run read")):
            p = subprocess.run([binary, "check", "--lang", lang, "-o", path] + batch_of(folder), capture_output=True,
                               timeout=TIMEOUT, env=env)
            err = p.stderr.decode("utf-8")
            if p.returncode != 2 or path not in err or want not in err:
                problems.append(f"{lang}: -o {target} (an input): exit {p.returncode}, {err[-300:]!r}")
            if open(path, "rb").read() != before or [n for n in os.listdir(folder) if ".tmp-" in n]:
                problems.append(f"{lang}: -o {target} (an input): the file changed, or a temporary file was left")
    return problems


case("-o naming an input (a dossier, its roster, a link to one) is refused, the file left as it was",
     custom=output_onto_input)


def output_links_devices(binary, folder, outside, env):
    write(os.path.join(folder, "hostile.yaml"), ELIGIBLE)
    want = subprocess.run([binary, "check"] + batch_of(folder), capture_output=True, timeout=TIMEOUT, env=env).stdout
    write(os.path.join(outside, "report.txt"), "old\n")
    link = os.path.join(folder, "report-link.txt")
    os.symlink(os.path.join(outside, "report.txt"), link)
    problems = []
    p = subprocess.run([binary, "check", "-o", link] + batch_of(folder), capture_output=True, timeout=TIMEOUT, env=env)
    if p.returncode != 0 or not os.path.islink(link) or open(os.path.join(outside, "report.txt"), "rb").read() != want:
        problems.append(f"-o onto a symbolic link: exit {p.returncode}, still a link {os.path.islink(link)}")
    p = subprocess.run([binary, "check", "-o", "/dev/null"] + batch_of(folder), capture_output=True, timeout=TIMEOUT,
                       env=env)
    if p.returncode != 0 or not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        problems.append(f"-o /dev/null: exit {p.returncode}, /dev/null a device {stat.S_ISCHR(os.stat('/dev/null').st_mode)}")
    return problems


case("-o onto a symbolic link writes the file it points to (the link stays), and -o /dev/null stays a device",
     custom=output_links_devices)


def write_errors(binary, folder, outside, env):
    write(os.path.join(folder, "hostile.yaml"), ELIGIBLE)
    problems = []
    full = open("/dev/full", "wb")
    for how, kw, extra, name in (("-o /dev/full", {}, ["-o", "/dev/full"], {"zh": "/dev/full", "en": "/dev/full"}),
                                 (">/dev/full", {"stdout": full}, [], {"zh": "标准输出", "en": "standard output"}),
                                 (">&-", {"preexec_fn": lambda: os.close(1)}, [], {"zh": "标准输出", "en": "standard output"})):
        for lang, words in (("zh", ("无法写入", "：")), ("en", ("cannot write", ": "))):
            kw2 = dict(stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            kw2.update(kw)
            if "preexec_fn" in kw:
                kw2.pop("stdout")
            p = subprocess.run([binary, "check", "--lang", lang] + extra + batch_of(folder), timeout=TIMEOUT, env=env,
                               **kw2)
            err = p.stderr.decode("utf-8").strip()
            rest = err.split(name[lang], 1)[-1] if name[lang] in err else ""
            if p.returncode != 2 or not all(w in err for w in words) or len(rest.strip(" :：")) < 4:
                problems.append(f"{lang}: {how}: exit {p.returncode}, expected 2 and the name with the reason: {err!r}")
    return problems


case("a write error (-o /dev/full, >/dev/full, a closed standard output) names the file and the reason, exit 2",
     custom=write_errors)


def signal_temporary(binary, folder, outside, env):
    import signal
    import time
    problems = []
    out = os.path.join(outside, "report.txt")
    dfl = lambda: [signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)]
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        r, w = os.pipe()  # a dossier on standard input that never ends: ipzone waits, its temporary file open
        p = subprocess.Popen([binary, "check", "-", "-o", out], stdin=r, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, preexec_fn=dfl)
        os.close(r)
        deadline = time.time() + TIMEOUT
        while not [n for n in os.listdir(outside) if ".tmp-" in n] and time.time() < deadline:
            time.sleep(0.02)
        p.send_signal(sig)
        try:
            p.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        os.close(w)
        left = [n for n in os.listdir(outside) if ".tmp-" in n]
        if p.returncode != -sig or left or os.path.exists(out):
            problems.append(f"{sig.name} while writing: exit {p.returncode}, left {left}, report {os.path.exists(out)}")
            for n in left:
                os.unlink(os.path.join(outside, n))
    return problems


def output_modes(binary, folder, outside, env):
    problems = []
    old = os.path.join(outside, "old.txt")
    write(old, "old\n")
    os.chmod(old, 0o644)
    for umask, path, want in ((0o077, old, 0o644), (0o022, os.path.join(outside, "new.txt"), 0o644)):
        p = subprocess.run([binary, "check", "-o", path, os.path.join(folder, "a-eligible.yaml")], capture_output=True,
                           timeout=TIMEOUT, env=env, preexec_fn=lambda u=umask: os.umask(u))
        got = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else None
        if p.returncode != 0 or got != want:
            problems.append(f"-o {os.path.basename(path)} under umask {umask:03o}: exit {p.returncode}, mode {got and oct(got)}, "
                            f"expected {oct(want)}")
    return problems


case("-o keeps the mode of an existing file, and a new one gets 0666 less the umask (not always 0600)",
     custom=output_modes)
case("SIGINT, SIGTERM or SIGHUP while the report is written leaves no temporary file behind", custom=signal_temporary)


# --- 7. One date for a run --------------------------------------------------------------------------------------------
def unknown_tz(binary, folder, outside, env):
    problems = []
    for how, args, extra_env, words in (
            ("--tz", ["--tz", "Mars/Olympus_Mons"], {}, {"zh": "未知的时区 Mars/Olympus_Mons", "en": "unknown time zone Mars/Olympus_Mons"}),
            ("TZ", [], {"TZ": "../../etc/passwd"}, {"zh": "未知的时区", "en": "unknown time zone"})):
        for lang in ("zh", "en"):
            p = subprocess.run([binary, "check", "--lang", lang] + args + [os.path.join(folder, "a-eligible.yaml")],
                               capture_output=True, timeout=TIMEOUT, env=dict(env, **extra_env))
            if p.returncode != 2 or words[lang] not in p.stderr.decode("utf-8") or p.stdout:
                problems.append(f"{lang}: an unknown zone by {how}: exit {p.returncode}, {p.stderr[-200:]!r}")
    return problems


case("an unknown time zone (--tz, or TZ) is a usage error, exit 2, zh and en", custom=unknown_tz)


def one_date(binary, folder, outside, env):
    undated = "".join(l for l in ELIGIBLE.splitlines(True) if not l.startswith("as_of:"))
    paths = []
    for i in range(4):
        paths.append(os.path.join(folder, f"undated-{i}.yaml"))
        write(paths[-1], undated)
    p = subprocess.run([binary, "check", "--format", "json", "-j", "2", "--tz", "Pacific/Kiritimati"] + paths,
                       capture_output=True, timeout=TIMEOUT, env=dict(env, IPZONE_NOW="1711902600"))
    doc = strict_json(p.stdout)
    got = {(d["as_of"], d["as_of_source"], d["time_zone"]) for d in doc["dossiers"]}
    if got != {("2024-04-01", "today", "Pacific/Kiritimati")} or doc["as_of"] != "2024-04-01":
        return [f"a batch without as_of: {got}, top level {doc['as_of']}"]
    return []


case("a batch without as_of is judged on one date, today in --tz, and says so", custom=one_date)


# --- the checks ------------------------------------------------------------------------------------------------------
def strict_json(data):
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate key in {keys}")
        return dict(pairs)

    def no_constant(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(data.decode("utf-8", errors="strict"), object_pairs_hook=no_duplicates,
                      parse_constant=no_constant)


BAD_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def traced(cmd):
    """Runs cmd under strace; the paths it opened, or None when strace cannot run here."""
    if not shutil.which("strace"):
        return None, None
    with tempfile.NamedTemporaryFile(suffix=".strace") as log:
        try:
            p = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", log.name] + cmd,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, "timed out under strace"
        lines = open(log.name, encoding="utf-8", errors="replace").read().splitlines()
        if p.returncode != 0 and not lines:
            return None, None  # ptrace not permitted here
        return [m.group(1) for m in (re.search(r'open(?:at2?)?\([^"]*"([^"]*)"', l) for l in lines) if m], None


_STARTUP = {}


def startup_opens(binary):
    """The files the binary opens whatever its input (`--version`): the sanitizer runtime of an
    ASan build reads /proc/self/environ before main, which says nothing of what ipzone reads."""
    if binary not in _STARTUP:
        opened, _ = traced([binary, "--version"])
        _STARTUP[binary] = set(opened or [])
    return _STARTUP[binary]


def run_case(binary, name, kw):
    problems = []
    with tempfile.TemporaryDirectory(prefix="ipzone-hostile-") as tmp:
        folder, outside = os.path.join(tmp, "dossiers"), os.path.join(tmp, "outside")
        os.makedirs(folder)
        os.makedirs(outside)
        secret = os.path.join(outside, "secret.csv")
        write(secret, "SECRET-CONTENT-4711,do not echo\n")
        write(os.path.join(outside, "roster.csv"), CSV_ROSTER)
        write(os.path.join(folder, "a-eligible.yaml"), ELIGIBLE)
        write(os.path.join(folder, "z-eligible.yaml"), ELIGIBLE)
        env = dict(os.environ, **kw["env"])
        if kw["custom"]:
            return kw["custom"](binary, folder, outside, env)
        kw["setup"](folder, outside)
        hostile = (kw["dossier"] or os.path.join(folder, "hostile.yaml")).replace("{folder}", folder)
        batch = [os.path.join(folder, "a-eligible.yaml"), hostile, os.path.join(folder, "z-eligible.yaml")]
        args = [a.replace("{outside}", outside) for a in kw["args"]]
        forbidden = [secret] if kw["forbidden"] is None else kw["forbidden"]
        for lang in ("zh", "en"):
            cmd = [binary, "check", "--lang", lang, "--format", "json"] + args + batch
            try:
                p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, env=env)
            except subprocess.TimeoutExpired:
                problems.append(f"{lang}: no answer within {TIMEOUT} s")
                continue
            if p.returncode != kw["exit"]:
                problems.append(f"{lang}: exit {p.returncode}, expected {kw['exit']}: {p.stderr[-400:]!r}")
            if b"SECRET-CONTENT" in p.stdout + p.stderr:
                problems.append(f"{lang}: the content of a file outside the folder was echoed")
            try:
                report = strict_json(p.stdout)
            except Exception as e:
                problems.append(f"{lang}: the JSON does not parse: {e}")
                continue
            ds = report.get("dossiers", [])
            if len(ds) != 3:
                problems.append(f"{lang}: {len(ds)} dossiers reported, expected 3 (the batch was cut short)")
                continue
            for other in (ds[0], ds[2]):
                if other["verdict"] != "eligible":
                    problems.append(f"{lang}: the dossier beside it is {other['verdict']}, not eligible")
            d = ds[1]
            if kw["valid"]:
                if d["verdict"] == "invalid":
                    problems.append(f"{lang}: the dossier is invalid: {d['errors']}")
            else:
                if d["verdict"] != "invalid":
                    problems.append(f"{lang}: verdict {d['verdict']}, expected invalid")
                want = re.compile(kw[lang])
                hits = [e for e in d["errors"] if want.search(e["message"])]
                if not hits:
                    problems.append(f"{lang}: no error matches {kw[lang]!r}: {[e['message'] for e in d['errors']]}")
                elif kw["where"] and not any(re.fullmatch(kw["where"], f"{e['line']}:{e['column']}") for e in hits):
                    problems.append(f"{lang}: the error is at {[(e['line'], e['column']) for e in hits]}, "
                                    f"expected {kw['where']}")
            if kw["json_check"]:
                problems += [f"{lang}: {m}" for m in kw["json_check"](d)]
        # The text report, for a terminal: valid UTF-8, nothing invisible or moving the cursor.
        try:
            p = subprocess.run([binary, "check", "--lang", "en"] + args + batch, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=TIMEOUT, env=env)
            for stream, data in (("stdout", p.stdout), ("stderr", p.stderr)):
                try:
                    text = data.decode("utf-8", errors="strict")
                except UnicodeDecodeError as e:
                    problems.append(f"text {stream}: not UTF-8: {e}")
                    continue
                if BAD_TEXT.search(text):
                    problems.append(f"text {stream}: a control or bidi character reached it: "
                                    f"{BAD_TEXT.search(text).group()!r}")
            if kw["text"] and not re.search(kw["text"], p.stdout.decode("utf-8", "replace")):
                problems.append(f"text: does not match {kw['text']!r}")
        except subprocess.TimeoutExpired:
            problems.append(f"text: no answer within {TIMEOUT} s")
        if forbidden:
            opened, err = traced([binary, "check"] + args + batch)
            if err:
                problems.append(err)
            baseline = startup_opens(binary)
            for path in opened or []:
                if path in forbidden and path not in baseline:
                    problems.append(f"opened {path}, which it must never read")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if sys.argv[2:] == ["--list"]:
        for name, _ in CASES:
            print(name)
        return 0
    wanted = set(sys.argv[2:])
    failed = 0
    ran = 0
    for name, kw in CASES:
        if wanted and name not in wanted:
            continue
        ran += 1
        problems = run_case(binary, name, kw)
        print(("FAIL  " if problems else "ok    ") + name)
        for p in problems:
            print("      " + p)
        failed += bool(problems)
    if wanted and ran != len(wanted):
        print("unknown case names:", wanted - {n for n, _ in CASES})
        return 1
    print(f"{ran - failed}/{ran} hostile cases hold")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
