// RosterRows: a roster table (a header row, then data rows of cells) turned
// into Enterprise rows, whatever file it came from: a CSV (roster_csv.cc) or
// an .xlsx worksheet (roster_xlsx.cc). Columns are found by their English or
// Chinese headers (format/roster-columns.yaml); every cell is checked the same
// way for both, and every problem names the cell: file:line:column in a CSV,
// file:Sheet1!C7 in a workbook.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.h"
#include "read/csv.h"
#include "util/diagnostic.h"
#include "util/number.h"

namespace ipz {

// Where a cell of a roster is. In a CSV, a cell's line and column are those
// of the text; in a workbook they are its row and column numbers (1-based),
// and a place is written as Excel writes a reference, in Location::file with
// line 0: "名录.xlsx:Sheet1!C7".
struct CellPlaces {
  std::string file;
  std::string sheet;  // empty: a CSV
  Location at(int line, int column) const;
  std::string row(int line) const;  // a row, in messages: roster.csv:6, or 名录.xlsx:Sheet1!A7
};

struct RosterColumn;  // a field with its headers (roster_rows.cc)

// "C" for column 3, "AA" for 27.
std::string column_letters(int column);

class RosterRows {
 public:
  explicit RosterRows(CellPlaces places, std::size_t expected_rows = 0);
  // The header's cells: columns recognised, unknown, repeated or missing reported.
  void header(std::vector<CsvCell>& cells);
  // A data row (at most as many cells as the header, in its order) starting at line.
  void row(std::vector<CsvCell>& cells, int line);
  // Appends the rows to roster, numbering them on from roster.size() + 1, and
  // the diagnostics to diags: those of the columns, then, when the columns are
  // usable, those of the rows.
  void finish(std::vector<Enterprise>& roster, Diagnostics& diags);
  bool columns_ok() const { return columns_ok_; }

 private:
  void error(const CsvCell& cell, std::string key, MessageArgs args);
  void bad(const CsvCell& cell, const std::string& header, std::string_view expected);
  std::optional<long long> count(const CsvCell& cell, const std::string& header);
  std::optional<Number> number(const CsvCell& cell, const std::string& header);
  bool too_large(const CsvCell& cell, const std::string& header, const std::string& t, long long limit);
  void patents(Enterprise& e, int line, std::optional<long long> valid, long long invention, long long parts);

  CellPlaces places_;
  Diagnostics column_diags_, row_diags_;
  std::vector<const RosterColumn*> field_of_;  // which field each column holds
  std::vector<std::string> headers_;           // each column's header, as written
  std::map<std::string, std::size_t> seen_;    // field -> column index
  bool columns_ok_ = false;
  std::vector<Enterprise> rows_;
};

// The header line of a roster CSV, Chinese or English, as `ipzone init --csv` prints it.
std::string roster_header_line(bool english);

}  // namespace ipz
