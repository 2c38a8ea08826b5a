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
#include "read/dossier_loader.h"
#include "read/rule_tests.h"
#include "report/formats.h"
#include "report/rule_doc.h"
#include "util/utf8.h"

namespace ipz::cli {

namespace fs = std::filesystem;

namespace {

// The default rule set folder on disk (rules test needs its tests/ folder).
constexpr const char* kDefaultRuleDir = "rules/recognition";

// ---- list -------------------------------------------------------------------------------

int run_list(const CommonOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.language();
  std::optional<RuleSet> rules = load_rules(opt, lang, cat);
  if (!rules) return kExitInvalid;
  std::cout << rules->name << " " << rules->version << "  " << rules->title.in(lang) << "  (" << rules->origin
            << ")\n";
  std::size_t id_width = 0, clause_width = 0;
  for (const Article& a : rules->articles)
    for (const Rule& r : a.rules) {
      id_width = std::max(id_width, r.id.size());
      clause_width = std::max(clause_width, display_width(r.clause.in(lang)));
    }
  for (const Article& a : rules->articles)
    for (const Rule& r : a.rules) {
      std::string clause = r.clause.in(lang);
      std::cout << "  " << pad_to_width(r.id, id_width + 2) << pad_to_width(clause, clause_width + 2)
                << r.title.in(lang) << "\n";
    }
  return kExitOk;
}

// ---- lint -------------------------------------------------------------------------------

int run_lint(const CommonOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.language();
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(opt, diags);
  if (rules) {
    Diagnostics lint = lint_rule_set(*rules);
    diags.insert(diags.end(), lint.begin(), lint.end());
  }
  if (opt.format == "sarif") {  // every problem, those that stop loading too, as a result
    write_sarif_diagnostics(diags, rules ? rules->name : "", lang, cat, std::cout);
    return has_errors(diags) ? kExitInvalid : kExitOk;
  }
  if (!rules) {
    print_diagnostics(diags, lang, cat, std::cerr);
    return kExitInvalid;
  }
  print_diagnostics(diags, lang, cat, std::cout);
  int errors = 0, warnings = 0;
  for (const auto& d : diags) (d.severity == Severity::error ? errors : warnings)++;
  std::cout << cat.render("lint.summary",
                          {{"set", rules->name}, {"origin", rules->origin}, {"errors", std::to_string(errors)},
                           {"warnings", std::to_string(warnings)}},
                          lang)
            << "\n";
  return errors > 0 ? kExitInvalid : kExitOk;
}

// ---- test -------------------------------------------------------------------------------

struct CaseResult {
  const RuleTestCase* test = nullptr;
  std::vector<std::string> mismatches;  // rendered, one a line
};

struct TestOptions {
  CommonOptions common;
  std::string dir;
};

int run_test(const TestOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.common.language();
  CommonOptions with_dir = opt.common;
  with_dir.rules_dir = opt.dir;
  std::optional<RuleSet> rules = load_rules(with_dir, lang, cat);
  if (!rules) return kExitInvalid;
  fs::path tests_dir = fs::path(opt.dir) / "tests";
  Diagnostics diags;
  const Table* taxonomy = rules->table(rules->taxonomy);
  std::vector<RuleTestCase> cases =
      load_rule_tests(tests_dir.string(), taxonomy && !taxonomy->entries.empty() ? taxonomy->entries.front() : "", diags);
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
      std::string line = cat.render("ruletest.verdict_mismatch",
                                    {{"expected", c.expected_verdict}, {"got", std::string(verdict_name(got.verdict))}},
                                    lang);
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
        if (points.empty()) res.mismatches.push_back(cat.render("ruletest.unknown_rule", {{"id", id}}, lang));
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
  if (opt.common.format == "junit") {
    std::map<std::string, std::vector<const CaseResult*>> by_file;
    for (const auto& r : results) by_file[r.test->file].push_back(&r);
    std::cout << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ipzone rules test\" tests=\""
              << results.size() << "\" failures=\"" << failed << "\">\n";
    for (const auto& [file, list] : by_file) {
      int f = 0;
      for (const auto* r : list) f += r->mismatches.empty() ? 0 : 1;
      std::cout << "  <testsuite name=\"" << xml_escape(file) << "\" tests=\"" << list.size() << "\" failures=\"" << f
                << "\">\n";
      for (const auto* r : list) {
        std::cout << "    <testcase classname=\"" << xml_escape(rules->name) << "\" name=\""
                  << xml_escape(r->test->name) << "\" file=\"" << xml_escape(file) << "\" line=\""
                  << r->test->where.line << "\"";
        if (r->mismatches.empty()) {
          std::cout << "/>\n";
          continue;
        }
        std::string all;
        for (const auto& m : r->mismatches) all += m + "\n";
        std::cout << ">\n      <failure message=\"" << xml_escape(r->mismatches.front()) << "\">" << xml_escape(all)
                  << "</failure>\n    </testcase>\n";
      }
      std::cout << "  </testsuite>\n";
    }
    std::cout << "</testsuites>\n";
  } else {
    std::cout << cat.render("ruletest.heading", {{"dir", tests_dir.string()}, {"count", std::to_string(results.size())}},
                            lang)
              << "\n";
    for (const auto& r : results) {
      std::cout << (r.mismatches.empty() ? "  ✓ " : "  ✗ ") << r.test->file << ":" << r.test->where.line << "  "
                << r.test->name << "\n";
      for (const auto& m : r.mismatches) std::cout << "      " << m << "\n";
    }
    std::cout << passed << " passed, " << failed << " failed\n";
  }
  return failed > 0 ? kExitNotEligible : kExitOk;
}

// ---- diff -------------------------------------------------------------------------------

struct DiffOptions {
  CommonOptions common;
  std::string old_dir, new_dir;
  std::vector<std::string> inputs;
  bool fail_on_change = false;
};

struct RuleChange {
  std::string id, before, after, message;
};

struct DossierChange {
  std::string file, name;
  Verdict before = Verdict::invalid, after = Verdict::invalid;
  std::vector<RuleChange> rules;
};

int run_diff(const DiffOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.common.language();
  CommonOptions old_opt = opt.common, new_opt = opt.common;
  old_opt.rules_dir = opt.old_dir;
  new_opt.rules_dir = opt.new_dir;
  std::optional<RuleSet> before = load_rules(old_opt, lang, cat);
  std::optional<RuleSet> after = load_rules(new_opt, lang, cat);
  if (!before || !after) return kExitInvalid;

  int total = 0, outcome_only = 0;
  std::vector<DossierChange> changes;
  std::map<std::string, int> transitions;  // "eligible → ineligible" -> count
  const EvaluateOptions eval{opt.common.as_of, false};
  const InputList inputs = expand_inputs(opt.inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input in = inputs[i];
    ++total;
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
    if (change.before != change.after) {
      transitions[std::string(verdict_name(change.before)) + " → " + std::string(verdict_name(change.after))]++;
      changes.push_back(std::move(change));
    } else if (!change.rules.empty()) {
      ++outcome_only;
    }
  }

  std::string summary;
  for (const auto& [t, n] : transitions) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + t;
  const MessageArgs sum_args = {{"changed", std::to_string(changes.size())},
                                {"total", std::to_string(total)},
                                {"transitions", summary.empty() ? "-" : summary},
                                {"outcome_only", std::to_string(outcome_only)},
                                {"old", opt.old_dir},
                                {"new", opt.new_dir}};
  const std::string& format = opt.common.format;
  if (format == "json") {
    std::cout << "{\n  \"tool\": \"ipzone\",\n  \"old\": {\"path\": " << json_string(opt.old_dir)
              << ", \"name\": " << json_string(before->name) << ", \"version\": " << json_string(before->version)
              << "},\n  \"new\": {\"path\": " << json_string(opt.new_dir) << ", \"name\": " << json_string(after->name)
              << ", \"version\": " << json_string(after->version) << "},\n  \"dossiers\": " << total
              << ",\n  \"changed\": [";
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const auto& c = changes[i];
      std::cout << (i ? ",\n" : "\n") << "    {\"file\": " << json_string(c.file) << ", \"name\": " << json_string(c.name)
                << ", \"old_verdict\": " << json_string(verdict_name(c.before))
                << ", \"new_verdict\": " << json_string(verdict_name(c.after)) << ", \"rules\": [";
      for (std::size_t j = 0; j < c.rules.size(); ++j)
        std::cout << (j ? ", " : "") << "{\"id\": " << json_string(c.rules[j].id) << ", \"old\": "
                  << json_string(c.rules[j].before) << ", \"new\": " << json_string(c.rules[j].after)
                  << ", \"message\": " << json_string(c.rules[j].message) << "}";
      std::cout << "]}";
    }
    std::cout << (changes.empty() ? "],\n" : "\n  ],\n") << "  \"outcome_only_changes\": " << outcome_only
              << ",\n  \"summary\": {";
    std::size_t k = 0;
    for (const auto& [t, n] : transitions) std::cout << (k++ ? ", " : "") << json_string(t) << ": " << n;
    std::cout << "}\n}\n";
  } else if (format == "markdown") {
    std::cout << "### " << cat.render("diff.title", sum_args, lang) << "\n\n"
              << cat.render("diff.summary", sum_args, lang) << "\n\n";
    if (!changes.empty()) {
      std::cout << "| " << cat.get("diff.col_dossier", lang) << " | " << cat.get("diff.col_verdict", lang) << " | "
                << cat.get("diff.col_rules", lang) << " |\n|---|---|---|\n";
      for (const auto& c : changes) {
        std::cout << "| `" << c.file << "` " << c.name << " | " << verdict_name(c.before) << " → "
                  << verdict_name(c.after) << " | ";
        for (std::size_t j = 0; j < c.rules.size(); ++j)
          std::cout << (j ? "<br>" : "") << "`" << c.rules[j].id << "` " << c.rules[j].before << " → "
                    << c.rules[j].after;
        std::cout << " |\n";
      }
    }
  } else {
    std::cout << cat.render("diff.title", sum_args, lang) << "\n";
    for (const auto& c : changes) {
      std::cout << "  " << c.file << "  " << c.name << ": " << verdict_name(c.before) << " → " << verdict_name(c.after)
                << "\n";
      for (const auto& r : c.rules)
        std::cout << "      " << r.id << ": " << r.before << " → " << r.after << "  " << r.message << "\n";
    }
    std::cout << cat.render("diff.summary", sum_args, lang) << "\n";
  }
  return opt.fail_on_change && !changes.empty() ? kExitNotEligible : kExitOk;
}

// ---- doc --------------------------------------------------------------------------------

int run_doc(const CommonOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  std::optional<RuleSet> rules = load_rules(opt, opt.language(), cat);
  if (!rules) return kExitInvalid;
  write_rule_doc(*rules, cat, std::cout);
  return kExitOk;
}

void add_lang(CLI::App& cmd, CommonOptions& opt) {
  cmd.add_option("--lang", opt.lang, "Language of the output: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
}

}  // namespace

void add_rules(CLI::App& app, int& exit_code) {
  CLI::App* rules = app.add_subcommand(
      "rules",
      "Work on rule sets: list, lint, test, diff, doc. Without a folder, list, lint and doc use the built-in "
      "recognition rules; test reads rules/recognition/ from the current folder.");
  rules->require_subcommand(1);

  auto list = std::make_shared<CommonOptions>();
  CLI::App* c = rules->add_subcommand("list", "Every rule of the rule set: id, clause and what it checks");
  c->add_option("--rules", list->rules_dir, "A rule set folder instead of the built-in one")->check(CLI::ExistingDirectory);
  add_lang(*c, *list);
  c->callback([list, &exit_code] { exit_code = run_list(*list); });

  auto lint = std::make_shared<CommonOptions>();
  c = rules->add_subcommand("lint",
                            "Check a rule set without any dossier: every problem with file:line:column. "
                            "Exit 0 when clean, 2 with errors.");
  c->add_option("dir", lint->rules_dir, "The rule set folder (default: the built-in rules)")->check(CLI::ExistingDirectory);
  add_lang(*c, *lint);
  c->add_option("--format", lint->format, "text (default), or sarif (SARIF 2.1.0, for code scanning)")
      ->check(CLI::IsMember({"text", "sarif"}));
  c->callback([lint, &exit_code] { exit_code = run_lint(*lint); });

  auto test = std::make_shared<TestOptions>();
  test->dir = kDefaultRuleDir;
  c = rules->add_subcommand("test",
                            "Run the rule set's own cases (DIR/tests/*.yaml): expected verdicts and outcomes. "
                            "Exit 1 on any mismatch, 2 when a test file or the rules cannot be read.");
  c->add_option("dir", test->dir, "The rule set folder (default: rules/recognition)")->check(CLI::ExistingDirectory);
  add_lang(*c, test->common);
  c->add_option("--format", test->common.format, "text (default) or junit")->check(CLI::IsMember({"text", "junit"}));
  c->callback([test, &exit_code] { exit_code = run_test(*test); });

  auto diff = std::make_shared<DiffOptions>();
  c = rules->add_subcommand("diff",
                            "Evaluate dossiers under two rule sets and list those whose verdict changes, with the "
                            "rules whose outcome changes. Exit 1 with --fail-on-change when any verdict changes.");
  c->add_option("old", diff->old_dir, "The rule set before the change")->required()->check(CLI::ExistingDirectory);
  c->add_option("new", diff->new_dir, "The rule set after the change")->required()->check(CLI::ExistingDirectory);
  c->add_option("dossiers", diff->inputs, "Dossier files or folders, as for check")
      ->required()
      ->type_name("DOSSIER");
  add_lang(*c, diff->common);
  c->add_option("--format", diff->common.format, "text (default), json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  c->add_option_function<std::string>(
       "--as-of",
       [diff](const std::string& s) {
         auto d = parse_date(s);
         if (!d) throw CLI::ValidationError("--as-of", "not a date in the form YYYY-MM-DD: " + s);
         diff->common.as_of = d;
       },
       "Evaluation date (YYYY-MM-DD); default: each dossier's as_of, else today")
      ->type_name("DATE");
  c->add_flag("--fail-on-change", diff->fail_on_change, "Exit 1 when any dossier's verdict changes");
  c->callback([diff, &exit_code] { exit_code = run_diff(*diff); });

  auto doc = std::make_shared<CommonOptions>();
  c = rules->add_subcommand("doc",
                            "Render the rule set as one Markdown document: the article's words, the checks, the "
                            "parameters with their dates and sources, the facts used.");
  c->add_option("dir", doc->rules_dir, "The rule set folder (default: the built-in rules)")->check(CLI::ExistingDirectory);
  c->callback([doc, &exit_code] { exit_code = run_doc(*doc); });
}

}  // namespace ipz::cli
