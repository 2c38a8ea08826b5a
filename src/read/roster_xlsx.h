// Reads a roster kept in an .xlsx workbook (a dossier's enterprises_file:
// 名录.xlsx) into Enterprise rows: the first sheet, or the one named by
// enterprises_sheet; the same headers and the same checks as a roster CSV
// (roster_rows.h), every problem at its cell (名录.xlsx:Sheet1!C7).
//
// How cells are read: shared and inline strings as written; a number as
// Excel shows it, to 15 significant digits, except that one within a
// relative 1e-12 of a whole number is that number (Excel stores 1500 typed
// through a formula as 1500.0000000002; 1.5E3 is 1500); a number with a date
// format as the date YYYY-MM-DD (1900 or 1904 date system); a boolean as
// true or false; an Excel error (#N/A) is an error at its cell. Empty rows,
// styled empty cells, merged cells and formats are ignored. The header is the
// first row with a value; a value right of the last header is an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.h"
#include "util/diagnostic.h"

namespace ipz {

// Whether a roster file is read as a workbook: named .xlsx, .xlsm or .xls, or
// starting as a zip or an OLE file does (whatever its name).
bool is_workbook_roster(std::string_view bytes, const std::string& name);

// Appends the rows of the workbook's bytes (named file in messages) to
// roster, numbering them from roster.size() + 1. sheet: the sheet to read
// (nullopt: the first); no part is inflated beyond max_part bytes.
void read_roster_xlsx(std::string_view bytes, const std::string& file, const std::optional<std::string>& sheet,
                      std::uint64_t max_part, std::vector<Enterprise>& roster, Diagnostics& diags);

}  // namespace ipz
