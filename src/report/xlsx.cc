// XLSX workbooks (see xlsx.h).
#include "report/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "report/sanitize.h"
#include "report/report.h"
#include "util/utf8_path.h"

namespace ipz::xlsx {

namespace {

// The colours of the HTML report (report/html.cc), text on background.
struct Look {
  lxw_color_t fg, bg;
};
constexpr Look kLooks[4] = {{0x1b5e20, 0xe6f4e7}, {0xa31515, 0xfdecec}, {0x7a3e00, 0xfff1dc}, {0x5a1d8c, 0xf2e9fa}};

// TMPDIR if set; else the system's: /tmp, or on Windows the user's temporary folder.
std::string temp_dir() {
  if (const char* t = std::getenv("TMPDIR"); t && *t) return t;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  return ec ? std::string("/tmp") : utf8_string(dir);
}

}  // namespace

Workbook::Workbook() {
  std::string pattern = temp_dir() + "/ipzone-xlsx-XXXXXX";
  int fd = mkstemp(pattern.data());
  if (fd < 0) return;
  ::close(fd);
  path_ = pattern;
  static std::string tmpdir;  // libxlsxwriter keeps the pointer
  tmpdir = temp_dir();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // each row goes to disk once the next is started
  options.tmpdir = tmpdir.data();
  book_ = workbook_new_opt(path_.c_str(), &options);
  if (!book_) return;
  for (auto& f : formats_) f = workbook_add_format(book_);
  format_set_text_wrap(formats_[static_cast<int>(Style::text)]);
  format_set_align(formats_[static_cast<int>(Style::text)], LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(formats_[static_cast<int>(Style::integer)], "0");
  format_set_num_format(formats_[static_cast<int>(Style::decimal)], "0.00");
  format_set_num_format(formats_[static_cast<int>(Style::percent)], "0.0%");
  format_set_num_format(formats_[static_cast<int>(Style::date)], "yyyy-mm-dd");
  lxw_format* head = formats_[static_cast<int>(Style::header)];
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_bg_color(head, 0xeef1f5);
  format_set_bottom(head, LXW_BORDER_THIN);
  for (int i = 0; i < 4; ++i) {
    outcome_formats_[i] = workbook_add_format(book_);
    format_set_font_color(outcome_formats_[i], kLooks[i].fg);
    format_set_bg_color(outcome_formats_[i], kLooks[i].bg);
  }
}

Workbook::~Workbook() {
  if (book_) workbook_close(book_);  // only when finish() was not reached
  if (!path_.empty()) std::remove(path_.c_str());
}

int Workbook::add_sheet(std::string_view name, const std::vector<std::string>& header, int freeze_columns,
                        const std::vector<double>& widths) {
  Sheet s;
  s.ws = workbook_add_worksheet(book_, std::string(name).c_str());
  s.columns = static_cast<int>(header.size());
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(s.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  worksheet_freeze_panes(s.ws, 1, static_cast<lxw_col_t>(freeze_columns));
  for (std::size_t c = 0; c < header.size(); ++c)
    worksheet_write_string(s.ws, 0, static_cast<lxw_col_t>(c), sanitize(header[c], Sink::text_line).c_str(),
                           formats_[static_cast<int>(Style::header)]);
  sheets_.push_back(std::move(s));
  return static_cast<int>(sheets_.size()) - 1;
}

void Workbook::row(int sheet) {
  ++sheets_[sheet].row;
  sheets_[sheet].col = 0;
}

int Workbook::col(int sheet) { return sheets_[sheet].col++; }

void Workbook::text(int sheet, std::string_view s) {
  Sheet& sh = sheets_[sheet];
  const int c = col(sheet);
  if (s.empty()) return;
  worksheet_write_string(sh.ws, static_cast<lxw_row_t>(sh.row), static_cast<lxw_col_t>(c), sanitize(s, Sink::text).c_str(),
                         formats_[static_cast<int>(Style::text)]);
}

void Workbook::number(int sheet, double v, Style style) {
  Sheet& sh = sheets_[sheet];
  worksheet_write_number(sh.ws, static_cast<lxw_row_t>(sh.row), static_cast<lxw_col_t>(col(sheet)), v,
                         formats_[static_cast<int>(style)]);
}

void Workbook::date(int sheet, Date d) {
  Sheet& sh = sheets_[sheet];
  lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0};
  worksheet_write_datetime(sh.ws, static_cast<lxw_row_t>(sh.row), static_cast<lxw_col_t>(col(sheet)), &dt,
                           formats_[static_cast<int>(Style::date)]);
}

void Workbook::date(int sheet, const std::string& iso) {
  if (auto d = parse_date(iso))
    date(sheet, *d);
  else
    blank(sheet);
}

void Workbook::blank(int sheet) { col(sheet); }

void Workbook::colour_outcomes(int sheet, int column, const std::vector<std::pair<std::string, Outcome>>& marks) {
  sheets_[sheet].coloured.emplace_back(column, marks);
}

bool Workbook::finish(std::ostream& out, std::string& error) {
  if (!book_) {
    error = path_.empty() ? "no temporary file" : "libxlsxwriter could not start a workbook";
    return false;
  }
  for (Sheet& s : sheets_) {
    const auto last = static_cast<lxw_row_t>(std::max(s.row, 1));
    worksheet_autofilter(s.ws, 0, 0, last, static_cast<lxw_col_t>(std::max(s.columns, 1) - 1));
    for (auto& [column, marks] : s.coloured)
      for (auto& [mark, outcome] : marks) {
        lxw_conditional_format cf{};
        cf.type = LXW_CONDITIONAL_TYPE_TEXT;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
        cf.value_string = mark.data();
        cf.format = outcome_formats_[static_cast<int>(outcome)];
        worksheet_conditional_format_range(s.ws, 1, static_cast<lxw_col_t>(column), last,
                                           static_cast<lxw_col_t>(column), &cf);
      }
  }
  const lxw_error rc = workbook_close(book_);
  book_ = nullptr;
  if (rc != LXW_NO_ERROR) {
    error = lxw_strerror(rc);
    return false;
  }
  std::ifstream in(path_, std::ios::binary);
  out << in.rdbuf();
  const bool copied = in && out;
  in.close();  // before the removal, which Windows refuses for an open file
  std::remove(path_.c_str());
  path_.clear();
  if (!copied) {
    error = "the workbook could not be copied to the output";
    return false;
  }
  return true;
}

std::string outcome_cell(Outcome o, Lang lang, const Catalogue& cat) {
  const std::string key = "outcome." + std::string(outcome_name(o));
  return cat.get(key + ".mark", lang) + " " + cat.get(key, lang);
}

std::string verdict_cell(Verdict v, Lang lang, const Catalogue& cat) {
  return cat.get("outcome." + std::string(outcome_name(verdict_look(v))) + ".mark", lang) + " " +
         cat.get("verdict." + std::string(verdict_name(v)), lang);
}

std::vector<std::pair<std::string, Outcome>> outcome_marks(Lang lang, const Catalogue& cat) {
  std::vector<std::pair<std::string, Outcome>> marks;
  for (Outcome o : {Outcome::pass, Outcome::fail, Outcome::review, Outcome::missing})
    marks.emplace_back(cat.get("outcome." + std::string(outcome_name(o)) + ".mark", lang), o);
  return marks;
}

}  // namespace ipz::xlsx
