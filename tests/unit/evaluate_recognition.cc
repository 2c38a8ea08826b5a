// Unit tests for evaluate/: the recognition rule set applied to dossiers that
// pass every rule but one thing, on each side of each boundary of the
// Measures, and how outcomes combine into a verdict.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "dossier_builder.h"

using ipz::Outcome;
using ipz::Verdict;
using ipz::test::check;
using ipz::test::date;
using ipz::test::DossierBuilder;

namespace {

// The three grounds of Art. 5(2), each with its evidence.
const char* const kAllGrounds =
    "{high_concentration: [产业集聚度分析.pdf], distinctive_model: [特色发展模式说明.pdf], ip_work_plan: [知识产权工作规划.pdf]}";

// The labels of the parts that failed, in English, joined by "; ".
std::string failed_labels(const ipz::RuleResult& r) {
  std::string out;
  for (const ipz::Condition* c : r.failed) out += (out.empty() ? "" : "; ") + c->label.en;
  return out;
}

bool has_missing(const ipz::RuleResult& r, const std::string& field) {
  return std::find(r.missing.begin(), r.missing.end(), field) != r.missing.end();
}

}  // namespace

// ---------------------------------------------------------------------------
// The base dossier

TEST_CASE("The base dossier passes every rule of the recognition set and is eligible", "[evaluate][base]") {
  auto c = check(DossierBuilder{});
  INFO(ipz::test::shown(c.diagnostics()));
  CHECK(c.diagnostics().empty());
  REQUIRE(c.evaluation.results.size() >= 16);
  for (const auto& r : c.evaluation.results) {
    INFO(r.rule->id);
    CHECK(r.outcome == Outcome::pass);
    CHECK(r.missing.empty());
  }
  CHECK(c.evaluation.verdict == Verdict::eligible);
}

TEST_CASE("Results come in rule set order, one per rule", "[evaluate][base]") {
  auto c = check(DossierBuilder{});
  std::vector<std::string> ids;
  for (const auto& r : c.evaluation.results)
    if (r.rule->id.rfind("art", 0) == 0) ids.push_back(r.rule->id);
  // (the rules of DESIGN.md, in the order of the Measures; others may come between)
  std::vector<std::string> design = {"art4.applicant", "art5.1.carrier", "art5.2.count", "art5.2.sme-share",
                                        "art5.2.high-end-share", "art5.3.patents", "art5.4.services",
                                        "art6.legal-person", "art6.1.operation", "art6.2.services", "art6.3.effect",
                                        "art6.4.credit", "art7.documents", "art8.fraud-ban",
                                        "art11.4.termination-ban", "art13.funds-ban"};
  std::vector<std::string> shipped_design_ids;
  for (const auto& id : ids)
    if (std::find(design.begin(), design.end(), id) != design.end()) shipped_design_ids.push_back(id);
  CHECK(shipped_design_ids == design);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("Every result carries the evaluation date as {as_of}", "[evaluate][base]") {
  auto c = check(DossierBuilder{}, date("2024-05-06"));
  for (const auto& r : c.evaluation.results) CHECK(ipz::test::arg_of(r.args, "as_of") == "2024-05-06");
}

// ---------------------------------------------------------------------------
// Art. 4

TEST_CASE("Art. 4: an applicant that is not the actual operating unit fails", "[art4]") {
  DossierBuilder b;
  b.actual_operator = "false";
  auto c = check(b);
  CHECK(c.outcome("art4.applicant") == Outcome::fail);
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 4: without operator.actual_operator the rule is missing and names the field", "[art4][missing]") {
  DossierBuilder b;
  b.actual_operator.reset();
  auto c = check(b);
  CHECK(c.outcome("art4.applicant") == Outcome::missing);
  CHECK(has_missing(c.result("art4.applicant"), "operator.actual_operator"));
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

// ---------------------------------------------------------------------------
// Art. 5(1)

TEST_CASE("Art. 5(1): a district outside Beijing fails", "[art5.1][boundary]") {
  DossierBuilder b;
  b.district = "天津市滨海新区";
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::fail);
  CHECK(failed_labels(c.result("art5.1.carrier")) == "set up in Beijing");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(1): the Beijing Economic-Technological Development Area and its alias 亦庄 pass", "[art5.1][boundary]") {
  for (const char* district : {"北京经济技术开发区", "亦庄", "经开区", "北京亦庄", "延庆区", "东城区"}) {
    DossierBuilder b;
    b.district = district;
    INFO(district);
    CHECK(check(b).outcome("art5.1.carrier") == Outcome::pass);
  }
}

TEST_CASE("Art. 5(1): a district as people write it is the district (tables/districts.yaml, normalise)",
          "[art5.1][boundary][places]") {
  // (Until issue 9, "海淀" failed: only the table's exact names counted.)
  const std::pair<const char*, const char*> spellings[] = {
      {"海淀", "海淀区"},          {"北京市海淀区", "海淀区"},   {"北京海淀", "海淀区"},
      {"\"海淀区 \"", "海淀区"},   {"\"\u3000海淀区\u3000\"", "海淀区"},
      {"Haidian", "海淀区"},       {"haidian qu", "海淀区"},   {"Haidian District", "海淀区"},
      {"Beijing Haidian District", "海淀区"}, {"SHIJINGSHAN", "石景山区"}, {"中关村科学城", "海淀区"},
      {"未来科学城", "昌平区"},    {"北京经开区", "北京经济技术开发区"}, {"Beijing E-Town", "北京经济技术开发区"},
      {"北京市北京经济技术开发区", "北京经济技术开发区"}};
  for (auto [written, entry] : spellings) {
    DossierBuilder b;
    b.district = written;
    INFO(written);
    auto c = check(b);
    CHECK(c.outcome("art5.1.carrier") == Outcome::pass);
    CHECK(c.arg("art5.1.carrier", "zone.district.entry") == entry);
  }
}

TEST_CASE("Art. 5(1): a name that stands for no one district fails", "[art5.1][boundary][places]") {
  for (const char* district : {"中关村", "怀柔科学城", "北京", "北京市", "海定区", "天津市滨海新区", "亦庄区区"}) {
    DossierBuilder b;
    b.district = district;
    INFO(district);
    CHECK(check(b).outcome("art5.1.carrier") == Outcome::fail);
  }
}

TEST_CASE("Art. 5(1): every listed kind of carrier passes", "[art5.1]") {
  for (const char* carrier :
       {"industrial_park", "science_park", "incubator", "maker_space", "hackerspace", "alliance", "association"}) {
    DossierBuilder b;
    b.carrier_type = carrier;
    INFO(carrier);
    CHECK(check(b).outcome("art5.1.carrier") == Outcome::pass);
  }
}

TEST_CASE("Art. 5(1): carrier_type other (等, a similar carrier) is review, not fail", "[art5.1][review]") {
  DossierBuilder b;
  b.carrier_type = "other";
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::review);
  CHECK(failed_labels(c.result("art5.1.carrier")) == "a carrier of a listed kind");
  CHECK(c.evaluation.verdict == Verdict::needs_review);
}

