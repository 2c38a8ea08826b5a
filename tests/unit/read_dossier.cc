// Unit tests for read/dossier_loader: dossier format v1 read into a Dossier,
// with every error of a file reported at its line and column, and the data
// checks that are warnings.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>

#include "dossier_builder.h"
#include "model/fact_catalogue.h"
#include "read/dossier_loader.h"
#include "read/history_kinds.h"
#include "read/vocabularies.h"
#include "read/roster_csv.h"

using ipz::Diagnostic;
using ipz::LoadedDossier;
using ipz::Severity;
using ipz::test::arg_of;
using ipz::test::with_key;

namespace {

// The smallest valid dossier: the required fields and two roster rows.
const std::string kMinimal =
    "format: ipzone-dossier/1\n"                                     // 1
    "zone:\n"                                                        // 2
    "  name: 示例园\n"                                               // 3
    "  carrier_type: science_park\n"                                 // 4
    "  district: 海淀区\n"                                           // 5
    "operator:\n"                                                    // 6
    "  name: 示例运营公司\n"                                         // 7
    "enterprises:\n"                                                 // 8
    "  - {name: 甲公司, sme: true, high_end_industry: 集成电路, "      // 9
    "patents: {invention: 1, utility_model: 2, design: 3}}\n"        //
    "  - name: 乙公司\n"                                             // 10
    "    sme: false\n"                                               // 11
    "    patents: {valid: 12, invention: 4}\n";                      // 12

// text with the first `from` replaced by `to` (which must be there).
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test text lacks " + from);
  return text.replace(at, from.size(), to);
}

LoadedDossier load(const std::string& text) { return ipz::load_dossier(text, "d.yaml"); }

// The errors of text, which must not load.
ipz::Diagnostics errors_of(const std::string& text) {
  auto l = load(text);
  CHECK_FALSE(l.dossier);
  ipz::Diagnostics out;
  for (const auto& d : l.diagnostics)
    if (d.severity == Severity::error) out.push_back(d);
  return out;
}

// The one error of text.
Diagnostic one_error(const std::string& text) {
  auto errors = errors_of(text);
  INFO(ipz::test::shown(errors));
  REQUIRE(errors.size() == 1);
  return errors.front();
}

void check_at(const Diagnostic& d, const std::string& key, int line, int column) {
  INFO(ipz::test::shown(d));
  CHECK(d.key == key);
  CHECK(d.where.file == "d.yaml");
  CHECK(d.where.line == line);
  CHECK(d.where.column == column);
}

}  // namespace

// ---------------------------------------------------------------------------
// Valid dossiers

TEST_CASE("Dossier: the minimal dossier loads with no diagnostics", "[dossier]") {
  auto l = load(kMinimal);
  INFO(ipz::test::shown(l.diagnostics));
  REQUIRE(l.dossier);
  CHECK(l.diagnostics.empty());
  const ipz::Dossier& d = *l.dossier;
  CHECK(d.file == "d.yaml");
  CHECK_FALSE(d.as_of);
  CHECK(d.zone.name == "示例园");
  CHECK(d.zone.carrier_type == "science_park");
  CHECK(d.zone.district == "海淀区");
  CHECK_FALSE(d.zone.industry_directions);
  CHECK_FALSE(d.zone.relaxation_grounds);
  CHECK(d.op.name == "示例运营公司");
  CHECK_FALSE(d.op.credit);
  CHECK_FALSE(d.op.evidence);
  CHECK(d.history.empty());
  CHECK_FALSE(d.documents);
  CHECK_FALSE(d.declared);
  REQUIRE(d.enterprises.size() == 2);
  CHECK(d.enterprises[0].row == 1);
  CHECK(d.enterprises[0].where.line == 9);
  CHECK(d.enterprises[1].row == 2);
  CHECK(d.enterprises[1].where.line == 10);
}

TEST_CASE("Dossier: patents {invention, utility_model, design} sum to the valid patents", "[dossier][patents]") {
  auto l = load(kMinimal);
  REQUIRE(l.dossier);
  CHECK(l.dossier->enterprises[0].valid_patents == 6);
  CHECK(l.dossier->enterprises[0].invention_patents == 1);
}

TEST_CASE("Dossier: patents {valid, invention} are taken as given", "[dossier][patents]") {
  auto l = load(kMinimal);
  REQUIRE(l.dossier);
  CHECK(l.dossier->enterprises[1].valid_patents == 12);
  CHECK(l.dossier->enterprises[1].invention_patents == 4);
}

TEST_CASE("Dossier: a row without patents holds none", "[dossier][patents]") {
  auto l = load(with(kMinimal, "    patents: {valid: 12, invention: 4}\n", ""));
  REQUIRE(l.dossier);
  CHECK(l.dossier->enterprises[1].valid_patents == 0);
  CHECK(l.dossier->enterprises[1].invention_patents == 0);
}

TEST_CASE("Dossier: the base dossier of the builder loads with no diagnostics", "[dossier]") {
  auto l = load(ipz::test::DossierBuilder{}.yaml());
  INFO(ipz::test::shown(l.diagnostics));
  REQUIRE(l.dossier);
  CHECK(l.diagnostics.empty());
  const ipz::Dossier& d = *l.dossier;
  CHECK(d.as_of == ipz::Date{2024, 3, 31});
  CHECK(d.enterprises.size() == 80);
  REQUIRE(d.op.credit);
  REQUIRE(d.op.credit->administrative_penalties);
  CHECK(d.op.credit->administrative_penalties->empty());
  REQUIRE(d.op.service_agencies);
  CHECK(d.op.service_agencies->size() == 1);
  REQUIRE(d.documents);
  CHECK(d.documents->work_plan == "工作方案.pdf");
}

