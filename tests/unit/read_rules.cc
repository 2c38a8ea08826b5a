// Unit tests for read/rule_loader: the shipped recognition rule set, and
// malformed rule sets, each problem an error at its file:line:column.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "dossier_builder.h"
#include "read/rule_loader.h"
#include "model/catalogue.h"
#include "evaluate/evaluator.h"
#include "evaluate/rule_lint.h"
#include "read/rule_tests.h"

using ipz::LoadedRules;
using ipz::RuleFile;
using ipz::test::arg_of;
using ipz::test::with_key;

namespace {

// A small valid rule set: two rules over one count and one share, and a table.
struct MiniSet {
  std::string ruleset =
      "rule_set: mini\n"        // 1
      "version: \"2024-01-01\"\n"  // 2
      "taxonomy: industries\n";  // 3
  std::string parameters =
      "parameters:\n"                                                  // 1
      "  min_enterprises:\n"                                           // 2
      "    title: {zh: 企业数量下限, en: minimum number of enterprises}\n"  // 3
      "    unit: count\n"                                              // 4
      "    values:\n"                                                  // 5
      "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n"  // 6
      "  min_sme_share:\n"                                             // 7
      "    unit: percent\n"                                            // 8
      "    values:\n"                                                  // 9
      "      - {since: 2023-12-20, value: 80, source: 第五条第2项}\n";  // 10
  std::string table =
      "table: industries\n"           // 1
      "entries:\n"                    // 2
      "  - 集成电路\n"                // 3
      "  - name: 新一代信息技术\n"    // 4
      "    aliases: [软件和信息服务]\n";  // 5
  std::string article =
      "article: {zh: 第五条, en: \"Art. 5\"}\n"           // 1
      "text: 第五条 集聚发展区企业数量原则上不少于70家\n"  // 2
      "rules:\n"                                          // 3
      "  - id: a.count\n"                                 // 4
      "    clause: {zh: 第五条第2项, en: \"Art. 5(2)\"}\n"  // 5
      "    text: 不少于70家\n"                            // 6
      "    check:\n"                                      // 7
      "      fact: enterprise_count\n"                    // 8
      "      op: at_least\n"                              // 9
      "      param: min_enterprises\n"                    // 10
      "    messages:\n"                                   // 11
      "      pass: {zh: 通过, en: passes}\n"              // 12
      "      fail: {zh: 不通过, en: fails}\n"             // 13
      "  - id: a.share\n"                                 // 14
      "    clause: {zh: 第五条第2项, en: \"Art. 5(2)\"}\n"  // 15
      "    text: 80%以上为中小企业\n"                      // 16
      "    check:\n"                                      // 17
      "      fact: sme_share\n"                           // 18
      "      op: at_least\n"                              // 19
      "      param: min_sme_share\n"                      // 20
      "    messages:\n"                                   // 21
      "      pass: {zh: 通过, en: passes}\n"              // 22
      "      fail: {zh: 不通过, en: fails}\n";            // 23
  std::vector<RuleFile> extra;

  std::vector<RuleFile> files() const {
    std::vector<RuleFile> out = {
        {"ruleset.yaml", "mini/ruleset.yaml", ruleset},
        {"parameters.yaml", "mini/parameters.yaml", parameters},
        {"tables/industries.yaml", "mini/tables/industries.yaml", table},
        {"articles/a.yaml", "mini/articles/a.yaml", article},
    };
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  }
  LoadedRules load() const { return ipz::load_rule_set(files(), "mini"); }
};

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test text lacks " + from);
  return text.replace(at, from.size(), to);
}

// The single error of a rule set that must not load.
ipz::Diagnostic one_error(const MiniSet& set) {
  auto loaded = set.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  CHECK_FALSE(loaded.rules);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].severity == ipz::Severity::error);
  return loaded.diagnostics[0];
}

void check_at(const ipz::Diagnostic& d, const std::string& key, const std::string& file, int line, int column) {
  INFO(ipz::test::shown(d));
  CHECK(d.key == key);
  CHECK(d.where.file == file);
  CHECK(d.where.line == line);
  CHECK(d.where.column == column);
}

const ipz::Rule* find_rule(const ipz::RuleSet& rules, const std::string& id) {
  for (const auto& a : rules.articles)
    for (const auto& r : a.rules)
      if (r.id == id) return &r;
  return nullptr;
}

const char* const kDesignRuleIds[] = {
    "art4.applicant",   "art5.1.carrier",   "art5.2.count",  "art5.2.sme-share", "art5.2.high-end-share",
    "art5.3.patents",   "art5.4.services",  "art6.legal-person", "art6.1.operation", "art6.2.services",
    "art6.3.effect",    "art6.4.credit",    "art7.documents", "art8.fraud-ban",   "art11.4.termination-ban",
    "art13.funds-ban"};

}  // namespace

// ---------------------------------------------------------------------------
// The shipped rule set

