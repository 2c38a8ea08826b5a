// The operators a rule may use (see operators.h).
#include "model/operators.h"

namespace ipz {

const std::vector<OperatorInfo>& operator_catalogue() {
  using T = FactType;
  using N = OperandNeed;
  static const std::vector<OperatorInfo> ops = {
      {"at_least", {T::count, T::share}, N::number, "≥",
       "count >= value; share: count * 100 >= value * total, in integers (an empty total fails)",
       {"", ".bound", ".need", ".need_add", ".need_percent"}},
      {"more_than", {T::count, T::share}, N::number, ">", "count > value; share: count * 100 > value * total",
       {"", ".bound", ".need", ".need_add", ".need_percent"}},
      {"at_most", {T::count}, N::number, "≤", "count <= value", {"", ".bound", ".need"}},
      {"less_than", {T::count}, N::number, "<", "count < value", {"", ".bound", ".need"}},
      {"equals", {T::count, T::text}, N::list, "=", "count == value, or text == the single value given",
       {"", ".bound", ".need"}},
      {"is_true", {T::boolean}, N::none, "= true", "the flag is true", {""}},
      {"is_false", {T::boolean}, N::none, "= false", "the flag is false", {""}},
      {"one_of", {T::text}, N::list_or_table, "∈",
       "the text is an item of the list, or an entry or alias of the table (as written, or in a form the table's normalise steps give it)",
       {"", ".entry", ".did_you_mean"}},
      {"all_one_of", {T::text_list}, N::list_or_table, "⊆",
       "every item of the list is an item of the value list, or an entry or alias of the table (as for one_of)",
       {"", ".items", ".bound", ".did_you_mean"}},
      {"contains_all", {T::text_list}, N::list, "⊇", "the list holds every item of the value",
       {"", ".items", ".bound"}},
      {"not_empty", {T::text, T::text_list}, N::none, "≠ ∅", "the text or list is not empty", {""}},
      {"years_since_at_least", {T::date}, N::number, "≥",
       "date + value years <= as_of (calendar years; 29 February + N years is 28 February in a common year)",
       {"", ".years", ".bound", ".need", ".days"}},
      {"none_in_last_years", {T::date_list}, N::number, "∉",
       "no date in the half-open window (as_of - value years, as_of]: the value years that end on as_of (Civil Code Arts. 201-202)", {"", ".items", ".bound", ".until"}},
      {"none_within_years_after", {T::date_list}, N::number, "∉",
       "no date d with d <= as_of <= d + value years: a bar that runs through the corresponding day value years after d (Civil Code Arts. 201-202); the first day free of it is the day after",
       {"", ".items", ".bound", ".until"}},
      {"none_up_to_as_of", {T::date_list}, N::none, "= ∅", "no date on or before as_of",
       {"", ".items", ".bound", ".until"}},
      {"reported", {T::text_list, T::date_list}, N::none, "",
       "always holds: the rule reports the items (history.change: each change with its kind and filing date), or none",
       {"", ".count"}},
  };
  return ops;
}

const OperatorInfo* find_operator(std::string_view name) {
  for (const auto& op : operator_catalogue())
    if (op.name == name) return &op;
  return nullptr;
}

std::string_view operand_unit(const OperatorInfo& op, FactType fact) {
  if (op.operand != OperandNeed::number) return "";
  switch (fact) {
    case FactType::share: return "percent";
    case FactType::date:
    case FactType::date_list: return "years";
    default: return "count";
  }
}

}  // namespace ipz
