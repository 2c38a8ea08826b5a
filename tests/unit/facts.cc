// Unit tests for facts/: the named quantities derived from a dossier on an
// evaluation date (counts over distinct enterprises, shares, dates), and the
// data-check warnings that need the rule set or as_of.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "dossier_builder.h"
#include "model/fact_catalogue.h"
#include "read/roster_csv.h"

using ipz::FactValue;
using ipz::test::arg_of;
using ipz::test::check;
using ipz::test::DossierBuilder;
using ipz::test::with_key;

namespace {

const FactValue& fact(const ipz::test::Checked& c, const char* name) {
  const FactValue* v = c.facts.get(name);
  if (!v) throw std::runtime_error(std::string("no fact ") + name);
  return *v;
}

}  // namespace

TEST_CASE("Facts: the base dossier's counts, shares and sums", "[facts]") {
  auto c = check(DossierBuilder{});
  CHECK(c.facts.as_of == ipz::Date{2024, 3, 31});
  CHECK(fact(c, "enterprise_count").count == 80);
  CHECK(fact(c, "sme_count").count == 70);
  CHECK(fact(c, "sme_share").count == 70);
  CHECK(fact(c, "sme_share").total == 80);
  CHECK(fact(c, "high_end_count").count == 56);
  CHECK(fact(c, "high_end_share").count == 56);
  CHECK(fact(c, "high_end_share").total == 80);
  CHECK(fact(c, "valid_patents").count == 420);
  CHECK(fact(c, "invention_patents").count == 165);
  CHECK(fact(c, "zone.district").text == "海淀区");
  CHECK(fact(c, "operator.zone_operating_since").date == ipz::Date{2019, 6, 1});
  CHECK(c.facts.warnings.empty());
}

TEST_CASE("Facts: every fact of the catalogue is derived, with its catalogue type", "[facts][catalogue]") {
  for (const DossierBuilder& b : {DossierBuilder{}, [] {
                                    DossierBuilder empty;
                                    empty.evidence = false;
                                    empty.credit = false;
                                    empty.documents = false;
                                    empty.service_agencies = false;
                                    return empty;
                                  }()}) {
    auto c = check(b);
    for (const auto& info : ipz::fact_catalogue()) {
      INFO(info.name);
      const FactValue* v = c.facts.get(info.name);
      REQUIRE(v);
      CHECK(v->type == info.type);
      if (!v->known) CHECK_FALSE(v->missing.empty());
    }
    for (const auto& [name, v] : c.facts.values) {
      INFO(name);
      CHECK(ipz::find_fact(name) != nullptr);
    }
  }
}

TEST_CASE("Facts: the evaluation date is the one given, not the dossier's", "[facts]") {
  auto c = check(DossierBuilder{}, ipz::test::date("2025-01-02"));
  CHECK(c.facts.as_of == ipz::Date{2025, 1, 2});
}

// ---------------------------------------------------------------------------
// Duplicates

TEST_CASE("Facts: a row repeating an earlier USCC counts once, with a warning naming both rows",
          "[facts][duplicates]") {
  const std::string code = ipz::test::valid_uscc("91110108MA01UQ6G1");
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 50;
  b.row_override[30] = "{name: 北京甲科技有限公司, uscc: " + code + ", sme: true, high_end_industry: 集成电路}";
  b.extra_rows = {"{name: 北京甲科技有限公司（改名）, uscc: " + code + ", sme: true, high_end_industry: 集成电路, "
                  "patents: {valid: 50, invention: 50}}"};
  auto c = check(b);
  CHECK(fact(c, "enterprise_count").count == 70);
  CHECK(fact(c, "sme_count").count == 60);
  CHECK(fact(c, "high_end_count").count == 50);
  CHECK(fact(c, "valid_patents").count == 420);
  auto dup = with_key(c.loaded.diagnostics, "dossier.duplicate_uscc");
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].severity == ipz::Severity::warning);
  CHECK(arg_of(dup[0].args, "row") == "enterprises[71]");
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[30]");
  CHECK(dup[0].where.line == ipz::test::line_of(c.text, "（改名）"));
  CHECK(c.outcome("art5.2.count") == ipz::Outcome::pass);
}