TEST_CASE("Rules: the shipped recognition rule set loads with zero diagnostics", "[rules][shipped]") {
  auto loaded = ipz::load_rule_set(ipz::embedded_rule_files("recognition"), "embedded");
  INFO(ipz::test::shown(loaded.diagnostics));
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.rules);
  CHECK(loaded.rules->name == "recognition");
  CHECK(loaded.rules->version == "2023-12-20");
  CHECK(loaded.rules->origin == "embedded");
  CHECK(loaded.rules->table(loaded.rules->taxonomy) != nullptr);
}

TEST_CASE("Rules: recognition is among the embedded rule sets", "[rules][shipped]") {
  auto sets = ipz::embedded_rule_sets();
  CHECK(std::find(sets.begin(), sets.end(), "recognition") != sets.end());
  CHECK(ipz::embedded_rule_files("no-such-set").empty());
}

TEST_CASE("Rules: every rule id of DESIGN.md exists, once", "[rules][shipped]") {
  const auto& rules = ipz::test::shipped_rules();
  std::multiset<std::string> ids;
  for (const auto& a : rules.articles)
    for (const auto& r : a.rules) ids.insert(r.id);
  for (const char* id : kDesignRuleIds) {
    INFO(id);
    CHECK(ids.count(id) == 1);
  }
  for (const auto& id : ids) CHECK(ids.count(id) == 1);
}

TEST_CASE("Rules: every shipped rule cites its clause and has pass and fail messages in both languages",
          "[rules][shipped]") {
  for (const auto& a : ipz::test::shipped_rules().articles) {
    for (const auto& r : a.rules) {
      INFO(r.id);
      CHECK_FALSE(r.clause.zh.empty());
      CHECK_FALSE(r.clause.en.empty());
      CHECK_FALSE(r.text.empty());
      CHECK_FALSE(r.title.zh.empty());
      CHECK_FALSE(r.title.en.empty());
      for (ipz::Outcome o : {ipz::Outcome::pass, ipz::Outcome::fail}) {
        auto m = r.messages.find(o);
        REQUIRE(m != r.messages.end());
        CHECK_FALSE(m->second.zh.empty());
        CHECK_FALSE(m->second.en.empty());
      }
    }
  }
}

TEST_CASE("Rules: the thresholds of the Measures are in force from 2023-12-20", "[rules][shipped][parameters]") {
  const auto& rules = ipz::test::shipped_rules();
  const std::pair<const char*, const char*> expected[] = {
      {"min_enterprises", "70"},     {"min_sme_share", "80"},          {"min_high_end_share", "60"},
      {"min_valid_patents", "300"},  {"min_invention_patents", "150"}, {"min_operating_years", "3"},
      {"min_ip_service_years", "3"}, {"max_bad_credit_records", "0"},  {"penalty_lookback_years", "3"},
      {"fraud_bar_years", "5"},      {"termination_bar_years", "5"},   {"fund_fraud_bar_years", "5"}};
  for (auto [name, value] : expected) {
    INFO(name);
    const ipz::Parameter* p = rules.parameter(name);
    REQUIRE(p);
    CHECK(p->in_force(ipz::Date{2023, 12, 19}) == nullptr);
    const ipz::ParameterValue* v = p->in_force(ipz::Date{2023, 12, 20});
    REQUIRE(v);
    CHECK(v->value.text == value);
    CHECK_FALSE(v->source.empty());
  }
  CHECK(rules.parameter("min_sme_share")->unit == "percent");
  CHECK(rules.parameter("min_enterprises")->unit == "count");
  CHECK(rules.parameter("fraud_bar_years")->unit == "years");
}

TEST_CASE("Rules: the districts table holds the 16 districts and the Development Area with its aliases",
          "[rules][shipped][tables]") {
  const ipz::Table* t = ipz::test::shipped_rules().table("beijing_districts");
  REQUIRE(t);
  CHECK(t->entries.size() == 17);
  CHECK(t->resolve("亦庄") == "北京经济技术开发区");
  CHECK(t->resolve("海淀区") == "海淀区");
  // As people write them, by the table's normalise steps (issue 9).
  CHECK(t->resolve("海淀") == "海淀区");
  CHECK(t->resolve("北京市海淀区") == "海淀区");
  CHECK(t->resolve("Haidian District") == "海淀区");
  CHECK_FALSE(t->resolve("滨海新区"));
  CHECK_FALSE(t->resolve("中关村"));
}

TEST_CASE("Rules: the words for \"in no high-end industry\" are a table that ruleset.yaml names",
          "[rules][shipped][tables]") {
  const auto& rules = ipz::test::shipped_rules();
  REQUIRE(rules.not_high_end == "not_high_end");
  const ipz::Table* t = rules.table(rules.not_high_end);
  REQUIRE(t);
  for (const char* w : {"none", "NONE", "无", "否", "/", "不属于", "非高精尖", "-", "N/A", " 否 "}) {
    INFO(w);
    CHECK(t->resolve(w));
  }
  CHECK_FALSE(t->resolve("集成电路"));
}

