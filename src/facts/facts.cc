// Derives the facts of a dossier (see facts.h), as model/fact_catalogue.cc
// documents them.
#include "facts/facts.h"

#include "facts/roster_classification.h"
#include "read/history_kinds.h"

namespace ipz {

namespace {

// Collects fact values, typed by the catalogue.
class FactSink {
 public:
  explicit FactSink(Facts& f) : facts_(f) {}

  FactValue& put(std::string_view name) {
    const FactInfo* info = find_fact(name);
    FactValue& v = facts_.values[std::string(name)];
    v.type = info->type;
    v.known = true;
    return v;
  }
  void missing(std::string_view name, std::vector<std::string> fields = {}) {
    FactValue& v = put(name);
    v.known = false;
    v.missing = fields.empty() ? std::vector<std::string>{std::string(find_fact(name)->field)}
                               : std::move(fields);
  }
  template <typename T>
  void optional_flag(std::string_view name, const std::optional<T>& value) {
    if (value) put(name).flag = *value;
    else missing(name);
  }
  void optional_text(std::string_view name, const std::optional<std::string>& value) {
    if (value) put(name).text = *value;
    else missing(name);
  }
  void optional_texts(std::string_view name, const std::optional<std::vector<std::string>>& value) {
    if (value) put(name).texts = *value;
    else missing(name);
  }
  void optional_date(std::string_view name, const std::optional<Date>& value) {
    if (value) put(name).date = *value;
    else missing(name);
  }
  void dates(std::string_view name, const std::vector<DatedEntry>& entries) {
    FactValue& v = put(name);
    for (const auto& e : entries) v.dates.push_back(e.date);
  }

