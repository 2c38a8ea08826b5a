#!/usr/bin/env python3
"""Write the example dossiers in examples/ (deterministic; rerun to regenerate).

    python3 tests/tools/make_examples.py [REPO_ROOT]

Each example starts with a comment block, in Chinese and English, naming its
expected verdict and why; tests/e2e/cases.cmake holds the matching checks.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipzgen import (Namer, Raw, make_roster, make_uscc, render, roster_totals,  # noqa: E402
                    line_of)
import random  # noqa: E402

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "examples")

ALL_FUNCTIONS = ["policy_publicity", "training", "rights_protection", "entrusted_management"]

EVIDENCE = {
    "management_system": ["知识产权管理制度汇编.pdf", "知识产权服务工作流程.pdf"],
    "organization": ["知识产权服务中心设立文件.pdf", "知识产权专员聘任名单.xlsx"],
    "funding": ["2023年度知识产权专项经费预算及执行表.pdf"],
    "planning": ["知识产权发展规划（2022-2025年）.pdf", "知识产权运行保障机制说明.pdf"],
    "capability": ["知识产权服务平台建设情况.pdf", "合作服务机构协议汇编.pdf", "知识产权纠纷调解记录.pdf"],
    "effect": ["近三年知识产权服务成效报告.pdf", "入驻企业服务满意度调查.pdf"],
}


def documents(zone_short):
    return {
        "application_form": f"{zone_short}-北京市中小企业知识产权集聚发展区申报书.pdf",
        "work_plan": f"{zone_short}-知识产权工作方案（2024-2026年）.pdf",
        "evidence": ["证明材料/营业执照副本.pdf", "证明材料/场地租赁合同.pdf",
                     "证明材料/信用中国查询截图.pdf", "证明材料/入驻企业名单及专利清单.xlsx"],
    }


def declared(rows):
    n, sme, he, valid, inv = roster_totals(rows)
    return {"enterprise_count": n, "sme_count": sme, "high_end_count": he,
            "valid_patents": valid, "invention_patents": inv}


def dossier(as_of, zone, operator, rows, docs, history=None, decl=True):
    d = {"format": "ipzone-dossier/1", "as_of": as_of}
    d["\n#z"] = "集聚发展区基本情况（第五条） / the zone (Art. 5)"
    d["zone"] = zone
    d["\n#o"] = "运营单位（第四条、第六条） / the operating unit (Arts. 4 and 6)"
    d["operator"] = operator
    d["\n#h"] = "历史记录（第八条、第十一条、第十三条）；无记录则为空 / past findings (Arts. 8, 11, 13)"
    d["history"] = history or []
    d["\n#d"] = "申报材料（第七条） / the application documents (Art. 7)"
    d["documents"] = docs
    if decl:
        d["\n#t"] = "申报书中填报的汇总数，与名册核对 / totals as typed into the application form"
        d["declared"] = declared(rows)
    d["\n#e"] = "入驻企业名册 / the roster of the zone's enterprises"
    d["enterprises"] = rows
    return d


def operator(name, uscc, since, services_since, legal_form="enterprise", credit=True,
             penalties=None, agencies=None):
    op = {
        "name": name,
        "uscc": uscc,
        "legal_form": legal_form,
        "independent_legal_person": True,
        "actual_operator": True,
        "zone_operating_since": since,
        "ip_services_since": services_since,
        "evidence": dict(EVIDENCE),
    }
    if credit:
        op["credit"] = {
            "credit_china_bad_records": 0,
            "dishonest_debtor": False,
            "administrative_penalties": penalties or [],
        }
    op["service_agencies"] = agencies or [
        {"name": "北京智权恒信知识产权代理有限公司", "abnormal_application_sanctions": []}]
    return op


def write(name, header, d):
    text = render(header, d)
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return text


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random("ipzone examples operators")
    namer = Namer("ipzone examples names")
    report = []

    # 1. eligible -----------------------------------------------------------------------
    rows = make_roster("eligible", 85, sme=74, high_end=58, valid=436, invention=172,
                       region="110108", namer=namer, valid_form=0.12, absent_patents=2,
                       other_regions=("110114", "110105"),
                       industries={"新一代信息技术": 5, "集成电路": 3, "智能制造与装备": 2,
                                   "区块链与先进计算": 1, "科技服务业": 1})
    zone = {"name": "中关村海淀北部智汇科技园", "carrier_type": "science_park", "district": "海淀区",
            "industry_directions": ["新一代信息技术", "集成电路", "智能制造与装备"],
            "ip_workstation": True, "service_functions": ALL_FUNCTIONS}
    op = operator("北京海淀北部智汇科技园运营管理有限公司", make_uscc(rng, "110108"),
                  "2019-05-16", "2019-09-01")
    d = dossier("2024-03-31", zone, op, rows, documents("智汇科技园"))
    write("eligible.yaml", [
        "示例：中关村海淀北部智汇科技园的申报材料，各项认定条件均满足。",
        "预期结论：eligible（符合认定条件），退出码 0。85 家企业，中小企业 74 家（87.1%），",
        "高精尖 58 家（68.2%），有效专利 436 件（发明 172 件），运营 4 年以上，信用良好。",
        "",
        "Example: a science park in Haidian that meets every criterion of the Measures of 2023-12-20.",
        "Expected verdict: eligible, exit code 0 (85 enterprises, 74 SMEs, 58 high-end,",
        "436 valid patents of which 172 invention, operating since 2019, clean credit).",
    ], d)
    report.append(("eligible.yaml", roster_totals(rows)))

    # 2. ineligible: high-end share ------------------------------------------------------
    rows = make_roster("high-end", 85, sme=75, high_end=47, valid=352, invention=121,
                       region="110105", namer=namer, valid_form=0.05,
                       industries={"新一代信息技术": 4, "信息内容消费": 4, "智慧城市": 1,
                                   "区块链与先进计算": 1})
    zone = {"name": "望京数字内容产业园", "carrier_type": "industrial_park", "district": "朝阳区",
            "industry_directions": ["新一代信息技术", "信息内容消费"],
            "ip_workstation": False, "service_functions": ALL_FUNCTIONS}
    op = operator("北京望京数字内容产业园管理有限公司", make_uscc(rng, "110105"),
                  "2018-10-08", "2019-03-01")
    d = dossier("2024-03-31", zone, op, rows, documents("望京数字内容产业园"))
    write("ineligible-high-end-share.yaml", [
        "示例：望京数字内容产业园，高精尖产业企业占比不足。",
        "预期结论：ineligible（不符合），退出码 1。85 家企业中高精尖产业 47 家（55.3%），",
        "低于第五条第2项“60%以上”的要求（art5.2.high-end-share 不通过）；",
        "需现有企业中再有 4 家属于高精尖产业，或新增 10 家高精尖企业。其余各项均满足。",
        "",
        "Example: an industrial park in Chaoyang whose high-end share is too low.",
        "Expected verdict: ineligible, exit code 1: 47 of 85 enterprises (55.3 %) are in",
        "high-end industries, Art. 5(2) needs >= 60 % (art5.2.high-end-share fails): 4 more of",
        "the current enterprises, or 10 more high-end enterprises. Everything else passes.",
    ], d)
    report.append(("ineligible-high-end-share.yaml", roster_totals(rows)))

    # 3. ineligible: credit --------------------------------------------------------------
    rows = make_roster("credit", 78, sme=70, high_end=60, valid=388, invention=164,
                       region="110302", namer=namer, valid_form=0.1,
                       other_regions=("110115",),
                       industries={"医药健康": 6, "生物技术与生命科学": 3, "科技服务业": 1})
    zone = {"name": "亦庄生物医药创新孵化器", "carrier_type": "incubator",
            "district": "北京经济技术开发区",
            "industry_directions": ["医药健康", "生物技术与生命科学"],
            "ip_workstation": True, "service_functions": ALL_FUNCTIONS}
    op = operator("北京亦庄生物医药孵化器有限公司", make_uscc(rng, "110302"),
                  "2017-11-20", "2018-04-01",
                  penalties=[{"date": "2023-01-31", "authority": "北京经济技术开发区综合执法局",
                              "summary": "孵化楼消防设施未保持完好有效，责令改正并处罚款"}],
                  agencies=[{"name": "北京博润知识产权代理有限公司", "abnormal_application_sanctions": []},
                            {"name": "北京亦城专利事务所（普通合伙）", "abnormal_application_sanctions": []}])
    d = dossier("2024-03-31", zone, op, rows, documents("亦庄生物医药创新孵化器"))
    write("ineligible-credit.yaml", [
        "示例：亦庄生物医药创新孵化器，运营单位近3年内受过行政处罚。",
        "预期结论：ineligible（不符合），退出码 1。2023-01-31 的行政处罚距评价日 2024-03-31",
        "仅 14 个月，在“近3年”之内，第六条第4项不满足（art6.4.credit 不通过）。其余各项均满足。",
        "",
        "Example: a biomedical incubator in the Beijing Economic-Technological Development Area.",
        "Expected verdict: ineligible, exit code 1: an administrative penalty of 2023-01-31,",
        "14 months before as_of 2024-03-31, is within the last 3 years (art6.4.credit fails).",
        "Everything else passes.",
    ], d)
    report.append(("ineligible-credit.yaml", roster_totals(rows)))

    # 4. needs review: relaxation of the count ----------------------------------------
    rows = make_roster("relaxation", 68, sme=58, high_end=55, valid=402, invention=178,
                       region="110113", namer=namer, valid_form=0.1, no_uscc=3,
                       other_regions=("110302", "110108"),
                       industries={"智能网联汽车": 8, "集成电路": 2, "新一代信息技术": 1,
                                   "智能制造与装备": 2})
    # four repeated rows: two repeat a USCC (one of them with the name typed
    # differently), two repeat the name of a row that has no USCC
    with_uscc = [r for r in rows if "uscc" in r]
    without = [r for r in rows if "uscc" not in r]
    dup1 = dict(with_uscc[5])
    dup2 = dict(with_uscc[30])
    dup2["name"] = dup2["name"].removeprefix("北京") if dup2["name"].startswith("北京") else "北京" + dup2["name"]
    dup3 = dict(without[0])
    dup4 = dict(without[1])
    full = list(rows)
    for pos, dup in ((40, dup1), (52, dup2), (61, dup3), (70, dup4)):
        full.insert(pos, dup)
    assert len(full) == 72
    zone = {"name": "顺义智能网联汽车产业知识产权联盟", "carrier_type": "alliance", "district": "顺义区",
            "industry_directions": ["智能网联汽车", "集成电路"],
            "ip_workstation": True, "service_functions": ALL_FUNCTIONS,
            "relaxation_grounds": {"high_concentration": ["产业集聚度分析报告（智能网联汽车）.pdf"],
                                   "distinctive_model": ["联盟特色发展模式说明.pdf"],
                                   "ip_work_plan": ["知识产权工作规划（2024-2026年）.pdf"]}}
    op = operator("北京顺义智能网联汽车产业促进会", make_uscc(rng, "110113", "51"),
                  "2020-06-18", "2020-09-01", legal_form="social_organization")
    d = dossier("2024-03-31", zone, op, full, documents("顺义智能网联汽车产业知识产权联盟"))
    text = write("needs-review-relaxation.yaml", [
        "示例：顺义智能网联汽车产业知识产权联盟，企业数量不足 70 家，申报放宽规模限制。",
        "预期结论：needs-review（需人工审核），退出码 0（加 --strict 时为 1）。名册 72 行，",
        "其中 4 行重复（2 行统一社会信用代码重复，2 行无代码且名称重复），实有 68 家，",
        "少于 70 家；已就产业聚集度高、特色发展模式、明确知识产权工作规划三项放宽理由分别列出",
        "证明材料，art5.2.count 为 review（由专家判断是否放宽）。占比按 68 家计算：中小企业 58 家，",
        "高精尖 55 家。其余各项均满足。",
        "",
        "Example: an industry alliance in Shunyi with fewer than 70 enterprises that asks for the",
        "relaxation of Art. 5(2). Expected verdict: needs-review, exit 0 (1 with --strict). The",
        "roster has 72 rows, 4 of which repeat earlier rows (2 by USCC, 2 by name without USCC),",
        "so 68 distinct enterprises; all three relaxation grounds are stated, each with its",
        "evidence, so art5.2.count is review (the experts decide). Shares are on the 68: 58 SMEs,",
        "55 high-end. Everything else passes.",
    ], d)
    body = line_of(text, "enterprises:")
    report.append(("needs-review-relaxation.yaml", roster_totals(full), "repeated rows at lines",
                   [line_of(text, f"name: {dup['name']},", line_of(text, f"name: {orig['name']},", body) + 1)
                    for dup, orig in ((dup1, dup1), (dup2, with_uscc[30]), (dup3, dup3), (dup4, dup4))]))

    # 5. incomplete: no credit section -------------------------------------------------
    rows = make_roster("incomplete", 80, sme=71, high_end=53, valid=331, invention=118,
                       region="110107", namer=namer, valid_form=0.08,
                       other_regions=("110108", "110106"),
                       industries={"信息内容消费": 4, "新一代信息技术": 4, "新一代数字技术": 2,
                                   "光电": 1})
    zone = {"name": "石景山中关村虚拟现实产业园", "carrier_type": "industrial_park",
            "district": "石景山区", "industry_directions": ["信息内容消费", "新一代信息技术"],
            "ip_workstation": False, "service_functions": ALL_FUNCTIONS}
    op = operator("北京石景山虚拟现实产业园发展有限公司", make_uscc(rng, "110107"),
                  "2018-03-01", "2018-07-15", credit=False)
    op["#credit"] = "credit（信用情况）待查询信用中国后补充 / credit section still to be filled in"
    d = dossier("2024-03-31", zone, op, rows, documents("石景山虚拟现实产业园"))
    write("incomplete.yaml", [
        "示例：石景山中关村虚拟现实产业园，尚未填写运营单位信用情况（operator.credit）。",
        "预期结论：incomplete（材料不完整），退出码 1。缺少 operator.credit，第六条第4项无法判断",
        "（art6.4.credit 为 missing）。其余各项均满足。",
        "",
        "Example: a VR industrial park in Shijingshan whose dossier has no operator.credit yet.",
        "Expected verdict: incomplete, exit code 1: art6.4.credit is missing (add operator.credit).",
        "Everything else passes.",
    ], d)
    report.append(("incomplete.yaml", roster_totals(rows)))

    # 6. invalid: several loading errors -----------------------------------------------
    rows = make_roster("invalid", 74, sme=66, high_end=50, valid=318, invention=131,
                       region="110106", namer=namer,
                       industries={"智能制造与装备": 4, "新一代信息技术": 2, "绿色能源与节能环保": 2})
    rows[11] = {("high_end_industy" if k == "high_end_industry" else k): v for k, v in rows[11].items()}
    rows[26]["patents"] = {"invention": Raw("很多"), "utility_model": 6, "design": 0}
    rows[47]["patents"] = {"valid": 3, "invention": 5}
    zone = {"name": "中关村丰台园轨道交通众创空间", "carrier_type": "maker_space", "district": "丰台区",
            "industry_directions": ["智能制造与装备", "新一代信息技术"],
            "ip_workstation": False, "service_functions": ALL_FUNCTIONS}
    op = operator("北京丰台轨道交通众创空间科技服务有限公司", make_uscc(rng, "110106"),
                  "2019-02-30", "2019-06-01")
    d = dossier("2024-03-31", zone, op, rows, documents("轨道交通众创空间"), decl=False)
    text = write("invalid.yaml", [
        "示例：中关村丰台园轨道交通众创空间，材料中有多处格式错误，无法评价。",
        "预期结论：invalid（无法读取），退出码 2，每处错误都给出行号和列号：",
        "键名拼错（high_end_industy）、数量处填了文字（invention: 很多）、",
        "不存在的日期（2019-02-30）、发明专利多于有效专利（valid: 3, invention: 5）。",
        "",
        "Example: a maker space in Fengtai whose dossier has several loading errors at once.",
        "Expected verdict: invalid, exit code 2, every error reported with line:column: a",
        "misspelled key (high_end_industy), words where a count belongs (invention: 很多), a date",
        "that does not exist (2019-02-30), and more invention patents than valid patents.",
    ], d)
    body = line_of(text, "enterprises:")
    report.append(("invalid.yaml", "error lines", {
        "unknown key": line_of(text, "high_end_industy", body),
        "not a count": line_of(text, "invention: 很多", body),
        "bad date": line_of(text, "zone_operating_since: 2019-02-30"),
        "invention > valid": line_of(text, "{valid: 3, invention: 5}", body),
    }))

    for r in report:
        print(*r)


if __name__ == "__main__":
    main()