TEST_CASE("Rules: a table's normalise steps are tried in order, the name looked up after each", "[rules][tables]") {
  MiniSet s;
  s.table = with(s.table, "entries:\n",
                 "normalise:\n"
                 "  - trim\n"
                 "  - lower_case\n"
                 "  - drop_prefix: [中国, \"cn \"]\n"
                 "  - drop_suffix: [产业]\n"
                 "  - add_suffix: 电路\n"
                 "entries:\n  - ic\n");
  auto loaded = s.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  const ipz::Table* t = loaded.rules->table("industries");
  REQUIRE(t);
  REQUIRE(t->normalise.size() == 5);
  CHECK(t->resolve("集成电路") == "集成电路");
  CHECK(t->resolve("\u3000集成电路 \t") == "集成电路");            // trim, the full-width space too
  CHECK(t->resolve("中国集成电路") == "集成电路");                   // drop_prefix
  CHECK(t->resolve("集成电路产业") == "集成电路");                   // drop_suffix
  CHECK(t->resolve("中国集成") == "集成电路");                       // drop_prefix, then add_suffix
  CHECK(t->resolve("CN IC") == "ic");                                // lower_case, drop_prefix
  CHECK(t->resolve(" 软件和信息服务 ") == "新一代信息技术");          // an alias, trimmed
  CHECK_FALSE(t->resolve("集成"  "电路电路"));
  CHECK_FALSE(t->resolve("中国"));                                   // a prefix alone is not dropped
  CHECK(t->forms("中国集成") == std::vector<std::string>{"中国集成", "集成", "集成电路"});
}

TEST_CASE("Rules: a table without normalise steps takes names only as written", "[rules][tables]") {
  MiniSet s;
  auto loaded = s.load();
  REQUIRE(loaded.rules);
  const ipz::Table* t = loaded.rules->table("industries");
  CHECK(t->resolve("集成电路") == "集成电路");
  CHECK_FALSE(t->resolve(" 集成电路"));
}

TEST_CASE("Rules: an unknown normalise step is an error with a suggestion", "[rules][errors][tables]") {
  MiniSet s;
  s.table = with(s.table, "entries:\n", "normalise: [trim, lowercase]\nentries:\n");
  auto d = one_error(s);
  CHECK(d.where.file == "mini/tables/industries.yaml");
  CHECK(d.where.line == 2);
  CHECK(arg_of(d.args, "suggestion").value_or("").find("lower_case") != std::string::npos);
}

TEST_CASE("Rules: a normalise step of two keys, or with an empty text, is rules.name_step", "[rules][errors][tables]") {
  MiniSet s;
  s.table = with(s.table, "entries:\n", "normalise:\n  - {drop_prefix: [a], add_suffix: b}\nentries:\n");
  check_at(one_error(s), "rules.name_step", "mini/tables/industries.yaml", 3, 5);
  MiniSet e;
  e.table = with(e.table, "entries:\n", "normalise:\n  - add_suffix: \"\"\nentries:\n");
  check_at(one_error(e), "rules.name_step", "mini/tables/industries.yaml", 3, 17);
}

TEST_CASE("Rules: a not_high_end that names no table is rules.unknown_table", "[rules][errors][tables]") {
  MiniSet s;
  s.ruleset += "not_high_end: industriez\n";
  auto d = one_error(s);
  check_at(d, "rules.unknown_table", "mini/ruleset.yaml", 4, 15);
}

TEST_CASE("Rules: the taxonomy in force resolves the older names of 2017 as aliases", "[rules][shipped][tables]") {
  const auto& rules = ipz::test::shipped_rules();
  const ipz::Table* t = rules.table(rules.taxonomy);
  REQUIRE(t);
  CHECK(t->resolve("软件和信息服务") == "新一代信息技术");
  CHECK(t->resolve("人工智能") == "新一代信息技术");
  CHECK(t->resolve("智能装备") == "智能制造与装备");
  CHECK(t->resolve("集成电路") == "集成电路");
  CHECK_FALSE(t->resolve("人工智能芯片"));
  auto names = t->all_names();
  CHECK(std::find(names.begin(), names.end(), "新材料") != names.end());
}