TEST_CASE("Facts: a row repeating an earlier name without USCC counts once, with a warning naming both rows",
          "[facts][duplicates]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 50;
  b.extra_rows = {"{name: " + DossierBuilder::row_name(12) + ", sme: true, high_end_industry: 集成电路}"};
  auto c = check(b);
  CHECK(fact(c, "enterprise_count").count == 70);
  auto dup = with_key(c.loaded.diagnostics, "dossier.duplicate_name");
  REQUIRE(dup.size() == 1);
  CHECK(arg_of(dup[0].args, "row") == "enterprises[71]");
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[12]");
  CHECK(arg_of(dup[0].args, "name") == DossierBuilder::row_name(12));
}

TEST_CASE("Facts: 71 roster rows with two repeats are 69 enterprises: art5.2.count fails", "[facts][duplicates][art5.2]") {
  const std::string code = ipz::test::valid_uscc("91110108MA028YXEX");
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  b.row_override[1] = "{name: 北京乙科技有限公司, uscc: " + code + ", sme: true, high_end_industry: 集成电路}";
  b.extra_rows = {"{name: 北京乙科技有限公司, uscc: " + code + ", sme: true, high_end_industry: 集成电路}",
                  "{name: " + DossierBuilder::row_name(2) + ", sme: true, high_end_industry: 集成电路}"};
  auto c = check(b);
  CHECK(fact(c, "enterprise_count").count == 69);
  CHECK(c.outcome("art5.2.count") == ipz::Outcome::fail);
  CHECK(with_key(c.loaded.diagnostics, "dossier.duplicate_uscc").size() == 1);
  CHECK(with_key(c.loaded.diagnostics, "dossier.duplicate_name").size() == 1);
}

// ---------------------------------------------------------------------------
// Patents

TEST_CASE("Facts: patents {invention, utility_model, design} are summed into valid patents", "[facts][patents]") {
  DossierBuilder b;
  b.valid_patents = 0;
  b.invention_patents = 0;
  b.row_override[1] = "{name: 北京甲科技有限公司, sme: true, high_end_industry: 集成电路, "
                      "patents: {invention: 4, utility_model: 7, design: 1}}";
  b.row_override[2] = "{name: 北京乙科技有限公司, sme: true, high_end_industry: 集成电路, patents: {utility_model: 3}}";
  auto c = check(b);
  CHECK(fact(c, "valid_patents").count == 15);
  CHECK(fact(c, "invention_patents").count == 4);
}

TEST_CASE("Facts: patents {valid, invention} are taken as given", "[facts][patents]") {
  DossierBuilder b;
  b.valid_patents = 0;
  b.invention_patents = 0;
  b.row_override[1] = "{name: 北京甲科技有限公司, sme: true, high_end_industry: 集成电路, "
                      "patents: {valid: 12, invention: 4}}";
  b.row_override[2] = "{name: 北京乙科技有限公司, sme: true, high_end_industry: 集成电路, patents: {valid: 9}}";
  auto c = check(b);
  CHECK(fact(c, "valid_patents").count == 21);
  CHECK(fact(c, "invention_patents").count == 4);
}

TEST_CASE("Facts: rows without patents count 0 patents, not missing", "[facts][patents]") {
  DossierBuilder b;
  b.valid_patents = 0;
  b.invention_patents = 0;
  auto c = check(b);
  CHECK(fact(c, "valid_patents").known);
  CHECK(fact(c, "valid_patents").count == 0);
  CHECK(c.outcome("art5.3.patents") == ipz::Outcome::fail);
}

// ---------------------------------------------------------------------------
// Industries

