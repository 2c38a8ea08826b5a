// `ipzone score DOSSIER...` and `ipzone rank DOSSIER...`: the comprehensive
// score of Art. 7(4) under the rule set's scoring model (rules/<set>/
// scoring.yaml), dossier by dossier, or as a ranking in the order of
// evaluate/ranking.h.
#include "evaluate/score.h"

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/run_date.h"
#include "evaluate/evaluator.h"
#include "evaluate/ranking.h"
#include "facts/facts.h"
#include "model/scoring.h"
#include "read/catalogue_loader.h"
#include "report/score_formats.h"

namespace ipz::cli {

namespace {

struct ScoreOptions {
  CommonOptions common;
  InputOptions inputs;
  FailOptions fail;
  bool excel = false;
  bool quiet = false;
  int jobs = 0;
};

RankKey key_of(const ScoredDossier& d) { return {d.verdict, d.score ? &*d.score : nullptr, d.file}; }

int run(ScoreOptions opt, bool ranking) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.common.language();
  const char* command = ranking ? "rank" : "score";
  if (!settle_format(opt.common, command)) return kExitInvalid;
  if (int bad = check_combinations(command, opt.common, &opt.fail, {{"--excel", opt.excel}}, lang, cat)) return bad;
  std::optional<InputList> inputs = collect_inputs(opt.inputs, command, lang, cat);
  if (!inputs) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;
  if (!rules->scoring) {
    std::cerr << "ipzone " << command << ": " << cat.render("score.no_model", {{"set", rules->name}}, lang) << "\n";
    return kExitInvalid;
  }
  const std::optional<RunDate> date = run_date(opt.common, *rules, command);
  if (!date) return kExitInvalid;
  const EvaluateOptions eval{opt.common.as_of, false, date->today, date->zone};
  std::vector<ScoredDossier> scored;
  Report tally;  // the verdicts, for the exit code (the same as check's)
  Progress progress(inputs->size(), progress_wanted(opt.quiet), std::cout, lang, cat);
  for_each_in_order<ScoredDossier>(
      *inputs, thread_count(opt.jobs),
      [&](const Input& in) {
        LoadedInput loaded = load_input(in);
        std::optional<Facts> facts;
        DossierReport report = judge(loaded, *rules, eval, lang, cat, &facts);
        ScoredDossier s;
        s.file = report.file;
        s.name = report.name;
        s.as_of = report.as_of;
        s.as_of_source = report.as_of_source;
        s.time_zone = report.time_zone;
        s.as_of_note = report.as_of_note;
        s.verdict = report.verdict;
        s.errors = std::move(report.errors);
        if (facts) {
          try {
            s.score = score_dossier(*rules->scoring, *facts);
          } catch (...) {  // this dossier is invalid, the others are scored
            s.verdict = Verdict::invalid;
            s.errors = report_invalid(s.file, s.name, {failure(s.file, std::current_exception())}, lang, cat).errors;
          }
        }
        return s;
      },
      [&](ScoredDossier&& s) {
        tally.summary[static_cast<std::size_t>(s.verdict)]++;
        scored.push_back(std::move(s));
        progress.step();
      });
  progress.clear();
  ScoreOutput so;
  so.format = opt.common.format;
  so.lang = lang;
  so.excel = opt.excel;
  so.rule_set = rules->name;
  so.rule_set_version = rules->version;
  so.model = rules->scoring.get();
  return write_output(opt.common, command, [&](std::ostream& out, std::string& error) {
    if (ranking) {
      std::stable_sort(scored.begin(), scored.end(), [](const ScoredDossier& a, const ScoredDossier& b) {
        return ranks_before(key_of(a), key_of(b));
      });
      for (std::size_t i = 0; i < scored.size(); ++i) scored[i].rank = static_cast<int>(i + 1);
      if (so.format == "xlsx")
        write_ranking_xlsx(scored, so, cat, out, error);
      else
        write_ranking(scored, so, cat, out);
    } else {
      if (so.format == "xlsx")
        write_scores_xlsx(scored, so, cat, out, error);
      else
        write_scores(scored, so, cat, out);
    }
    return exit_code(tally, opt.fail.threshold());
  });
}

void add(CLI::App& app, int& exit_code, bool ranking) {
  auto opt = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      ranking ? "rank" : "score",
      ranking ? "Rank dossiers by their comprehensive score (Art. 7(4)): eligible first, then needs-review, then the "
                "rest (scored, for reference), invalid last; ties broken by each dimension, then by file path. "
                "Exit codes as for check: 0 all eligible or needs-review; 1 any ineligible or incomplete (see "
                "--fail-on); 2 any invalid, or a usage error."
              : "The comprehensive score of each dossier (Art. 7(4)) under the rule set's scoring model: the total "
                "out of 100, each dimension and indicator with its value, points and maximum, and the three "
                "indicators where more effort would add the most points. Exit codes as for check: 0 all eligible or "
                "needs-review; 1 any ineligible or incomplete (see --fail-on); 2 any invalid, or a usage error.");
  add_input_options(*cmd, opt->inputs);
  add_common_options(*cmd, opt->common);
  if (ranking)
    add_output_options(*cmd, opt->common, {"text", "json", "csv", "markdown", "html", "xlsx"},
                       "text (default), json, csv, markdown, html (one self-contained page) or xlsx (never to a "
                       "terminal)");
  else
    add_output_options(*cmd, opt->common, {"text", "json", "csv", "html", "xlsx"},
                       "text (default), json, csv, html (one self-contained page) or xlsx (never to a terminal)");
  add_jobs_option(*cmd, opt->jobs, "Score");
  add_fail_options(*cmd, opt->fail);
  cmd->add_flag("--excel", opt->excel, "With --format csv: begin with the UTF-8 byte-order mark that Excel needs");
  cmd->add_flag("-q,--quiet", opt->quiet,
                "No progress line on a terminal; the report itself, in every format, is never shortened (each "
                "dossier's score is the result)");
  cmd->callback([opt, &exit_code, ranking] { exit_code = run(*opt, ranking); });
}

}  // namespace

void add_score(CLI::App& app, int& exit_code) { add(app, exit_code, false); }
void add_rank(CLI::App& app, int& exit_code) { add(app, exit_code, true); }

}  // namespace ipz::cli
