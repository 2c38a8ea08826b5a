// Unit tests for report/: messages filled from evaluations in both
// languages, the message catalogue (complete for every key the code uses),
// JSON output and exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "dossier_builder.h"
#include "model/catalogue.h"
#include "read/catalogue_loader.h"
#include "report/formats.h"
#include "report/report.h"

using ipz::Lang;
using ipz::Outcome;
using ipz::Verdict;
using ipz::test::check;
using ipz::test::DossierBuilder;

namespace {

const ipz::Catalogue& cat() { return ipz::builtin_catalogue(); }

ipz::DossierReport report_of(const ipz::test::Checked& c, Lang lang) {
  return ipz::report_evaluated(*c.loaded.dossier, c.facts, c.evaluation, c.loaded.diagnostics, lang, cat());
}

const ipz::ResultLine& line_of(const ipz::DossierReport& r, const std::string& id) {
  for (const auto& l : r.results)
    if (l.id == id) return l;
  throw std::runtime_error("no result " + id);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The string literals of C++ source, outside comments and character
// literals, as written between the quotes (escapes left as they are).
std::vector<std::string> string_literals(const std::string& code) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"' || c == '\'') {
      const std::size_t start = i + 1;
      for (++i; i < code.size() && code[i] != c && code[i] != '\n'; ++i)
        if (code[i] == '\\') ++i;
      if (c == '"') out.push_back(code.substr(start, i - start));
    } else if (c == '/' && i + 1 < code.size() && code[i + 1] == '/') {
      while (i < code.size() && code[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < code.size() && code[i + 1] == '*') {
      i = code.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
    }
  }
  return out;
}

// The string literals of code that look like message keys: "prefix.name"
// or "\x01prefix.name", lower case, digits, _ - and dots, not a file name.
std::vector<std::string> key_like_literals(const std::string& code) {
  std::vector<std::string> out;
  for (std::string lit : string_literals(code)) {
    if (lit.rfind("\\x01", 0) == 0) lit.erase(0, 4);
    const std::size_t dot = lit.find('.');
    if (dot == std::string::npos || dot == 0 || lit.back() == '.' || lit.back() == '-') continue;
    bool ok = true;
    for (std::size_t k = 0; k < lit.size(); ++k) {
      const char c = lit[k];
      const bool word = (c >= 'a' && c <= 'z') || c == '_';
      ok = ok && (word || (k >= dot && ((c >= '0' && c <= '9') || c == '.' || c == '-')));
    }
    if (!ok) continue;
    const std::string ext = lit.substr(lit.rfind('.') + 1);
    if (ext == "yaml" || ext == "yml" || ext == "csv" || ext == "json" || ext == "cc" || ext == "h" || ext == "md" ||
        ext == "txt" || ext == "pdf")
      continue;
    out.push_back(lit);
  }
  return out;
}

// A strict JSON reader (RFC 8259) that collects every object key it meets.
class JsonChecker {
 public:
  explicit JsonChecker(std::string s) : s_(std::move(s)) {}
  bool valid() {
    ws();
    if (!value()) return false;
    ws();
    return i_ == s_.size();
  }
  std::set<std::string> keys;

 private:
  bool value() {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view word : {"true", "false", "null"})
      if (std::string_view(s_).substr(i_, word.size()) == word) {
        i_ += word.size();
        return true;
      }
    return false;
  }
  bool object() {
    ++i_;
    ws();
    if (peek('}')) return ++i_, true;
    while (true) {
      ws();
      std::string key;
      if (!peek('"') || !string(key)) return false;
      keys.insert(key);
      ws();
      if (!peek(':')) return false;
      ++i_;
      ws();
      if (!value()) return false;
      ws();
      if (peek(',')) {
        ++i_;
        continue;
      }
      if (peek('}')) return ++i_, true;
      return false;
    }
  }
  bool array() {
    ++i_;
    ws();
    if (peek(']')) return ++i_, true;
    while (true) {
      ws();
      if (!value()) return false;
      ws();
      if (peek(',')) {
        ++i_;
        continue;
      }
      if (peek(']')) return ++i_, true;
      return false;
    }
  }
  bool string(std::string& out) {
    ++i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k, ++i_)
          if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_]))) return false;
        out += '?';
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      } else {
        out += e;
      }
    }
    return false;
  }
  bool number() {
    const std::size_t start = i_;
    if (peek('-')) ++i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
                              s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
      ++i_;
    return i_ > start;
  }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  std::string s_;
  std::size_t i_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------
// Gauges: each numeric bound of a criterion, its value and its shortfall, as
// the HTML draws it and a spreadsheet holds it (one rendering with the text)

TEST_CASE("Gauge: the failing high-end share 47/85 against 60 %: 55.3 %, 4 more or 10 added",
          "[report][gauge][art5.2]") {
  DossierBuilder b;
  b.enterprises = 85;
  b.smes = 75;
  b.high_end = 47;
  const auto c = check(b);
  const auto en = line_of(report_of(c, Lang::en), "art5.2.high-end-share");
  REQUIRE(en.gauges.size() == 1);
  const ipz::Gauge& g = en.gauges[0];
  CHECK(g.fact == "high_end_share");
  CHECK(g.type == ipz::FactType::share);
  CHECK(g.known);
  CHECK_FALSE(g.passed);
  CHECK(g.value_text == en.actual);  // the same words as the text report
  CHECK(g.bound_text == "60%");
  CHECK(g.shortfall == "4 more, or 10 added");
  CHECK(g.need == 4);
  CHECK(g.shown_number == Approx(0.553));  // the value shown, not 0.55294...
  CHECK(g.bound_number == Approx(0.6));
  CHECK(g.value == Approx(100.0 * 47 / 85));
  const auto zh = line_of(report_of(c, Lang::zh), "art5.2.high-end-share");
  CHECK(zh.gauges.at(0).shortfall == "还差 4 家，或新增 10 家");
}

