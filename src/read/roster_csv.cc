// Roster CSV rows (see roster_csv.h): the CSV read a record at a time, each
// handed to RosterRows (roster_rows.h), which checks the cells.
#include "read/roster_csv.h"

#include <algorithm>

#include "read/csv.h"
#include "read/roster_rows.h"

namespace ipz {

std::string roster_csv_header(bool english) { return roster_header_line(english); }

void read_roster_csv(std::string_view text, const std::string& file, std::vector<Enterprise>& roster,
                     Diagnostics& diags) {
  // Rows become Enterprises as the CSV is read, a record at a time, so that a
  // roster of a million rows is never held as cells too. The diagnostics about
  // the columns and the rows wait, to come after those about the CSV itself,
  // as when the whole file was read first.
  RosterRows rows(CellPlaces{file, ""}, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  auto on_header = [&](std::vector<CsvCell>& header) { rows.header(header); };
  auto on_row = [&](std::vector<CsvCell>& cells, int line) { rows.row(cells, line); };
  if (!for_each_csv_row(text, file, diags, on_header, on_row)) return;
  rows.finish(roster, diags);
}

}  // namespace ipz
