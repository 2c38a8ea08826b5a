// Roster tables into Enterprise rows (see roster_rows.h).
#include "read/roster_rows.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/uscc_warning.h"
#include "read/yaml_tree.h"
#include "util/similarity.h"

namespace ipz {

struct RosterColumn {
  std::string field;
  bool required = false;
  std::vector<std::string> headers;
};

namespace {

struct RosterColumns {
  std::vector<RosterColumn> columns;
  std::vector<std::string> sme_true, sme_false;
};

// format/roster-columns.yaml, read once (a unit test keeps it free of errors).
const RosterColumns& roster_columns() {
  static const RosterColumns rc = [] {
    RosterColumns out;
    Diagnostics diags;
    const std::string file = "format/roster-columns.yaml";
    YamlDocument doc;
    doc.ok = embedded_tree(file, doc.root);
    if (!doc.ok) return out;
    FieldReader r(file, diags);
    MapReader m(r, doc.root, "");
    if (const YamlNode* cols = m.get("columns"); cols && cols->is_sequence()) {
      for (const YamlNode& c : cols->items) {
        MapReader cm(r, c, "columns");
        RosterColumn col;
        col.field = cm.text("field").value_or("");
        col.required = cm.boolean("required").value_or(false);
        col.headers = cm.texts("headers").value_or(std::vector<std::string>{});
        cm.finish();
        out.columns.push_back(std::move(col));
      }
    }
    out.sme_true = m.texts("sme_true").value_or(std::vector<std::string>{});
    out.sme_false = m.texts("sme_false").value_or(std::vector<std::string>{});
    m.finish();
    return out;
  }();
  return rc;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Full-width brackets count as ASCII ones in headers: 营业收入（万元）.
std::string normalize_header(std::string s) {
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"（", "("}, {"）", ")"}}) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, from.size(), to);
  }
  return trim(s);
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// A sheet name as a reference writes it: quoted ('My roster'!C7) unless it is
// letters, digits and underscores (any non-ASCII letter included).
std::string sheet_reference(const std::string& sheet) {
  bool plain = true;
  for (unsigned char c : sheet) plain = plain && (c >= 0x80 || std::isalnum(c) || c == '_');
  if (plain) return sheet;
  std::string out = "'";
  for (char c : sheet) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

Location CellPlaces::at(int line, int column) const {
  if (sheet.empty()) return {file, line, column};
  return {file + ":" + sheet_reference(sheet) + "!" + column_letters(column) + std::to_string(line), 0, 0};
}

std::string CellPlaces::row(int line) const {
  return sheet.empty() ? file + ":" + std::to_string(line) : at(line, 1).file;
}

std::string column_letters(int column) {
  std::string out;
  for (int c = column; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string roster_header_line(bool english) {
  std::string out;
  for (const RosterColumn& c : roster_columns().columns) {
    if (c.headers.empty()) continue;
    out += (out.empty() ? "" : ",") + (english ? c.headers.front() : c.headers.back());
  }
  return out + "\n";
}

RosterRows::RosterRows(CellPlaces places, std::size_t expected_rows) : places_(std::move(places)) {
  // Reserving does not touch the memory: at most one row a line.
  rows_.reserve(std::min(expected_rows, kMaxCsvRows));
}

void RosterRows::error(const CsvCell& cell, std::string key, MessageArgs args) {
  row_diags_.push_back({Severity::error, places_.at(cell.line, cell.column), std::move(key), std::move(args)});
}

void RosterRows::bad(const CsvCell& cell, const std::string& header, std::string_view expected) {
  std::string what = "\x01";  // a catalogue entry, translated when shown
  what += expected;
  error(cell, "roster.bad_cell", {{"column", header}, {"value", cell.text}, {"expected", what}});
}

std::optional<long long> RosterRows::count(const CsvCell& cell, const std::string& header) {
  const std::string t = trim(cell.text);
  if (t.empty()) return std::nullopt;
  auto v = parse_integer(t);
  if (!v || *v < 0 || *v > kMaxCount) {
    if (!too_large(cell, header, t, kMaxCount)) bad(cell, header, "roster.expect_count");
    return std::nullopt;
  }
  return v;
}

std::optional<Number> RosterRows::number(const CsvCell& cell, const std::string& header) {
  const std::string t = trim(cell.text);
  if (t.empty()) return std::nullopt;
  auto n = parse_number(t);
  if (!n && !too_large(cell, header, t, kMaxNumber)) bad(cell, header, "roster.expect_number");
  return n;
}

// An error when t is a number above limit in some notation (1e30, 10^20): then true.
bool RosterRows::too_large(const CsvCell& cell, const std::string& header, const std::string& t, long long limit) {
  const auto v = approximate_number(t);
  if (!v || *v <= static_cast<double>(limit)) return false;
  error(cell, "roster.too_large", {{"column", header}, {"value", cell.text}, {"limit", std::to_string(limit)}});
  return true;
}

void RosterRows::header(std::vector<CsvCell>& header) {
  const RosterColumns& rc = roster_columns();
  field_of_.assign(header.size(), nullptr);
  std::vector<std::string> known;
  for (const RosterColumn& c : rc.columns) known.insert(known.end(), c.headers.begin(), c.headers.end());
  columns_ok_ = true;
  int header_line = 1;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const CsvCell& h = header[i];
    header_line = h.line;
    headers_.push_back(h.text);
    const std::string name = normalize_header(h.text);
    for (const RosterColumn& c : rc.columns)
      if (contains(c.headers, name)) field_of_[i] = &c;
    if (!field_of_[i]) {
      std::string all;
      for (const RosterColumn& c : rc.columns) all += (all.empty() ? "" : ", ") + c.headers.back();
      MessageArgs args = suggestion_args(closest_names(name, known, 1), "hint.did_you_mean");
      args.insert(args.end(), {{"column", name}, {"known", all}});
      column_diags_.push_back(
          {Severity::error, places_.at(h.line, h.column), "roster.unknown_column", std::move(args)});
      columns_ok_ = false;
    } else if (auto [it, fresh] = seen_.emplace(field_of_[i]->field, i); !fresh) {
      column_diags_.push_back(
          {Severity::error, places_.at(h.line, h.column), "roster.duplicate_column", {{"column", name}}});
      columns_ok_ = false;
    }
  }
  for (const RosterColumn& c : rc.columns) {
    if (c.required && !seen_.count(c.field)) {
      column_diags_.push_back(
          {Severity::error, places_.at(header_line, 1), "roster.missing_column", {{"column", c.headers.back()}}});
      columns_ok_ = false;
    }
  }
}

void RosterRows::patents(Enterprise& e, int line, std::optional<long long> valid, long long invention,
                         long long parts) {
  e.invention_patents = invention;
  e.valid_patents = valid ? *valid : parts;
  const std::string path = places_.row(line);
  if (valid && invention > *valid)
    row_diags_.push_back(
        {Severity::error,
         places_.at(line, 1),
         "dossier.invention_above_valid",
         {{"path", path}, {"invention", std::to_string(invention)}, {"valid", std::to_string(*valid)}}});
  else if (valid && parts > *valid)
    row_diags_.push_back({Severity::error,
                          places_.at(line, 1),
                          "dossier.parts_above_valid",
                          {{"path", path}, {"parts", std::to_string(parts)}, {"valid", std::to_string(*valid)}}});
}

void RosterRows::row(std::vector<CsvCell>& cells, int row_line) {
  if (!columns_ok_) return;
  const RosterColumns& rc = roster_columns();
  Enterprise e;
  e.row = static_cast<int>(rows_.size() + 1);  // renumbered in finish()
  e.where = places_.at(row_line, 1);
  std::optional<long long> valid, invention, utility, design;
  Location uscc_at;
  int uscc_line = 0;
  SizeFigures size;
  bool has_size = false;
  for (std::size_t i = 0; i < cells.size() && i < field_of_.size(); ++i) {
    const CsvCell& cell = cells[i];
    const std::string& f = field_of_[i]->field;
    const std::string& header = headers_[i];
    const std::string t = trim(cell.text);
    if (f == "name") {
      e.name = t;
      if (t.empty()) error(cell, "roster.empty_name", {});
    } else if (f == "uscc") {
      if (t.empty()) continue;
      e.uscc = t;  // checked below, when the row's name is known
      uscc_at = places_.at(cell.line, cell.column);
      uscc_line = cell.line;
    } else if (f == "sme") {
      if (t.empty()) continue;
      if (contains(rc.sme_true, t))
        e.sme = true;
      else if (contains(rc.sme_false, t))
        e.sme = false;
      else
        bad(cell, header, "roster.expect_yes_no");
    } else if (f == "sector") {
      if (!t.empty()) size.sector = t, has_size = true;
    } else if (f == "employees") {
      if (auto n = count(cell, header)) size.employees = parse_number(std::to_string(*n)), has_size = true;
    } else if (f == "revenue_10k_yuan") {
      if ((size.revenue = number(cell, header))) has_size = true;
    } else if (f == "assets_10k_yuan") {
      if ((size.assets = number(cell, header))) has_size = true;
    } else if (f == "high_end_industry") {
      e.high_end_where = places_.at(cell.line, cell.column);
      e.high_end_industry = t;  // the rule set says which words mean "none"
    } else if (f == "valid") {
      valid = count(cell, header);
    } else if (f == "invention") {
      invention = count(cell, header);
    } else if (f == "utility_model") {
      utility = count(cell, header);
    } else if (f == "design") {
      design = count(cell, header);
    }
  }
  if (e.uscc) e.uscc = checked_uscc(uscc_at, places_.row(uscc_line), *e.uscc, e.name, row_diags_);
  if (!seen_.count("high_end_industry")) e.high_end_industry.reset();
  if (has_size) e.size = size;
  patents(e, row_line, valid, invention.value_or(0), invention.value_or(0) + utility.value_or(0) + design.value_or(0));
  rows_.push_back(std::move(e));
}

void RosterRows::finish(std::vector<Enterprise>& roster, Diagnostics& diags) {
  for (Diagnostic& d : column_diags_) diags.push_back(std::move(d));
  if (!columns_ok_) return;
  for (Diagnostic& d : row_diags_) diags.push_back(std::move(d));
  for (Enterprise& e : rows_) e.row += static_cast<int>(roster.size());
  if (roster.empty()) {
    roster = std::move(rows_);
  } else {
    roster.reserve(roster.size() + rows_.size());
    std::move(rows_.begin(), rows_.end(), std::back_inserter(roster));
  }
  rows_.clear();
}

}  // namespace ipz
