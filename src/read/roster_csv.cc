// Roster CSV rows (see roster_csv.h).
#include "read/roster_csv.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "read/csv.h"
#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/uscc_warning.h"
#include "read/yaml_tree.h"
#include "util/similarity.h"

namespace ipz {

namespace {

struct Column {
  std::string field;
  bool required = false;
  std::vector<std::string> headers;
};

struct RosterColumns {
  std::vector<Column> columns;
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
        Column col;
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
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
      s.replace(at, from.size(), to);
  }
  return trim(s);
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Reads the cells of one row; errors name the cell.
class RowReader {
 public:
  RowReader(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void error(const CsvCell& cell, std::string key, MessageArgs args) {
    diags_.push_back({Severity::error, {file_, cell.line, cell.column}, std::move(key), std::move(args)});
  }
  void bad(const CsvCell& cell, const std::string& header, std::string_view expected) {
    std::string what = "\x01";  // a catalogue entry, translated when shown
    what += expected;
    error(cell, "roster.bad_cell", {{"column", header}, {"value", cell.text}, {"expected", what}});
  }
  std::optional<long long> count(const CsvCell& cell, const std::string& header) {
    const std::string t = trim(cell.text);
    if (t.empty()) return std::nullopt;
    auto v = parse_integer(t);
    if (!v || *v < 0 || *v > kMaxCount) {
      if (!too_large(cell, header, t, kMaxCount)) bad(cell, header, "roster.expect_count");
      return std::nullopt;
    }
    return v;
  }
  std::optional<Number> number(const CsvCell& cell, const std::string& header) {
    const std::string t = trim(cell.text);
    if (t.empty()) return std::nullopt;
    auto n = parse_number(t);
    if (!n && !too_large(cell, header, t, kMaxNumber)) bad(cell, header, "roster.expect_number");
    return n;
  }
  // An error when t is a number above limit in some notation (1e30, 10^20): then true.
  bool too_large(const CsvCell& cell, const std::string& header, const std::string& t, long long limit) {
    const auto v = approximate_number(t);
    if (!v || *v <= static_cast<double>(limit)) return false;
    error(cell, "roster.too_large", {{"column", header}, {"value", cell.text}, {"limit", std::to_string(limit)}});
    return true;
  }

 private:
  const std::string& file_;
  Diagnostics& diags_;
};

}  // namespace

std::string roster_csv_header(bool english) {
  std::string out;
  for (const Column& c : roster_columns().columns) {
    if (c.headers.empty()) continue;
    out += (out.empty() ? "" : ",") + (english ? c.headers.front() : c.headers.back());
  }
  return out + "\n";
}

void read_roster_csv(std::string_view text, const std::string& file, std::vector<Enterprise>& roster,
                     Diagnostics& diags) {
  const RosterColumns& rc = roster_columns();
  // Rows become Enterprises as the CSV is read, a record at a time, so that a
  // roster of a million rows is never held as cells too. The diagnostics about
  // the columns and the rows wait, to come after those about the CSV itself,
  // as when the whole file was read first.
  Diagnostics column_diags;
  Diagnostics row_diags;
  RowReader rr(file, row_diags);
  std::vector<const Column*> field_of;  // which field each column holds
  std::vector<std::string> headers;     // each column's header, as written
  std::map<std::string, std::size_t> seen;  // field -> column index
  bool columns_ok = false;
  std::vector<Enterprise> rows;
  // At most one a line (blank lines included: reserving does not touch the memory).
  rows.reserve(std::min(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1, kMaxCsvRows));

  auto on_header = [&](std::vector<CsvCell>& header) {
    field_of.assign(header.size(), nullptr);
    std::vector<std::string> known;
    for (const Column& c : rc.columns) known.insert(known.end(), c.headers.begin(), c.headers.end());
    columns_ok = true;
    for (std::size_t i = 0; i < header.size(); ++i) {
      const CsvCell& h = header[i];
      headers.push_back(h.text);
      const std::string name = normalize_header(h.text);
      for (const Column& c : rc.columns)
        if (contains(c.headers, name)) field_of[i] = &c;
      if (!field_of[i]) {
        std::string all;
        for (const Column& c : rc.columns) all += (all.empty() ? "" : ", ") + c.headers.back();
        MessageArgs args = suggestion_args(closest_names(name, known, 1), "hint.did_you_mean");
        args.insert(args.end(), {{"column", name}, {"known", all}});
        column_diags.push_back({Severity::error, {file, h.line, h.column}, "roster.unknown_column", std::move(args)});
        columns_ok = false;
      } else if (auto [it, fresh] = seen.emplace(field_of[i]->field, i); !fresh) {
        column_diags.push_back(
            {Severity::error, {file, h.line, h.column}, "roster.duplicate_column", {{"column", name}}});
        columns_ok = false;
      }
    }
    for (const Column& c : rc.columns) {
      if (c.required && !seen.count(c.field)) {
        column_diags.push_back(
            {Severity::error, {file, 1, 1}, "roster.missing_column", {{"column", c.headers.back()}}});
        columns_ok = false;
      }
    }
  };

  auto on_row = [&](std::vector<CsvCell>& cells, int row_line) {
    if (!columns_ok) return;
    Enterprise e;
    e.row = static_cast<int>(roster.size() + rows.size() + 1);
    e.where = {file, row_line, 1};
    std::optional<long long> valid, invention, utility, design;
    Location uscc_at;
    SizeFigures size;
    bool has_size = false;
    for (std::size_t i = 0; i < cells.size() && i < field_of.size(); ++i) {
      const CsvCell& cell = cells[i];
      const std::string& f = field_of[i]->field;
      const std::string& header = headers[i];
      const std::string t = trim(cell.text);
      if (f == "name") {
        e.name = t;
        if (t.empty()) rr.error(cell, "roster.empty_name", {});
      } else if (f == "uscc") {
        if (t.empty()) continue;
        e.uscc = t;  // checked below, when the row's name is known
        uscc_at = {file, cell.line, cell.column};
      } else if (f == "sme") {
        if (t.empty()) continue;
        if (contains(rc.sme_true, t)) e.sme = true;
        else if (contains(rc.sme_false, t)) e.sme = false;
        else rr.bad(cell, header, "roster.expect_yes_no");
      } else if (f == "sector") {
        if (!t.empty()) size.sector = t, has_size = true;
      } else if (f == "employees") {
        if (auto n = rr.count(cell, header)) size.employees = parse_number(std::to_string(*n)), has_size = true;
      } else if (f == "revenue_10k_yuan") {
        if ((size.revenue = rr.number(cell, header))) has_size = true;
      } else if (f == "assets_10k_yuan") {
        if ((size.assets = rr.number(cell, header))) has_size = true;
      } else if (f == "high_end_industry") {
        e.high_end_where = {file, cell.line, cell.column};
        e.high_end_industry = t;  // the rule set says which words mean "none"
      } else if (f == "valid") {
        valid = rr.count(cell, header);
      } else if (f == "invention") {
        invention = rr.count(cell, header);
      } else if (f == "utility_model") {
        utility = rr.count(cell, header);
      } else if (f == "design") {
        design = rr.count(cell, header);
      }
    }
    if (e.uscc) e.uscc = checked_uscc(uscc_at, file + ":" + std::to_string(uscc_at.line), *e.uscc, e.name, row_diags);
    if (!seen.count("high_end_industry")) e.high_end_industry.reset();
    if (has_size) e.size = size;
    e.invention_patents = invention.value_or(0);
    const long long parts = invention.value_or(0) + utility.value_or(0) + design.value_or(0);
    e.valid_patents = valid ? *valid : parts;
    const std::string path = file + ":" + std::to_string(row_line);
    if (valid && invention.value_or(0) > *valid)
      row_diags.push_back({Severity::error, {file, row_line, 1}, "dossier.invention_above_valid",
                           {{"path", path}, {"invention", std::to_string(*invention)}, {"valid", std::to_string(*valid)}}});
    else if (valid && parts > *valid)
      row_diags.push_back({Severity::error, {file, row_line, 1}, "dossier.parts_above_valid",
                           {{"path", path}, {"parts", std::to_string(parts)}, {"valid", std::to_string(*valid)}}});
    rows.push_back(std::move(e));
  };

  if (!for_each_csv_row(text, file, diags, on_header, on_row)) return;
  for (Diagnostic& d : column_diags) diags.push_back(std::move(d));
  if (!columns_ok) return;
  for (Diagnostic& d : row_diags) diags.push_back(std::move(d));
  if (roster.empty()) {
    roster = std::move(rows);
  } else {
    roster.reserve(roster.size() + rows.size());
    std::move(rows.begin(), rows.end(), std::back_inserter(roster));
  }
}

}  // namespace ipz
