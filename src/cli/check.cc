// `ipzone check DOSSIER...`: the whole pipeline, one dossier at a time:
// read the file -> derive facts -> evaluate the rules -> add to the report;
// then render the report and return the worst verdict as the exit code.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/options.h"
#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "read/dossier_loader.h"
#include "read/yaml_tree.h"
#include "report/formats.h"
#include "report/report.h"

namespace ipz::cli {

namespace fs = std::filesystem;

namespace {

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  bool strict = false;
  bool detail = false;
};

// One input: a path, or "-" for standard input; error_key when it cannot be a dossier.
struct Input {
  std::string path;
  std::string error_key;
};

std::vector<Input> expand_inputs(const std::vector<std::string>& args) {
  std::vector<Input> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(a, ec)) {
      out.push_back({a, ""});
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(a, ec)) {
      const auto ext = entry.path().extension();
      if ((ext == ".yaml" || ext == ".yml") && entry.is_regular_file(ec)) found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) out.push_back({a, "input.empty_folder"});
    for (auto& f : found) out.push_back({std::move(f), ""});
  }
  return out;
}

// A problem with a file as a whole (it does not exist, it is a folder ...).
Diagnostic file_error(const std::string& path, std::string key, std::string arg = "file") {
  Diagnostic d;
  d.where.file = path;
  d.key = std::move(key);
  d.args.emplace_back(std::move(arg), path);
  return d;
}

DossierReport check_one(const Input& input, const RuleSet& rules, const CheckOptions& opt, Lang lang,
                        const Catalogue& cat) {
  Diagnostics diags;
  if (!input.error_key.empty()) {
    diags.push_back(file_error(input.path, input.error_key, "path"));
    return report_invalid(input.path, "", diags, lang, cat);
  }
  std::string text;
  if (input.path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (!fs::is_regular_file(input.path, ec)) {
      diags.push_back(file_error(input.path, fs::exists(input.path, ec) ? "file.not_a_file" : "file.not_found"));
      return report_invalid(input.path, "", diags, lang, cat);
    }
    if (!read_file(input.path, text, diags)) return report_invalid(input.path, "", diags, lang, cat);
  }
  LoadedDossier loaded = load_dossier(text, input.path);
  if (!loaded.dossier) return report_invalid(input.path, "", loaded.diagnostics, lang, cat);
  const Dossier& d = *loaded.dossier;
  const Date as_of = opt.common.as_of ? *opt.common.as_of : d.as_of ? *d.as_of : today();
  Facts facts = derive_facts(d, as_of, rules);
  Evaluation evaluation = evaluate(rules, facts);
  DossierReport report = report_evaluated(d, facts, evaluation, loaded.diagnostics, lang, cat);
  if (opt.detail) report.roster = roster_lines(facts, lang, cat);
  return report;
}

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
  for (const Input& input : expand_inputs(opt.inputs))
    report.add(check_one(input, *rules, opt, lang, cat));

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