TEST_CASE("Art. 5(1): an industry direction outside the taxonomy is review and named", "[art5.1][review]") {
  DossierBuilder b;
  b.industry_directions = "[新一代信息技术, 文化旅游]";
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::review);
  CHECK(c.arg("art5.1.carrier", "zone.industry_directions.items") == "文化旅游");
  CHECK(c.evaluation.verdict == Verdict::needs_review);
}

TEST_CASE("Art. 5(1): an older direction name (an alias of the taxonomy) passes", "[art5.1]") {
  DossierBuilder b;
  b.industry_directions = "[软件和信息服务, 智能装备]";
  CHECK(check(b).outcome("art5.1.carrier") == Outcome::pass);
}

TEST_CASE("Art. 5(1): no industry direction stated fails", "[art5.1]") {
  DossierBuilder b;
  b.industry_directions = "[]";
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::fail);
  CHECK(failed_labels(c.result("art5.1.carrier")) == "industry directions stated");
}

TEST_CASE("Art. 5(1): without zone.industry_directions the rule is missing", "[art5.1][missing]") {
  DossierBuilder b;
  b.industry_directions.reset();
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::missing);
  CHECK(has_missing(c.result("art5.1.carrier"), "zone.industry_directions"));
}

TEST_CASE("Art. 5(1): a district outside Beijing fails even when the carrier is for review", "[art5.1][verdict]") {
  DossierBuilder b;
  b.district = "河北省廊坊市";
  b.carrier_type = "other";
  auto c = check(b);
  CHECK(c.outcome("art5.1.carrier") == Outcome::fail);
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

// ---------------------------------------------------------------------------
// Art. 5(2): count

TEST_CASE("Art. 5(2): 70 enterprises (不少于70家 includes 70) pass", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 50;
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::pass);
  CHECK(c.arg("art5.2.count", "enterprise_count") == "70");
  CHECK(c.evaluation.verdict == Verdict::eligible);
}

TEST_CASE("Art. 5(2): 69 enterprises without relaxation grounds fail, 1 short", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::fail);
  CHECK(c.arg("art5.2.count", "enterprise_count.need") == "1");
  CHECK(c.arg("art5.2.count", "min_enterprises") == "70");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(2): 69 enterprises with all three relaxation grounds is review", "[art5.2][boundary][review]") {
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  b.relaxation_grounds = kAllGrounds;
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::review);
  CHECK(c.arg("art5.2.count", "enterprise_count.need") == "1");
  CHECK(c.evaluation.verdict == Verdict::needs_review);
}

TEST_CASE("Art. 5(2): 69 enterprises with two of the three relaxation grounds fail and name the third",
          "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  b.relaxation_grounds = "{high_concentration: [a.pdf], ip_work_plan: [b.pdf]}";
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::fail);
  CHECK(c.arg("art5.2.count", "zone.relaxation_grounds.items") == "distinctive_model");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(2): a ground stated without evidence does not count: missing, naming it, not fail",
          "[art5.2][relaxation][missing]") {
  DossierBuilder b;
  b.enterprises = 12;
  b.smes = 12;
  b.high_end = 12;
  b.relaxation_grounds = "{high_concentration: [a.pdf], distinctive_model: [], ip_work_plan: [c.pdf]}";
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::missing);
  CHECK(c.result("art5.2.count").missing == std::vector<std::string>{"zone.relaxation_grounds.distinctive_model"});
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 5(2): format 1's plain list of grounds loads, with a warning, and is missing, not review",
          "[art5.2][relaxation][missing][format1]") {
  DossierBuilder b;
  b.enterprises = 12;
  b.smes = 12;
  b.high_end = 12;
  b.relaxation_grounds = "[high_concentration, distinctive_model, ip_work_plan]";
  auto c = check(b);
  REQUIRE(c.loaded.dossier);
  CHECK(ipz::test::with_key(c.loaded.diagnostics, "dossier.relaxation_grounds_without_evidence").size() == 1);
  CHECK(c.outcome("art5.2.count") == Outcome::missing);
  CHECK(c.result("art5.2.count").missing.size() == 3);
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 5(2): relaxation grounds do not matter at 70 or more", "[art5.2]") {
  DossierBuilder b;
  b.relaxation_grounds = kAllGrounds;
  CHECK(check(b).outcome("art5.2.count") == Outcome::pass);
}

TEST_CASE("Art. 5(2): a zone far below 70 with all three grounds is still review, not fail", "[art5.2][review]") {
  DossierBuilder b;
  b.enterprises = 10;
  b.smes = 10;
  b.high_end = 10;
  b.relaxation_grounds = kAllGrounds;
  auto c = check(b);
  CHECK(c.outcome("art5.2.count") == Outcome::review);
  CHECK(c.arg("art5.2.count", "enterprise_count.need") == "60");
  CHECK(c.arg("art5.2.count", "enterprise_count.need_percent") == "86");  // 60 of 70 short
}

// ---------------------------------------------------------------------------
// Art. 5(2): SME share

