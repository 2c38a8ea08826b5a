// Comparing two rule sets over the same dossiers (see rule_diff.h).
#include "evaluate/rule_diff.h"

namespace ipz {

std::vector<RuleChange> rule_changes(const RuleOutcomes& before, const RuleOutcomes& after) {
  std::map<std::string, Outcome> old_by_id, new_by_id;
  for (const auto& [id, o] : before) old_by_id.emplace(id, o);
  for (const auto& [id, o] : after) new_by_id.emplace(id, o);
  std::vector<std::string> order;
  for (const auto& [id, o] : before) order.push_back(id);
  for (const auto& [id, o] : after)
    if (!old_by_id.count(id)) order.push_back(id);
  std::vector<RuleChange> out;
  for (const auto& id : order) {
    auto x = old_by_id.find(id), y = new_by_id.find(id);
    std::string ox = x != old_by_id.end() ? std::string(outcome_name(x->second)) : "-";
    std::string oy = y != new_by_id.end() ? std::string(outcome_name(y->second)) : "-";
    if (ox != oy) out.push_back({id, ox, oy, ""});
  }
  return out;
}

void RuleDiff::add(DossierChange&& change) {
  ++total;
  if (change.before != change.after) {
    transitions[std::string(verdict_name(change.before)) + " → " + std::string(verdict_name(change.after))]++;
    changed.push_back(std::move(change));
  } else if (!change.rules.empty()) {
    ++outcome_only;
  }
}

std::string RuleDiff::transitions_text() const {
  std::string summary;
  for (const auto& [t, n] : transitions) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + t;
  return summary.empty() ? "-" : summary;
}

}  // namespace ipz
