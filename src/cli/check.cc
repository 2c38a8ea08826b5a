// `ipzone check DOSSIER...`: the whole pipeline, one dossier at a time:
// read the file -> derive facts -> evaluate the rules -> add to the report;
// then render the report and return the worst verdict as the exit code.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/pipeline.h"
#include "report/formats.h"
#include "report/report.h"

namespace ipz::cli {

namespace {

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  bool strict = false;
  bool detail = false;
};

int run_check(const CheckOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.common.language();
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;

  Report report;
  report.lang = lang;
  report.rule_set = rules->name;
  report.rule_set_version = rules->version;
  report.detail = opt.detail;
  const EvaluateOptions eval{opt.common.as_of, opt.detail};
  for (const Input& input : expand_inputs(opt.inputs)) report.add(judge(load_input(input), *rules, eval, lang, cat));

  if (opt.common.format == "json") write_json(report, std::cout);
  else write_text(report, cat, {opt.common.use_color()}, std::cout);
  std::cout.flush();
  return exit_code(report, opt.strict);
}

}  // namespace

void add_check(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check dossiers against the recognition criteria: one line per criterion with its clause, the value found, "
      "the bound and what would fix a failure; then warnings and the verdict.");
  cmd->add_option("dossiers", opt->inputs,
                  "Dossier files (YAML, format ipzone-dossier/1), folders (their *.yaml and *.yml, sorted), or - "
                  "for standard input")
      ->required();
  add_common_options(*cmd, opt->common);
  cmd->add_flag("--strict", opt->strict, "Treat needs-review as a failure (exit 1)");
  cmd->add_flag("--detail", opt->detail,
                "Also show how each roster row was classified: SME (declared, or by the size standard and why) and "
                "high-end industry (the taxonomy entry, or an unknown name)");
  cmd->callback([opt, &exit_code] { exit_code = run_check(*opt); });
}

}  // namespace ipz::cli
