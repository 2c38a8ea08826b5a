// Test helpers for the engine's unit tests: a builder that writes dossier
// YAML (format ipzone-dossier/1) which passes every recognition rule unless a
// test changes one thing, and a one-call pipeline (load -> facts -> evaluate)
// over the rule set compiled into the binary.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "read/catalogue_loader.h"
#include "read/dossier_loader.h"
#include "read/rule_loader.h"
#include "model/catalogue.h"
#include "util/date.h"
#include "util/diagnostic.h"
#include "util/uscc.h"

namespace ipz::test {

// An 18-character USCC with a correct check character, from its first 17.
inline std::string valid_uscc(const std::string& first17) {
  std::string code = first17 + "0";
  UsccCheck c = check_uscc(code);
  if (c.status == UsccCheck::Status::bad_check_character) code.back() = c.expected_check;
  return code;
}

// The high-end industry names the builder cycles through (entries of high_end_2441).
inline const std::vector<std::string>& high_end_names() {
  static const std::vector<std::string> names = {"新一代信息技术", "集成电路", "医药健康"};
  return names;
}

// Writes a dossier. Every optional member is a raw YAML value (a scalar or a
// flow collection) written as is; std::nullopt leaves the key out. The
// defaults pass every rule of the recognition rule set on as_of 2024-03-31.
struct DossierBuilder {
  enum class PatentForm { valid_invention, parts };

  std::optional<std::string> format = "ipzone-dossier/1";
  std::optional<std::string> as_of = "2024-03-31";

  // zone
  std::optional<std::string> zone_name = "中关村示例科技园";
  std::optional<std::string> carrier_type = "science_park";
  std::optional<std::string> district = "海淀区";
  std::optional<std::string> industry_directions = "[新一代信息技术, 医药健康]";
  std::optional<std::string> ip_workstation = "false";
  std::optional<std::string> service_functions =
      "[policy_publicity, training, rights_protection, entrusted_management]";
  std::optional<std::string> relaxation_grounds;

  // operator
  std::optional<std::string> operator_name = "北京示例科技园运营管理有限公司";
  std::optional<std::string> legal_form = "enterprise";
  std::optional<std::string> independent_legal_person = "true";
  std::optional<std::string> actual_operator = "true";
  std::optional<std::string> zone_operating_since = "2019-06-01";
  std::optional<std::string> ip_services_since = "2019-09-01";
  bool evidence = true;  // false: no operator.evidence at all
  std::vector<std::pair<std::string, std::string>> evidence_parts = {
      {"management_system", "[知识产权管理制度汇编.pdf]"}, {"organization", "[知识产权服务中心设立文件.pdf]"},
      {"funding", "[知识产权专项经费预算表.pdf]"},        {"planning", "[知识产权发展规划.pdf]"},
      {"capability", "[知识产权服务平台建设情况.pdf]"},  {"effect", "[知识产权服务成效报告.pdf]"}};
  bool credit = true;  // false: no operator.credit at all
  std::optional<std::string> credit_china_bad_records = "0";
  std::optional<std::string> dishonest_debtor = "false";
  bool penalties_key = true;
  std::vector<std::string> penalties;  // dates of administrative penalties
  bool service_agencies = true;        // false: no operator.service_agencies
  std::vector<std::string> agency_sanctions;  // dates, on the one entrusted agency

  // history: {event, date}
  std::vector<std::pair<std::string, std::string>> history;

  // documents
  bool documents = true;
  std::optional<std::string> application_form = "申报书.pdf";
  std::optional<std::string> work_plan = "工作方案.pdf";
  std::optional<std::string> document_evidence = "[证明材料/营业执照副本.pdf, 证明材料/信用中国查询截图.pdf]";

  // roster: rows 1..enterprises; rows 1..smes are SMEs, rows 1..high_end
  // are in a high-end industry; the patents are spread over the first rows.
  int enterprises = 80;
  int smes = 70;
  int high_end = 56;
  long long valid_patents = 420;
  long long invention_patents = 165;
  PatentForm patent_form = PatentForm::valid_invention;
  std::map<int, std::string> row_override;  // row -> a raw flow map written instead
  std::vector<std::string> extra_rows;      // raw flow maps appended after the generated rows

  std::optional<std::string> declared;  // a raw flow map, e.g. "{enterprise_count: 80}"

