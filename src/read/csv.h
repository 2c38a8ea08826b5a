// CsvTable: a strict RFC 4180 CSV file (an enterprise roster exported from
// Excel) read into a header and data rows of cells that remember their line
// and column. Reading a file here also checks that it is UTF-8 (with a hint
// when it looks like GBK), that it has a header, that every quoted field is
// closed, that quotes appear only where RFC 4180 allows them, and that every
// row has as many cells as the header. Every problem becomes a Diagnostic;
// nothing throws.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace ipz {

// Limits (README, "Limits"): a longer cell is reported and left empty; a
// file with more data rows is refused.
inline constexpr std::size_t kMaxCsvCellBytes = 64 * 1024;
inline constexpr std::size_t kMaxCsvRows = 1000000;

struct CsvCell {
  std::string text;  // the field's value: quotes removed, "" undone, spaces kept (the caller trims)
  int line = 0;      // 1-based position of the field's first character (for a quoted
  int column = 0;    // field, its opening quote); column counted in code points
};

struct CsvTable {
  std::vector<CsvCell> header;
  std::vector<std::vector<CsvCell>> rows;  // data rows, without blank lines; each has header.size() cells
  std::vector<int> row_lines;              // the line where each data row starts, parallel to rows
};

// Parses text (the bytes of a file named file, for messages).
//
// The format: UTF-8, with or without a byte order mark (dropped; it does not
// shift the columns of line 1). Comma separated; records end with LF or CRLF
// (a CR not followed by LF is data). A field in double quotes may hold commas,
// line breaks (kept byte for byte, CRLF included) and doubled quotes. A line
// that is empty or holds only spaces and tabs is blank and skipped; the first
// record that is not blank is the header.
//
// Problems go to diags as errors (keys file.utf16, file.gbk, file.not_utf8, file.empty,
// csv.unterminated_quote, csv.stray_quote, csv.cell_count, limit.*). Returns nullopt
// when the file cannot be used: not UTF-8, empty or without a header, a quote
// never closed, or a header with a stray quote. Otherwise returns the table;
// a data row with a stray quote or the wrong number of cells is reported and
// left out of it, so every row returned has exactly header.size() cells.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags);

// The same, a record at a time, without keeping the table (a roster of a
// million rows): on_header gets the header's cells, when it has no stray
// quote; then on_row gets each data row that has as many cells, with the line
// where it starts (the vectors may be moved from). The same diagnostics as
// parse_csv; returns false where parse_csv returns nullopt, possibly after
// some rows were handed over (the caller then drops them).
bool for_each_csv_row(std::string_view text, const std::string& file, Diagnostics& diags,
                      const std::function<void(std::vector<CsvCell>& header)>& on_header,
                      const std::function<void(std::vector<CsvCell>& row, int line)>& on_row);

}  // namespace ipz
