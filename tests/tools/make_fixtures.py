#!/usr/bin/env python3
"""Write the boundary and malformed-input fixtures in tests/dossiers/.

    python3 tests/tools/make_fixtures.py [REPO_ROOT]

Deterministic: rerunning rewrites identical files. Every passing-base fixture
is the same passing dossier (80 distinct enterprises, 70 SMEs, 56 high-end,
420 valid patents of which 165 invention, operating since 2016, clean credit)
with ONE thing changed, so that only the criterion under test moves. Each file
starts with a comment saying what it tests and the expected outcome (except
bad-empty.yaml, which is 0 bytes); tests/dossiers/README.md lists them all.
The matching end-to-end checks are in tests/e2e/cases.cmake.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipzgen import (Namer, Raw, break_uscc, make_roster, render,  # noqa: E402
                    roster_totals)

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "tests", "dossiers")

ALL_FUNCTIONS = ["policy_publicity", "training", "rights_protection", "entrusted_management"]
ALL_GROUNDS = ["high_concentration", "distinctive_model", "ip_work_plan"]
DELETE = object()


def roster(n=80, sme=70, high_end=56, valid=420, invention=165, **kw):
    return make_roster("fixture-base", n, sme=sme, high_end=high_end, valid=valid,
                       invention=invention, region="110108",
                       namer=Namer("fixture-base/names"), **kw)


def base(rows=None, as_of="2024-03-31"):
    return {
        "format": "ipzone-dossier/1",
        "as_of": as_of,
        "zone": {
            "name": "中关村上地信息产业园",
            "carrier_type": "science_park",
            "district": "海淀区",
            "industry_directions": ["新一代信息技术", "集成电路"],
            "ip_workstation": False,
            "service_functions": list(ALL_FUNCTIONS),
        },
        "operator": {
            "name": "北京上地信息产业园运营管理有限公司",
            "uscc": "91110108MA01UQ6G11",
            "legal_form": "enterprise",
            "independent_legal_person": True,
            "actual_operator": True,
            "zone_operating_since": "2016-06-01",
            "ip_services_since": "2016-09-01",
            "evidence": {
                "management_system": ["知识产权管理制度汇编.pdf"],
                "organization": ["知识产权服务中心设立文件.pdf"],
                "funding": ["知识产权专项经费预算表.pdf"],
                "planning": ["知识产权发展规划.pdf"],
                "capability": ["知识产权服务平台建设情况.pdf"],
                "effect": ["知识产权服务成效报告.pdf"],
            },
            "credit": {
                "credit_china_bad_records": 0,
                "dishonest_debtor": False,
                "administrative_penalties": [],
            },
            "service_agencies": [
                {"name": "北京智权恒信知识产权代理有限公司", "abnormal_application_sanctions": []},
            ],
        },
        "history": [],
        "documents": {
            "application_form": "申报书.pdf",
            "work_plan": "工作方案.pdf",
            "evidence": ["证明材料/营业执照副本.pdf", "证明材料/信用中国查询截图.pdf"],
        },
        "enterprises": rows if rows is not None else roster(),
    }


def patch(d, path, value):
    """Set (or with DELETE remove) d[a][b]... for path 'a.b...'."""
    keys = path.split(".")
    for k in keys[:-1]:
        d = d[k]
    if value is DELETE:
        del d[keys[-1]]
    else:
        d[keys[-1]] = value


def variant(changes=(), rows=None, as_of="2024-03-31"):
    d = base(rows, as_of)
    for path, value in changes:
        patch(d, path, value)
    return d


def with_repeats(rows, uscc_repeats, name_repeats):
    """rows plus repeats of earlier rows: `uscc_repeats` rows that repeat a
    USCC, `name_repeats` rows that repeat the name of a row without USCC.
    The repeats are appended at the end; the original rows lose nothing."""
    out = [dict(r) for r in rows]
    with_u = [r for r in out if "uscc" in r]
    without = [r for r in out if "uscc" not in r]
    assert len(without) >= name_repeats
    extra = [dict(with_u[7 + 11 * i]) for i in range(uscc_repeats)]
    extra += [dict(without[i]) for i in range(name_repeats)]
    return out + extra


# --- the fixtures ---------------------------------------------------------------
# Each: (file, what it tests, expected outcome, builder). A builder returns a
# dossier dict (rendered as YAML), or bytes (written as they are).

FIXTURES = []


def fixture(name, tests, expect):
    def reg(fn):
        FIXTURES.append((name, tests, expect, fn))
        return fn
    return reg


# count (Art. 5(2): 不少于70家, "in principle", relaxable) ----------------------------
@fixture("count-70.yaml", "art5.2.count at its bound: 70 distinct enterprises (不少于70家 includes 70).",
         "art5.2.count pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(n=70, sme=60, high_end=49))


@fixture("count-69.yaml", "art5.2.count one below the bound: 69 enterprises, no relaxation grounds.",
         "art5.2.count fail; verdict ineligible; exit 1.")
def _():
    return variant(rows=roster(n=69, sme=59, high_end=48))


GROUND_EVIDENCE = {"high_concentration": ["产业集聚度分析报告.pdf"],
                   "distinctive_model": ["特色发展模式说明.pdf"],
                   "ip_work_plan": ["知识产权工作规划（2024-2026）.pdf"]}


@fixture("count-69-relaxed.yaml",
         "art5.2.count relaxation: 69 enterprises with all three grounds stated, each with its "
         "evidence (high_concentration, distinctive_model, ip_work_plan).",
         "art5.2.count review; verdict needs-review; exit 0 (1 with --strict).")
def _():
    return variant([("zone.relaxation_grounds", dict(GROUND_EVIDENCE))],
                   rows=roster(n=69, sme=59, high_end=48))


@fixture("count-69-relaxed-format1.yaml",
         "art5.2.count relaxation in dossier format 1's plain list of grounds: it loads, with a "
         "warning that no evidence is listed, and a ground without evidence does not count.",
         "art5.2.count missing; verdict incomplete; exit 1.")
def _():
    return variant([("zone.relaxation_grounds", list(ALL_GROUNDS))],
                   rows=roster(n=69, sme=59, high_end=48))


@fixture("count-69-ground-without-evidence.yaml",
         "art5.2.count relaxation: 69 enterprises, all three grounds stated, distinctive_model "
         "with no evidence listed ([]).",
         "art5.2.count missing (zone.relaxation_grounds.distinctive_model); verdict incomplete; exit 1.")
def _():
    return variant([("zone.relaxation_grounds", dict(GROUND_EVIDENCE, distinctive_model=[]))],
                   rows=roster(n=69, sme=59, high_end=48))


@fixture("count-69-two-grounds.yaml",
         "art5.2.count relaxation needs all three grounds: 69 enterprises, only "
         "high_concentration and ip_work_plan stated, with their evidence.",
         "art5.2.count fail; verdict ineligible; exit 1.")
def _():
    return variant([("zone.relaxation_grounds", {k: v for k, v in GROUND_EVIDENCE.items()
                                                 if k != "distinctive_model"})],
                   rows=roster(n=69, sme=59, high_end=48))


@fixture("count-duplicates-69.yaml",
         "duplicates are counted once: 71 roster rows, of which one repeats an earlier "
         "USCC and one repeats the name of an earlier row without USCC, so 69 distinct; "
         "no relaxation grounds. Shares stay above their bounds either way.",
         "art5.2.count fail; duplicate warnings (with line:column); verdict ineligible; exit 1.")
def _():
    return variant(rows=with_repeats(roster(n=69, sme=59, high_end=48, no_uscc=2), 1, 1))


# SME share (Art. 5(2): 80%以上 = at least 80 %) -------------------------------------
@fixture("sme-80-exact.yaml", "art5.2.sme-share at its bound: 64 SMEs of 80 (exactly 80 %).",
         "art5.2.sme-share pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(n=80, sme=64))


@fixture("sme-below-80.yaml", "art5.2.sme-share just below: 79 SMEs of 100 (79 %).",
         "art5.2.sme-share fail; verdict ineligible; exit 1.")
def _():
    return variant(rows=roster(n=100, sme=79, high_end=70))


@fixture("missing-sme-flag.yaml",
         "art5.2.sme-share without data: one roster row has no `sme` (and no size figures).",
         "art5.2.sme-share missing; verdict incomplete; exit 1.")
def _():
    rows = roster()
    del rows[17]["sme"]
    return variant(rows=rows)


# high-end share (Art. 5(2): 60%以上 = at least 60 %) --------------------------------
@fixture("high-end-60-exact.yaml", "art5.2.high-end-share at its bound: 48 high-end of 80 (exactly 60 %).",
         "art5.2.high-end-share pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(n=80, high_end=48))


@fixture("high-end-below-60.yaml", "art5.2.high-end-share just below: 59 high-end of 100 (59 %).",
         "art5.2.high-end-share fail; verdict ineligible; exit 1.")
def _():
    return variant(rows=roster(n=100, sme=90, high_end=59))


@fixture("high-end-aliases.yaml",
         "older (2017 十大高精尖) industry names are aliases: 48 high-end of 80 (exactly 60 %), "
         "12 of them named 人工智能, 软件和信息服务, 智能装备, 新材料 or 科技服务.",
         "art5.2.high-end-share pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(n=80, high_end=48, aliases=12))


@fixture("high-end-unknown-name.yaml",
         "a roster row names an industry outside both taxonomies (人工智能芯片); the share "
         "passes without it (55 known high-end of 80 = 68.75 %).",
         "a warning that names the row (line:column); art5.2.high-end-share pass or review "
         "(not fail); verdict eligible or needs-review; exit 0.")
def _():
    rows = roster(n=80, high_end=56)
    i = next(i for i, r in enumerate(rows) if r["high_end_industry"] == "集成电路")
    rows[i]["high_end_industry"] = "人工智能芯片"
    return variant(rows=rows)


@fixture("missing-high-end-key.yaml",
         "art5.2.high-end-share without data: one roster row has no `high_end_industry` key.",
         "art5.2.high-end-share missing; verdict incomplete; exit 1.")
def _():
    rows = roster()
    del rows[23]["high_end_industry"]
    return variant(rows=rows)


# patents (Art. 5(3): valid >= 300 OR invention >= 150) ------------------------------
@fixture("patents-300.yaml", "art5.3.patents at the valid-patent bound: 300 valid, 100 invention.",
         "art5.3.patents pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(valid=300, invention=100))


@fixture("patents-299-inv-149.yaml", "art5.3.patents below both bounds: 299 valid, 149 invention.",
         "art5.3.patents fail; verdict ineligible; exit 1.")
def _():
    return variant(rows=roster(valid=299, invention=149))


@fixture("patents-299-inv-150.yaml",
         "art5.3.patents passes on the invention bound alone: 299 valid, 150 invention.",
         "art5.3.patents pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(valid=299, invention=150))


@fixture("patents-valid-form.yaml",
         "art5.3.patents with every row in the {valid, invention} form: 300 valid, 120 invention.",
         "art5.3.patents pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(valid=300, invention=120, valid_form=1.0))


@fixture("patents-absent-counts-zero.yaml",
         "rows without `patents` count as 0 patents (not missing): 6 rows leave it out; "
         "the others hold 300 valid, 100 invention.",
         "art5.3.patents pass; verdict eligible; exit 0.")
def _():
    return variant(rows=roster(valid=300, invention=100, absent_patents=6))


# years (Art. 6(1), 6(2): 3年以上（含3年）; since + 3 years <= as_of) -------------------
@fixture("operating-3y-to-the-day.yaml",
         "art6.1.operation and art6.2.services at the bound: since 2021-03-31, as_of 2024-03-31.",
         "art6.1.operation pass, art6.2.services pass; verdict eligible; exit 0. "
         "(With --as-of 2024-03-30 both fail.)")
def _():
    return variant([("operator.zone_operating_since", "2021-03-31"),
                    ("operator.ip_services_since", "2021-03-31")])


@fixture("operating-3y-a-day-short.yaml",
         "art6.1.operation and art6.2.services one day short: since 2021-04-01, as_of 2024-03-31.",
         "art6.1.operation fail, art6.2.services fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.zone_operating_since", "2021-04-01"),
                    ("operator.ip_services_since", "2021-04-01")])


@fixture("operating-feb29.yaml",
         "29 February plus 3 years is 28 February: since 2020-02-29, as_of 2023-02-28.",
         "art6.1.operation pass, art6.2.services pass; verdict eligible; exit 0.")
def _():
    return variant([("operator.zone_operating_since", "2020-02-29"),
                    ("operator.ip_services_since", "2020-02-29")], as_of="2023-02-28")


@fixture("operating-feb29-a-day-short.yaml",
         "29 February plus 3 years is 28 February: since 2020-02-29, as_of 2023-02-27.",
         "art6.1.operation fail, art6.2.services fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.zone_operating_since", "2020-02-29"),
                    ("operator.ip_services_since", "2020-02-29")], as_of="2023-02-27")


@fixture("operating-since-missing.yaml",
         "art6.1.operation without data: no operator.zone_operating_since.",
         "art6.1.operation missing; verdict incomplete; exit 1.")
def _():
    return variant([("operator.zone_operating_since", DELETE)])


# evidence (Art. 6(1)-(3)) ---------------------------------------------------------
@fixture("evidence-planning-empty.yaml",
         "art6.1.operation needs evidence for each part: operator.evidence.planning is [].",
         "art6.1.operation missing (evidence not listed is data missing); verdict incomplete; exit 1.")
def _():
    return variant([("operator.evidence.planning", [])])


@fixture("evidence-effect-empty.yaml",
         "art6.3.effect needs evidence: operator.evidence.effect is [].",
         "art6.3.effect missing (evidence not listed is data missing); verdict incomplete; exit 1.")
def _():
    return variant([("operator.evidence.effect", [])])


# applicant, legal person, documents (Arts. 4, 6, 7) ---------------------------------
@fixture("applicant-not-operator.yaml",
         "art4.applicant: the applicant is not the zone's actual operating unit (actual_operator: false).",
         "art4.applicant fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.actual_operator", False)])


@fixture("legal-person-not-independent.yaml",
         "art6.legal-person: the operator is not an independent legal person.",
         "art6.legal-person fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.independent_legal_person", False)])


@fixture("documents-no-work-plan.yaml",
         "art7.documents: documents.work_plan is absent.",
         "art7.documents missing (a document not listed is data missing); verdict incomplete; exit 1.")
def _():
    return variant([("documents.work_plan", DELETE)])


# credit (Art. 6(4): 近3年 = the window (as_of - 3 years, as_of]) -----------------------
def penalty(date):
    return [{"date": date, "authority": "北京市海淀区市场监督管理局",
             "summary": "未按规定公示年度报告，责令改正并处罚款"}]


@fixture("penalty-inside-3y.yaml",
         "art6.4.credit: an administrative penalty of 2021-04-01, as_of 2024-03-31 "
         "(one day inside the 3-year window).",
         "art6.4.credit fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.credit.administrative_penalties", penalty("2021-04-01"))])


@fixture("penalty-outside-3y.yaml",
         "art6.4.credit: an administrative penalty of 2021-03-31, as_of 2024-03-31 "
         "(exactly 3 years before: outside the half-open window).",
         "art6.4.credit pass; verdict eligible; exit 0.")
def _():
    return variant([("operator.credit.administrative_penalties", penalty("2021-03-31"))])


@fixture("credit-bad-record.yaml", "art6.4.credit: one bad record on Credit China.",
         "art6.4.credit fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.credit.credit_china_bad_records", 1)])


@fixture("credit-dishonest-debtor.yaml", "art6.4.credit: the operator is a dishonest judgment debtor.",
         "art6.4.credit fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.credit.dishonest_debtor", True)])


@fixture("agency-sanction.yaml",
         "art6.4.credit: an entrusted IP service agency was disciplined for abnormal patent "
         "applications (abnormal_application_sanctions: [2023-06-15], a list of dates).",
         "art6.4.credit fail; verdict ineligible; exit 1.")
def _():
    return variant([("operator.service_agencies",
                     [{"name": "北京智权恒信知识产权代理有限公司",
                       "abnormal_application_sanctions": ["2023-06-15"]}])])


# bans (Arts. 8, 11(4), 13: 5年内 = [date, date + 5 years], Civil Code Arts. 201-202) ----
for event, rule, stem in (("termination", "art11.4.termination-ban", "termination"),
                          ("fraud_finding", "art8.fraud-ban", "fraud"),
                          ("fund_fraud", "art13.funds-ban", "fund-fraud")):
    def _inside(event=event):
        return variant([("history", [{"event": event, "date": "2019-04-01"}])])

    def _outside(event=event):
        return variant([("history", [{"event": event, "date": "2019-03-30"}])])

    fixture(f"{stem}-inside-5y.yaml",
            f"{rule}: history {event} of 2019-04-01, as_of 2024-03-31 (the 5-year ban "
            "[2019-04-01, 2024-04-01] still runs).",
            f"{rule} fail; verdict ineligible; exit 1.")(_inside)
    fixture(f"{stem}-outside-5y.yaml",
            f"{rule}: history {event} of 2019-03-30, as_of 2024-03-31 (the ban "
            "[2019-03-30, 2024-03-30], Civil Code Arts. 201-202, has just ended).",
            f"{rule} pass; verdict eligible; exit 0.")(_outside)


# history: Art. 12 (cancellation) and Art. 14 (change) ------------------------------
@fixture("history-cancellation-inside-5y.yaml",
         "art8.fraud-ban: history cancellation (Art. 12, 取消资格) of 2021-05-10, as_of 2024-03-31: "
         "fraud under Art. 8 if it was for false material, which the dossier does not say.",
         "art8.fraud-ban review; verdict needs-review; exit 0.")
def _():
    return variant([("history", [{"event": "cancellation", "date": "2021-05-10",
                                  "authority": "北京市知识产权局"}])])


@fixture("history-change-not-filed.yaml",
         "art14.changes: a merger filed and a change of name not filed (Art. 14, 备案).",
         "art14.changes pass; a warning at the change not filed (line:column); verdict eligible; exit 0.")
def _():
    return variant([("history", [
        {"event": "change", "kind": "merger", "date": "2023-05-01", "filed": "2023-05-20"},
        {"event": "change", "kind": "rename", "date": "2023-08-01"}])])


# services (Art. 5(4): a workstation, OR all four functions) --------------------------
@fixture("services-workstation.yaml",
         "art5.4.services: ip_workstation true and no service_functions.",
         "art5.4.services pass; verdict eligible; exit 0.")
def _():
    return variant([("zone.ip_workstation", True), ("zone.service_functions", DELETE)])


@fixture("services-three-functions.yaml",
         "art5.4.services: no workstation and 3 of the 4 functions (no entrusted_management).",
         "art5.4.services fail; verdict ineligible; exit 1.")
def _():
    return variant([("zone.service_functions", ALL_FUNCTIONS[:3])])


# carrier (Art. 5(1)) ---------------------------------------------------------------
@fixture("district-outside-beijing.yaml", "art5.1.carrier: district 天津市滨海新区 (not in Beijing).",
         "art5.1.carrier fail; verdict ineligible; exit 1.")
def _():
    return variant([("zone.district", "天津市滨海新区")])


@fixture("district-yizhuang.yaml",
         "art5.1.carrier: district 北京经济技术开发区 (the Beijing Economic-Technological "
         "Development Area counts as Beijing).",
         "art5.1.carrier pass; verdict eligible; exit 0.")
def _():
    return variant([("zone.district", "北京经济技术开发区")])


@fixture("carrier-other.yaml", "art5.1.carrier: carrier_type other (a human must judge it).",
         "art5.1.carrier review; verdict needs-review; exit 0.")
def _():
    return variant([("zone.carrier_type", "other")])


# warnings that do not stop the evaluation ------------------------------------------
@fixture("declared-mismatch.yaml",
         "declared totals that disagree with the roster: declared.enterprise_count 90, "
         "roster 80 (the roster wins); the other declared totals agree.",
         "a warning with line:column; art5.2.count pass; verdict eligible; exit 0.")
def _():
    d = variant()
    n, sme, he, valid, inv = roster_totals(d["enterprises"])
    d["declared"] = {"enterprise_count": 90, "sme_count": sme, "high_end_count": he,
                     "valid_patents": valid, "invention_patents": inv}
    d["enterprises"] = d.pop("enterprises")
    return d


@fixture("uscc-bad-check.yaml",
         "a roster USCC with a wrong check character (GB 32100).",
         "a warning with line:column; verdict eligible; exit 0.")
def _():
    rows = roster()
    rows[30]["uscc"] = break_uscc(rows[30]["uscc"])
    return variant(rows=rows)


@fixture("count-uscc-lower-case-69.yaml",
         "USCCs are compared in upper case: 70 roster rows, the last repeating an earlier "
         "row's USCC written in lower case, so 69 distinct; no relaxation grounds.",
         "art5.2.count fail; a lower-case warning and a duplicate warning (line:column); "
         "verdict ineligible; exit 1.")
def _():
    rows = roster(n=69, sme=59, high_end=48)
    repeat = dict(rows[7])
    repeat["uscc"] = repeat["uscc"].lower()
    return variant(rows=rows + [repeat])


@fixture("same-name-other-uscc.yaml",
         "two roster rows with the same name and different USCCs (rows 40 and 41).",
         "counted as two enterprises (80); a warning naming both rows (line:column); "
         "verdict eligible; exit 0.")
def _():
    rows = roster()
    rows[40]["name"] = rows[39]["name"]
    return variant(rows=rows)


# --- malformed inputs: each is invalid, exit 2, errors with line:column ---------------

def text_of(d):
    return render([], d)


@fixture("bad-yaml-syntax.yaml", "YAML syntax: an unclosed flow sequence (industry_directions: [新一代信息技术, 集成电路).",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw(text_of(base()).replace("industry_directions: [新一代信息技术, 集成电路]",
                                       "industry_directions: [新一代信息技术, 集成电路"))


@fixture("bad-indentation.yaml", "YAML syntax: a key indented deeper than its siblings inside operator.",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw(text_of(base()).replace("\n  legal_form: enterprise\n", "\n    legal_form: enterprise\n"))


@fixture("bad-type-count.yaml", "wrong type: a patent count that is a word (invention: twelve).",
         "invalid; exit 2; an error with line:column.")
def _():
    rows = roster()
    rows[9]["patents"] = {"invention": Raw("twelve"), "utility_model": 3, "design": 0}
    return variant(rows=rows)


@fixture("bad-unknown-key.yaml",
         "unknown key: zone.carier_type (a typo of carrier_type, which is therefore also absent).",
         "invalid; exit 2; an error with line:column that suggests carrier_type.")
def _():
    t = text_of(base())
    return Raw(t.replace("  carrier_type: science_park", "  carier_type: science_park"))


@fixture("bad-missing-required.yaml", "missing required field: no zone.district.",
         "invalid; exit 2; an error with line:column.")
def _():
    return variant([("zone.district", DELETE)])


@fixture("bad-missing-format.yaml", "missing required field: no `format`.",
         "invalid; exit 2; an error with line:column.")
def _():
    d = base()
    del d["format"]
    return d


@fixture("bad-history-event.yaml",
         "history event of an unknown kind (event: revocation).",
         "invalid; exit 2; an error with line:column naming the known kinds.")
def _():
    return variant([("history", [{"event": "revocation", "date": "2021-05-10"}])])


@fixture("bad-format-version.yaml", "unsupported format: format: ipzone-dossier/2.",
         "invalid; exit 2; an error with line:column.")
def _():
    return variant([("format", "ipzone-dossier/2")])


@fixture("bad-missing-roster.yaml", "missing required field: no `enterprises` (and no enterprises_file).",
         "invalid; exit 2; an error with line:column.")
def _():
    d = base()
    del d["enterprises"]
    return d


@fixture("bad-row-no-name.yaml", "missing required field: a roster row without `name`.",
         "invalid; exit 2; an error with line:column.")
def _():
    rows = roster()
    del rows[40]["name"]
    return variant(rows=rows)


@fixture("bad-date.yaml", "a date that does not exist: as_of: 2024-02-30.",
         "invalid; exit 2; an error with line:column.")
def _():
    return variant(as_of="2024-02-30")


@fixture("bad-negative.yaml", "a negative count: patents invention -3 in a roster row.",
         "invalid; exit 2; an error with line:column.")
def _():
    rows = roster()
    rows[12]["patents"] = {"invention": -3, "utility_model": 5, "design": 0}
    return variant(rows=rows)


@fixture("bad-invention-above-valid.yaml",
         "invention patents above valid patents in a row: patents {valid: 3, invention: 5}.",
         "invalid; exit 2; an error with line:column.")
def _():
    rows = roster()
    rows[20]["patents"] = {"valid": 3, "invention": 5}
    return variant(rows=rows)


@fixture("bad-empty.yaml", "an empty file (0 bytes; so it has no comment).",
         "invalid; exit 2; an error with line:column.")
def _():
    return b""


@fixture("bad-comment-only.yaml", "a file with nothing but comments (an empty YAML document).",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw("# 申报材料待填写 / to be filled in\n")


@fixture("bad-gbk.yaml",
         "a file that is not UTF-8: the passing base dossier encoded as GBK (as Excel exports it). "
         "Only these ASCII comment lines are readable as UTF-8.",
         "invalid; exit 2; an error with line:column.")
def _():
    return ("GBK", text_of(base()))


@fixture("bad-deep-nesting.yaml",
         "deep nesting: 10000 nested flow sequences under an unknown key `notes` "
         "(must not crash: no stack overflow).",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw(text_of(base()) + "notes: " + "[" * 10000 + "]" * 10000 + "\n")


@fixture("bad-duplicate-key.yaml", "a duplicate key: zone.name twice.",
         "invalid; exit 2; an error with line:column.")
def _():
    t = text_of(base())
    return Raw(t.replace("  name: 中关村上地信息产业园\n",
                         "  name: 中关村上地信息产业园\n  name: 中关村上地软件园\n"))


@fixture("bad-not-a-map.yaml", "the top level is a list, not a mapping.",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw("- format: ipzone-dossier/1\n- zone: {name: 中关村上地信息产业园, district: 海淀区}\n")


@fixture("bad-top-scalar.yaml", "the top level is a scalar, not a mapping.",
         "invalid; exit 2; an error with line:column.")
def _():
    return Raw("中关村上地信息产业园申报材料\n")


@fixture("bom-ok.yaml", "a UTF-8 byte-order mark before the passing base dossier is accepted.",
         "no errors; verdict eligible; exit 0.")
def _():
    return ("BOM", text_of(base()))


# --- writing -----------------------------------------------------------------------

def header(name, tests, expect):
    out = [f"Fixture: {name}", f"Tests: {tests}", f"Expect: {expect}"]
    lines = []
    for para in out:
        words, cur = para.split(" "), ""
        for w in words:
            if cur and len(cur) + 1 + len(w) > 88:
                lines.append(cur)
                cur = "  " + w
            else:
                cur = f"{cur} {w}" if cur else w
        lines.append(cur)
    return "".join(f"# {l}\n" for l in lines)


def main():
    os.makedirs(OUT, exist_ok=True)
    index = []
    for name, tests, expect, fn in FIXTURES:
        made = fn()
        head = header(name, tests, expect)
        if isinstance(made, bytes):
            data = made
        elif isinstance(made, tuple) and made[0] == "GBK":
            data = head.encode("ascii") + made[1].encode("gbk")
            try:
                data.decode("utf-8")
                raise SystemExit("bad-gbk.yaml is valid UTF-8")
            except UnicodeDecodeError:
                pass
        elif isinstance(made, tuple) and made[0] == "BOM":
            data = b"\xef\xbb\xbf" + (head + made[1]).encode("utf-8")
        elif isinstance(made, Raw):
            data = (head + str(made)).encode("utf-8")
        else:
            data = (head + render([], made)).encode("utf-8")
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        index.append((name, tests, expect))

    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("# Test dossiers\n\n"
                "Written by `tests/tools/make_fixtures.py` (rerun it to regenerate; do not edit by hand).\n"
                "Each passing-base fixture is one passing dossier (80 distinct enterprises, 70 SMEs,\n"
                "56 high-end, 420 valid patents of which 165 invention, operating since 2016, as_of\n"
                "2024-03-31, clean credit) with one thing changed. The checks are in\n"
                "`tests/e2e/cases.cmake`.\n\n"
                "| file | tests | expected |\n|---|---|---|\n")
        for name, tests, expect in index:
            f.write(f"| `{name}` | {tests.replace('|', '/')} | {expect.replace('|', '/')} |\n")
    print(f"wrote {len(index)} fixtures to {OUT}")


if __name__ == "__main__":
    main()
