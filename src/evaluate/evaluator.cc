// How each operator reads the Measures, and how outcomes combine (see
// evaluator.h; README "How the Measures are read").
#include "evaluate/evaluator.h"

#include <algorithm>
#include <limits>

#include "model/fact_catalogue.h"
#include "model/operators.h"
#include "util/number_format.h"
#include "util/similarity.h"

namespace ipz {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::eligible: return "eligible";
    case Verdict::needs_review: return "needs-review";
    case Verdict::incomplete: return "incomplete";
    case Verdict::ineligible: return "ineligible";
    case Verdict::invalid: return "invalid";
  }
  return "invalid";
}

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::pass: return "pass";
    case Outcome::fail: return "fail";
    case Outcome::review: return "review";
    case Outcome::missing: return "missing";
    case Outcome::not_applicable: return "not-applicable";
  }
  return "missing";
}

bool is_measured(const Condition& leaf) {
  if (leaf.kind != Condition::Kind::leaf) return false;
  if (leaf.op == "years_since_at_least") return true;
  if (leaf.op != "at_least" && leaf.op != "more_than") return false;
  const FactInfo* f = find_fact(leaf.fact);
  return f && (f->type == FactType::count || f->type == FactType::share);
}

namespace {

void collect_measured(const Condition& c, std::vector<const Condition*>& out) {
  if (c.kind == Condition::Kind::leaf) {
    if (is_measured(c)) out.push_back(&c);
    return;
  }
  for (const auto& child : c.children) collect_measured(child, out);
}

}  // namespace

std::vector<const Condition*> measured_leaves(const Condition& check) {
  std::vector<const Condition*> out;
  collect_measured(check, out);
  return out;
}

namespace {

// Comparisons are made in 128 bits: a count may reach 10^18 (a million roster
// rows of 10^12 patents, the loaders' limits) and a bound's denominator 10^6,
// so count * 100 * den does not fit in 64 bits. What is shown (a shortfall,
// a percentage) is brought back to 64 bits, saturating at the largest value.
__extension__ using wide = __int128;
long long narrow(wide v) {
  constexpr wide hi = std::numeric_limits<long long>::max(), lo = std::numeric_limits<long long>::min();
  return static_cast<long long>(v > hi ? hi : v < lo ? lo : v);
}
long long ceil_div(wide a, wide b) { return a <= 0 ? 0 : narrow((a + b - 1) / b); }
// a / b in whole percent, rounded half up (a, b > 0).
long long percent_of(wide a, wide b) { return narrow((200 * a + b) / (2 * b)); }

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

std::string join_dates(const std::vector<Date>& dates) {
  std::vector<std::string> shown;
  for (Date d : dates) shown.push_back(format_date(d));
  return join(shown);
}

Outcome all_of(const std::vector<Outcome>& os) {
  auto has = [&](Outcome o) { return std::find(os.begin(), os.end(), o) != os.end(); };
  if (has(Outcome::fail)) return Outcome::fail;
  if (has(Outcome::missing)) return Outcome::missing;
  if (has(Outcome::review)) return Outcome::review;
  return Outcome::pass;
}

Outcome any_of(const std::vector<Outcome>& os) {
  auto has = [&](Outcome o) { return std::find(os.begin(), os.end(), o) != os.end(); };
  if (has(Outcome::pass)) return Outcome::pass;
  if (has(Outcome::review)) return Outcome::review;
  if (has(Outcome::missing)) return Outcome::missing;
  return Outcome::fail;
}

// Evaluates the conditions of one rule, collecting what its messages need.
class RuleEvaluator {
 public:
  // measure: record a Measure for each measured leaf (the rule's own check).
  RuleEvaluator(const RuleSet& rules, const Facts& facts, RuleResult& result, Diagnostics& diags, bool measure = false)
      : rules_(rules), facts_(facts), result_(result), diags_(diags), measure_(measure) {}