TEST_CASE("Gauge: a failing share just under its bound shows what the text shows", "[report][gauge][art5.2]") {
  DossierBuilder b;  // 7997 / 10000 would round to 80.0 %; 399 of 500 = 79.8 % is below either way
  b.enterprises = 500;
  b.smes = 399;
  const auto c = check(b);
  const auto en = line_of(report_of(c, Lang::en), "art5.2.sme-share");
  REQUIRE(en.gauges.size() == 1);
  CHECK(en.gauges[0].value_text == en.actual);
  CHECK(en.gauges[0].shown_number == Approx(0.798));
  CHECK(report_of(c, Lang::en).figures.sme_share == "79.8");
}

TEST_CASE("Gauge: the key figures of CSV and Markdown are the shares the criteria show", "[report][gauge]") {
  DossierBuilder b;
  b.enterprises = 85;
  b.smes = 75;
  b.high_end = 47;
  const auto r = report_of(check(b), Lang::en);
  CHECK(r.figures.high_end_share == "55.3");  // not 55.2 (truncated), as the text says 55.3%
  CHECK(r.figures.sme_share == "88.2");
}

TEST_CASE("Gauge: Art. 5(3) has one gauge per bound; Art. 5(2) count says how many more", "[report][gauge]") {
  DossierBuilder b;
  b.valid_patents = 290;
  b.invention_patents = 140;
  b.enterprises = 69;
  const auto r = report_of(check(b), Lang::en);
  const auto& patents = line_of(r, "art5.3.patents");
  REQUIRE(patents.gauges.size() == 2);
  CHECK(patents.gauges[0].label == "valid patents");
  CHECK(patents.gauges[0].shortfall == "10 more");
  CHECK(patents.gauges[1].label == "invention patents");
  CHECK(patents.gauges[1].value_text == "140");
  const auto& count = line_of(r, "art5.2.count");
  REQUIRE(count.gauges.size() == 1);
  CHECK(count.gauges[0].shortfall == "1 more");
  CHECK(count.gauges[0].shown_number == 69);
  // rules without a numeric bound have no gauge
  CHECK(line_of(r, "art5.1.carrier").gauges.empty());
  CHECK(line_of(r, "art6.4.credit").gauges.empty());
}

TEST_CASE("Gauge: Art. 6(1) a day short of 3 years: 2 whole years, 1 day to go", "[report][gauge][art6.1]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-04-01";
  const auto g = line_of(report_of(check(b), Lang::en), "art6.1.operation").gauges.at(0);
  CHECK(g.type == ipz::FactType::date);
  CHECK_FALSE(g.passed);
  CHECK(g.value_text == "2 years");
  CHECK(g.bound_text == "3 years");
  CHECK(g.shortfall == "days to go: 1");
  CHECK(g.value < g.bound);
  CHECK(g.value > 2.99);
}

TEST_CASE("Gauge: missing data gives an unknown gauge; the columns follow the rule set", "[report][gauge]") {
  DossierBuilder b;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";
  const auto r = report_of(check(b), Lang::en);
  const auto& sme = line_of(r, "art5.2.sme-share");
  REQUIRE(sme.gauges.size() == 1);
  CHECK_FALSE(sme.gauges[0].known);
  const auto columns = ipz::criteria_of(ipz::test::shipped_rules(), Lang::en);
  REQUIRE(columns.size() == r.results.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    INFO(columns[i].id);
    CHECK(columns[i].id == r.results[i].id);
    CHECK(columns[i].measures.size() == r.results[i].gauges.size());
  }
}

// ---------------------------------------------------------------------------
// Messages of failing criteria: by how much, and what would fix it

TEST_CASE("Report: the failing high-end share 47/85 says 55.3% (47/85), 4 more current or 10 more new",
          "[report][art5.2]") {
  DossierBuilder b;
  b.enterprises = 85;
  b.smes = 75;
  b.high_end = 47;
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art5.2.high-end-share");
  CHECK(en.outcome == Outcome::fail);
  CHECK(en.actual == "55.3% (47/85)");
  CHECK(en.required == "≥ 60%");
  INFO(en.message);
  CHECK(contains(en.message, "55.3% (47/85)"));
  CHECK(contains(en.message, "needs 4 more of the current enterprises"));
  CHECK(contains(en.message, "or 10 more high-end enterprises"));
  auto zh = line_of(report_of(c, Lang::zh), "art5.2.high-end-share");
  INFO(zh.message);
  CHECK(contains(zh.message, "55.3% (47/85)"));
  CHECK(contains(zh.message, "再有 4 家"));
  CHECK(contains(zh.message, "新增 10 家"));
}

TEST_CASE("Report: the failing SME share 79/100 says 1 more current or 5 more new", "[report][art5.2]") {
  DossierBuilder b;
  b.enterprises = 100;
  b.smes = 79;
  b.high_end = 70;
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art5.2.sme-share");
  INFO(en.message);
  CHECK(en.actual == "79.0% (79/100)");
  CHECK(contains(en.message, "needs 1 more SMEs among the current enterprises"));
  CHECK(contains(en.message, "or 5 more SME enterprises"));
  auto zh = line_of(report_of(c, Lang::zh), "art5.2.sme-share");
  INFO(zh.message);
  CHECK(contains(zh.message, "再有 1 家"));
  CHECK(contains(zh.message, "新增 5 家"));
}