TEST_CASE("Art. 5(2): SMEs exactly 80 % (56/70) pass", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 56;
  b.high_end = 50;
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::pass);
  CHECK(c.arg("art5.2.sme-share", "sme_share") == "80.0% (56/70)");
}

TEST_CASE("Art. 5(2): SMEs exactly 80 % (64/80) pass", "[art5.2][boundary]") {
  DossierBuilder b;
  b.smes = 64;
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::pass);
  CHECK(c.evaluation.verdict == Verdict::eligible);
}

TEST_CASE("Art. 5(2): SMEs one under 80 % (55/70) fail", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 55;
  b.high_end = 50;
  CHECK(check(b).outcome("art5.2.sme-share") == Outcome::fail);
}

TEST_CASE("Art. 5(2): SMEs 79 % (79/100) fail: 1 more current or 5 more new SMEs", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 100;
  b.smes = 79;
  b.high_end = 70;
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::fail);
  CHECK(c.arg("art5.2.sme-share", "sme_share") == "79.0% (79/100)");
  CHECK(c.arg("art5.2.sme-share", "sme_share.bound") == "80%");
  CHECK(c.arg("art5.2.sme-share", "sme_share.need") == "1");
  CHECK(c.arg("art5.2.sme-share", "sme_share.need_add") == "5");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(2): a failing share just under 80 % never shows as 80.0 %", "[art5.2][boundary]") {
  // 319/399 = 79.95 %: rounded half up it would read 80.0 %.
  DossierBuilder b;
  b.enterprises = 399;
  b.smes = 319;
  b.high_end = 300;
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::fail);
  CHECK(c.arg("art5.2.sme-share", "sme_share") == "79.9% (319/399)");
}

TEST_CASE("Art. 5(2): a row without sme makes the SME share missing, naming the row", "[art5.2][missing]") {
  DossierBuilder b;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::missing);
  CHECK(c.result("art5.2.sme-share").missing == std::vector<std::string>{"enterprises[5].sme"});
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 5(2): a missing SME flag does not hide an SME share that fails elsewhere", "[art5.2][verdict]") {
  // missing sme -> incomplete; with a failing count as well -> ineligible.
  DossierBuilder b;
  b.enterprises = 60;
  b.smes = 55;
  b.high_end = 50;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::missing);
  CHECK(c.outcome("art5.2.count") == Outcome::fail);
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

// ---------------------------------------------------------------------------
// Art. 5(2): high-end share

TEST_CASE("Art. 5(2): high-end exactly 60 % (42/70) passes", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 42;
  auto c = check(b);
  CHECK(c.outcome("art5.2.high-end-share") == Outcome::pass);
  CHECK(c.arg("art5.2.high-end-share", "high_end_share") == "60.0% (42/70)");
}

TEST_CASE("Art. 5(2): high-end exactly 60 % (48/80) passes", "[art5.2][boundary]") {
  DossierBuilder b;
  b.high_end = 48;
  CHECK(check(b).outcome("art5.2.high-end-share") == Outcome::pass);
}

TEST_CASE("Art. 5(2): high-end 59 % (59/100) fails: 1 more current or 3 more new", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 100;
  b.smes = 90;
  b.high_end = 59;
  auto c = check(b);
  CHECK(c.outcome("art5.2.high-end-share") == Outcome::fail);
  CHECK(c.arg("art5.2.high-end-share", "high_end_share") == "59.0% (59/100)");
  CHECK(c.arg("art5.2.high-end-share", "high_end_share.need") == "1");
  // 60/101 = 59.4 %, 61/102 = 59.8 %, 62/103 = 60.19 %: 3 more.
  CHECK(c.arg("art5.2.high-end-share", "high_end_share.need_add") == "3");
}

TEST_CASE("Art. 5(2): high-end 55.3 % (47/85) fails: 4 more current or 10 more new", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 85;
  b.smes = 75;
  b.high_end = 47;
  auto c = check(b);
  CHECK(c.outcome("art5.2.high-end-share") == Outcome::fail);
  CHECK(c.arg("art5.2.high-end-share", "high_end_share") == "55.3% (47/85)");
  CHECK(c.arg("art5.2.high-end-share", "high_end_share.need") == "4");
  CHECK(c.arg("art5.2.high-end-share", "high_end_share.need_add") == "10");
}

TEST_CASE("Art. 5(2): an enterprise with high_end_industry none is not high-end", "[art5.2]") {
  DossierBuilder b;
  b.enterprises = 70;
  b.smes = 60;
  b.high_end = 42;
  b.row_override[1] = "{name: 北京甲科技有限公司, sme: true, high_end_industry: 无}";
  CHECK(check(b).outcome("art5.2.high-end-share") == Outcome::fail);
}

TEST_CASE("Art. 5(2): a row without high_end_industry makes the share missing, naming the row",
          "[art5.2][missing]") {
  DossierBuilder b;
  b.row_override[7] = "{name: 北京无行业科技有限公司, sme: true}";
  auto c = check(b);
  CHECK(c.outcome("art5.2.high-end-share") == Outcome::missing);
  CHECK(c.result("art5.2.high-end-share").missing == std::vector<std::string>{"enterprises[7].high_end_industry"});
}

TEST_CASE("Art. 5(2): with 0 enterprises the shares fail, never pass", "[art5.2][boundary]") {
  DossierBuilder b;
  b.enterprises = 0;
  b.smes = 0;
  b.high_end = 0;
  b.relaxation_grounds = kAllGrounds;
  auto c = check(b);
  CHECK(c.outcome("art5.2.sme-share") == Outcome::fail);
  CHECK(c.outcome("art5.2.high-end-share") == Outcome::fail);
  CHECK(c.arg("art5.2.sme-share", "sme_share") == "0/0");
  CHECK(c.outcome("art5.3.patents") == Outcome::fail);
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(2): with 0 enterprises, 1 new SME would reach 80 % (need_add is 1, not 0)",
          "[art5.2][boundary]") {
  // 0/0 fails; adding one SME gives 1/1 = 100 %. The deficit computed as
  // 80 * 0 - 0 * 100 = 0 makes need_add "0": the message then says that
  // 0 more SME enterprises would meet the bound.
  DossierBuilder b;
  b.enterprises = 0;
  b.smes = 0;
  b.high_end = 0;
  auto c = check(b);
  REQUIRE(c.outcome("art5.2.sme-share") == Outcome::fail);
  CHECK(c.arg("art5.2.sme-share", "sme_share.need_add") == "1");
  CHECK(c.arg("art5.2.high-end-share", "high_end_share.need_add") == "1");
}

