// The HTML report of `check`, for people who print, forward or file it: one
// self-contained page (report/html.h). A batch starts with its summary (the
// count per verdict, and a table of dossiers by criteria, sortable); then a
// section per dossier with an anchor: its header, a card per criterion
// grouped by article (clause, outcome, found and required, the message, a
// gauge for each numeric bound, the article's words on demand), its warnings
// and errors with file:line:column, and its verdict. The words are those of
// the text report, from the same catalogue keys and the same report object.
//
// The summary comes first but is known last: the rows and the sections are
// kept in temporary files while the dossiers stream in (memory does not grow
// with the batch), and the page is written when the run ends.
#include <cstdio>
#include <memory>

#include "report/html.h"
#include "report/writers.h"

namespace ipz {

namespace {

using html::escape;

// Text appended now and copied out later: in a temporary file, or in memory
// when no temporary file can be made.
class Spill {
 public:
  Spill() : file_(std::tmpfile()) {}
  ~Spill() {
    if (file_) std::fclose(file_);
  }
  Spill(const Spill&) = delete;
  Spill& operator=(const Spill&) = delete;

  void append(const std::string& s) {
    if (file_ && std::fwrite(s.data(), 1, s.size(), file_) == s.size()) return;
    memory_ += s;
  }
  void copy_to(std::ostream& out) {
    if (file_) {
      std::rewind(file_);
      char buf[1 << 16];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, file_)) > 0;)
        out.write(buf, static_cast<std::streamsize>(n));
    }
    out << memory_;
  }

 private:
  std::FILE* file_;
  std::string memory_;
};

int severity(Outcome o) {  // for sorting the summary table: best first
  switch (o) {
    case Outcome::not_applicable:
    case Outcome::pass:
      return 0;
    case Outcome::review:
      return 1;
    case Outcome::missing:
      return 2;
    case Outcome::fail:
      return 3;
  }
  return 3;
}

class HtmlWriter : public ReportWriter {
 public:
  HtmlWriter(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) : opt_(opt), cat_(cat), out_(out) {}

  void begin(const Report& run) override {
    lang_ = run.lang;
    criteria_ = run.criteria;
    rule_set_ = run.rule_set + " (" + run.rule_set_version + ")";
    generated_ = cat_.render(
        "html.generated",
        {{"version", run.version}, {"rule_set", run.rule_set}, {"rule_set_version", run.rule_set_version}}, lang_);
  }

  void dossier(const DossierReport& d) override {
    ++index_;
    rows_.append(row(d));
    if (!opt_.quiet) sections_.append(section(d));
  }

  void end(const Report& run) override {
    out_ << html::page_begin(lang_, tr("html.title_check"));
    out_ << "<header class=\"run\"><h1>" << escape(tr("html.title_check")) << "</h1><p class=\"generated\">"
         << escape(generated_) << (run.as_of.empty() ? "" : " · " + escape(tr("text.as_of")) + " " + escape(run.as_of) + note(run.as_of_note))
         << "</p><p class=\"generated\">" << escape(tr("html.disclaimer")) << "</p></header>\n";
    const bool summary = run.counted > 1 || opt_.quiet;
    if (summary) write_summary(run);
    sections_.copy_to(out_);
    out_ << html::page_end();
  }

 private:
  std::string tr(std::string_view key) const { return cat_.get(key, lang_); }
  std::string anchor() const { return "d" + std::to_string(index_); }

