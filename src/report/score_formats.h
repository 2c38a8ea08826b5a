// The outputs of `ipzone score` and `ipzone rank`: the breakdown of each
// dossier's comprehensive score (text, JSON, CSV), and the ranked table of
// many (text, JSON, CSV, Markdown). They render Score objects; they decide
// nothing. The order of a ranking is decided in cli/score.cc.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "evaluate/score.h"
#include "model/catalogue.h"
#include "report/report.h"

namespace ipz {

struct ScoredDossier {
  std::string file, name, as_of;
  std::string as_of_source, time_zone, as_of_note;  // where as_of comes from (DossierReport)
  Verdict verdict = Verdict::invalid;
  std::optional<Score> score;  // nullopt: the dossier could not be read
  std::vector<DiagnosticLine> errors;
  int rank = 0;  // filled by rank
};

struct ScoreOutput {
  std::string format = "text";  // text | json | csv | html (| markdown for rank)
  Lang lang = Lang::zh;
  bool excel = false;  // csv: a UTF-8 byte-order mark first
  std::string rule_set, rule_set_version;
  const ScoringModel* model = nullptr;
};

// An indicator's value as the text shows it: "87.1%", "4 years", "yes".
std::string indicator_value_text(const IndicatorScore& s, Lang lang, const Catalogue& cat);
// One entry of "where to gain": the indicator, its value, where full points are, the points to gain.
std::string opportunity_text(const Score& sc, std::pair<std::size_t, std::size_t> at, Lang lang, const Catalogue& cat);

// The HTML pages (report/score_html.cc).
void write_scores_html(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                       std::ostream& out);
void write_ranking_html(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                        std::ostream& out);

// The XLSX workbooks (report/score_xlsx.cc); false, with error, when it cannot be written.
bool write_scores_xlsx(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                       std::ostream& out, std::string& error);
bool write_ranking_xlsx(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                        std::ostream& out, std::string& error);

void write_scores(const std::vector<ScoredDossier>& dossiers, const ScoreOutput& opt, const Catalogue& cat,
                  std::ostream& out);
void write_ranking(const std::vector<ScoredDossier>& ranked, const ScoreOutput& opt, const Catalogue& cat,
                   std::ostream& out);

}  // namespace ipz
