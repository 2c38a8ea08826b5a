// Running a rule set's own tests (see rule_test_run.h).
#include "evaluate/rule_test_run.h"

#include <set>

#include "evaluate/score.h"
#include "model/scoring.h"
#include "util/number.h"

namespace ipz {

namespace {

// The points a case's "score" or "score.DIMENSION" names, as shown; empty
// when the score has no such dimension.
std::string points_named(const Score& score, const std::string& id) {
  std::string points;
  if (id == "score") points = format_points(score.total);
  for (const auto& ds : score.dimensions)
    if (id == "score." + ds.dimension->id) points = format_points(ds.points);
  return points;
}

void check_score(const RuleSet& rules, const RuleTestRun& run, std::optional<Score>& score, const std::string& id,
                 const std::string& expected, std::vector<RuleTestMismatch>& out) {
  using K = RuleTestMismatch::Kind;
  if (!rules.scoring || !run.facts) {
    out.push_back({K::no_score, id, expected, ""});
    return;
  }
  if (!score) score = score_dossier(*rules.scoring, *run.facts);
  const std::string points = points_named(*score, id);
  if (points.empty()) {
    out.push_back({K::unknown_rule, id, expected, ""});
    return;
  }
  auto want = parse_number(expected);
  if (!want || format_points(want->num * 100 / want->den) != points) out.push_back({K::score, id, expected, points});
}

RuleTestRun run_case(const RuleSet& rules, const std::set<std::string>& ids, const RuleTestCase& c, Date today) {
  using K = RuleTestMismatch::Kind;
  RuleTestRun run;
  run.test = &c;
  run.loaded = load_dossier(c.dossier, c.dossier_file);
  if (run.loaded.dossier) {
    const Dossier& d = *run.loaded.dossier;
    run.facts = derive_facts(d, evaluation_date(c.as_of, d, today), rules);
    run.evaluation = evaluate(rules, *run.facts);
    run.verdict = run.evaluation.verdict;
  }
  if (!c.expected_verdict.empty() && c.expected_verdict != verdict_name(run.verdict))
    run.mismatches.push_back({K::verdict, "", c.expected_verdict, std::string(verdict_name(run.verdict))});
  std::optional<Score> score;  // computed when a case pins one
  for (const auto& [id, expected] : c.expected_outcomes) {
    if (id == "score" || id.rfind("score.", 0) == 0) {
      check_score(rules, run, score, id, expected, run.mismatches);
      continue;
    }
    if (!ids.count(id)) {
      run.mismatches.push_back({K::unknown_rule, id, expected, ""});
      continue;
    }
    for (const RuleResult& r : run.evaluation.results) {
      if (r.rule->id != id || outcome_name(r.outcome) == expected) continue;
      run.mismatches.push_back({K::outcome, id, expected, std::string(outcome_name(r.outcome))});
    }
  }
  return run;
}

}  // namespace

std::vector<RuleTestRun> run_rule_tests(const RuleSet& rules, const std::vector<RuleTestCase>& cases, Date today) {
  std::set<std::string> ids;
  for (const Article& a : rules.articles)
    for (const Rule& r : a.rules) ids.insert(r.id);
  std::vector<RuleTestRun> runs;
  runs.reserve(cases.size());
  for (const RuleTestCase& c : cases) runs.push_back(run_case(rules, ids, c, today));
  return runs;
}

}  // namespace ipz
