// The XLSX workbook of `check` (report/xlsx.h), three sheets whose names are
// fixed (for scripts), headers in the report's language:
//   Summary   one row per dossier: file, zone, as_of (a date), verdict, and
//             for each criterion its outcome and the value of each of its
//             numeric bounds (a count as a number, a share as a percentage,
//             a period in whole years), outcomes coloured by a conditional
//             format;
//   Details   one row per dossier and criterion: found, required, shortfall
//             (numbers when the criterion has one numeric bound, else the
//             words of the text report) and the message;
//   Warnings  one row per warning or error: file, line, column, message.
// Every value is the one the text report shows (the same report object).
#include "report/writers.h"
#include "report/xlsx.h"

namespace ipz {

namespace {

using xlsx::Style;

Style style_of(const Gauge& g) { return g.type == FactType::share ? Style::percent : Style::integer; }

class XlsxWriter : public ReportWriter {
 public:
  XlsxWriter(const Catalogue& cat, std::ostream& out) : cat_(cat), out_(out) {}

  void begin(const Report& run) override {
    lang_ = run.lang;
    criteria_ = run.criteria;
    if (!book_.ok()) return;
    std::vector<std::string> head = {tr("xlsx.file"), tr("xlsx.zone"), tr("xlsx.as_of"), tr("xlsx.verdict")};
    std::vector<double> widths = {30, 28, 11, 14};
    for (const auto& c : criteria_) {
      head.push_back(c.clause_shown + " " + c.title);
      widths.push_back(14);
      for (const auto& m : c.measures) {
        head.push_back(m);
        widths.push_back(12);
      }
    }
    summary_ = book_.add_sheet("Summary", head, 2, widths);
    details_ = book_.add_sheet(
        "Details",
        {tr("xlsx.file"), tr("xlsx.zone"), tr("xlsx.rule"), tr("xlsx.clause"), tr("xlsx.criterion"), tr("xlsx.outcome"),
         tr("xlsx.found"), tr("xlsx.required"), tr("xlsx.shortfall"), tr("xlsx.message")},
        3, {30, 24, 22, 14, 24, 12, 22, 22, 18, 70});
    warnings_ = book_.add_sheet(
        "Warnings", {tr("xlsx.file"), tr("xlsx.kind"), tr("xlsx.line"), tr("xlsx.column"), tr("xlsx.message")}, 1,
        {30, 10, 8, 8, 90});
    const auto marks = xlsx::outcome_marks(lang_, cat_);
    book_.colour_outcomes(summary_, 3, marks);
    int column = 4;
    for (const auto& c : criteria_) {
      book_.colour_outcomes(summary_, column, marks);
      column += 1 + static_cast<int>(c.measures.size());
    }
    book_.colour_outcomes(details_, 5, marks);
  }

  void dossier(const DossierReport& d) override {
    if (!book_.ok()) return;
    book_.row(summary_);
    book_.text(summary_, d.file);
    book_.text(summary_, d.name);
    book_.date(summary_, d.as_of);
    book_.text(summary_, xlsx::verdict_cell(d.verdict, lang_, cat_));
    for (const auto& c : criteria_) {
      const ResultLine* r = nullptr;
      for (const auto& res : d.results)
        if (res.id == c.id) r = &res;
      if (!r) {
        for (std::size_t i = 0; i <= c.measures.size(); ++i) book_.blank(summary_);
        continue;
      }
      book_.text(summary_, outcome_text(r->outcome));
      for (std::size_t i = 0; i < c.measures.size(); ++i) {
        if (i < r->gauges.size() && r->gauges[i].known)
          book_.number(summary_, r->gauges[i].shown_number, style_of(r->gauges[i]));
        else
          book_.blank(summary_);
      }
    }
    for (const auto& r : d.results) {
      book_.row(details_);
      book_.text(details_, d.file);
      book_.text(details_, d.name);
      book_.text(details_, r.id);
      book_.text(details_, r.clause_shown);
      book_.text(details_, r.title);
      book_.text(details_, outcome_text(r.outcome));
      if (r.gauges.size() == 1 && r.gauges[0].known) {
        const Gauge& g = r.gauges[0];
        book_.number(details_, g.shown_number, style_of(g));
        book_.number(details_, g.bound_number, style_of(g));
        if (g.passed)
          book_.number(details_, 0, Style::integer);
        else
          book_.number(details_, static_cast<double>(g.need), Style::integer);
      } else {
        book_.text(details_, r.actual);
        book_.text(details_, r.required);
        std::string shortfall;
        if (r.outcome != Outcome::pass && r.outcome != Outcome::not_applicable)
          for (const auto& g : r.gauges)
            if (!g.shortfall.empty()) shortfall += (shortfall.empty() ? "" : "; ") + g.label + ": " + g.shortfall;
        book_.text(details_, shortfall);
      }
      book_.text(details_, r.message);
    }
    diagnostics(d.warnings, "text.warning");
    diagnostics(d.errors, "text.error");
  }

  std::string error() const override { return error_; }

  void end(const Report&) override {
    std::string error;
    if (!book_.finish(out_, error)) {
      error_ = cat_.render("xlsx.failed", {{"reason", error}}, lang_);
      out_.setstate(std::ios::failbit);  // the command reports the failed write
    }
  }

 private:
  std::string tr(std::string_view key) const { return cat_.get(key, lang_); }
  std::string outcome_text(Outcome o) const { return xlsx::outcome_cell(o, lang_, cat_); }

  void diagnostics(const std::vector<DiagnosticLine>& list, std::string_view kind) {
    for (const auto& w : list) {
      book_.row(warnings_);
      book_.text(warnings_, w.file);
      book_.text(warnings_, tr(kind));
      book_.number(warnings_, w.line, Style::integer);
      book_.number(warnings_, w.column, Style::integer);
      book_.text(warnings_, w.message);
    }
  }

  const Catalogue& cat_;
  std::ostream& out_;
  Lang lang_ = Lang::zh;
  std::vector<CriterionColumn> criteria_;
  xlsx::Workbook book_;
  int summary_ = 0, details_ = 0, warnings_ = 0;
  std::string error_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_xlsx_writer(const OutputOptions&, const Catalogue& cat, std::ostream& out) {
  return std::make_unique<XlsxWriter>(cat, out);
}

}  // namespace ipz
