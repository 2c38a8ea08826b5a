// Reads a roster CSV (a dossier's enterprises_file) into Enterprise rows:
// columns found by their English or Chinese headers (format/roster-columns.yaml),
// every cell checked, every problem reported at the CSV's file:line:column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.h"
#include "util/diagnostic.h"

namespace ipz {

// Appends the rows of the CSV text (named file in messages) to roster,
// numbering them from roster.size() + 1. Problems go to diags.
void read_roster_csv(std::string_view text, const std::string& file, std::vector<Enterprise>& roster,
                     Diagnostics& diags);

// The header line of a roster CSV, Chinese or English, as `ipzone init --csv` prints it.
std::string roster_csv_header(bool english);

}  // namespace ipz