TEST_CASE("Dossier: a UTF-8 byte order mark is accepted, lines and columns unchanged", "[dossier][utf8]") {
  auto l = load("\xEF\xBB\xBF" + kMinimal);
  REQUIRE(l.dossier);
  CHECK(l.diagnostics.empty());
  auto bad = errors_of("\xEF\xBB\xBF" + with(kMinimal, "  district: 海淀区\n", "  distrct: 海淀区\n"));
  auto unknown = with_key(bad, "field.unknown_key_suggest");
  REQUIRE(unknown.size() == 1);
  check_at(unknown[0], "field.unknown_key_suggest", 5, 3);
}

TEST_CASE("Dossier: high_end_industry is read as written; ~ and an empty value are empty", "[dossier]") {
  // Which words mean "in no high-end industry" (none, 无, 否 ...) is the rule
  // set's (tables/not-high-end.yaml), so the reader keeps them as written.
  for (const char* v : {"~", "", "null"}) {
    INFO(v);
    auto l = load(with(kMinimal, "high_end_industry: 集成电路", std::string("high_end_industry: ") + v));
    REQUIRE(l.dossier);
    REQUIRE(l.dossier->enterprises[0].high_end_industry);
    CHECK(l.dossier->enterprises[0].high_end_industry->empty());
  }
  for (const char* v : {"none", "无", "否"}) {
    auto l = load(with(kMinimal, "high_end_industry: 集成电路", std::string("high_end_industry: ") + v));
    REQUIRE(l.dossier);
    CHECK(l.dossier->enterprises[0].high_end_industry == v);
  }
  auto l = load(kMinimal);
  REQUIRE(l.dossier);
  CHECK(l.dossier->enterprises[0].high_end_industry == "集成电路");
  CHECK_FALSE(l.dossier->enterprises[1].high_end_industry);  // the key is absent
}

TEST_CASE("Dossier: administrative penalties may be bare dates or maps with a date", "[dossier][dates]") {
  auto l = load(kMinimal + "  # end of roster\n" +
                "history:\n  - {event: termination, date: 2019-04-01, summary: 考核不合格}\n");
  REQUIRE(l.dossier);
  REQUIRE(l.dossier->history.size() == 1);
  CHECK(l.dossier->history[0].event == "termination");
  CHECK(l.dossier->history[0].when.date == ipz::Date{2019, 4, 1});
  CHECK(l.dossier->history[0].when.where.line == 15);

  auto p = load(with(kMinimal, "  name: 示例运营公司\n",
                     "  name: 示例运营公司\n  credit:\n    administrative_penalties: [2022-01-02, {date: 2021-05-06, "
                     "authority: 某局}]\n"));
  INFO(ipz::test::shown(p.diagnostics));
  REQUIRE(p.dossier);
  REQUIRE(p.dossier->op.credit);
  REQUIRE(p.dossier->op.credit->administrative_penalties);
  REQUIRE(p.dossier->op.credit->administrative_penalties->size() == 2);
  CHECK((*p.dossier->op.credit->administrative_penalties)[0].date == ipz::Date{2022, 1, 2});
  CHECK((*p.dossier->op.credit->administrative_penalties)[1].date == ipz::Date{2021, 5, 6});
}

// ---------------------------------------------------------------------------
// Errors, each at its line and column

TEST_CASE("Dossier: an unknown key is an error with a did-you-mean suggestion", "[dossier][errors]") {
  auto errors = errors_of(with(kMinimal, "  carrier_type: science_park\n", "  carier_type: science_park\n"));
  auto unknown = with_key(errors, "field.unknown_key_suggest");
  REQUIRE(unknown.size() == 1);
  check_at(unknown[0], "field.unknown_key_suggest", 4, 3);
  CHECK(arg_of(unknown[0].args, "key") == "carier_type");
  CHECK(arg_of(unknown[0].args, "path") == "zone");
  CHECK(arg_of(unknown[0].args, "suggestion") == "carrier_type");
  // ... and the required field it should have been is missing as well
  auto missing = with_key(errors, "field.missing_required");
  REQUIRE(missing.size() == 1);
  CHECK(arg_of(missing[0].args, "path") == "zone.carrier_type");
}

TEST_CASE("Dossier: an unknown key with nothing close is an error without a suggestion", "[dossier][errors]") {
  auto d = one_error(kMinimal + "remarks: 备注\n");
  check_at(d, "field.unknown_key", 13, 1);
  CHECK(arg_of(d.args, "key") == "remarks");
  CHECK(arg_of(d.args, "path") == "/");
}

TEST_CASE("Dossier: an unknown key inside a roster row names the row", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "    sme: false\n", "    sme: false\n    high_end_industri: none\n"));
  check_at(d, "field.unknown_key_suggest", 12, 5);
  CHECK(arg_of(d.args, "path") == "enterprises[2]");
  CHECK(arg_of(d.args, "suggestion") == "high_end_industry");
}

TEST_CASE("Dossier: a string where a count belongs is field.expected_count", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: twelve, invention: 4}"));
  check_at(d, "field.expected_count", 12, 22);
  CHECK(arg_of(d.args, "path") == "enterprises[2].patents.valid");
  CHECK(arg_of(d.args, "value") == "twelve");
}

TEST_CASE("Dossier: a quoted number where a count belongs is field.expected_count", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: \"12\", invention: 4}"));
  check_at(d, "field.expected_count", 12, 22);
}

TEST_CASE("Dossier: a decimal where a count belongs is field.expected_count", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: 12.5, invention: 4}"));
  check_at(d, "field.expected_count", 12, 22);
}

