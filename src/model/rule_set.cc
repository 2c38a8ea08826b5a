// Look-ups on rule set data (see rule_set.h).
#include "model/rule_set.h"

#include "model/scoring.h"

namespace ipz {

const ParameterValue* Parameter::in_force(Date on) const {
  const ParameterValue* found = nullptr;
  for (const auto& v : values)
    if (v.since <= on) found = &v;
  return found;
}

std::optional<std::string> Table::resolve(const std::string& text) const {
  for (const auto& e : entries)
    if (e == text) return e;
  if (auto it = aliases.find(text); it != aliases.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> Table::all_names() const {
  std::vector<std::string> out = entries;
  for (const auto& [alias, entry] : aliases) out.push_back(alias);
  return out;
}

const ScoringVersion* ScoringModel::in_force(Date on) const {
  const ScoringVersion* found = versions.empty() ? nullptr : &versions.front();
  for (const auto& v : versions)
    if (v.since <= on) found = &v;
  return found;
}

}  // namespace ipz