  // One row of the summary table: the dossier, its verdict, a mark per criterion.
  std::string row(const DossierReport& d) {
    std::string o = "<tr><td class=\"num\" data-v=\"" + std::to_string(index_) + "\">" + std::to_string(index_) +
                    "</td><td><a href=\"#" + anchor() + "\">" + escape(d.name.empty() ? d.file : d.name) + "</a>" +
                    (d.name.empty() ? "" : "<br><code class=\"muted\">" + escape(d.file) + "</code>") +
                    "</td><td data-v=\"" + std::to_string(static_cast<int>(d.verdict)) + "\">" +
                    html::verdict_badge(d.verdict, lang_, cat_) + "</td>";
    for (const auto& c : criteria_) {
      const ResultLine* r = nullptr;
      for (const auto& res : d.results)
        if (res.id == c.id) r = &res;
      if (!r) {
        o += "<td class=\"mark\" data-v=\"9\"><span class=\"sr\">-</span></td>";
        continue;
      }
      const std::string key = "outcome." + std::string(outcome_name(r->outcome));
      o += "<td class=\"mark o-" + std::string(outcome_name(r->outcome)) + "\" data-v=\"" +
           std::to_string(severity(r->outcome)) + "\" title=\"" + escape(c.id + ": " + tr(key)) +
           "\"><span aria-hidden=\"true\">" + escape(tr(key + ".mark")) + "</span><span class=\"sr\">" +
           escape(tr(key)) + "</span></td>";
    }
    return o + "</tr>\n";
  }

  void write_summary(const Report& run) {
    out_ << "<section class=\"summary\" id=\"summary\"><h2>" << escape(tr("text.summary")) << " " << run.counted << " "
         << escape(tr("text.dossiers")) << "</h2>\n<ul class=\"counts\" aria-label=\""
         << escape(tr("html.verdict_counts")) << "\">";
    for (std::size_t v = 0; v < run.summary.size(); ++v)
      out_ << "<li>" << html::verdict_badge(static_cast<Verdict>(v), lang_, cat_) << " " << run.summary[v] << "</li>";
    out_ << "</ul>\n<h3>" << escape(tr("html.criteria")) << "</h3><p class=\"legend\">" << escape(tr("html.legend"))
         << ": ";
    for (Outcome o : {Outcome::pass, Outcome::fail, Outcome::review, Outcome::missing})
      out_ << html::outcome_badge(o, lang_, cat_) << " ";
    out_ << escape(tr("html.sort_hint"))
         << "</p>\n<table class=\"matrix sortable\"><colgroup><col class=\"n\"><col><col class=\"v\">";
    for (std::size_t i = 0; i < criteria_.size(); ++i) out_ << "<col class=\"c\">";
    out_ << "</colgroup><thead><tr><th><button type=\"button\">#</button></th><th><button type=\"button\">"
         << escape(tr("md.zone")) << "</button></th><th><button type=\"button\">" << escape(tr("md.verdict"))
         << "</button></th>";
    for (const auto& c : criteria_)
      out_ << "<th class=\"crit\" scope=\"col\" title=\"" << escape(c.id + " " + c.clause_shown + " " + c.title)
           << "\"><button type=\"button\">" << escape(c.title) << "</button></th>";
    out_ << "</tr></thead>\n<tbody>\n";
    rows_.copy_to(out_);
    out_ << "</tbody></table></section>\n";
  }

  std::string diagnostics(const std::vector<DiagnosticLine>& list, std::string_view heading, std::string_view kind) {
    if (list.empty()) return "";
    std::string o = "<h3>" + escape(tr(heading)) + "</h3><ul class=\"diagnostics\">";
    for (const auto& w : list) {
      std::string where = w.file;
      if (w.line > 0) where += ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
      o += "<li><code>" + escape(where) + "</code>: " + escape(tr(kind)) + ": " + escape(w.message) + "</li>";
    }
    return o + "</ul>";
  }

