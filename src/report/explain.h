// `ipzone explain RULE-ID`: a rule shown for a person: its clause, the
// article's words, the check in plain terms, the parameters in force on a
// date (with the date each took effect and its source), and how each fact it
// uses is computed. Also used to render a rule set as a document.
#pragma once

#include <ostream>
#include <string>

#include "model/rule_set.h"
#include "model/catalogue.h"
#include "util/date.h"

namespace ipz {

// The same as one JSON object: id, clause, title, text, check and review_when
// as condition trees ({"all": [...]}, {"fact", "op", "value"|"param"|"table"}),
// the parameters with the value in force and their history, the facts.
void write_explanation_json(const Rule& rule, const RuleSet& rules, Date as_of, Lang lang, std::ostream& out);

// The condition in one line per leaf, indented by nesting ("all of:", ...).
std::string describe_condition(const Condition& c, const RuleSet& rules, Lang lang, const Catalogue& cat,
                               int depth = 0);

void write_explanation(const Rule& rule, const RuleSet& rules, Date as_of, Lang lang, const Catalogue& cat,
                       std::ostream& out);

// Every fact a condition uses, once each, in order of use.
std::vector<std::string> facts_used(const Condition& c);
// Every parameter a condition uses, once each, in order of use.
std::vector<std::string> parameters_used(const Condition& c);

}  // namespace ipz
