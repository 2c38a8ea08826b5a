// Roster CSV rows (see roster_csv.h): the CSV read a record at a time, each
// handed to RosterRows (roster_rows.h), which checks the cells.
#include "read/roster_csv.h"

#include <algorithm>

#include "read/csv.h"
#include "read/roster_rows.h"
#include "util/transcode.h"
#include "util/utf8.h"

namespace ipz {

std::string roster_csv_header(bool english) { return roster_header_line(english); }

namespace {

// A CSV that is not UTF-8 but GBK (what Excel saves as "CSV" on a Chinese
// Windows) or UTF-16 with its byte order mark ("Unicode text"), converted to
// UTF-8, with a warning that says so; nullopt for any other text (then the
// CSV reader reports why it is not UTF-8). Lines and columns are unchanged:
// each character stays one character, and line breaks stay where they were.
std::optional<std::string> converted_to_utf8(std::string_view text, const std::string& file, Diagnostics& diags) {
  const auto bad = encoding_problem(text);
  if (!bad || (bad->key != "file.gbk" && bad->key != "file.utf16")) return std::nullopt;
  const bool gbk = bad->key == "file.gbk";
  auto utf8 = gbk ? gb18030_to_utf8(text) : utf16_to_utf8(text, bad->encoding);
  if (!utf8 || find_invalid_utf8(*utf8)) return std::nullopt;
  diags.push_back({Severity::warning, {file, 0, 0}, gbk ? "roster.converted_gbk" : "roster.converted_utf16",
                   {{"file", file}, {"encoding", std::string(bad->encoding)}}});
  return utf8;
}

}  // namespace

void read_roster_csv(std::string_view text, const std::string& file, std::vector<Enterprise>& roster,
                     Diagnostics& diags) {
  const std::optional<std::string> utf8 = converted_to_utf8(text, file, diags);
  if (utf8) text = *utf8;
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
