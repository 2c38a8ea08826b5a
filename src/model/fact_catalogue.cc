// The facts a rule may name (see fact_catalogue.h).
#include "model/fact_catalogue.h"

namespace ipz {

std::string_view fact_type_name(FactType t) {
  switch (t) {
    case FactType::count: return "count";
    case FactType::share: return "share";
    case FactType::ratio: return "ratio";
    case FactType::boolean: return "boolean";
    case FactType::text: return "text";
    case FactType::text_list: return "text_list";
    case FactType::date: return "date";
    case FactType::date_list: return "date_list";
  }
  return "count";
}

const std::vector<FactInfo>& fact_catalogue() {
  using T = FactType;
  static const std::vector<FactInfo> facts = {
      {"enterprise_count", T::count, "enterprises",
       "Roster rows, each enterprise once: a row with the USCC of an earlier row, or the name of an earlier row where one has no USCC, repeats it."},
      {"sme_count", T::count, "enterprises[].sme",
       "Distinct enterprises that are SMEs: by the SME size standard (rules/<set>/sme-size-standard.yaml) where the row gives size figures that decide it (strictly below the ceiling on any listed measure, under every sector the row's sector may be: one for a sector or a division, several for a section such as I, all for none or an unknown name), else as the row's sme flag says; a row whose sectors disagree is missing (its division decides)."},
      {"sme_share", T::share, "enterprises[].sme", "sme_count / enterprise_count, compared exactly in integers."},
      {"sme_review_count", T::count, "enterprises[].sector",
       "Distinct enterprises whose sector is an industry the size standard does not cover (金融业 ...) and that declare no sme: a human decides (counted as not SMEs)."},
      {"sme_share_with_review", T::share, "enterprises[].sector",
       "(sme_count + sme_review_count) / enterprise_count: the share if every enterprise for review were an SME."},
      {"high_end_count", T::count, "enterprises[].high_end_industry",
       "Distinct enterprises whose high_end_industry names an entry (or alias) of the rule set's taxonomy; unknown names count as not high-end and are warned about."},
      {"high_end_share", T::share, "enterprises[].high_end_industry",
       "high_end_count / enterprise_count, compared exactly in integers."},
      {"high_end_unknown_count", T::count, "enterprises[].high_end_industry",
       "Distinct enterprises whose high_end_industry is a name outside the taxonomy (counted as not high-end)."},
      {"high_end_share_with_unknown", T::share, "enterprises[].high_end_industry",
       "(high_end_count + high_end_unknown_count) / enterprise_count: the share if every unknown name were high-end."},
      {"valid_patents", T::count, "enterprises[].patents",
       "Sum over distinct enterprises of patents.valid, or of invention + utility_model + design where valid is not given; an absent patents counts 0."},
      {"invention_patents", T::count, "enterprises[].patents.invention", "Sum over distinct enterprises of patents.invention."},
      {"invention_patents_per_enterprise", T::ratio, "enterprises[].patents.invention",
       "invention_patents / enterprise_count (0 for an empty roster)."},
      {"work.ip_butler", T::boolean, "work.ip_butler", "Art. 9(3): an IP butler and liaison system for enterprises, as written."},
      {"work.trainings_held", T::count, "work.trainings_held", "Art. 9(2): IP trainings held in the last year, as written."},
      {"work.pledge_financing_10k_yuan", T::count, "work.pledge_financing_10k_yuan",
       "Art. 9(7): IP pledge financing arranged for the zone's enterprises, 10,000 yuan, as written."},
      {"work.patent_transfers", T::count, "work.patent_transfers", "Art. 9(7): patent transfers and licences brokered, as written."},
      {"work.disputes_handled", T::count, "work.disputes_handled", "Art. 9(4): IP disputes handled or mediated, as written."},
      {"work.alliances_joined", T::count, "work.alliances_joined", "Art. 9(8): industry IP alliances set up or joined, as written."},
      {"zone.district", T::text, "zone.district", "As written."},
      {"zone.carrier_type", T::text, "zone.carrier_type", "As written."},
      {"zone.industry_directions", T::text_list, "zone.industry_directions", "As written."},
      {"zone.ip_workstation", T::boolean, "zone.ip_workstation", "As written."},
      {"zone.service_functions", T::text_list, "zone.service_functions", "As written."},
      {"zone.relaxation_grounds", T::text_list, "zone.relaxation_grounds",
       "The grounds stated (the keys of the map, or format 1's plain list); absent means none."},
      {"zone.relaxation_grounds.high_concentration", T::text_list, "zone.relaxation_grounds.high_concentration",
       "The evidence files listed for the ground; empty when none are (or the ground is not stated, or given in format 1's plain list)."},
      {"zone.relaxation_grounds.distinctive_model", T::text_list, "zone.relaxation_grounds.distinctive_model",
       "The evidence files listed for the ground; empty when none are (or the ground is not stated, or given in format 1's plain list)."},
      {"zone.relaxation_grounds.ip_work_plan", T::text_list, "zone.relaxation_grounds.ip_work_plan",
       "The evidence files listed for the ground; empty when none are (or the ground is not stated, or given in format 1's plain list)."},
      {"operator.legal_form", T::text, "operator.legal_form", "As written."},
      {"operator.independent_legal_person", T::boolean, "operator.independent_legal_person", "As written."},
      {"operator.actual_operator", T::boolean, "operator.actual_operator", "As written."},
      {"operator.zone_operating_since", T::date, "operator.zone_operating_since", "As written."},
      {"operator.ip_services_since", T::date, "operator.ip_services_since", "As written."},
      {"operator.evidence.management_system", T::text_list, "operator.evidence.management_system", "As written; absent within operator.evidence means none listed."},
      {"operator.evidence.organization", T::text_list, "operator.evidence.organization", "As written; absent within operator.evidence means none listed."},
      {"operator.evidence.funding", T::text_list, "operator.evidence.funding", "As written; absent within operator.evidence means none listed."},
      {"operator.evidence.planning", T::text_list, "operator.evidence.planning", "As written; absent within operator.evidence means none listed."},
      {"operator.evidence.capability", T::text_list, "operator.evidence.capability", "As written; absent within operator.evidence means none listed."},
      {"operator.evidence.effect", T::text_list, "operator.evidence.effect", "As written; absent within operator.evidence means none listed."},
      {"operator.credit.credit_china_bad_records", T::count, "operator.credit.credit_china_bad_records", "As written."},
      {"operator.credit.dishonest_debtor", T::boolean, "operator.credit.dishonest_debtor", "As written."},
      {"operator.credit.administrative_penalties", T::date_list, "operator.credit.administrative_penalties", "The dates of the penalties listed ([] for none)."},
      {"operator.service_agencies.sanctions", T::date_list, "operator.service_agencies",
       "The dates of abnormal_application_sanctions of every entrusted agency ([] lists no agency)."},
      {"history.fraud_finding", T::date_list, "history", "Dates of history events of kind fraud_finding; an absent history has none."},
      {"history.termination", T::date_list, "history", "Dates of history events of kind termination; an absent history has none."},
      {"history.fund_fraud", T::date_list, "history", "Dates of history events of kind fund_fraud; an absent history has none."},
      {"history.cancellation", T::date_list, "history",
       "Dates of history events of kind cancellation (Art. 12: 取消资格); an absent history has none."},
      {"history.change", T::text_list, "history",
       "The history events of kind change (Art. 14: merger, restructuring, bankruptcy, rename), each with its kind, "
       "date and filing date, as the report lists them (op reported); one not filed is warned about."},
      {"documents.application_form", T::text, "documents.application_form", "As written; absent within documents means not supplied."},
      {"documents.work_plan", T::text, "documents.work_plan", "As written; absent within documents means not supplied."},
      {"documents.evidence", T::text_list, "documents.evidence", "As written; absent within documents means none supplied."},
  };
  return facts;
}

const FactInfo* find_fact(std::string_view name) {
  for (const auto& f : fact_catalogue())
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace ipz
