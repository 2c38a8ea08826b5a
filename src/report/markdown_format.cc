// Markdown for a wiki page or a merge request: a table with a row per
// dossier (verdict, key figures, the rules that fail, need review or lack
// data), then the count per verdict.
#include "report/sanitize.h"
#include "report/writers.h"

namespace ipz {

namespace {

class MarkdownWriter : public ReportWriter {
 public:
  MarkdownWriter(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) : opt_(opt), cat_(cat), out_(out) {}

  void begin(const Report& run) override {
    lang_ = run.lang;
    out_ << "### ipzone " << run.version << " · " << run.rule_set << " " << run.rule_set_version << "\n\n";
    if (opt_.quiet) return;
    out_ << "| " << tr("md.file") << " | " << tr("md.zone") << " | " << tr("md.verdict") << " | "
         << tr("md.enterprises") << " | " << tr("md.sme_share") << " | " << tr("md.high_end_share") << " | "
         << tr("md.patents") << " | " << tr("md.open") << " |\n|---|---|---|---:|---:|---:|---:|---|\n";
  }

  void dossier(const DossierReport& d) override {
    if (opt_.quiet) return;
    std::string open;
    for (const auto& r : d.results)
      if (r.outcome != Outcome::pass && r.outcome != Outcome::not_applicable)
        open += (open.empty() ? "" : ", ") + std::string("`") + r.id + "` " + tr("outcome." + std::string(outcome_name(r.outcome)));
    if (d.results.empty() && !d.errors.empty())
      open = std::to_string(d.errors.size()) + " " + tr("md.errors");
    const auto& f = d.figures;
    out_ << "| `" << markdown_cell(d.file) << "` | " << markdown_cell(d.name) << " | " << tr("verdict." + std::string(verdict_name(d.verdict)))
         << " | " << f.enterprises << " | " << (f.sme_share.empty() ? "" : f.sme_share + " %") << " | "
         << (f.high_end_share.empty() ? "" : f.high_end_share + " %") << " | " << f.valid_patents
         << (f.invention_patents.empty() ? "" : " / " + f.invention_patents) << " | " << markdown_cell(open) << " |\n";
  }

  void end(const Report& run) override {
    out_ << "\n**" << run.counted << " " << tr("text.dossiers") << "**:";
    for (std::size_t v = 0; v < run.summary.size(); ++v)
      out_ << (v ? "," : "") << " " << tr("verdict." + std::string(verdict_name(static_cast<Verdict>(v)))) << " "
           << run.summary[v];
    out_ << "\n";
    if (!run.as_of.empty())
      out_ << "\n" << tr("text.as_of") << " " << run.as_of
           << (run.as_of_note.empty() ? "" : markdown_cell(cat_.render("text.as_of_note", {{"note", run.as_of_note}}, lang_)))
           << "\n";
  }

 private:
  std::string tr(std::string_view key) const { return cat_.get(key, lang_); }
  OutputOptions opt_;
  const Catalogue& cat_;
  std::ostream& out_;
  Lang lang_ = Lang::zh;
};

}  // namespace

std::unique_ptr<ReportWriter> make_markdown_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  return std::make_unique<MarkdownWriter>(opt, cat, out);
}

}  // namespace ipz