TEST_CASE("Facts: an old-taxonomy name (软件和信息服务) counts as high-end", "[facts][industry]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 41;
  b.row_override[60] = "{name: 北京软件科技有限公司, sme: true, high_end_industry: 软件和信息服务}";
  auto c = check(b);
  CHECK(fact(c, "high_end_count").count == 42);
  CHECK(c.facts.warnings.empty());
  CHECK(c.outcome("art5.2.high-end-share") == ipz::Outcome::pass);
}

TEST_CASE("Facts: every alias of the taxonomy counts as high-end", "[facts][industry]") {
  for (const char* alias : {"软件和信息服务", "人工智能", "新能源智能汽车", "智能装备", "节能环保", "科技服务", "新材料"}) {
    DossierBuilder b;
    b.high_end = 0;
    b.row_override[80] = std::string("{name: 北京别名科技有限公司, sme: true, high_end_industry: ") + alias + "}";
    auto c = check(b);
    INFO(alias);
    CHECK(fact(c, "high_end_count").count == 1);
    CHECK(c.facts.warnings.empty());
  }
}

TEST_CASE("Facts: an unknown industry name counts as not high-end, with a warning and suggestions",
          "[facts][industry][warnings]") {
  DossierBuilder b;
  b.high_end = 55;
  b.row_override[60] = "{name: 北京芯片科技有限公司, sme: true, high_end_industry: 人工智能芯片}";
  auto c = check(b);
  CHECK(fact(c, "high_end_count").count == 55);
  auto w = with_key(c.facts.warnings, "dossier.unknown_industry");
  REQUIRE(w.size() == 1);
  CHECK(w[0].severity == ipz::Severity::warning);
  CHECK(arg_of(w[0].args, "row").value_or("").find("60") != std::string::npos);
  CHECK(arg_of(w[0].args, "name") == "北京芯片科技有限公司");
  CHECK(arg_of(w[0].args, "value") == "人工智能芯片");
  CHECK(arg_of(w[0].args, "suggestion").value_or("").find("人工智能") != std::string::npos);
  CHECK(arg_of(w[0].args, "did_you_mean") == "\x01hint.close_names");
  CHECK(w[0].where.line == ipz::test::line_of(c.text, "人工智能芯片"));
  CHECK(c.outcome("art5.2.high-end-share") == ipz::Outcome::pass);
}

TEST_CASE("Facts: the rule set's words for \"in no high-end industry\" are not high-end, without a warning",
          "[facts][industry][not-high-end]") {
  // rules/recognition/tables/not-high-end.yaml. (Until issue 9 only none and
  // 无 were known: the others counted as unknown names, which could make a
  // clearly failing share review.)
  for (const char* word : {"none", "None", "无", "否", "/", "／", "不属于", "非高精尖", "\"-\"", "N/A", "n/a", "\"否 \"",
                           "\"\u3000无\"", "—", "不涉及", "~", "\"\""}) {
    DossierBuilder b;
    b.high_end = 79;
    b.row_override[80] = std::string("{name: 北京餐饮有限公司, sme: true, high_end_industry: ") + word + "}";
    auto c = check(b);
    INFO(word);
    INFO(ipz::test::shown(c.facts.warnings));
    CHECK(fact(c, "high_end_count").count == 79);
    CHECK(fact(c, "high_end_unknown_count").count == 0);
    CHECK(c.facts.warnings.empty());
  }
}

TEST_CASE("Facts: a not-high-end word in a roster CSV is not high-end either", "[facts][industry][not-high-end][csv]") {
  ipz::Dossier d;
  d.file = "d.yaml";
  ipz::Diagnostics diags;
  ipz::read_roster_csv("name,sme,high_end_industry\n甲公司,是,否\n乙公司,是,集成电路\n丙公司,是,/\n", "r.csv",
                       d.enterprises, diags);
  REQUIRE(d.enterprises.size() == 3);
  auto facts = ipz::derive_facts(d, ipz::test::date("2024-03-31"), ipz::test::shipped_rules());
  CHECK(facts.values.at("high_end_count").count == 1);
  CHECK(facts.values.at("high_end_unknown_count").count == 0);
  CHECK(facts.warnings.empty());
}