TEST_CASE("Rules: every placeholder of a shipped rule's texts is a value the rule computes",
          "[rules][shipped][placeholders]") {
  // {F}, {F.suffix} for a fact F of the rule's conditions (check, review_when,
  // notes; suffixes as its operator gives them), {P}, {P.since} for a
  // parameter P it uses, {failed}, {missing}, {as_of}. (Whether the value is
  // computed for the outcome whose message uses it is checked in report.cc.)
  auto suffixes = [](const std::string& op, ipz::FactType type) -> std::vector<std::string> {
    if (op == "at_least" || op == "more_than" || op == "at_most" || op == "less_than" ||
        (op == "equals" && type == ipz::FactType::count)) {
      if (type == ipz::FactType::share) return {"", "bound", "need", "need_add", "need_percent"};
      if (op == "at_least" || op == "more_than") return {"", "bound", "need", "need_percent"};
      return {"", "bound", "need"};
    }
    if (op == "years_since_at_least") return {"", "years", "bound", "need", "days"};
    if (op == "none_in_last_years" || op == "none_within_years_after" || op == "none_up_to_as_of")
      return {"", "items", "bound", "until"};
    if (op == "all_one_of") return {"", "items", "bound", "did_you_mean"};
    if (op == "contains_all") return {"", "items", "bound"};
    if (op == "one_of") return {"", "entry", "did_you_mean"};
    if (op == "equals") return {"", "bound"};
    return {""};
  };
  for (const auto& a : ipz::test::shipped_rules().articles) {
    for (const auto& r : a.rules) {
      std::set<std::string> known = {"failed", "missing", "as_of"};
      std::vector<const ipz::Condition*> todo = {&r.check};
      std::vector<const ipz::Text*> failures;
      if (r.review_when) todo.push_back(&*r.review_when);
      for (const auto& note : r.notes) todo.push_back(&note.when);
      while (!todo.empty()) {
        const ipz::Condition* c = todo.back();
        todo.pop_back();
        for (const auto& child : c->children) todo.push_back(&child);
        if (!c->failure.empty()) failures.push_back(&c->failure);
        if (c->kind != ipz::Condition::Kind::leaf) continue;
        const ipz::FactInfo* f = ipz::find_fact(c->fact);
        REQUIRE(f);
        for (const auto& s : suffixes(c->op, f->type)) known.insert(s.empty() ? c->fact : c->fact + "." + s);
        if (c->operand.kind == ipz::Operand::Kind::parameter) {
          known.insert(c->operand.name);
          known.insert(c->operand.name + ".since");
        }
      }
      std::vector<std::pair<std::string, const ipz::Text*>> texts = {{"actual", &r.actual}, {"required", &r.required}};
      for (const auto& [o, t] : r.messages) texts.emplace_back(std::string(ipz::outcome_name(o)), &t);
      for (const auto& note : r.notes) texts.emplace_back("note", &note.text);
      for (const ipz::Text* t : failures) texts.emplace_back("failure", t);
      for (const auto& [where, t] : texts) {
        for (const std::string* lang : {&t->zh, &t->en}) {
          for (const auto& name : ipz::placeholders(*lang)) {
            INFO(r.id << " " << where << ": {" << name << "}");
            CHECK(known.count(name) == 1);
          }
        }
      }
    }
  }
}

TEST_CASE("Rules: a rule's texts use the same placeholders in Chinese and English", "[rules][shipped][placeholders]") {
  for (const auto& a : ipz::test::shipped_rules().articles) {
    for (const auto& r : a.rules) {
      std::vector<std::pair<std::string, const ipz::Text*>> texts = {{"actual", &r.actual}, {"required", &r.required}};
      for (const auto& [o, t] : r.messages) texts.emplace_back(std::string(ipz::outcome_name(o)), &t);
      for (const auto& [where, t] : texts) {
        auto zh = ipz::placeholders(t->zh), en = ipz::placeholders(t->en);
        INFO(r.id << " " << where);
        CHECK(std::set<std::string>(zh.begin(), zh.end()) == std::set<std::string>(en.begin(), en.end()));
      }
    }
  }
}

TEST_CASE("Rules: the embedded copy of rules/ matches the files on disk", "[rules][shipped]") {
  const auto files = ipz::embedded_rule_files("recognition");
  REQUIRE_FALSE(files.empty());
  for (const auto& f : files) {
    INFO(f.shown);
    std::ifstream in(std::string(IPZONE_SOURCE_DIR) + "/rules/recognition/" + f.relative, std::ios::binary);
    REQUIRE(in);
    std::ostringstream disk;
    disk << in.rdbuf();
    CHECK(disk.str() == f.text);
  }
}

TEST_CASE("Rules: the rule folder on disk loads like the embedded set", "[rules][shipped]") {
  std::vector<RuleFile> files;
  ipz::Diagnostics diags;
  REQUIRE(ipz::read_rule_folder(std::string(IPZONE_SOURCE_DIR) + "/rules/recognition", files, diags));
  CHECK(diags.empty());
  auto loaded = ipz::load_rule_set(files, "disk");
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  for (const char* id : kDesignRuleIds) CHECK(find_rule(*loaded.rules, id));
}

TEST_CASE("Rules: a folder that does not exist is rules.not_a_folder", "[rules][errors]") {
  std::vector<RuleFile> files;
  ipz::Diagnostics diags;
  CHECK_FALSE(ipz::read_rule_folder("/nonexistent/ipzone/rules", files, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "rules.not_a_folder");
}

// ---------------------------------------------------------------------------
// A small rule set, valid and broken

TEST_CASE("Rules: the small test rule set loads", "[rules]") {
  auto loaded = MiniSet{}.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.rules->articles.size() == 1);
  CHECK(loaded.rules->articles[0].rules.size() == 2);
  const ipz::Rule* r = find_rule(*loaded.rules, "a.count");
  REQUIRE(r);
  CHECK(r->where.file == "mini/articles/a.yaml");
  CHECK(r->where.line == 4);
  CHECK(r->check.fact == "enterprise_count");
  CHECK(r->check.op == "at_least");
  CHECK(r->check.operand.kind == ipz::Operand::Kind::parameter);
  CHECK(r->check.operand.name == "min_enterprises");
}

