// Reads a strict RFC 4180 CSV file into a CsvTable (see csv.h) in a single
// pass over its bytes, keeping each cell's line and column.
#include "read/csv.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>

#include "util/utf8.h"

namespace ipz {

namespace {

enum class RecordStatus {
  ok,
  quote_problem,  // a stray quote was reported; the record was read to its end
  unterminated,   // a quoted field was never closed; the rest of the text is gone
};

// Rows reserved up front at most; beyond that the vector grows as usual.
constexpr std::size_t kMaxReservedRows = 65536;

// Walks the text (valid UTF-8, without a BOM) byte by byte, keeping the line
// and the column (in code points) of the byte at pos_.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, Diagnostics& diags)
      : s_(text), file_(file), diags_(diags) {}

  bool at_end() const { return pos_ >= s_.size(); }
  std::size_t offset() const { return pos_; }
  int line() const { return line_; }

  // Skips a blank line: nothing but spaces and tabs before the line end or
  // the end of the text. False (and nothing consumed) if the line is not blank.
  bool skip_blank_line() {
    std::size_t i = pos_;
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    if (i < s_.size() && !line_end_at(i)) return false;
    column_ += static_cast<int>(i - pos_);
    pos_ = i;
    if (!at_end()) consume_line_end();
    return true;
  }

  // Reads one record (appending its cells) and the line end after it.
  // end_line/end_column: where the record's last field ends.
  RecordStatus read_record(std::vector<CsvCell>& cells, int& end_line, int& end_column) {
    RecordStatus status = RecordStatus::ok;
    while (true) {
      CsvCell& cell = cells.emplace_back();
      cell.line = line_;
      cell.column = column_;
      const RecordStatus field =
          pos_ < s_.size() && s_[pos_] == '"' ? read_quoted(cell.text) : read_unquoted(cell.text);
      if (field == RecordStatus::unterminated) return field;
      if (field == RecordStatus::quote_problem) status = field;
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        ++column_;
        continue;
      }
      end_line = line_;
      end_column = column_;
      if (!at_end()) consume_line_end();
      return status;
    }
  }

  void error(int line, int column, const char* key, MessageArgs args = {}) {
    diags_.push_back({Severity::error, {file_, line, column}, key, std::move(args)});
  }

 private:
  // A record ends at LF, at CRLF, or at a CR that is the last byte.
  bool line_end_at(std::size_t i) const {
    return s_[i] == '\n' || (s_[i] == '\r' && (i + 1 == s_.size() || s_[i + 1] == '\n'));
  }
  bool field_end_at(std::size_t i) const { return s_[i] == ',' || line_end_at(i); }

  void consume_line_end() {
    if (s_[pos_] == '\r') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
    ++line_;
    column_ = 1;
  }

  // Moves past one byte that is not a line break; a column is a code point,
  // so UTF-8 continuation bytes do not count.
  void step() {
    if ((static_cast<unsigned char>(s_[pos_]) & 0xC0u) != 0x80u) ++column_;
    ++pos_;
  }

  // An unquoted field runs to the next comma or line end; a quote inside it
  // is reported (once) and kept as text.
  RecordStatus read_unquoted(std::string& out) {
    const std::size_t start = pos_;
    bool stray = false;
    while (pos_ < s_.size() && !field_end_at(pos_)) {
      if (s_[pos_] == '"' && !stray) {
        error(line_, column_, "csv.stray_quote");
        stray = true;
      }
      step();
    }
    out.assign(s_.data() + start, pos_ - start);
    return stray ? RecordStatus::quote_problem : RecordStatus::ok;
  }

