// `ipzone rules list | lint | test | diff | doc`: the verbs for whoever
// maintains the rules (as conftest and cfn-guard have one verb per job).
//   list  every rule with its clause and title
//   lint  a rule set checked without any dossier
//   test  the rule set's own cases (rules/<set>/tests/*.yaml)
//   diff  which dossiers change verdict between two rule sets, and why
//   doc   the rule set as one Markdown document
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/pipeline.h"
#include "cli/run_date.h"
#include "evaluate/rule_diff.h"
#include "evaluate/rule_lint.h"
#include "evaluate/rule_test_run.h"
#include "read/catalogue_loader.h"
#include "read/rule_tests.h"
#include "report/formats.h"
#include "report/rule_doc.h"
#include "report/rules_formats.h"
#include "util/utf8_path.h"

namespace ipz::cli {

namespace fs = std::filesystem;

namespace {

// The default rule set folder on disk (rules test needs its tests/ folder).
constexpr const char* kDefaultRuleDir = "rules/recognition";

// ---- list -------------------------------------------------------------------------------

int run_list(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.language();
  if (!settle_rule_folder(opt, "rules list") || !settle_format(opt, "rules list")) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt, lang, cat);
  if (!rules) return kExitInvalid;
  return write_output(opt, "rules list", [&](std::ostream& out, std::string&) {
    write_rule_list(*rules, opt.format, lang, out);
    return kExitOk;
  });
}

// ---- lint -------------------------------------------------------------------------------

int run_lint(CommonOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.language();
  if (!settle_rule_folder(opt, "rules lint") || !settle_format(opt, "rules lint")) return kExitInvalid;
  Diagnostics diags;
  std::optional<RuleSet> rules = read_rules(opt, diags);
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
  const std::optional<RunDate> date = run_date(opt, *rules, "rules test");
  if (!date) return kExitInvalid;
  const std::vector<RuleTestRun> runs = run_rule_tests(*rules, cases, date->today);
  const bool failed = std::any_of(runs.begin(), runs.end(), [](const RuleTestRun& r) { return !r.passed(); });
  return write_output(opt, "rules test", [&](std::ostream& out, std::string&) {
    write_rule_tests(runs, *rules, utf8_string(tests_dir), opt.format, lang, cat, out);
    return failed ? kExitNotEligible : kExitOk;
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

// Each rule's outcome in a dossier's report, for the diff.
RuleOutcomes outcomes(const DossierReport& d) {
  RuleOutcomes out;
  for (const ResultLine& r : d.results) out.emplace_back(r.id, r.outcome);
  return out;
}

std::optional<std::string> message_of(const DossierReport& d, const std::string& id) {
  for (const ResultLine& r : d.results)
    if (r.id == id) return r.message;
  return std::nullopt;
}

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

  const std::optional<RunDate> date = run_date(opt.common, *after, "rules diff");
  if (!date) return kExitInvalid;
  RuleDiff diff;
  const EvaluateOptions eval{opt.common.as_of, false, date->today, date->zone};
  for_each_in_order<DossierChange>(
      *inputs, thread_count(opt.jobs),
      [&](const Input& in) {
        LoadedInput loaded = load_input(in);
        DossierReport a = judge(loaded, *before, eval, lang, cat);
        DossierReport b = judge(loaded, *after, eval, lang, cat);
        DossierChange change{a.file, a.name, a.verdict, b.verdict, rule_changes(outcomes(a), outcomes(b))};
        for (RuleChange& r : change.rules) r.message = message_of(b, r.id).value_or(message_of(a, r.id).value_or(""));
        return change;
      },
      [&](DossierChange&& change) { diff.add(std::move(change)); });

  return write_output(opt.common, "rules diff", [&](std::ostream& out, std::string&) {
    write_rule_diff(diff, {opt.old_dir, opt.new_dir, &*before, &*after}, opt.common.format, lang, cat, out);
    return opt.fail_on_change && !diff.changed.empty() ? kExitNotEligible : kExitOk;
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
