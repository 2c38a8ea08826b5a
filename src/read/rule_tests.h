// Rule tests: YAML files under rules/<set>/tests/ that state, for a dossier,
// the verdict and the outcome of any rule it names (as cfn-guard's and
// OpenFisca's tests do). A case builds its dossier from a base dossier file
// plus changes a policy expert can read:
//
//   base: dossiers/base.yaml                      # relative to the test file
//   roster: {enterprises: 70, sme: 60, ...}       # optional: the default for every case;
//                                                 # rows: [...] adds rows as written after the
//                                                 # synthetic ones (high_end_industry: none
//                                                 # unless a row says)
//   cases:
//     - name: 69 enterprises with all three grounds is review
//       as_of: 2024-03-31                         # optional: pins the date
//       roster: {enterprises: 69, sme: 60, high_end: 45, valid_patents: 320, invention_patents: 160}
//       set: {zone.relaxation_grounds: {high_concentration: [a.pdf], distinctive_model: [b.pdf], ip_work_plan: [c.pdf]}}
//       remove: [operator.credit]
//       expect: {verdict: needs-review, art5.2.count: review}
//
// A case may give `dossier:` (a path, or an inline map) instead of the base.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "read/yaml_tree.h"
#include "util/date.h"
#include "util/diagnostic.h"

namespace ipz {

// The largest synthetic roster a case may ask for (roster: {enterprises: N}):
// a rule test needs a few hundred rows; a larger N is an error, not a run
// out of memory.
inline constexpr long long kMaxSyntheticRoster = 100000;

struct RuleTestCase {
  std::string name;
  Location where;
  std::string file;  // the test file
  YamlNode dossier;  // the dossier, built
  std::string dossier_file;  // where it came from (an enterprises_file is relative to it)
  std::optional<Date> as_of;
  std::string expected_verdict;                        // empty: not checked
  std::vector<std::pair<std::string, std::string>> expected_outcomes;  // rule id -> outcome
};

// Reads every *.yaml under dir (sorted); problems go to diags. A synthetic
// roster's high-end rows name `industry:`, else default_industry (the runner
// passes the first entry of the rule set's taxonomy).
std::vector<RuleTestCase> load_rule_tests(const std::string& dir, const std::string& default_industry,
                                          Diagnostics& diags);

}  // namespace ipz