  static std::string row_name(int row) {
    std::string n = std::to_string(row);
    while (n.size() < 3) n = "0" + n;
    return "北京测试" + n + "科技有限公司";
  }

  std::string yaml() const {
    std::string y;
    auto line = [&y](std::string_view indent, std::string_view key, const std::optional<std::string>& v) {
      if (v) y += std::string(indent) + std::string(key) + ": " + *v + "\n";
    };
    y += "# written by tests/unit/dossier_builder.h\n";
    line("", "format", format);
    line("", "as_of", as_of);
    y += "zone:\n";
    line("  ", "name", zone_name);
    line("  ", "carrier_type", carrier_type);
    line("  ", "district", district);
    line("  ", "industry_directions", industry_directions);
    line("  ", "ip_workstation", ip_workstation);
    line("  ", "service_functions", service_functions);
    line("  ", "relaxation_grounds", relaxation_grounds);
    y += "operator:\n";
    line("  ", "name", operator_name);
    line("  ", "legal_form", legal_form);
    line("  ", "independent_legal_person", independent_legal_person);
    line("  ", "actual_operator", actual_operator);
    line("  ", "zone_operating_since", zone_operating_since);
    line("  ", "ip_services_since", ip_services_since);
    if (evidence) {
      y += "  evidence:\n";
      for (const auto& [part, files] : evidence_parts) y += "    " + part + ": " + files + "\n";
    }
    if (credit) {
      y += "  credit:\n";
      line("    ", "credit_china_bad_records", credit_china_bad_records);
      line("    ", "dishonest_debtor", dishonest_debtor);
      if (penalties_key) {
        if (penalties.empty()) y += "    administrative_penalties: []\n";
        else y += "    administrative_penalties:\n";
        for (const auto& d : penalties) y += "      - {date: " + d + ", authority: 北京市市场监督管理局, summary: 测试}\n";
      }
    }
    if (service_agencies) {
      y += "  service_agencies:\n";
      y += "    - name: 北京某知识产权代理有限公司\n";
      y += "      abnormal_application_sanctions: [";
      for (std::size_t i = 0; i < agency_sanctions.size(); ++i)
        y += (i ? ", " : "") + std::string("{date: ") + agency_sanctions[i] + "}";
      y += "]\n";
    }
    if (history.empty()) {
      y += "history: []\n";
    } else {
      y += "history:\n";
      for (const auto& [event, date] : history) y += "  - {event: " + event + ", date: " + date + "}\n";
    }
    if (documents) {
      y += "documents:\n";
      line("  ", "application_form", application_form);
      line("  ", "work_plan", work_plan);
      line("  ", "evidence", document_evidence);
    }
    y += roster();
    line("", "declared", declared);
    return y;
  }