TEST_CASE("Facts: an unknown industry name with nothing close has no suggestions", "[facts][industry][warnings]") {
  DossierBuilder b;
  b.row_override[70] = "{name: 北京餐饮有限公司, sme: true, high_end_industry: 餐饮}";
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.unknown_industry");
  REQUIRE(w.size() == 1);
  CHECK(arg_of(w[0].args, "suggestion") == "");
  CHECK(arg_of(w[0].args, "did_you_mean") == "\x01hint.none");
}

TEST_CASE("Facts: a duplicate row's unknown industry is not counted again", "[facts][industry][duplicates]") {
  DossierBuilder b;
  b.row_override[70] = "{name: 北京餐饮有限公司, sme: true, high_end_industry: 集成电路}";
  b.extra_rows = {"{name: 北京餐饮有限公司, sme: true, high_end_industry: 餐饮}"};
  auto c = check(b);
  CHECK(fact(c, "enterprise_count").count == 80);
  CHECK(fact(c, "high_end_count").count == 57);
}

// ---------------------------------------------------------------------------
// Missing data

TEST_CASE("Facts: a row without sme makes sme_count and sme_share missing, naming the row", "[facts][missing]") {
  DossierBuilder b;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";
  auto c = check(b);
  const FactValue& share = fact(c, "sme_share");
  CHECK_FALSE(share.known);
  CHECK(share.missing == std::vector<std::string>{"enterprises[5].sme"});
  CHECK_FALSE(fact(c, "sme_count").known);
  CHECK(fact(c, "enterprise_count").known);
}

TEST_CASE("Facts: many rows without sme are named up to three, then counted", "[facts][missing]") {
  DossierBuilder b;
  for (int row : {2, 4, 6, 8, 10}) b.row_override[row] = "{name: 北京无标记" + std::to_string(row) + "有限公司, high_end_industry: none}";
  auto c = check(b);
  CHECK(fact(c, "sme_share").missing ==
        std::vector<std::string>{"enterprises[2].sme", "enterprises[4].sme", "enterprises[6].sme", "(+2)"});
}

TEST_CASE("Facts: a row without high_end_industry makes the high-end facts missing", "[facts][missing]") {
  DossierBuilder b;
  b.row_override[9] = "{name: 北京无行业科技有限公司, sme: true}";
  auto c = check(b);
  CHECK_FALSE(fact(c, "high_end_share").known);
  CHECK(fact(c, "high_end_share").missing == std::vector<std::string>{"enterprises[9].high_end_industry"});
  CHECK(fact(c, "sme_share").known);
}

TEST_CASE("Facts: without operator.credit the credit facts are missing, naming operator.credit", "[facts][missing]") {
  DossierBuilder b;
  b.credit = false;
  auto c = check(b);
  for (const char* name : {"operator.credit.credit_china_bad_records", "operator.credit.dishonest_debtor",
                           "operator.credit.administrative_penalties"}) {
    INFO(name);
    CHECK_FALSE(fact(c, name).known);
    CHECK(fact(c, name).missing == std::vector<std::string>{"operator.credit"});
  }
}

TEST_CASE("Facts: within operator.credit, an absent field is missing by its own path", "[facts][missing]") {
  DossierBuilder b;
  b.penalties_key = false;
  auto c = check(b);
  CHECK(fact(c, "operator.credit.dishonest_debtor").known);
  CHECK(fact(c, "operator.credit.administrative_penalties").missing ==
        std::vector<std::string>{"operator.credit.administrative_penalties"});
}

TEST_CASE("Facts: without operator.evidence every part is missing, with it an absent part is an empty list",
          "[facts][missing]") {
  DossierBuilder none;
  none.evidence = false;
  auto c = check(none);
  CHECK_FALSE(fact(c, "operator.evidence.funding").known);
  CHECK(fact(c, "operator.evidence.funding").missing == std::vector<std::string>{"operator.evidence"});
  DossierBuilder partial;
  partial.evidence_parts.erase(partial.evidence_parts.begin() + 2);  // funding
  auto p = check(partial);
  CHECK(fact(p, "operator.evidence.funding").known);
  CHECK(fact(p, "operator.evidence.funding").texts.empty());
  CHECK(fact(p, "operator.evidence.planning").texts.size() == 1);
}

