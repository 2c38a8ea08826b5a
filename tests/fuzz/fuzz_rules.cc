// Fuzz target: the rule-set loader and lint. The input is one file of a copy
// of the real rule set (rules/recognition, embedded): its first line names
// the file it replaces (articles/05.yaml; a name that is none of them picks
// one by its length), the rest is that file's new text. The set is loaded and,
// when it loads, linted, and each problem rendered as a message in both
// languages (valid UTF-8, as report.h diagnostic_message promises). A set that loads
// and passes lint then judges examples/eligible.yaml, so that a mutated
// bound or operator reaches the evaluator. Any crash, sanitizer report or
// uncaught exception is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "evaluate/evaluator.h"
#include "evaluate/rule_lint.h"
#include "facts/facts.h"
#include "output_checks.h"
#include "read/catalogue_loader.h"
#include "read/dossier_loader.h"
#include "read/rule_loader.h"
#include "report/report.h"

namespace {

std::vector<ipz::RuleFile>* g_files = nullptr;
ipz::Dossier* g_dossier = nullptr;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "fuzz_rules: %s\n", what.c_str());
  std::abort();
}

void check_messages(const ipz::Diagnostics& diags) {
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  for (const ipz::Diagnostic& d : diags)
    for (ipz::Lang lang : {ipz::Lang::zh, ipz::Lang::en})
      if (std::string e = ipz::fuzz::check_utf8(ipz::diagnostic_message(d, lang, cat)); !e.empty())
        die(d.key + ": message " + e);
}

void judge_example(const ipz::RuleSet& rules) {
  if (!g_dossier) return;
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  ipz::Facts facts = ipz::derive_facts(*g_dossier, ipz::Date{2024, 3, 31}, rules);
  ipz::Evaluation evaluation = ipz::evaluate(rules, facts);
  for (ipz::Lang lang : {ipz::Lang::zh, ipz::Lang::en}) {
    const ipz::DossierReport r = ipz::report_evaluated(*g_dossier, facts, evaluation, {}, lang, cat);
    for (const auto& line : r.results)
      if (std::string e = ipz::fuzz::check_utf8(line.message); !e.empty()) die(line.id + ": message " + e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_files = new std::vector<ipz::RuleFile>(ipz::embedded_rule_files("recognition"));
  if (g_files->empty()) die("no embedded rule set");
  std::ifstream in(IPZONE_SOURCE_DIR "/examples/eligible.yaml", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ipz::LoadedDossier loaded = ipz::load_dossier(text.str(), "eligible.yaml");
  if (loaded.dossier) g_dossier = new ipz::Dossier(std::move(*loaded.dossier));
  else std::fprintf(stderr, "fuzz_rules: examples/eligible.yaml not found; rule sets are not evaluated\n");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string name = input.substr(0, newline);
  std::vector<ipz::RuleFile> files = *g_files;
  std::size_t target = size % files.size();
  for (std::size_t i = 0; i < files.size(); ++i)
    if (files[i].relative == name) target = i;
  files[target].text = newline == std::string::npos ? "" : input.substr(newline + 1);
  files[target].tree.reset();
  ipz::LoadedRules loaded = ipz::load_rule_set(files, "fuzz");
  check_messages(loaded.diagnostics);
  if (!loaded.rules) return 0;
  const ipz::Diagnostics lint = ipz::lint_rule_set(*loaded.rules);
  check_messages(lint);
  if (!ipz::has_errors(lint)) judge_example(*loaded.rules);
  return 0;
}
