// Fuzz target: a dossier's bytes -> load -> facts -> evaluation under the real
// rule set (rules/recognition, loaded once) -> the report in every output
// format, each checked strictly (output_checks.h). Any crash, sanitizer
// report, uncaught exception or ill-formed output is a finding.
//
// The dossier is named <temp folder>/dossier.yaml; the folder holds a small
// roster.csv, so that `enterprises_file: roster.csv` reads a real file.
// The input's length picks the language (odd: English) and whether the
// roster classification is included (a multiple of 3), so both are covered.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "output_checks.h"
#include "read/catalogue_loader.h"
#include "read/dossier_loader.h"
#include "read/rule_loader.h"
#include "report/formats.h"
#include "report/report.h"

namespace {

const ipz::RuleSet* g_rules = nullptr;
std::string g_dossier_file;

// A small roster beside the dossier (the columns of examples/csv-roster.csv).
constexpr const char* kRoster =
    "name,uscc,sme,high_end_industry,valid_patents,invention_patents\r\n"
    "北京甲科技有限公司,91110108551385082Q,true,集成电路,12,4\r\n"
    "北京乙科技有限公司,,false,,3,0\r\n";

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "fuzz_dossier: %s\n", what.c_str());
  std::abort();
}

ipz::DossierReport report_of(const std::string& text, ipz::Lang lang, bool detail, const ipz::Catalogue& cat) {
  ipz::LoadedDossier loaded = ipz::load_dossier(text, g_dossier_file);
  if (!loaded.dossier) return ipz::report_invalid(g_dossier_file, "", loaded.diagnostics, lang, cat);
  const ipz::Dossier& d = *loaded.dossier;
  // The dossier's as_of, else a fixed "today", so that a run is repeatable.
  ipz::Facts facts = ipz::derive_facts(d, ipz::evaluation_date(std::nullopt, d, ipz::Date{2024, 3, 31}), *g_rules);
  ipz::Evaluation evaluation = ipz::evaluate(*g_rules, facts);
  ipz::DossierReport report = ipz::report_evaluated(d, facts, evaluation, loaded.diagnostics, lang, cat);
  if (detail) report.roster = ipz::roster_lines(facts, lang, cat);
  return report;
}

void render(const ipz::DossierReport& d, const std::string& format, ipz::Lang lang, bool detail,
            const ipz::Catalogue& cat) {
  ipz::OutputOptions opt;
  opt.format = format;
  opt.csv_detail = detail;
  opt.excel = detail;
  std::ostringstream out;
  auto writer = ipz::make_writer(opt, cat, out);
  ipz::Report run;
  run.lang = lang;
  run.rule_set = g_rules->name;
  run.rule_set_version = g_rules->version;
  run.detail = detail;
  run.criteria = ipz::criteria_of(*g_rules, lang);
  writer->begin(run);
  run.count(d);
  writer->dossier(d);
  writer->end(run);
  const std::string bytes = out.str();
  if (!writer->error().empty()) die(format + ": the writer failed: " + writer->error());
  const std::string problem = format == "xlsx" ? (bytes.rfind("PK\x03\x04", 0) == 0 ? "" : "not a zip file")
                                               : ipz::fuzz::check_format(format, bytes);
  if (!problem.empty()) {
    std::fprintf(stderr, "----- %s output -----\n%s\n-----\n", format.c_str(), bytes.c_str());
    die(format + " output is not well formed: " + problem);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ipz::LoadedRules loaded = ipz::load_rule_set(ipz::embedded_rule_files("recognition"), "embedded");
  if (!loaded.rules) die("the embedded rule set does not load");
  g_rules = new ipz::RuleSet(std::move(*loaded.rules));
  char dir[] = "/tmp/ipzone-fuzz-dossier-XXXXXX";
  if (!mkdtemp(dir)) die("cannot make a temporary folder");
  g_dossier_file = std::string(dir) + "/dossier.yaml";
  std::ofstream(std::string(dir) + "/roster.csv", std::ios::binary) << kRoster;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  const ipz::Lang lang = size % 2 ? ipz::Lang::en : ipz::Lang::zh;
  const bool detail = size % 3 == 0;
  const ipz::DossierReport report = report_of(text, lang, detail, cat);
  for (const char* format : {"text", "json", "ndjson", "csv", "junit", "sarif", "markdown", "html"})
    render(report, format, lang, detail, cat);
  if (size % 16 == 0) render(report, "xlsx", lang, detail, cat);  // slower: now and then
  return 0;
}