// ---------------------------------------------------------------------------
// Art. 5(3)

TEST_CASE("Art. 5(3): 299 valid and 149 invention patents fail, 1 short of each", "[art5.3][boundary]") {
  DossierBuilder b;
  b.valid_patents = 299;
  b.invention_patents = 149;
  auto c = check(b);
  CHECK(c.outcome("art5.3.patents") == Outcome::fail);
  CHECK(c.arg("art5.3.patents", "valid_patents.need") == "1");
  CHECK(c.arg("art5.3.patents", "invention_patents.need") == "1");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(3): 300 valid patents pass with 100 invention", "[art5.3][boundary]") {
  DossierBuilder b;
  b.valid_patents = 300;
  b.invention_patents = 100;
  CHECK(check(b).outcome("art5.3.patents") == Outcome::pass);
}

TEST_CASE("Art. 5(3): 150 invention patents pass with 299 valid", "[art5.3][boundary]") {
  DossierBuilder b;
  b.valid_patents = 299;
  b.invention_patents = 150;
  CHECK(check(b).outcome("art5.3.patents") == Outcome::pass);
}

TEST_CASE("Art. 5(3): 300 valid patents written as invention + utility model + design pass", "[art5.3][boundary]") {
  DossierBuilder b;
  b.valid_patents = 300;
  b.invention_patents = 100;
  b.patent_form = DossierBuilder::PatentForm::parts;
  auto c = check(b);
  CHECK(c.outcome("art5.3.patents") == Outcome::pass);
  CHECK(c.arg("art5.3.patents", "valid_patents") == "300");
}

TEST_CASE("Art. 5(3): 299 valid patents as parts and 149 invention fail", "[art5.3][boundary]") {
  DossierBuilder b;
  b.valid_patents = 299;
  b.invention_patents = 149;
  b.patent_form = DossierBuilder::PatentForm::parts;
  CHECK(check(b).outcome("art5.3.patents") == Outcome::fail);
}

TEST_CASE("Art. 5(3): a duplicate row's patents are not counted twice", "[art5.3][duplicates]") {
  DossierBuilder b;
  b.valid_patents = 290;
  b.invention_patents = 140;
  // repeats row 1 by name (no USCC): its 20 valid / 20 invention are not added
  b.extra_rows = {"{name: " + DossierBuilder::row_name(1) + ", sme: true, high_end_industry: 集成电路, patents: "
                  "{valid: 20, invention: 20}}"};
  auto c = check(b);
  CHECK(c.arg("art5.3.patents", "valid_patents") == "290");
  CHECK(c.outcome("art5.3.patents") == Outcome::fail);
}

// ---------------------------------------------------------------------------
// Art. 5(4)

TEST_CASE("Art. 5(4): a workstation passes with no service functions listed", "[art5.4]") {
  DossierBuilder b;
  b.ip_workstation = "true";
  b.service_functions.reset();
  CHECK(check(b).outcome("art5.4.services") == Outcome::pass);
}

TEST_CASE("Art. 5(4): a workstation passes with an empty list of functions", "[art5.4]") {
  DossierBuilder b;
  b.ip_workstation = "true";
  b.service_functions = "[]";
  CHECK(check(b).outcome("art5.4.services") == Outcome::pass);
}

TEST_CASE("Art. 5(4): all four functions without a workstation pass", "[art5.4][boundary]") {
  DossierBuilder b;
  b.ip_workstation = "false";
  CHECK(check(b).outcome("art5.4.services") == Outcome::pass);
}

TEST_CASE("Art. 5(4): 3 of 4 functions and no workstation fail, naming the fourth", "[art5.4][boundary]") {
  DossierBuilder b;
  b.ip_workstation = "false";
  b.service_functions = "[policy_publicity, training, entrusted_management]";
  auto c = check(b);
  CHECK(c.outcome("art5.4.services") == Outcome::fail);
  CHECK(c.arg("art5.4.services", "zone.service_functions.items") == "rights_protection");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 5(4): without the workstation flag and the functions the rule is missing", "[art5.4][missing]") {
  DossierBuilder b;
  b.ip_workstation.reset();
  b.service_functions.reset();
  auto c = check(b);
  CHECK(c.outcome("art5.4.services") == Outcome::missing);
  CHECK(has_missing(c.result("art5.4.services"), "zone.ip_workstation"));
  CHECK(has_missing(c.result("art5.4.services"), "zone.service_functions"));
}

TEST_CASE("Art. 5(4): all four functions pass even when the workstation flag is absent", "[art5.4]") {
  DossierBuilder b;
  b.ip_workstation.reset();
  CHECK(check(b).outcome("art5.4.services") == Outcome::pass);
}

// ---------------------------------------------------------------------------
// Art. 6 (legal person)

TEST_CASE("Art. 6: every listed legal form passes", "[art6]") {
  for (const char* form : {"enterprise", "public_institution", "social_organization", "ip_service_agency"}) {
    DossierBuilder b;
    b.legal_form = form;
    INFO(form);
    CHECK(check(b).outcome("art6.legal-person") == Outcome::pass);
  }
}

TEST_CASE("Art. 6: legal_form other (等, a similar body) is review", "[art6][review]") {
  DossierBuilder b;
  b.legal_form = "other";
  auto c = check(b);
  CHECK(c.outcome("art6.legal-person") == Outcome::review);
  CHECK(c.evaluation.verdict == Verdict::needs_review);
}

TEST_CASE("Art. 6: an operator that is not an independent legal person fails", "[art6]") {
  DossierBuilder b;
  b.independent_legal_person = "false";
  auto c = check(b);
  CHECK(c.outcome("art6.legal-person") == Outcome::fail);
  CHECK(failed_labels(c.result("art6.legal-person")) == "an independent legal person");
}

