// Explaining a rule (see explain.h).
#include "report/explain.h"

#include <algorithm>

#include "model/fact_catalogue.h"
#include "model/operators.h"
#include "report/formats.h"

namespace ipz {

namespace {

void collect(const Condition& c, std::vector<std::string>& facts, std::vector<std::string>& params) {
  if (c.kind == Condition::Kind::leaf) {
    if (std::find(facts.begin(), facts.end(), c.fact) == facts.end()) facts.push_back(c.fact);
    if (c.operand.kind == Operand::Kind::parameter &&
        std::find(params.begin(), params.end(), c.operand.name) == params.end())
      params.push_back(c.operand.name);
    return;
  }
  for (const auto& child : c.children) collect(child, facts, params);
}

std::string operand_text(const Operand& o) {
  switch (o.kind) {
    case Operand::Kind::none:
      return "";
    case Operand::Kind::number:
      return o.number.text;
    case Operand::Kind::parameter:
      return o.name;
    case Operand::Kind::table:
      return "table:" + o.name;
    case Operand::Kind::list: {
      std::string out = "[";
      for (const auto& i : o.items) out += (out.size() > 1 ? ", " : "") + i;
      return out + "]";
    }
  }
  return "";
}

// The facts and parameters a rule uses (its check, then review_when), once each.
void rule_uses(const Rule& rule, std::vector<std::string>& facts, std::vector<std::string>& params) {
  collect(rule.check, facts, params);
  if (rule.review_when) collect(*rule.review_when, facts, params);
}

// A Number as a JSON number (no leading zeros, whatever was written).
std::string number_json(const Number& n) {
  std::string out = std::to_string(n.num / n.den);
  if (n.den > 1) out += "." + std::to_string(n.num % n.den + n.den).substr(1);  // zero-padded to the decimals
  return out;
}

std::string condition_json(const Condition& c) {
  std::string out = "{";
  if (c.kind != Condition::Kind::leaf) {
    out += json_string(c.kind == Condition::Kind::all ? "all" : c.kind == Condition::Kind::any ? "any" : "not");
    out += ": [";
    for (std::size_t i = 0; i < c.children.size(); ++i) out += (i ? ", " : "") + condition_json(c.children[i]);
    out += "]";
  } else {
    out += "\"fact\": " + json_string(c.fact) + ", \"op\": " + json_string(c.op);
    switch (c.operand.kind) {
      case Operand::Kind::none:
        break;
      case Operand::Kind::number:
        out += ", \"value\": " + number_json(c.operand.number);
        break;
      case Operand::Kind::parameter:
        out += ", \"param\": " + json_string(c.operand.name);
        break;
      case Operand::Kind::table:
        out += ", \"table\": " + json_string(c.operand.name);
        break;
      case Operand::Kind::list: {
        out += ", \"value\": [";
        for (std::size_t i = 0; i < c.operand.items.size(); ++i)
          out += (i ? ", " : "") + json_string(c.operand.items[i]);
        out += "]";
        break;
      }
    }
    if (c.if_false == Outcome::review) out += ", \"otherwise\": \"review\"";
  }
  return out + "}";
}

}  // namespace

std::vector<std::string> facts_used(const Condition& c) {
  std::vector<std::string> facts, params;
  collect(c, facts, params);
  return facts;
}

std::vector<std::string> parameters_used(const Condition& c) {
  std::vector<std::string> facts, params;
  collect(c, facts, params);
  return params;
}

std::string describe_condition(const Condition& c, const RuleSet& rules, Lang lang, const Catalogue& cat, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::string out;
  if (c.kind != Condition::Kind::leaf) {
    const char* key = c.kind == Condition::Kind::all   ? "explain.all"
                      : c.kind == Condition::Kind::any ? "explain.any"
                                                       : "explain.not";
    out += indent + cat.get(key, lang);
    if (!c.label.empty()) out += "  (" + c.label.in(lang) + ")";
    out += "\n";
    for (const auto& child : c.children) out += describe_condition(child, rules, lang, cat, depth + 1);
    return out;
  }
  out += indent + c.fact + " " + c.op;
  const std::string operand = operand_text(c.operand);
  if (!operand.empty()) out += " " + operand;
  if (c.operand.kind == Operand::Kind::table) {
    if (const Table* t = rules.table(c.operand.name))
      out += " (" + std::to_string(t->entries.size()) + " " + cat.get("explain.entries", lang) + ")";
  }
  if (c.if_false == Outcome::review) out += "  " + cat.get("explain.otherwise_review", lang);
  if (!c.label.empty()) out += "  — " + c.label.in(lang);
  return out + "\n";
}

void write_explanation(const Rule& rule, const RuleSet& rules, Date as_of, Lang lang, const Catalogue& cat,
                       std::ostream& out) {
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  out << rule.id << "  " << rule.clause.in(lang) << "  " << rule.title.in(lang) << "\n\n";
  out << tr("explain.words") << "\n  " << rule.text << "\n\n";
  out << tr("explain.check") << "\n" << describe_condition(rule.check, rules, lang, cat, 1);
  if (rule.review_when)
    out << tr("explain.review_when") << "\n" << describe_condition(*rule.review_when, rules, lang, cat, 1);
  out << "\n";

  std::vector<std::string> facts, params;
  rule_uses(rule, facts, params);
  if (!params.empty()) {
    out << cat.render("explain.parameters", {{"date", format_date(as_of)}}, lang) << "\n";
    for (const auto& name : params) {
      const Parameter* p = rules.parameter(name);
      if (!p) continue;
      const ParameterValue* v = p->in_force(as_of);
      out << "  " << name << " = ";
      const std::string unit = tr("unit." + p->unit);
      if (v)
        out << v->value.text << (unit.empty() || unit == "%" ? "" : " ") << unit << "  "
            << cat.render("explain.since", {{"date", format_date(v->since)}, {"source", v->source}}, lang);
      else
        out << cat.render("explain.not_yet",
                          {{"first", p->values.empty() ? "-" : format_date(p->values.front().since)}}, lang);
      out << "  — " << p->title.in(lang) << "\n";
      if (p->values.size() > 1) {
        for (const auto& h : p->values)
          out << "      " << format_date(h.since) << ": " << h.value.text << " (" << h.source << ")\n";
      }
    }
    out << "\n";
  }
  out << tr("explain.facts") << "\n";
  for (const auto& f : facts) {
    const FactInfo* info = find_fact(f);
    if (!info) continue;
    out << "  " << f << " (" << fact_type_name(info->type) << "): " << info->doc << "\n";
  }
}

void write_explanation_json(const Rule& rule, const RuleSet& rules, Date as_of, Lang lang, std::ostream& out) {
  std::vector<std::string> facts, params;
  rule_uses(rule, facts, params);
  out << "{\n  \"tool\": \"ipzone\",\n  \"rule_set\": " << json_string(rules.name)
      << ", \"rule_set_version\": " << json_string(rules.version)
      << ",\n  \"as_of\": " << json_string(format_date(as_of)) << ",\n  \"id\": " << json_string(rule.id)
      << ",\n  \"clause\": " << json_string(rule.clause.in(lang))
      << ",\n  \"title\": " << json_string(rule.title.in(lang)) << ",\n  \"text\": " << json_string(rule.text)
      << ",\n  \"check\": " << condition_json(rule.check);
  if (rule.review_when) out << ",\n  \"review_when\": " << condition_json(*rule.review_when);
  out << ",\n  \"parameters\": [";
  std::size_t n = 0;
  for (const auto& name : params) {
    const Parameter* p = rules.parameter(name);
    if (!p) continue;
    const ParameterValue* v = p->in_force(as_of);
    out << (n++ ? ",\n" : "\n") << "    {\"name\": " << json_string(name) << ", \"unit\": " << json_string(p->unit)
        << ", \"title\": " << json_string(p->title.in(lang)) << ", \"in_force\": ";
    if (v)
      out << "{\"value\": " << number_json(v->value) << ", \"since\": " << json_string(format_date(v->since))
          << ", \"source\": " << json_string(v->source) << "}";
    else
      out << "null";
    out << ", \"history\": [";
    for (std::size_t i = 0; i < p->values.size(); ++i)
      out << (i ? ", " : "") << "{\"value\": " << number_json(p->values[i].value)
          << ", \"since\": " << json_string(format_date(p->values[i].since))
          << ", \"source\": " << json_string(p->values[i].source) << "}";
    out << "]}";
  }
  out << (n ? "\n  ]" : "]") << ",\n  \"facts\": [";
  n = 0;
  for (const auto& f : facts) {
    const FactInfo* info = find_fact(f);
    if (!info) continue;
    out << (n++ ? ",\n" : "\n") << "    {\"name\": " << json_string(f)
        << ", \"type\": " << json_string(fact_type_name(info->type)) << ", \"doc\": " << json_string(info->doc) << "}";
  }
  out << (n ? "\n  ]" : "]") << "\n}\n";
}

}  // namespace ipz