TEST_CASE("Report: 69 enterprises without grounds: 1 more needed, and which grounds are lacking", "[report][art5.2]") {
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  b.relaxation_grounds = "{high_concentration: [a.pdf]}";
  auto en = line_of(report_of(check(b), Lang::en), "art5.2.count");
  INFO(en.message);
  CHECK(en.actual == "69 enterprises");
  CHECK(en.required == "≥ 70 (in principle)");
  CHECK(contains(en.message, "it needs 1 more"));
  CHECK(contains(en.message, "grounds this dossier does not state: distinctive_model, ip_work_plan"));
}

TEST_CASE("Report: no message about Art. 5(2) advises ticking a ground", "[report][art5.2]") {
  for (const char* grounds : {"[]", "{high_concentration: [a.pdf]}", "[high_concentration, distinctive_model, ip_work_plan]",
                              "{high_concentration: [a.pdf], distinctive_model: [b.pdf], ip_work_plan: [c.pdf]}"})
    for (Lang lang : {Lang::zh, Lang::en}) {
      DossierBuilder b;
      b.enterprises = 12;
      b.smes = 12;
      b.high_end = 12;
      b.relaxation_grounds = grounds;
      auto line = line_of(report_of(check(b), lang), "art5.2.count");
      INFO(grounds << ": " << line.message);
      CHECK_FALSE(contains(line.message, "declare"));
      CHECK_FALSE(contains(line.message, "申明全部"));
      CHECK_FALSE(contains(line.message, "tick"));
    }
}

TEST_CASE("Report: 69 enterprises with all three grounds is review and says experts decide", "[report][art5.2]") {
  DossierBuilder b;
  b.enterprises = 69;
  b.smes = 60;
  b.high_end = 50;
  b.relaxation_grounds = "{high_concentration: [a.pdf], distinctive_model: [b.pdf], ip_work_plan: [c.pdf]}";
  auto en = line_of(report_of(check(b), Lang::en), "art5.2.count");
  INFO(en.message);
  CHECK(en.outcome == Outcome::review);
  CHECK(contains(en.message, "69 of 70 enterprises, 1 short (1 %)"));
  CHECK(contains(en.message, "the experts judge whether, and how far"));
}

TEST_CASE("Report: the relaxation review states its scale: 12 of 70, 58 short, 83 %", "[report][art5.2]") {
  DossierBuilder b;
  b.enterprises = 12;
  b.smes = 12;
  b.high_end = 12;
  b.relaxation_grounds = "{high_concentration: [a.pdf], distinctive_model: [b.pdf], ip_work_plan: [c.pdf]}";
  auto report = report_of(check(b), Lang::zh);
  auto en = line_of(report_of(check(b), Lang::en), "art5.2.count");
  auto zh = line_of(report, "art5.2.count");
  INFO(en.message << "\n" << zh.message);
  CHECK(contains(en.message, "12 of 70 enterprises, 58 short (83 %)"));
  CHECK(contains(zh.message, "企业 12 家，要求 70 家，差 58 家（83%）"));
}

TEST_CASE("Report: patents below both bounds say how many more of each", "[report][art5.3]") {
  DossierBuilder b;
  b.valid_patents = 290;
  b.invention_patents = 140;
  auto en = line_of(report_of(check(b), Lang::en), "art5.3.patents");
  INFO(en.message);
  CHECK(contains(en.message, "10 more valid patents, or 10 more invention patents"));
}

TEST_CASE("Report: a day short of 3 years says the date the bound is reached", "[report][art6.1]") {
  DossierBuilder b;
  b.zone_operating_since = "2021-04-01";
  auto en = line_of(report_of(check(b), Lang::en), "art6.1.operation");
  INFO(en.message);
  CHECK(contains(en.message, "operated for 3 years"));
  CHECK(contains(en.message, "reaches 3 years on 2024-04-01"));
}

TEST_CASE("Report: a penalty inside the window is listed with the date it leaves it", "[report][art6.4]") {
  DossierBuilder b;
  b.penalties = {"2021-04-01"};
  auto en = line_of(report_of(check(b), Lang::en), "art6.4.credit");
  INFO(en.message);
  // The part that failed, in its own words (issue 9, point 8): not the label
  // of the part, nor the other parts (the agencies, which passed).
  CHECK(contains(en.message, "administrative penalties in the 3 years to 2024-03-31: 2021-04-01"));
  CHECK(contains(en.message, "leaves the window on 2024-04-01"));
  CHECK_FALSE(contains(en.message, "agenc"));
}

TEST_CASE("Report: Art. 6(4) a bad credit record alone names the records, not penalties or agencies",
          "[report][art6.4]") {
  DossierBuilder b;
  b.credit_china_bad_records = "2";
  auto c = check(b);
  REQUIRE(c.outcome("art6.4.credit") == Outcome::fail);
  auto en = line_of(report_of(c, Lang::en), "art6.4.credit");
  CHECK(en.message == "Not met: 2 bad records on Credit China / Credit China (Beijing) "
                      "(operator.credit.credit_china_bad_records).");
  auto zh = line_of(report_of(c, Lang::zh), "art6.4.credit");
  CHECK(zh.message == "不满足：信用中国及信用中国（北京）上有 2 条不良信用信息（operator.credit.credit_china_bad_records）。");
}

TEST_CASE("Report: a missing share still shows its bound, never \"≥ -\"", "[report][missing][art5.2]") {
  DossierBuilder b;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";  // no sme
  auto c = check(b);
  REQUIRE(c.outcome("art5.2.sme-share") == Outcome::missing);
  CHECK(line_of(report_of(c, Lang::en), "art5.2.sme-share").required == "≥ 80%");
  CHECK(line_of(report_of(c, Lang::zh), "art5.2.sme-share").required == "≥ 80%");
}