  // A quoted field (pos_ at its opening quote) runs to the quote that is not
  // doubled; commas and line breaks inside it are text. After the closing
  // quote must come a comma, a line end or the end of the text.
  RecordStatus read_quoted(std::string& out) {
    const int open_line = line_;
    const int open_column = column_;
    step();
    std::size_t chunk = pos_;  // start of the text not yet copied to out
    while (true) {
      if (pos_ >= s_.size()) {
        error(open_line, open_column, "csv.unterminated_quote");
        return RecordStatus::unterminated;
      }
      const char c = s_[pos_];
      if (c == '"') {
        out.append(s_.data() + chunk, pos_ - chunk);
        step();
        if (pos_ < s_.size() && s_[pos_] == '"') {  // "" stands for one quote
          out.push_back('"');
          step();
          chunk = pos_;
          continue;
        }
        break;
      }
      if (c == '\n') {
        ++pos_;
        ++line_;
        column_ = 1;
      } else {
        step();
      }
    }
    if (pos_ >= s_.size() || field_end_at(pos_)) return RecordStatus::ok;
    error(line_, column_, "csv.stray_quote");
    while (pos_ < s_.size() && !field_end_at(pos_)) step();
    return RecordStatus::quote_problem;
  }

  std::string_view s_;
  const std::string& file_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

bool for_each_csv_row(std::string_view text, const std::string& file, Diagnostics& diags,
                      const std::function<void(std::vector<CsvCell>& header)>& on_header,
                      const std::function<void(std::vector<CsvCell>& row, int line)>& on_row) {
  if (auto bad = encoding_problem(text)) {
    MessageArgs args{{"file", file}, {"converted", utf8_copy_name(file)}};
    if (!bad->encoding.empty()) args.emplace_back("encoding", std::string(bad->encoding));
    diags.push_back({Severity::error, {file, bad->line, bad->column}, std::string(bad->key), std::move(args)});
    return false;
  }
  if (has_utf8_bom(text)) text.remove_prefix(3);

  CsvReader reader(text, file, diags);
  std::size_t header_size = 0;
  std::size_t rows = 0;
  bool have_header = false;
  bool header_ok = true;
  std::vector<CsvCell> cells;
  cells.reserve(16);
  while (!reader.at_end()) {
    if (reader.skip_blank_line()) continue;
    const int row_line = reader.line();
    int end_line = 0;
    int end_column = 0;
    cells.clear();
    const RecordStatus status = reader.read_record(cells, end_line, end_column);
    if (status == RecordStatus::unterminated) return false;
    for (CsvCell& c : cells) {
      if (c.text.size() <= kMaxCsvCellBytes) continue;
      reader.error(c.line, c.column, "limit.value_too_long", {{"limit", std::to_string(kMaxCsvCellBytes)}});
      c.text.clear();
    }
    if (have_header && rows >= kMaxCsvRows) {
      reader.error(row_line, 1, "limit.too_many_rows", {{"limit", std::to_string(kMaxCsvRows)}});
      return false;
    }

    if (!have_header) {
      have_header = true;
      header_ok = status == RecordStatus::ok;
      header_size = cells.size();
      if (header_ok) on_header(cells);
    } else if (status != RecordStatus::ok || !header_ok) {
      continue;  // reported already, or nothing to compare it with
    } else if (cells.size() != header_size) {
      const bool too_many = cells.size() > header_size;
      const int line = too_many ? cells[header_size].line : end_line;
      const int column = too_many ? cells[header_size].column : end_column;
      reader.error(line, column, "csv.cell_count",
                   {{"row_line", std::to_string(row_line)},
                    {"found", std::to_string(cells.size())},
                    {"expected", std::to_string(header_size)}});
    } else {
      ++rows;
      on_row(cells, row_line);
    }
  }

  if (!have_header) {
    diags.push_back({Severity::error, {file, 1, 1}, "file.empty", {}});
    return false;
  }
  return header_ok;
}

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
  CsvTable table;
  // Guess the number of rows from the count of line ends.
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  table.rows.reserve(std::min(lines, kMaxReservedRows));
  table.row_lines.reserve(std::min(lines, kMaxReservedRows));
  const bool ok = for_each_csv_row(
      text, file, diags, [&](std::vector<CsvCell>& header) { table.header = std::move(header); },
      [&](std::vector<CsvCell>& row, int line) {
        table.rows.push_back(std::move(row));
        table.row_lines.push_back(line);
        row = {};
      });
  if (!ok) return std::nullopt;
  return table;
}

}  // namespace ipz
