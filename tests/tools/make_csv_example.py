#!/usr/bin/env python3
"""Write examples/csv-roster.yaml and its roster examples/csv-roster.csv
(deterministic; rerun to regenerate).

    python3 tests/tools/make_csv_example.py [REPO_ROOT]

The roster is what an applicant exports from Excel with "CSV UTF-8 (Comma
delimited)": UTF-8 with a byte-order mark, CRLF line ends, Chinese headers,
a field quoted only when it holds a comma. 150 enterprises; a third of them
give size figures (sector, employees, revenue, sometimes assets) instead of
是否中小企业, chosen so that the SME size standard classifies every one of them
the same way whichever listed measure is read (all below the ceilings, or all
well above). The expected totals are checked here before anything is written.
"""

import csv
import io
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipzgen import Namer, make_roster, make_uscc, render  # noqa: E402

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "examples")
YAML_NAME = "csv-roster.yaml"
CSV_NAME = "csv-roster.csv"

N, SME, HIGH_END, VALID, INVENTION = 150, 130, 102, 812, 268
SIZE_ROWS_SME, SIZE_ROWS_LARGE = 40, 10  # rows giving size figures instead of 是/否

HEADER = ["企业名称", "统一社会信用代码", "是否中小企业", "所属行业", "从业人员", "营业收入(万元)",
          "资产总额(万元)", "高精尖产业领域", "有效专利", "发明专利", "实用新型", "外观设计"]

# SME size standard (中小企业划型标准规定, 工信部联企业〔2011〕300号): the ceilings an SME is
# below on at least one listed measure (10,000 yuan for money); see
# rules/recognition/sme-size-standard.yaml. Only the sectors used here.
CEILINGS = {
    "industry": {"employees": 1000, "revenue": 40000},
    "construction": {"revenue": 80000, "assets": 80000},
    "wholesale": {"employees": 200, "revenue": 40000},
    "catering": {"employees": 300, "revenue": 10000},
    "software_it_services": {"employees": 300, "revenue": 10000},
    "property_management": {"employees": 1000, "revenue": 5000},
    "leasing_business_services": {"employees": 300, "assets": 120000},
    "other": {"employees": 300},
}
CHINESE = {"industry": "工业", "construction": "建筑业", "wholesale": "批发业", "catering": "餐饮业",
           "software_it_services": "软件和信息技术服务业", "property_management": "物业管理",
           "leasing_business_services": "租赁和商务服务业", "other": "其他未列明行业"}

# The sector of a row, from its high-end industry, else from the business its name says.
SECTOR_OF_INDUSTRY = {
    "新一代信息技术": "software_it_services", "区块链与先进计算": "software_it_services",
    "集成电路": "industry", "医药健康": "industry", "智能制造与装备": "industry",
    "绿色能源与节能环保": "industry", "科技服务业": "other",
}
SECTOR_OF_BUSINESS = [
    ("商贸", "wholesale"), ("供应链管理", "wholesale"), ("餐饮管理", "catering"),
    ("物业管理", "property_management"), ("建筑装饰工程", "construction"), ("印刷", "industry"),
    ("广告", "leasing_business_services"), ("企业管理咨询", "leasing_business_services"),
    ("人力资源服务", "leasing_business_services"), ("会展服务", "leasing_business_services"),
    ("财务咨询", "leasing_business_services"), ("文化传播", "other"), ("家政服务", "other"),
]


def sector_of(row):
    ind = row["high_end_industry"]
    if ind != "none":
        return SECTOR_OF_INDUSTRY[ind]
    for word, sector in SECTOR_OF_BUSINESS:
        if word in row["name"]:
            return sector
    raise KeyError(row["name"])


def is_sme(sector, figures):
    """The SME size standard: strictly below the ceiling on either listed measure."""
    return any(m in figures and figures[m] < c for m, c in CEILINGS[sector].items())


def unambiguous(sector, figures, sme):
    """Every listed measure is given and on the same side of its ceiling."""
    lim = CEILINGS[sector]
    return all(m in figures for m in lim) and all((figures[m] < c) == sme for m, c in lim.items())


def tenths(rng, low, high):
    """A figure in 10,000 yuan with at most one decimal, low <= x <= high."""
    v = rng.randint(int(low * 10), int(high * 10)) / 10
    return int(v) if v == int(v) else v


def size_figures(rng, sector, sme):
    """Employees, revenue and (where it counts, or sometimes) assets: for an SME
    under 60 % of every ceiling, for a large enterprise at least 130 % of it."""
    lim = CEILINGS[sector]
    if sme:
        emp = rng.randint(8, int(min(lim.get("employees", 400), 400) * 0.6))
        rev = tenths(rng, 60, min(lim.get("revenue", 12000), 12000) * 0.6)
        assets = tenths(rng, 40, min(lim.get("assets", 9000), 9000) * 0.6)
    else:
        emp = rng.randint(int(lim.get("employees", 300) * 1.3), int(lim.get("employees", 300) * 4))
        rev = tenths(rng, lim.get("revenue", 40000) * 1.3, lim.get("revenue", 40000) * 6)
        assets = tenths(rng, lim.get("assets", 60000) * 1.3, lim.get("assets", 60000) * 4)
    f = {"employees": emp, "revenue": rev}
    if "assets" in lim or rng.random() < 0.3:
        f["assets"] = assets
    return f


