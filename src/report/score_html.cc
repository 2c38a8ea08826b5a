// The HTML pages of `score` and `rank` (report/html.h): the scoring model's
// "not an official model" note first and prominent; then, for score, a
// section per dossier with its total, each dimension as a bar against its
// maximum, each indicator with its value and points, and "where to gain";
// for rank, a sortable table with the total and each dimension as bars. The
// wording and numbers are those of the text output (score_formats.cc).
#include "report/html.h"
#include "report/score_formats.h"

namespace ipz {

namespace {

using html::escape;

std::string note(const ScoreOutput& opt, const Catalogue& cat) {
  if (!opt.model) return "";
  return "<aside class=\"note\" role=\"note\"><strong>" +
         escape(cat.render("html.label_value",
                           {{"label", cat.get("html.note", opt.lang)}, {"value", opt.model->title.in(opt.lang)}},
                           opt.lang)) +
         "</strong>" + escape(opt.model->note.in(opt.lang)) + "</aside>\n";
}

std::string header(std::string_view title_key, const ScoreOutput& opt, const Catalogue& cat) {
  const Lang lang = opt.lang;
  return html::page_begin(lang, cat.get(title_key, lang)) + "<header class=\"run\"><h1>" +
         escape(cat.get(title_key, lang)) + "</h1><p class=\"generated\">" +
         escape(cat.render(
             "html.generated",
             {{"version", IPZONE_VERSION}, {"rule_set", opt.rule_set}, {"rule_set_version", opt.rule_set_version}},
             lang)) +
         "</p></header>\n" + note(opt, cat);
}

double points(long long hundredths) { return static_cast<double>(hundredths) / 100.0; }

std::string of_max(long long p, long long max, Lang lang, const Catalogue& cat) {
  return cat.render("html.of_max", {{"points", format_points(p)}, {"max", format_points(max)}}, lang);
}

}  // namespace

void write_scores_html(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                       std::ostream& out) {
  const Lang lang = opt.lang;
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  out << header("html.title_score", opt, cat);
  int index = 0;
  for (const auto& d : dossiers) {
    ++index;
    out << "<section class=\"dossier\" id=\"d" << index << "\"><header class=\"dossier-head\"><h2>"
        << escape(d.name.empty() ? d.file : d.name) << "</h2><dl><div><dt>" << escape(tr("html.file"))
        << "</dt><dd><code>" << escape(d.file) << "</code></dd></div>";
    if (!d.as_of.empty())
      out << "<div><dt>" << escape(tr("text.as_of")) << "</dt><dd>" << escape(d.as_of)
          << (d.as_of_note.empty() ? "" : escape(cat.render("text.as_of_note", {{"note", d.as_of_note}}, lang)))
          << "</dd></div>";
    out << "</dl><p class=\"verdict\">" << escape(tr("text.verdict")) << " "
        << html::verdict_badge(d.verdict, lang, cat, true) << "</p></header>\n";
    if (!d.score) {
      out << "<p>" << escape(tr("html.no_score")) << "</p><ul class=\"diagnostics\">";
      for (const auto& e : d.errors)
        out << "<li><code>" << escape(e.file + ":" + std::to_string(e.line) + ":" + std::to_string(e.column))
            << "</code>: " << escape(e.message) << "</li>";
      out << "</ul></section>\n";
      continue;
    }
    const Score& sc = *d.score;
    const std::string total = tr("score.total") + " " + format_points(sc.total) + " / " + format_points(sc.max);
    out << "<p class=\"score-total\">" << escape(total) << "</p>" << html::bar(points(sc.total), points(sc.max), total);
    out << "<table class=\"scores\"><colgroup><col><col style=\"width:9rem\"><col style=\"width:7.5rem\"><col "
           "style=\"width:8rem\"></colgroup><thead><tr><th scope=\"col\">"
        << escape(tr("html.indicator")) << "</th><th scope=\"col\">" << escape(tr("html.value"))
        << "</th><th scope=\"col\" class=\"num\">" << escape(tr("html.points"))
        << "</th><th scope=\"col\"></th></tr></thead>";
    for (const auto& ds : sc.dimensions) {
      const std::string title = ds.dimension->title.in(lang);
      out << "<tbody><tr><th scope=\"rowgroup\" colspan=\"2\">" << escape(title) << "</th><th class=\"num\">"
          << escape(format_points(ds.points) + " / " + format_points(ds.max)) << "</th><td>"
          << html::bar(points(ds.points), points(ds.max), title + " " + of_max(ds.points, ds.max, lang, cat), true)
          << "</td></tr>";
      for (const auto& s : ds.indicators) {
        const std::string name = s.indicator->title.in(lang);
        out << "<tr><td>" << escape(name);
        if (!s.known && !s.missing.empty())
          out << " <span class=\"muted\">(" << escape(cat.render("score.missing", {{"field", s.missing}}, lang))
              << ")</span>";
        out << "</td><td>" << escape(indicator_value_text(s, lang, cat)) << "</td><td class=\"num\">"
            << escape(format_points(s.points) + " / " + format_points(s.max)) << "</td><td>"
            << html::bar(points(s.points), points(s.max), name + " " + of_max(s.points, s.max, lang, cat), true)
            << "</td></tr>";
      }
      out << "</tbody>";
    }
    out << "</table>\n";
    if (!sc.opportunities.empty()) {
      out << "<h3>" << escape(tr("score.opportunities")) << "</h3><ol class=\"gain\">";
      for (const auto& at : sc.opportunities) out << "<li>" << escape(opportunity_text(sc, at, lang, cat)) << "</li>";
      out << "</ol>\n";
    }
    out << "</section>\n";
  }
  out << html::page_end();
}

void write_ranking_html(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                        std::ostream& out) {
  const Lang lang = opt.lang;
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  std::vector<std::pair<const Dimension*, long long>> dims;  // each dimension and its maximum
  for (const auto& d : ranked)
    if (d.score && dims.empty())
      for (const auto& ds : d.score->dimensions) dims.emplace_back(ds.dimension, ds.max);
  out << header("html.title_rank", opt, cat);
  out << "<p>" << escape(tr("html.sort_hint"))
      << "</p><table class=\"scores sortable\"><colgroup><col style=\"width:3.5rem\"><col><col "
         "style=\"width:8rem\"><col style=\"width:9rem\">";
  for (std::size_t i = 0; i < dims.size(); ++i) out << "<col style=\"width:7.5rem\">";
  out << "</colgroup><thead><tr><th scope=\"col\"><button type=\"button\">" << escape(tr("rank.rank"))
      << "</button></th><th scope=\"col\"><button type=\"button\">" << escape(tr("md.zone"))
      << "</button></th><th scope=\"col\"><button type=\"button\">" << escape(tr("md.verdict"))
      << "</button></th><th scope=\"col\"><button type=\"button\">" << escape(tr("score.total")) << "</button></th>";
  for (const auto& [dim, max] : dims)
    out << "<th scope=\"col\"><button type=\"button\">" << escape(dim->title.in(lang)) << "</button></th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& d : ranked) {
    out << "<tr><td class=\"num\">" << d.rank << "</td><td>" << escape(d.name.empty() ? d.file : d.name);
    if (!d.name.empty()) out << "<br><code class=\"muted\">" << escape(d.file) << "</code>";
    out << "</td><td data-v=\"" << static_cast<int>(d.verdict) << "\">" << html::verdict_badge(d.verdict, lang, cat)
        << "</td>";
    if (!d.score) {
      out << "<td data-v=\"-1\">-</td>";
      for (std::size_t i = 0; i < dims.size(); ++i) out << "<td data-v=\"-1\">-</td>";
      out << "</tr>\n";
      continue;
    }
    const Score& sc = *d.score;
    out << "<td data-v=\"" << format_points(sc.total) << "\">"
        << escape(format_points(sc.total) + " / " + format_points(sc.max))
        << html::bar(points(sc.total), points(sc.max), tr("score.total") + " " + of_max(sc.total, sc.max, lang, cat),
                     true)
        << "</td>";
    for (std::size_t i = 0; i < dims.size(); ++i) {
      const long long p = i < sc.dimensions.size() ? sc.dimensions[i].points : 0;
      out << "<td data-v=\"" << format_points(p) << "\">"
          << escape(format_points(p) + " / " + format_points(dims[i].second))
          << html::bar(points(p), points(dims[i].second),
                       dims[i].first->title.in(lang) + " " + of_max(p, dims[i].second, lang, cat), true)
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table>\n<p class=\"muted\">" << escape(tr("rank.order")) << "</p>\n" << html::page_end();
}

}  // namespace ipz
