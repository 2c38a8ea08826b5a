// The closed vocabularies of dossier format v1 and its yes/no words, read
// once from format/vocabularies.yaml (compiled into the binary).
#pragma once

#include "model/vocabulary.h"
#include "util/diagnostic.h"

namespace ipz {

const Vocabularies& vocabularies();

// The vocabulary of that name; an empty one (nothing accepted) when the
// embedded file lacks it (a unit test keeps every name used present).
const Vocabulary& vocabulary(const std::string& name);

// The problems of the embedded file (none: a unit test keeps it so).
const Diagnostics& vocabularies_diagnostics();

}  // namespace ipz