 private:
  Facts& facts_;
};


void roster_facts(const Dossier& d, const RuleSet& rules, FactSink& sink, Facts& facts) {
  facts.roster = classify_roster(d, rules, facts.warnings);
  long long count = 0, sme = 0, sme_review = 0, high_end = 0, unknown = 0, valid = 0, invention = 0;
  std::vector<std::string> no_sme, no_industry;
  for (const RosterRow& row : facts.roster) {
    const Enterprise& e = *row.enterprise;
    if (e.duplicate_of != 0) continue;
    ++count;
    valid += e.valid_patents;
    invention += e.invention_patents;
    if (row.sme_review) ++sme_review;
    else if (!row.sme && !row.sme_missing.empty()) no_sme.insert(no_sme.end(), row.sme_missing.begin(), row.sme_missing.end());
    else if (!row.sme) no_sme.push_back(row.label + ".sme");
    else if (*row.sme) ++sme;
    if (!row.high_end) no_industry.push_back(row.label + ".high_end_industry");
    else if (*row.high_end) ++high_end;
    if (row.high_end_unknown) ++unknown;
  }
  sink.put("enterprise_count").count = count;
  sink.put("valid_patents").count = valid;
  sink.put("invention_patents").count = invention;
  FactValue& density = sink.put("invention_patents_per_enterprise");
  density.count = invention;
  density.total = count;
  // A list of the rows to fix, shortened: a roster may lack a column altogether.
  auto first_rows = [](std::vector<std::string> rows) {
    if (rows.size() > 3) {
      auto more = rows.size() - 3;
      rows.resize(3);
      rows.push_back("(+" + std::to_string(more) + ")");
    }
    return rows;
  };
  if (no_sme.empty()) {
    sink.put("sme_count").count = sme;
    FactValue& share = sink.put("sme_share");
    share.count = sme;
    share.total = count;
    sink.put("sme_review_count").count = sme_review;
    FactValue& upper = sink.put("sme_share_with_review");
    upper.count = sme + sme_review;
    upper.total = count;
  } else {
    for (auto name : {"sme_count", "sme_share", "sme_review_count", "sme_share_with_review"})
      sink.missing(name, first_rows(no_sme));
  }
  if (no_industry.empty()) {
    sink.put("high_end_count").count = high_end;
    FactValue& share = sink.put("high_end_share");
    share.count = high_end;
    share.total = count;
    sink.put("high_end_unknown_count").count = unknown;
    FactValue& upper = sink.put("high_end_share_with_unknown");
    upper.count = high_end + unknown;
    upper.total = count;
  } else {
    for (auto name : {"high_end_count", "high_end_share", "high_end_unknown_count", "high_end_share_with_unknown"})
      sink.missing(name, first_rows(no_industry));
  }

  if (d.declared) {
    auto compare = [&](std::string_view what, const std::optional<long long>& declared,
                       std::string_view fact) {
      const FactValue* v = facts.get(fact);
      if (!declared || !v || !v->known || v->count == *declared) return;
      facts.warnings.push_back({Severity::warning, d.declared->where, "dossier.declared_mismatch",
                                {{"what", std::string(what)},
                                 {"declared", std::to_string(*declared)},
                                 {"roster", std::to_string(v->count)}}});
    };
    compare("enterprise_count", d.declared->enterprise_count, "enterprise_count");
    compare("sme_count", d.declared->sme_count, "sme_count");
    compare("high_end_count", d.declared->high_end_count, "high_end_count");
    compare("valid_patents", d.declared->valid_patents, "valid_patents");
    compare("invention_patents", d.declared->invention_patents, "invention_patents");
  }
}

void warn_if_after(Facts& facts, const Location& where, std::string_view path, Date date) {
  if (date > facts.as_of)
    facts.warnings.push_back({Severity::warning, where, "dossier.date_after_as_of",
                              {{"path", std::string(path)},
                               {"date", format_date(date)},
                               {"as_of", format_date(facts.as_of)}}});
}

}  // namespace

Facts derive_facts(const Dossier& d, Date as_of, const RuleSet& rules) {
  Facts facts;
  facts.as_of = as_of;
  FactSink sink(facts);
  roster_facts(d, rules, sink, facts);

  const Zone& z = d.zone;
  sink.put("zone.district").text = z.district;
  sink.put("zone.carrier_type").text = z.carrier_type;
  sink.optional_texts("zone.industry_directions", z.industry_directions);
  sink.optional_flag("zone.ip_workstation", z.ip_workstation);
  sink.optional_texts("zone.service_functions", z.service_functions);
  sink.put("zone.relaxation_grounds").texts = z.relaxation_grounds.value_or(std::vector<std::string>{});
  // Each ground's evidence: none listed (or the ground not stated) is an empty list.
  for (auto ground : {"high_concentration", "distinctive_model", "ip_work_plan"}) {
    auto it = z.relaxation_evidence.find(ground);
    sink.put("zone.relaxation_grounds." + std::string(ground)).texts =
        it == z.relaxation_evidence.end() ? std::vector<std::string>{} : it->second;
  }

  const Operator& o = d.op;
  sink.optional_text("operator.legal_form", o.legal_form);
  sink.optional_flag("operator.independent_legal_person", o.independent_legal_person);
  sink.optional_flag("operator.actual_operator", o.actual_operator);
  sink.optional_date("operator.zone_operating_since", o.zone_operating_since);
  sink.optional_date("operator.ip_services_since", o.ip_services_since);

  struct Part {
    std::string_view fact;
    std::optional<std::vector<std::string>> Evidence::*member;
  };
  static const Part parts[] = {
      {"operator.evidence.management_system", &Evidence::management_system},
      {"operator.evidence.organization", &Evidence::organization},
      {"operator.evidence.funding", &Evidence::funding},
      {"operator.evidence.planning", &Evidence::planning},
      {"operator.evidence.capability", &Evidence::capability},
      {"operator.evidence.effect", &Evidence::effect},
  };
  for (const Part& p : parts) {
    if (!o.evidence) sink.missing(p.fact, {"operator.evidence"});
    else sink.put(p.fact).texts = ((*o.evidence).*(p.member)).value_or(std::vector<std::string>{});
  }

  if (o.credit) {
    if (o.credit->credit_china_bad_records)
      sink.put("operator.credit.credit_china_bad_records").count = *o.credit->credit_china_bad_records;
    else sink.missing("operator.credit.credit_china_bad_records");
    sink.optional_flag("operator.credit.dishonest_debtor", o.credit->dishonest_debtor);
    if (o.credit->administrative_penalties) {
      sink.dates("operator.credit.administrative_penalties", *o.credit->administrative_penalties);
      for (const auto& p : *o.credit->administrative_penalties)
        warn_if_after(facts, p.where, "operator.credit.administrative_penalties", p.date);
    } else {
      sink.missing("operator.credit.administrative_penalties");
    }
  } else {
    for (auto name : {"operator.credit.credit_china_bad_records", "operator.credit.dishonest_debtor",
                      "operator.credit.administrative_penalties"})
      sink.missing(name, {"operator.credit"});
  }

  if (o.service_agencies) {
    std::vector<DatedEntry> all;
    for (const auto& a : *o.service_agencies)
      for (const auto& s : a.abnormal_application_sanctions) {
        all.push_back(s);
        warn_if_after(facts, s.where, "operator.service_agencies", s.date);
      }
    sink.dates("operator.service_agencies.sanctions", all);
  } else {
    sink.missing("operator.service_agencies.sanctions");
  }

  // History: each event under its own kind (format/history-events.yaml),
  // never another's. A change (Art. 14) is reported with its kind and filing
  // date; one not filed is a warning.
  std::map<std::string, std::vector<DatedEntry>> by_kind;
  std::vector<std::string> changes;
  for (const HistoryEvent& e : d.history) {
    warn_if_after(facts, e.when.where, "history", e.when.date);
    by_kind[e.event].push_back(e.when);
    if (e.change.empty()) continue;
    const HistoryKind* kind = history_kinds().find(e.event);
    const ChangeKind* change = kind ? kind->change(e.change) : nullptr;
    const Text label = change ? change->label : Text{e.change, e.change, {}};
    const std::string path = "history[" + std::to_string(e.index) + "]";
    // A reference with its own arguments (model/catalogue.h), for a list of them.
    std::string ref = std::string(e.filed ? "\x01" "event.change_filed" : "\x01" "event.change_not_filed") +
                      "\x1e" "date\x1d" + format_date(e.when.date) + "\x1ekind\x1d" + both_languages(label);
    if (e.filed) {
      ref += "\x1e" "filed\x1d" + format_date(*e.filed);
      warn_if_after(facts, e.when.where, path + ".filed", *e.filed);
    } else {
      facts.warnings.push_back({Severity::warning, e.when.where, "dossier.change_not_filed",
                                {{"path", path}, {"date", format_date(e.when.date)},
                                 {"kind", both_languages(label)}}});
    }
    changes.push_back(std::move(ref));
  }
  for (auto kind : {"fraud_finding", "termination", "fund_fraud", "cancellation"})
    sink.dates(std::string("history.") + kind, by_kind[kind]);
  sink.put("history.change").texts = std::move(changes);

  if (d.documents) {
    sink.put("documents.application_form").text = d.documents->application_form.value_or("");
    sink.put("documents.work_plan").text = d.documents->work_plan.value_or("");
    sink.put("documents.evidence").texts = d.documents->evidence.value_or(std::vector<std::string>{});
  } else {
    for (auto name : {"documents.application_form", "documents.work_plan", "documents.evidence"})
      sink.missing(name, {"documents"});
  }

  // Art. 9 work, for the score; absent means not reported.
  const auto& w = d.work;
  sink.optional_flag("work.ip_butler", w ? w->ip_butler : std::optional<bool>{});
  for (auto [name, member] : {std::pair{"work.trainings_held", &Work::trainings_held},
                              std::pair{"work.pledge_financing_10k_yuan", &Work::pledge_financing_10k_yuan},
                              std::pair{"work.patent_transfers", &Work::patent_transfers},
                              std::pair{"work.disputes_handled", &Work::disputes_handled},
                              std::pair{"work.alliances_joined", &Work::alliances_joined}}) {
    if (w && (*w).*member) sink.put(name).count = *((*w).*member);
    else sink.missing(name);
  }

  if (o.zone_operating_since)
    warn_if_after(facts, o.zone_operating_since_where, "operator.zone_operating_since", *o.zone_operating_since);
  if (o.ip_services_since)
    warn_if_after(facts, o.ip_services_since_where, "operator.ip_services_since", *o.ip_services_since);
  return facts;
}

Date evaluation_date(const std::optional<Date>& as_of, const Dossier& dossier, Date today) {
  return as_of ? *as_of : dossier.as_of ? *dossier.as_of : today;
}

const char* evaluation_date_source(const std::optional<Date>& as_of, const Dossier& dossier) {
  return as_of ? "option" : dossier.as_of ? "dossier" : "today";
}

}  // namespace ipz
