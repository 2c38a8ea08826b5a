#!/usr/bin/python3
"""Rosters kept in .xlsx workbooks (issue 10), written at test time.

    xlsx_rosters.py IPZONE GROUP     GROUP: same | quirks | errors | hostile

Workbooks come from two writers: python3-openpyxl (shared strings, numbers,
styles, merged cells, as Excel writes them) and a small writer of raw parts
below (inline strings, cells without references, booleans, error cells, date
serials, and hostile packages no spreadsheet program writes). Each case runs
the real binary on a dossier in a temporary folder and parses its JSON.

  same     a workbook roster gives the same report as the same roster in CSV
           (tests/rosters/csv-ok.yaml, csv-size-figures.yaml), once with every
           cell as Excel types it and once with numbers stored as text
  quirks   inline strings, sparse rows, 1.5E3 and 1500.0000000002, booleans,
           dates, trailing styled rows, a named sheet (enterprises_sheet)
  errors   bad cells named as 名录.xlsx:Sheet1!C7, in zh and en; unknown sheet
  hostile  not a zip, encrypted/.xls (OLE), zip bomb, too many entries,
           billion laughs and external entities, a damaged zip; exit 2, no hang

Exit 0 when every case passes, 1 otherwise, 77 (skipped) without openpyxl.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
    from openpyxl.styles import PatternFill
except ImportError:
    print("skipped: python3-openpyxl is not installed")
    sys.exit(77)

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROSTERS = os.path.join(SRC, "tests", "rosters")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(ipzone, *args):
    p = subprocess.run([ipzone, *args], capture_output=True, timeout=60,
                       env=dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8"))
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_csv(name):
    with open(os.path.join(ROSTERS, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def typed(text):
    """A CSV cell as a person types it into Excel: numbers become numbers."""
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text if text != "" else None


def openpyxl_workbook(path, rows, as_text=False, sheet="Sheet1", decorate=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append([c if as_text else typed(c) for c in r] if r else [])
    if decorate:  # what a real workbook has below its data: formats, a merged block, no values
        fill = PatternFill("solid", fgColor="FFFF00")
        for row in range(len(rows) + 1, len(rows) + 30):
            ws.cell(row=row, column=2).fill = fill
        ws.merge_cells(start_row=len(rows) + 5, start_column=1, end_row=len(rows) + 6, end_column=3)
        ws.freeze_panes = "A2"
    wb.save(path)


# --- raw parts, for what openpyxl does not write ------------------------------------------------
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def raw_parts(sheet_xml, sheets=("Sheet1",), styles=None, date1904=False, doctype=""):
    wb = (f'<?xml version="1.0"?>{doctype}<workbook {NS} {RNS}>'
          + ('<workbookPr date1904="1"/>' if date1904 else "")
          + "<sheets>" + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                                 for i, n in enumerate(sheets)) + "</sheets></workbook>")
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
            + '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'styles" Target="styles.xml"/></Relationships>')
    parts = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels}
    for i in range(len(sheets)):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = sheet_xml if i == len(sheets) - 1 else f"<worksheet {NS}/>"
    # style 0: General; 1: a built-in date (14); 2: a custom Chinese date; 3: a number with decimals
    parts["xl/styles.xml"] = styles or (
        f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="176" '
        'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4">'
        '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="4"/></cellXfs></styleSheet>')
    return parts


def write_zip(path, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(rows_xml):
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>'


# --- the dossiers ---------------------------------------------------------------------------------
def dossier_with(tmp, base_yaml, roster, extra=""):
    with open(os.path.join(ROSTERS, base_yaml), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^enterprises_file: .*$", f"enterprises_file: {roster}{extra}", text)
    path = os.path.join(tmp, os.path.splitext(roster)[0] + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def normalized(report, roster):
    """The JSON report with the roster's places written one way: ROSTER:row."""
    text = json.dumps(report, ensure_ascii=False, sort_keys=True)
    text = re.sub(r"[^\"]*" + re.escape(roster) + r":Sheet1!A(\d+)", r"ROSTER:\1", text)
    text = re.sub(r"[^\"]*roster-[a-z]+\.csv:(\d+)", r"ROSTER:\1", text)
    out = json.loads(text)
    for d in out.get("dossiers", []):
        d.pop("file", None)
        for w in d.get("warnings", []) + d.get("errors", []):
            w.pop("file", None), w.pop("line", None), w.pop("column", None)
    return out


