// `ipzone score DOSSIER...` and `ipzone rank DOSSIER...`: the comprehensive
// score of Art. 7(4) under the rule set's scoring model (rules/<set>/
// scoring.yaml), dossier by dossier, or as a ranking: eligible dossiers
// first, then needs-review, then the rest (scored, for reference), invalid
// last; within a group by total, then by each dimension in the model's
// order, highest first, then by file path, so that every run gives the same order.
#include "evaluate/score.h"

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/format_choice.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "model/scoring.h"
#include "report/score_formats.h"

namespace ipz::cli {

namespace {

struct ScoreOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  bool excel = false;
  int jobs = 0;
};

// The formats of score and rank; the first is the default.
const std::vector<std::string> kScoreFormats = {"text", "json", "csv", "html", "xlsx"};
const std::vector<std::string> kRankFormats = {"text", "json", "csv", "markdown", "html", "xlsx"};

int group_of(Verdict v) {
  switch (v) {
    case Verdict::eligible: return 0;
    case Verdict::needs_review: return 1;
    case Verdict::invalid: return 3;
    default: return 2;
  }
}

// Whether a ranks above b (see the top of this file).
bool ranks_before(const ScoredDossier& a, const ScoredDossier& b) {
  if (group_of(a.verdict) != group_of(b.verdict)) return group_of(a.verdict) < group_of(b.verdict);
  if (a.score && b.score) {
    if (a.score->total != b.score->total) return a.score->total > b.score->total;
    for (std::size_t i = 0; i < a.score->dimensions.size() && i < b.score->dimensions.size(); ++i)
      if (a.score->dimensions[i].points != b.score->dimensions[i].points)
        return a.score->dimensions[i].points > b.score->dimensions[i].points;
  }
  return a.file < b.file;
}

int run(const ScoreOptions& opt, bool ranking) {
  const Catalogue& cat = Catalogue::builtin();
  const Lang lang = opt.common.language();
  const FormatChoice format = choose_format(opt.common.format_given ? opt.common.format : "", opt.output,
                                            ranking ? kRankFormats : kScoreFormats, lang, cat);
  if (!format.error.empty()) {
    std::cerr << "ipzone " << (ranking ? "rank" : "score") << ": " << format.error << "\n";
    return kExitInvalid;
  }
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;
  if (!rules->scoring) {
    std::cerr << "ipzone: " << cat.render("score.no_model", {{"set", rules->name}}, lang) << "\n";
    return kExitInvalid;
  }
  std::vector<ScoredDossier> scored;
  const int jobs = thread_count(opt.jobs);
  const InputList inputs = expand_inputs(opt.inputs);
  Progress progress(inputs.size(), progress_wanted(false), std::cout, lang, cat);
  for_each_in_order<ScoredDossier>(
      inputs, jobs,
      [&](const Input& in) {
        LoadedInput loaded = load_input(in);
        std::optional<Facts> facts;
        DossierReport report = judge(loaded, *rules, {opt.common.as_of, false}, lang, cat, &facts);
        ScoredDossier s;
        s.file = report.file;
        s.name = report.name;
        s.as_of = report.as_of;
        s.verdict = report.verdict;
        s.errors = std::move(report.errors);
        if (facts) s.score = score_dossier(*rules->scoring, *facts);
        return s;
      },
      [&](ScoredDossier&& s) {
        scored.push_back(std::move(s));
        progress.step();
      });
  progress.clear();
  Output output(opt.output);
  if (!output.ok()) {
    std::cerr << "ipzone: " << output.error() << "\n";
    return kExitInvalid;
  }
  ScoreOutput so;
  so.format = format.format;
  so.lang = lang;
  so.excel = opt.excel;
  so.rule_set = rules->name;
  so.rule_set_version = rules->version;
  so.model = rules->scoring.get();
  bool any_invalid = false;
  for (const auto& s : scored) any_invalid = any_invalid || s.verdict == Verdict::invalid;
  std::string error;
  if (ranking) {
    std::stable_sort(scored.begin(), scored.end(), ranks_before);
    for (std::size_t i = 0; i < scored.size(); ++i) scored[i].rank = static_cast<int>(i + 1);
    if (so.format == "xlsx")
      write_ranking_xlsx(scored, so, cat, output.stream(), error);
    else
      write_ranking(scored, so, cat, output.stream());
  } else {
    if (so.format == "xlsx")
      write_scores_xlsx(scored, so, cat, output.stream(), error);
    else
      write_scores(scored, so, cat, output.stream());
  }
  if (!error.empty()) {
    std::cerr << "ipzone: " << error << "\n";
    return kExitInvalid;
  }
  if (!output.commit()) {
    std::cerr << "ipzone: " << output.error() << "\n";
    return kExitInvalid;
  }
  return any_invalid ? kExitInvalid : kExitOk;
}

void add(CLI::App& app, int& exit_code, bool ranking) {
  auto opt = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      ranking ? "rank" : "score",
      ranking ? "Rank dossiers by their comprehensive score (Art. 7(4)): eligible first, then needs-review, then the "
                "rest (scored, for reference), invalid last; ties broken by each dimension, then by file path."
              : "The comprehensive score of each dossier (Art. 7(4)) under the rule set's scoring model: the total "
                "out of 100, each dimension and indicator with its value, points and maximum, and the three "
                "indicators where more effort would add the most points.");
  cmd->add_option("dossiers", opt->inputs, "Dossier files, folders, or - for standard input")
      ->required()
      ->type_name("DOSSIER");
  if (ranking)
    add_common_options(*cmd, opt->common, kRankFormats,
                       "Output format: text (default), json, csv, markdown, html (one self-contained page) or xlsx "
                       "(never to a terminal); without --format, the suffix of -o says it");
  else
    add_common_options(*cmd, opt->common, kScoreFormats,
                       "Output format: text (default), json, csv, html (one self-contained page) or xlsx (never to "
                       "a terminal); without --format, the suffix of -o says it");
  cmd->add_option("-o,--output", opt->output,
                  "Write to FILE instead of standard output, atomically; its suffix gives the format when --format "
                  "is not given")
      ->type_name("FILE");
  cmd->add_option("-j,--jobs", opt->jobs, "Score on N threads (default: the number of cores)")->check(CLI::Range(1, 1024));
  cmd->add_flag("--excel", opt->excel, "csv: begin with the UTF-8 byte-order mark that Excel needs");
  cmd->callback([opt, &exit_code, ranking] { exit_code = run(*opt, ranking); });
}

}  // namespace

void add_score(CLI::App& app, int& exit_code) { add(app, exit_code, false); }
void add_rank(CLI::App& app, int& exit_code) { add(app, exit_code, true); }

}  // namespace ipz::cli