TEST_CASE("Dossier: a count of 1e30 or 10^20 is field.too_large naming the limit, not \"no whole number\"",
          "[dossier][errors][limit]") {
  for (const char* value : {"1e30", "1E+30", "100000000000000000000", ".inf", "1000000000001"}) {
    INFO(value);
    auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", std::string("{valid: ") + value + ", invention: 4}"));
    check_at(d, "field.too_large", 12, 22);
    CHECK(arg_of(d.args, "value") == value);
    CHECK(arg_of(d.args, "limit") == "1000000000000");
  }
  // Negative in any notation is negative; 1e3 and 2.5 are still no whole number.
  check_at(one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: -1e30, invention: 4}")),
           "field.negative_count", 12, 22);
  check_at(one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: 1e3, invention: 4}")),
           "field.expected_count", 12, 22);
}

TEST_CASE("Dossier: a negative count is field.negative_count", "[dossier][errors]") {
  const std::string text = with(kMinimal, "{invention: 1, utility_model: 2", "{invention: -1, utility_model: 2");
  auto d = one_error(text);
  CHECK(d.key == "field.negative_count");
  CHECK(d.where.line == 9);
  CHECK(d.where.column > 60);
  CHECK(arg_of(d.args, "path") == "enterprises[1].patents.invention");
  CHECK(arg_of(d.args, "value") == "-1");
}

TEST_CASE("Dossier: invention patents above valid patents is an error at the invention count", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: 3, invention: 4}"));
  check_at(d, "dossier.invention_above_valid", 12, 36);
  CHECK(arg_of(d.args, "invention") == "4");
  CHECK(arg_of(d.args, "valid") == "3");
  CHECK(arg_of(d.args, "path") == "enterprises[2].patents");
}

TEST_CASE("Dossier: invention equal to valid is fine", "[dossier][patents][boundary]") {
  auto l = load(with(kMinimal, "{valid: 12, invention: 4}", "{valid: 4, invention: 4}"));
  CHECK(l.dossier);
  CHECK(l.diagnostics.empty());
}

TEST_CASE("Dossier: declared invention patents above declared valid patents is an error", "[dossier][errors]") {
  auto d = one_error(kMinimal + "declared: {valid_patents: 10, invention_patents: 11}\n");
  check_at(d, "dossier.invention_above_valid", 13, 50);
  CHECK(arg_of(d.args, "path") == "declared");
}

TEST_CASE("Dossier: parts above the valid patents given is an error", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "{valid: 12, invention: 4}", "{valid: 5, invention: 4, utility_model: 2}"));
  CHECK(d.key == "dossier.parts_above_valid");
  CHECK(d.where.line == 12);
  CHECK(arg_of(d.args, "parts") == "6");
}

TEST_CASE("Dossier: a missing zone.district is field.missing_required at the zone", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  district: 海淀区\n", ""));
  check_at(d, "field.missing_required", 3, 3);
  CHECK(arg_of(d.args, "path") == "zone.district");
}

TEST_CASE("Dossier: district: ~ is field.missing_required at its key", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  district: 海淀区\n", "  district: ~\n"));
  check_at(d, "field.missing_required", 5, 3);
}

TEST_CASE("Dossier: an empty district: is field.missing_required on its own line, not the next",
          "[dossier][errors]") {
  // yaml-cpp places the implicit null of an empty value at the next token
  // (here `operator:` on line 6, column 1); MapReader::require reports the
  // error there, so an editor jumps to the wrong line.
  auto d = one_error(with(kMinimal, "  district: 海淀区\n", "  district:\n"));
  CHECK(d.key == "field.missing_required");
  CHECK(d.where.line == 5);
}

TEST_CASE("Dossier: every required field is required", "[dossier][errors]") {
  const std::pair<const char*, const char*> cases[] = {
      {"format: ipzone-dossier/1\n", "format"},
      {"  name: 示例园\n", "zone.name"},
      {"  carrier_type: science_park\n", "zone.carrier_type"},
      {"  name: 示例运营公司\n", "operator.name"},
  };
  for (auto [line, path] : cases) {
    // (operator keeps another key, so that it is not null)
    INFO(path);
    auto d = one_error(with(with(kMinimal, "operator:\n", "operator:\n  legal_form: enterprise\n"), line, ""));
    CHECK(d.key == "field.missing_required");
    CHECK(arg_of(d.args, "path") == path);
  }
}

TEST_CASE("Dossier: a dossier without a roster (enterprises or enterprises_file) is invalid", "[dossier][errors]") {
  auto d = one_error(kMinimal.substr(0, kMinimal.find("enterprises:")));
  check_at(d, "dossier.roster_required", 1, 1);
}

TEST_CASE("Dossier: an enterprises_file that does not exist is an error at its value", "[dossier][errors]") {
  auto errors = errors_of(with(kMinimal, "enterprises:\n", "enterprises_file: no-such-roster.csv\nenterprises:\n"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "file.not_found");
  CHECK(errors[0].where.line == 8);
  CHECK(errors[0].where.column == 19);
}

TEST_CASE("Dossier: missing zone and operator sections are each reported", "[dossier][errors]") {
  auto errors = errors_of("format: ipzone-dossier/1\nenterprises: []\n");
  std::vector<std::string> paths;
  for (const auto& d : with_key(errors, "field.missing_required")) paths.push_back(arg_of(d.args, "path").value_or(""));
  CHECK(std::find(paths.begin(), paths.end(), "zone") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "operator") != paths.end());
}

TEST_CASE("Dossier: an impossible date 2024-02-30 is field.bad_date at the value", "[dossier][errors][dates]") {
  auto d = one_error(with(kMinimal, "zone:\n", "as_of: 2024-02-30\nzone:\n"));
  check_at(d, "field.bad_date", 2, 8);
  CHECK(arg_of(d.args, "path") == "as_of");
  CHECK(arg_of(d.args, "value") == "2024-02-30");
}