def json_check(ipzone, path, *more):
    code, out, err = run(ipzone, "check", "--format", "json", *more, path)
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, None, out + err


def same(ipzone, tmp):
    for base, csv_name in (("csv-ok.yaml", "roster-ok.csv"), ("csv-size-figures.yaml", "roster-size.csv")):
        shutil.copy(os.path.join(ROSTERS, csv_name), tmp)
        code_c, csv_report, _ = json_check(ipzone, dossier_with(tmp, base, csv_name), "--detail")
        rows = read_csv(csv_name)
        for as_text in (False, True):
            name = f"名录{'-text' if as_text else ''}-{csv_name[:-4]}.xlsx"
            openpyxl_workbook(os.path.join(tmp, name), rows, as_text=as_text)
            code_x, xlsx_report, err = json_check(ipzone, dossier_with(tmp, base, name), "--detail")
            what = f"{csv_name} as {name}: {'numbers stored as text' if as_text else 'typed cells'}"
            check(code_x == code_c and xlsx_report is not None, f"{what}: exit {code_x}, as the CSV's {code_c} {err[:300]}")
            if xlsx_report is not None:
                a, b = normalized(csv_report, csv_name), normalized(xlsx_report, name)
                check(a == b, f"{what}: the same JSON report (verdicts, rules, warnings, rows)")
                if a != b:
                    import difflib
                    print("\n".join(list(difflib.unified_diff(json.dumps(a, ensure_ascii=False, indent=1).splitlines(),
                                                            json.dumps(b, ensure_ascii=False, indent=1).splitlines(),
                                                            lineterm=""))[:40]))
    # A warning at a row names its cell.
    _, report, _ = json_check(ipzone, os.path.join(tmp, "名录-roster-size.yaml"), "--detail")
    places = [w["file"] for d in report["dossiers"] for w in d["warnings"]]
    check(any(re.fullmatch(r".*名录-roster-size\.xlsx:Sheet1!A62", p) for p in places),
          f"a warning about row 62 is at 名录-roster-size.xlsx:Sheet1!A62 ({places[:3]})")