def make_rows():
    rng = random.Random("ipzone csv example")
    rows = make_roster("csv-roster", N, sme=SME, high_end=HIGH_END, valid=VALID, invention=INVENTION,
                       region="110114", namer=Namer("ipzone csv example names"), valid_form=0.3,
                       other_regions=("110108", "110115"),
                       industries={"智能制造与装备": 5, "医药健康": 4, "新一代信息技术": 3,
                                   "集成电路": 2, "绿色能源与节能环保": 2, "科技服务业": 1})
    sme_rows = [i for i, r in enumerate(rows) if r["sme"]]
    large_rows = [i for i, r in enumerate(rows) if not r["sme"]]
    size_rows = set(rng.sample(sme_rows, SIZE_ROWS_SME)) | set(rng.sample(large_rows, SIZE_ROWS_LARGE))

    # Names an Excel roster holds beside the registered name, with an ASCII comma.
    annotated = {
        7: "（昌平分公司）,研发中心", 41: ",未来科学城中试基地", 88: "（昌平分公司）,技术中心",
        123: ",联合实验室",
    }
    none_as_word = set(rng.sample([i for i, r in enumerate(rows) if r["high_end_industry"] == "none"], 9))

    out = []
    for i, r in enumerate(rows):
        row = dict.fromkeys(HEADER, "")
        row["企业名称"] = r["name"] + annotated.get(i, "")
        row["统一社会信用代码"] = r["uscc"]
        if i in size_rows:
            sector = sector_of(r)
            f = size_figures(rng, sector, r["sme"])
            assert is_sme(sector, f) == r["sme"] and unambiguous(sector, f, r["sme"]), (r, f)
            row["所属行业"] = CHINESE[sector] if rng.random() < 0.6 else sector
            row["从业人员"] = f["employees"]
            row["营业收入(万元)"] = f["revenue"]
            row["资产总额(万元)"] = f.get("assets", "")
        else:
            row["是否中小企业"] = "是" if r["sme"] else "否"
        ind = r["high_end_industry"]
        row["高精尖产业领域"] = ind if ind != "none" else ("无" if i in none_as_word else "")
        p = r.get("patents", {})
        if "valid" in p:  # the valid total and the invention patents among them
            row["有效专利"], row["发明专利"] = p["valid"], p["invention"]
        else:  # by kind; most rosters also fill in the total
            row["发明专利"], row["实用新型"], row["外观设计"] = p["invention"], p["utility_model"], p["design"]
            if rng.random() < 0.6:
                row["有效专利"] = p["invention"] + p["utility_model"] + p["design"]
        out.append((row, r["sme"], ind != "none"))
    return out


def totals(rows):
    valid = inv = 0
    for row, _, _ in rows:
        parts = sum(int(row[k] or 0) for k in ("发明专利", "实用新型", "外观设计"))
        valid += int(row["有效专利"]) if row["有效专利"] != "" else parts
        inv += int(row["发明专利"] or 0)
    return {"enterprise_count": len(rows), "sme_count": sum(1 for _, s, _ in rows if s),
            "high_end_count": sum(1 for _, _, h in rows if h),
            "valid_patents": valid, "invention_patents": inv}


def csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for row, _, _ in rows:
        w.writerow([row[h] for h in HEADER])
    return "\ufeff" + buf.getvalue()


