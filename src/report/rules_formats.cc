// The outputs of rules list, test and diff (see rules_formats.h).
#include "report/rules_formats.h"

#include <algorithm>
#include <map>

#include "report/formats.h"
#include "report/report.h"
#include "util/utf8.h"

namespace ipz {

namespace {

// ---- list -------------------------------------------------------------------------------

void write_list_json(const RuleSet& rules, Lang lang, std::ostream& out) {
  out << "{\n  \"tool\": \"ipzone\",\n  \"rule_set\": " << json_string(rules.name)
      << ", \"rule_set_version\": " << json_string(rules.version)
      << ",\n  \"title\": " << json_string(rules.title.in(lang)) << ",\n  \"origin\": " << json_string(rules.origin)
      << ",\n  \"rules\": [";
  std::size_t n = 0;
  for (const Article& a : rules.articles)
    for (const Rule& r : a.rules)
      out << (n++ ? ",\n" : "\n") << "    {\"id\": " << json_string(r.id)
          << ", \"clause\": " << json_string(r.clause.in(lang)) << ", \"title\": " << json_string(r.title.in(lang))
          << "}";
  out << (n ? "\n  ]" : "]") << "\n}\n";
}

void write_list_text(const RuleSet& rules, Lang lang, std::ostream& out) {
  out << rules.name << " " << rules.version << "  " << rules.title.in(lang) << "  (" << rules.origin << ")\n";
  std::size_t id_width = 0, clause_width = 0;
  for (const Article& a : rules.articles)
    for (const Rule& r : a.rules) {
      id_width = std::max(id_width, r.id.size());
      clause_width = std::max(clause_width, display_width(r.clause.in(lang)));
    }
  for (const Article& a : rules.articles)
    for (const Rule& r : a.rules) {
      std::string clause = r.clause.in(lang);
      out << "  " << pad_to_width(r.id, id_width + 2) << pad_to_width(clause, clause_width + 2) << r.title.in(lang)
          << "\n";
    }
}

// ---- test -------------------------------------------------------------------------------

// A case's result as a report shows it: its messages and errors in lang.
DossierReport shown(const RuleTestRun& run, Lang lang, const Catalogue& cat) {
  if (!run.loaded.dossier) return report_invalid(run.test->dossier_file, "", run.loaded.diagnostics, lang, cat);
  return report_evaluated(*run.loaded.dossier, *run.facts, run.evaluation, run.loaded.diagnostics, lang, cat);
}

// Each mismatch of a run, rendered, one a line.
std::vector<std::string> mismatch_lines(const RuleTestRun& run, Lang lang, const Catalogue& cat) {
  using K = RuleTestMismatch::Kind;
  std::vector<std::string> lines;
  if (run.passed()) return lines;
  const DossierReport got = shown(run, lang, cat);
  for (const RuleTestMismatch& m : run.mismatches) {
    switch (m.kind) {
      case K::verdict: {
        std::string line = cat.render("ruletest.verdict_mismatch", {{"expected", m.expected}, {"got", m.got}}, lang);
        for (const auto& e : got.errors)
          line += "\n      " + e.file + ":" + std::to_string(e.line) + ": " + e.message;
        lines.push_back(line);
        break;
      }
      case K::outcome: {
        std::string message;
        for (const ResultLine& r : got.results)
          if (r.id == m.id) message = r.message;
        lines.push_back(cat.render(
            "ruletest.outcome_mismatch",
            {{"id", m.id}, {"expected", m.expected}, {"got", m.got}, {"message", message}}, lang));
        break;
      }
      case K::score:
        lines.push_back(
            cat.render("ruletest.score_mismatch", {{"id", m.id}, {"expected", m.expected}, {"got", m.got}}, lang));
        break;
      case K::unknown_rule: lines.push_back(cat.render("ruletest.unknown_rule", {{"id", m.id}}, lang)); break;
      case K::no_score: lines.push_back(cat.render("ruletest.no_score", {{"id", m.id}}, lang)); break;
    }
  }
  return lines;
}

struct ShownRun {
  const RuleTestRun* run = nullptr;
  std::vector<std::string> mismatches;
};

void write_tests_junit(const std::vector<ShownRun>& shown_runs, const RuleSet& rules, int failed, std::ostream& out) {
  std::map<std::string, std::vector<const ShownRun*>> by_file;
  for (const auto& r : shown_runs) by_file[r.run->test->file].push_back(&r);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ipzone rules test\" tests=\""
      << shown_runs.size() << "\" failures=\"" << failed << "\">\n";
  for (const auto& [file, list] : by_file) {
    int f = 0;
    for (const auto* r : list) f += r->mismatches.empty() ? 0 : 1;
    out << "  <testsuite name=\"" << xml_escape(file) << "\" tests=\"" << list.size() << "\" failures=\"" << f
        << "\">\n";
    for (const auto* r : list) {
      out << "    <testcase classname=\"" << xml_escape(rules.name) << "\" name=\"" << xml_escape(r->run->test->name)
          << "\" file=\"" << xml_escape(file) << "\" line=\"" << r->run->test->where.line << "\"";
      if (r->mismatches.empty()) {
        out << "/>\n";
        continue;
      }
      std::string all;
      for (const auto& m : r->mismatches) all += m + "\n";
      out << ">\n      <failure message=\"" << xml_escape(r->mismatches.front()) << "\">" << xml_escape(all)
          << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

void write_tests_text(const std::vector<ShownRun>& shown_runs, const std::string& tests_dir, int failed, Lang lang,
                      const Catalogue& cat, std::ostream& out) {
  out << cat.render("ruletest.heading", {{"dir", tests_dir}, {"count", std::to_string(shown_runs.size())}}, lang)
      << "\n";
  for (const auto& r : shown_runs) {
    out << (r.mismatches.empty() ? "  ✓ " : "  ✗ ") << r.run->test->file << ":" << r.run->test->where.line << "  "
        << r.run->test->name << "\n";
    for (const auto& m : r.mismatches) out << "      " << m << "\n";
  }
  const int passed = static_cast<int>(shown_runs.size()) - failed;
  out << passed << " passed, " << failed << " failed\n";
}

// ---- diff -------------------------------------------------------------------------------

void write_diff_json(const RuleDiff& diff, const RuleDiffSides& sides, std::ostream& out) {
  out << "{\n  \"tool\": \"ipzone\",\n  \"old\": {\"path\": " << json_string(sides.old_path)
      << ", \"name\": " << json_string(sides.before->name) << ", \"version\": " << json_string(sides.before->version)
      << "},\n  \"new\": {\"path\": " << json_string(sides.new_path) << ", \"name\": " << json_string(sides.after->name)
      << ", \"version\": " << json_string(sides.after->version) << "},\n  \"dossiers\": " << diff.total
      << ",\n  \"changed\": [";
  const auto& changes = diff.changed;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    out << (i ? ",\n" : "\n") << "    {\"file\": " << json_string(c.file) << ", \"name\": " << json_string(c.name)
        << ", \"old_verdict\": " << json_string(verdict_name(c.before))
        << ", \"new_verdict\": " << json_string(verdict_name(c.after)) << ", \"rules\": [";
    for (std::size_t j = 0; j < c.rules.size(); ++j)
      out << (j ? ", " : "") << "{\"id\": " << json_string(c.rules[j].id)
          << ", \"old\": " << json_string(c.rules[j].before) << ", \"new\": " << json_string(c.rules[j].after)
          << ", \"message\": " << json_string(c.rules[j].message) << "}";
    out << "]}";
  }
  out << (changes.empty() ? "],\n" : "\n  ],\n") << "  \"outcome_only_changes\": " << diff.outcome_only
      << ",\n  \"summary\": {";
  std::size_t k = 0;
  for (const auto& [t, n] : diff.transitions) out << (k++ ? ", " : "") << json_string(t) << ": " << n;
  out << "}\n}\n";
}

void write_diff_markdown(const RuleDiff& diff, const MessageArgs& sum_args, Lang lang, const Catalogue& cat,
                         std::ostream& out) {
  out << "### " << cat.render("diff.title", sum_args, lang) << "\n\n"
      << cat.render("diff.summary", sum_args, lang) << "\n\n";
  if (diff.changed.empty()) return;
  out << "| " << cat.get("diff.col_dossier", lang) << " | " << cat.get("diff.col_verdict", lang) << " | "
      << cat.get("diff.col_rules", lang) << " |\n|---|---|---|\n";
  for (const auto& c : diff.changed) {
    out << "| `" << c.file << "` " << c.name << " | " << verdict_name(c.before) << " → " << verdict_name(c.after)
        << " | ";
    for (std::size_t j = 0; j < c.rules.size(); ++j)
      out << (j ? "<br>" : "") << "`" << c.rules[j].id << "` " << c.rules[j].before << " → " << c.rules[j].after;
    out << " |\n";
  }
}

void write_diff_text(const RuleDiff& diff, const MessageArgs& sum_args, Lang lang, const Catalogue& cat,
                     std::ostream& out) {
  out << cat.render("diff.title", sum_args, lang) << "\n";
  for (const auto& c : diff.changed) {
    out << "  " << c.file << "  " << c.name << ": " << verdict_name(c.before) << " → " << verdict_name(c.after)
        << "\n";
    for (const auto& r : c.rules)
      out << "      " << r.id << ": " << r.before << " → " << r.after << "  " << r.message << "\n";
  }
  out << cat.render("diff.summary", sum_args, lang) << "\n";
}

}  // namespace

void write_rule_list(const RuleSet& rules, const std::string& format, Lang lang, std::ostream& out) {
  if (format == "json")
    write_list_json(rules, lang, out);
  else
    write_list_text(rules, lang, out);
}

void write_rule_tests(const std::vector<RuleTestRun>& runs, const RuleSet& rules, const std::string& tests_dir,
                      const std::string& format, Lang lang, const Catalogue& cat, std::ostream& out) {
  std::vector<ShownRun> shown_runs;
  int failed = 0;
  for (const RuleTestRun& run : runs) {
    shown_runs.push_back({&run, mismatch_lines(run, lang, cat)});
    failed += run.passed() ? 0 : 1;
  }
  if (format == "junit")
    write_tests_junit(shown_runs, rules, failed, out);
  else
    write_tests_text(shown_runs, tests_dir, failed, lang, cat, out);
}

void write_rule_diff(const RuleDiff& diff, const RuleDiffSides& sides, const std::string& format, Lang lang,
                     const Catalogue& cat, std::ostream& out) {
  const MessageArgs sum_args = {{"changed", std::to_string(diff.changed.size())},
                                {"total", std::to_string(diff.total)},
                                {"transitions", diff.transitions_text()},
                                {"outcome_only", std::to_string(diff.outcome_only)},
                                {"old", sides.old_path},
                                {"new", sides.new_path}};
  if (format == "json")
    write_diff_json(diff, sides, out);
  else if (format == "markdown")
    write_diff_markdown(diff, sum_args, lang, cat, out);
  else
    write_diff_text(diff, sum_args, lang, cat, out);
}

}  // namespace ipz
