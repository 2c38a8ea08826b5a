// `ipzone rules list | lint | test | diff | doc`: the verbs for whoever
// maintains the rules (as conftest and cfn-guard have one verb per job).
//   list  every rule with its clause and title
//   lint  a rule set checked without any dossier
//   test  the rule set's own cases (rules/<set>/tests/*.yaml)
//   diff  which dossiers change verdict between two rule sets, and why
//   doc   the rule set as one Markdown document
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/pipeline.h"
#include "evaluate/rule_lint.h"
#include "evaluate/score.h"
#include "facts/facts.h"
#include "model/scoring.h"
#include "read/catalogue_loader.h"
#include "read/dossier_loader.h"
#include "read/rule_tests.h"
#include "report/formats.h"
#include "report/rule_doc.h"
#include "util/utf8.h"
#include "util/utf8_path.h"

namespace ipz::cli {

namespace fs = std::filesystem;

namespace {

// The default rule set folder on disk (rules test needs its tests/ folder).
constexpr const char* kDefaultRuleDir = "rules/recognition";

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

void write_list(const RuleSet& rules, Lang lang, std::ostream& out) {
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

int run_list(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.language();
  if (!settle_rule_folder(opt, "rules list") || !settle_format(opt, "rules list")) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt, lang, cat);
  if (!rules) return kExitInvalid;
  return write_output(opt, "rules list", [&](std::ostream& out, std::string&) {
    if (opt.format == "json")
      write_list_json(*rules, lang, out);
    else
      write_list(*rules, lang, out);
    return kExitOk;
  });
}

// ---- lint -------------------------------------------------------------------------------

int run_lint(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.language();
  if (!settle_rule_folder(opt, "rules lint") || !settle_format(opt, "rules lint")) return kExitInvalid;
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(opt, diags);
  if (rules) {
    Diagnostics lint = lint_rule_set(*rules);
    diags.insert(diags.end(), lint.begin(), lint.end());
  }
  if (opt.format == "sarif")  // every problem, those that stop loading too, as a result
    return write_output(opt, "rules lint", [&](std::ostream& out, std::string&) {
      write_sarif_diagnostics(diags, rules ? rules->name : "", lang, cat, out);
      return has_errors(diags) ? kExitInvalid : kExitOk;
    });
  if (!rules) {
    print_diagnostics(diags, lang, cat, std::cerr);
    return kExitInvalid;
  }
  return write_output(opt, "rules lint", [&](std::ostream& out, std::string&) {
    print_diagnostics(diags, lang, cat, out);
    int errors = 0, warnings = 0;
    for (const auto& d : diags) (d.severity == Severity::error ? errors : warnings)++;
    out << cat.render("lint.summary",
                      {{"set", rules->name},
                       {"origin", rules->origin},
                       {"errors", std::to_string(errors)},
                       {"warnings", std::to_string(warnings)}},
                      lang)
        << "\n";
    return errors > 0 ? kExitInvalid : kExitOk;
  });
}

// ---- test -------------------------------------------------------------------------------

struct CaseResult {
  const RuleTestCase* test = nullptr;
  std::vector<std::string> mismatches;  // rendered, one a line
};

int run_test(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.language();
  if (!settle_rule_folder(opt, "rules test") || !settle_format(opt, "rules test")) return kExitInvalid;
  if (opt.rules_dir.empty()) opt.rules_dir = kDefaultRuleDir;
  std::optional<RuleSet> rules = load_rules(opt, lang, cat);
  if (!rules) return kExitInvalid;
  fs::path tests_dir = utf8_path(opt.rules_dir) / "tests";
  Diagnostics diags;
  const Table* taxonomy = rules->table(rules->taxonomy);
  std::vector<RuleTestCase> cases = load_rule_tests(
      utf8_string(tests_dir), taxonomy && !taxonomy->entries.empty() ? taxonomy->entries.front() : "", diags);
  if (has_errors(diags)) {
    print_diagnostics(diags, lang, cat, std::cerr);
    return kExitInvalid;
  }
  std::set<std::string> ids;
  for (const Article& a : rules->articles)
    for (const Rule& r : a.rules) ids.insert(r.id);

  std::vector<CaseResult> results;
  for (const RuleTestCase& c : cases) {
    CaseResult res;
    res.test = &c;
    LoadedInput input;
    input.file = c.dossier_file;
    LoadedDossier loaded = load_dossier(c.dossier, c.dossier_file);
    input.dossier = std::move(loaded.dossier);
    input.diagnostics = std::move(loaded.diagnostics);
    std::optional<Facts> facts;
    DossierReport got = judge(input, *rules, {c.as_of, false}, lang, cat, &facts);
    if (!c.expected_verdict.empty() && c.expected_verdict != verdict_name(got.verdict)) {
      std::string line =
          cat.render("ruletest.verdict_mismatch",
                     {{"expected", c.expected_verdict}, {"got", std::string(verdict_name(got.verdict))}}, lang);
      for (const auto& e : got.errors) line += "\n      " + e.file + ":" + std::to_string(e.line) + ": " + e.message;
      res.mismatches.push_back(line);
    }
    std::optional<Score> score;  // computed when a case pins one
    for (const auto& [id, expected] : c.expected_outcomes) {
      if (id == "score" || id.rfind("score.", 0) == 0) {
        if (!rules->scoring || !facts) {
          res.mismatches.push_back(cat.render("ruletest.no_score", {{"id", id}}, lang));
          continue;
        }
        if (!score) score = score_dossier(*rules->scoring, *facts);
        std::string points;
        if (id == "score") points = format_points(score->total);
        for (const auto& ds : score->dimensions)
          if (id == "score." + ds.dimension->id) points = format_points(ds.points);
        if (points.empty())
          res.mismatches.push_back(cat.render("ruletest.unknown_rule", {{"id", id}}, lang));
        else if (auto want = parse_number(expected); !want || format_points(want->num * 100 / want->den) != points)
          res.mismatches.push_back(
              cat.render("ruletest.score_mismatch", {{"id", id}, {"expected", expected}, {"got", points}}, lang));
        continue;
      }
      if (!ids.count(id)) {
        res.mismatches.push_back(cat.render("ruletest.unknown_rule", {{"id", id}}, lang));
        continue;
      }
      for (const ResultLine& r : got.results) {
        if (r.id != id || outcome_name(r.outcome) == expected) continue;
        res.mismatches.push_back(cat.render(
            "ruletest.outcome_mismatch",
            {{"id", id}, {"expected", expected}, {"got", std::string(outcome_name(r.outcome))}, {"message", r.message}},
            lang));
      }
    }
    results.push_back(std::move(res));
  }

  int failed = 0;
  for (const auto& r : results) failed += r.mismatches.empty() ? 0 : 1;
  const int passed = static_cast<int>(results.size()) - failed;
  return write_output(opt, "rules test", [&](std::ostream& out, std::string&) {
    if (opt.format == "junit") {
      std::map<std::string, std::vector<const CaseResult*>> by_file;
      for (const auto& r : results) by_file[r.test->file].push_back(&r);
      out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ipzone rules test\" tests=\""
          << results.size() << "\" failures=\"" << failed << "\">\n";
      for (const auto& [file, list] : by_file) {
        int f = 0;
        for (const auto* r : list) f += r->mismatches.empty() ? 0 : 1;
        out << "  <testsuite name=\"" << xml_escape(file) << "\" tests=\"" << list.size() << "\" failures=\"" << f
            << "\">\n";
        for (const auto* r : list) {
          out << "    <testcase classname=\"" << xml_escape(rules->name) << "\" name=\"" << xml_escape(r->test->name)
              << "\" file=\"" << xml_escape(file) << "\" line=\"" << r->test->where.line << "\"";
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
    } else {
      out << cat.render("ruletest.heading", {{"dir", utf8_string(tests_dir)}, {"count", std::to_string(results.size())}},
                        lang)
          << "\n";
      for (const auto& r : results) {
        out << (r.mismatches.empty() ? "  ✓ " : "  ✗ ") << r.test->file << ":" << r.test->where.line << "  "
            << r.test->name << "\n";
        for (const auto& m : r.mismatches) out << "      " << m << "\n";
      }
      out << passed << " passed, " << failed << " failed\n";
    }
    return failed > 0 ? kExitNotEligible : kExitOk;
  });
}

// ---- diff -------------------------------------------------------------------------------

struct DiffOptions {
  CommonOptions common;
  std::string old_dir, new_dir;
  InputOptions inputs;
  bool fail_on_change = false;
  int jobs = 0;
};

struct RuleChange {
  std::string id, before, after, message;
};

struct DossierChange {
  std::string file, name;
  Verdict before = Verdict::invalid, after = Verdict::invalid;
  std::vector<RuleChange> rules;
};

int run_diff(DiffOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.common.language();
  if (!settle_format(opt.common, "rules diff")) return kExitInvalid;
  CommonOptions old_opt = opt.common, new_opt = opt.common;
  old_opt.rules_dir = opt.old_dir;
  new_opt.rules_dir = opt.new_dir;
  std::optional<RuleSet> before = load_rules(old_opt, lang, cat);
  std::optional<RuleSet> after = load_rules(new_opt, lang, cat);
  if (!before || !after) return kExitInvalid;

  std::optional<InputList> inputs = collect_inputs(opt.inputs, "rules diff", lang, cat);
  if (!inputs) return kExitInvalid;

  int total = 0, outcome_only = 0;
  std::vector<DossierChange> changes;
  std::map<std::string, int> transitions;  // "eligible → ineligible" -> count
  const EvaluateOptions eval{opt.common.as_of, false};
  for_each_in_order<DossierChange>(
      *inputs, thread_count(opt.jobs),
      [&](const Input& in) {
        LoadedInput loaded = load_input(in);
        DossierReport a = judge(loaded, *before, eval, lang, cat);
        DossierReport b = judge(loaded, *after, eval, lang, cat);
        DossierChange change;
        change.file = a.file;
        change.name = a.name;
        change.before = a.verdict;
        change.after = b.verdict;
        std::map<std::string, const ResultLine*> old_by_id, new_by_id;
        for (const auto& r : a.results) old_by_id[r.id] = &r;
        for (const auto& r : b.results) new_by_id[r.id] = &r;
        std::vector<std::string> order;
        for (const auto& r : a.results) order.push_back(r.id);
        for (const auto& r : b.results)
          if (!old_by_id.count(r.id)) order.push_back(r.id);
        for (const auto& id : order) {
          const ResultLine* x = old_by_id.count(id) ? old_by_id[id] : nullptr;
          const ResultLine* y = new_by_id.count(id) ? new_by_id[id] : nullptr;
          std::string ox = x ? std::string(outcome_name(x->outcome)) : "-";
          std::string oy = y ? std::string(outcome_name(y->outcome)) : "-";
          if (ox != oy) change.rules.push_back({id, ox, oy, y ? y->message : x->message});
        }
        return change;
      },
      [&](DossierChange&& change) {
        ++total;
        if (change.before != change.after) {
          transitions[std::string(verdict_name(change.before)) + " → " + std::string(verdict_name(change.after))]++;
          changes.push_back(std::move(change));
        } else if (!change.rules.empty()) {
          ++outcome_only;
        }
      });

  std::string summary;
  for (const auto& [t, n] : transitions) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + t;
  const MessageArgs sum_args = {{"changed", std::to_string(changes.size())},
                                {"total", std::to_string(total)},
                                {"transitions", summary.empty() ? "-" : summary},
                                {"outcome_only", std::to_string(outcome_only)},
                                {"old", opt.old_dir},
                                {"new", opt.new_dir}};
  return write_output(opt.common, "rules diff", [&](std::ostream& out, std::string&) {
    const std::string& format = opt.common.format;
    if (format == "json") {
      out << "{\n  \"tool\": \"ipzone\",\n  \"old\": {\"path\": " << json_string(opt.old_dir)
          << ", \"name\": " << json_string(before->name) << ", \"version\": " << json_string(before->version)
          << "},\n  \"new\": {\"path\": " << json_string(opt.new_dir) << ", \"name\": " << json_string(after->name)
          << ", \"version\": " << json_string(after->version) << "},\n  \"dossiers\": " << total
          << ",\n  \"changed\": [";
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
      out << (changes.empty() ? "],\n" : "\n  ],\n") << "  \"outcome_only_changes\": " << outcome_only
          << ",\n  \"summary\": {";
      std::size_t k = 0;
      for (const auto& [t, n] : transitions) out << (k++ ? ", " : "") << json_string(t) << ": " << n;
      out << "}\n}\n";
    } else if (format == "markdown") {
      out << "### " << cat.render("diff.title", sum_args, lang) << "\n\n"
          << cat.render("diff.summary", sum_args, lang) << "\n\n";
      if (!changes.empty()) {
        out << "| " << cat.get("diff.col_dossier", lang) << " | " << cat.get("diff.col_verdict", lang) << " | "
            << cat.get("diff.col_rules", lang) << " |\n|---|---|---|\n";
        for (const auto& c : changes) {
          out << "| `" << c.file << "` " << c.name << " | " << verdict_name(c.before) << " → " << verdict_name(c.after)
              << " | ";
          for (std::size_t j = 0; j < c.rules.size(); ++j)
            out << (j ? "<br>" : "") << "`" << c.rules[j].id << "` " << c.rules[j].before << " → " << c.rules[j].after;
          out << " |\n";
        }
      }
    } else {
      out << cat.render("diff.title", sum_args, lang) << "\n";
      for (const auto& c : changes) {
        out << "  " << c.file << "  " << c.name << ": " << verdict_name(c.before) << " → " << verdict_name(c.after)
            << "\n";
        for (const auto& r : c.rules)
          out << "      " << r.id << ": " << r.before << " → " << r.after << "  " << r.message << "\n";
      }
      out << cat.render("diff.summary", sum_args, lang) << "\n";
    }
    return opt.fail_on_change && !changes.empty() ? kExitNotEligible : kExitOk;
  });
}

// ---- doc --------------------------------------------------------------------------------

int run_doc(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  if (!settle_rule_folder(opt, "rules doc") || !settle_format(opt, "rules doc")) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt, opt.language(), cat);
  if (!rules) return kExitInvalid;
  return write_output(opt, "rules doc", [&](std::ostream& out, std::string&) {
    write_rule_doc(*rules, cat, out);
    return kExitOk;
  });
}

}  // namespace

void add_rules(CLI::App& app, int& exit_code) {
  CLI::App* rules = app.add_subcommand(
      "rules",
      "Work on rule sets: list, lint, test, diff, doc. Each takes the rule folder as an argument DIR or as --rules "
      "DIR (diff takes two: OLD and NEW); without one, list, lint and doc use the built-in recognition rules, and "
      "test reads rules/recognition/ from the current folder.");
  rules->require_subcommand(1);
  const std::string builtin = "the built-in recognition rules";

  auto list = std::make_shared<CommonOptions>();
  CLI::App* c = rules->add_subcommand("list", "Every rule of the rule set: id, clause and what it checks");
  add_rule_folder(*c, *list, builtin);
  add_lang_option(*c, *list);
  add_output_options(*c, *list, {"text", "json"},
                     "text (default) or json (rule set, and each rule's id, clause and title)");
  c->callback([list, &exit_code] { exit_code = run_list(*list); });

  auto lint = std::make_shared<CommonOptions>();
  c = rules->add_subcommand("lint",
                            "Check a rule set without any dossier: every problem with file:line:column. "
                            "Exit 0 when clean, 2 with errors.");
  add_rule_folder(*c, *lint, builtin);
  add_lang_option(*c, *lint);
  add_output_options(*c, *lint, {"text", "sarif"}, "text (default), or sarif (SARIF 2.1.0, for code scanning)");
  c->callback([lint, &exit_code] { exit_code = run_lint(*lint); });

  auto test = std::make_shared<CommonOptions>();
  c = rules->add_subcommand("test",
                            "Run the rule set's own cases (DIR/tests/*.yaml): expected verdicts and outcomes. "
                            "Exit 1 on any mismatch, 2 when a test file or the rules cannot be read.");
  add_rule_folder(*c, *test, std::string(kDefaultRuleDir) + " in the current folder");
  add_lang_option(*c, *test);
  add_output_options(*c, *test, {"text", "junit"}, "text (default) or junit (a testsuite per test file)");
  c->callback([test, &exit_code] { exit_code = run_test(*test); });

  auto diff = std::make_shared<DiffOptions>();
  c = rules->add_subcommand("diff",
                            "Evaluate dossiers under two rule sets and list those whose verdict changes, with the "
                            "rules whose outcome changes. Exit 1 with --fail-on-change when any verdict changes.");
  c->add_option("old", diff->old_dir, "The rule set folder before the change")
      ->required()
      ->check(existing_folder())
      ->type_name("DIR");
  c->add_option("new", diff->new_dir, "The rule set folder after the change")
      ->required()
      ->check(existing_folder())
      ->type_name("DIR");
  add_input_options(*c, diff->inputs);
  add_lang_option(*c, diff->common);
  add_as_of_option(*c, diff->common);
  add_output_options(*c, diff->common, {"text", "json", "markdown"}, "text (default), json or markdown");
  add_jobs_option(*c, diff->jobs, "Evaluate");
  c->add_flag("--fail-on-change", diff->fail_on_change, "Exit 1 when any dossier's verdict changes");
  c->callback([diff, &exit_code] { exit_code = run_diff(*diff); });

  auto doc = std::make_shared<CommonOptions>();
  c = rules->add_subcommand("doc",
                            "Render the rule set as one Markdown document: the article's words, the checks, the "
                            "parameters with their dates and sources, the facts used.");
  add_rule_folder(*c, *doc, builtin);
  add_lang_option(*c, *doc);
  add_output_options(*c, *doc, {"markdown"}, "markdown (the only one)");
  c->callback([doc, &exit_code] { exit_code = run_doc(*doc); });
}

}  // namespace ipz::cli