TEST_CASE("Report: an empty list or an absent document is a word, never \"-\"", "[report]") {
  DossierBuilder b;
  b.ip_workstation = "true";
  b.service_functions = "[]";
  auto c = check(b);
  CHECK(line_of(report_of(c, Lang::en), "art5.4.services").actual == "workstation: yes; functions: none");
  CHECK(line_of(report_of(c, Lang::zh), "art5.4.services").actual == "工作站：是；服务功能：无");
  CHECK(contains(line_of(report_of(c, Lang::en), "art8.fraud-ban").actual, ": none"));
}

TEST_CASE("Report: a termination inside 5 years says from when the zone may apply", "[report][art11.4]") {
  DossierBuilder b;
  b.history = {{"termination", "2019-04-01"}};
  auto en = line_of(report_of(check(b), Lang::en), "art11.4.termination-ban");
  INFO(en.message);
  CHECK(contains(en.message, "Status terminated on 2019-04-01"));
  CHECK(contains(en.message, "eligible to apply from 2024-04-02"));  // the bar runs through 2024-04-01
}

TEST_CASE("Report: a missing SME flag names the row to fix", "[report][missing]") {
  DossierBuilder b;
  b.row_override[5] = "{name: 北京无标记科技有限公司, high_end_industry: 集成电路}";
  auto r = report_of(check(b), Lang::en);
  auto en = line_of(r, "art5.2.sme-share");
  INFO(en.message);
  CHECK(en.outcome == Outcome::missing);
  CHECK(en.actual == "missing");
  CHECK(contains(en.message, "enterprises[5].sme"));
  CHECK(r.verdict == Verdict::incomplete);
}

TEST_CASE("Report: missing operator.credit names operator.credit", "[report][missing]") {
  DossierBuilder b;
  b.credit = false;
  auto en = line_of(report_of(check(b), Lang::en), "art6.4.credit");
  INFO(en.message);
  CHECK(contains(en.message, "add operator.credit to the dossier"));
}

TEST_CASE("Report: a failing composite rule names the parts that failed, in the report's language", "[report]") {
  DossierBuilder b;
  b.credit_china_bad_records = "2";
  b.dishonest_debtor = "true";
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art6.4.credit");
  INFO(en.message);
  // Each part that failed in its own words, with its value (issue 9, point 8).
  CHECK(en.message == "Not met: 2 bad records on Credit China / Credit China (Beijing) "
                      "(operator.credit.credit_china_bad_records); on the list of dishonest judgment debtors "
                      "(operator.credit.dishonest_debtor).");
  auto zh = line_of(report_of(c, Lang::zh), "art6.4.credit");
  INFO(zh.message);
  CHECK(zh.message == "不满足：信用中国及信用中国（北京）上有 2 条不良信用信息（operator.credit.credit_china_bad_records）；"
                      "已被列入失信被执行人名单（operator.credit.dishonest_debtor）。");
}

TEST_CASE("Report: documents not listed are missing, and the message names each field", "[report][missing]") {
  DossierBuilder b;
  b.application_form.reset();
  b.work_plan.reset();
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art7.documents");
  INFO(en.message);
  CHECK(en.outcome == Outcome::missing);
  CHECK(contains(en.message, "add documents.application_form, documents.work_plan to the dossier"));
}