  Outcome run(const Condition& c) {
    Outcome o = Outcome::pass;
    const std::size_t failed_before = result_.failed_facts.size();
    switch (c.kind) {
      case Condition::Kind::leaf:
        o = leaf(c);
        if (o != Outcome::pass) result_.failed_facts.push_back(c.fact);
        break;
      case Condition::Kind::all:
      case Condition::Kind::any: {
        std::vector<Outcome> os;
        for (const auto& child : c.children) os.push_back(run(child));
        o = c.kind == Condition::Kind::all ? all_of(os) : any_of(os);
        break;
      }
      case Condition::Kind::negation: {
        Outcome inner = run(c.children.front());
        o = inner == Outcome::pass ? Outcome::fail : inner == Outcome::fail ? Outcome::pass : inner;
        break;
      }
    }
    if (o == Outcome::fail && c.if_false == Outcome::missing) {
      // "otherwise: missing": what failed is data not given (evidence not
      // listed); the fields of the facts that failed are the ones to add.
      for (std::size_t i = failed_before; i < result_.failed_facts.size(); ++i)
        if (const FactInfo* info = find_fact(result_.failed_facts[i])) {
          const std::string field(info->field);
          if (std::find(result_.missing.begin(), result_.missing.end(), field) == result_.missing.end())
            result_.missing.push_back(field);
        }
      return Outcome::missing;
    }
    if (o == Outcome::fail) {
      if (!c.label.empty() || !c.failure.empty()) result_.failed.push_back(&c);
      o = c.if_false;
    }
    return o;
  }

 private:
  void arg(const std::string& name, std::string value) { result_.args.emplace_back(name, std::move(value)); }

  // The number a leaf compares with: the parameter's value in force on as_of.
  // Before a parameter's first value (an as_of before the Measures took effect)
  // the first value is used and the report says so; nullopt (and an error)
  // when the parameter has no value at all.
  std::optional<Number> number(const Condition& c) {
    if (c.operand.kind == Operand::Kind::number) return c.operand.number;
    const Parameter* p = rules_.parameter(c.operand.name);
    if (!p || p->values.empty()) {
      diags_.push_back({Severity::error, p ? p->where : c.where, "rules.parameter_no_values", {{"name", c.operand.name}}});
      return std::nullopt;
    }
    const ParameterValue* v = p->in_force(facts_.as_of);
    if (!v) {
      v = &p->values.front();
      Diagnostic early{Severity::warning, p->where, "rules.before_first_value",
                       {{"date", format_date(facts_.as_of)}, {"first", format_date(v->since)}}};
      bool known = false;
      for (const auto& d : diags_) known = known || d.key == early.key;
      if (!known) diags_.push_back(std::move(early));
    }
    result_.parameters.push_back({p, v});
    arg(p->name, v->value.text);
    arg(p->name + ".since", format_date(v->since));
    return v->value;
  }

  bool in_operand(const Condition& c, const std::string& item) { return entry_of(c, item).has_value(); }

  // The table entry (or list item) that item stands for, or nullopt.
  std::optional<std::string> entry_of(const Condition& c, const std::string& item) {
    if (c.operand.kind == Operand::Kind::table) {
      const Table* t = rules_.table(c.operand.name);
      return t ? t->resolve(item) : std::nullopt;
    }
    if (std::find(c.operand.items.begin(), c.operand.items.end(), item) != c.operand.items.end()) return item;
    return std::nullopt;
  }

  // {F.did_you_mean}: the names of the table or list closest to the items
  // that are not in it (for each, in its most normalised form that has close
  // names: 北京市海定 as 海定区), worded by hint.closest, or nothing (hint.none)
  // when none is close.
  void did_you_mean(const Condition& c, const std::string& F, const std::vector<std::string>& odd) {
    const Table* t = c.operand.kind == Operand::Kind::table ? rules_.table(c.operand.name) : nullptr;
    const std::vector<std::string> names = t ? t->all_names() : c.operand.items;
    std::vector<std::string> near;
    for (const std::string& item : odd) {
      std::vector<std::string> forms = t ? t->forms(item) : std::vector<std::string>{item};
      for (auto form = forms.rbegin(); form != forms.rend(); ++form) {
        const std::vector<std::string> close = closest_names(*form, names, 3);
        for (const std::string& n : close)
          if (std::find(near.begin(), near.end(), n) == near.end()) near.push_back(n);
        if (!close.empty()) break;
      }
    }
    if (near.size() > 3) near.resize(3);
    std::string value = near.empty() ? "\x01hint.none" : "\x01hint.closest\x1esuggestion\x1d" + join(near);
    arg(F + ".did_you_mean", std::move(value));
  }

