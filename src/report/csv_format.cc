// CSV for spreadsheets (RFC 4180, CRLF): one row per dossier with its verdict
// and key figures; with --csv-detail one row per dossier and rule; with
// --excel a UTF-8 byte-order mark first, so that Excel shows the Chinese.
// The header row is in English (column names are a contract, like JSON keys).
#include "report/sanitize.h"
#include "report/writers.h"

namespace ipz {

std::string csv_field(std::string_view s) { return csv_cell(s); }

std::string csv_line(std::initializer_list<std::string> fields) {
  std::string line;
  for (const auto& f : fields) {
    if (&f != fields.begin()) line += ',';
    line += csv_field(f);
  }
  return line + "\r\n";
}

namespace {

class CsvWriter : public ReportWriter {
 public:
  CsvWriter(const OutputOptions& opt, std::ostream& out) : opt_(opt), out_(out) {}

  void begin(const Report&) override {
    if (opt_.excel) out_ << "\xEF\xBB\xBF";
    if (opt_.quiet) return;
    if (opt_.csv_detail)
      row({"file", "name", "as_of", "verdict", "rule", "clause", "outcome", "actual", "required", "message", "as_of_source",
           "time_zone"});
    else
      row({"file", "name", "as_of", "verdict", "enterprises", "sme", "sme_share_percent", "high_end",
           "high_end_share_percent", "valid_patents", "invention_patents", "failed", "review", "missing", "errors",
           "warnings", "as_of_source", "time_zone"});
  }

  void dossier(const DossierReport& d) override {
    if (opt_.quiet) return;
    const std::string verdict(verdict_name(d.verdict));
    if (opt_.csv_detail) {
      for (const auto& r : d.results)
        row({d.file, d.name, d.as_of, verdict, r.id, r.clause, std::string(outcome_name(r.outcome)), r.actual,
             r.required, r.message, d.as_of_source, d.time_zone});
      if (d.results.empty())
        for (const auto& e : d.errors)
          row({d.file, d.name, d.as_of, verdict, "", "", "", "", "",
               e.file + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message, "", ""});
      return;
    }
    auto ids = [&](Outcome o) {
      std::string s;
      for (const auto& r : d.results)
        if (r.outcome == o) s += (s.empty() ? "" : " ") + r.id;
      return s;
    };
    const auto& f = d.figures;
    row({d.file, d.name, d.as_of, verdict, f.enterprises, f.sme, f.sme_share, f.high_end, f.high_end_share,
         f.valid_patents, f.invention_patents, ids(Outcome::fail), ids(Outcome::review), ids(Outcome::missing),
         std::to_string(d.errors.size()), std::to_string(d.warnings.size()), d.as_of_source, d.time_zone});
  }

  void end(const Report& run) override {
    if (!opt_.quiet) return;
    row({"verdict", "dossiers"});
    for (std::size_t v = 0; v < run.summary.size(); ++v)
      row({std::string(verdict_name(static_cast<Verdict>(v))), std::to_string(run.summary[v])});
  }

 private:
  void row(std::initializer_list<std::string> cells) { out_ << csv_line(cells); }

  OutputOptions opt_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_csv_writer(const OutputOptions& opt, const Catalogue&, std::ostream& out) {
  return std::make_unique<CsvWriter>(opt, out);
}

}  // namespace ipz