TEST_CASE("Art. 6: without operator.legal_form the rule is missing", "[art6][missing]") {
  DossierBuilder b;
  b.legal_form.reset();
  auto c = check(b);
  CHECK(c.outcome("art6.legal-person") == Outcome::missing);
  CHECK(has_missing(c.result("art6.legal-person"), "operator.legal_form"));
}

// ---------------------------------------------------------------------------
// Art. 6(1), 6(2): years of operation and of services

TEST_CASE("Art. 6(1): operating 3 years to the day (2021-03-31 -> 2024-03-31) passes", "[art6.1][boundary]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-03-31";
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::pass);
  CHECK(c.arg("art6.1.operation", "operator.zone_operating_since.years") == "3");
}

TEST_CASE("Art. 6(1): operating a day short of 3 years (2021-04-01 -> 2024-03-31) fails", "[art6.1][boundary]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-04-01";
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::fail);
  CHECK(c.arg("art6.1.operation", "operator.zone_operating_since.need") == "2024-04-01");
  CHECK(c.arg("art6.1.operation", "operator.zone_operating_since.days") == "1");
  CHECK(c.arg("art6.1.operation", "operator.zone_operating_since.years") == "2");
  CHECK(failed_labels(c.result("art6.1.operation")) == "operated for 3 years");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 6(1): 2021-03-31 judged on 2024-03-30 (--as-of) is a day short", "[art6.1][boundary]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-03-31";
  CHECK(check(b, date("2024-03-30")).outcome("art6.1.operation") == Outcome::fail);
}

TEST_CASE("Art. 6(1): 29 Feb 2020 + 3 years is 28 Feb 2023: passes on 2023-02-28", "[art6.1][boundary][leap]") {
  DossierBuilder b;
  b.zone_operating_since = "2020-02-29";
  b.ip_services_since = "2020-02-29";
  b.as_of = "2023-02-28";
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::pass);
  CHECK(c.outcome("art6.2.services") == Outcome::pass);
  // The Measures date from 2023-12-20: their first values are used, with one warning.
  CHECK(ipz::test::with_key(c.evaluation.diagnostics, "rules.before_first_value").size() == 1);
  CHECK_FALSE(ipz::has_errors(c.evaluation.diagnostics));
  CHECK(c.evaluation.verdict == Verdict::eligible);
}

TEST_CASE("Art. 6(1): 29 Feb 2020 + 3 years is 28 Feb 2023: fails on 2023-02-27", "[art6.1][boundary][leap]") {
  DossierBuilder b;
  b.zone_operating_since = "2020-02-29";
  b.ip_services_since = "2020-02-29";
  b.as_of = "2023-02-27";
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::fail);
  CHECK(c.outcome("art6.2.services") == Outcome::fail);
  CHECK(c.arg("art6.1.operation", "operator.zone_operating_since.need") == "2023-02-28");
}

TEST_CASE("Art. 6(1): 29 Feb 2024 + 3 years is 28 Feb 2027 (parameters in force): pass on the day, fail a day before",
          "[art6.1][boundary][leap]") {
  DossierBuilder b;
  b.zone_operating_since = "2024-02-29";
  auto on_the_day = check(b, date("2027-02-28"));
  CHECK(on_the_day.outcome("art6.1.operation") == Outcome::pass);
  CHECK(on_the_day.evaluation.diagnostics.empty());
  CHECK(check(b, date("2027-02-27")).outcome("art6.1.operation") == Outcome::fail);
}

TEST_CASE("Art. 6(1): an operating date after as_of fails and is warned about", "[art6.1][dates]") {
  DossierBuilder b;
  b.zone_operating_since = "2024-06-01";
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::fail);
  auto w = ipz::test::with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 1);
  CHECK(ipz::test::arg_of(w[0].args, "path") == "operator.zone_operating_since");
}

TEST_CASE("Art. 6(1): without zone_operating_since the rule is missing and names the field", "[art6.1][missing]") {
  DossierBuilder b;
  b.zone_operating_since.reset();
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::missing);
  CHECK(c.result("art6.1.operation").missing == std::vector<std::string>{"operator.zone_operating_since"});
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

// Issue 9, point 6: evidence that is not listed is data missing, wherever it is checked.
TEST_CASE("Art. 6(1): operator.evidence listed without funding is missing, naming operator.evidence.funding",
          "[art6.1][evidence][missing]") {
  DossierBuilder b;
  b.evidence_parts.erase(b.evidence_parts.begin() + 2);  // funding
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::missing);
  CHECK(c.result("art6.1.operation").missing == std::vector<std::string>{"operator.evidence.funding"});
  CHECK(failed_labels(c.result("art6.1.operation")).empty());
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 6(1): an empty evidence part is missing, like an absent one", "[art6.1][evidence][missing]") {
  DossierBuilder b;
  b.evidence_parts[1].second = "[]";  // organization
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::missing);
  CHECK(c.result("art6.1.operation").missing == std::vector<std::string>{"operator.evidence.organization"});
}

TEST_CASE("Art. 6(1): a period too short still fails when evidence is missing too", "[art6.1][evidence]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-04-01";
  b.evidence_parts[1].second = "[]";  // organization
  auto c = check(b);
  CHECK(c.outcome("art6.1.operation") == Outcome::fail);
  CHECK(failed_labels(c.result("art6.1.operation")) == "operated for 3 years");
}

TEST_CASE("Art. 6(1)-(3): without operator.evidence the rules are missing, naming operator.evidence",
          "[art6.1][missing]") {
  DossierBuilder b;
  b.evidence = false;
  auto c = check(b);
  for (const char* id : {"art6.1.operation", "art6.2.services", "art6.3.effect"}) {
    INFO(id);
    CHECK(c.outcome(id) == Outcome::missing);
    CHECK(c.result(id).missing == std::vector<std::string>{"operator.evidence"});
  }
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 6(2): IP services 3 years to the day pass, a day short fail", "[art6.2][boundary]") {
  DossierBuilder b;
  b.ip_services_since = "2021-03-31";
  CHECK(check(b).outcome("art6.2.services") == Outcome::pass);
  b.ip_services_since = "2021-04-01";
  auto c = check(b);
  CHECK(c.outcome("art6.2.services") == Outcome::fail);
  CHECK(c.outcome("art6.1.operation") == Outcome::pass);
}

