// The vocabulary of facts: every fact a rule file may name, its type, the
// dossier field behind it and how facts/facts.cc computes it. The rule loader
// checks rule files against it; `ipzone explain` prints it.
#pragma once

#include <string_view>
#include <vector>

namespace ipz {

// share: count / total, compared as a percent; ratio: count / total as such
// (invention patents per enterprise).
enum class FactType { count, share, ratio, boolean, text, text_list, date, date_list };

std::string_view fact_type_name(FactType t);

struct FactInfo {
  std::string_view name;
  FactType type;
  std::string_view field;  // the dossier field to fill in when the fact is missing
  std::string_view doc;    // how it is computed
};

// Every fact a rule may use.
const std::vector<FactInfo>& fact_catalogue();
const FactInfo* find_fact(std::string_view name);

}  // namespace ipz
