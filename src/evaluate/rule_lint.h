// Lint of a rule set, beyond what loading it checks (unknown keys, facts,
// operators, types, duplicate ids, parameter dates, missing tables): every
// {placeholder} of every message, note, actual and required text must be one
// the rule can fill, in both languages; every parameter should be used.
#pragma once

#include "model/rule_set.h"
#include "util/diagnostic.h"

namespace ipz {

Diagnostics lint_rule_set(const RuleSet& rules);

}  // namespace ipz