TEST_CASE("Art. 6(2): no evidence of capability is missing", "[art6.2][evidence][missing]") {
  DossierBuilder b;
  b.evidence_parts[4].second = "[]";  // capability
  auto c = check(b);
  CHECK(c.outcome("art6.2.services") == Outcome::missing);
  CHECK(c.result("art6.2.services").missing == std::vector<std::string>{"operator.evidence.capability"});
}

TEST_CASE("Art. 6(3): no evidence of the effect is missing", "[art6.3][evidence][missing]") {
  DossierBuilder b;
  b.evidence_parts.erase(b.evidence_parts.begin() + 5);  // effect
  auto c = check(b);
  CHECK(c.outcome("art6.3.effect") == Outcome::missing);
  CHECK(c.result("art6.3.effect").missing == std::vector<std::string>{"operator.evidence.effect"});
  CHECK(c.outcome("art6.1.operation") == Outcome::pass);
}

TEST_CASE("Art. 7: documents listed without the work plan are missing, naming documents.work_plan",
          "[art7][documents][missing]") {
  DossierBuilder b;
  b.work_plan.reset();
  auto c = check(b);
  CHECK(c.outcome("art7.documents") == Outcome::missing);
  CHECK(c.result("art7.documents").missing == std::vector<std::string>{"documents.work_plan"});
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

// ---------------------------------------------------------------------------
// Art. 6(4): credit

TEST_CASE("Art. 6(4): an administrative penalty on 2021-04-01, inside the 3 years to as_of 2024-03-31, fails", "[art6.4][boundary]") {
  DossierBuilder b;
  b.penalties = {"2021-04-01"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(c.arg("art6.4.credit", "operator.credit.administrative_penalties.items") == "2021-04-01");
  CHECK(c.arg("art6.4.credit", "operator.credit.administrative_penalties.until") == "2024-04-01");
  CHECK(failed_labels(c.result("art6.4.credit")) == "no administrative penalty in the last 3 years");
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Art. 6(4): an administrative penalty on 2021-03-31 (exactly 3 years before as_of) passes",
          "[art6.4][boundary]") {
  DossierBuilder b;
  b.penalties = {"2021-03-31"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::pass);
  CHECK(c.facts.warnings.empty());
}

TEST_CASE("Art. 6(4): a penalty on as_of itself is inside the window", "[art6.4][boundary]") {
  DossierBuilder b;
  b.penalties = {"2024-03-31"};
  CHECK(check(b).outcome("art6.4.credit") == Outcome::fail);
}

TEST_CASE("Art. 6(4): a penalty after as_of is not counted, and dossier.date_after_as_of is raised",
          "[art6.4][boundary][dates]") {
  DossierBuilder b;
  b.penalties = {"2024-04-01"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::pass);
  auto w = ipz::test::with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 1);
  CHECK(w[0].severity == ipz::Severity::warning);
  CHECK(ipz::test::arg_of(w[0].args, "date") == "2024-04-01");
  CHECK(ipz::test::arg_of(w[0].args, "as_of") == "2024-03-31");
  CHECK(w[0].where.line == ipz::test::line_of(c.text, "2024-04-01"));
  CHECK(w[0].where.column == ipz::test::column_of(c.text, "2024-04-01"));
}

TEST_CASE("Art. 6(4): of several penalties, only those inside the window are listed", "[art6.4]") {
  DossierBuilder b;
  b.penalties = {"2023-01-05", "2019-06-01", "2022-07-08"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(c.arg("art6.4.credit", "operator.credit.administrative_penalties.items") == "2022-07-08, 2023-01-05");
  CHECK(c.arg("art6.4.credit", "operator.credit.administrative_penalties.until") == "2026-01-05");
}

TEST_CASE("Art. 6(4): a dishonest judgment debtor fails", "[art6.4]") {
  DossierBuilder b;
  b.dishonest_debtor = "true";
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(failed_labels(c.result("art6.4.credit")) == "not a dishonest judgment debtor");
}

TEST_CASE("Art. 6(4): one bad record on Credit China fails (at most 0)", "[art6.4][boundary]") {
  DossierBuilder b;
  b.credit_china_bad_records = "1";
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(failed_labels(c.result("art6.4.credit")) == "no bad record on Credit China (Beijing)");
}

TEST_CASE("Art. 6(4): an entrusted agency sanctioned for abnormal applications fails", "[art6.4]") {
  DossierBuilder b;
  b.agency_sanctions = {"2015-01-01"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(c.arg("art6.4.credit", "operator.service_agencies.sanctions.items") == "2015-01-01");
}

TEST_CASE("Art. 6(4): an agency sanction after as_of is not counted and is warned about", "[art6.4][dates]") {
  DossierBuilder b;
  b.agency_sanctions = {"2024-04-02"};
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::pass);
  CHECK(ipz::test::with_key(c.facts.warnings, "dossier.date_after_as_of").size() == 1);
}

TEST_CASE("Art. 6(4): no service_agencies key is missing (an empty list means none)", "[art6.4][missing]") {
  DossierBuilder b;
  b.service_agencies = false;
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::missing);
  CHECK(has_missing(c.result("art6.4.credit"), "operator.service_agencies"));
}

TEST_CASE("Art. 6(4): missing operator.credit is missing, and the verdict incomplete", "[art6.4][missing]") {
  DossierBuilder b;
  b.credit = false;
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::missing);
  CHECK(c.result("art6.4.credit").missing == std::vector<std::string>{"operator.credit"});
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Art. 6(4): a failing part wins over a missing part", "[art6.4][missing]") {
  DossierBuilder b;
  b.penalties_key = false;
  b.dishonest_debtor = "true";
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::fail);
  CHECK(c.result("art6.4.credit").missing.empty());
}

