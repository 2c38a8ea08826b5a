#!/usr/bin/env python3
"""Write a corpus of synthetic ipzone dossiers for the benchmark (deterministic).

    python3 tests/bench/gen_dossiers.py --out DIR [--count 1000] [--enterprises 300]
        [--seed 1] [--csv] [--mix eligible=70,ineligible=15,needs-review=5,incomplete=5,invalid=5]
        [--json] [--jobs N]

DIR gets d00001.yaml, d00002.yaml ... (and d00001.csv ... with --csv) and
expected.tsv: one line per dossier with its file name, the verdict it was made
to have and why. The same flags always write the same bytes, whatever --jobs.

Every dossier looks like a real application (see examples/eligible.yaml): a
zone in one of Beijing's districts, its operating unit with evidence and
credit, documents, the declared totals, and a roster of --enterprises rows of
plausible company names with valid USCCs (tests/tools/ipzgen.py), written as
one YAML flow mapping per line, or, with --csv, as a CSV file beside the
dossier the way Excel saves it (UTF-8 with a byte-order mark, CRLF line ends,
Chinese headers, a third of the rows giving size figures instead of 是/否).

Each kind of dossier gets its verdict for a real reason:
  eligible      every criterion met, with margin (some carry a penalty older
                than the 3-year window, some have a USCC typo in a roster row:
                warnings only)
  ineligible    the SME share or the high-end share is under its bound, or the
                operator has an administrative penalty within 3 years, or a
                bad record on Credit China
  needs-review  fewer than 70 distinct enterprises (62-69, plus a few repeated
                rows) with all three relaxation grounds declared; these rosters
                are therefore shorter than --enterprises
  incomplete    no operator.credit
  invalid       a typo'd key (in a roster row, the zone, the operator, or the
                top level), so the dossier does not match the format
"""

import argparse
import csv
import io
import json
import math
import os
import random
import sys
from multiprocessing import Pool

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from ipzgen import (REGION, Namer, break_uscc, make_roster, make_uscc, render,  # noqa: E402
                    roster_totals)
import make_csv_example as csvx  # noqa: E402  (the SME size standard's ceilings, sectors)

KINDS = ["eligible", "ineligible", "needs-review", "incomplete", "invalid"]
DEFAULT_MIX = "eligible=70,ineligible=15,needs-review=5,incomplete=5,invalid=5"

ALL_FUNCTIONS = ["policy_publicity", "training", "rights_protection", "entrusted_management"]
CARRIERS = [("industrial_park", "产业园"), ("science_park", "科技园"), ("incubator", "孵化器"),
            ("maker_space", "众创空间"), ("hackerspace", "创客空间"), ("alliance", "产业知识产权联盟"),
            ("association", "产业协会")]
