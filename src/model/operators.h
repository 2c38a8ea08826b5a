// The vocabulary of operators: what a rule's leaf condition {fact, op, value}
// may say, which fact types each operator applies to, and what it compares
// them with. The rule loader checks rule files against it; evaluate/ gives each
// operator its meaning (see README "How the Measures are read").
#pragma once

#include <string_view>
#include <vector>

#include "model/fact_catalogue.h"

namespace ipz {

enum class OperandNeed { none, number, list, list_or_table };

struct OperatorInfo {
  std::string_view name;
  std::vector<FactType> applies_to;
  OperandNeed operand;
  // For a number operand: the unit its parameter must have, per fact type
  // (a share is compared with a percent, a count with a count, a date with years).
  std::string_view symbol;  // for the default "required" display
  std::string_view doc;
  // The placeholders a leaf {fact: F, op: this} gives its rule's messages:
  // "" is {F} itself, ".bound" is {F.bound}, and so on (rules/README.md).
  std::vector<std::string_view> provides;
};

const std::vector<OperatorInfo>& operator_catalogue();
const OperatorInfo* find_operator(std::string_view name);
// The unit a number operand must have for this operator on this fact type.
std::string_view operand_unit(const OperatorInfo& op, FactType fact);

}  // namespace ipz
