// Report: the result of checking one or more dossiers, in the user's
// language, ready for any output format. Every format (text, JSON) renders
// this same object; building it is the only place where messages are filled.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "model/dossier.h"
#include "model/rule_set.h"
#include "model/catalogue.h"
#include "util/diagnostic.h"

namespace ipz {

// A measure of a rule (evaluate/evaluator.h) as a gauge shows it: the value
// found against its bound, and the shortfall, in the report's language.
struct Gauge {
  std::string fact;                 // the fact measured: high_end_share
  std::string label;                // the leaf's label, else the rule's title
  FactType type = FactType::count;  // count | share | date (a period, in years)
  bool known = false, passed = false;
  // The value and the bound on one scale: count, percent, or years.
  double value = 0, bound = 0;
  std::string value_text;  // "55.3% (47/85)", "68", "4 years"
  std::string bound_text;  // "60%", "70", "3 years"
  std::string shortfall;   // "4 more"; empty when passed or unknown
  // As numbers, for a spreadsheet: the value shown (a share as a fraction,
  // 0.553), the bound (0.6), and the shortfall (4; days for a period).
  double shown_number = 0, bound_number = 0;
  long long need = 0;
};

struct ResultLine {
  std::string id;
  std::string clause;        // the citation, always in Chinese: 第五条第2项
  std::string clause_shown;  // in the report's language: Art. 5(2)
  std::string article, article_title, title;
  Outcome outcome = Outcome::pass;
  std::string actual, required, message;
  struct ParameterLine {
    std::string name, value, since, source;
  };
  std::vector<ParameterLine> parameters;  // the values in force that the rule used
  std::vector<Gauge> gauges;              // one per measure of the rule's check
  std::string words;                      // the article's own words for this criterion
  Location where;  // the dossier field the rule looks at (or its nearest written parent; else 1:1)
};

// A criterion as a column of a table of dossiers (HTML summary, XLSX): the
// rule, and the labels of its measures, in the order of ResultLine::gauges.
struct CriterionColumn {
  std::string id, clause_shown, title;
  std::vector<std::string> measures;
};

struct DiagnosticLine {
  std::string file;
  int line = 0, column = 0;
  std::string message;
  std::string key;  // the message's catalogue key, e.g. dossier.unknown_key (a stable id for SARIF)
};

// How one roster row was classified (check --detail).
struct RosterLine {
  std::string label;  // enterprises[3] or roster.csv:14
  std::string name;
  int duplicate_of = 0;
  std::string duplicate_of_label;  // the row it repeats, labelled as rows are: enterprises[2], roster.csv:4
  std::string sme;        // "true", "false", or "" when undecided
  std::string sme_basis;  // "declared", "size_standard", or ""
  std::string sme_reason; // e.g. "software_it_services: employees 299 < 300"
  std::string high_end;   // "true", "false", or ""
  std::string industry;   // the taxonomy entry, or the unknown name
};

struct DossierReport {
  std::string file;
  std::string name;   // the zone's name, when it could be read
  std::string operator_name;
  std::string as_of;  // empty when the dossier could not be evaluated
  std::string as_of_source;  // where as_of comes from: "option" (--as-of), "dossier" (its as_of), "today"
  std::string time_zone;     // with "today": the zone it was today in
  std::string as_of_note;    // as_of_source in the report's language ("today in Asia/Shanghai")
  Verdict verdict = Verdict::invalid;
  std::vector<ResultLine> results;
  std::vector<DiagnosticLine> warnings, errors;
  std::vector<RosterLine> roster;  // filled with --detail only
  struct {
    std::string enterprises, sme, high_end, sme_share, high_end_share, valid_patents, invention_patents;
  } figures;  // key figures for one-line outputs (CSV, Markdown); empty when not evaluated
};

// A whole run: what every output starts with (tool, rule set, language),
// and, as dossiers are counted, the summary it ends with. The dossiers
// themselves stream through a ReportWriter (report/formats.h) one by one,
// so that a run over 10,000 dossiers holds one of them at a time; `dossiers`
// is filled only by callers that want them all (tests, small runs).
struct Report {
  Lang lang = Lang::zh;
  std::string tool = "ipzone";
  std::string version = IPZONE_VERSION;
  std::string rule_set, rule_set_version;
  std::string as_of;  // the evaluation date of every dossier, or empty when they differ
  std::string as_of_source, time_zone, as_of_note;  // where it comes from, when the same for all (DossierReport)
  std::vector<DossierReport> dossiers;
  std::array<int, 5> summary{};  // count per Verdict, in enum order
  int counted = 0;               // dossiers counted so far
  bool detail = false;           // the roster classification is included
  std::vector<CriterionColumn> criteria;  // the rule set's criteria, in order (criteria_of)

  // Counts a dossier into the summary (and the common as_of).
  void count(const DossierReport& d);
  // Counts it and keeps it.
  void add(DossierReport d);
};

// The criteria of a rule set as table columns, in the report's language.
std::vector<CriterionColumn> criteria_of(const RuleSet& rules, Lang lang);

// A diagnostic's message in lang: every value it quotes from an input is
// valid UTF-8 and at most a short excerpt (report/sanitize.h), however long
// or broken the input was.
std::string diagnostic_message(const Diagnostic& d, Lang lang, const Catalogue& cat);

// A dossier that could not be read or evaluated: its errors and warnings.
DossierReport report_invalid(const std::string& file, const std::string& name, const Diagnostics& diags,
                             Lang lang, const Catalogue& cat);

// Records where d.as_of comes from ("option", "dossier" or "today" in zone).
void note_as_of(DossierReport& d, std::string_view source, const std::string& zone, Lang lang, const Catalogue& cat);

// A dossier evaluated against a rule set.
DossierReport report_evaluated(const Dossier& dossier, const Facts& facts, const Evaluation& evaluation,
                               const Diagnostics& load_warnings, Lang lang, const Catalogue& cat);

// How each roster row was classified, for check --detail.
std::vector<RosterLine> roster_lines(const Facts& facts, Lang lang, const Catalogue& cat);
// A roster row's classification in words: "SME (size standard: ...); high-end 集成电路".
std::string roster_text(const RosterLine& r, Lang lang, const Catalogue& cat);

// The outcome a verdict is shown like, in colour and mark (eligible as pass,
// needs-review as review, incomplete as missing, ineligible and invalid as fail).
Outcome verdict_look(Verdict v);

// The worst verdict decides the exit code (README "Exit codes"): 2 for any
// invalid dossier; 1 for any verdict at or beyond fail_on (ineligible,
// incomplete -- the default -- or needs-review); else 0.
int exit_code(const Report& report, Verdict fail_on);
int exit_code(const Report& report, bool strict);


}  // namespace ipz