def quirks(ipzone, tmp):
    header = "".join(inline(f"{c}1", h) for c, h in zip("ABCDEFGHI", ["企业名称", "是否中小企业", "所属行业", "从业人员",
                                                                        "营业收入(万元)", "资产总额(万元)", "高精尖产业领域",
                                                                        "有效专利", "发明专利"]))
    body = []
    for i in range(2, 72):  # 70 rows, after two empty and styled rows
        r = i + 2
        name = inline(f"A{r}", f"北京样本{i:03d}科技有限公司")
        sme = f'<c r="B{r}" t="b"><v>{1 if i <= 57 else 0}</v></c>'  # 56 SMEs
        high = inline(f"G{r}", "集成电路" if i <= 43 else "")  # 42 high-end
        # valid patents: 1.5E3 in row 4, 1500.0000000002 (Excel's artefact) in row 5, cells without r after G
        valid = "1.5E3" if i == 2 else "1500.0000000002" if i == 3 else "0"
        body.append(f'<row r="{r}">{name}{sme}{high}<c><v>{valid}</v></c><c t="n"><v>0</v></c></row>')
    rows = f'<row r="2" s="1"/><row r="3"><c r="C3" s="1"/></row>'
    xml = sheet(f'<row r="1">{header}</row>{rows}' + "".join(body) + '<row r="90"><c r="D90" s="2"/></row>')
    write_zip(os.path.join(tmp, "quirks.xlsx"), raw_parts(xml, sheets=("说明", "企业名录")))
    path = dossier_with(tmp, "csv-ok.yaml", "quirks.xlsx", "\nenterprises_sheet: 企业名录")
    code, report, err = json_check(ipzone, path)
    check(code == 0 and report and report["dossiers"][0]["verdict"] == "eligible",
          f"inline strings, booleans, sparse rows, a named sheet: eligible (exit {code}) {err[:300]}")
    if report:
        rules = {r["id"]: r for r in report["dossiers"][0]["results"]}
        found = json.dumps(rules.get("art5.3.patents", {}), ensure_ascii=False)
        check("3000" in found, "1.5E3 and 1500.0000000002 are 1500 valid patents each: 3000 in all")
    # The first sheet when none is named: 说明 is empty.
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "quirks.xlsx"))
    check(code == 2 and "quirks.xlsx 的工作表 说明 是空的" in out + err, f"the first sheet by default: 说明, empty (exit {code})")
    # Dates: a date-styled serial becomes YYYY-MM-DD, shown where a count belongs.
    xml = sheet(f'<row r="1">{inline("A1", "企业名称")}{inline("B1", "有效专利")}</row>'
                f'<row r="2">{inline("A2", "甲公司")}<c r="B2" s="1"><v>45383</v></c></row>'
                f'<row r="3">{inline("A3", "乙公司")}<c r="B3" s="2"><v>45383.75</v></c></row>')
    write_zip(os.path.join(tmp, "dates.xlsx"), raw_parts(xml))
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "dates.xlsx"))
    check(code == 2 and "dates.xlsx:Sheet1!B2: 错误: 列 有效专利 的值 2024-04-01 无效" in out, "a date serial (45383) is read as 2024-04-01")
    check("dates.xlsx:Sheet1!B3: 错误: 列 有效专利 的值 2024-04-01 无效" in out, "a custom Chinese date format too")
    write_zip(os.path.join(tmp, "dates1904.xlsx"), raw_parts(xml, date1904=True))
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "dates1904.xlsx"))
    check("的值 2028-04-02 无效" in out, "the 1904 date system counts 1462 days on")


def errors(ipzone, tmp):
    rows = read_csv("roster-bad-cells.csv")
    openpyxl_workbook(os.path.join(tmp, "名录.xlsx"), rows, decorate=False)
    path = dossier_with(tmp, "csv-bad-cells.yaml", "名录.xlsx")
    code, out, err = run(ipzone, "check", path)
    check(code == 2, f"bad cells: exit 2 ({code})")
    check("名录.xlsx:Sheet1!H5: 错误: 列 有效专利 的值 很多 无效：应为非负整数" in out, "a word in a count: at 名录.xlsx:Sheet1!H5 (zh)")
    check("名录.xlsx:Sheet1!A6: 错误: " in out and "名录.xlsx:Sheet1!A6：发明专利 5 件多于有效专利 3 件" in out,
          "invention above valid: at the row, 名录.xlsx:Sheet1!A6")
    code, out, err = run(ipzone, "check", "--lang", "en", path)
    check("名录.xlsx:Sheet1!H5: error: column 有效专利: 很多 is not valid; expected a whole number of 0 or more" in out,
          "the same in English")
    code, report, _ = json_check(ipzone, path)
    errs = report["dossiers"][0]["errors"] if report else []
    check(any(e["file"].endswith("名录.xlsx:Sheet1!H5") and e["line"] == 0 for e in errs),
          "JSON: the cell is the error's file, line 0")
    # An error cell, a value right of the header, a missing column.
    xml = sheet(f'<row r="1">{inline("A1", "企业名称")}{inline("B1", "有效专利")}</row>'
                f'<row r="2">{inline("A2", "甲公司")}<c r="B2" t="e"><v>#N/A</v></c>{inline("D2", "备注")}</row>')
    write_zip(os.path.join(tmp, "cells.xlsx"), raw_parts(xml))
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "cells.xlsx"))
    check("cells.xlsx:Sheet1!B2: 错误: 单元格的值是 Excel 错误 #N/A" in out, "an error cell is named (#N/A)")
    check("cells.xlsx:Sheet1!D2: 错误: 单元格有值 备注，但它所在的列没有列名" in out, "a value right of the header is named")
    xml = sheet(f'<row r="3">{inline("B3", "是否中小企业")}{inline("C3", "企业名陈")}</row>')
    write_zip(os.path.join(tmp, "header.xlsx"), raw_parts(xml))
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "header.xlsx"))
    check("header.xlsx:Sheet1!A3: 错误: 名录缺少必需的列：企业名称" in out, "a missing column: at the header row, A3")
    check("header.xlsx:Sheet1!C3: 错误: 名录的列名 企业名陈 无法识别（是否应为 企业名称？）" in out, "a misspelled header at C3")
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "名录.xlsx", "\nenterprises_sheet: 名册"))
    check(code == 2 and "名录.xlsx 中没有名为 名册 的工作表" in out and "Sheet1" in out, "an unknown sheet names the sheets")
    shutil.copy(os.path.join(ROSTERS, "roster-ok.csv"), tmp)
    code, out, err = run(ipzone, "check", dossier_with(tmp, "csv-ok.yaml", "roster-ok.csv", "\nenterprises_sheet: Sheet1"))
    check(code == 2 and "enterprises_sheet 只用于 .xlsx 工作簿名册" in out, "enterprises_sheet with a CSV roster is an error")