TEST_CASE("Facts: without documents the documents facts are missing, an absent document is empty", "[facts][missing]") {
  DossierBuilder none;
  none.documents = false;
  auto c = check(none);
  CHECK(fact(c, "documents.work_plan").missing == std::vector<std::string>{"documents"});
  DossierBuilder partial;
  partial.work_plan.reset();
  auto p = check(partial);
  CHECK(fact(p, "documents.work_plan").known);
  CHECK(fact(p, "documents.work_plan").text.empty());
}

TEST_CASE("Facts: an absent history is no events, absent relaxation grounds are none", "[facts]") {
  DossierBuilder b;
  auto text = b.yaml();
  text.replace(text.find("history: []\n"), 12, "");
  auto c = ipz::test::check_text(text);
  for (const char* name : {"history.fraud_finding", "history.termination", "history.fund_fraud"}) {
    INFO(name);
    CHECK(fact(c, name).known);
    CHECK(fact(c, name).dates.empty());
  }
  CHECK(fact(c, "zone.relaxation_grounds").known);
  CHECK(fact(c, "zone.relaxation_grounds").texts.empty());
}

TEST_CASE("Facts: history events are sorted into their kinds", "[facts]") {
  DossierBuilder b;
  b.history = {{"fraud_finding", "2010-01-01"}, {"termination", "2011-02-02"}, {"fund_fraud", "2012-03-03"},
               {"termination", "2013-04-04"}};
  auto c = check(b);
  CHECK(fact(c, "history.fraud_finding").dates == std::vector<ipz::Date>{{2010, 1, 1}});
  CHECK(fact(c, "history.termination").dates == std::vector<ipz::Date>{{2011, 2, 2}, {2013, 4, 4}});
  CHECK(fact(c, "history.fund_fraud").dates == std::vector<ipz::Date>{{2012, 3, 3}});
}

TEST_CASE("Facts: a cancellation and a change are each their own kind, never counted as another",
          "[facts][history]") {
  // (Until issue 9 any event that was neither fraud_finding nor termination
  // counted as fund_fraud.)
  DossierBuilder b;
  b.history = {{"cancellation", "2022-01-10"}, {"change, kind: merger, filed: 2023-05-20", "2023-05-01"}};
  auto c = check(b);
  CHECK(fact(c, "history.cancellation").dates == std::vector<ipz::Date>{{2022, 1, 10}});
  CHECK(fact(c, "history.fund_fraud").dates.empty());
  CHECK(fact(c, "history.termination").dates.empty());
  CHECK(fact(c, "history.fraud_finding").dates.empty());
  REQUIRE(fact(c, "history.change").texts.size() == 1);
  CHECK(c.facts.warnings.empty());
  CHECK(c.outcome("art8.fraud-ban") == ipz::Outcome::review);
  CHECK(c.outcome("art13.funds-ban") == ipz::Outcome::pass);
  CHECK(c.outcome("art14.changes") == ipz::Outcome::pass);
}

TEST_CASE("Facts: a change not filed is a warning naming it, at the event", "[facts][history][warnings]") {
  DossierBuilder b;
  b.history = {{"change, kind: rename", "2023-08-01"}};
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.change_not_filed");
  REQUIRE(w.size() == 1);
  CHECK(w[0].where.line == ipz::test::line_of(c.text, "kind: rename"));
  CHECK(ipz::builtin_catalogue().render(w[0].key, w[0].args, ipz::Lang::en) ==
        "history[1]: the change of name of 2023-08-01 has no filing date (filed): Art. 14 requires a change of "
        "the operating unit to be filed with the Beijing Intellectual Property Office without delay");
  CHECK(ipz::builtin_catalogue().render(w[0].key, w[0].args, ipz::Lang::zh) ==
        "history[1]：2023-08-01 的名称变更未填写备案日期（filed）：第十四条要求运营单位的变化及时向北京市知识产权局备案");
  CHECK(c.outcome("art14.changes") == ipz::Outcome::pass);
  CHECK(c.evaluation.verdict == ipz::Verdict::eligible);
}