DISTRICTS = list(REGION)
PLACES = {
    "东城区": ["东直门", "雍和", "王府井", "崇文门"], "西城区": ["金融街", "德胜", "广安门", "西直门"],
    "朝阳区": ["望京", "酒仙桥", "电子城", "CBD", "东坝"], "丰台区": ["丽泽", "丰台科技园", "总部基地", "南苑"],
    "石景山区": ["首钢园", "中关村石景山园", "八大处"], "海淀区": ["中关村", "上地", "西二旗", "永丰", "学院路", "清河"],
    "门头沟区": ["永定", "潭柘寺", "中关村门头沟园"], "房山区": ["良乡", "窦店", "燕山"],
    "通州区": ["副中心", "张家湾", "宋庄", "台湖"], "顺义区": ["临空", "天竺", "后沙峪", "仁和"],
    "昌平区": ["未来科学城", "回龙观", "生命科学园", "沙河"], "大兴区": ["大兴生物医药基地", "黄村", "临空经济区"],
    "怀柔区": ["怀柔科学城", "雁栖", "杨宋"], "平谷区": ["马坊", "兴谷", "峪口"],
    "密云区": ["密云经开区", "檀营", "溪翁庄"], "延庆区": ["延庆园", "八达岭", "康庄"],
    "北京经济技术开发区": ["亦庄", "经开区", "亦城"],
}
THEMES = {  # a zone's theme word and the industries (2441 taxonomy) it concentrates on
    "智能制造": ["智能制造与装备", "集成电路", "新一代信息技术"],
    "数字经济": ["新一代信息技术", "区块链与先进计算", "信息内容消费"],
    "生物医药": ["医药健康", "生物技术与生命科学", "科技服务业"],
    "集成电路": ["集成电路", "光电", "新一代信息技术"],
    "智能网联汽车": ["智能网联汽车", "集成电路", "智能制造与装备"],
    "绿色低碳": ["绿色能源与节能环保", "碳减排与碳中和", "前沿新材料"],
    "人工智能": ["新一代信息技术", "新一代数字技术", "区块链与先进计算"],
    "科技服务": ["科技服务业", "新一代信息技术", "智慧城市"],
    "新材料": ["前沿新材料", "光电", "智能制造与装备"],
    "量子科技": ["量子信息", "光电", "新一代信息技术"],
}
EVIDENCE = {
    "management_system": [["知识产权管理制度汇编.pdf", "知识产权服务工作流程.pdf"],
                          ["知识产权管理办法（2022年修订）.pdf", "专利申请与维护工作规程.pdf"]],
    "organization": [["知识产权服务中心设立文件.pdf", "知识产权专员聘任名单.xlsx"],
                     ["知识产权服务部设立通知.pdf", "知识产权服务部人员名单.xlsx"]],
    "funding": [["{y}年度知识产权专项经费预算及执行表.pdf"],
                ["{y}年度知识产权服务经费预算.pdf", "{p}年度知识产权经费决算.pdf"]],
    "planning": [["知识产权发展规划（{p}-{q}年）.pdf", "知识产权运行保障机制说明.pdf"],
                 ["知识产权工作三年规划（{p}-{q}年）.pdf"]],
    "capability": [["知识产权服务平台建设情况.pdf", "合作服务机构协议汇编.pdf", "知识产权纠纷调解记录.pdf"],
                   ["知识产权运营服务平台说明.pdf", "专利导航项目成果汇编.pdf"]],
    "effect": [["近三年知识产权服务成效报告.pdf", "入驻企业服务满意度调查.pdf"],
               ["{p}年知识产权服务工作总结.pdf", "入驻企业高价值专利培育案例.pdf"]],
}
AUTHORITIES = ["北京市市场监督管理局", "{d}市场监督管理局", "{d}应急管理局", "{d}消防救援支队",
               "{d}城市管理综合行政执法局", "国家税务总局北京市{d}税务局"]
PENALTY_SUMMARIES = ["发布违法广告，责令改正并处罚款", "消防设施未保持完好有效，责令改正并处罚款",
                     "未按规定办理特种设备使用登记，处罚款", "逾期未申报纳税，处罚款",
                     "施工扬尘防治措施不到位，处罚款"]
AGENCIES = ["北京智权恒信知识产权代理有限公司", "北京博润知识产权代理有限公司", "北京亦城专利事务所（普通合伙）",
            "北京华清专利代理事务所（普通合伙）", "北京中知创新知识产权代理有限公司", "北京京科专利代理有限公司",
            "北京天衡知识产权服务有限公司", "北京智造方圆知识产权代理有限公司"]
AS_OF = ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"]

# Typo'd keys for the invalid kind: (where, right key, wrong key). Each one
# keeps the dossier otherwise whole, so the only error is the unknown key (and,
# for a required or needed field, the field it hides).
TYPOS = [
    ("row", "high_end_industry", "high_end_industy"),
    ("row", "uscc", "usc"),
    ("patents", "utility_model", "utility_modle"),
    ("patents", "invention", "invetion"),
    ("zone", "industry_directions", "industry_direction"),
    ("zone", "service_functions", "service_function"),
    ("zone", "ip_workstation", "ip_work_station"),
    ("operator", "zone_operating_since", "zone_operation_since"),
    ("operator", "ip_services_since", "ip_service_since"),
    ("operator", "independent_legal_person", "independant_legal_person"),
    ("credit", "dishonest_debtor", "dishonest_debter"),
    ("top", "declared", "declard"),
    ("top", "documents", "document"),
]

CSV_HEADER = csvx.HEADER


