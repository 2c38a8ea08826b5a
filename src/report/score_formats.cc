// Score and ranking outputs (see score_formats.h).
#include "report/score_formats.h"

#include "report/formats.h"
#include "report/sanitize.h"
#include "util/utf8.h"

namespace ipz {

std::string indicator_value_text(const IndicatorScore& s, Lang lang, const Catalogue& cat) {
  if (!s.known) return cat.get("value.missing", lang);
  std::string v = cat.fill("{v}", {{"v", s.value}}, lang);
  const std::string unit = s.indicator->unit.in(lang);
  return unit.empty() ? v : v + (unit == "%" ? "" : " ") + unit;
}

namespace {

// Where full points are reached: "600 件" or "≥ 2".
std::string full_at(const Indicator& ind, Lang lang) {
  const Number& n = ind.curve.kind == Curve::Kind::linear ? ind.curve.to : ind.curve.steps.back().first;
  const std::string unit = ind.unit.in(lang);
  return n.text + (unit.empty() ? "" : (unit == "%" ? "" : " ") + unit);
}

}  // namespace

std::string opportunity_text(const Score& sc, std::pair<std::size_t, std::size_t> at, Lang lang, const Catalogue& cat) {
  const IndicatorScore& s = sc.dimensions[at.first].indicators[at.second];
  return cat.render("score.opportunity",
                    {{"indicator", s.indicator->title.in(lang)},
                     {"value", indicator_value_text(s, lang, cat)},
                     {"full", full_at(*s.indicator, lang)},
                     {"gain", format_points(s.max - s.points)}},
                    lang);
}

namespace {

std::string score_json(const Score& sc, Lang lang, const Catalogue& cat) {
  std::string o = "\"total\": " + format_points(sc.total) + ", \"max\": " + format_points(sc.max) +
                  ", \"model\": " + json_string(sc.version ? format_date(sc.version->since) : "") + ", \"dimensions\": [";
  for (std::size_t d = 0; d < sc.dimensions.size(); ++d) {
    const auto& ds = sc.dimensions[d];
    o += (d ? ", " : "") + std::string("{\"id\": ") + json_string(ds.dimension->id) + ", \"title\": " +
         json_string(ds.dimension->title.in(lang)) + ", \"points\": " + format_points(ds.points) +
         ", \"max\": " + format_points(ds.max) + ", \"indicators\": [";
    for (std::size_t i = 0; i < ds.indicators.size(); ++i) {
      const auto& s = ds.indicators[i];
      o += (i ? ", " : "") + std::string("{\"id\": ") + json_string(s.indicator->id) + ", \"title\": " +
           json_string(s.indicator->title.in(lang)) + ", \"fact\": " + json_string(s.indicator->fact) +
           ", \"value\": " + (s.known ? json_string(cat.fill("{v}", {{"v", s.value}}, lang)) : "null") +
           ", \"points\": " + format_points(s.points) + ", \"max\": " + format_points(s.max) +
           ", \"missing\": " + json_string(s.missing) + "}";
    }
    o += "]}";
  }
  o += "], \"opportunities\": [";
  for (std::size_t k = 0; k < sc.opportunities.size(); ++k) {
    auto [d, i] = sc.opportunities[k];
    const auto& s = sc.dimensions[d].indicators[i];
    o += (k ? ", " : "") + std::string("{\"id\": ") + json_string(s.indicator->id) +
         ", \"gain\": " + format_points(s.max - s.points) +
         ", \"message\": " + json_string(opportunity_text(sc, {d, i}, lang, cat)) + "}";
  }
  return o + "]";
}

void errors_text(const ScoredDossier& d, std::ostream& out) {
  for (const auto& e : d.errors)
    out << "  " << sanitize(e.file, Sink::text_line) << ":" << e.line << ":" << e.column << ": "
        << sanitize(e.message, Sink::text) << "\n";
}

}  // namespace

void write_scores(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                  std::ostream& out) {
  const Lang lang = opt.lang;
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  if (opt.format == "html") return write_scores_html(dossiers, opt, cat, out);
  if (opt.format == "json") {
    out << "{\n  \"tool\": \"ipzone\",\n  \"version\": " << json_string(IPZONE_VERSION)
        << ",\n  \"rule_set\": {\"name\": " << json_string(opt.rule_set) << ", \"version\": "
        << json_string(opt.rule_set_version) << "},\n  \"dossiers\": [";
    for (std::size_t k = 0; k < dossiers.size(); ++k) {
      const auto& d = dossiers[k];
      out << (k ? ",\n" : "\n") << "    {\"file\": " << json_string(d.file) << ", \"name\": " << json_string(d.name)
          << ", \"as_of\": " << (d.as_of.empty() ? "null" : json_string(d.as_of))
          << ", \"as_of_source\": " << (d.as_of_source.empty() ? "null" : json_string(d.as_of_source))
          << ", \"time_zone\": " << (d.time_zone.empty() ? "null" : json_string(d.time_zone))
          << ", \"verdict\": " << json_string(verdict_name(d.verdict)) << ", ";
      if (d.score) out << score_json(*d.score, lang, cat);
      else out << "\"total\": null, \"errors\": " << d.errors.size();
      out << "}";
    }
    out << (dossiers.empty() ? "]\n}\n" : "\n  ]\n}\n");
    return;
  }
  if (opt.format == "csv") {
    if (opt.excel) out << "\xEF\xBB\xBF";
    out << csv_line({"file", "name", "verdict", "dimension", "indicator", "value", "points", "max"});
    for (const auto& d : dossiers) {
      if (!d.score) {
        out << csv_line({d.file, d.name, std::string(verdict_name(d.verdict)), "", "", "", "", ""});
        continue;
      }
      for (const auto& ds : d.score->dimensions)
        for (const auto& s : ds.indicators)
          out << csv_line({d.file, d.name, std::string(verdict_name(d.verdict)), ds.dimension->id, s.indicator->id,
                          s.known ? cat.fill("{v}", {{"v", s.value}}, lang) : "", format_points(s.points),
                          format_points(s.max)});
      out << csv_line({d.file, d.name, std::string(verdict_name(d.verdict)), "total", "", "",
                      format_points(d.score->total), format_points(d.score->max)});
    }
    return;
  }
  if (opt.model) out << opt.model->title.in(lang) << "  (" << opt.model->note.in(lang) << ")\n";
  for (const auto& d : dossiers) {
    out << "\n" << sanitize(d.file, Sink::text_line) << (d.name.empty() ? "" : "  " + sanitize(d.name, Sink::text_line)) << "  " << tr("verdict." + std::string(verdict_name(d.verdict)))
        << "\n";
    if (!d.as_of.empty())
      out << "  " << tr("text.as_of") << " " << d.as_of
          << (d.as_of_note.empty() ? "" : cat.render("text.as_of_note", {{"note", d.as_of_note}}, lang)) << "\n";
    if (!d.score) {
      errors_text(d, out);
      continue;
    }
    const Score& sc = *d.score;
    out << "  " << tr("score.total") << " " << format_points(sc.total) << " / " << format_points(sc.max) << "\n";
    std::size_t w = 0;
    for (const auto& ds : sc.dimensions)
      for (const auto& s : ds.indicators) w = std::max(w, display_width(s.indicator->title.in(lang)));
    for (const auto& ds : sc.dimensions) {
      out << "  " << pad_to_width(ds.dimension->title.in(lang), w + 2) << "  " << format_points(ds.points) << " / "
          << format_points(ds.max) << "\n";
      for (const auto& s : ds.indicators) {
        out << "    " << pad_to_width(s.indicator->title.in(lang), w) << "  "
            << pad_to_width(indicator_value_text(s, lang, cat), 14) << "  " << format_points(s.points) << " / "
            << format_points(s.max);
        if (!s.known && !s.missing.empty()) out << "  (" << cat.render("score.missing", {{"field", s.missing}}, lang) << ")";
        out << "\n";
      }
    }
    if (!sc.opportunities.empty()) {
      out << "  " << tr("score.opportunities") << "\n";
      for (std::size_t k = 0; k < sc.opportunities.size(); ++k)
        out << "    " << k + 1 << ". " << opportunity_text(sc, sc.opportunities[k], lang, cat) << "\n";
    }
  }
}

namespace {

// "评估日期 2024-04-01（Asia/Shanghai 时区的当日）" when every dossier has the same date, else "".
std::string common_as_of(const std::vector<ScoredDossier>& ranked, Lang lang, const Catalogue& cat) {
  if (ranked.empty() || ranked.front().as_of.empty()) return "";
  for (const auto& d : ranked)
    if (d.as_of != ranked.front().as_of || d.as_of_note != ranked.front().as_of_note) return "";
  const ScoredDossier& d = ranked.front();
  return cat.get("text.as_of", lang) + " " + d.as_of +
         (d.as_of_note.empty() ? "" : cat.render("text.as_of_note", {{"note", d.as_of_note}}, lang));
}

}  // namespace

void write_ranking(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                   std::ostream& out) {
  const Lang lang = opt.lang;
  auto tr = [&](std::string_view key) { return cat.get(key, lang); };
  std::vector<const Dimension*> dims;
  for (const auto& d : ranked)
    if (d.score && dims.empty())
      for (const auto& ds : d.score->dimensions) dims.push_back(ds.dimension);
  auto subtotal = [](const ScoredDossier& d, std::size_t i) {
    return d.score && i < d.score->dimensions.size() ? format_points(d.score->dimensions[i].points) : std::string();
  };
  if (opt.format == "html") return write_ranking_html(ranked, opt, cat, out);
  if (opt.format == "json") {
    out << "{\n  \"tool\": \"ipzone\",\n  \"version\": " << json_string(IPZONE_VERSION)
        << ",\n  \"rule_set\": {\"name\": " << json_string(opt.rule_set) << ", \"version\": "
        << json_string(opt.rule_set_version) << "},\n  \"ranking\": [";
    for (std::size_t k = 0; k < ranked.size(); ++k) {
      const auto& d = ranked[k];
      out << (k ? ",\n" : "\n") << "    {\"rank\": " << d.rank << ", \"file\": " << json_string(d.file)
          << ", \"name\": " << json_string(d.name) << ", \"as_of\": " << (d.as_of.empty() ? "null" : json_string(d.as_of))
          << ", \"as_of_source\": " << (d.as_of_source.empty() ? "null" : json_string(d.as_of_source))
          << ", \"time_zone\": " << (d.time_zone.empty() ? "null" : json_string(d.time_zone))
          << ", \"verdict\": " << json_string(verdict_name(d.verdict)) << ", \"total\": " << (d.score ? format_points(d.score->total) : "null") << ", \"dimensions\": {";
      for (std::size_t i = 0; i < dims.size(); ++i)
        out << (i ? ", " : "") << json_string(dims[i]->id) << ": " << (d.score ? subtotal(d, i) : "null");
      out << "}}";
    }
    out << (ranked.empty() ? "]\n}\n" : "\n  ]\n}\n");
    return;
  }
  if (opt.format == "csv") {
    if (opt.excel) out << "\xEF\xBB\xBF";
    std::string header = "rank,file,name,verdict,total";
    for (const auto* dm : dims) header += "," + csv_field(dm->id);
    out << header << "\r\n";
    for (const auto& d : ranked) {
      std::string row = std::to_string(d.rank) + "," + csv_field(d.file) + "," + csv_field(d.name) + "," +
                        std::string(verdict_name(d.verdict)) + "," + (d.score ? format_points(d.score->total) : "");
      for (std::size_t i = 0; i < dims.size(); ++i) row += "," + subtotal(d, i);
      out << row << "\r\n";
    }
    return;
  }
  if (opt.format == "markdown") {
    out << "| " << tr("rank.rank") << " | " << tr("md.zone") << " | " << tr("md.verdict") << " | " << tr("score.total");
    for (const auto* dm : dims) out << " | " << dm->title.in(lang);
    out << " |\n|---:|---|---|---:";
    for (std::size_t i = 0; i < dims.size(); ++i) out << "|---:";
    out << "|\n";
    for (const auto& d : ranked) {
      out << "| " << d.rank << " | " << markdown_cell(d.name.empty() ? "`" + d.file + "`" : d.name) << " | "
          << tr("verdict." + std::string(verdict_name(d.verdict))) << " | "
          << (d.score ? format_points(d.score->total) : "-");
      for (std::size_t i = 0; i < dims.size(); ++i) out << " | " << (d.score ? subtotal(d, i) : "-");
      out << " |\n";
    }
    if (const std::string when = common_as_of(ranked, lang, cat); !when.empty()) out << "\n" << markdown_cell(when) << "\n";
    return;
  }
  std::size_t nw = 0, vw = 0;
  for (const auto& d : ranked) {
    nw = std::max(nw, display_width(sanitize(d.name.empty() ? d.file : d.name, Sink::text_line)));
    vw = std::max(vw, display_width(tr("verdict." + std::string(verdict_name(d.verdict)))));
  }
  out << pad_to_width(tr("rank.rank"), 4) << "  " << pad_to_width(tr("md.zone"), nw) << "  " << pad_to_width(tr("md.verdict"), vw) << "  "
      << pad_to_width(tr("score.total"), 7);
  for (const auto* dm : dims) out << "  " << dm->title.in(lang);
  out << "\n";
  for (const auto& d : ranked) {
    out << pad_to_width(std::to_string(d.rank), 4) << "  " << pad_to_width(sanitize(d.name.empty() ? d.file : d.name, Sink::text_line), nw) << "  "
        << pad_to_width(tr("verdict." + std::string(verdict_name(d.verdict))), vw) << "  "
        << pad_to_width(d.score ? format_points(d.score->total) : "-", 7);
    for (std::size_t i = 0; i < dims.size(); ++i)
      out << "  " << pad_to_width(d.score ? subtotal(d, i) : "-", display_width(dims[i]->title.in(lang)));
    out << "\n";
  }
  out << tr("rank.order") << "\n";
  if (const std::string when = common_as_of(ranked, lang, cat); !when.empty()) out << sanitize(when, Sink::text_line) << "\n";
}

}  // namespace ipz