  std::string card(const ResultLine& r) {
    const std::string o_name(outcome_name(r.outcome));
    std::string o = "<article class=\"card o-" + o_name + "\" id=\"" + anchor() + "-" + escape(r.id) + "\"><h4>" +
                    html::outcome_badge(r.outcome, lang_, cat_) + " <span>" + escape(r.clause_shown) +
                    "</span> <span>" + escape(r.title) + "</span><code class=\"rule-id\">" + escape(r.id) +
                    "</code></h4>";
    o += "<p class=\"values\">" + escape(tr("text.actual")) + " " + escape(r.actual) + " &nbsp;|&nbsp; " +
         escape(tr("text.required")) + " " + escape(r.required) + "</p>";
    for (const auto& g : r.gauges) o += html::gauge(g, r.outcome, r.gauges.size() > 1, lang_, cat_);
    if (!r.message.empty()) o += "<p class=\"message\">" + escape(r.message) + "</p>";
    if (!r.parameters.empty()) {
      o += "<p class=\"params\">";
      for (const auto& p : r.parameters)
        o += escape(cat_.render("text.parameter",
                                {{"name", p.name}, {"value", p.value}, {"since", p.since}, {"source", p.source}},
                                lang_)) +
             " ";
      o += "</p>";
    }
    if (!r.words.empty())
      o += "<details><summary>" + escape(tr("html.words")) + " · " + escape(r.clause) +
           "</summary><blockquote lang=\"zh-CN\">" + escape(r.words) + "</blockquote></details>";
    return o + "</article>";
  }

  // Where a date comes from, after it.
  std::string note(const std::string& n) const {
    return n.empty() ? "" : escape(cat_.render("text.as_of_note", {{"note", n}}, lang_));
  }

  std::string section(const DossierReport& d) {
    std::string o = "<section class=\"dossier\" id=\"" + anchor() + "\"><header class=\"dossier-head\"><h2>" +
                    escape(d.name.empty() ? d.file : d.name) + "</h2><dl><div><dt>" + escape(tr("html.file")) +
                    "</dt><dd><code>" + escape(d.file) + "</code></dd></div>";
    if (!d.operator_name.empty())
      o += "<div><dt>" + escape(tr("html.operator")) + "</dt><dd>" + escape(d.operator_name) + "</dd></div>";
    if (!d.as_of.empty()) o += "<div><dt>" + escape(tr("text.as_of")) + "</dt><dd>" + escape(d.as_of) + note(d.as_of_note) + "</dd></div>";
    o += "<div><dt>" + escape(tr("text.rule_set")) + "</dt><dd>" + escape(rule_set_) + "</dd></div></dl>";
    o += "<p class=\"verdict\">" + escape(tr("text.verdict")) + " " +
         html::verdict_badge(d.verdict, lang_, cat_, true) + "</p></header>\n";
    o += "<div class=\"articles\">";
    std::string article;
    bool open = false;
    for (const auto& r : d.results) {
      if (r.article != article) {
        if (open) o += "</div></section>\n";
        article = r.article;
        o += "<section class=\"article\"><h3>" +
             escape(article + (r.article_title.empty() ? "" : "  " + r.article_title)) + "</h3><div class=\"cards\">";
        open = true;
      }
      o += card(r);
    }
    if (open) o += "</div></section>\n";
    o += "</div>";
    if (d.results.empty()) o += "<p>" + escape(tr("html.not_evaluated")) + "</p>";
    if (!d.roster.empty()) {  // check --detail
      o += "<details class=\"roster\"><summary>" + escape(tr("detail.heading")) + "</summary><table><tbody>";
      for (const auto& r : d.roster)
        o += "<tr><td><code>" + escape(r.label) + "</code></td><td>" + escape(r.name) + "</td><td>" +
             escape(roster_text(r, lang_, cat_)) + "</td></tr>";
      o += "</tbody></table></details>";
    }
    o += diagnostics(d.warnings, "text.warnings", "text.warning");
    o += diagnostics(d.errors, "text.errors", "text.error");
    o += "<p class=\"back\"><a href=\"#summary\">" + escape(tr("html.back")) + "</a></p></section>\n";
    return o;
  }

  OutputOptions opt_;
  const Catalogue& cat_;
  std::ostream& out_;
  Lang lang_ = Lang::zh;
  std::vector<CriterionColumn> criteria_;
  std::string rule_set_, generated_;
  int index_ = 0;
  Spill rows_, sections_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_html_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  return std::make_unique<HtmlWriter>(opt, cat, out);
}

}  // namespace ipz