def parse_mix(text):
    mix = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        k, _, v = part.partition("=")
        k = k.strip()
        if k not in KINDS:
            raise SystemExit(f"gen_dossiers: unknown kind in --mix: {k!r} (one of {', '.join(KINDS)})")
        try:
            mix[k] = float(v)
        except ValueError:
            raise SystemExit(f"gen_dossiers: not a number in --mix: {part!r}")
        if mix[k] < 0:
            raise SystemExit(f"gen_dossiers: negative share in --mix: {part!r}")
    if sum(mix.values()) <= 0:
        raise SystemExit("gen_dossiers: --mix adds up to nothing")
    return mix


def apportion(count, mix):
    """Exact counts per kind (largest remainder), summing to count."""
    total = sum(mix.values())
    quota = {k: count * mix.get(k, 0) / total for k in KINDS}
    counts = {k: math.floor(q) for k, q in quota.items()}
    left = count - sum(counts.values())
    for k in sorted(KINDS, key=lambda k: (counts[k] - quota[k], KINDS.index(k)))[:left]:
        counts[k] += 1
    return counts


def minus_years(date, years, months=0, days=0):
    y, m, d = (int(x) for x in date.split("-"))
    m -= months
    y -= years
    while m <= 0:
        m += 12
        y -= 1
    d = min(d, 28) - days
    if d <= 0:
        m -= 1
        if m == 0:
            m, y = 12, y - 1
        d += 28
    return f"{y:04d}-{m:02d}-{d:02d}"


def shares(rng, kind, n, reason):
    """(sme, high_end) counts for n distinct enterprises."""
    sme = math.ceil(n * rng.uniform(0.82, 0.93))
    he = math.ceil(n * rng.uniform(0.62, 0.78))
    if kind == "ineligible" and reason == "sme-share":
        sme = math.floor(n * rng.uniform(0.66, 0.785))
        assert sme * 100 < 80 * n
    if kind == "ineligible" and reason == "high-end-share":
        he = math.floor(n * rng.uniform(0.42, 0.585))
        assert he * 100 < 60 * n
    return min(sme, n), min(he, n)


def dedupe_usccs(rng, rows, region, taken):
    for r in rows:
        while r["uscc"] in taken:
            r["uscc"] = make_uscc(rng, region)
        taken.add(r["uscc"])


