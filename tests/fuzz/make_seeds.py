#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora and dictionaries (tests/fuzz/README.md).

    tests/fuzz/make_seeds.py [IPZONE]     # from the top of the repository (Debian's /usr/bin/python3)

Seeds, copied into tests/fuzz/corpus/<target>/ (named by their content's
SHA-1, as libFuzzer names what it adds, so a rerun adds no duplicates):
  dossier     every *.yaml / *.yml under examples/ and tests/ (not rules/)
  roster_csv  every *.csv under examples/ and tests/
  rules       each file of rules/recognition (not its tests), prefixed by the
              line that names it (fuzz_rules.cc)
  roster_xlsx every roster CSV above as a workbook: written by
              python3-openpyxl (shared strings, numbers; when it is installed)
              and by hand (inline strings, stored and deflated), plus the
              workbook ipzone itself writes with libxlsxwriter (check -o
              x.xlsx, when the binary is given: make_seeds.py build/ipzone)
Files above 64 KiB are left out. The dictionaries (tests/fuzz/<target>.dict)
hold the format's keys and words, taken from format/ and rules/, so that a
change of the format is one rerun away.
"""
import csv
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import yaml

TOP = pathlib.Path(__file__).resolve().parents[2]
FUZZ = TOP / "tests" / "fuzz"
MAX_SEED = 64 * 1024


def add_seed(target, data):
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def files(patterns, under=("examples", "tests")):
    for top in under:
        for pattern in patterns:
            for p in sorted((TOP / top).rglob(pattern)):
                if "fuzz" in p.relative_to(TOP).parts or not p.is_file():
                    continue
                if p.stat().st_size <= MAX_SEED:
                    yield p


def seeds():
    for p in files(["*.yaml", "*.yml"]):
        add_seed("dossier", p.read_bytes())
    for p in files(["*.csv"]):
        add_seed("roster_csv", p.read_bytes())
    for p in files(["*.csv"]):
        xlsx_seeds(p)
    rules = TOP / "rules" / "recognition"
    for p in sorted(rules.rglob("*.yaml")):
        rel = p.relative_to(rules).as_posix()
        if not rel.startswith("tests/"):
            add_seed("rules", rel.encode() + b"\n" + p.read_bytes())


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def raw_workbook(rows, method):
    """A minimal workbook of inline strings, as tests/rosters/xlsx_rosters.py writes them."""
    cells = "".join('<row r="%d">' % (i + 1) + "".join(
        '<c t="inlineStr"><is><t>%s</t></is></c>' % escape(c) for c in r) + "</row>" for i, r in enumerate(rows))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>' % (PKG, REL),
        "xl/workbook.xml": '<workbook %s xmlns:r="%s"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
                           "</sheets></workbook>" % (NS, REL),
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" '
                                      'Target="worksheets/sheet1.xml"/></Relationships>' % (PKG, REL),
        "xl/worksheets/sheet1.xml": "<worksheet %s><sheetData>%s</sheetData></worksheet>" % (NS, cells),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def xlsx_seeds(csv_path):
    try:
        rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))[:40]
    except UnicodeDecodeError:
        return  # a GBK roster: the CSV corpus has it
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        add_seed("roster_xlsx", raw_workbook(rows, method))
    try:
        import openpyxl
    except ImportError:
        return
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append([int(c) if c.isdigit() else c for c in r])
    out = io.BytesIO()
    wb.save(out)
    add_seed("roster_xlsx", out.getvalue())


def ipzone_workbook(ipzone):
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "report.xlsx"
        subprocess.run([ipzone, "check", "-o", str(out), str(TOP / "examples" / "eligible.yaml")],
                       capture_output=True, check=False)
        if out.exists():
            add_seed("roster_xlsx", out.read_bytes())


def walk(node, keys, values):
    """Every mapping key and every short scalar of a YAML (or JSON) tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            keys.add(str(k))
            walk(v, keys, values)
    elif isinstance(node, list):
        for v in node:
            walk(v, keys, values)
    elif isinstance(node, str) and len(node) <= 24 and "\n" not in node:
        values.add(node)


