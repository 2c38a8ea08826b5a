// The kinds of history event of dossier format v1, read once from
// format/history-events.yaml (compiled into the binary).
#pragma once

#include "model/history_kinds.h"
#include "util/diagnostic.h"

namespace ipz {

const HistoryKinds& history_kinds();

// The problems of the embedded file (none: a unit test keeps it so).
const Diagnostics& history_kinds_diagnostics();

}  // namespace ipz
