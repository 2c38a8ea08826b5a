// The text output, for people (see formats.h). Labels come from the message
// catalogue; colour only when asked (the CLI decides: terminal, --color, NO_COLOR).
// Every string from a report goes through the sanitiser (line() or block()), so
// that no escape sequence, carriage return or bidi override of a name or a
// message reaches the terminal as it is.
#include <string>

#include "report/sanitize.h"
#include "report/writers.h"
#include "util/utf8.h"

namespace ipz {

namespace {

std::string line(std::string_view s) { return sanitize(s, Sink::text_line); }
std::string block(std::string_view s) { return sanitize(s, Sink::text); }

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";
const char* kDim = "\033[2m";

const char* outcome_color(Outcome o) {
  switch (o) {
    case Outcome::pass: return "\033[32m";
    case Outcome::fail: return "\033[31m";
    case Outcome::review: return "\033[33m";
    case Outcome::missing: return "\033[35m";
    case Outcome::not_applicable: return kDim;
  }
  return "";
}

const char* verdict_color(Verdict v) {
  switch (v) {
    case Verdict::eligible: return "\033[1;32m";
    case Verdict::needs_review: return "\033[1;33m";
    case Verdict::incomplete: return "\033[1;35m";
    case Verdict::ineligible:
    case Verdict::invalid: return "\033[1;31m";
  }
  return "";
}

class TextWriter : public ReportWriter {
 public:
  TextWriter(const OutputOptions& opt, const Catalogue& cat, std::ostream& out)
      : cat_(cat), color_(opt.color), quiet_(opt.quiet), out_(out) {}

  void begin(const Report& run) override {
    lang_ = run.lang;
    detail_ = run.detail;
    out_ << paint(kBold, "ipzone " + run.version) << "  " << tr("text.rule_set") << " " << run.rule_set << " ("
         << run.rule_set_version << ")\n";
  }

  void dossier(const DossierReport& d) override {
    if (!quiet_) rows_.push_back({line(d.file), line(d.name), d.verdict});  // --quiet prints the counts only
    if (!quiet_) write_dossier(d);
  }

  void end(const Report& run) override {
    if (run.counted > 1 || quiet_) summary(run);
  }

 private:
  std::string tr(std::string_view key) const { return cat_.get(key, lang_); }
  std::string paint(const char* color, const std::string& s) const {
    return color_ ? std::string(color) + s + kReset : s;
  }

  void diagnostic(const DiagnosticLine& d, std::string_view kind_key, const char* color) {
    out_ << "  ";
    if (d.line > 0) out_ << line(d.file) << ":" << d.line << ":" << d.column << ": ";
    else out_ << line(d.file) << ": ";
    out_ << paint(color, tr(kind_key)) << ": " << block(d.message) << "\n";
  }

  // Where the date comes from, after it: "（按档案的 as_of）", " (today in UTC)".
  std::string as_of_note(const std::string& note) const {
    return note.empty() ? "" : line(cat_.render("text.as_of_note", {{"note", note}}, lang_));
  }

  void write_dossier(const DossierReport& d) {
    out_ << "\n" << paint(kBold, line(d.file));
    if (!d.name.empty()) out_ << "  " << paint(kBold, line(d.name));
    if (!d.as_of.empty()) out_ << "  " << tr("text.as_of") << " " << d.as_of << as_of_note(d.as_of_note);
    out_ << "\n";
    std::string article;
    std::size_t label_width = 0;
    for (Outcome o : {Outcome::pass, Outcome::fail, Outcome::review, Outcome::missing, Outcome::not_applicable})
      label_width = std::max(label_width, display_width(tr(std::string("outcome.") + std::string(outcome_name(o)))));
    std::size_t clause_width = 0;
    for (const auto& res : d.results) clause_width = std::max(clause_width, display_width(res.clause_shown));
    const std::string indent(label_width + 6, ' ');  // under the clause
    for (const auto& res : d.results) {
      if (res.article != article) {
        article = res.article;
        out_ << paint(kBold, article + (res.article_title.empty() ? "" : "  " + res.article_title)) << "\n";
      }
      const std::string key = std::string("outcome.") + std::string(outcome_name(res.outcome));
      out_ << "  " << paint(outcome_color(res.outcome), tr(key + ".mark") + " " + pad_to_width(tr(key), label_width)) << "  "
           << pad_to_width(res.clause_shown, clause_width) << "  " << line(res.title) << "\n";
      out_ << indent << tr("text.actual") << " " << line(res.actual) << "  |  " << tr("text.required") << " "
           << line(res.required);
      for (const auto& p : res.parameters)
        out_ << "  " << paint(kDim, line(cat_.render("text.parameter", {{"name", p.name}, {"value", p.value},
                                                                        {"since", p.since}, {"source", p.source}},
                                                         lang_)));
      out_ << "\n";
      if (!res.message.empty()) out_ << indent << block(res.message) << "\n";
    }
    if (detail_ && !d.roster.empty()) roster(d);
    if (!d.warnings.empty()) {
      out_ << paint(kBold, tr("text.warnings")) << "\n";
      for (const auto& w : d.warnings) diagnostic(w, "text.warning", outcome_color(Outcome::review));
    }
    if (!d.errors.empty()) {
      out_ << paint(kBold, tr("text.errors")) << "\n";
      for (const auto& e : d.errors) diagnostic(e, "text.error", outcome_color(Outcome::fail));
    }
    const std::string v = std::string(verdict_name(d.verdict));
    out_ << paint(kBold, tr("text.verdict")) << " "
         << paint(verdict_color(d.verdict), tr("verdict." + v) + " (" + v + ")") << "\n";
  }

  // check --detail: one line per roster row, how it was classified.
  void roster(const DossierReport& d) {
    out_ << paint(kBold, tr("detail.heading")) << "\n";
    std::size_t label_width = 0;
    for (const auto& r : d.roster) label_width = std::max(label_width, display_width(line(r.label)));
    for (const auto& r : d.roster) {
      out_ << "  " << pad_to_width(line(r.label), label_width) << "  " << line(r.name) << "  ";
      out_ << line(roster_text(r, lang_, cat_)) << "\n";
    }
  }

  // Several dossiers: a table, one line each, then the count per verdict.
  void summary(const Report& run) {
    out_ << "\n" << paint(kBold, tr("text.summary")) << "\n";
    if (!quiet_) {
      std::size_t vw = 0;
      for (const auto& r : rows_) vw = std::max(vw, display_width(tr("verdict." + std::string(verdict_name(r.verdict)))));
      for (const auto& r : rows_) {
        const std::string v = tr("verdict." + std::string(verdict_name(r.verdict)));
        out_ << "  " << paint(verdict_color(r.verdict), pad_to_width(v, vw)) << "  " << r.file
             << (r.name.empty() ? "" : "  " + r.name) << "\n";
      }
    }
    out_ << "  " << run.counted << " " << tr("text.dossiers") << ":";
    for (std::size_t v = 0; v < run.summary.size(); ++v) {
      std::string name(verdict_name(static_cast<Verdict>(v)));
      out_ << (v ? "," : "") << " " << tr("verdict." + name) << " " << run.summary[v];
    }
    out_ << "\n";
  }

  struct Row {
    std::string file, name;
    Verdict verdict;
  };

  const Catalogue& cat_;
  bool color_, quiet_;
  std::ostream& out_;
  Lang lang_ = Lang::zh;
  bool detail_ = false;
  std::vector<Row> rows_;  // file, zone and verdict of each dossier, for the summary
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  return std::make_unique<TextWriter>(opt, cat, out);
}

}  // namespace ipz