TEST_CASE("Report: Art. 5(1) an unknown district fails naming it and the closest names, not the directions",
          "[report][art5.1][places]") {
  DossierBuilder b;
  b.district = "海定区";
  auto c = check(b);
  REQUIRE(c.outcome("art5.1.carrier") == Outcome::fail);
  auto en = line_of(report_of(c, Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(contains(en.message, "“海定区”"));
  CHECK(contains(en.message, "(closest: 海淀区)"));
  CHECK_FALSE(contains(en.message, "direction"));
  auto zh = line_of(report_of(c, Lang::zh), "art5.1.carrier");
  INFO(zh.message);
  CHECK(contains(zh.message, "所在区“海定区”不是北京市16个区之一"));
  CHECK(contains(zh.message, "（相近：海淀区）"));
  CHECK_FALSE(contains(zh.message, "方向"));
}

TEST_CASE("Report: Art. 5(1) a district nothing is close to fails without a suggestion", "[report][art5.1][places]") {
  DossierBuilder b;
  b.district = "天津市滨海新区";
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(en.message == "Not met: the district “天津市滨海新区” is neither one of Beijing's 16 districts nor the "
                      "Economic-Technological Development Area (zone.district).");
}

TEST_CASE("Report: Art. 5(1) a suggestion comes from the district's normalised form", "[report][art5.1][places]") {
  DossierBuilder b;
  b.district = "北京市海定";  // 北京市 dropped, 区 added: 海定区, close to 海淀区
  auto en = line_of(report_of(check(b), Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(contains(en.message, "(closest: 海淀区)"));
  b.district = "Haidain District";  // transposed letters
  en = line_of(report_of(check(b), Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(contains(en.message, "(closest: haidian)"));
}

TEST_CASE("Report: Art. 5(1) no directions stated fails naming the directions, not the district",
          "[report][art5.1][places]") {
  DossierBuilder b;
  b.industry_directions = "[]";
  auto c = check(b);
  REQUIRE(c.outcome("art5.1.carrier") == Outcome::fail);
  auto en = line_of(report_of(c, Lang::en), "art5.1.carrier");
  CHECK(en.message == "Not met: no industry direction stated (zone.industry_directions).");
  auto zh = line_of(report_of(c, Lang::zh), "art5.1.carrier");
  CHECK(zh.message == "不满足：未申明产业发展方向（zone.industry_directions）。");
}

TEST_CASE("Report: Art. 5(1) a pass names the district the value stands for", "[report][art5.1][places]") {
  DossierBuilder b;
  b.district = "Haidian District";
  auto en = line_of(report_of(check(b), Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(en.message.starts_with("Set up in 海淀区, "));
}

TEST_CASE("Report: Art. 5(1) a direction outside the taxonomy is named with close names, for review",
          "[report][art5.1]") {
  DossierBuilder b;
  b.industry_directions = "[新一代信息技术, 生物医药]";
  auto c = check(b);
  REQUIRE(c.outcome("art5.1.carrier") == Outcome::review);
  auto en = line_of(report_of(c, Lang::en), "art5.1.carrier");
  INFO(en.message);
  CHECK(contains(en.message, "the directions 生物医药 are not in Beijing's high-end taxonomy (closest: "));
  CHECK(contains(en.message, "医药健康"));
  CHECK_FALSE(contains(en.message, "carrier"));
}

TEST_CASE("Report: Art. 14 lists each change with its kind and filing date, in the report's language",
          "[report][art14][history]") {
  DossierBuilder b;
  b.history = {{"change, kind: merger, filed: 2023-05-20", "2023-05-01"}, {"change, kind: rename", "2023-08-01"}};
  auto c = check(b);
  auto en = line_of(report_of(c, Lang::en), "art14.changes");
  CHECK(en.outcome == Outcome::pass);
  CHECK(en.actual == "merger on 2023-05-01 (filed on 2023-05-20); change of name on 2023-08-01 (not filed)");
  INFO(en.message);
  CHECK(contains(en.message, "recorded (merger, restructuring, bankruptcy, change of name): merger on 2023-05-01"));
  auto zh = line_of(report_of(c, Lang::zh), "art14.changes");
  CHECK(zh.actual == "2023-05-01 并购（2023-05-20 备案）、2023-08-01 名称变更（未备案）");
  auto none = line_of(report_of(check(DossierBuilder{}), Lang::en), "art14.changes");
  CHECK(none.actual == "none");
}

TEST_CASE("Report: Art. 8 a cancellation within 5 years asks a human why it was cancelled", "[report][art8][history]") {
  DossierBuilder b;
  b.history = {{"cancellation", "2022-01-10"}};
  auto c = check(b);
  REQUIRE(c.outcome("art8.fraud-ban") == Outcome::review);
  auto en = line_of(report_of(c, Lang::en), "art8.fraud-ban");
  INFO(en.message);
  CHECK(contains(en.message, "For a human to decide: the recognition was cancelled on 2022-01-10 (Art. 12)"));
  CHECK(contains(en.message, "eligible to apply from 2027-01-11"));
  auto zh = line_of(report_of(c, Lang::zh), "art8.fraud-ban");
  INFO(zh.message);
  CHECK(contains(zh.message, "2022-01-10 被取消资格（第十二条）"));
}

TEST_CASE("Report: flags are shown as words of the report's language", "[report]") {
  auto c = check(DossierBuilder{});
  CHECK(line_of(report_of(c, Lang::en), "art4.applicant").actual == "actual operator: yes");
  CHECK(line_of(report_of(c, Lang::zh), "art4.applicant").actual == "实际运营单位：是");
}

TEST_CASE("Report: the review message of the high-end share says how many rows name unknown industries",
          "[report][art5.2]") {
  // 45 high-end of 80 fails (56.25 %); 5 more rows name industries outside
  // the taxonomy, and counting them (50/80 = 62.5 %) would pass: review. The
  // review message uses {high_end_unknown_count}, which only the rule's note
  // evaluates, and the note is evaluated for pass and fail only, so the
  // message reads "but - rows name an industry outside the taxonomy".
  DossierBuilder b;
  b.high_end = 45;
  for (int row = 46; row <= 50; ++row)
    b.row_override[row] = "{name: 北京芯片" + std::to_string(row) + "有限公司, sme: true, high_end_industry: 人工智能芯片}";
  auto c = check(b);
  REQUIRE(c.outcome("art5.2.high-end-share") == Outcome::review);
  auto en = line_of(report_of(c, Lang::en), "art5.2.high-end-share");
  INFO(en.message);
  CHECK(contains(en.message, "62.5% (50/80)"));
  CHECK(contains(en.message, "but 5 rows name an industry outside the taxonomy"));
}

// ---------------------------------------------------------------------------
// The dossier report

TEST_CASE("Report: a dossier report carries file, zone name, as_of and verdict", "[report]") {
  auto c = check(DossierBuilder{}, ipz::test::date("2024-06-30"));
  auto r = report_of(c, Lang::en);
  CHECK(r.file == "test.yaml");
  CHECK(r.name == "中关村示例科技园");
  CHECK(r.as_of == "2024-06-30");
  CHECK(r.verdict == Verdict::eligible);
  CHECK(r.results.size() >= 16);
  CHECK(r.warnings.empty());
  CHECK(r.errors.empty());
  const auto& first = r.results.front();
  CHECK(first.id == "art4.applicant");
  CHECK(first.clause == "第四条");
  CHECK_FALSE(first.message.empty());
}

TEST_CASE("Report: warnings of the dossier are rendered with their line and column, in line order", "[report][warnings]") {
  DossierBuilder b;
  b.penalties = {"2024-05-01"};  // after as_of: a facts warning
  b.extra_rows = {"{name: " + DossierBuilder::row_name(3) + ", sme: true, high_end_industry: none}"};  // a load warning
  b.declared = "{enterprise_count: 81}";
  auto c = check(b);
  auto r = report_of(c, Lang::en);
  REQUIRE(r.warnings.size() == 3);
  for (std::size_t i = 1; i < r.warnings.size(); ++i) CHECK(r.warnings[i - 1].line <= r.warnings[i].line);
  CHECK(r.warnings[0].line == ipz::test::line_of(c.text, "2024-05-01"));
  CHECK(contains(r.warnings[0].message, "after the evaluation date 2024-03-31"));
  // The repeat names both rows by position and name (issue 9, point 8).
  INFO(r.warnings[1].message);
  CHECK(contains(r.warnings[1].message, "enterprises[81] (" + DossierBuilder::row_name(3) + ") repeats enterprises[3] (" +
                                            DossierBuilder::row_name(3) + ")"));
  CHECK(contains(r.warnings[2].message, "declared enterprise_count is 81, the roster gives 80"));
}

TEST_CASE("Report: warnings come in the order of the file's lines", "[report][warnings]") {
  DossierBuilder b;
  b.ip_services_since = "2024-05-01";  // operator.ip_services_since, after as_of
  b.penalties = {"2024-05-01"};        // a penalty after as_of, further down
  auto r = report_of(check(b), Lang::en);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].line > 0);
  CHECK(r.warnings[0].line < r.warnings[1].line);
}

TEST_CASE("Report: an invalid dossier lists every error with its position", "[report][errors]") {
  const std::string text = "format: ipzone-dossier/1\nzone: {name: x, carrier_type: park, district: 海淀区}\n"
                           "operator: {name: y}\nenterprises: [{name: a, sme: maybe}]\n";
  auto loaded = ipz::load_dossier(text, "bad.yaml");
  REQUIRE_FALSE(loaded.dossier);
  auto r = ipz::report_invalid("bad.yaml", "", loaded.diagnostics, Lang::en, cat());
  CHECK(r.verdict == Verdict::invalid);
  CHECK(r.results.empty());
  CHECK(r.as_of.empty());
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].file == "bad.yaml");
  CHECK(r.errors[0].line == 2);
  CHECK(contains(r.errors[0].message, "park is not one of"));
  CHECK(r.errors[1].line == 4);
  CHECK(contains(r.errors[1].message, "enterprises[1].sme should be true or false (without quotes), found maybe"));
}

TEST_CASE("Report: the summary counts dossiers per verdict, as_of is common or empty", "[report]") {
  ipz::Report report;
  ipz::DossierReport a, b, c;
  a.verdict = Verdict::eligible;
  a.as_of = "2024-03-31";
  b.verdict = Verdict::ineligible;
  b.as_of = "2024-03-31";
  report.add(a);
  report.add(b);
  CHECK(report.as_of == "2024-03-31");
  c.verdict = Verdict::invalid;
  report.add(c);
  CHECK(report.as_of.empty());
  CHECK(report.summary == std::array<int, 5>{1, 0, 0, 1, 1});
}

TEST_CASE("Report: exit codes: 0 eligible or needs-review, 1 ineligible or incomplete, 2 invalid, the worst wins",
          "[report][exit]") {
  auto code = [](std::initializer_list<Verdict> vs, bool strict) {
    ipz::Report r;
    for (Verdict v : vs) {
      ipz::DossierReport d;
      d.verdict = v;
      r.add(d);
    }
    return ipz::exit_code(r, strict);
  };
  CHECK(code({}, false) == 0);
  CHECK(code({Verdict::eligible}, false) == 0);
  CHECK(code({Verdict::needs_review}, false) == 0);
  CHECK(code({Verdict::needs_review}, true) == 1);
  CHECK(code({Verdict::eligible}, true) == 0);
  CHECK(code({Verdict::incomplete}, false) == 1);
  CHECK(code({Verdict::ineligible}, false) == 1);
  CHECK(code({Verdict::invalid}, false) == 2);
  CHECK(code({Verdict::invalid, Verdict::eligible}, false) == 2);
  CHECK(code({Verdict::eligible, Verdict::ineligible, Verdict::needs_review}, false) == 1);
  CHECK(code({Verdict::ineligible, Verdict::invalid, Verdict::eligible}, true) == 2);
}

// ---------------------------------------------------------------------------
// JSON

TEST_CASE("JSON: json_string escapes quotes, backslashes and control characters", "[report][json]") {
  CHECK(ipz::json_string("") == "\"\"");
  CHECK(ipz::json_string("a\"b") == "\"a\\\"b\"");
  CHECK(ipz::json_string("C:\\dir\\f") == "\"C:\\\\dir\\\\f\"");
  CHECK(ipz::json_string("l1\nl2\r\tx") == "\"l1\\nl2\\r\\tx\"");
  CHECK(ipz::json_string(std::string("a\x01z", 3)) == "\"a\\u0001z\"");
  CHECK(ipz::json_string(std::string("\x1f\x08\x0c", 3)) == "\"\\u001f\\u0008\\u000c\"");
  CHECK(ipz::json_string(std::string("nul\0end", 7)) == "\"nul\\u0000end\"");
}

TEST_CASE("JSON: json_string keeps UTF-8 as is, DEL and bidi characters escaped", "[report][json]") {
  CHECK(ipz::json_string("北京经济技术开发区 ≥ 60% ✓") == "\"北京经济技术开发区 ≥ 60% ✓\"");
  CHECK(ipz::json_string("/") == "\"/\"");
  CHECK(ipz::json_string("\x7f\u202e") == "\"\\u007f\\u202e\"");
}

TEST_CASE("JSON: every string json_string makes is valid JSON", "[report][json]") {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  all += "中文";
  JsonChecker j(ipz::json_string(all));
  CHECK(j.valid());
}

TEST_CASE("JSON: write_json output is valid JSON with the contract keys", "[report][json]") {
  DossierBuilder b;
  b.enterprises = 85;
  b.smes = 75;
  b.high_end = 47;
  b.zone_name = R"("\"引号\\园\"")";  // YAML for "引号\园", a name that needs escaping
  b.penalties = {"2024-05-01"};
  auto c = check(b);
  ipz::Report report;
  report.lang = Lang::en;
  report.rule_set = "recognition";
  report.rule_set_version = "2023-12-20";
  report.add(report_of(c, Lang::en));
  auto bad = ipz::load_dossier("- not a dossier\n", "bad.yaml");
  report.add(ipz::report_invalid("bad.yaml", "", bad.diagnostics, Lang::en, cat()));
  std::ostringstream out;
  ipz::write_json(report, out);
  const std::string json = out.str();
  INFO(json);
  JsonChecker j(json);
  REQUIRE(j.valid());
  for (const char* key : {"tool", "version", "rule_set", "name", "as_of", "dossiers", "file", "verdict", "results",
                          "id", "clause", "outcome", "actual", "required", "message", "warnings", "errors", "line",
                          "column", "summary", "eligible", "needs-review", "incomplete", "ineligible", "invalid"}) {
    INFO(key);
    CHECK(j.keys.count(key) == 1);
  }
  CHECK(contains(json, "\"tool\": \"ipzone\""));
  CHECK(contains(json, "\"rule_set\": {\"name\": \"recognition\", \"version\": \"2023-12-20\"}"));
  CHECK(contains(json, "\"as_of\": null"));  // the dossiers differ: one could not be evaluated
  CHECK(contains(json, "\"as_of\": \"2024-03-31\""));
  CHECK(contains(json, "\"name\": \"\\\"引号\\\\园\\\"\""));
  CHECK(contains(json, "\"verdict\": \"ineligible\""));
  CHECK(contains(json, "\"verdict\": \"invalid\""));
  CHECK(contains(json, "\"id\": \"art5.2.high-end-share\", \"clause\": \"第五条第2项\", \"outcome\": \"fail\", "
                       "\"actual\": \"55.3% (47/85)\", \"required\": \"≥ 60%\""));
  CHECK(contains(json, "\"results\": []"));
  CHECK(contains(json, "\"summary\": {\"eligible\": 0, \"needs-review\": 0, \"incomplete\": 0, \"ineligible\": 1, "
                       "\"invalid\": 1}"));
}

TEST_CASE("JSON: an empty report is valid JSON", "[report][json]") {
  ipz::Report report;
  std::ostringstream out;
  ipz::write_json(report, out);
  JsonChecker j(out.str());
  CHECK(j.valid());
  CHECK(contains(out.str(), "\"dossiers\": []"));
}

// ---------------------------------------------------------------------------
// The message catalogue

TEST_CASE("Catalogue: rules/messages*.yaml parse with zero diagnostics, no key twice, every text in both languages",
          "[catalogue]") {
  std::size_t parsed_entries = 0;
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(IPZONE_SOURCE_DIR) / "rules")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("messages") || entry.path().extension() != ".yaml") continue;
    const std::string text = read_text(entry.path());
    REQUIRE_FALSE(text.empty());
    ipz::Diagnostics diags;
    auto parsed = ipz::parse_catalogue(text, "rules/" + name, diags);
    INFO(name << ": " << ipz::test::shown(diags));
    CHECK(diags.empty());
    for (const auto& [key, t] : parsed.entries()) {
      INFO(key);
      CHECK(keys.insert(key).second);  // one file per key
    }
    parsed_entries += parsed.entries().size();
  }
  CHECK(parsed_entries == cat().entries().size());
  CHECK(parsed_entries > 50);
  for (const auto& [key, t] : cat().entries()) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" ") == std::string::npos; };
    INFO(key);
    CHECK(blank(t.zh) == blank(t.en));  // unit.count is empty in both, text.note_separator blank
  }
}

