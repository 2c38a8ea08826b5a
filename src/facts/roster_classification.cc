// Classifying roster rows (see roster_classification.h).
#include "facts/roster_classification.h"

#include <algorithm>

#include "util/similarity.h"

namespace ipz {

namespace {

const std::optional<Number>& measure_of(const SizeFigures& s, const std::string& measure) {
  if (measure == "employees") return s.employees;
  if (measure == "revenue_10k_yuan") return s.revenue;
  return s.assets;
}

// The standard applied to a row's figures under one sector: SME when strictly
// below the ceiling on any listed measure; not an SME when at or above every
// one; undecided when a measure that could make it an SME is not given.
struct UnderSector {
  const SmeSector* sector = nullptr;
  std::optional<bool> sme;
  MessageArgs reason;                // {sector, measure, value, ceiling}
  std::vector<std::string> lacking;  // the measures not given
};

UnderSector apply(const SmeSector& sector, const SizeFigures& size) {
  UnderSector u;
  u.sector = &sector;
  for (const auto& [measure, ceiling] : sector.sme_below) {
    const auto& value = measure_of(size, measure);
    if (!value) {
      u.lacking.push_back(measure);
      continue;
    }
    MessageArgs reason = {{"sector", both_languages(sector.title)}, {"measure", "\x01measure." + measure},
                          {"value", value->text}, {"ceiling", ceiling.text}};
    if (less(*value, ceiling)) {
      u.sme = true;
      u.reason = std::move(reason);
      u.lacking.clear();
      return u;
    }
    u.reason = std::move(reason);
  }
  if (u.lacking.empty()) u.sme = false;
  return u;
}

// The sectors' titles, joined, in both languages.
std::string titles(const std::vector<const UnderSector*>& under) {
  Text joined;
  for (const UnderSector* u : under) {
    joined.zh += (joined.zh.empty() ? "" : "、") + u->sector->title.zh;
    joined.en += (joined.en.empty() ? "" : ", ") + u->sector->title.en;
  }
  return both_languages(joined);
}

// How a message names the row: its position, its name, its USCC where given.
MessageArgs who(const Enterprise& e, const RosterRow& row) {
  MessageArgs args = {{"row", row.label}, {"name", e.name}};
  if (e.uscc) args.insert(args.end(), {{"uscc", *e.uscc}, {"who", "\x01roster.who_uscc"}});
  else args.emplace_back("who", "\x01roster.who");
  return args;
}

// The row's size figures, as a message lists them.
void add_figures(MessageArgs& args, const SizeFigures& size) {
  std::string list = "\x03";
  for (auto [measure, value] : {std::pair{"employees", &size.employees}, std::pair{"revenue_10k_yuan", &size.revenue},
                                std::pair{"assets_10k_yuan", &size.assets}}) {
    if (!*value) continue;
    list += std::string(list.size() > 1 ? "\x1f" : "") + "figure." + measure;
    args.emplace_back(measure, (*value)->text);
  }
  args.emplace_back("figures", list.size() > 1 ? list : "\x01" "figure.none");
}

// The SME size standard applied to a row under every sector its `sector` may
// be (see sme_standard.h): decided when every candidate agrees.
void classify_by_size(const Enterprise& e, const SmeStandard& standard, RosterRow& row, Diagnostics& warnings) {
  const SizeFigures& size = *e.size;
  const SectorLookup found = standard.lookup(size.sector.value_or(""));
  MessageArgs args = who(e, row);
  args.emplace_back("value", size.sector.value_or(""));
  args.emplace_back("sector_said", size.sector ? "\x01roster.sector_said" : "\x01roster.sector_absent");
  if (size.sector && !found.known) {
    MessageArgs w = args;
    auto near = closest_names(*size.sector, standard.all_names(), 3);
    for (auto& a : suggestion_args(near, "hint.close_names")) w.push_back(std::move(a));
    warnings.push_back({Severity::warning, e.where, "dossier.sector_unknown", std::move(w)});
  }
  if (found.known && found.candidates.empty()) {
    // An industry the standard does not cover: the declaration stands, else a human decides.
    args.emplace_back("industry", both_languages(found.industry->title));
    args.emplace_back("reason", both_languages(found.industry->not_covered));
    row.sme_reason_key = "detail.sme_review";
    row.sme_reason = args;
    if (e.sme) {
      args.emplace_back("declared", *e.sme ? "\x01value.true" : "\x01value.false");
      warnings.push_back({Severity::warning, e.where, "dossier.sector_not_covered_declared", std::move(args)});
    } else {
      row.sme_review = true;
      warnings.push_back({Severity::warning, e.where, "dossier.sector_not_covered", std::move(args)});
    }
    return;
  }
  std::vector<UnderSector> under;
  for (const SmeSector* s : found.candidates) under.push_back(apply(*s, size));
  std::vector<const UnderSector*> yes, no, open;
  for (const UnderSector& u : under) (u.sme ? (*u.sme ? yes : no) : open).push_back(&u);
  if (open.empty() && (yes.empty() || no.empty()) && !under.empty()) {
    row.sme = no.empty();
    if (under.size() == 1) {
      row.sme_reason_key = *row.sme ? "detail.sme_below" : "detail.sme_not_below";
      row.sme_reason = under.front().reason;
    } else {
      row.sme_reason_key = *row.sme ? "detail.sme_every" : "detail.not_sme_every";
      row.sme_reason = {{"sector", "\x01" "detail.every_sector"}, {"count", std::to_string(under.size())}};
    }
    return;
  }
  if (!yes.empty() && !no.empty()) {
    // The candidates disagree: only the division (大类) can decide.
    row.sme_missing = {row.label + ".sector"};
    add_figures(args, size);
    args.emplace_back("sme_sectors", titles(yes));
    args.emplace_back("not_sme_sectors", titles(no));
    row.sme_reason_key = "detail.sme_disagree";
    row.sme_reason = args;
    if (e.sme) return;  // the declaration stands (classify_roster)
    warnings.push_back({Severity::warning, e.where, "dossier.sme_sectors_disagree", std::move(args)});
    return;
  }
  // Some candidate lacks a measure that could decide it (and where the
  // sector leaves several candidates, the sector would settle which).
  row.sme_reason_key = "detail.sme_lacks";
  row.sme_reason = args;
  if (under.size() > 1) row.sme_missing.push_back(row.label + ".sector");
  for (const UnderSector* u : open)
    for (const std::string& m : u->lacking)
      if (std::find(row.sme_missing.begin(), row.sme_missing.end(), row.label + "." + m) == row.sme_missing.end())
        row.sme_missing.push_back(row.label + "." + m);
}

}  // namespace

std::vector<RosterRow> classify_roster(const Dossier& d, const RuleSet& rules, Diagnostics& warnings) {
  const Table* taxonomy = rules.table(rules.taxonomy);
  const Table* not_high_end = rules.not_high_end.empty() ? nullptr : rules.table(rules.not_high_end);
  std::vector<RosterRow> rows;
  rows.reserve(d.enterprises.size());
  for (const Enterprise& e : d.enterprises) {
    RosterRow row;
    row.enterprise = &e;
    // An inline row by its index; a CSV row as roster.csv:6; a workbook row as its place, 名录.xlsx:Sheet1!A7.
    row.label = e.where.file == d.file ? "enterprises[" + std::to_string(e.row) + "]"
                : e.where.line > 0     ? e.where.file + ":" + std::to_string(e.where.line)
                                       : e.where.file;
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
        MessageArgs named = who(e, row);
        args.insert(args.end(), named.begin(), named.end());
        args.insert(args.end(), {{"declared", *e.sme ? "\x01value.true" : "\x01value.false"},
                                 {"classified", *row.sme ? "\x01value.true" : "\x01value.false"}});
        const bool one = row.sme_reason_key == "detail.sme_below" || row.sme_reason_key == "detail.sme_not_below";
        warnings.push_back({Severity::warning, e.where, one ? "dossier.sme_disagrees" : "dossier.sme_disagrees_every",
                            std::move(args)});
      }
    } else if (e.sme) {
      // Figures that do not decide leave the declaration standing.
      row.sme = e.sme;
      row.sme_basis = RosterRow::SmeBasis::declared;
      row.sme_review = false;
      row.sme_missing.clear();
      row.sme_reason_key.clear();
    }
    // High-end industry: a word for "in none" (the rule set's not_high_end
    // table), or an empty value; else the taxonomy in force, aliases included.
    if (e.high_end_industry) {
      if (e.high_end_industry->empty() || (not_high_end && not_high_end->resolve(*e.high_end_industry))) {
        row.high_end = false;
      } else if (auto entry = taxonomy ? taxonomy->resolve(*e.high_end_industry) : std::nullopt) {
        row.high_end = true;
        row.high_end_entry = *entry;
      } else {
        row.high_end = false;
        row.high_end_unknown = true;
        auto near = taxonomy ? closest_names(*e.high_end_industry, taxonomy->all_names(), 3)
                             : std::vector<std::string>{};
        MessageArgs args = who(e, row);
        args.emplace_back("value", *e.high_end_industry);
        for (auto& a : suggestion_args(near, "hint.close_names")) args.push_back(std::move(a));
        warnings.push_back({Severity::warning, e.high_end_where, "dossier.unknown_industry", std::move(args)});
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ipz
