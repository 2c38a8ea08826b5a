#!/usr/bin/env python3
"""Writes the CSV-roster fixtures of tests/rosters/ (run from the repository top).

Each dossier is tests/dossiers/count-70.yaml with its inline roster replaced by
an enterprises_file; the CSVs exercise reading (BOM, CRLF, quoted commas, GBK,
bad columns and cells) and SME classification by the size standard at its
boundaries. Deterministic: rerunning rewrites the same bytes.
"""
import re

OUT = "tests/rosters/"
src = open("tests/dossiers/count-70.yaml", encoding="utf-8").read()
head = src[: src.index("\nenterprises:")]
head = re.sub(r"\ndeclared:.*?(?=\n\S|\Z)", "", head, flags=re.S)
body = head.split("\n")
while body and body[0].startswith("#"):
    body.pop(0)


def dossier(name, csv, comment):
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(f"# {comment}\n" + "\n".join(body) + f"\nenterprises_file: {csv}\n")


def write_csv(name, header, lines, enc="utf-8-sig"):
    data = "\r\n".join([header] + lines) + "\r\n"
    with open(OUT + name, "wb") as f:
        f.write(data.encode(enc))


rows = [f"北京测试样本{i + 1:03d}科技有限公司" for i in range(70)]
H = "企业名称,是否中小企业,所属行业,从业人员,营业收入(万元),资产总额(万元),高精尖产业领域,有效专利,发明专利"

# 70 rows: 56 SMEs (exactly 80 %), 42 high-end (exactly 60 %), 300 valid / 150 invention patents.
lines = []
for i, n in enumerate(rows):
    sme = "是" if i < 56 else "否"
    he = "新一代信息技术" if i < 42 else ""
    v, inv = (300, 150) if i == 0 else (0, 0)
    nm = f'"{n}，研发中心, 二部"' if i == 5 else n
    lines.append(f"{nm},{sme},,,,,{he},{v},{inv}")
write_csv("roster-ok.csv", H, lines)
dossier("csv-ok.yaml", "roster-ok.csv",
        "A CSV roster (BOM, CRLF, a quoted name with commas): 56 of 70 SMEs, 42 high-end: eligible.")

# SME by size figures, at the boundaries of the standard (software & IT services:
# employees < 300 or revenue < 10000; industry: employees < 1000 or revenue < 40000).
size = list(lines)
size[55] = f"{rows[55]},,software_it_services,299,50000,,,0,0"  # line 57: SME (employees 299 < 300)
size[56] = f"{rows[56]},,软件和信息技术服务业,300,10000,,,0,0"  # line 58: not an SME
size[57] = f"{rows[57]},,software_it_services,300,9999,,,0,0"  # line 59: SME (revenue 9999 < 10000)
size[58] = f"{rows[58]},,industry,1000,40000,,,0,0"  # line 60: not an SME
size[59] = f"{rows[59]},,工业,999,40000,,,0,0"  # line 61: SME (employees 999 < 1000)
size[60] = f"{rows[60]},是,software_it_services,500,20000,,,0,0"  # line 62: declared SME, the standard says no
size[61] = f"{rows[61]},,宇宙航行业,5,10,10,,0,0"  # line 63: unknown sector -> every sector; an SME under all 16
write_csv("roster-size.csv", H, size)
dossier("csv-size-figures.yaml", "roster-size.csv",
        "SME by size figures at the boundaries of the standard (see tests/e2e/cases.cmake): 59 of 70 SMEs.")

write_csv("roster-bad-columns.csv", "企业名陈,是否中小企业,高精尖产业领域,有效专利",
          [f"{n},是,新一代信息技术,5" for n in rows])
dossier("csv-bad-columns.yaml", "roster-bad-columns.csv",
        "A CSV whose name column is misspelled (企业名陈): invalid, naming the column.")

write_csv("roster-gbk.csv", H, lines, enc="gbk")
dossier("csv-gbk.yaml", "roster-gbk.csv", "A roster CSV saved as GBK (Excel default): invalid, with the iconv command.")

bad = list(lines)
bad[3] = f"{rows[3]},是,,,,,新一代信息技术,很多,0"
bad[4] = f"{rows[4]},是,,,,,新一代信息技术,3,5"
bad[6] = f"{rows[6]},是,,,,,新一代信息技术"
write_csv("roster-bad-cells.csv", H, bad)
dossier("csv-bad-cells.yaml", "roster-bad-cells.csv",
        "A CSV with bad cells: a word as a count (line 5), invention above valid (line 6), a short row (line 8).")

dossier("csv-missing-file.yaml", "no-such-roster.csv", "enterprises_file names a file that does not exist: invalid.")
