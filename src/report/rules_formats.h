// The outputs of `ipzone rules list | test | diff` (rules doc: rule_doc.h;
// rules lint: the diagnostics, text or SARIF): the rule set's rules as text
// or JSON, the runs of its own tests as text or JUnit, and a diff of two rule
// sets over the same dossiers as text, JSON or Markdown.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "evaluate/rule_diff.h"
#include "evaluate/rule_test_run.h"
#include "model/catalogue.h"
#include "model/rule_set.h"

namespace ipz {

// rules list: format "text" or "json".
void write_rule_list(const RuleSet& rules, const std::string& format, Lang lang, std::ostream& out);

// rules test: format "text" or "junit"; tests_dir is named in the text's heading.
void write_rule_tests(const std::vector<RuleTestRun>& runs, const RuleSet& rules, const std::string& tests_dir,
                      const std::string& format, Lang lang, const Catalogue& cat, std::ostream& out);

// The two rule sets a diff compares.
struct RuleDiffSides {
  std::string old_path, new_path;
  const RuleSet* before = nullptr;
  const RuleSet* after = nullptr;
};

// rules diff: format "text", "json" or "markdown".
void write_rule_diff(const RuleDiff& diff, const RuleDiffSides& sides, const std::string& format, Lang lang,
                     const Catalogue& cat, std::ostream& out);

}  // namespace ipz