  std::string roster() const {
    const int patent_rows = std::min(enterprises, 4);
    std::vector<long long> valid(static_cast<std::size_t>(std::max(patent_rows, 0)), 0),
        invention(valid.size(), 0);
    if (patent_rows > 0) {
      for (int i = 0; i < patent_rows; ++i) valid[i] = valid_patents / patent_rows;
      valid[0] += valid_patents % patent_rows;
      long long left = invention_patents;
      for (int i = 0; i < patent_rows; ++i) {
        invention[i] = std::min(left, valid[i]);
        left -= invention[i];
      }
    }
    std::string y = enterprises == 0 && extra_rows.empty() ? "enterprises: []\n" : "enterprises:\n";
    for (int row = 1; row <= enterprises; ++row) {
      if (auto it = row_override.find(row); it != row_override.end()) {
        y += "  - " + it->second + "\n";
        continue;
      }
      std::string r = "{name: " + row_name(row) + ", sme: " + (row <= smes ? "true" : "false") +
                      ", high_end_industry: " +
                      (row <= high_end ? high_end_names()[static_cast<std::size_t>(row) % high_end_names().size()]
                                       : std::string("none"));
      if (row <= patent_rows) {
        const long long v = valid[static_cast<std::size_t>(row - 1)], i = invention[static_cast<std::size_t>(row - 1)];
        if (patent_form == PatentForm::valid_invention)
          r += ", patents: {valid: " + std::to_string(v) + ", invention: " + std::to_string(i) + "}";
        else
          r += ", patents: {invention: " + std::to_string(i) + ", utility_model: " + std::to_string(v - i) +
               ", design: 0}";
      }
      y += "  - " + r + "}\n";
    }
    for (const auto& extra : extra_rows) y += "  - " + extra + "\n";
    return y;
  }
};

// The 1-based line of the first line of text that contains needle (0 if none).
inline int line_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// The 1-based column (in code points) where needle starts on its line (0 if none).
inline int column_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return 0;
  const std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t from = (start == std::string_view::npos || at == 0) ? 0 : start + 1;
  int column = 1;
  for (std::size_t i = from; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// The recognition rule set compiled into the binary (loaded once).
inline const RuleSet& shipped_rules() {
  static const LoadedRules loaded = load_rule_set(embedded_rule_files("recognition"), "embedded");
  if (!loaded.rules) throw std::runtime_error("the embedded recognition rule set does not load");
  return *loaded.rules;
}

// A diagnostic as one line, for failure messages.
inline std::string shown(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.key +
         ": " + builtin_catalogue().render(d.key, d.args, Lang::en);
}

inline std::string shown(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += shown(d) + "\n";
  return out;
}

// The diagnostics with a given key.
inline std::vector<Diagnostic> with_key(const Diagnostics& ds, std::string_view key) {
  std::vector<Diagnostic> out;
  for (const auto& d : ds)
    if (d.key == key) out.push_back(d);
  return out;
}

// The value of a message argument, or nullopt.
inline std::optional<std::string> arg_of(const MessageArgs& args, std::string_view name) {
  std::optional<std::string> found;
  for (const auto& [k, v] : args)  // the last one wins, as in Catalogue::fill
    if (k == name) found = v;
  return found;
}

// One dossier through the pipeline: load, derive facts, evaluate.
struct Checked {
  std::string text;
  LoadedDossier loaded;
  Facts facts;
  Evaluation evaluation;

  const RuleResult& result(std::string_view id) const {
    for (const auto& r : evaluation.results)
      if (r.rule->id == id) return r;
    throw std::runtime_error("no rule " + std::string(id));
  }
  Outcome outcome(std::string_view id) const { return result(id).outcome; }
  std::string arg(std::string_view id, std::string_view name) const {
    auto v = arg_of(result(id).args, name);
    if (!v) throw std::runtime_error("rule " + std::string(id) + " has no argument " + std::string(name));
    return *v;
  }
  // Every diagnostic: loading, facts, evaluation.
  Diagnostics diagnostics() const {
    Diagnostics all = loaded.diagnostics;
    all.insert(all.end(), facts.warnings.begin(), facts.warnings.end());
    all.insert(all.end(), evaluation.diagnostics.begin(), evaluation.diagnostics.end());
    return all;
  }
};

// Loads text (which must load) and evaluates it with the shipped rules on
// as_of (default: the dossier's as_of).
inline Checked check_text(std::string text, std::optional<Date> as_of = std::nullopt) {
  Checked c;
  c.text = std::move(text);
  c.loaded = load_dossier(c.text, "test.yaml");
  if (!c.loaded.dossier) throw std::runtime_error("the dossier does not load:\n" + shown(c.loaded.diagnostics));
  const Dossier& d = *c.loaded.dossier;
  const Date on = as_of ? *as_of : d.as_of ? *d.as_of : Date{2024, 3, 31};
  c.facts = derive_facts(d, on, shipped_rules());
  c.evaluation = evaluate(shipped_rules(), c.facts);
  return c;
}

inline Checked check(const DossierBuilder& b, std::optional<Date> as_of = std::nullopt) {
  return check_text(b.yaml(), as_of);
}

inline Date date(const char* text) {
  auto d = parse_date(text);
  if (!d) throw std::runtime_error(std::string("bad test date ") + text);
  return *d;
}

}  // namespace ipz::test

namespace Catch {
template <>
struct StringMaker<ipz::Outcome> {
  static std::string convert(ipz::Outcome o) { return std::string(ipz::outcome_name(o)); }
};
template <>
struct StringMaker<std::optional<std::string>> {
  static std::string convert(const std::optional<std::string>& s) {
    return s ? StringMaker<std::string>::convert(*s) : std::string("(none)");
  }
};
template <>
struct StringMaker<ipz::Verdict> {
  static std::string convert(ipz::Verdict v) { return std::string(ipz::verdict_name(v)); }
};
}  // namespace Catch
