// Roster classification: for each row of the roster, whether it counts as an
// SME (as declared, or by the SME size standard from its size figures) and
// whether it is in a Beijing high-end industry (by the rule set's taxonomy,
// aliases included). The facts tally these; `check --detail` shows them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dossier.h"
#include "model/rule_set.h"
#include "util/diagnostic.h"

namespace ipz {

struct RosterRow {
  const Enterprise* enterprise = nullptr;
  std::string label;  // how messages name the row: enterprises[3], or roster.csv:14

  std::optional<bool> sme;  // nullopt: neither declared nor decidable from the figures
  // The row's industry is one the size standard does not cover (金融业 ...) and
  // it declares nothing: a human decides (sme stays nullopt).
  bool sme_review = false;
  enum class SmeBasis { none, declared, size_standard } sme_basis = SmeBasis::none;
  // Why, as the report words it: a catalogue key (detail.sme_below ...) and its args.
  std::string sme_reason_key;
  MessageArgs sme_reason;
  // What would decide an undecided row: the fields to add (its sector, or a
  // measure), each as the roster names it (enterprises[3].sector).
  std::vector<std::string> sme_missing;

  std::optional<bool> high_end;  // nullopt: not said
  std::string high_end_entry;    // the taxonomy entry it counts under
  bool high_end_unknown = false; // a name outside the taxonomy (counted as not high-end)
};

// Classifies every row (duplicates included; their duplicate_of says so).
// Data-check warnings (a flag that disagrees with the figures, an unknown
// sector or industry name) go to warnings.
std::vector<RosterRow> classify_roster(const Dossier& dossier, const RuleSet& rules, Diagnostics& warnings);

}  // namespace ipz