def hostile(ipzone, tmp):
    def expect(name, data_or_parts, message, method=zipfile.ZIP_DEFLATED, *more):
        path = os.path.join(tmp, name)
        if isinstance(data_or_parts, dict):
            write_zip(path, data_or_parts, method)
        else:
            with open(path, "wb") as f:
                f.write(data_or_parts)
        code, out, err = run(ipzone, "check", *more, dossier_with(tmp, "csv-ok.yaml", name))
        check(code == 2 and message in out, f"{name}: exit 2 ({code}), says {message!r}" + ("" if message in out else f": {out[-400:]}"))

    shutil.copy(os.path.join(ROSTERS, "roster-ok.csv"), os.path.join(tmp, "csv.xlsx"))
    expect("csv.xlsx", open(os.path.join(ROSTERS, "roster-ok.csv"), "rb").read(), "不是 Excel 工作簿")
    ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)
    expect("encrypted.xlsx", ole, "是加密（设了打开密码）的工作簿，或旧的 .xls 格式")
    expect("old.xls", ole, "是加密（设了打开密码）的工作簿，或旧的 .xls 格式")
    expect("ole-named.csv", ole, "是加密（设了打开密码）的工作簿，或旧的 .xls 格式")
    expect("truncated.xlsx", b"PK\x03\x04" + bytes(100), "已损坏")
    # A zip bomb: 200 MiB of one repeated row in 200 KiB, against the 64 MiB default (and 1M with --max-file-size).
    bomb_row = '<row><c t="inlineStr"><is><t>甲</t></is></c></row>'
    bomb = sheet(bomb_row * (200 * 1024 * 1024 // len(bomb_row)))
    expect("bomb.xlsx", raw_parts(bomb), "解压后超过 67108864 字节的大小上限")
    parts = raw_parts(sheet(""))
    for i in range(10001):
        parts[f"x/{i}"] = ""
    expect("entries.xlsx", parts, "含有 10007 个内部文件，超过 10000 个的上限")
    laughs = ('<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    expect("laughs.xlsx", raw_parts(sheet(""), doctype=laughs), "含有 DTD 或实体声明")
    external = '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    xml = sheet(f'<row r="1">{inline("A1", "企业名称")}</row><row r="2">{inline("A2", "&x;")}</row>')
    expect("external.xlsx", raw_parts(xml.replace("<worksheet", external + "<worksheet", 1)), "含有 DTD 或实体声明")
    expect("badxml.xlsx", raw_parts("<worksheet><sheetData><row></sheetData>"), "不是有效的 XML")
    missing = raw_parts(sheet(""))
    del missing["xl/workbook.xml"]
    expect("noworkbook.xlsx", missing, "缺少 xl/workbook.xml")


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("same", "quirks", "errors", "hostile"):
        print(__doc__)
        return 2
    ipzone = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="ipz-xlsx-") as tmp:
        globals()[sys.argv[2]](ipzone, tmp)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