// ---------------------------------------------------------------------------
// Art. 7

// Issue 9, point 6: a document not listed is data missing, as no documents at all is.
TEST_CASE("Art. 7: documents without evidence or application form are missing, naming both", "[art7][missing]") {
  DossierBuilder b;
  b.application_form.reset();
  b.document_evidence = "[]";
  auto c = check(b);
  CHECK(c.outcome("art7.documents") == Outcome::missing);
  CHECK(c.result("art7.documents").missing ==
        std::vector<std::string>{"documents.application_form", "documents.evidence"});
  CHECK(failed_labels(c.result("art7.documents")).empty());
}

TEST_CASE("Art. 7: no documents at all is missing", "[art7][missing]") {
  DossierBuilder b;
  b.documents = false;
  auto c = check(b);
  CHECK(c.outcome("art7.documents") == Outcome::missing);
  CHECK(c.result("art7.documents").missing == std::vector<std::string>{"documents"});
}

// ---------------------------------------------------------------------------
// Art. 8, 11(4), 13: bars of 5 years, [d, d + 5y] (Civil Code Arts. 201-202:
// the day of the event not counted, the bar ends at the end of the anniversary)

TEST_CASE("Art. 8, 11(4), 13: an event on 2019-04-01 still bars on 2024-03-31", "[art8][art11.4][art13][boundary]") {
  const std::pair<const char*, const char*> kinds[] = {
      {"fraud_finding", "art8.fraud-ban"}, {"termination", "art11.4.termination-ban"}, {"fund_fraud", "art13.funds-ban"}};
  for (auto [event, id] : kinds) {
    DossierBuilder b;
    b.history = {{event, "2019-04-01"}};
    auto c = check(b);
    INFO(event);
    CHECK(c.outcome(id) == Outcome::fail);
    CHECK(c.arg(id, std::string("history.") + event + ".items") == "2019-04-01");
    CHECK(c.arg(id, std::string("history.") + event + ".until") == "2024-04-02");
    CHECK(c.evaluation.verdict == Verdict::ineligible);
    for (auto [other_event, other_id] : kinds)
      if (std::string(other_id) != id) CHECK(c.outcome(other_id) == Outcome::pass);
  }
}

TEST_CASE("Art. 8, 11(4), 13: an event on 2019-03-31 still bars on 2024-03-31 and no longer on 2024-04-01",
          "[art8][art11.4][art13][boundary]") {
  const std::pair<const char*, const char*> kinds[] = {
      {"fraud_finding", "art8.fraud-ban"}, {"termination", "art11.4.termination-ban"}, {"fund_fraud", "art13.funds-ban"}};
  for (auto [event, id] : kinds) {
    DossierBuilder b;
    b.history = {{event, "2019-03-31"}};
    INFO(event);
    auto anniversary = check(b, date("2024-03-31"));
    CHECK(anniversary.outcome(id) == Outcome::fail);
    CHECK(anniversary.arg(id, std::string("history.") + event + ".until") == "2024-04-01");
    auto after = check(b, date("2024-04-01"));
    CHECK(after.outcome(id) == Outcome::pass);
    CHECK(after.evaluation.verdict == Verdict::eligible);
  }
}

TEST_CASE("Art. 11(4): a termination after as_of does not bar yet and is warned about", "[art11.4][dates]") {
  DossierBuilder b;
  b.history = {{"termination", "2024-04-01"}};
  auto c = check(b);
  CHECK(c.outcome("art11.4.termination-ban") == Outcome::pass);
  auto w = ipz::test::with_key(c.facts.warnings, "dossier.date_after_as_of");
  REQUIRE(w.size() == 1);
  CHECK(ipz::test::arg_of(w[0].args, "path") == "history");
}

TEST_CASE("Art. 8, 11(4), 13: an event on 29 Feb 2020 bars through 28 Feb 2025", "[art8][art11.4][art13][boundary][leap]") {
  const std::pair<const char*, const char*> kinds[] = {
      {"fraud_finding", "art8.fraud-ban"}, {"termination", "art11.4.termination-ban"}, {"fund_fraud", "art13.funds-ban"}};
  for (auto [event, id] : kinds) {
    DossierBuilder b;
    b.history = {{event, "2020-02-29"}};
    INFO(event);
    auto anniversary = check(b, date("2025-02-28"));
    CHECK(anniversary.outcome(id) == Outcome::fail);
    CHECK(anniversary.arg(id, std::string("history.") + event + ".until") == "2025-03-01");
    CHECK(check(b, date("2025-03-01")).outcome(id) == Outcome::pass);
  }
}

TEST_CASE("Art. 8: of two findings the later one decides until when the bar runs", "[art8]") {
  DossierBuilder b;
  b.history = {{"fraud_finding", "2022-05-01"}, {"fraud_finding", "2020-01-10"}};
  auto c = check(b);
  CHECK(c.outcome("art8.fraud-ban") == Outcome::fail);
  CHECK(c.arg("art8.fraud-ban", "history.fraud_finding.items") == "2020-01-10, 2022-05-01");
  CHECK(c.arg("art8.fraud-ban", "history.fraud_finding.until") == "2027-05-02");
}

// ---------------------------------------------------------------------------
// Verdicts

