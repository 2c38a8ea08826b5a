// Fuzz target: a roster CSV's bytes -> read_roster_csv (read/roster_csv.h),
// then every problem it reports rendered as a message in both languages,
// which must be valid UTF-8 (report.h diagnostic_message), and the problems
// as a JSON report, which must parse strictly (output_checks.h). Any crash,
// sanitizer report or uncaught exception is a finding; so is an error
// without a line, or rows numbered out of order.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "model/dossier.h"
#include "output_checks.h"
#include "read/catalogue_loader.h"
#include "read/roster_csv.h"
#include "report/formats.h"
#include "report/report.h"

namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "fuzz_roster_csv: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<ipz::Enterprise> roster;
  ipz::Diagnostics diags;
  ipz::read_roster_csv(text, "roster.csv", roster, diags);
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  for (const ipz::Diagnostic& d : diags) {
    if (d.severity == ipz::Severity::error && d.where.line < 1) die("an error without a line: " + d.key);
    for (ipz::Lang lang : {ipz::Lang::zh, ipz::Lang::en}) {
      const std::string message = ipz::diagnostic_message(d, lang, cat);
      if (std::string e = ipz::fuzz::check_utf8(message); !e.empty()) die(d.key + ": message " + e + "\n" + message);
    }
  }
  ipz::Report run;
  run.lang = size % 2 ? ipz::Lang::en : ipz::Lang::zh;
  run.add(ipz::report_invalid("roster.csv", "", diags, run.lang, cat));
  std::ostringstream json;
  ipz::write_json(run, json);
  if (std::string e = ipz::fuzz::check_json(json.str()); !e.empty()) die("json report: " + e + "\n" + json.str());
  for (std::size_t i = 0; i < roster.size(); ++i)
    if (roster[i].row != static_cast<int>(i) + 1) die("rows not numbered in order");
  return 0;
}