TEST_CASE("Dossier: dates in other notations are field.bad_date", "[dossier][errors][dates]") {
  // 2024/3/31, 2024-3-31 and 2024年3月31日 are accepted (issue 10, point 2); these are not.
  for (const char* v : {"2024.3.31", "31.03.2024", "3/31/2024", "2024年3月31", "20240331", "2024/3-31"}) {
    INFO(v);
    auto d = one_error(with(kMinimal, "zone:\n", std::string("as_of: ") + v + "\nzone:\n"));
    CHECK(d.key == "field.bad_date");
  }
}

TEST_CASE("Dossier: 2024-02-29 is a date, 2023-02-29 is not", "[dossier][dates][boundary]") {
  CHECK(load(with(kMinimal, "zone:\n", "as_of: 2024-02-29\nzone:\n")).dossier);
  CHECK(one_error(with(kMinimal, "zone:\n", "as_of: 2023-02-29\nzone:\n")).key == "field.bad_date");
}

TEST_CASE("Dossier: a wrong boolean is field.expected_bool", "[dossier][errors]") {
  for (const char* v : {"yes", "\"true\"", "1", "是的"}) {
    INFO(v);
    auto d = one_error(with(kMinimal, "    sme: false\n", std::string("    sme: ") + v + "\n"));
    check_at(d, "field.expected_bool", 11, 10);
  }
}

TEST_CASE("Dossier: a value outside a closed list is an error with a suggestion", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "carrier_type: science_park", "carrier_type: sciencepark"));
  check_at(d, "field.bad_choice_suggest", 4, 17);
  CHECK(arg_of(d.args, "suggestion") == "science_park");
  CHECK(arg_of(d.args, "choices").value_or("").find("incubator") != std::string::npos);
}

TEST_CASE("Dossier: format/vocabularies.yaml loads without a problem and names every vocabulary used",
          "[dossier][vocabulary]") {
  INFO(ipz::test::shown(ipz::vocabularies_diagnostics()));
  CHECK(ipz::vocabularies_diagnostics().empty());
  for (const char* name : {"carrier_type", "legal_form", "service_function", "relaxation_ground"}) {
    INFO(name);
    REQUIRE(ipz::vocabularies().find(name));
    for (const auto& t : ipz::vocabulary(name).terms) {
      CHECK_FALSE(t.label.zh.empty());
      CHECK_FALSE(t.label.en.empty());
    }
  }
  CHECK(ipz::vocabulary("carrier_type").find("孵化器")->value == "incubator");
  CHECK(ipz::vocabulary("carrier_type").find("科技企业孵化器")->value == "incubator");
  CHECK(ipz::vocabularies().yes == std::vector<std::string>{"是", "有"});
}

TEST_CASE("Dossier: a closed vocabulary takes the value, either label or an alias; yes/no takes 是/否",
          "[dossier][vocabulary]") {
  std::string zh = with(kMinimal, "carrier_type: science_park", "carrier_type: 科技园");
  zh = with(zh, "    sme: false\n", "    sme: \"否\"\n");
  auto loaded = load(zh);
  REQUIRE(loaded.dossier);
  CHECK(loaded.dossier->zone.carrier_type == "science_park");
  CHECK(load(with(kMinimal, "carrier_type: science_park", "carrier_type: science park")).dossier->zone.carrier_type ==
        "science_park");
  auto d = one_error(with(kMinimal, "carrier_type: science_park", "carrier_type: 孵化园"));
  check_at(d, "field.bad_choice_suggest", 4, 17);
  CHECK(arg_of(d.args, "suggestion") == "孵化器");
  CHECK(arg_of(d.args, "choices").value_or("").find("incubator (孵化器)") != std::string::npos);
}

TEST_CASE("Dossier: counts take thousands separators and dates the ways a person writes them", "[dossier]") {
  std::string t = with(kMinimal, "{valid: 12, invention: 4}", "{valid: \"1,500\", invention: 4}");
  auto quoted = load(t);  // a quoted number is text, as before
  CHECK_FALSE(quoted.dossier);
  t = with(kMinimal, "    patents: {valid: 12, invention: 4}\n", "    patents:\n      valid: 1,500\n      invention: 4\n");
  t = with(t, "zone:\n", "as_of: 2024年3月31日\nzone:\n");
  auto l = load(t);
  INFO(ipz::test::shown(l.diagnostics));
  REQUIRE(l.dossier);
  CHECK(l.dossier->as_of == ipz::Date{2024, 3, 31});
  CHECK(one_error(with(t, "1,500", "1,50")).key == "field.expected_count");
  CHECK(one_error(with(t, "2024年3月31日", "2023年2月29日")).key == "field.bad_date");
}

TEST_CASE("Dossier: a list where text belongs is field.expected_text", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  name: 示例园\n", "  name: [示例园]\n"));
  check_at(d, "field.expected_text", 3, 9);
  CHECK(arg_of(d.args, "found") == "\x01kind.list");
}

TEST_CASE("Dossier: a text where a list belongs is field.expected_list", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  district: 海淀区\n", "  district: 海淀区\n  industry_directions: 集成电路\n"));
  check_at(d, "field.expected_list", 6, 24);
}

TEST_CASE("Dossier: a roster row that is not a map is field.expected_map", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  - name: 乙公司\n    sme: false\n    patents: {valid: 12, invention: 4}\n",
                          "  - 乙公司\n"));
  check_at(d, "field.expected_map", 10, 5);
  CHECK(arg_of(d.args, "path") == "enterprises[2]");
}

TEST_CASE("Dossier: a roster row without a name is an error", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "  - name: 乙公司\n    sme: false\n", "  - sme: false\n"));
  CHECK(d.key == "field.missing_required");
  CHECK(arg_of(d.args, "path") == "enterprises[2].name");
  CHECK(d.where.line == 10);
}

