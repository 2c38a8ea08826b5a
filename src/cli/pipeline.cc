// The shared pipeline (see pipeline.h).
#include "cli/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "read/dossier_loader.h"
#include "read/yaml_tree.h"

namespace ipz::cli {

namespace fs = std::filesystem;

namespace {

// A problem with a file as a whole (it does not exist, it is a folder ...).
Diagnostic file_error(const std::string& path, std::string key, std::string arg = "file") {
  Diagnostic d;
  d.where.file = path;
  d.key = std::move(key);
  d.args.emplace_back(std::move(arg), path);
  return d;
}

}  // namespace

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

LoadedInput load_input(const Input& input) {
  LoadedInput out;
  out.file = input.path;
  if (!input.error_key.empty()) {
    out.diagnostics.push_back(file_error(input.path, input.error_key, "path"));
    return out;
  }
  std::string text;
  if (input.path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (!fs::is_regular_file(input.path, ec)) {
      out.diagnostics.push_back(
          file_error(input.path, fs::exists(input.path, ec) ? "file.not_a_file" : "file.not_found"));
      return out;
    }
    if (!read_file(input.path, text, out.diagnostics)) return out;
  }
  LoadedDossier loaded = load_dossier(text, input.path);
  out.dossier = std::move(loaded.dossier);
  out.diagnostics = std::move(loaded.diagnostics);
  return out;
}

DossierReport judge(const LoadedInput& input, const RuleSet& rules, const EvaluateOptions& opt, Lang lang,
                    const Catalogue& cat) {
  if (!input.dossier) return report_invalid(input.file, "", input.diagnostics, lang, cat);
  const Dossier& d = *input.dossier;
  const Date as_of = opt.as_of ? *opt.as_of : d.as_of ? *d.as_of : today();
  Facts facts = derive_facts(d, as_of, rules);
  Evaluation evaluation = evaluate(rules, facts);
  DossierReport report = report_evaluated(d, facts, evaluation, input.diagnostics, lang, cat);
  if (opt.detail) report.roster = roster_lines(facts, lang, cat);
  return report;
}

}  // namespace ipz::cli
