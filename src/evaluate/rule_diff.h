// `ipzone rules diff OLD NEW DOSSIER...`: the same dossiers judged under two
// rule sets, and what changed: each dossier's verdict, and each rule whose
// outcome differs. The comparison and the tally are here; the caller judges
// the dossiers (and fills each change's message in the report's language),
// and report/rule_diff_format.h renders the result as text, JSON or Markdown.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evaluate/evaluator.h"

namespace ipz {

// Each rule's outcome for one dossier, in rule set order (empty when the
// dossier could not be judged).
using RuleOutcomes = std::vector<std::pair<std::string, Outcome>>;

// A rule whose outcome differs: "-" for a rule the other set does not have.
struct RuleChange {
  std::string id, before, after;
  std::string message;  // the rule's message under the new set (the old one's for a rule removed)
};

struct DossierChange {
  std::string file, name;
  Verdict before = Verdict::invalid, after = Verdict::invalid;
  std::vector<RuleChange> rules;
};

// The rules whose outcome differs, in the old set's order, then the rules
// only the new set has; messages are left empty.
std::vector<RuleChange> rule_changes(const RuleOutcomes& before, const RuleOutcomes& after);

// The tally of a whole diff, dossier by dossier in input order.
struct RuleDiff {
  int total = 0;         // dossiers compared
  int outcome_only = 0;  // dossiers whose verdict stayed but some outcome changed
  std::vector<DossierChange> changed;      // the dossiers whose verdict changed, in input order
  std::map<std::string, int> transitions;  // "eligible → ineligible" -> how many

  void add(DossierChange&& change);
  // "2 eligible → ineligible, 1 needs-review → eligible", or "-" when none.
  std::string transitions_text() const;
};

}  // namespace ipz
