// Classifying roster rows (see roster_classification.h).
#include "facts/roster_classification.h"

#include "util/similarity.h"

namespace ipz {

namespace {

const std::optional<Number>& measure_of(const SizeFigures& s, const std::string& measure) {
  if (measure == "employees") return s.employees;
  if (measure == "revenue_10k_yuan") return s.revenue;
  return s.assets;
}

// The SME size standard applied to a row's figures: SME when strictly below
// the ceiling on any listed measure; not an SME when at or above every one;
// undecided when a measure that could make it an SME is not given.
void classify_by_size(const Enterprise& e, const SmeStandard& standard, RosterRow& row, Diagnostics& warnings) {
  const SizeFigures& size = *e.size;
  const SmeSector* sector = size.sector ? standard.find(*size.sector) : nullptr;
  if (!sector) {
    sector = standard.find(standard.fallback);
    warnings.push_back({Severity::warning, e.where, size.sector ? "dossier.sector_unknown" : "dossier.sector_absent",
                        {{"row", row.label}, {"name", e.name}, {"value", size.sector.value_or("")},
                         {"fallback", standard.fallback}}});
    if (!sector) return;
  }
  row.sme_sector = sector->id;
  bool all_given = true;
  MessageArgs at_or_above;
  for (const auto& [measure, ceiling] : sector->sme_below) {
    const auto& value = measure_of(size, measure);
    if (!value) {
      all_given = false;
      continue;
    }
    if (less(*value, ceiling)) {
      row.sme = true;
      row.sme_reason = {{"measure", "\x01measure." + measure}, {"value", value->text}, {"ceiling", ceiling.text},
                        {"sector", sector->id}};
      return;
    }
    at_or_above = {{"measure", "\x01measure." + measure}, {"value", value->text}, {"ceiling", ceiling.text},
                   {"sector", sector->id}};
  }
  if (all_given) {
    row.sme = false;
    row.sme_reason = at_or_above;
  }
}

}  // namespace

std::vector<RosterRow> classify_roster(const Dossier& d, const RuleSet& rules, Diagnostics& warnings) {
  const Table* taxonomy = rules.table(rules.taxonomy);
  std::vector<RosterRow> rows;
  rows.reserve(d.enterprises.size());
  for (const Enterprise& e : d.enterprises) {
    RosterRow row;
    row.enterprise = &e;
    row.label = e.where.file == d.file ? "enterprises[" + std::to_string(e.row) + "]"
                                       : e.where.file + ":" + std::to_string(e.where.line);
    if (e.duplicate_of != 0) {
      rows.push_back(std::move(row));
      continue;
    }
    // SME: the size standard decides where the figures suffice; else the declaration.
    if (e.size && rules.sme_standard) classify_by_size(e, *rules.sme_standard, row, warnings);
    if (row.sme) {
      row.sme_basis = RosterRow::SmeBasis::size_standard;
      if (e.sme && *e.sme != *row.sme) {
        MessageArgs args = row.sme_reason;
        args.insert(args.end(), {{"row", row.label}, {"name", e.name},
                                 {"declared", *e.sme ? "\x01value.true" : "\x01value.false"},
                                 {"classified", *row.sme ? "\x01value.true" : "\x01value.false"}});
        warnings.push_back({Severity::warning, e.where, "dossier.sme_disagrees", std::move(args)});
      }
    } else if (e.sme) {
      row.sme = e.sme;
      row.sme_basis = RosterRow::SmeBasis::declared;
    }
    // High-end industry: the taxonomy in force, aliases included.
    if (e.high_end_industry) {
      if (e.high_end_industry->empty()) {
        row.high_end = false;
      } else if (auto entry = taxonomy ? taxonomy->resolve(*e.high_end_industry) : std::nullopt) {
        row.high_end = true;
        row.high_end_entry = *entry;
      } else {
        row.high_end = false;
        row.high_end_unknown = true;
        auto near = taxonomy ? closest_names(*e.high_end_industry, taxonomy->all_names(), 3)
                             : std::vector<std::string>{};
        MessageArgs args = {{"row", row.label}, {"name", e.name}, {"value", *e.high_end_industry}};
        for (auto& a : suggestion_args(near, "hint.close_names")) args.push_back(std::move(a));
        warnings.push_back({Severity::warning, e.high_end_where, "dossier.unknown_industry", std::move(args)});
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ipz