TEST_CASE("Rules: an unknown fact is rules.unknown_fact with a suggestion", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "fact: enterprise_count", "fact: enterprise_cont");
  auto d = one_error(s);
  check_at(d, "rules.unknown_fact", "mini/articles/a.yaml", 8, 13);
  CHECK(arg_of(d.args, "name") == "enterprise_cont");
  CHECK(arg_of(d.args, "suggestion") == "enterprise_count");
}

TEST_CASE("Rules: an unknown fact with nothing close says so", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "fact: enterprise_count", "fact: zzzz");
  auto d = one_error(s);
  CHECK(d.key == "rules.unknown_fact");
  CHECK(arg_of(d.args, "suggestion") == "");
  CHECK(arg_of(d.args, "did_you_mean") == "\x01hint.none");
}

TEST_CASE("Rules: an unknown operator is rules.unknown_operator with a suggestion", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "op: at_least", "op: at_lest");
  auto d = one_error(s);
  check_at(d, "rules.unknown_operator", "mini/articles/a.yaml", 9, 11);
  CHECK(arg_of(d.args, "name") == "at_lest");
  CHECK(arg_of(d.args, "suggestion") == "at_least");
}

TEST_CASE("Rules: is_true on enterprise_count is rules.operator_type at the operator", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      op: at_least\n      param: min_enterprises\n", "      op: is_true\n");
  auto d = one_error(s);
  check_at(d, "rules.operator_type", "mini/articles/a.yaml", 9, 11);
  CHECK(arg_of(d.args, "op") == "is_true");
  CHECK(arg_of(d.args, "fact") == "enterprise_count");
  CHECK(arg_of(d.args, "type") == "count");
}

TEST_CASE("Rules: at_least on a text fact is rules.operator_type", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "fact: enterprise_count", "fact: zone.district");
  auto d = one_error(s);
  check_at(d, "rules.operator_type", "mini/articles/a.yaml", 9, 11);
  CHECK(arg_of(d.args, "type") == "text");
}

TEST_CASE("Rules: a duplicate rule id is rules.duplicate_id at the second, naming the first", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "id: a.share", "id: a.count");
  auto d = one_error(s);
  check_at(d, "rules.duplicate_id", "mini/articles/a.yaml", 14, 9);
  CHECK(arg_of(d.args, "id") == "a.count");
  CHECK(arg_of(d.args, "first") == "mini/articles/a.yaml:4");
}

TEST_CASE("Rules: a rule id repeated in another article file is a duplicate too", "[rules][errors]") {
  MiniSet s;
  s.extra.push_back({"articles/b.yaml", "mini/articles/b.yaml", with(s.article, "id: a.share", "id: b.share")});
  auto d = one_error(s);
  check_at(d, "rules.duplicate_id", "mini/articles/b.yaml", 4, 9);
  CHECK(arg_of(d.args, "first") == "mini/articles/a.yaml:4");
}

TEST_CASE("Rules: an unknown parameter is rules.unknown_parameter with a suggestion", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "param: min_enterprises", "param: min_enterprise");
  auto d = one_error(s);
  check_at(d, "rules.unknown_parameter", "mini/articles/a.yaml", 10, 14);
  CHECK(arg_of(d.args, "name") == "min_enterprise");
  CHECK(arg_of(d.args, "suggestion") == "min_enterprises");
}

TEST_CASE("Rules: a parameter of the wrong unit is rules.parameter_unit", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "param: min_sme_share", "param: min_enterprises");
  auto d = one_error(s);
  check_at(d, "rules.parameter_unit", "mini/articles/a.yaml", 20, 14);
  CHECK(arg_of(d.args, "name") == "min_enterprises");
  CHECK(arg_of(d.args, "unit") == "count");
  CHECK(arg_of(d.args, "expected") == "percent");
}

TEST_CASE("Rules: a years parameter compared with a count is rules.parameter_unit", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "    unit: count\n", "    unit: years\n");
  auto d = one_error(s);
  check_at(d, "rules.parameter_unit", "mini/articles/a.yaml", 10, 14);
  CHECK(arg_of(d.args, "unit") == "years");
  CHECK(arg_of(d.args, "expected") == "count");
}

TEST_CASE("Rules: parameter dates out of order are rules.parameter_dates_order at the later value", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n",
                      "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n"
                      "      - {since: 2023-01-01, value: 60, source: 测试}\n");
  auto d = one_error(s);
  check_at(d, "rules.parameter_dates_order", "mini/parameters.yaml", 7, 9);
  CHECK(arg_of(d.args, "name") == "min_enterprises");
  CHECK(arg_of(d.args, "date") == "2023-01-01");
  CHECK(arg_of(d.args, "previous") == "2023-12-20");
}

TEST_CASE("Rules: two values of a parameter on the same date are out of order", "[rules][errors][boundary]") {
  MiniSet s;
  s.parameters = with(s.parameters, "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n",
                      "      - {since: 2023-12-20, value: 70, source: 第五条第2项}\n"
                      "      - {since: 2023-12-20, value: 75, source: 测试}\n");
  CHECK(one_error(s).key == "rules.parameter_dates_order");
}