namespace {

std::vector<ipz::RuleResult> results_of(std::initializer_list<Outcome> outcomes) {
  std::vector<ipz::RuleResult> out;
  for (Outcome o : outcomes) {
    ipz::RuleResult r;
    r.outcome = o;
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("Verdicts: any fail is ineligible, even with missing and review", "[verdict]") {
  using O = Outcome;
  CHECK(ipz::verdict_of(results_of({O::pass, O::fail})) == Verdict::ineligible);
  CHECK(ipz::verdict_of(results_of({O::missing, O::fail, O::review})) == Verdict::ineligible);
  CHECK(ipz::verdict_of(results_of({O::fail, O::missing})) == Verdict::ineligible);
}

TEST_CASE("Verdicts: else any missing is incomplete, even with review", "[verdict]") {
  using O = Outcome;
  CHECK(ipz::verdict_of(results_of({O::pass, O::missing})) == Verdict::incomplete);
  CHECK(ipz::verdict_of(results_of({O::review, O::missing, O::pass})) == Verdict::incomplete);
}

TEST_CASE("Verdicts: else any review is needs-review, all pass is eligible", "[verdict]") {
  using O = Outcome;
  CHECK(ipz::verdict_of(results_of({O::pass, O::review, O::pass})) == Verdict::needs_review);
  CHECK(ipz::verdict_of(results_of({O::pass, O::pass})) == Verdict::eligible);
  CHECK(ipz::verdict_of(results_of({})) == Verdict::eligible);
}

TEST_CASE("Verdicts: the combination does not depend on the order of the rules", "[verdict]") {
  using O = Outcome;
  std::vector<O> outcomes = {O::pass, O::review, O::missing, O::fail};
  std::sort(outcomes.begin(), outcomes.end());
  do {
    for (std::size_t n = 1; n <= outcomes.size(); ++n) {
      std::vector<ipz::RuleResult> rs;
      bool fail = false, missing = false, review = false;
      for (std::size_t i = 0; i < n; ++i) {
        ipz::RuleResult r;
        r.outcome = outcomes[i];
        rs.push_back(r);
        fail = fail || outcomes[i] == O::fail;
        missing = missing || outcomes[i] == O::missing;
        review = review || outcomes[i] == O::review;
      }
      const Verdict want = fail      ? Verdict::ineligible
                           : missing ? Verdict::incomplete
                           : review  ? Verdict::needs_review
                                     : Verdict::eligible;
      CHECK(ipz::verdict_of(rs) == want);
    }
  } while (std::next_permutation(outcomes.begin(), outcomes.end()));
}

TEST_CASE("Verdicts: a dossier failing one rule and missing another is ineligible", "[verdict]") {
  DossierBuilder b;
  b.credit = false;             // art6.4 missing
  b.actual_operator = "false";  // art4 fail
  b.carrier_type = "other";     // art5.1 review
  auto c = check(b);
  CHECK(c.outcome("art6.4.credit") == Outcome::missing);
  CHECK(c.outcome("art4.applicant") == Outcome::fail);
  CHECK(c.outcome("art5.1.carrier") == Outcome::review);
  CHECK(c.evaluation.verdict == Verdict::ineligible);
}

TEST_CASE("Verdicts: a dossier with one missing and one review is incomplete", "[verdict]") {
  DossierBuilder b;
  b.credit = false;
  b.legal_form = "other";
  auto c = check(b);
  CHECK(c.outcome("art6.legal-person") == Outcome::review);
  CHECK(c.evaluation.verdict == Verdict::incomplete);
}

TEST_CASE("Verdicts: names of verdicts and outcomes", "[verdict]") {
  CHECK(ipz::verdict_name(Verdict::eligible) == "eligible");
  CHECK(ipz::verdict_name(Verdict::needs_review) == "needs-review");
  CHECK(ipz::verdict_name(Verdict::incomplete) == "incomplete");
  CHECK(ipz::verdict_name(Verdict::ineligible) == "ineligible");
  CHECK(ipz::verdict_name(Verdict::invalid) == "invalid");
  CHECK(ipz::outcome_name(Outcome::pass) == "pass");
  CHECK(ipz::outcome_name(Outcome::fail) == "fail");
  CHECK(ipz::outcome_name(Outcome::review) == "review");
  CHECK(ipz::outcome_name(Outcome::missing) == "missing");
}

// ---------------------------------------------------------------------------
// Parameters with dates

namespace {

// The shipped rule set with its parameter file replaced by text.
ipz::LoadedRules rules_with_parameters(const std::string& parameters) {
  auto files = ipz::embedded_rule_files("recognition");
  for (auto& f : files)
    if (f.relative == "parameters.yaml") f.text = parameters, f.tree.reset();
  return ipz::load_rule_set(files, "test");
}

std::string shipped_parameters() {
  for (const auto& f : ipz::embedded_rule_files("recognition"))
    if (f.relative == "parameters.yaml") return f.text;
  return "";
}

}  // namespace

TEST_CASE("Parameters: the value in force on as_of is used (a later change of the bound)", "[parameters]") {
  std::string text = shipped_parameters();
  const std::string from = "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), from + "      - {since: 2025-01-01, value: 75, source: 测试}\n");
  auto loaded = rules_with_parameters(text);
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  auto d = ipz::load_dossier(DossierBuilder{}.yaml(), "t.yaml");  // 80 enterprises
  REQUIRE(d.dossier);
  DossierBuilder b72;
  b72.enterprises = 72;
  b72.smes = 64;
  b72.high_end = 50;
  auto d72 = ipz::load_dossier(b72.yaml(), "t.yaml");
  REQUIRE(d72.dossier);
  auto outcome = [&](const ipz::Dossier& dossier, const char* on) {
    auto facts = ipz::derive_facts(dossier, date(on), *loaded.rules);
    auto e = ipz::evaluate(*loaded.rules, facts);
    for (const auto& r : e.results)
      if (r.rule->id == "art5.2.count") return r.outcome;
    return Outcome::missing;
  };
  CHECK(outcome(*d72.dossier, "2024-12-31") == Outcome::pass);
  CHECK(outcome(*d72.dossier, "2025-01-01") == Outcome::fail);
  CHECK(outcome(*d.dossier, "2025-01-01") == Outcome::pass);
}

TEST_CASE("Parameters: an as_of before the first value uses it, with one warning for the whole evaluation",
          "[parameters]") {
  auto c = check(DossierBuilder{}, date("2023-12-19"));
  auto w = ipz::test::with_key(c.evaluation.diagnostics, "rules.before_first_value");
  REQUIRE(w.size() == 1);
  CHECK(w[0].severity == ipz::Severity::warning);
  CHECK(ipz::test::arg_of(w[0].args, "first") == "2023-12-20");
  CHECK(c.evaluation.verdict == Verdict::eligible);
  CHECK(check(DossierBuilder{}, date("2023-12-20")).evaluation.diagnostics.empty());
}