def entry(token):
    out = ""
    for b in token.encode():
        ch = chr(b)
        out += ch if 0x20 <= b < 0x7F and ch not in '"\\' else "\\x%02X" % b
    return '"' + out + '"'


def write_dict(target, keys, values, extra):
    tokens = {k + ":" for k in keys} | set(keys) | set(values) | set(extra)
    tokens.discard("")
    lines = ["# The " + target + " target's dictionary, written by tests/fuzz/make_seeds.py."]
    lines += ["kw%d=%s" % (i, entry(t)) for i, t in enumerate(sorted(tokens))]
    (FUZZ / (target + ".dict")).write_text("\n".join(lines) + "\n")


YAML_SYNTAX = ["---", "...", ": ", "- ", "\n  ", "{", "}", "[", "]", "&a ", "*a", "<<: ", "!!str ", "~", "null",
               "true", "false", "'", '"', "|\n", ">\n", "#", "2024-03-31", "2019-06-01", "0", "-1", "1e30",
               "99999999999999999999", "0.5", "\xef\xbb\xbf"]


def dicts():
    keys, values = set(), set()
    schema = json.loads((TOP / "format" / "dossier-v1.schema.json").read_text())

    def schema_walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}).keys())
            for e in node.get("enum", []):
                values.add(str(e))
            if isinstance(node.get("const"), str):
                values.add(node["const"])
            for v in node.values():
                schema_walk(v)
        elif isinstance(node, list):
            for v in node:
                schema_walk(v)

    schema_walk(schema)
    for name in ["history-events.yaml"]:
        walk(yaml.safe_load((TOP / "format" / name).read_text()), set(), values)
    tables = TOP / "rules" / "recognition" / "tables"
    for p in sorted(tables.glob("*.yaml")):
        walk(yaml.safe_load(p.read_text()), set(), values)
    write_dict("dossier", keys, {v for v in values if len(v) <= 16},
               YAML_SYNTAX + ["format: ipzone-dossier/1", "enterprises_file: roster.csv"])

    columns = yaml.safe_load((TOP / "format" / "roster-columns.yaml").read_text())
    headers = {h for c in columns["columns"] for h in c["headers"]}
    words = set(map(str, columns["sme_true"] + columns["sme_false"]))
    write_dict("roster_csv", set(), headers | words,
               [",", "\r\n", "\n", '"', '""', "\xef\xbb\xbf", "91110108551385082Q", "0", "-1", "1e30", "1.5"])

    write_dict("roster_xlsx", set(), headers | words,
               ["PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "xl/sharedStrings.xml", "xl/styles.xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "<row r=\"",
                "<c r=\"", " t=\"s\"", " t=\"inlineStr\"", " t=\"b\"", " t=\"e\"", " t=\"str\"", " s=\"1\"",
                "<v>", "</v>", "<is><t>", "</t></is>", "<si><t>", "</c>", "</row>", "<sheet name=\"", "r:id=\"",
                "<numFmt numFmtId=\"", "formatCode=\"", "<xf numFmtId=\"14\"", "date1904=\"1\"", "<!DOCTYPE",
                "<!ENTITY", "&amp;", "&#x", "1.5E3", "45383", "#N/A"])

    rule_keys, rule_values = set(), set()
    rules = TOP / "rules" / "recognition"
    for p in sorted(rules.rglob("*.yaml")):
        if not p.relative_to(rules).as_posix().startswith("tests/"):
            walk(yaml.safe_load(p.read_text()), rule_keys, rule_values)
            rule_values.add(p.relative_to(rules).as_posix() + "\n")
    write_dict("rules", rule_keys, rule_values, YAML_SYNTAX + ["{value}", "{bound}", "{shortfall}", "{actual}"])


def main():
    seeds()
    if len(sys.argv) > 1:
        ipzone_workbook(sys.argv[1])
    dicts()
    for target in sorted(p.name for p in (FUZZ / "corpus").iterdir()):
        n = len(list((FUZZ / "corpus" / target).iterdir()))
        print("corpus/%s: %d files" % (target, n), file=sys.stderr)


if __name__ == "__main__":
    main()