TEST_CASE("Dossier: an unknown history event is an error with a suggestion", "[dossier][errors]") {
  auto d = one_error(kMinimal + "history:\n  - {event: terminaton, date: 2020-01-01}\n");
  check_at(d, "field.bad_choice_suggest", 14, 13);
  CHECK(arg_of(d.args, "suggestion") == "termination");
}

TEST_CASE("Dossier: an unknown history event is an error naming every known kind, never another kind",
          "[dossier][errors][history]") {
  auto d = one_error(kMinimal + "history:\n  - {event: revocation, date: 2020-01-01}\n");
  check_at(d, "field.bad_choice", 14, 13);
  CHECK(arg_of(d.args, "choices") == "fraud_finding, termination, fund_fraud, cancellation, change");
  CHECK(ipz::builtin_catalogue().render(d.key, d.args, ipz::Lang::en) ==
        "history[1].event: revocation is not one of fraud_finding, termination, fund_fraud, cancellation, change");
}

TEST_CASE("Dossier: cancellation (Art. 12) and change (Art. 14) are history events; a change has a kind and a filing date",
          "[dossier][history]") {
  auto l = load(kMinimal +
                "history:\n"
                "  - {event: cancellation, date: 2021-05-10, summary: 取消资格, authority: 北京市知识产权局}\n"  // 14
                "  - {event: change, kind: merger, date: 2023-05-01, filed: 2023-05-20}\n"                        // 15
                "  - {event: change, kind: rename, date: 2023-08-01}\n");                                          // 16
  INFO(ipz::test::shown(l.diagnostics));
  REQUIRE(l.dossier);
  CHECK(l.diagnostics.empty());
  const auto& h = l.dossier->history;
  REQUIRE(h.size() == 3);
  CHECK(h[0].event == "cancellation");
  CHECK(h[0].change.empty());
  CHECK(h[1].event == "change");
  CHECK(h[1].change == "merger");
  CHECK(h[1].filed == ipz::Date{2023, 5, 20});
  CHECK(h[2].change == "rename");
  CHECK_FALSE(h[2].filed);
  CHECK(h[2].index == 3);
}

TEST_CASE("Dossier: a change needs its kind, one of the kinds listed; other events take no kind or filed",
          "[dossier][errors][history]") {
  auto no_kind = one_error(kMinimal + "history:\n  - {event: change, date: 2023-05-01}\n");
  CHECK(no_kind.key == "field.missing_required");
  CHECK(arg_of(no_kind.args, "path") == "history[1].kind");
  auto bad_kind = one_error(kMinimal + "history:\n  - {event: change, kind: sale, date: 2023-05-01}\n");
  CHECK(arg_of(bad_kind.args, "choices") == "merger, restructuring, bankruptcy, rename");
  auto stray = one_error(kMinimal + "history:\n  - {event: termination, kind: merger, date: 2023-05-01}\n");
  CHECK(stray.key.rfind("field.unknown_key", 0) == 0);
  auto bad_filed = one_error(kMinimal + "history:\n  - {event: change, kind: merger, date: 2023-05-01, filed: soon}\n");
  CHECK(bad_filed.key == "field.bad_date");
}

TEST_CASE("Dossier: format/history-events.yaml loads without a problem, and each kind has its fact",
          "[dossier][history]") {
  INFO(ipz::test::shown(ipz::history_kinds_diagnostics()));
  CHECK(ipz::history_kinds_diagnostics().empty());
  const auto& kinds = ipz::history_kinds();
  REQUIRE(kinds.events.size() == 5);
  for (const auto& k : kinds.events) {
    INFO(k.kind);
    CHECK(ipz::find_fact("history." + k.kind));
    CHECK_FALSE(k.label.zh.empty());
    CHECK_FALSE(k.label.en.empty());
    CHECK_FALSE(k.article.zh.empty());
  }
  REQUIRE(kinds.find("change"));
  CHECK(kinds.find("change")->changes.size() == 4);
  CHECK(kinds.find("change")->change("rename")->label.zh == "名称变更");
}

TEST_CASE("Dossier: a history event without a date is an error", "[dossier][errors]") {
  auto d = one_error(kMinimal + "history:\n  - {event: termination}\n");
  CHECK(d.key == "field.missing_required");
  CHECK(arg_of(d.args, "path") == "history[1].date");
}

TEST_CASE("Dossier: a format other than ipzone-dossier/1 is dossier.bad_format", "[dossier][errors]") {
  auto d = one_error(with(kMinimal, "format: ipzone-dossier/1", "format: ipzone-dossier/2"));
  check_at(d, "dossier.bad_format", 1, 9);
  CHECK(arg_of(d.args, "value") == "ipzone-dossier/2");
  CHECK(arg_of(d.args, "expected") == "ipzone-dossier/1");
}

// ---------------------------------------------------------------------------
// Errors of the file as a whole

TEST_CASE("Dossier: an empty file is file.empty", "[dossier][errors][file]") {
  check_at(one_error(""), "file.empty", 1, 1);
}

TEST_CASE("Dossier: a file of comments only is file.empty", "[dossier][errors][file]") {
  check_at(one_error("# ipzone dossier\n# to be filled in\n\n"), "file.empty", 1, 1);
}

TEST_CASE("Dossier: GBK bytes are file.gbk at the first bad byte", "[dossier][errors][file][utf8]") {
  // 北京园 in GBK: B1 B1 BE A9 D4 B0 (B1 cannot start a UTF-8 character)
  auto d = one_error(with(kMinimal, "  name: 示例园\n", "  name: \xB1\xB1\xBE\xA9\xD4\xB0\n"));
  check_at(d, "file.gbk", 3, 9);
  // 示例园 in GBK: CA BE C0 FD D4 B0; CA BE happens to be a UTF-8 character
  auto later = one_error(with(kMinimal, "  name: 示例园\n", "  name: \xCA\xBE\xC0\xFD\xD4\xB0\n"));
  check_at(later, "file.gbk", 3, 10);
}