TEST_CASE("Catalogue: every text has the same placeholders in Chinese and English", "[catalogue]") {
  for (const auto& [key, t] : cat().entries()) {
    auto zh = ipz::placeholders(t.zh), en = ipz::placeholders(t.en);
    INFO(key);
    CHECK(std::set<std::string>(zh.begin(), zh.end()) == std::set<std::string>(en.begin(), en.end()));
  }
}

TEST_CASE("Catalogue: every message key used in src/ exists in both languages", "[catalogue]") {
  // Message keys are string literals "prefix.name" (or "\x01prefix.name")
  // whose prefix is one of the catalogue's; file names are not keys.
  std::set<std::string> prefixes;
  for (const auto& [key, t] : cat().entries()) prefixes.insert(key.substr(0, key.find('.')));
  std::set<std::string> used;
  const auto src = std::filesystem::path(IPZONE_SOURCE_DIR) / "src";
  REQUIRE(std::filesystem::is_directory(src));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const auto ext = entry.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    for (const std::string& key : key_like_literals(read_text(entry.path()))) {
      if (!prefixes.count(key.substr(0, key.find('.')))) continue;
      used.insert(key);
    }
  }
  // Keys the code builds from a name.
  for (auto o : {Outcome::pass, Outcome::fail, Outcome::review, Outcome::missing}) {
    used.insert("outcome." + std::string(ipz::outcome_name(o)));
    used.insert("outcome." + std::string(ipz::outcome_name(o)) + ".mark");
  }
  for (auto v : {Verdict::eligible, Verdict::needs_review, Verdict::incomplete, Verdict::ineligible, Verdict::invalid})
    used.insert("verdict." + std::string(ipz::verdict_name(v)));
  for (const auto& kind : {"kind.null", "kind.scalar", "kind.list", "kind.map"}) used.insert(kind);
  for (const auto& unit : {"unit.count", "unit.percent", "unit.years"}) used.insert(unit);  // "unit." + unit
  for (const auto& basis : {"detail.basis.declared", "detail.basis.size_standard"}) used.insert(basis);
  CHECK(used.size() > 80);
  for (const auto& key : used) {
    INFO(key);
    CHECK(cat().has(key));
  }
}

