// An XLSX workbook written with libxlsxwriter (Debian's libxlsxwriter-dev),
// for the check, score and rank writers: a workbook in a temporary file,
// rows streamed to disk as they are written (constant memory), copied into
// the output stream when it is closed, so that -o keeps its atomic write.
// Cells are typed: numbers as numbers, shares as percentages, dates as
// dates; outcomes are text that starts with their mark (✓ ✗ ? …), which
// conditional formats colour (the colour is never the only signal).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/evaluator.h"
#include "model/catalogue.h"
#include "util/date.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ipz::xlsx {

// How a number cell reads.
enum class Style { text, integer, decimal, percent, date, header };

class Workbook {
 public:
  Workbook();
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return book_ != nullptr; }
  // A new sheet; its first row is the header, frozen, with freeze_columns
  // columns frozen too, and an autofilter over what is written.
  int add_sheet(std::string_view name, const std::vector<std::string>& header, int freeze_columns,
                const std::vector<double>& widths);
  // Cells of the next row of a sheet, left to right.
  void row(int sheet);
  void text(int sheet, std::string_view s);
  void number(int sheet, double v, Style style);
  void date(int sheet, Date d);
  // A date given as YYYY-MM-DD, or a blank cell when it is empty or not a date.
  void date(int sheet, const std::string& iso);
  void blank(int sheet);
  // Colours the cells of a column that start with an outcome's mark.
  void colour_outcomes(int sheet, int column, const std::vector<std::pair<std::string, Outcome>>& marks);
  // Closes the workbook and copies it into out; false (with error) on failure.
  bool finish(std::ostream& out, std::string& error);

 private:
  struct Sheet {
    lxw_worksheet* ws = nullptr;
    int row = 0, col = 0, columns = 0;
    std::vector<std::pair<int, std::vector<std::pair<std::string, Outcome>>>> coloured;
  };
  std::string path_;
  lxw_workbook* book_ = nullptr;
  std::vector<Sheet> sheets_;
  lxw_format* formats_[6] = {};
  lxw_format* outcome_formats_[4] = {};
  int col(int sheet);
};

// An outcome's or a verdict's cell: its mark and word, "✗ 不通过", "✓ 符合条件";
// the mark is what colour_outcomes() looks for.
std::string outcome_cell(Outcome o, Lang lang, const Catalogue& cat);
std::string verdict_cell(Verdict v, Lang lang, const Catalogue& cat);
// The marks of the four outcomes, for colour_outcomes().
std::vector<std::pair<std::string, Outcome>> outcome_marks(Lang lang, const Catalogue& cat);

}  // namespace ipz::xlsx