TEST_CASE("Rules: a parameter without values is rules.parameter_no_values", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "    values:\n      - {since: 2023-12-20, value: 80, source: 第五条第2项}\n",
                      "    values: []\n");
  auto d = one_error(s);
  check_at(d, "rules.parameter_no_values", "mini/parameters.yaml", 9, 13);
  CHECK(arg_of(d.args, "name") == "min_sme_share");
}

TEST_CASE("Rules: a parameter value that is not a number is field.expected_number", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "value: 70,", "value: seventy,");
  auto d = one_error(s);
  check_at(d, "field.expected_number", "mini/parameters.yaml", 6, 36);
}

TEST_CASE("Rules: a parameter with an unknown unit is an error with a suggestion", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "    unit: percent\n", "    unit: percentage\n");
  auto loaded = s.load();
  CHECK_FALSE(loaded.rules);
  auto bad = with_key(loaded.diagnostics, "field.bad_choice_suggest");
  REQUIRE(bad.size() == 1);
  check_at(bad[0], "field.bad_choice_suggest", "mini/parameters.yaml", 8, 11);
  CHECK(arg_of(bad[0].args, "suggestion") == "percent");
}

TEST_CASE("Rules: a parameter with an unknown unit is reported once, not again with an empty unit",
          "[rules][errors]") {
  // The parameter is kept with an empty unit, so every use of it adds
  // rules.parameter_unit: "parameter min_sme_share is in ; percent is needed here".
  MiniSet s;
  s.parameters = with(s.parameters, "    unit: percent\n", "    unit: percentage\n");
  auto loaded = s.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  CHECK(loaded.diagnostics.size() == 1);
  CHECK(with_key(loaded.diagnostics, "rules.parameter_unit").empty());
}

TEST_CASE("Rules: an unknown key in a rule is field.unknown_key_suggest", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "    text: 不少于70家\n", "    text: 不少于70家\n    tite: {zh: 企业数量, en: count}\n");
  auto d = one_error(s);
  check_at(d, "field.unknown_key_suggest", "mini/articles/a.yaml", 7, 5);
  CHECK(arg_of(d.args, "key") == "tite");
  CHECK(arg_of(d.args, "path") == "rules[1]");
  CHECK(arg_of(d.args, "suggestion") == "title");
}

TEST_CASE("Rules: an unknown key in a condition is field.unknown_key_suggest", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      param: min_enterprises\n", "      param: min_enterprises\n      labl: {zh: 数量, en: count}\n");
  auto d = one_error(s);
  check_at(d, "field.unknown_key_suggest", "mini/articles/a.yaml", 11, 7);
  CHECK(arg_of(d.args, "suggestion") == "label");
}

TEST_CASE("Rules: an unknown key in a parameter is reported with the missing key it stands for", "[rules][errors]") {
  MiniSet s;
  s.parameters = with(s.parameters, "    unit: count\n", "    unt: count\n");
  auto loaded = s.load();
  CHECK_FALSE(loaded.rules);
  auto unknown = with_key(loaded.diagnostics, "field.unknown_key_suggest");
  REQUIRE(unknown.size() == 1);
  check_at(unknown[0], "field.unknown_key_suggest", "mini/parameters.yaml", 4, 5);
  CHECK(arg_of(unknown[0].args, "suggestion") == "unit");
  CHECK(with_key(loaded.diagnostics, "field.missing_required").size() == 1);
}

TEST_CASE("Rules: an unknown key in ruleset.yaml is an error", "[rules][errors]") {
  MiniSet s;
  s.ruleset += "versoin: \"1\"\n";
  auto d = one_error(s);
  check_at(d, "field.unknown_key_suggest", "mini/ruleset.yaml", 4, 1);
  CHECK(arg_of(d.args, "suggestion") == "version");
}

TEST_CASE("Rules: an unknown taxonomy table is rules.unknown_table with a suggestion", "[rules][errors]") {
  MiniSet s;
  s.ruleset = with(s.ruleset, "taxonomy: industries", "taxonomy: industrie");
  auto d = one_error(s);
  check_at(d, "rules.unknown_table", "mini/ruleset.yaml", 3, 11);
  CHECK(arg_of(d.args, "suggestion") == "industries");
}

TEST_CASE("Rules: an unknown table in a condition is rules.unknown_table", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      fact: enterprise_count\n      op: at_least\n      param: min_enterprises\n",
                   "      fact: zone.district\n      op: one_of\n      table: districts\n");
  auto d = one_error(s);
  check_at(d, "rules.unknown_table", "mini/articles/a.yaml", 10, 14);
}

TEST_CASE("Rules: a name twice in a table is rules.duplicate_table_entry", "[rules][errors]") {
  MiniSet s;
  s.table += "  - 软件和信息服务\n";
  auto d = one_error(s);
  check_at(d, "rules.duplicate_table_entry", "mini/tables/industries.yaml", 6, 5);
  CHECK(arg_of(d.args, "table") == "industries");
}

