// The closed vocabularies of dossier format v1: the values a field may take.
// They are part of the file format (like its key names), not of the policy:
// which of them a criterion accepts is said in rules/.
#pragma once

#include "read/field_reader.h"

namespace ipz::format {

inline const Choices kCarrierTypes = {"industrial_park", "science_park", "incubator", "maker_space",
                                      "hackerspace",     "alliance",     "association", "other"};
inline const Choices kLegalForms = {"enterprise", "public_institution", "social_organization",
                                    "ip_service_agency", "other"};
inline const Choices kServiceFunctions = {"policy_publicity", "training", "rights_protection",
                                          "entrusted_management"};
inline const Choices kRelaxationGrounds = {"high_concentration", "distinctive_model",
                                           "ip_work_plan"};
// (The kinds of history event are format/history-events.yaml: read/history_kinds.h.)

}  // namespace ipz::format