TEST_CASE("Facts: the sanctions of every entrusted agency are gathered", "[facts]") {
  DossierBuilder b;
  b.agency_sanctions = {"2015-01-01", "2016-02-02"};
  auto c = check(b);
  CHECK(fact(c, "operator.service_agencies.sanctions").dates.size() == 2);
  DossierBuilder none;
  none.service_agencies = false;
  CHECK_FALSE(fact(check(none), "operator.service_agencies.sanctions").known);
}

// ---------------------------------------------------------------------------
// Declared totals and dates after as_of

TEST_CASE("Facts: declared totals that disagree with the roster are dossier.declared_mismatch warnings",
          "[facts][declared][warnings]") {
  DossierBuilder b;
  b.declared = "{enterprise_count: 85, sme_count: 70, high_end_count: 52, valid_patents: 410, invention_patents: 165}";
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.declared_mismatch");
  REQUIRE(w.size() == 3);
  std::set<std::string> what;
  for (const auto& d : w) {
    CHECK(d.severity == ipz::Severity::warning);
    CHECK(d.where.line == ipz::test::line_of(c.text, "declared:"));
    what.insert(arg_of(d.args, "what").value_or(""));
  }
  CHECK(what == std::set<std::string>{"enterprise_count", "high_end_count", "valid_patents"});
  CHECK(arg_of(w[0].args, "declared") == "85");
  CHECK(arg_of(w[0].args, "roster") == "80");
  // the roster wins
  CHECK(fact(c, "enterprise_count").count == 80);
  CHECK(c.evaluation.verdict == ipz::Verdict::eligible);
}

TEST_CASE("Facts: declared totals that agree with the roster raise nothing", "[facts][declared]") {
  DossierBuilder b;
  b.declared = "{enterprise_count: 80, sme_count: 70, high_end_count: 56, valid_patents: 420, invention_patents: 165}";
  CHECK(check(b).facts.warnings.empty());
}

TEST_CASE("Facts: a date after as_of raises dossier.date_after_as_of and is not counted", "[facts][dates][warnings]") {
  DossierBuilder b;
  b.penalties = {"2024-04-01"};
  b.history = {{"fraud_finding", "2025-01-01"}};
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 2);
  CHECK(arg_of(w[0].args, "path") == "operator.credit.administrative_penalties");
  CHECK(arg_of(w[1].args, "path") == "history");
  CHECK(c.outcome("art6.4.credit") == ipz::Outcome::pass);
  CHECK(c.outcome("art8.fraud-ban") == ipz::Outcome::pass);
}

TEST_CASE("Facts: a date on as_of itself is not after it", "[facts][dates][boundary]") {
  DossierBuilder b;
  b.history = {{"termination", "2024-03-31"}};
  auto c = check(b);
  CHECK(with_key(c.facts.warnings, "dossier.date_after_as_of").empty());
  CHECK(c.outcome("art11.4.termination-ban") == ipz::Outcome::fail);
}

TEST_CASE("Facts: ip_services_since after as_of is warned about", "[facts][dates][warnings]") {
  DossierBuilder b;
  b.ip_services_since = "2024-04-01";
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 1);
  CHECK(arg_of(w[0].args, "path") == "operator.ip_services_since");
}

TEST_CASE("Facts: a zone_operating_since after as_of is warned about at its line and column",
          "[facts][dates][warnings]") {
  // derive_facts reports it at {file, 0, 0} (the file as a whole): the
  // Operator does not keep where the date was written, so the warning has no
  // line:column for an editor to jump to, unlike every other dated warning.
  DossierBuilder b;
  b.zone_operating_since = "2024-06-01";
  auto c = check(b);
  auto w = with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 1);
  CHECK(w[0].where.line == ipz::test::line_of(c.text, "zone_operating_since"));
  CHECK(w[0].where.column > 0);
}

