// Filling the report from an evaluation (see report.h).
#include "report/report.h"

#include <algorithm>

#include "report/sanitize.h"
#include "util/number_format.h"

namespace ipz {

std::string diagnostic_message(const Diagnostic& d, Lang lang, const Catalogue& cat) {
  MessageArgs args = d.args;
  // Input is quoted in excerpts; catalogue references and rule-set texts (\x01, \x02, \x03) are not input.
  for (auto& [name, value] : args)
    if (value.empty() || (value[0] != '\x01' && value[0] != '\x02' && value[0] != '\x03')) value = excerpt(value);
  return cat.render(d.key, args, lang);
}

void Report::count(const DossierReport& d) {
  summary[static_cast<std::size_t>(d.verdict)]++;
  if (counted++ == 0) {
    as_of = d.as_of;
    as_of_source = d.as_of_source;
    time_zone = d.time_zone;
    as_of_note = d.as_of_note;
    return;
  }
  if (as_of != d.as_of) as_of.clear();
  if (as_of.empty() || as_of_source != d.as_of_source || time_zone != d.time_zone)
    as_of_source.clear(), time_zone.clear(), as_of_note.clear();
}

void note_as_of(DossierReport& d, std::string_view source, const std::string& zone, Lang lang, const Catalogue& cat) {
  d.as_of_source = std::string(source);
  d.time_zone = source == "today" ? zone : "";
  d.as_of_note = cat.render("as_of.source." + d.as_of_source, {{"zone", zone}}, lang);
}

void Report::add(DossierReport d) {
  count(d);
  dossiers.push_back(std::move(d));
}

namespace {

DiagnosticLine line_of(const Diagnostic& d, Lang lang, const Catalogue& cat) {
  return {d.where.file, d.where.line, d.where.column, diagnostic_message(d, lang, cat), d.key};
}

void split(const Diagnostics& diags, DossierReport& out, Lang lang, const Catalogue& cat) {
  for (const auto& d : diags)
    (d.severity == Severity::error ? out.errors : out.warnings).push_back(line_of(d, lang, cat));
}

// {failed}: what is wrong with each part that failed, in its own words (its
// failure text, filled) or else its label.
std::string failed_parts(const std::vector<const Condition*>& parts, const MessageArgs& args, Lang lang,
                         const Catalogue& cat) {
  bool sentences = false;
  for (const Condition* c : parts) sentences = sentences || !c->failure.empty();
  const std::string separator = cat.get(sentences ? "list.clause_separator" : "list.separator", lang);
  std::string out;
  for (const Condition* c : parts) {
    if (!out.empty()) out += separator;
    out += c->failure.empty() ? c->label.in(lang) : cat.fill(c->failure.in(lang), args, lang);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

// Default displays for a rule without actual/required templates: the value
// of its first fact, and the operator with its bound.
void default_display(const Condition& c, std::string& actual, std::string& required) {
  if (c.kind != Condition::Kind::leaf) {
    for (const auto& child : c.children) {
      std::string a, r;
      default_display(child, a, r);
      if (!a.empty()) actual += (actual.empty() ? "" : "; ") + a;
      if (!r.empty()) required += (required.empty() ? "" : "; ") + r;
    }
    return;
  }
  actual = "{" + c.fact + "}";
  required = "{" + c.fact + ".bound}";
}

Gauge gauge_of(const Measure& m, const Rule& rule, Lang lang, const Catalogue& cat) {
  Gauge g;
  if (m.leaf) g.fact = m.leaf->fact;
  g.label = m.leaf && !m.leaf->label.empty() ? m.leaf->label.in(lang) : rule.title.in(lang);
  g.type = m.type;
  g.known = m.known;
  g.passed = m.passed;
  if (!m.known) return g;
  const double bound = static_cast<double>(m.bound.num) / static_cast<double>(m.bound.den);
  const std::string years = " " + cat.get("unit.years", lang);
  g.need = m.need;
  switch (m.type) {
    case FactType::share: {
      const long long tenths = share_tenths(m.count, m.total, m.passed ? nullptr : &m.bound);
      g.value = m.total ? 100.0 * static_cast<double>(m.count) / static_cast<double>(m.total) : 0;
      g.bound = bound;
      g.value_text = format_share(m.count, m.total, m.passed ? nullptr : &m.bound);
      g.bound_text = m.bound.text + "%";
      g.shown_number = static_cast<double>(tenths) / 1000.0;
      g.bound_number = bound / 100.0;
      if (!m.passed)
        g.shortfall =
            m.need_add < 0
                ? cat.render("gauge.need", {{"need", std::to_string(m.need)}}, lang)
                : cat.render("gauge.need_share",
                             {{"need", std::to_string(m.need)}, {"need_add", std::to_string(m.need_add)}}, lang);
      break;
    }
    case FactType::date:
      // elapsed days over the days the period needs, in years of the bound
      g.value = m.total > 0 ? bound * static_cast<double>(m.count) / static_cast<double>(m.total) : 0;
      g.bound = bound;
      g.value_text = std::to_string(m.years) + years;
      g.bound_text = m.bound.text + years;
      g.shown_number = static_cast<double>(m.years);
      g.bound_number = bound;
      if (!m.passed) g.shortfall = cat.render("gauge.need_days", {{"days", std::to_string(m.need)}}, lang);
      break;
    default:
      g.value = static_cast<double>(m.count);
      g.bound = bound;
      g.value_text = std::to_string(m.count);
      g.bound_text = m.bound.text;
      g.shown_number = static_cast<double>(m.count);
      g.bound_number = bound;
      if (!m.passed) g.shortfall = cat.render("gauge.need", {{"need", std::to_string(m.need)}}, lang);
  }
  return g;
}

// The facts a condition compares, in order.
void condition_facts(const Condition& c, std::vector<std::string>& out) {
  if (c.kind == Condition::Kind::leaf) out.push_back(c.fact);
  for (const auto& child : c.children) condition_facts(child, out);
}

// Where in the dossier a rule looks: the field behind the first fact that
// failed (or is missing), else behind its first fact, that is written in the
// file, or the nearest parent that is (where a missing field belongs); the
// top of the file when there is none.
Location rule_location(const RuleResult& result, const Dossier& dossier) {
  std::vector<std::string> facts = result.failed_facts;
  condition_facts(result.rule->check, facts);
  for (const std::string& fact : facts) {
    const FactInfo* info = find_fact(fact);
    std::string path(info ? info->field : std::string_view(fact));
    path = path.substr(0, path.find('['));  // enterprises[].sme -> enterprises
    while (!path.empty()) {
      if (auto it = dossier.places.find(path); it != dossier.places.end()) return it->second;
      const auto dot = path.rfind('.');
      path = dot == std::string::npos ? "" : path.substr(0, dot);
    }
  }
  return {dossier.file, 1, 1};
}

}  // namespace

std::vector<CriterionColumn> criteria_of(const RuleSet& rules, Lang lang) {
  std::vector<CriterionColumn> out;
  for (const Article& a : rules.articles)
    for (const Rule& r : a.rules) {
      CriterionColumn c{r.id, r.clause.in(lang), r.title.in(lang), {}};
      for (const Condition* leaf : measured_leaves(r.check))
        c.measures.push_back(leaf->label.empty() ? r.title.in(lang) : leaf->label.in(lang));
      out.push_back(std::move(c));
    }
  return out;
}

DossierReport report_invalid(const std::string& file, const std::string& name, const Diagnostics& diags,
                             Lang lang, const Catalogue& cat) {
  DossierReport out;
  out.file = file;
  out.name = name;
  out.verdict = Verdict::invalid;
  split(diags, out, lang, cat);
  return out;
}

DossierReport report_evaluated(const Dossier& dossier, const Facts& facts, const Evaluation& evaluation,
                               const Diagnostics& load_warnings, Lang lang, const Catalogue& cat) {
  DossierReport out;
  out.file = dossier.file;
  out.name = dossier.zone.name;
  out.operator_name = dossier.op.name;
  out.as_of = format_date(facts.as_of);
  out.verdict = evaluation.verdict;
  // A share as the rule that checks it shows it (never rounded up to a bound it fails).
  auto figure = [&](std::string_view name) {
    const FactValue* f = facts.get(name);
    if (!f || !f->known) return std::string();
    if (f->type != FactType::share) return std::to_string(f->count);
    const Number* failed = nullptr;
    for (const RuleResult& r : evaluation.results)
      for (const Measure& m : r.measures)
        if (m.leaf && m.leaf->fact == name && m.known && !m.passed && !failed) failed = &m.bound;
    return format_tenths(share_tenths(f->count, f->total, failed));
  };
  out.figures = {figure("enterprise_count"), figure("sme_count"), figure("high_end_count"), figure("sme_share"),
                 figure("high_end_share"), figure("valid_patents"), figure("invention_patents")};
  split(load_warnings, out, lang, cat);
  split(facts.warnings, out, lang, cat);
  split(evaluation.diagnostics, out, lang, cat);
  for (const RuleResult& r : evaluation.results) {
    const Rule& rule = *r.rule;
    MessageArgs args = r.args;
    args.emplace_back("failed", failed_parts(r.failed, args, lang, cat));
    args.emplace_back("missing", joined(r.missing, ", "));
    ResultLine line;
    line.id = rule.id;
    line.where = rule_location(r, dossier);
    line.clause = rule.clause.zh;
    line.clause_shown = rule.clause.in(lang);
    line.article = rule.article.in(lang);
    line.article_title = rule.article_title.in(lang);
    line.title = rule.title.in(lang);
    line.outcome = r.outcome;
    if (r.outcome == Outcome::not_applicable) {
      // Not in force on as_of: the window it is in force in, and nothing computed.
      const bool before = rule.since && facts.as_of < *rule.since;
      line.actual = cat.get("value.not_in_force", lang);
      line.required = cat.render(!rule.until  ? "value.in_force_from"
                                 : !rule.since ? "value.in_force_until"
                                               : "value.in_force_from_until",
                                 args, lang);
      line.message = cat.render(before ? "outcome.not_applicable.before" : "outcome.not_applicable.after", args, lang);
    } else {
      std::string actual = rule.actual.in(lang), required = rule.required.in(lang);
      if (actual.empty() || required.empty()) {
        std::string a, q;
        default_display(rule.check, a, q);
        if (actual.empty()) actual = a;
        if (required.empty()) required = q;
      }
      line.actual = r.outcome == Outcome::missing ? cat.get("value.missing", lang) : cat.fill(actual, args, lang);
      line.required = cat.fill(required, args, lang);
      auto m = rule.messages.find(r.outcome);
      line.message = m != rule.messages.end() ? cat.fill(m->second.in(lang), args, lang)
                                              : cat.render("outcome.missing_message", args, lang);
    }
    for (const ParameterUse& use : r.parameters) {
      ResultLine::ParameterLine pl{use.parameter->name, use.value->value.text, format_date(use.value->since),
                                   use.value->source};
      bool seen = false;
      for (const auto& q : line.parameters) seen = seen || q.name == pl.name;
      if (!seen) line.parameters.push_back(std::move(pl));
    }
    for (const Text* note : r.notes) line.message += cat.get("text.note_separator", lang) + cat.fill(note->in(lang), args, lang);
    for (const Measure& measure : r.measures) line.gauges.push_back(gauge_of(measure, rule, lang, cat));
    line.words = rule.text;
    out.results.push_back(std::move(line));
  }
  // Warnings about the dossier file in file order, then those about other
  // files (a roster CSV, the rules), then those about a file as a whole.
  const std::string& file = dossier.file;
  std::stable_sort(out.warnings.begin(), out.warnings.end(), [&](const DiagnosticLine& a, const DiagnosticLine& b) {
    auto key = [&](const DiagnosticLine& d) { return std::make_tuple(d.line == 0, d.file != file, d.line, d.column); };
    return key(a) < key(b);
  });
  return out;
}

std::vector<RosterLine> roster_lines(const Facts& facts, Lang lang, const Catalogue& cat) {
  std::vector<RosterLine> out;
  out.reserve(facts.roster.size());
  auto flag = [](const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : ""; };
  for (const RosterRow& row : facts.roster) {
    const Enterprise& e = *row.enterprise;
    RosterLine line;
    line.label = row.label;
    line.name = e.name;
    line.duplicate_of = e.duplicate_of;
    if (e.duplicate_of > 0 && static_cast<std::size_t>(e.duplicate_of) <= facts.roster.size())
      line.duplicate_of_label = facts.roster[static_cast<std::size_t>(e.duplicate_of) - 1].label;
    line.sme = flag(row.sme);
    switch (row.sme_basis) {
      case RosterRow::SmeBasis::none:
        // Undecided: why (the sectors disagree, a figure is lacking, the standard does not apply).
        if (!row.sme_reason_key.empty()) line.sme_reason = cat.render(row.sme_reason_key, row.sme_reason, lang);
        break;
      case RosterRow::SmeBasis::declared: line.sme_basis = "declared"; break;
      case RosterRow::SmeBasis::size_standard:
        line.sme_basis = "size_standard";
        line.sme_reason = cat.render(row.sme_reason_key, row.sme_reason, lang);
        break;
    }
    line.high_end = flag(row.high_end);
    line.industry = row.high_end_unknown ? e.high_end_industry.value_or("") : row.high_end_entry;
    out.push_back(std::move(line));
  }
  return out;
}

Outcome verdict_look(Verdict v) {
  switch (v) {
    case Verdict::eligible:
      return Outcome::pass;
    case Verdict::needs_review:
      return Outcome::review;
    case Verdict::incomplete:
      return Outcome::missing;
    case Verdict::ineligible:
    case Verdict::invalid:
      return Outcome::fail;
  }
  return Outcome::fail;
}

std::string roster_text(const RosterLine& r, Lang lang, const Catalogue& cat) {
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  if (r.duplicate_of != 0) {
    const std::string first = r.duplicate_of_label.empty() ? std::to_string(r.duplicate_of) : r.duplicate_of_label;
    return cat.render("detail.duplicate", {{"row", first}}, lang);
  }
  std::string sme = r.sme.empty() ? tr("detail.undecided") : tr(r.sme == "true" ? "detail.sme" : "detail.not_sme");
  if (r.sme_basis.empty() && !r.sme_reason.empty()) sme += " (" + r.sme_reason + ")";
  if (!r.sme_basis.empty())
    sme += " (" + tr("detail.basis." + r.sme_basis) + (r.sme_reason.empty() ? "" : ": " + r.sme_reason) + ")";
  std::string high = r.high_end.empty()     ? tr("detail.undecided")
                     : r.high_end == "true" ? tr("detail.high_end") + " " + r.industry
                     : r.industry.empty()   ? tr("detail.not_high_end")
                                            : cat.render("detail.unknown_industry", {{"value", r.industry}}, lang);
  return sme + "; " + high;
}

int exit_code(const Report& report, Verdict fail_on) {
  if (report.summary[static_cast<std::size_t>(Verdict::invalid)] > 0) return 2;
  for (std::size_t v = static_cast<std::size_t>(fail_on); v < static_cast<std::size_t>(Verdict::invalid); ++v)
    if (report.summary[v] > 0) return 1;
  return 0;
}

int exit_code(const Report& report, bool strict) {
  return exit_code(report, strict ? Verdict::needs_review : Verdict::incomplete);
}

}  // namespace ipz
