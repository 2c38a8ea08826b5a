// Roster workbooks (see roster_xlsx.h): the workbook's list of sheets, its
// relationships, styles (which cells hold dates) and shared strings, then the
// chosen sheet streamed row by row into RosterRows.
#include "read/roster_xlsx.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "read/csv.h"
#include "read/roster_rows.h"
#include "read/xlsx_package.h"
#include "util/date.h"
#include "util/similarity.h"

namespace ipz {

namespace {

constexpr int kMaxColumn = 16384;  // XFD, Excel's last column

bool ends_with_ci(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

struct SheetEntry {
  std::string name, rel;
};

// xl/workbook.xml: the sheets in order, and the date system.
struct WorkbookXml : XmlHandler {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** a) override {
    if (name == "sheet") sheets.push_back({std::string(xml_attribute(a, "name")), std::string(xml_attribute(a, "id"))});
    if (name == "workbookPr") date1904 = xml_attribute(a, "date1904") == "1" || xml_attribute(a, "date1904") == "true";
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: id -> part, and the parts of the shared strings and styles.
struct RelsXml : XmlHandler {
  std::map<std::string, std::string> target;
  std::string shared_strings, styles;
  static std::string part(std::string_view t) {
    return t.substr(0, 1) == "/" ? std::string(t.substr(1)) : "xl/" + std::string(t);
  }
  void start(std::string_view name, const char** a) override {
    if (name != "Relationship") return;
    const std::string p = part(xml_attribute(a, "Target"));
    const std::string type(xml_attribute(a, "Type"));
    target[std::string(xml_attribute(a, "Id"))] = p;
    if (ends_with_ci(type, "/sharedstrings")) shared_strings = p;
    if (ends_with_ci(type, "/styles")) styles = p;
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// A number format that shows a date: a built-in one, or a code with y, m or d
// outside quotes, brackets and escapes (yyyy"年"m"月"d"日").
bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      continue;
    else if (c == '[')
      bracket = true;
    else if (c == ']')
      bracket = false;
    else if (c == '\\' || c == '_' || c == '*')
      ++i;
    else if (!bracket && (c == 'y' || c == 'm' || c == 'd'))
      return true;
  }
  return false;
}

// xl/styles.xml: which cell styles (the s of a cell) show a date.
struct StylesXml : XmlHandler {
  std::map<long, std::string> codes;
  std::vector<bool> date_style;
  bool in_cell_xfs = false;
  void start(std::string_view name, const char** a) override {
    if (name == "numFmt") {
      if (auto id = to_long(xml_attribute(a, "numFmtId"))) codes[*id] = std::string(xml_attribute(a, "formatCode"));
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const long id = to_long(xml_attribute(a, "numFmtId")).value_or(0);
      const auto code = codes.find(id);
      date_style.push_back(is_date_format(static_cast<int>(id), code == codes.end() ? "" : code->second));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  void text(std::string_view) override {}
};

// Collects the text of <t> elements, leaving out phonetic runs (<rPh>).
struct TextRuns {
  std::string value;
  bool in_t = false;
  int in_phonetic = 0;
  bool too_long = false;
  void start(std::string_view name) {
    if (name == "rPh") ++in_phonetic;
    if (name == "t") in_t = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --in_phonetic;
    if (name == "t") in_t = false;
  }
  void text(std::string_view s) {
    if (!in_t || in_phonetic) return;
    if (value.size() + s.size() > kMaxCsvCellBytes)
      too_long = true;
    else
      value += s;
  }
};

// xl/sharedStrings.xml: the strings cells of type s point to.
struct SharedStringsXml : XmlHandler {
  std::vector<std::string> strings;
  TextRuns runs;
  void start(std::string_view name, const char**) override {
    if (name == "si") runs = TextRuns{};
    runs.start(name);
  }
  void end(std::string_view name) override {
    runs.end(name);
    if (name == "si") strings.push_back(runs.too_long ? std::string(kMaxCsvCellBytes + 1, ' ') : std::move(runs.value));
  }
  void text(std::string_view s) override { runs.text(s); }
};

// A number cell's value as the roster reads it (see roster_xlsx.h).
std::string number_text(const std::string& v, bool date, bool date1904) {
  double x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x)) return v;
  if (date && x >= 1 && x < 2958466) {
    const long serial = static_cast<long>(std::floor(x)) + (date1904 ? 1462 : 0);
    // 1900 is a leap year to Excel (serial 60 is 29 February 1900): count from 1899-12-30 after it.
    return format_date(serial < 61 ? add_days(Date{1899, 12, 31}, serial) : add_days(Date{1899, 12, 30}, serial));
  }
  char buf[64];
  const double r = std::round(x);
  if (std::fabs(x - r) <= 1e-12 * std::max(1.0, std::fabs(x)) && std::fabs(r) < 9.0e15)
    std::snprintf(buf, sizeof buf, "%.0f", r == 0 ? 0.0 : r);
  else
    std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

// Column number and row number of a reference ("C7" -> 3, 7); 0 for a part absent or bad.
std::pair<int, long> parse_reference(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= kMaxColumn; ++i)
    column = column * 26 + (ref[i] - 'A' + 1);
  const auto row = to_long(ref.substr(i));
  return {column > kMaxColumn ? 0 : column, row && *row > 0 ? *row : 0};
}

// The chosen sheet: its rows, each a sparse set of cells, turned into the
// header and the data rows of RosterRows.
class SheetXml : public XmlHandler {
 public:
  SheetXml(XlsxPackage& package, RosterRows& rows, const CellPlaces& places, const StylesXml& styles,
           const SharedStringsXml& strings, bool date1904, Diagnostics& diags)
      : package_(package),
        rows_(rows),
        places_(places),
        styles_(styles),
        strings_(strings),
        date1904_(date1904),
        diags_(diags) {}

  void start(std::string_view name, const char** a) override {
    if (name == "row") {
      const auto r = to_long(xml_attribute(a, "r"));
      row_ = r && *r > 0 ? *r : row_ + 1;
      column_ = 0;
      cells_.clear();
    } else if (name == "c") {
      const auto [col, r] = parse_reference(xml_attribute(a, "r"));
      column_ = col ? col : column_ + 1;
      type_ = xml_attribute(a, "t");
      style_ = to_long(xml_attribute(a, "s")).value_or(0);
      value_ = TextRuns{};
      in_v_ = false;
    } else if (name == "v") {
      in_v_ = true;
    } else {
      value_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "v")
      in_v_ = false;
    else if (name == "c")
      cell();
    else if (name == "row")
      row();
    else if (name == "sheetData")
      package_.stop();  // what follows (merged cells, formats) is not read
    else
      value_.end(name);
  }
  void text(std::string_view s) override {
    if (in_v_)
      value_.in_t = true, value_.text(s), value_.in_t = false;
    else
      value_.text(s);
  }
  bool has_header() const { return width_ > 0; }

 private:
  void error(int column, std::string key, MessageArgs args) {
    diags_.push_back({Severity::error, places_.at(static_cast<int>(row_), column), std::move(key), std::move(args)});
  }
  bool is_date_style() const {
    return style_ >= 0 && static_cast<std::size_t>(style_) < styles_.date_style.size() && styles_.date_style[style_];
  }
  void cell();
  void row();
  void header_row();
  void data_row();

  XlsxPackage& package_;
  RosterRows& rows_;
  const CellPlaces& places_;
  const StylesXml& styles_;
  const SharedStringsXml& strings_;
  bool date1904_;
  Diagnostics& diags_;
  long row_ = 0;
  int column_ = 0;
  std::string type_;
  long style_ = 0;
  TextRuns value_;
  bool in_v_ = false;
  std::map<int, std::string> cells_;     // column -> text, the row's cells with a value
  std::map<int, std::size_t> index_of_;  // column -> its place in the header
  int width_ = 0;                        // the header's columns; 0 before the header
  std::size_t data_rows_ = 0;
  bool stopped_ = false;
};

void SheetXml::cell() {
  if (stopped_ || column_ < 1 || column_ > kMaxColumn) return;
  std::string text = std::move(value_.value);
  if (value_.too_long) {
    error(column_, "limit.value_too_long", {{"limit", std::to_string(kMaxCsvCellBytes)}});
    return;
  }
  if (type_ == "s") {
    const auto i = to_long(text);
    if (!i || *i < 0 || static_cast<std::size_t>(*i) >= strings_.strings.size()) {
      error(column_, "xlsx.bad_shared_string", {{"value", text}});
      return;
    }
    text = strings_.strings[static_cast<std::size_t>(*i)];
    if (text.size() > kMaxCsvCellBytes) {
      error(column_, "limit.value_too_long", {{"limit", std::to_string(kMaxCsvCellBytes)}});
      return;
    }
  } else if (type_ == "b") {
    text = text == "1" ? "true" : text == "0" ? "false" : text;
  } else if (type_ == "e") {
    error(column_, "xlsx.error_cell", {{"value", text}});
    return;
  } else if (type_.empty() || type_ == "n") {
    text = number_text(text, is_date_style(), date1904_);
  }  // str (a formula's text), inlineStr, d (an ISO date): as written
  if (!text.empty()) cells_[column_] = std::move(text);
}

void SheetXml::row() {
  if (stopped_ || cells_.empty()) return;  // an empty row, or one with formats only
  if (width_ == 0)
    header_row();
  else
    data_row();
}

// The header: the cells with a value (an empty header cell leaves its column out).
void SheetXml::header_row() {
  std::vector<CsvCell> header;
  for (auto& [c, text] : cells_) {
    index_of_[c] = header.size();
    header.push_back({std::move(text), static_cast<int>(row_), c});
  }
  width_ = static_cast<int>(header.size());
  rows_.header(header);
}

void SheetXml::data_row() {
  if (++data_rows_ > kMaxCsvRows) {
    error(1, "limit.too_many_rows", {{"limit", std::to_string(kMaxCsvRows)}});
    stopped_ = true;
    package_.stop();
    return;
  }
  std::vector<CsvCell> cells(static_cast<std::size_t>(width_));
  for (auto [c, i] : index_of_) cells[i] = {"", static_cast<int>(row_), c};
  for (auto& [c, text] : cells_) {
    if (auto it = index_of_.find(c); it != index_of_.end())
      cells[it->second].text = std::move(text);
    else
      error(c, "xlsx.outside_header", {{"value", text}});
  }
  rows_.row(cells, static_cast<int>(row_));
}

// The sheet to read: the one named (exactly, else ignoring ASCII case), or the first.
const SheetEntry* choose_sheet(const WorkbookXml& wb, const std::optional<std::string>& sheet, const std::string& file,
                               Diagnostics& diags) {
  if (wb.sheets.empty()) {
    diags.push_back({Severity::error, {file, 0, 0}, "xlsx.no_sheets", {{"file", file}}});
    return nullptr;
  }
  if (!sheet) return &wb.sheets.front();
  std::vector<std::string> names;
  for (const SheetEntry& s : wb.sheets) {
    if (s.name == *sheet) return &s;
    names.push_back(s.name);
  }
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const SheetEntry& s : wb.sheets)
    if (lower(s.name) == lower(*sheet)) return &s;
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  MessageArgs args = suggestion_args(closest_names(*sheet, names, 1), "hint.did_you_mean");
  args.insert(args.end(), {{"file", file}, {"sheet", *sheet}, {"sheets", all}});
  diags.push_back({Severity::error, {file, 0, 0}, "xlsx.no_such_sheet", std::move(args)});
  return nullptr;
}

}  // namespace

bool is_workbook_roster(std::string_view bytes, const std::string& name) {
  return ends_with_ci(name, ".xlsx") || ends_with_ci(name, ".xlsm") || ends_with_ci(name, ".xls") ||
         is_zip_file(bytes) || is_ole_file(bytes);
}

}  // namespace ipz

namespace ipz {

void read_roster_xlsx(std::string_view bytes, const std::string& file, const std::optional<std::string>& sheet,
                      std::uint64_t max_part, std::vector<Enterprise>& roster, Diagnostics& diags) {
  XlsxPackage package(bytes, file, max_part, diags);
  if (!package.ok()) return;
  WorkbookXml wb;
  RelsXml rels;
  if (!package.parse("xl/workbook.xml", wb) || !package.parse("xl/_rels/workbook.xml.rels", rels)) return;
  const SheetEntry* chosen = choose_sheet(wb, sheet, file, diags);
  if (!chosen) return;
  const auto part = rels.target.find(chosen->rel);
  if (part == rels.target.end()) {
    diags.push_back({Severity::error, {file, 0, 0}, "xlsx.missing_part", {{"file", file}, {"part", chosen->name}}});
    return;
  }
  StylesXml styles;
  SharedStringsXml strings;
  const std::string styles_part = rels.styles.empty() ? "xl/styles.xml" : rels.styles;
  const std::string strings_part = rels.shared_strings.empty() ? "xl/sharedStrings.xml" : rels.shared_strings;
  const std::size_t before = diags.size();
  if (package.has(styles_part)) package.parse(styles_part, styles);
  if (package.has(strings_part)) package.parse(strings_part, strings);
  if (diags.size() != before) return;
  const CellPlaces places{file, chosen->name};
  RosterRows rows(places);
  Diagnostics sheet_diags;
  SheetXml handler(package, rows, places, styles, strings, wb.date1904, sheet_diags);
  const bool ok = package.parse(part->second, handler);
  for (Diagnostic& d : sheet_diags) diags.push_back(std::move(d));
  if (!ok) return;
  if (!handler.has_header()) {
    diags.push_back({Severity::error, {file, 0, 0}, "xlsx.empty_sheet", {{"file", file}, {"sheet", chosen->name}}});
    return;
  }
  rows.finish(roster, diags);
}

}  // namespace ipz