TEST_CASE("Dossier: a duplicate key is yaml.duplicate_key and the dossier is invalid", "[dossier][errors][yaml]") {
  auto d = one_error(with(kMinimal, "  district: 海淀区\n", "  district: 海淀区\n  district: 朝阳区\n"));
  check_at(d, "yaml.duplicate_key", 6, 3);
  CHECK(arg_of(d.args, "first_line") == "5");
}

TEST_CASE("Dossier: deep nesting is yaml.too_deep, without a crash", "[dossier][errors][yaml][depth]") {
  auto errors = errors_of(kMinimal + "notes: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  auto deep = with_key(errors, "yaml.too_deep");
  REQUIRE(deep.size() == 1);
  CHECK(deep[0].where.line == 13);
}

TEST_CASE("Dossier: a second YAML document is yaml.several_documents", "[dossier][errors][yaml]") {
  auto d = one_error(kMinimal + "---\n" + kMinimal);
  check_at(d, "yaml.several_documents", 14, 1);
}

TEST_CASE("Dossier: a top-level list is dossier.not_a_map at 1:1", "[dossier][errors]") {
  auto d = one_error("- format: ipzone-dossier/1\n- zone: {}\n");
  check_at(d, "dossier.not_a_map", 1, 1);
  CHECK(arg_of(d.args, "found") == "\x01kind.list");
}

TEST_CASE("Dossier: a top-level scalar is dossier.not_a_map", "[dossier][errors]") {
  auto d = one_error("ipzone-dossier/1\n");
  check_at(d, "dossier.not_a_map", 1, 1);
  CHECK(arg_of(d.args, "found") == "\x01kind.scalar");
}

TEST_CASE("Dossier: YAML syntax errors are yaml.syntax with a position", "[dossier][errors][yaml]") {
  auto d = one_error(with(kMinimal, "  name: 示例运营公司\n", "  name: [示例运营公司\n"));
  CHECK(d.key == "yaml.syntax");
  CHECK(d.where.line >= 7);
  CHECK(d.where.column >= 1);
}

TEST_CASE("Dossier: all errors of a file are reported, not just the first", "[dossier][errors]") {
  std::string text = kMinimal;
  text = with(text, "  carrier_type: science_park\n", "  carrier_type: park\n");                // 4
  text = with(text, "  name: 示例运营公司\n", "  name: 示例运营公司\n  zone_operating_since: 2021-13-01\n");  // 8
  text = with(text, "{invention: 1,", "{invention: -3,");                                     // 10
  text = with(text, "    sme: false\n", "    sme: no\n    size: large\n");                    // 12, 13
  text += "declared: {enterprise_count: many}\n";                                             // 15
  auto errors = errors_of(text);
  INFO(ipz::test::shown(errors));
  std::vector<std::pair<std::string, int>> got;
  for (const auto& d : errors) got.emplace_back(d.key, d.where.line);
  auto has = [&](const std::string& key, int line) {
    return std::find(got.begin(), got.end(), std::make_pair(key, line)) != got.end();
  };
  CHECK(has("field.bad_choice_suggest", 4));
  CHECK(has("field.bad_date", 8));
  CHECK(has("field.negative_count", 10));
  CHECK(has("field.expected_bool", 12));
  CHECK(errors.size() >= 6);
  CHECK(has("field.expected_count", 15));
  // ... and they come in file order
  for (std::size_t i = 1; i < errors.size(); ++i) CHECK(errors[i - 1].where.line <= errors[i].where.line);
}

TEST_CASE("Dossier: an error is reported once", "[dossier][errors]") {
  auto errors = errors_of(with(kMinimal, "  name: 示例运营公司\n", "  name: 示例运营公司\n  credit: {credit_china_bad_records: -1}\n"));
  CHECK(errors.size() == 1);
}

// ---------------------------------------------------------------------------
// Warnings

TEST_CASE("Dossier: a USCC with a wrong check character is a warning, and the dossier loads", "[dossier][warnings][uscc]") {
  const std::string good = ipz::test::valid_uscc("91110108551385082");
  std::string bad = good;
  bad.back() = bad.back() == 'A' ? 'B' : 'A';
  auto l = load(with(kMinimal, "  name: 示例运营公司\n", "  name: 示例运营公司\n  uscc: " + bad + "\n"));
  REQUIRE(l.dossier);
  REQUIRE(l.diagnostics.size() == 1);
  const auto& d = l.diagnostics[0];
  CHECK(d.severity == Severity::warning);
  check_at(d, "dossier.uscc_check", 8, 9);
  CHECK(arg_of(d.args, "expected") == std::string(1, good.back()));
  CHECK(load(with(kMinimal, "  name: 示例运营公司\n", "  name: 示例运营公司\n  uscc: " + good + "\n")).diagnostics.empty());
}

TEST_CASE("Dossier: a USCC of the wrong length or with a bad character is a warning", "[dossier][warnings][uscc]") {
  auto short_code = load(with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: 9111010855138508,"));
  REQUIRE(short_code.dossier);
  REQUIRE(short_code.diagnostics.size() == 1);
  CHECK(short_code.diagnostics[0].key == "dossier.uscc_length");
  CHECK(short_code.diagnostics[0].severity == Severity::warning);
  auto bad = load(with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: 91110108551385082I,"));
  REQUIRE(bad.dossier);
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].key == "dossier.uscc_character");
  CHECK(arg_of(bad.diagnostics[0].args, "position") == "18");
}

TEST_CASE("Dossier: a USCC in lower case is the same code in upper case, with a warning", "[dossier][warnings][uscc]") {
  auto lower = load(with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: 91110108551385082q,"));
  REQUIRE(lower.dossier);
  INFO(ipz::test::shown(lower.diagnostics));
  REQUIRE(lower.diagnostics.size() == 1);  // the code is well formed once in upper case
  check_at(lower.diagnostics[0], "dossier.uscc_lower_case", 9, 23);
  CHECK(arg_of(lower.diagnostics[0].args, "value") == "91110108551385082q");
  CHECK(arg_of(lower.diagnostics[0].args, "upper") == "91110108551385082Q");
  CHECK(lower.dossier->enterprises[0].uscc == "91110108551385082Q");
  auto op = load(with(kMinimal, "  name: 示例运营公司\n", "  name: 示例运营公司\n  uscc: 91110108551385082q\n"));
  REQUIRE(op.dossier);
  CHECK(with_key(op.diagnostics, "dossier.uscc_lower_case").size() == 1);
  CHECK(op.dossier->op.uscc == "91110108551385082Q");
}

TEST_CASE("Dossier: the same USCC in lower and in upper case is one enterprise", "[dossier][warnings][duplicates][uscc]") {
  const std::string code = ipz::test::valid_uscc("91110108MA01UQ6G1");
  std::string lower = code;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string text = with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: " + code + ",");
  text = with(text, "  - name: 乙公司\n", "  - name: 甲公司（北京）\n    uscc: " + lower + "\n");
  auto l = load(text);
  REQUIRE(l.dossier);
  CHECK(with_key(l.diagnostics, "dossier.uscc_lower_case").size() == 1);
  auto dup = with_key(l.diagnostics, "dossier.duplicate_uscc");
  REQUIRE(dup.size() == 1);
  CHECK(arg_of(dup[0].args, "row") == "enterprises[2]");
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[1]");
  CHECK(l.dossier->enterprises[1].duplicate_of == 1);
}

TEST_CASE("Dossier: the same USCC twice is one enterprise, with a warning naming both rows", "[dossier][warnings][duplicates]") {
  const std::string code = ipz::test::valid_uscc("91110108MA01UQ6G1");
  std::string text = with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: " + code + ",");
  text = with(text, "  - name: 乙公司\n", "  - name: 甲公司（北京）\n    uscc: " + code + "\n");
  auto l = load(text);
  REQUIRE(l.dossier);
  auto dup = with_key(l.diagnostics, "dossier.duplicate_uscc");
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].severity == Severity::warning);
  check_at(dup[0], "dossier.duplicate_uscc", 10, 5);
  CHECK(arg_of(dup[0].args, "row") == "enterprises[2]");
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[1]");
  CHECK(arg_of(dup[0].args, "uscc") == code);
  CHECK(l.dossier->enterprises[1].duplicate_of == 1);
  CHECK(l.dossier->enterprises[0].duplicate_of == 0);
}

