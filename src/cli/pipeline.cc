// The shared pipeline (see pipeline.h).
#include "cli/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <new>
#include <stdexcept>
#include <fstream>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "read/dossier_loader.h"
#include "read/yaml_tree.h"
#include "util/utf8_path.h"

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

// A test hook (README, "Development"): with IPZONE_TEST_FAIL=KIND:SUFFIX in
// the environment, judging a dossier whose path ends with SUFFIX throws
// (KIND: bad_alloc, or exception), so that the tests can see that a failure
// in one dossier does not end the batch. Read once.
void fail_for_test(const std::string& path) {
  static const std::string spec = [] {
    const char* v = std::getenv("IPZONE_TEST_FAIL");
    return std::string(v ? v : "");
  }();
  if (spec.empty()) return;
  const auto colon = spec.find(':');
  if (colon == std::string::npos || !path.ends_with(spec.substr(colon + 1))) return;
  if (spec.compare(0, colon, "bad_alloc") == 0) throw std::bad_alloc();
  throw std::runtime_error("IPZONE_TEST_FAIL");
}

}  // namespace

Diagnostic failure(const std::string& path, std::exception_ptr e) {
  Diagnostic d;
  d.where.file = path;
  try {
    std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    d.key = "dossier.out_of_memory";
  } catch (const std::exception& x) {
    d.key = "dossier.internal_error";
    d.args.emplace_back("reason", x.what());
  } catch (...) {
    d.key = "dossier.internal_error";
    d.args.emplace_back("reason", "?");
  }
  return d;
}

namespace {

LoadedInput load_unguarded(const Input& input) {
  LoadedInput out;
  out.file = input.path;
  if (!input.error_key.empty()) {
    out.diagnostics.push_back(file_error(input.path, input.error_key, "path"));
    return out;
  }
  static const FileLimits defaults;
  const FileLimits& limits = input.limits ? *input.limits : defaults;
  std::string text;
  if (input.path == "-") {
    if (!read_stream_limited(0, input.path, limits, text, out.diagnostics)) return out;
  } else if (!read_regular_file(input.path, limits, text, out.diagnostics)) {
    return out;
  }
  LoadedDossier loaded = load_dossier(text, input.path, limits);
  out.dossier = std::move(loaded.dossier);
  out.diagnostics = std::move(loaded.diagnostics);
  return out;
}

}  // namespace

Input InputList::operator[](std::size_t i) const {
  const Item& it = items_[i];
  Input in;
  in.path = it.folder == kNone ? it.name : utf8_string(utf8_path(folders_[it.folder]) / utf8_path(it.name));
  in.error_key = errors_[it.error];
  in.limits = &limits;
  return in;
}

void InputList::add(std::string path, std::string error_key) {
  std::uint8_t error = 0;
  if (!error_key.empty()) {
    auto at = std::find(errors_.begin(), errors_.end(), error_key);
    error = static_cast<std::uint8_t>(at - errors_.begin());
    if (at == errors_.end()) errors_.push_back(std::move(error_key));
  }
  items_.push_back({kNone, error, std::move(path)});
}

InputList expand_inputs(const std::vector<std::string>& args, bool recursive) {
  InputList out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(utf8_path(a), ec)) {
      out.add(a);
      continue;
    }
    const auto folder = static_cast<std::uint32_t>(out.folders_.size());
    out.folders_.push_back(a);
    const std::size_t first = out.items_.size();
    auto consider = [&](const fs::directory_entry& entry) {
      const auto ext = entry.path().extension();
      if ((ext == ".yaml" || ext == ".yml") && entry.is_regular_file(ec))
        out.items_.push_back({folder, 0, utf8_string(entry.path().lexically_relative(utf8_path(a)))});
    };
    if (recursive) {
      for (auto it = fs::recursive_directory_iterator(utf8_path(a), fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        consider(*it);
    } else {
      for (const auto& entry : fs::directory_iterator(utf8_path(a), ec)) consider(entry);
    }
    std::sort(out.items_.begin() + static_cast<long>(first), out.items_.end(),
              [](const InputList::Item& x, const InputList::Item& y) { return x.name < y.name; });
    if (out.items_.size() == first) out.add(a, "input.empty_folder");
  }
  out.items_.shrink_to_fit();
  return out;
}

bool read_path_list(const std::string& file, std::vector<std::string>& out) {
  std::ifstream in_file;
  std::istream* in = &std::cin;
  if (file != "-") {
    in_file.open(file);
    if (!in_file) return false;
    in = &in_file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return !in->bad();
}

LoadedInput load_input(const Input& input) {
  try {
    return load_unguarded(input);
  } catch (...) {  // out of memory, or a bug: this dossier is invalid, the batch goes on
    LoadedInput out;
    out.file = input.path;
    out.diagnostics.push_back(failure(input.path, std::current_exception()));
    return out;
  }
}

DossierReport judge(const LoadedInput& input, const RuleSet& rules, const EvaluateOptions& opt, Lang lang,
                    const Catalogue& cat, std::optional<Facts>* facts_out) {
  try {
    fail_for_test(input.file);
    if (!input.dossier) return report_invalid(input.file, "", input.diagnostics, lang, cat);
    const Dossier& d = *input.dossier;
    Facts facts = derive_facts(d, evaluation_date(opt.as_of, d, opt.today), rules);
    Evaluation evaluation = evaluate(rules, facts);
    DossierReport report = report_evaluated(d, facts, evaluation, input.diagnostics, lang, cat);
    note_as_of(report, evaluation_date_source(opt.as_of, d), opt.zone, lang, cat);
    if (opt.detail) report.roster = roster_lines(facts, lang, cat);
    if (facts_out) *facts_out = std::move(facts);
    return report;
  } catch (...) {  // out of memory, or a bug: this dossier is invalid, the batch goes on
    if (facts_out) facts_out->reset();
    Diagnostics diags;
    for (const Diagnostic& d : input.diagnostics)
      if (d.severity == Severity::error) diags.push_back(d);
    diags.push_back(failure(input.file, std::current_exception()));
    return report_invalid(input.file, input.dossier ? input.dossier->zone.name : "", diags, lang, cat);
  }
}

}  // namespace ipz::cli