  Outcome leaf(const Condition& c) {
    Measure* m = nullptr;
    if (measure_ && is_measured(c)) {
      m = &result_.measures.emplace_back();
      m->leaf = &c;
      const FactInfo* info = find_fact(c.fact);
      m->type = info ? info->type : FactType::count;
    }
    const Outcome o = compare(c, m);
    if (m) m->passed = o == Outcome::pass;
    return o;
  }

  Outcome compare(const Condition& c, Measure* m) {
    const FactValue* f = facts_.get(c.fact);
    if (!f || !f->known) {
      arg(c.fact, "\x01value.missing");
      // The bound is known without the data: "≥ 80%" even when the share is missing.
      if (c.operand.kind == Operand::Kind::parameter)
        if (auto n = number(c)) {
          const FactInfo* info = find_fact(c.fact);
          arg(c.fact + ".bound", n->text + (info && info->type == FactType::share ? "%" : ""));
        }
      if (f)
        for (const auto& field : f->missing)
          if (std::find(result_.missing.begin(), result_.missing.end(), field) == result_.missing.end())
            result_.missing.push_back(field);
      return Outcome::missing;
    }
    const std::string& F = c.fact;
    const std::string& op = c.op;
    auto verdict = [](bool ok) { return ok ? Outcome::pass : Outcome::fail; };

    if (op == "at_least" || op == "more_than" || op == "at_most" || op == "less_than" ||
        (op == "equals" && f->type == FactType::count)) {
      std::optional<Number> n;
      if (op == "equals") {
        Number lit;
        lit.text = c.operand.items.empty() ? "0" : c.operand.items.front();
        lit.num = parse_integer(lit.text).value_or(0);
        n = lit;
      } else {
        n = number(c);
      }
      if (!n) return Outcome::missing;
      if (f->type == FactType::share) {
        // count / total >= num / den percent  <=>  count * 100 * den >= num * total
        const wide lhs = wide{f->count} * 100 * n->den, rhs = wide{n->num} * f->total;
        const bool ok = f->total > 0 && (op == "at_least" ? lhs >= rhs : lhs > rhs);
        arg(F, format_share(f->count, f->total, ok ? nullptr : &*n));
        arg(F + ".bound", n->text + "%");
        const wide strict = op == "more_than" ? 1 : 0;
        const wide deficit = rhs - lhs + strict;  // in units of 1 / (100 * den)
        // A failing share needs at least one more (with no enterprises, the first qualifying one).
        const long long least = ok ? 0 : 1;
        // (With no enterprises, none of the current ones can qualify: 0 of them, and 1 added.)
        arg(F + ".need", f->total == 0 ? "0" : std::to_string(std::max(least, ceil_div(deficit, wide{100} * n->den))));
        const wide per_added = wide{100} * n->den - n->num;  // gained by adding one qualifying enterprise
        const long long need_add = per_added <= 0 ? -1 : std::max(least, ceil_div(deficit, per_added));
        arg(F + ".need_add", need_add < 0 ? "\x01value.unreachable" : std::to_string(need_add));
        // The shortfall as a share of the bound: (p·n − 100·k) / (p·n), in whole percent.
        arg(F + ".need_percent", std::to_string(ok || rhs <= 0 ? 0 : percent_of(rhs - lhs, rhs)));
        if (m) {
          m->known = true;
          m->count = f->count, m->total = f->total, m->bound = *n;
          m->need = f->total == 0 ? 0 : std::max(least, ceil_div(deficit, wide{100} * n->den));
          m->need_add = need_add;
        }
        return verdict(ok);
      }
      // count compared with num / den:  count * den  vs  num
      const wide lhs = wide{f->count} * n->den, rhs = n->num;
      bool ok = false;
      long long need = 0;
      if (op == "at_least") ok = lhs >= rhs, need = ceil_div(rhs - lhs, n->den);
      if (op == "more_than") ok = lhs > rhs, need = ceil_div(rhs - lhs + 1, n->den);
      if (op == "at_most") ok = lhs <= rhs, need = ceil_div(lhs - rhs, n->den);
      if (op == "less_than") ok = lhs < rhs, need = ceil_div(lhs - rhs + 1, n->den);
      if (op == "equals") ok = lhs == rhs * n->den, need = 0;
      arg(F, std::to_string(f->count));
      arg(F + ".bound", n->text);
      arg(F + ".need", std::to_string(need));
      // The shortfall as a share of the bound, in whole percent (58 short of 70: 83).
      if (op == "at_least" || op == "more_than")
        arg(F + ".need_percent", std::to_string(ok || rhs <= 0 ? 0 : percent_of(rhs - lhs, rhs)));
      if (m) m->known = true, m->count = f->count, m->bound = *n, m->need = need;
      return verdict(ok);
    }
    if (op == "equals") {  // text
      const std::string want = c.operand.items.empty() ? "" : c.operand.items.front();
      arg(F, f->text);
      arg(F + ".bound", want);
      return verdict(f->text == want);
    }
    if (op == "is_true" || op == "is_false") {
      arg(F, f->flag ? "\x01value.true" : "\x01value.false");
      return verdict(f->flag == (op == "is_true"));
    }
    if (op == "one_of") {
      arg(F, f->text);
      const auto entry = entry_of(c, f->text);
      arg(F + ".entry", entry.value_or(f->text));
      if (!entry) did_you_mean(c, F, {f->text});
      else arg(F + ".did_you_mean", "\x01hint.none");
      return verdict(entry.has_value());
    }
    if (op == "all_one_of" || op == "contains_all") {
      std::vector<std::string> odd;
      if (op == "all_one_of") {
        for (const auto& item : f->texts)
          if (!in_operand(c, item)) odd.push_back(item);
      } else {
        for (const auto& want : c.operand.items)
          if (std::find(f->texts.begin(), f->texts.end(), want) == f->texts.end()) odd.push_back(want);
      }
      arg(F, f->texts.empty() ? "\x01value.none" : join(f->texts));
      arg(F + ".items", odd.empty() ? "\x01value.none" : join(odd));
      arg(F + ".bound", join(c.operand.items));
      if (op == "all_one_of") did_you_mean(c, F, odd);
      return verdict(odd.empty());
    }
    if (op == "reported") {  // a fact shown, never a condition: it holds
      std::size_t n = f->type == FactType::date_list ? f->dates.size() : f->texts.size();
      if (f->type == FactType::date_list) {
        arg(F, n == 0 ? "\x01value.none" : join_dates(f->dates));
      } else {
        // Items that are catalogue references (\x01...) make a list the report words.
        bool refs = n > 0;
        for (const auto& t : f->texts) refs = refs && !t.empty() && t[0] == '\x01';
        std::string list;
        for (const auto& t : f->texts) list += (list.empty() ? "" : "\x1c") + (refs ? t.substr(1) : t);
        arg(F, n == 0 ? "\x01value.none" : refs ? "\x04" + list : join(f->texts));
      }
      arg(F + ".count", std::to_string(n));
      return Outcome::pass;
    }
    if (op == "not_empty") {
      const bool ok = f->type == FactType::text ? !f->text.empty() : !f->texts.empty();
      arg(F, f->type == FactType::text ? (f->text.empty() ? "\x01value.not_listed" : f->text)
                                       : std::to_string(f->texts.size()));
      return verdict(ok);
    }
    if (op == "years_since_at_least") {
      auto n = number(c);
      if (!n) return Outcome::missing;
      const int years = static_cast<int>(n->num / n->den);
      const Date reached = years_period_end(f->date, years);
      arg(F, format_date(f->date));
      arg(F + ".years", std::to_string(whole_years_between(f->date, facts_.as_of)));
      arg(F + ".bound", n->text);
      arg(F + ".need", format_date(reached));
      arg(F + ".days", std::to_string(std::max(0L, days_between(facts_.as_of, reached))));
      if (m) {
        m->known = true, m->type = FactType::date, m->bound = *n;
        m->count = std::max(0L, days_between(f->date, facts_.as_of));  // days elapsed
        m->total = days_between(f->date, reached);                     // days the period needs
        m->need = std::max(0L, days_between(facts_.as_of, reached));   // days left
        m->years = whole_years_between(f->date, facts_.as_of);
      }
      return verdict(years_complete(f->date, years, facts_.as_of));
    }
    if (op == "none_in_last_years" || op == "none_within_years_after" || op == "none_up_to_as_of") {
      std::optional<Number> n;
      if (op != "none_up_to_as_of") {
        n = number(c);
        if (!n) return Outcome::missing;
      }
      const int years = n ? static_cast<int>(n->num / n->den) : 0;
      // Periods as the Civil Code reads them (util/date.h): .until is the
      // first day on which a date no longer counts.
      std::vector<Date> hits;
      Date until{};
      for (Date d : f->dates) {
        bool hit = false;
        Date free_from{};
        if (op == "none_in_last_years") {
          hit = within_last_years(d, years, facts_.as_of);
          free_from = first_day_outside_last_years(d, years);
        }
        if (op == "none_within_years_after") {
          hit = within_bar(d, years, facts_.as_of);
          free_from = first_day_after_bar(d, years);
        }
        if (op == "none_up_to_as_of") hit = d <= facts_.as_of;
        if (!hit) continue;
        hits.push_back(d);
        until = std::max(until, free_from);
      }
      std::sort(hits.begin(), hits.end());
      arg(F, std::to_string(hits.size()));
      arg(F + ".items", hits.empty() ? "\x01value.none" : join_dates(hits));
      arg(F + ".bound", n ? n->text : "0");
      arg(F + ".until", hits.empty() || !n ? "\x01value.none" : format_date(until));
      return verdict(hits.empty());
    }
    return Outcome::fail;  // not reached: the loader admits only known operators
  }

