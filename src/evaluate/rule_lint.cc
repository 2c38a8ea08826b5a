// Rule set lint (see rule_lint.h).
#include "evaluate/rule_lint.h"

#include <set>

#include "model/fact_catalogue.h"
#include "model/operators.h"
#include "evaluate/score.h"
#include "model/scoring.h"
#include "model/catalogue.h"
#include "util/number.h"
#include "util/similarity.h"

namespace ipz {

namespace {

// The placeholders a condition makes available to its rule's texts.
void provided(const Condition& c, const RuleSet& rules, std::set<std::string>& names, std::set<std::string>& params,
              std::set<std::string>& tables) {
  if (c.kind != Condition::Kind::leaf) {
    for (const auto& child : c.children) provided(child, rules, names, params, tables);
    return;
  }
  if (const OperatorInfo* op = find_operator(c.op))
    for (auto suffix : op->provides) names.insert(c.fact + std::string(suffix));
  if (c.operand.kind == Operand::Kind::parameter) {
    params.insert(c.operand.name);
    names.insert(c.operand.name);
    names.insert(c.operand.name + ".since");
  }
  if (c.operand.kind == Operand::Kind::table) tables.insert(c.operand.name);
}

void check_text(const Text& t, const std::set<std::string>& names, const Rule& rule, std::string_view what,
                Diagnostics& out) {
  for (const std::string* s : {&t.zh, &t.en}) {
    for (const auto& p : placeholders(*s)) {
      if (names.count(p)) continue;
      std::vector<std::string> known(names.begin(), names.end());
      MessageArgs args = {{"name", "{" + p + "}"}, {"rule", rule.id}, {"what", std::string(what)}};
      for (auto& a : suggestion_args(closest_names(p, known, 1), "hint.closest")) args.push_back(std::move(a));
      out.push_back({Severity::error, t.where.line > 0 ? t.where : rule.where, "lint.unknown_placeholder",
                     std::move(args)});
    }
  }
}

// The failure texts of a condition's parts, as the rule's other texts.
void check_failures(const Condition& c, const std::set<std::string>& names, const Rule& rule, Diagnostics& out) {
  if (!c.failure.empty()) check_text(c.failure, names, rule, "failure", out);
  for (const auto& child : c.children) check_failures(child, names, rule, out);
}

// equals compares a count with one whole number, or a text with one text:
// `{fact: enterprise_count, op: equals, value: seventy}` would compare with 0.
void check_equals(const Condition& c, const Rule& rule, Diagnostics& out) {
  if (c.kind != Condition::Kind::leaf) {
    for (const auto& child : c.children) check_equals(child, rule, out);
    return;
  }
  const FactInfo* fact = find_fact(c.fact);
  if (c.op != "equals" || !fact || c.operand.kind != Operand::Kind::list) return;
  std::string value;
  for (const auto& item : c.operand.items) value += (value.empty() ? "" : ", ") + item;
  const MessageArgs args = {{"rule", rule.id}, {"fact", c.fact}, {"value", value}};
  if (c.operand.items.size() != 1)
    out.push_back({Severity::error, c.where, "lint.equals_one_value", args});
  else if (fact->type == FactType::count && !parse_integer(c.operand.items.front()))
    out.push_back({Severity::error, c.where, "lint.equals_not_a_count", args});
}

// A count compared with a bound that is not whole (`at_least: 69.5`, or a
// parameter with such a value): a count never equals it, the message's "n
// more" is rounded, and a fraction's denominator multiplies every count.
void check_count_bounds(const Condition& c, const RuleSet& rules, const Rule& rule, Diagnostics& out) {
  if (c.kind != Condition::Kind::leaf) {
    for (const auto& child : c.children) check_count_bounds(child, rules, rule, out);
    return;
  }
  const FactInfo* fact = find_fact(c.fact);
  if (!fact || fact->type != FactType::count) return;
  if (c.op != "at_least" && c.op != "more_than" && c.op != "at_most" && c.op != "less_than") return;
  auto report = [&](const Number& n, const Location& where) {
    if (n.den == 1 || n.num % n.den == 0) return;
    out.push_back({Severity::error, where.line > 0 ? where : c.where, "lint.fractional_count_bound",
                   {{"rule", rule.id}, {"fact", c.fact}, {"value", n.text}}});
  };
  if (c.operand.kind == Operand::Kind::number) report(c.operand.number, c.where);
  if (c.operand.kind == Operand::Kind::parameter)
    if (const Parameter* p = rules.parameter(c.operand.name))
      for (const ParameterValue& v : p->values) report(v.value, v.where);
}

// 2505 hundredths -> "25.05"; 3000 -> "30".
std::string points_text(long long hundredths) {
  std::string s = format_points(hundredths);
  if (s.ends_with(".00")) s.resize(s.size() - 3);
  return s;
}

}  // namespace

Diagnostics lint_rule_set(const RuleSet& rules) {
  Diagnostics out;
  std::set<std::string> used_params, used_tables;
  if (!rules.taxonomy.empty()) used_tables.insert(rules.taxonomy);
  if (!rules.not_high_end.empty()) used_tables.insert(rules.not_high_end);
  for (const Article& a : rules.articles) {
    for (const Rule& rule : a.rules) {
      std::set<std::string> names = {"as_of", "failed", "missing"};
      provided(rule.check, rules, names, used_params, used_tables);
      if (rule.review_when) provided(*rule.review_when, rules, names, used_params, used_tables);
      for (const Note& n : rule.notes) provided(n.when, rules, names, used_params, used_tables);
      check_text(rule.actual, names, rule, "actual", out);
      check_text(rule.required, names, rule, "required", out);
      for (const auto& [outcome, text] : rule.messages) check_text(text, names, rule, "messages", out);
      for (const Note& n : rule.notes) check_text(n.text, names, rule, "notes", out);
      check_failures(rule.check, names, rule, out);
      if (rule.review_when) check_failures(*rule.review_when, names, rule, out);
      if (rule.text.empty()) out.push_back({Severity::error, rule.where, "lint.no_text", {{"rule", rule.id}}});
      check_equals(rule.check, rule, out);
      if (rule.review_when) check_equals(*rule.review_when, rule, out);
      for (const Note& n : rule.notes) check_equals(n.when, rule, out);
      check_count_bounds(rule.check, rules, rule, out);
      if (rule.review_when) check_count_bounds(*rule.review_when, rules, rule, out);
      for (const Note& n : rule.notes) check_count_bounds(n.when, rules, rule, out);
    }
  }
  if (rules.scoring) {
    // The model's arithmetic: indicators add up to their dimension's weight,
    // weights to 100; facts the score reads must exist (checked on loading).
    for (const ScoringVersion& v : rules.scoring->versions) {
      long long sum = 0;
      for (const Dimension& d : v.dimensions) {
        long long dim = 0;
        for (const Indicator& i : d.indicators) dim += i.points.num * 100 / i.points.den;
        const long long weight = d.weight.num * 100 / d.weight.den;
        if (dim != weight)
          out.push_back({Severity::error, d.where, "lint.dimension_sum",
                         {{"dimension", d.id}, {"sum", points_text(dim)},
                          {"weight", d.weight.text}}});
        sum += weight;
      }
      if (sum != 10000)
        out.push_back({Severity::error, v.where, "lint.weights_sum",
                       {{"since", format_date(v.since)}, {"sum", points_text(sum)}}});
    }
  }
  for (const auto& [name, p] : rules.parameters)
    if (!used_params.count(name)) out.push_back({Severity::warning, p.where, "lint.unused_parameter", {{"name", name}}});
  return out;
}

}  // namespace ipz