TEST_CASE("Catalogue: the key scanner finds keys in code, not in comments or file names", "[catalogue]") {
  const std::string code = "f(\"dossier.x_y\", \"\\x01kind.list\"); // \"dossier.in_comment\"\n"
                           "char q = '\"'; g(\"rules/recognition/ruleset.yaml\", \"a.yaml\", \"text.a-b.c\");\n"
                           "/* \"yaml.block\" */ h(\"Not.a_key\", \"verdict.\", \"outcome.x\" \"9.z\");\n";
  CHECK(key_like_literals(code) ==
        std::vector<std::string>{"dossier.x_y", "kind.list", "text.a-b.c", "outcome.x"});
}

TEST_CASE("Catalogue: fill replaces placeholders, translates catalogue references, says a value was not computed",
          "[catalogue]") {
  // (Until issue 9 a value not given was shown as "-".)
  const ipz::MessageArgs args = {{"a", "1"}, {"flag", "\x01value.true"}, {"a", "2"}};
  CHECK(cat().fill("{a} {flag} {b}", args, Lang::en) == "2 yes (not computed)");
  CHECK(cat().fill("{b}", args, Lang::zh) == "（未计算）");
  CHECK(cat().fill("{a} {flag}", args, Lang::zh) == "2 是");
  CHECK(cat().fill("no placeholders {", args, Lang::en) == "no placeholders {");
  CHECK(cat().get("no.such.key", Lang::en) == "no.such.key");
  CHECK(ipz::placeholders("{a} and {b.c} {") == std::vector<std::string>{"a", "b.c"});
}

