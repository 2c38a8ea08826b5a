// Evaluation: a rule set applied to the facts of one dossier. Each rule ends
// in an Outcome (pass | fail | review | missing) with the values its messages
// need; the dossier's Verdict combines them. Nothing here prints: the report
// renders the result in the user's language.
#pragma once

#include <string>
#include <vector>

#include "facts/facts.h"
#include "model/rule_set.h"
#include "util/diagnostic.h"

namespace ipz {

// A dossier's verdict, from best to worst.
enum class Verdict { eligible, needs_review, incomplete, ineligible, invalid };

std::string_view verdict_name(Verdict v);  // "eligible", "needs-review", ...
std::string_view outcome_name(Outcome o);  // "pass", "fail", ...

// The value of a parameter that an evaluation used.
struct ParameterUse {
  const Parameter* parameter = nullptr;
  const ParameterValue* value = nullptr;
};

// A numeric comparison made by a rule's check: a count or a share against a
// lower bound, or a period against its years. A gauge draws it and a
// spreadsheet holds it as a number. There is one for each leaf of the check
// that measured_leaves() names, in that order, whether or not its fact is known.
struct Measure {
  const Condition* leaf = nullptr;  // its label names the measure
  FactType type = FactType::count;  // count | share | date
  bool known = false;               // false: the dossier lacks the data
  bool passed = false;
  long long count = 0, total = 0;  // count: the count; share: count of total; date: days elapsed, days needed
  Number bound;                    // count: the bound; share: a percent; date: years
  long long need = 0;              // count, share: how many more; date: days left
  long long need_add = 0;          // share: how many more qualifying enterprises added (-1: none would do)
  long long years = 0;             // date: whole years elapsed
};

// The leaves of a check that make a Measure: at_least or more_than on a
// count or a share, and years_since_at_least.
bool is_measured(const Condition& leaf);
std::vector<const Condition*> measured_leaves(const Condition& check);

struct RuleResult {
  const Rule* rule = nullptr;
  Outcome outcome = Outcome::pass;
  // Placeholder values for the rule's message templates, language-neutral:
  // {fact}, {fact.bound}, {fact.need}, {fact.need_add}, {fact.items}, ...
  MessageArgs args;
  std::vector<const Condition*> failed;  // the parts that failed, with a label or a failure text
  std::vector<std::string> failed_facts;  // the facts of the leaves that failed or are missing, in order
  std::vector<std::string> missing;  // dossier fields to add
  std::vector<ParameterUse> parameters;
  std::vector<const Text*> notes;  // the rule's notes whose condition held
  std::vector<Measure> measures;   // the check's numeric comparisons (see Measure)
};

struct Evaluation {
  std::vector<RuleResult> results;  // in rule set order
  Verdict verdict = Verdict::eligible;
  // Errors (a parameter with no value: the dossier cannot be judged) and
  // warnings (an as_of before a parameter's first value, which is then used).
  Diagnostics diagnostics;
};

Evaluation evaluate(const RuleSet& rules, const Facts& facts);

// The verdict of a set of outcomes (ineligible > incomplete > needs-review > eligible).
Verdict verdict_of(const std::vector<RuleResult>& results);

}  // namespace ipz