TEST_CASE("Rules: a leaf without its operand is rules.operand", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      param: min_enterprises\n", "");
  auto d = one_error(s);
  check_at(d, "rules.operand", "mini/articles/a.yaml", 8, 7);
  CHECK(arg_of(d.args, "op") == "at_least");
}

TEST_CASE("Rules: a leaf with two operands is rules.operand", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      param: min_enterprises\n", "      param: min_enterprises\n      value: 70\n");
  CHECK(one_error(s).key == "rules.operand");
}

TEST_CASE("Rules: an empty all list is rules.empty_group", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      fact: enterprise_count\n      op: at_least\n      param: min_enterprises\n",
                   "      all: []\n");
  auto d = one_error(s);
  check_at(d, "rules.empty_group", "mini/articles/a.yaml", 8, 12);
}

TEST_CASE("Rules: a title in one language only is rules.needs_both_languages", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "    text: 不少于70家\n", "    text: 不少于70家\n    title: 企业数量\n");
  auto d = one_error(s);
  check_at(d, "rules.needs_both_languages", "mini/articles/a.yaml", 7, 12);
}

TEST_CASE("Rules: a rule that can be review needs a review message", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      param: min_enterprises\n", "      param: min_enterprises\n      otherwise: review\n");
  auto d = one_error(s);
  CHECK(d.key == "field.missing_required");
  CHECK(arg_of(d.args, "path") == "rules[1].messages.review");
}

TEST_CASE("Rules: a rule without a fail message is an error", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "      fail: {zh: 不通过, en: fails}\n", "");
  auto d = one_error(s);
  CHECK(d.key == "field.missing_required");
  CHECK(arg_of(d.args, "path") == "rules[1].messages.fail");
}

TEST_CASE("Rules: a rule set without ruleset.yaml is rules.no_ruleset", "[rules][errors]") {
  MiniSet s;
  auto files = s.files();
  files.erase(files.begin());
  auto loaded = ipz::load_rule_set(files, "mini");
  CHECK_FALSE(loaded.rules);
  REQUIRE(loaded.diagnostics.size() >= 1);
  CHECK(with_key(loaded.diagnostics, "rules.no_ruleset").size() == 1);
}

TEST_CASE("Rules: an unexpected file is rules.unexpected_file", "[rules][errors]") {
  MiniSet s;
  s.extra.push_back({"notes.yaml", "mini/notes.yaml", "a: 1\n"});
  auto d = one_error(s);
  check_at(d, "rules.unexpected_file", "mini/notes.yaml", 1, 1);
}

TEST_CASE("Rules: a rule file with a YAML error does not hide the errors of the others", "[rules][errors]") {
  MiniSet s;
  s.table = "table: industries\nentries: [集成电路\n";
  s.article = with(s.article, "op: at_least", "op: at_lest");
  auto loaded = s.load();
  CHECK_FALSE(loaded.rules);
  CHECK(with_key(loaded.diagnostics, "yaml.syntax").size() == 1);
  CHECK(with_key(loaded.diagnostics, "rules.unknown_operator").size() == 1);
}

TEST_CASE("Rules: every error of a rule set is reported", "[rules][errors]") {
  MiniSet s;
  s.article = with(s.article, "fact: enterprise_count", "fact: enterprise_cont");
  s.article = with(s.article, "id: a.share", "id: a.count");
  s.article = with(s.article, "param: min_sme_share", "param: min_sme");
  s.parameters = with(s.parameters, "    unit: count\n", "    unit: counts\n");
  auto loaded = s.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  CHECK_FALSE(loaded.rules);
  CHECK(with_key(loaded.diagnostics, "rules.unknown_fact").size() == 1);
  CHECK(with_key(loaded.diagnostics, "rules.duplicate_id").size() == 1);
  CHECK(with_key(loaded.diagnostics, "rules.unknown_parameter").size() == 1);
  CHECK(with_key(loaded.diagnostics, "field.bad_choice_suggest").size() == 1);
}

// ---------------------------------------------------------------------------
// Exact decimal bounds

TEST_CASE("Rules: a decimal bound (62.5 %) is compared exactly: 5/8 passes, 624/1000 fails", "[rules][parameters][boundary]") {
  MiniSet s;
  s.parameters = with(s.parameters, "value: 80,", "value: 62.5,");
  auto loaded = s.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  auto outcome = [&](long long count, long long total) {
    ipz::Facts facts;
    facts.as_of = ipz::Date{2024, 3, 31};
    ipz::FactValue& share = facts.values["sme_share"];
    share.type = ipz::FactType::share;
    share.known = true;
    share.count = count;
    share.total = total;
    ipz::FactValue& n = facts.values["enterprise_count"];
    n.known = true;
    n.count = total;
    auto e = ipz::evaluate(*loaded.rules, facts);
    for (const auto& r : e.results)
      if (r.rule->id == "a.share") return r.outcome;
    return ipz::Outcome::missing;
  };
  CHECK(outcome(5, 8) == ipz::Outcome::pass);
  CHECK(outcome(625, 1000) == ipz::Outcome::pass);
  CHECK(outcome(624, 1000) == ipz::Outcome::fail);
  CHECK(outcome(6249, 10000) == ipz::Outcome::fail);
}

