// `ipzone check DOSSIER...`: every dossier through the pipeline (read ->
// facts -> rules -> report), on -j threads, each report written as soon as
// it and those before it are ready, in input order; then the summary, and
// the worst verdict as the exit code.
#include <iostream>

#include "cli/commands.h"
#include "cli/format_choice.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "report/formats.h"

namespace ipz::cli {

namespace {

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string files_from;
  bool recursive = false;
  bool strict = false;
  bool detail = false;
  bool quiet = false;
  bool csv_detail = false;
  bool excel = false;
  std::string fail_on = "incomplete";
  std::string output;
  int jobs = 0;  // 0: the number of cores
};

// The formats of check; the first is the default.
const std::vector<std::string> kFormats = {"text", "json", "ndjson", "csv", "junit", "markdown", "html", "sarif", "xlsx"};

Verdict fail_threshold(const CheckOptions& opt) {
  if (opt.strict || opt.fail_on == "needs-review") return Verdict::needs_review;
  if (opt.fail_on == "ineligible") return Verdict::ineligible;
  return Verdict::incomplete;
}

int run_check(const CheckOptions& opt) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.common.language();
  const FormatChoice format =
      choose_format(opt.common.format_given ? opt.common.format : "", opt.output, kFormats, lang, cat);
  if (!format.error.empty()) {
    std::cerr << "ipzone check: " << format.error << "\n";
    return kExitInvalid;
  }
  std::vector<std::string> paths = opt.inputs;
  if (!opt.files_from.empty() && !read_path_list(opt.files_from, paths)) {
    std::cerr << "ipzone check: " << cat.render("file.cannot_read", {{"file", opt.files_from}}, lang) << "\n";
    return kExitInvalid;
  }
  if (paths.empty()) {
    std::cerr << "ipzone check: " << cat.get("input.none", lang) << "\n";
    return kExitInvalid;
  }
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;

  Output output(opt.output);
  if (!output.ok()) {
    std::cerr << "ipzone check: " << output.error() << "\n";
    return kExitInvalid;
  }
  OutputOptions out_opt;
  out_opt.format = format.format;
  out_opt.color = opt.output.empty() && opt.common.use_color();
  out_opt.quiet = opt.quiet;
  out_opt.csv_detail = opt.csv_detail;
  out_opt.excel = opt.excel;
  auto writer = make_writer(out_opt, cat, output.stream());

  Report run;
  run.lang = lang;
  run.rule_set = rules->name;
  run.rule_set_version = rules->version;
  run.detail = opt.detail;
  run.criteria = criteria_of(*rules, lang);
  writer->begin(run);
  const EvaluateOptions eval{opt.common.as_of, opt.detail};
  const int jobs = thread_count(opt.jobs);
  const InputList inputs = expand_inputs(paths, opt.recursive);
  Progress progress(inputs.size(), progress_wanted(opt.quiet), output.stream(), lang, cat);
  for_each_in_order<DossierReport>(
      inputs, jobs, [&](const Input& in) { return judge(load_input(in), *rules, eval, lang, cat); },
      [&](DossierReport&& d) {
        run.count(d);
        progress.clear();
        writer->dossier(d);
        progress.step();
      });
  progress.clear();
  writer->end(run);
  if (!writer->error().empty()) {
    std::cerr << "ipzone check: " << writer->error() << "\n";
    return kExitInvalid;  // the Output is not committed: -o FILE is left as it was
  }
  if (!output.commit()) {
    std::cerr << "ipzone check: " << output.error() << "\n";
    return kExitInvalid;
  }
  return exit_code(run, fail_threshold(opt));
}

}  // namespace

void add_check(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check dossiers against the recognition criteria: one line per criterion with its clause, the value found, "
      "the bound and what would fix a failure; then warnings and the verdict. Exit 0: all eligible or needs-review; "
      "1: any ineligible or incomplete; 2: any invalid, or a usage error.");
  cmd->add_option("dossiers", opt->inputs,
                  "Dossier files (YAML, format ipzone-dossier/1), folders (their *.yaml and *.yml, sorted), or - "
                  "for standard input")
      ->type_name("DOSSIER");
  cmd->add_option("--files-from", opt->files_from,
                  "Also read dossier paths from FILE, one a line (- for standard input): find ... | ipzone check "
                  "--files-from -")
      ->type_name("FILE");
  cmd->add_flag("-r,--recursive", opt->recursive, "Look for dossiers in the subfolders of folders too");
  add_common_options(*cmd, opt->common, kFormats,
                     "Output format: text (default), json, ndjson (a dossier a line, as each is ready), csv (a row "
                     "per dossier), junit (for CI servers), markdown (a summary table), html (one self-contained "
                     "page to print or send: a card per criterion with gauges), sarif (SARIF 2.1.0, for code "
                     "scanning), xlsx (an Excel workbook: Summary, Details, Warnings; never to a terminal). Without "
                     "--format, the suffix of -o says it (.json .ndjson .csv .xml .md .html .sarif .xlsx); a --format "
                     "that the suffix contradicts is an error");
  cmd->add_option("-o,--output", opt->output,
                  "Write to FILE instead of standard output, atomically (a temporary file renamed when complete); "
                  "its suffix gives the format when --format is not given")
      ->type_name("FILE");
  cmd->add_option("-j,--jobs", opt->jobs, "Check on N threads (default: the number of cores); the output is the same")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag("--strict", opt->strict, "Treat needs-review as a failure (exit 1); same as --fail-on needs-review");
  cmd->add_option("--fail-on", opt->fail_on,
                  "The least verdict that makes exit 1: ineligible, incomplete (default: ineligible or incomplete), "
                  "or needs-review")
      ->check(CLI::IsMember({"ineligible", "incomplete", "needs-review"}));
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only the summary (the count of dossiers per verdict)");
  cmd->add_flag("--detail", opt->detail,
                "Also show how each roster row was classified: SME (declared, or by the size standard and why) and "
                "high-end industry (the taxonomy entry, or an unknown name)");
  cmd->add_flag("--csv-detail", opt->csv_detail, "csv: one row per dossier and criterion instead of per dossier");
  cmd->add_flag("--excel", opt->excel, "csv: begin with the UTF-8 byte-order mark that Excel needs to show Chinese");
  cmd->callback([opt, &exit_code] { exit_code = run_check(*opt); });
}

}  // namespace ipz::cli