TEST_CASE("Dossier: the same name twice without USCC is one enterprise, with a warning naming both rows",
          "[dossier][warnings][duplicates]") {
  auto l = load(with(kMinimal, "  - name: 乙公司\n", "  - name: 甲公司\n"));
  REQUIRE(l.dossier);
  auto dup = with_key(l.diagnostics, "dossier.duplicate_name");
  REQUIRE(dup.size() == 1);
  check_at(dup[0], "dossier.duplicate_name", 10, 5);
  CHECK(arg_of(dup[0].args, "row") == "enterprises[2]");
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[1]");
  CHECK(arg_of(dup[0].args, "name") == "甲公司");
}

TEST_CASE("Dossier: the same name where one row has a USCC is one enterprise", "[dossier][warnings][duplicates]") {
  const std::string code = ipz::test::valid_uscc("91110108MA01UQ6G1");
  auto l = load(with(kMinimal, "  - name: 乙公司\n", "  - name: 甲公司\n    uscc: " + code + "\n"));
  REQUIRE(l.dossier);
  CHECK(with_key(l.diagnostics, "dossier.duplicate_name").size() == 1);
  CHECK(l.dossier->enterprises[1].duplicate_of == 1);
}

TEST_CASE("Dossier: the same name with two different USCCs is two enterprises", "[dossier][duplicates]") {
  std::string text = with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: " + ipz::test::valid_uscc("91110108MA01UQ6G1") + ",");
  text = with(text, "  - name: 乙公司\n", "  - name: 甲公司\n    uscc: " + ipz::test::valid_uscc("91110108MA028YXEX") + "\n");
  auto l = load(text);
  REQUIRE(l.dossier);
  CHECK(l.dossier->enterprises[1].duplicate_of == 0);
  // ... with a warning naming both rows and both codes: one of them may be wrong.
  INFO(ipz::test::shown(l.diagnostics));
  REQUIRE(l.diagnostics.size() == 1);
  check_at(l.diagnostics[0], "dossier.same_name_other_uscc", 10, 5);
  CHECK(arg_of(l.diagnostics[0].args, "row") == "enterprises[2]");
  CHECK(arg_of(l.diagnostics[0].args, "first_row") == "enterprises[1]");
  CHECK(arg_of(l.diagnostics[0].args, "name") == "甲公司");
  CHECK(arg_of(l.diagnostics[0].args, "first_uscc") == ipz::test::valid_uscc("91110108MA01UQ6G1"));
  CHECK(arg_of(l.diagnostics[0].args, "uscc") == ipz::test::valid_uscc("91110108MA028YXEX"));
  CHECK(l.diagnostics[0].severity == Severity::warning);
}

TEST_CASE("Dossier: a third row repeating the first points at the first, not the second", "[dossier][duplicates]") {
  auto l = load(kMinimal + "  - {name: 甲公司, sme: true, high_end_industry: none}\n  - {name: 甲公司, sme: true, high_end_industry: none}\n");
  REQUIRE(l.dossier);
  auto dup = with_key(l.diagnostics, "dossier.duplicate_name");
  REQUIRE(dup.size() == 2);
  CHECK(arg_of(dup[0].args, "first_row") == "enterprises[1]");
  CHECK(arg_of(dup[1].args, "first_row") == "enterprises[1]");
  CHECK(arg_of(dup[1].args, "row") == "enterprises[4]");
}