TEST_CASE("Rules: add_suffix adds a Chinese suffix only after a Chinese character", "[rules][tables]") {
  ipz::Table t;
  t.entries = {"海淀区", "ic-x"};
  t.normalise = {{ipz::NameStep::Kind::add_suffix, {"区"}}};
  CHECK(t.forms("海淀") == std::vector<std::string>{"海淀", "海淀区"});
  CHECK(t.forms("haidian") == std::vector<std::string>{"haidian"});
  t.normalise = {{ipz::NameStep::Kind::add_suffix, {"-x"}}};
  CHECK(t.resolve("ic") == "ic-x");
  CHECK(t.forms("海淀") == std::vector<std::string>{"海淀"});
}

// ---------------------------------------------------------------------------
// Counts with fractional bounds (issue 14, point 6)

TEST_CASE("Lint: a count compared with a fractional bound is lint.fractional_count_bound", "[rules][lint]") {
  MiniSet param;  // through a parameter: at the value
  param.parameters = with(param.parameters, "value: 70,", "value: 69.5,");
  auto loaded = param.load();
  REQUIRE(loaded.rules);
  auto lint = with_key(ipz::lint_rule_set(*loaded.rules), "lint.fractional_count_bound");
  REQUIRE(lint.size() == 1);
  CHECK(lint[0].where.file == "mini/parameters.yaml");
  CHECK(lint[0].where.line == 6);
  CHECK(arg_of(lint[0].args, "rule") == "a.count");
  CHECK(arg_of(lint[0].args, "value") == "69.5");
  MiniSet literal;  // written in the condition
  literal.article = with(literal.article, "      param: min_enterprises\n", "      value: 69.5\n");
  loaded = literal.load();
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  lint = with_key(ipz::lint_rule_set(*loaded.rules), "lint.fractional_count_bound");
  REQUIRE(lint.size() == 1);
  CHECK(lint[0].where.line == 8);  // the condition
  // A whole bound, and a fractional share bound, are fine.
  MiniSet whole;
  whole.parameters = with(whole.parameters, "value: 80,", "value: 62.5,");
  loaded = whole.load();
  REQUIRE(loaded.rules);
  CHECK(with_key(ipz::lint_rule_set(*loaded.rules), "lint.fractional_count_bound").empty());
}

TEST_CASE("Evaluate: a count of 10^13 against a bound of 6 decimals is compared exactly, without overflow",
          "[evaluate][limit]") {
  // count * den = 10^19 does not fit in 64 bits (UBSan: signed overflow);
  // the evaluator compares in 128 bits. Lint refuses such a bound, but the
  // evaluator must not depend on it.
  MiniSet set;
  set.article = with(set.article, "      param: min_enterprises\n", "      value: 1.000001\n");
  auto loaded = set.load();
  REQUIRE(loaded.rules);
  ipz::Facts facts;
  facts.as_of = ipz::Date{2024, 3, 31};
  auto& count = facts.values["enterprise_count"];
  count.type = ipz::FactType::count;
  count.known = true;
  count.count = 10000000000000LL;
  auto& share = facts.values["sme_share"];
  share.type = ipz::FactType::share;
  share.known = true;
  share.count = 1000000;
  share.total = 1000000;
  const ipz::Evaluation e = ipz::evaluate(*loaded.rules, facts);
  REQUIRE(e.results.size() == 2);
  CHECK(e.results[0].outcome == ipz::Outcome::pass);
  count.count = 1;  // a millionth short
  const ipz::Evaluation short_by_half = ipz::evaluate(*loaded.rules, facts);
  CHECK(short_by_half.results[0].outcome == ipz::Outcome::fail);
  CHECK(arg_of(short_by_half.results[0].args, "enterprise_count.need") == "1");
}

TEST_CASE("Rule tests: a synthetic roster over 100,000 enterprises is ruletest.roster_too_large, not built",
          "[rules][ruletest][limit]") {
  // roster: {enterprises: 10^12} allocated rows until the process died.
  const std::string dir = (std::filesystem::temp_directory_path() / "ipzone-ruletest-cap").string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/cap.yaml") << "cases:\n"
                                      "  - name: too many\n"
                                      "    dossier: {format: ipzone-dossier/1}\n"
                                      "    roster: {enterprises: 1000000000000}\n"
                                      "    expect: {verdict: eligible}\n"
                                      "  - name: the limit\n"
                                      "    dossier: {format: ipzone-dossier/1}\n"
                                      "    roster: {enterprises: 100000}\n"
                                      "    expect: {verdict: eligible}\n";
  ipz::Diagnostics diags;
  const auto cases = ipz::load_rule_tests(dir, "集成电路", diags);
  std::filesystem::remove_all(dir);
  auto found = with_key(diags, "ruletest.roster_too_large");
  INFO(ipz::test::shown(diags));
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 4);
  CHECK(arg_of(found[0].args, "limit") == "100000");
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].name == "the limit");
  CHECK(cases[0].dossier.find("enterprises")->items.size() == 100000);
}
