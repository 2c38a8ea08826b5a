// `ipzone check DOSSIER...`: every dossier through the pipeline (read ->
// facts -> rules -> report), on -j threads, each report written as soon as
// it and those before it are ready, in input order; then the summary, and
// the worst verdict as the exit code.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/run_date.h"
#include "read/catalogue_loader.h"
#include "report/formats.h"

namespace ipz::cli {

namespace {

struct CheckOptions {
  CommonOptions common;
  InputOptions inputs;
  FailOptions fail;
  bool detail = false;
  bool quiet = false;
  bool csv_detail = false;
  bool excel = false;
  int jobs = 0;  // 0: the number of cores
};

int run_check(CheckOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.common.language();
  if (!settle_format(opt.common, "check")) return kExitInvalid;
  if (int bad = check_combinations("check", opt.common, &opt.fail,
                                   {{"--csv-detail", opt.csv_detail}, {"--excel", opt.excel}}, lang, cat))
    return bad;
  std::optional<InputList> inputs = collect_inputs(opt.inputs, "check", lang, cat);
  if (!inputs) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;
  const std::optional<RunDate> date = run_date(opt.common, *rules, "check");
  if (!date) return kExitInvalid;

  return write_output(opt.common, "check", [&](std::ostream& out, std::string& error) {
    OutputOptions out_opt;
    out_opt.format = opt.common.format;
    out_opt.color = opt.common.output.empty() && opt.common.use_color();
    out_opt.quiet = opt.quiet;
    out_opt.csv_detail = opt.csv_detail;
    out_opt.excel = opt.excel;
    auto writer = make_writer(out_opt, cat, out);

    Report run;
    run.lang = lang;
    run.rule_set = rules->name;
    run.rule_set_version = rules->version;
    run.detail = opt.detail;
    run.criteria = criteria_of(*rules, lang);
    writer->begin(run);
    const EvaluateOptions eval{opt.common.as_of, opt.detail, date->today, date->zone};
    Progress progress(inputs->size(), progress_wanted(opt.quiet), out, lang, cat);
    for_each_in_order<DossierReport>(
        *inputs, thread_count(opt.jobs),
        [&](const Input& in) { return judge(load_input(in), *rules, eval, lang, cat); },
        [&](DossierReport&& d) {
          run.count(d);
          progress.clear();
          writer->dossier(d);
          progress.step();
        });
    progress.clear();
    writer->end(run);
    error = writer->error();
    return exit_code(run, opt.fail.threshold());
  });
}

}  // namespace

void add_check(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check dossiers against the recognition criteria: one line per criterion with its clause, the value found, "
      "the bound and what would fix a failure; then warnings and the verdict. Exit 0: all eligible or needs-review; "
      "1: any ineligible or incomplete; 2: any invalid, or a usage error.");
  add_input_options(*cmd, opt->inputs);
  add_common_options(*cmd, opt->common);
  add_output_options(*cmd, opt->common, {"text", "json", "ndjson", "csv", "junit", "markdown", "html", "sarif", "xlsx"},
                     "text (default), json, ndjson (a dossier a line, as each is ready), csv (a row per dossier), "
                     "junit (for CI servers), markdown (a summary table), html (one self-contained page to print or "
                     "send: a card per criterion with gauges), sarif (SARIF 2.1.0, for code scanning), xlsx (an Excel "
                     "workbook: Summary, Details, Warnings; never to a terminal)");
  add_jobs_option(*cmd, opt->jobs, "Check");
  add_fail_options(*cmd, opt->fail);
  cmd->add_flag("-q,--quiet", opt->quiet,
                "Print only the summary: the count of dossiers per verdict (text, markdown, html), the summary object "
                "(json, ndjson), a verdict,dossiers table (csv); junit, sarif and xlsx are never shortened; no "
                "progress line");
  cmd->add_flag("--detail", opt->detail,
                "Also show how each roster row was classified: SME (declared, or by the size standard and why) and "
                "high-end industry (the taxonomy entry, or an unknown name)");
  cmd->add_flag("--csv-detail", opt->csv_detail,
                "With --format csv: one row per dossier and criterion instead of per dossier");
  cmd->add_flag("--excel", opt->excel,
                "With --format csv: begin with the UTF-8 byte-order mark that Excel needs to show Chinese");
  cmd->callback([opt, &exit_code] { exit_code = run_check(*opt); });
}

}  // namespace ipz::cli
