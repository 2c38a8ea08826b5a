// `ipzone rules doc`: a rule set rendered as one Markdown document, clause by
// clause (as Catala's literate output): the article's words, then the checks
// that implement them, the parameters with every dated value and its source,
// and the facts they use. Deterministic, so that a committed copy can be
// compared with a fresh one.
#pragma once

#include <ostream>

#include "model/rule_set.h"
#include "model/catalogue.h"

namespace ipz {

void write_rule_doc(const RuleSet& rules, const Catalogue& cat, std::ostream& out);

}  // namespace ipz
