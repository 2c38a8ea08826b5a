// The XLSX workbooks of `score` and `rank` (report/xlsx.h). score: a
// "Scores" sheet, one row per dossier with its total and the points of each
// dimension, and an "Indicators" sheet, one row per dossier and indicator
// with its value (a number; a share as a percentage), points and maximum.
// rank: a "Ranking" sheet, one row per dossier in ranking order. Points are
// numbers with two decimals, the figures of the text output.
#include <cstdlib>

#include "model/fact_catalogue.h"
#include "report/score_formats.h"
#include "report/xlsx.h"

namespace ipz {

namespace {

using xlsx::Style;

bool is_share(const Indicator& ind) {
  const FactInfo* f = find_fact(ind.fact);
  return f && f->type == FactType::share;
}

double points(long long hundredths) { return static_cast<double>(hundredths) / 100.0; }

std::vector<const Dimension*> dimensions_of(const std::vector<ScoredDossier>& list) {
  std::vector<const Dimension*> dims;
  for (const auto& d : list)
    if (d.score && dims.empty())
      for (const auto& ds : d.score->dimensions) dims.push_back(ds.dimension);
  return dims;
}

// A row's first cells: [rank,] file, zone, as_of, verdict, total, each dimension.
void head_cells(xlsx::Workbook& book, int sheet, const ScoredDossier& d, std::size_t dims, bool ranking, Lang lang,
                const Catalogue& cat) {
  book.row(sheet);
  if (ranking) book.number(sheet, d.rank, Style::integer);
  book.text(sheet, d.file);
  book.text(sheet, d.name);
  book.date(sheet, d.as_of);
  book.text(sheet, xlsx::verdict_cell(d.verdict, lang, cat));
  if (!d.score) {
    for (std::size_t i = 0; i <= dims; ++i) book.blank(sheet);
    return;
  }
  book.number(sheet, points(d.score->total), Style::decimal);
  for (std::size_t i = 0; i < dims; ++i)
    if (i < d.score->dimensions.size())
      book.number(sheet, points(d.score->dimensions[i].points), Style::decimal);
    else
      book.blank(sheet);
}

int table(xlsx::Workbook& book, std::string_view name, const std::vector<const Dimension*>& dims, bool ranking,
          Lang lang, const Catalogue& cat) {
  std::vector<std::string> head;
  std::vector<double> widths;
  if (ranking) head.push_back(cat.get("xlsx.rank", lang)), widths.push_back(7);
  for (const char* key : {"xlsx.file", "xlsx.zone", "xlsx.as_of", "xlsx.verdict", "xlsx.total"})
    head.push_back(cat.get(key, lang));
  widths.insert(widths.end(), {30, 28, 11, 14, 10});
  for (const auto* dm : dims) head.push_back(dm->title.in(lang)), widths.push_back(12);
  const int sheet = book.add_sheet(name, head, ranking ? 3 : 2, widths);
  book.colour_outcomes(sheet, ranking ? 4 : 3, xlsx::outcome_marks(lang, cat));
  return sheet;
}

bool close(xlsx::Workbook& book, std::ostream& out, Lang lang, const Catalogue& cat, std::string& error) {
  std::string reason;
  if (book.finish(out, reason)) return true;
  error = cat.render("xlsx.failed", {{"reason", reason}}, lang);
  return false;
}

}  // namespace

bool write_scores_xlsx(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                       std::ostream& out, std::string& error) {
  const Lang lang = opt.lang;
  xlsx::Workbook book;
  const auto dims = dimensions_of(dossiers);
  if (book.ok()) {
    const int scores = table(book, "Scores", dims, false, lang, cat);
    const int indicators =
        book.add_sheet("Indicators",
                       {cat.get("xlsx.file", lang), cat.get("xlsx.zone", lang), cat.get("html.dimension", lang),
                        cat.get("html.indicator", lang), cat.get("html.value", lang), cat.get("html.points", lang),
                        cat.get("xlsx.max", lang)},
                       2, {30, 28, 18, 30, 12, 9, 9});
    for (const auto& d : dossiers) {
      head_cells(book, scores, d, dims.size(), false, lang, cat);
      if (!d.score) continue;
      for (const auto& ds : d.score->dimensions)
        for (const auto& s : ds.indicators) {
          book.row(indicators);
          book.text(indicators, d.file);
          book.text(indicators, d.name);
          book.text(indicators, ds.dimension->title.in(lang));
          book.text(indicators, s.indicator->title.in(lang));
          // the value as the text shows it (rounded the same way), as a number
          if (!s.known)
            book.blank(indicators);
          else if (s.value.starts_with('\x01'))
            book.text(indicators, indicator_value_text(s, lang, cat));
          else if (is_share(*s.indicator))
            book.number(indicators, std::strtod(s.value.c_str(), nullptr) / 100.0, Style::percent);
          else
            book.number(indicators, std::strtod(s.value.c_str(), nullptr),
                        s.value.find('.') == std::string::npos ? Style::integer : Style::decimal);
          book.number(indicators, points(s.points), Style::decimal);
          book.number(indicators, points(s.max), Style::decimal);
        }
    }
  }
  return close(book, out, lang, cat, error);
}

bool write_ranking_xlsx(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                        std::ostream& out, std::string& error) {
  xlsx::Workbook book;
  const auto dims = dimensions_of(ranked);
  if (book.ok()) {
    const int sheet = table(book, "Ranking", dims, true, opt.lang, cat);
    for (const auto& d : ranked) head_cells(book, sheet, d, dims.size(), true, opt.lang, cat);
  }
  return close(book, out, opt.lang, cat, error);
}

}  // namespace ipz