def dossier(decl):
    rng = random.Random("ipzone csv example operator")
    return {
        "format": "ipzone-dossier/1",
        "as_of": "2024-06-30",
        "\n#z": "集聚发展区基本情况（第五条） / the zone (Art. 5)",
        "zone": {
            "name": "昌平未来科学城智能制造产业园",
            "carrier_type": "industrial_park",
            "district": "昌平区",
            "industry_directions": ["智能制造与装备", "医药健康", "新一代信息技术", "绿色能源与节能环保"],
            "ip_workstation": False,
            "service_functions": ["policy_publicity", "training", "rights_protection", "entrusted_management"],
        },
        "\n#o": "运营单位（第四条、第六条） / the operating unit (Arts. 4 and 6)",
        "operator": {
            "name": "北京未来科学城智造产业园运营管理有限公司",
            "uscc": make_uscc(rng, "110114"),
            "legal_form": "enterprise",
            "independent_legal_person": True,
            "actual_operator": True,
            "zone_operating_since": "2018-09-01",
            "ip_services_since": "2019-03-15",
            "evidence": {
                "management_system": ["知识产权管理办法（2022年修订）.pdf", "专利申请与维护工作规程.pdf"],
                "organization": ["产业园知识产权服务部设立通知.pdf", "知识产权服务部人员名单.xlsx"],
                "funding": ["2024年度知识产权服务经费预算.pdf", "2023年度知识产权经费决算.pdf"],
                "planning": ["产业园知识产权工作三年规划（2023-2025年）.pdf"],
                "capability": ["知识产权运营服务平台说明.pdf", "专利导航项目成果汇编.pdf",
                               "知识产权纠纷人民调解委员会备案文件.pdf"],
                "effect": ["2021-2023年知识产权服务工作总结.pdf", "入园企业高价值专利培育案例.pdf"],
            },
            "credit": {"credit_china_bad_records": 0, "dishonest_debtor": False,
                       "administrative_penalties": []},
            "service_agencies": [
                {"name": "北京智造方圆知识产权代理有限公司", "abnormal_application_sanctions": []},
                {"name": "北京昌科专利事务所（普通合伙）", "abnormal_application_sanctions": []},
            ],
        },
        "\n#h": "历史记录（第八条、第十一条、第十三条）；无记录则为空 / past findings (Arts. 8, 11, 13)",
        "history": [],
        "\n#d": "申报材料（第七条） / the application documents (Art. 7)",
        "documents": {
            "application_form": "未来科学城智造产业园-北京市中小企业知识产权集聚发展区申报书.pdf",
            "work_plan": "未来科学城智造产业园-知识产权工作方案（2024-2026年）.pdf",
            "evidence": ["证明材料/营业执照副本.pdf", "证明材料/园区运营协议.pdf",
                         "证明材料/信用中国查询截图.pdf", "证明材料/入园企业名册及专利清单.xlsx"],
        },
        "\n#t": "申报书中填报的汇总数，与名册核对 / totals as typed into the application form",
        "declared": decl,
        "\n#e": "入驻企业名册：Excel 另存的 CSV（UTF-8），与本文件同目录 / "
                "the roster: a CSV saved from Excel (UTF-8), beside this file",
        "enterprises_file": CSV_NAME,
    }


def main():
    rows = make_rows()
    t = totals(rows)
    n, sme, he = t["enterprise_count"], t["sme_count"], t["high_end_count"]
    assert (n, sme, he, t["valid_patents"], t["invention_patents"]) == (N, SME, HIGH_END, VALID, INVENTION), t
    assert sme * 100 >= 80 * n + 500 and he * 100 >= 60 * n + 500  # a margin of 5 points or more
    size = sum(1 for row, _, _ in rows if row["所属行业"])
    quoted = sum(1 for row, _, _ in rows if "," in row["企业名称"])
    header = [
        "示例：昌平未来科学城智能制造产业园的申报材料，企业名册为 Excel 导出的 CSV 文件（csv-roster.csv，",
        "UTF-8 带 BOM、CRLF 换行、中文表头），各项认定条件均满足。",
        f"预期结论：eligible（符合认定条件），退出码 0。{n} 家企业，中小企业 {sme} 家"
        f"（{sme * 100 / n:.1f}%；其中 {size} 家未填“是否中小企业”，",
        "按所属行业、从业人员、营业收入（部分含资产总额）依中小企业划型标准判定，均远离界限），",
        f"高精尖 {he} 家（{he * 100 / n:.1f}%），有效专利 {t['valid_patents']} 件"
        f"（发明 {t['invention_patents']} 件），运营 5 年以上，信用良好，服务功能四项齐全。",
        "",
        "Example: an industrial park in Changping whose roster is a CSV saved from Excel",
        "(csv-roster.csv: UTF-8 with a byte-order mark, CRLF line ends, Chinese headers, "
        f"{quoted} names quoted",
        "for a comma). Expected verdict: eligible, exit code 0: "
        f"{n} enterprises, {sme} SMEs ({sme * 100 / n:.1f} %; {size} rows",
        "give sector, employees and revenue instead of 是否中小企业, all far from the size standard's",
        f"ceilings), {he} high-end ({he * 100 / n:.1f} %), {t['valid_patents']} valid patents of which "
        f"{t['invention_patents']} invention,",
        "operating since 2018, clean credit, all four service functions.",
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, YAML_NAME), "w", encoding="utf-8", newline="\n") as f:
        f.write(render(header, dossier(t)))
    with open(os.path.join(OUT, CSV_NAME), "w", encoding="utf-8", newline="") as f:
        f.write(csv_text(rows))
    print(f"{YAML_NAME}: {n} enterprises, {sme} SMEs, {he} high-end, "
          f"{t['valid_patents']} valid / {t['invention_patents']} invention; "
          f"{size} rows with size figures, {quoted} quoted names")


if __name__ == "__main__":
    main()