TEST_CASE("Dossier: warnings do not make a dossier invalid, errors do even with warnings", "[dossier][warnings]") {
  auto l = load(with(kMinimal, "  - name: 乙公司\n", "  - name: 甲公司\n"));
  CHECK(l.dossier);
  CHECK_FALSE(ipz::has_errors(l.diagnostics));
  auto bad = load(with(with(kMinimal, "  - name: 乙公司\n", "  - name: 甲公司\n"), "sme: false", "sme: nope"));
  CHECK_FALSE(bad.dossier);
  CHECK(with_key(bad.diagnostics, "dossier.duplicate_name").size() == 1);
}

TEST_CASE("Dossier: the roster read while it is parsed gives what the tree gives, diagnostics in the same order",
          "[dossier][stream]") {
  // load_dossier(text) hands the roster's rows over as they are parsed
  // (yaml_tree's YamlListSink); load_dossier(tree) reads them from the tree.
  // Errors before, inside and after the roster, warnings in rows, and a second
  // roster from nowhere (history) must come out alike.
  std::string text = with(kMinimal, "  name: 示例园\n", "  name: 示例园\n  nmae: typo\n");
  text = with(text, "patents: {valid: 12, invention: 4}", "patents: {valid: 12, invention: 40}");
  text += "  - {name: 丙公司, uscc: 91110108MA01XXXXXX, sme: maybe}\n  - 甲公司\n"
          "  - {name: 甲公司, sme: true}\ndeclared: {enterprise_count: 9, sme_count: x}\n";
  ipz::Diagnostics parse_diags;
  const ipz::YamlDocument doc = ipz::parse_yaml(text, "d.yaml", parse_diags);
  REQUIRE(doc.ok);
  CHECK_FALSE(doc.streamed);
  const LoadedDossier from_tree = ipz::load_dossier(doc.root, "d.yaml");
  const LoadedDossier streamed = load(text);
  INFO("tree:\n" << ipz::test::shown(from_tree.diagnostics) << "streamed:\n" << ipz::test::shown(streamed.diagnostics));
  REQUIRE(from_tree.diagnostics.size() >= 6);
  REQUIRE(streamed.diagnostics.size() == from_tree.diagnostics.size());
  for (std::size_t i = 0; i < streamed.diagnostics.size(); ++i) {
    CHECK(streamed.diagnostics[i].key == from_tree.diagnostics[i].key);
    CHECK(streamed.diagnostics[i].where.line == from_tree.diagnostics[i].where.line);
    CHECK(streamed.diagnostics[i].where.column == from_tree.diagnostics[i].where.column);
    CHECK(streamed.diagnostics[i].args == from_tree.diagnostics[i].args);
  }
  // And a valid one loads the same rows.
  const LoadedDossier ok = load(kMinimal);
  REQUIRE(ok.dossier);
  REQUIRE(ok.dossier->enterprises.size() == 2);
  CHECK(ok.dossier->enterprises[1].name == "乙公司");
  CHECK(ok.dossier->enterprises[1].row == 2);
  CHECK(ok.dossier->enterprises[1].where.line == 10);
  CHECK(ok.dossier->enterprises[1].valid_patents == 12);
}

TEST_CASE("Dossier: a roster row's warning names the enterprise: its position, name and USCC", "[dossier][warnings]") {
  // (issue 9, point 8: an official must find the row in the applicant's list.)
  const std::string code = ipz::test::valid_uscc("91110108MA01UQ6G1");
  std::string text = with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: " + code + ",");
  text = with(text, "  - name: 乙公司\n", "  - name: 甲公司（北京）\n    uscc: " + code + "\n");
  auto l = load(text);
  REQUIRE(l.dossier);
  auto dup = with_key(l.diagnostics, "dossier.duplicate_uscc");
  REQUIRE(dup.size() == 1);
  const std::string en = ipz::builtin_catalogue().render(dup[0].key, dup[0].args, ipz::Lang::en);
  CHECK(en == "enterprises[2] (甲公司（北京）, USCC " + code + ") repeats enterprises[1] (甲公司, USCC " + code +
                  "): the same USCC, one enterprise, counted once");
  const std::string zh = ipz::builtin_catalogue().render(dup[0].key, dup[0].args, ipz::Lang::zh);
  CHECK(zh == "enterprises[2]（甲公司（北京），统一社会信用代码 " + code + "）与 enterprises[1]（甲公司，统一社会信用代码 " +
                  code + "）的统一社会信用代码相同，是同一家企业，只计一次");
  // A bad code names the enterprise too.
  auto bad = load(with(kMinimal, "{name: 甲公司,", "{name: 甲公司, uscc: 9111010855138508,"));
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(ipz::builtin_catalogue().render(bad.diagnostics[0].key, bad.diagnostics[0].args, ipz::Lang::en) ==
        "enterprises[1].uscc (甲公司): the USCC 9111010855138508 should have 18 characters, has 16");
}

TEST_CASE("Dossier: a USCC warning of a roster CSV row names the enterprise, whatever the column order",
          "[dossier][warnings][csv]") {
  std::vector<ipz::Enterprise> roster;
  ipz::Diagnostics diags;
  ipz::read_roster_csv("uscc,name\n9111010855138508,甲公司\n", "r.csv", roster, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].where.line == 2);
  CHECK(diags[0].where.column == 1);
  CHECK(ipz::builtin_catalogue().render(diags[0].key, diags[0].args, ipz::Lang::en) ==
        "r.csv:2 (甲公司): the USCC 9111010855138508 should have 18 characters, has 16");
}