def make_one(args):
    i, kind, seed, m, as_csv, as_json = args
    tag = f"ipzone bench/{seed}/{i}"
    rng = random.Random(tag)
    namer = Namer(tag + "/names")
    district = rng.choice(DISTRICTS)
    region = REGION[district]
    place = rng.choice(PLACES[district])
    theme = rng.choice(list(THEMES))
    carrier, carrier_word = rng.choice(CARRIERS)
    directions = THEMES[theme][: rng.randint(1, 3)]
    as_of = rng.choice(AS_OF)
    year = int(as_of[:4])
    zone_name = f"{place}{theme}{carrier_word}"
    if carrier in ("alliance", "association"):
        legal_form = "social_organization"
        op_name = f"北京{place}{theme}{'产业知识产权促进会' if carrier == 'alliance' else '产业协会'}"
        op_uscc = make_uscc(rng, region, kind="51")
    else:
        legal_form = rng.choice(["enterprise"] * 6 + ["public_institution", "ip_service_agency"])
        if legal_form == "public_institution":
            op_name = f"北京市{district}{place}{theme}{carrier_word}服务中心"
            op_uscc = make_uscc(rng, region, kind="12")
        else:
            op_name = f"北京{place}{theme}{carrier_word}{'运营管理' if legal_form == 'enterprise' else '知识产权服务'}有限公司"
            op_uscc = make_uscc(rng, region)

    reason = kind
    if kind == "ineligible":
        reason = rng.choice(["sme-share", "high-end-share", "penalty", "bad-records"])
    elif kind == "invalid":
        where, right, wrong = rng.choice(TYPOS)
        if as_csv and where in ("row", "patents"):
            where, right, wrong = rng.choice([t for t in TYPOS if t[0] not in ("row", "patents")])
        reason = f"typo {wrong}"

    # the roster -----------------------------------------------------------------------
    if kind == "needs-review":
        n = rng.randint(62, 69)
        repeats = rng.randint(1, 4)
    else:
        n, repeats = m, 0
    sme, he = shares(rng, kind, n, reason)
    valid = rng.randint(4 * n, 7 * n) if n >= 100 else rng.randint(360, 600)
    invention = max(160, round(valid * rng.uniform(0.33, 0.45)))
    industries = {d: 6 - k for k, d in enumerate(directions)}
    for extra in rng.sample(sorted({x for v in THEMES.values() for x in v} - set(directions)), 2):
        industries[extra] = 1
    rows = make_roster(tag + "/roster", n, sme=sme, high_end=he, valid=valid, invention=invention,
                       region=region, namer=namer, valid_form=rng.uniform(0.0, 0.3),
                       absent_patents=rng.randint(0, max(0, (n - sme) // 4)) if not as_csv else 0,
                       other_regions=tuple(rng.sample(sorted(set(REGION.values()) - {region}), 2)),
                       industries=industries)
    dedupe_usccs(rng, rows, region, {op_uscc})
    n_d, sme_d, he_d, valid_d, inv_d = roster_totals(rows)
    assert (n_d, sme_d, he_d, valid_d, inv_d) == (n, sme, he, valid, invention), (tag, kind)
    declared = {"enterprise_count": n_d, "sme_count": sme_d, "high_end_count": he_d,
                "valid_patents": valid_d, "invention_patents": inv_d}
    if not as_csv:  # a third of the rows give the SME size figures, as the template allows
        rows = [with_size(rng, r) if rng.random() < 0.33 else r for r in rows]
    for _ in range(repeats):  # the same enterprise listed again further down: counted once
        pos = rng.randrange(len(rows) // 2, len(rows))
        rows.insert(pos + 1, dict(rng.choice(rows[: len(rows) // 2])))
    if kind == "eligible" and rng.random() < 0.2:  # a USCC typed wrong: a warning, not an error
        r = rng.choice(rows)
        r["uscc"] = break_uscc(r["uscc"])

    # the operating unit -----------------------------------------------------------------
    since = minus_years(as_of, rng.randint(4, 11), rng.randint(0, 11), rng.randint(0, 20))
    services_since = minus_years(as_of, rng.randint(3, int(as_of[:4]) - int(since[:4])), rng.randint(1, 6))
    if services_since < since:
        services_since = since
    fill = {"y": year - 1, "p": year - 3, "q": year - 1}
    evidence = {k: [s.format(**fill) for s in rng.choice(v)] for k, v in EVIDENCE.items()}
    penalties = []
    if kind == "eligible" and rng.random() < 0.1:  # older than the 3-year window: not counted
        penalties.append(penalty(rng, district, minus_years(as_of, rng.randint(4, 6), rng.randint(0, 11))))
    if reason == "penalty":  # 3 to 30 months before as_of: within the window
        penalties.append(penalty(rng, district, minus_years(as_of, 0, rng.randint(3, 30))))
    credit = {"credit_china_bad_records": rng.randint(1, 2) if reason == "bad-records" else 0,
              "dishonest_debtor": False,
              "administrative_penalties": penalties}
    operator = {
        "name": op_name, "uscc": op_uscc, "legal_form": legal_form,
        "independent_legal_person": True, "actual_operator": True,
        "zone_operating_since": since, "ip_services_since": services_since,
        "evidence": evidence,
    }
    if kind != "incomplete":
        operator["credit"] = credit
    else:
        operator["# credit"] = "credit（信用情况）待查询信用中国后补充 / credit section still to be filled in"
    operator["service_agencies"] = [{"name": a, "abnormal_application_sanctions": []}
                                    for a in rng.sample(AGENCIES, rng.randint(0, 2))]

    zone = {"name": zone_name, "carrier_type": carrier, "district": district,
            "industry_directions": directions, "ip_workstation": rng.random() < 0.4,
            "service_functions": ALL_FUNCTIONS}
    if kind == "needs-review":
        zone["relaxation_grounds"] = ["high_concentration", "distinctive_model", "ip_work_plan"]
    short = zone_name
    d = {"format": "ipzone-dossier/1", "as_of": as_of,
         "\n#z": "集聚发展区基本情况（第五条） / the zone (Art. 5)", "zone": zone,
         "\n#o": "运营单位（第四条、第六条） / the operating unit (Arts. 4 and 6)", "operator": operator,
         "\n#h": "历史记录（第八条、第十一条、第十三条）；无记录则为空 / past findings (Arts. 8, 11, 13)",
         "history": [],
         "\n#d": "申报材料（第七条） / the application documents (Art. 7)",
         "documents": {
             "application_form": f"{short}-北京市中小企业知识产权集聚发展区申报书.pdf",
             "work_plan": f"{short}-知识产权工作方案（{year}-{year + 2}年）.pdf",
             "evidence": ["证明材料/营业执照副本.pdf", "证明材料/场地租赁合同.pdf",
                          "证明材料/信用中国查询截图.pdf", "证明材料/入驻企业名单及专利清单.xlsx"]},
         "\n#t": "申报书中填报的汇总数，与名册核对 / totals as typed into the application form",
         "declared": declared}
    stem = f"d{i:05d}"
    csv_bytes = None
    if as_csv:
        d["\n#e"] = "入驻企业名册：Excel 另存的 CSV（UTF-8），与本文件同目录 / the roster: a CSV saved from Excel, beside this file"
        d["enterprises_file"] = f"{stem}.csv"
        csv_bytes = csv_text(rng, rows).encode("utf-8")
    else:
        d["\n#e"] = "入驻企业名册 / the roster of the zone's enterprises"
        d["enterprises"] = rows

    if kind == "invalid":
        apply_typo(rng, d, where, right, wrong)

    header = [f"基准测试用合成申报材料 {stem}（tests/bench/gen_dossiers.py --seed {seed}）",
              f"Synthetic dossier for the benchmark; made to be {kind} ({reason}), {n_d} enterprises."]
    if as_json:  # the whole dossier as one line of JSON (which is YAML), the way many tools write it
        text = json.dumps({k: v for k, v in d.items() if not k.lstrip("\n").startswith("#")},
                          ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        text = render(header, d)
    return stem, text.encode("utf-8"), csv_bytes, kind, reason, n_d, len(rows)


def with_size(rng, r):
    """The row with its sector, employees and revenue (sometimes assets), far from
    the size standard's ceilings on the side of its sme flag; most such rows then
    leave sme out, as the size standard decides."""
    try:
        sector = csvx.sector_of(r)
    except KeyError:
        return r
    f = csvx.size_figures(rng, sector, r["sme"])
    assert csvx.is_sme(sector, f) == r["sme"] and csvx.unambiguous(sector, f, r["sme"])
    out = {"name": r["name"], "uscc": r["uscc"]}
    if rng.random() < 0.4:
        out["sme"] = r["sme"]
    out["sector"] = csvx.CHINESE[sector] if rng.random() < 0.6 else sector
    out["employees"] = f["employees"]
    out["revenue_10k_yuan"] = f["revenue"]
    if "assets" in f:
        out["assets_10k_yuan"] = f["assets"]
    out["high_end_industry"] = r["high_end_industry"]
    if "patents" in r:
        out["patents"] = r["patents"]
    return out


def penalty(rng, district, date):
    return {"date": date, "authority": rng.choice(AUTHORITIES).format(d=district),
            "summary": rng.choice(PENALTY_SUMMARIES)}


def rename(mapping, right, wrong):
    """The same mapping with one key renamed, in place of order."""
    return {(wrong if k == right else k): v for k, v in mapping.items()}


def apply_typo(rng, d, where, right, wrong):
    if where in ("row", "patents"):
        rows = d["enterprises"]
        cands = [i for i, r in enumerate(rows)
                 if (right in r if where == "row" else right in r.get("patents", {}))]
        i = rng.choice(cands)
        if where == "row":
            rows[i] = rename(rows[i], right, wrong)
        else:
            rows[i] = dict(rows[i], patents=rename(rows[i]["patents"], right, wrong))
    elif where == "zone":
        d["zone"] = rename(d["zone"], right, wrong)
    elif where == "operator":
        d["operator"] = rename(d["operator"], right, wrong)
    elif where == "credit":
        d["operator"]["credit"] = rename(d["operator"]["credit"], right, wrong)
    else:
        items = list(d.items())
        d.clear()
        d.update({(wrong if k == right else k): v for k, v in items})


def csv_text(rng, rows):
    """The roster as Excel's "CSV UTF-8": BOM, CRLF, Chinese headers; a third of
    the rows give the SME size figures (far from the ceilings) instead of 是/否."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_HEADER)
    for r in rows:
        row = dict.fromkeys(CSV_HEADER, "")
        row["企业名称"] = r["name"]
        row["统一社会信用代码"] = r.get("uscc", "")
        sector = None
        if rng.random() < 0.33:
            try:
                sector = csvx.sector_of(r)
            except KeyError:
                sector = None
        if sector:
            f = csvx.size_figures(rng, sector, r["sme"])
            assert csvx.is_sme(sector, f) == r["sme"] and csvx.unambiguous(sector, f, r["sme"])
            row["所属行业"] = csvx.CHINESE[sector] if rng.random() < 0.6 else sector
            row["从业人员"] = f["employees"]
            row["营业收入(万元)"] = f["revenue"]
            row["资产总额(万元)"] = f.get("assets", "")
        else:
            row["是否中小企业"] = "是" if r["sme"] else "否"
        ind = r["high_end_industry"]
        row["高精尖产业领域"] = ind if ind != "none" else rng.choice(["", "", "无"])
        p = r.get("patents", {})
        if "valid" in p:
            row["有效专利"], row["发明专利"] = p["valid"], p["invention"]
        elif p:
            row["发明专利"], row["实用新型"], row["外观设计"] = p["invention"], p["utility_model"], p["design"]
            if rng.random() < 0.6:
                row["有效专利"] = p["invention"] + p["utility_model"] + p["design"]
        w.writerow([row[h] for h in CSV_HEADER])
    return "\ufeff" + buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="folder to write into (created; existing d*.yaml/csv are replaced)")
    ap.add_argument("--count", type=int, default=1000, help="number of dossiers (default 1000)")
    ap.add_argument("--enterprises", type=int, default=300, help="roster rows per dossier (default 300)")
    ap.add_argument("--seed", type=int, default=1, help="seed (default 1)")
    ap.add_argument("--csv", action="store_true", help="roster as a CSV file beside each dossier")
    ap.add_argument("--json", action="store_true", help="each dossier as one line of JSON (valid YAML)")
    ap.add_argument("--mix", default=DEFAULT_MIX, help=f"percentages of intended verdicts (default {DEFAULT_MIX})")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all CPUs)")
    a = ap.parse_args()
    if a.count < 1:
        raise SystemExit("gen_dossiers: --count must be at least 1")
    if a.enterprises < 80:
        raise SystemExit("gen_dossiers: --enterprises must be at least 80 (an eligible zone needs 70 distinct enterprises and its shares some margin)")
    counts = apportion(a.count, parse_mix(a.mix))
    kinds = [k for k in KINDS for _ in range(counts[k])]
    random.Random(f"ipzone bench/{a.seed}/order").shuffle(kinds)

    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):  # a rerun with fewer dossiers leaves nothing stale behind
        if f.startswith("d") and (f.endswith(".yaml") or f.endswith(".csv")) or f == "expected.tsv":
            os.remove(os.path.join(a.out, f))
    jobs = [(i + 1, k, a.seed, a.enterprises, a.csv, a.json) for i, k in enumerate(kinds)]
    total_bytes = 0
    rows_written = 0
    manifest = ["file\tverdict\treason\tenterprises\trows"]
    chunk = max(1, min(64, a.count // (4 * max(1, a.jobs)) or 1))
    with Pool(a.jobs) if a.jobs > 1 else _Serial() as pool:
        for stem, text, csv_bytes, kind, reason, n, nrows in pool.imap(make_one, jobs, chunksize=chunk):
            with open(os.path.join(a.out, stem + ".yaml"), "wb") as f:
                f.write(text)
            total_bytes += len(text)
            if csv_bytes is not None:
                with open(os.path.join(a.out, stem + ".csv"), "wb") as f:
                    f.write(csv_bytes)
                total_bytes += len(csv_bytes)
            rows_written += nrows
            manifest.append(f"{stem}.yaml\t{kind}\t{reason}\t{n}\t{nrows}")
    with open(os.path.join(a.out, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(manifest) + "\n")
    mix = ", ".join(f"{k} {counts[k]}" for k in KINDS)
    print(f"gen_dossiers: wrote {a.count} dossiers to {a.out} ({'CSV' if a.csv else 'inline'} rosters, "
          f"{a.enterprises} rows; {rows_written} rows in all), {total_bytes / 1e6:.1f} MB, "
          f"{total_bytes / a.count / 1024:.1f} KiB a dossier; {mix}; seed {a.seed}")


class _Serial:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def imap(self, fn, it, chunksize=1):
        return map(fn, it)


if __name__ == "__main__":
    main()
