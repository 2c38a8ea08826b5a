// Loads a rule set (a folder under rules/, or its copy embedded in the binary)
// into a RuleSet, validating it strictly: unknown keys, unknown facts or
// operators, operators applied to the wrong type of fact, unknown parameters
// or tables, duplicate ids, parameter dates out of order. Every problem is a
// Diagnostic with file:line:column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/rule_set.h"
#include "read/yaml_tree.h"
#include "util/diagnostic.h"

namespace ipz {

// One file of a rule set: its path relative to the set's folder, the name to
// show in messages, and its bytes.
struct RuleFile {
  std::string relative;  // "articles/05.yaml"
  std::string shown;     // "rules/recognition/articles/05.yaml"
  std::string text;
  // The text as parsed at build time (embedded sets): used instead of parsing
  // text again. Whoever changes text must reset tree.
  std::optional<YamlNode> tree = std::nullopt;
};

struct LoadedRules {
  std::optional<RuleSet> rules;  // nullopt when there are errors
  Diagnostics diagnostics;
};

// The files of an embedded rule set ("recognition"); empty if there is none.
std::vector<RuleFile> embedded_rule_files(const std::string& set_name);
// The names of the embedded rule sets.
std::vector<std::string> embedded_rule_sets();
// The files of a rule set folder on disk (a folder holding ruleset.yaml, or
// a folder holding exactly one such folder); false with a diagnostic otherwise.
bool read_rule_folder(const std::string& dir, std::vector<RuleFile>& out, Diagnostics& diags);

LoadedRules load_rule_set(const std::vector<RuleFile>& files, const std::string& origin);

}  // namespace ipz
