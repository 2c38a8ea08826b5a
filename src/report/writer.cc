// Choosing a writer, and writing a Report held in memory (see formats.h).
#include "report/formats.h"

#include "read/catalogue_loader.h"
#include "report/writers.h"

namespace ipz {

std::unique_ptr<ReportWriter> make_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  if (opt.format == "json") return make_json_writer(opt, out, false);
  if (opt.format == "ndjson") return make_json_writer(opt, out, true);
  if (opt.format == "csv") return make_csv_writer(opt, cat, out);
  if (opt.format == "junit") return make_junit_writer(opt, cat, out);
  if (opt.format == "markdown") return make_markdown_writer(opt, cat, out);
  if (opt.format == "html") return make_html_writer(opt, cat, out);
  if (opt.format == "sarif") return make_sarif_writer(out);
  if (opt.format == "xlsx") return make_xlsx_writer(opt, cat, out);
  return make_text_writer(opt, cat, out);
}

void write_report(const Report& report, const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  auto w = make_writer(opt, cat, out);
  w->begin(report);
  for (const auto& d : report.dossiers) w->dossier(d);
  w->end(report);
}

void write_text(const Report& report, const Catalogue& cat, bool color, std::ostream& out) {
  OutputOptions opt;
  opt.color = color;
  write_report(report, opt, cat, out);
}

void write_json(const Report& report, std::ostream& out) {
  OutputOptions opt;
  opt.format = "json";
  write_report(report, opt, builtin_catalogue(), out);
}

}  // namespace ipz
