// Facts: the named quantities the rules check, derived from a Dossier on an
// evaluation date (as_of). Each fact is computed here, in C++, once per
// dossier; the rules only compare them. model/fact_catalogue.h lists the
// facts a rule file may name, with their types and how each is computed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/roster_classification.h"
#include "model/dossier.h"
#include "model/fact_catalogue.h"
#include "model/rule_set.h"
#include "util/date.h"
#include "util/diagnostic.h"

namespace ipz {

struct FactValue {
  FactType type = FactType::count;
  bool known = false;                // false: the dossier lacks the data
  std::vector<std::string> missing;  // the fields to add (when !known)
  long long count = 0;               // count; share numerator
  long long total = 0;               // share denominator
  bool flag = false;                 // boolean
  std::string text;                  // text
  std::vector<std::string> texts;    // text_list
  Date date;                         // date
  std::vector<Date> dates;           // date_list
};

struct Facts {
  Date as_of;
  std::map<std::string, FactValue, std::less<>> values;
  std::vector<RosterRow> roster;  // how each roster row was classified
  Diagnostics warnings;  // data checks that need the evaluation date or the rule set's tables
  const FactValue* get(std::string_view name) const {
    auto it = values.find(name);
    return it == values.end() ? nullptr : &it->second;
  }
};

Facts derive_facts(const Dossier& dossier, Date as_of, const RuleSet& rules);

// The evaluation date of a dossier: as_of (--as-of, or a rule test's), else
// the dossier's as_of, else today (the run's date, taken once for the run).
Date evaluation_date(const std::optional<Date>& as_of, const Dossier& dossier, Date today);
// Where that date comes from: "option", "dossier" or "today".
const char* evaluation_date_source(const std::optional<Date>& as_of, const Dossier& dossier);

}  // namespace ipz
