// The shared pipeline (see pipeline.h).
#include "cli/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
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

std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive) {
  std::vector<Input> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(a, ec)) {
      out.push_back({a, ""});
      continue;
    }
    std::vector<std::string> found;
    auto consider = [&](const fs::directory_entry& entry) {
      const auto ext = entry.path().extension();
      if ((ext == ".yaml" || ext == ".yml") && entry.is_regular_file(ec)) found.push_back(entry.path().string());
    };
    if (recursive) {
      for (auto it = fs::recursive_directory_iterator(a, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        consider(*it);
    } else {
      for (const auto& entry : fs::directory_iterator(a, ec)) consider(entry);
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) out.push_back({a, "input.empty_folder"});
    for (auto& f : found) out.push_back({std::move(f), ""});
  }
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

void for_each_in_order(const std::vector<Input>& inputs, int jobs,
                       const std::function<DossierReport(const Input&)>& work,
                       const std::function<void(DossierReport&&)>& sink) {
  const std::size_t n = inputs.size();
  if (jobs <= 1 || n <= 1) {
    for (const Input& in : inputs) sink(work(in));
    return;
  }
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(jobs), n);
  const std::size_t window = threads * 4;  // reports that may wait for their turn
  std::vector<std::optional<DossierReport>> slots(window);
  std::mutex m;
  std::condition_variable ready, room;
  std::size_t next = 0;     // the next input a worker takes
  std::size_t written = 0;  // inputs handed to sink so far
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        room.wait(lock, [&] { return next >= n || next < written + window; });
        if (next >= n) return;
        i = next++;
      }
      DossierReport report = work(inputs[i]);
      {
        std::lock_guard lock(m);
        slots[i % window] = std::move(report);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  while (written < n) {
    DossierReport report;
    {
      std::unique_lock lock(m);
      ready.wait(lock, [&] { return slots[written % window].has_value(); });
      report = std::move(*slots[written % window]);
      slots[written % window].reset();
    }
    sink(std::move(report));
    {
      std::lock_guard lock(m);
      ++written;
    }
    room.notify_all();
  }
  for (auto& t : pool) t.join();
}

}  // namespace ipz::cli
