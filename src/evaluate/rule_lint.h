// Lint of a rule set, beyond what loading it checks (unknown keys, facts,
// operators, types, duplicate ids, parameter dates, missing tables): every
// {placeholder} of every message, note, actual and required text must be one
// the rule can fill, in both languages; every parameter should be used;
// equals compares a count with one whole number and a text with one text.
// Lint is part of loading a rule set from a folder (cli load_rules): a set
// with a lint error is refused, as one that does not load.
#pragma once

#include "model/rule_set.h"
#include "util/diagnostic.h"

namespace ipz {

Diagnostics lint_rule_set(const RuleSet& rules);

}  // namespace ipz