  const RuleSet& rules_;
  const Facts& facts_;
  RuleResult& result_;
  Diagnostics& diags_;
  bool measure_ = false;
};

}  // namespace

Verdict verdict_of(const std::vector<RuleResult>& results) {
  Verdict v = Verdict::eligible;
  for (const auto& r : results) {
    Verdict w = Verdict::eligible;
    if (r.outcome == Outcome::fail) w = Verdict::ineligible;
    if (r.outcome == Outcome::missing) w = Verdict::incomplete;
    if (r.outcome == Outcome::review) w = Verdict::needs_review;
    v = std::max(v, w);
  }
  return v;
}

Evaluation evaluate(const RuleSet& rules, const Facts& facts) {
  Evaluation e;
  for (const Article& article : rules.articles) {
    for (const Rule& rule : article.rules) {
      RuleResult r;
      r.rule = &rule;
      if (!rule.in_force(facts.as_of)) {  // nothing is computed for a rule not in force
        r.outcome = Outcome::not_applicable;
        r.args = {{"since", rule.since ? format_date(*rule.since) : ""},
                  {"until", rule.until ? format_date(*rule.until) : ""},
                  {"as_of", format_date(facts.as_of)}};
        e.results.push_back(std::move(r));
        continue;
      }
      RuleEvaluator ev(rules, facts, r, e.diagnostics, true);
      r.outcome = ev.run(rule.check);
      if (rule.review_when) {
        // The relaxation's own values are added to the rule's whatever the
        // outcome (a note may show them); it turns only a failure into review.
        RuleResult aside;
        RuleEvaluator relax(rules, facts, aside, e.diagnostics);
        // It holds: review. It lacks data (evidence not listed): missing, naming it.
        const Outcome relaxed = relax.run(*rule.review_when);
        if (r.outcome == Outcome::fail && relaxed == Outcome::pass) r.outcome = Outcome::review;
        if (r.outcome == Outcome::fail && relaxed == Outcome::missing) {
          r.outcome = Outcome::missing;
          r.missing.insert(r.missing.end(), aside.missing.begin(), aside.missing.end());
        }
        r.args.insert(r.args.end(), aside.args.begin(), aside.args.end());
        r.parameters.insert(r.parameters.end(), aside.parameters.begin(), aside.parameters.end());
      }
      for (const Note& note : rule.notes) {
        if (!note.outcomes.empty() &&
            std::find(note.outcomes.begin(), note.outcomes.end(), r.outcome) == note.outcomes.end())
          continue;
        RuleResult aside;
        RuleEvaluator when(rules, facts, aside, e.diagnostics);
        if (when.run(note.when) != Outcome::pass) continue;
        r.notes.push_back(&note.text);
        r.args.insert(r.args.end(), aside.args.begin(), aside.args.end());
      }
      if (r.outcome != Outcome::missing) r.missing.clear();
      r.args.emplace_back("as_of", format_date(facts.as_of));
      e.results.push_back(std::move(r));
    }
  }
  e.verdict = has_errors(e.diagnostics) ? Verdict::invalid : verdict_of(e.results);
  return e;
}

}  // namespace ipz