// ---------------------------------------------------------------------------
// The SME size standard, by the national industry classification (GB/T 4754-2017)

namespace {

// The base dossier with row 80 replaced by one that gives size figures.
ipz::test::Checked with_size_row(const std::string& row) {
  DossierBuilder b;
  b.row_override[80] = row;
  return check(b);
}

std::string rendered(const ipz::Diagnostic& d, ipz::Lang lang) {
  return ipz::builtin_catalogue().render(d.key, d.args, lang);
}

}  // namespace

TEST_CASE("SME standard: a section, a division and a code with its letter name the same sector", "[facts][sme]") {
  const ipz::SmeStandard& s = *ipz::test::shipped_rules().sme_standard;
  for (const char* text : {"制造业", "C", "c", " 39 ", "C39", "3911", "39 计算机、通信和其他电子设备制造业", "Manufacturing", "工业",
                           "industry"}) {
    INFO(text);
    auto found = s.lookup(text);
    CHECK(found.known);
    REQUIRE(found.candidates.size() == 1);
    CHECK(found.candidates[0]->id == "industry");
  }
  auto i = s.lookup("信息传输、软件和信息技术服务业");
  REQUIRE(i.candidates.size() == 2);
  CHECK(i.candidates[0]->id == "information_transmission");
  CHECK(i.candidates[1]->id == "software_it_services");
  CHECK(s.lookup("K").candidates.size() == 3);
  CHECK(s.lookup("591").candidates.at(0)->id == "transport");
  CHECK(s.lookup("5920").candidates.at(0)->id == "warehousing");
  CHECK(s.lookup("J").known);
  CHECK(s.lookup("J").candidates.empty());
  CHECK_FALSE(s.lookup("D39").known);  // 39 is in section C
  CHECK_FALSE(s.lookup("宇宙航行业").known);
  CHECK(s.lookup("宇宙航行业").candidates.size() == s.sectors.size());
  CHECK(s.sectors.size() == 16);
}

TEST_CASE("SME standard: 科学研究和技术服务业 is 其他未列明行业, with no warning", "[facts][sme]") {
  auto c = with_size_row("{name: 北京测试研究院有限公司, sector: 科学研究和技术服务业, employees: 320, high_end_industry: none}");
  INFO(ipz::test::shown(c.facts.warnings));
  CHECK(c.facts.warnings.empty());
  REQUIRE(c.facts.roster.size() == 80);
  CHECK(c.facts.roster[79].sme == false);
  CHECK(fact(c, "sme_count").count == 70);  // rows 1-70 as declared; row 80 is not one
}

TEST_CASE("SME standard: a software row with 300 employees and no revenue asks for the revenue", "[facts][sme]") {
  auto c = with_size_row("{name: 北京测试软件有限公司, sector: \"65\", employees: 300, high_end_industry: none}");
  const FactValue& share = fact(c, "sme_share");
  CHECK_FALSE(share.known);
  REQUIRE(share.missing.size() == 1);
  CHECK(share.missing[0] == "enterprises[80].revenue_10k_yuan");
  CHECK(c.outcome("art5.2.sme-share") == ipz::Outcome::missing);
}

