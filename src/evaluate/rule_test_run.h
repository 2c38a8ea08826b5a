// Running a rule set's own tests (read/rule_tests.h, `ipzone rules test`):
// each case's dossier read, its facts derived and the rules evaluated on the
// case's date, then every way the result differs from what the case expects
// (its verdict, a rule's outcome, a score). Nothing here prints:
// report/rule_test_format.h renders the runs as text or JUnit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/evaluator.h"
#include "facts/facts.h"
#include "model/rule_set.h"
#include "read/dossier_loader.h"
#include "read/rule_tests.h"

namespace ipz {

// One way a case's result differs from what it expects.
struct RuleTestMismatch {
  enum class Kind {
    verdict,       // the dossier's verdict: expected, got
    outcome,       // rule id's outcome: expected, got (the rule's message is shown with it)
    score,         // "score" or "score.DIMENSION": expected, got (points, "26.90")
    unknown_rule,  // the case names a rule or score dimension the set does not have
    no_score,      // the case pins a score, and the set has no scoring model (or the dossier did not load)
  };
  Kind kind = Kind::verdict;
  std::string id;  // the rule or score id the case names; empty for the verdict
  std::string expected, got;
};

// One case, run.
struct RuleTestRun {
  const RuleTestCase* test = nullptr;
  LoadedDossier loaded;         // the case's dossier, and what reading it found
  std::optional<Facts> facts;   // when the dossier loaded
  Evaluation evaluation;        // when the dossier loaded
  Verdict verdict = Verdict::invalid;
  std::vector<RuleTestMismatch> mismatches;

  bool passed() const { return mismatches.empty(); }
};

// Runs every case, in order; a case without as_of (and a dossier without) is judged on today.
std::vector<RuleTestRun> run_rule_tests(const RuleSet& rules, const std::vector<RuleTestCase>& cases, Date today);

}  // namespace ipz