TEST_CASE("Catalogue: a reference may carry arguments of its own, which fill it first", "[catalogue]") {
  const ipz::MessageArgs args = {{"suggestion", "outer"}, {"hint", "\x01hint.closest\x1esuggestion\x1d海淀区"},
                                 {"two", "\x01roster.who_uscc\x1ename\x1d甲\x1euscc\x1d" "9111"}};
  CHECK(cat().fill("x{hint}", args, Lang::en) == "x (closest: 海淀区)");
  CHECK(cat().fill("{two}", args, Lang::en) == "甲, USCC 9111");
  CHECK(cat().fill("{suggestion}", args, Lang::en) == "outer");  // the outer value is untouched
}

TEST_CASE("Catalogue: a did-you-mean part is worded with the names, and left out without any", "[catalogue][similarity]") {
  ipz::MessageArgs with = ipz::suggestion_args({"art5.2.count"}, "hint.did_you_mean");
  with.insert(with.end(), {{"id", "art5.2.cuont"}, {"known", "art5.2.count"}});
  CHECK(cat().render("explain.unknown_rule", with, Lang::en) ==
        "no rule art5.2.cuont (did you mean art5.2.count?); rules: art5.2.count");
  CHECK(cat().render("explain.unknown_rule", with, Lang::zh) == "没有规则 art5.2.cuont（是否应为 art5.2.count？）；规则：art5.2.count");
  ipz::MessageArgs without = ipz::suggestion_args({}, "hint.did_you_mean");
  without.insert(without.end(), {{"id", "zzz"}, {"known", "art5.2.count"}});
  CHECK(cat().render("explain.unknown_rule", without, Lang::en) == "no rule zzz; rules: art5.2.count");
  CHECK(cat().render("explain.unknown_rule", without, Lang::zh) == "没有规则 zzz；规则：art5.2.count");
  // Several names, as an industry's close names.
  CHECK(cat().fill("x{did_you_mean}", ipz::suggestion_args({"医药健康", "生物技术与生命科学"}, "hint.close_names"), Lang::en) ==
        "x; close names: 医药健康, 生物技术与生命科学");
}

TEST_CASE("Catalogue: a diagnostic's kind argument is translated", "[catalogue]") {
  auto loaded = ipz::load_dossier("- a\n", "x.yaml");
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(cat().render(loaded.diagnostics[0].key, loaded.diagnostics[0].args, Lang::en) ==
        "a dossier is a map (format, zone, operator, enterprises ...), found a list");
}

TEST_CASE("Catalogue: every diagnostic raised over the test dossiers and examples has every value its message needs",
          "[catalogue][corpus]") {
  const auto root = std::filesystem::path(IPZONE_SOURCE_DIR);
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"tests/dossiers", "examples"}) {
    if (!std::filesystem::is_directory(root / dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(root / dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  REQUIRE(files.size() > 20);
  std::size_t diagnostics = 0;
  for (const auto& path : files) {
    const std::string text = read_text(path);
    auto loaded = ipz::load_dossier(text, path.string());
    ipz::Diagnostics all = loaded.diagnostics;
    if (loaded.dossier) {
      const ipz::Date on = loaded.dossier->as_of.value_or(ipz::Date{2024, 3, 31});
      auto facts = ipz::derive_facts(*loaded.dossier, on, ipz::test::shipped_rules());
      auto e = ipz::evaluate(ipz::test::shipped_rules(), facts);
      all.insert(all.end(), facts.warnings.begin(), facts.warnings.end());
      all.insert(all.end(), e.diagnostics.begin(), e.diagnostics.end());
    }
    for (const auto& d : all) {
      ++diagnostics;
      INFO(path.filename().string() << ": " << ipz::test::shown(d));
      CHECK(cat().has(d.key));
      for (Lang lang : {Lang::zh, Lang::en})
        for (const auto& name : ipz::placeholders(cat().get(d.key, lang))) CHECK(ipz::test::arg_of(d.args, name));
    }
  }
  CHECK(diagnostics > 20);
}