TEST_CASE("SME standard: sectors that disagree make the row missing, the warning names it, its figures and the sectors",
          "[facts][sme][warnings]") {
  const std::string uscc = ipz::test::valid_uscc("91110108MA01ABCD1");
  auto c = with_size_row("{name: 北京测试信息有限公司, uscc: " + uscc +
                         ", sector: 信息传输、软件和信息技术服务业, employees: 350, revenue_10k_yuan: 20000, high_end_industry: none}");
  CHECK(fact(c, "sme_share").missing == std::vector<std::string>{"enterprises[80].sector"});
  auto w = with_key(c.facts.warnings, "dossier.sme_sectors_disagree");
  REQUIRE(w.size() == 1);
  const std::string zh = rendered(w[0], ipz::Lang::zh), en = rendered(w[0], ipz::Lang::en);
  INFO(zh << "\n" << en);
  for (const std::string& part : {std::string("enterprises[80]"), std::string("北京测试信息有限公司"), uscc,
                                  std::string("从业人员 350 人"), std::string("营业收入 20000 万元"), std::string("按信息传输业为中小企业"),
                                  std::string("按软件和信息技术服务业不是"), std::string("大类")})
    CHECK(zh.find(part) != std::string::npos);
  for (const std::string& part : {std::string("350 employees"), std::string("revenue 20000"),
                                  std::string("an SME as information transmission"),
                                  std::string("not as software and information technology services"), std::string("division")})
    CHECK(en.find(part) != std::string::npos);
  CHECK(zh.find('-') == std::string::npos);
  CHECK(w[0].where.line == ipz::test::line_of(c.text, "北京测试信息有限公司"));
}

TEST_CASE("SME standard: no sector and figures that disagree ask for the sector", "[facts][sme][warnings]") {
  auto c = with_size_row("{name: 北京无行业有限公司, employees: 350, revenue_10k_yuan: 100, high_end_industry: none}");
  CHECK(fact(c, "sme_share").missing == std::vector<std::string>{"enterprises[80].sector"});
  auto w = with_key(c.facts.warnings, "dossier.sme_sectors_disagree");
  REQUIRE(w.size() == 1);
  const std::string zh = rendered(w[0], ipz::Lang::zh);
  INFO(zh);
  CHECK(zh.find("未填所属行业") != std::string::npos);
  CHECK(zh.find("其他未列明行业不是") != std::string::npos);
}

TEST_CASE("SME standard: an unknown sector is warned about with close names, and classified under every sector",
          "[facts][sme][warnings]") {
  auto c = with_size_row("{name: 北京测试制造有限公司, sector: 制造, employees: 5, revenue_10k_yuan: 10, assets_10k_yuan: 10, "
                         "high_end_industry: none}");
  auto w = with_key(c.facts.warnings, "dossier.sector_unknown");
  REQUIRE(w.size() == 1);
  CHECK(arg_of(w[0].args, "suggestion").value_or("").find("制造业") != std::string::npos);
  CHECK(c.facts.roster[79].sme == true);  // an SME under all 16
  CHECK(fact(c, "sme_count").count == 71);
}

TEST_CASE("SME standard: 金融业 is for review, with the reason; counted as an SME it would decide", "[facts][sme][review]") {
  DossierBuilder b;
  b.smes = 63;  // rows 1-63; row 80 for review makes 64 of 80
  b.row_override[80] = "{name: 北京测试银行有限公司, sector: 金融业, employees: 50, high_end_industry: none}";
  auto c = check(b);
  CHECK(fact(c, "sme_review_count").count == 1);
  CHECK(fact(c, "sme_share").count == 63);
  CHECK(fact(c, "sme_share_with_review").count == 64);
  auto w = with_key(c.facts.warnings, "dossier.sector_not_covered");
  REQUIRE(w.size() == 1);
  CHECK(rendered(w[0], ipz::Lang::zh).find("金融业企业划型标准规定") != std::string::npos);
  CHECK(c.outcome("art5.2.sme-share") == ipz::Outcome::review);
}

TEST_CASE("SME standard: the detail of a row classified under several sectors says so", "[facts][sme][detail]") {
  auto c = with_size_row("{name: 北京测试住宿有限公司, sector: H, employees: 299, revenue_10k_yuan: 20000, high_end_industry: none}");
  const ipz::RosterRow& row = c.facts.roster[79];
  CHECK(row.sme == true);
  CHECK(row.sme_reason_key == "detail.sme_every");
  CHECK(ipz::builtin_catalogue().render(row.sme_reason_key, row.sme_reason, ipz::Lang::en) ==
        "below a ceiling as each of the 2 sectors it may be");
}
