// Unit tests for read/csv: the RFC 4180 reader for enterprise rosters (BOM,
// CRLF, quoted fields, positions in code points, encodings, and the errors
// for broken quotes, ragged rows and empty files).
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "read/csv.h"

namespace {

const std::string kFile = "roster.csv";

struct Parsed {
  std::optional<ipz::CsvTable> table;
  ipz::Diagnostics diags;
};

Parsed parse(std::string_view text) {
  Parsed p;
  p.table = ipz::parse_csv(text, kFile, p.diags);
  return p;
}

std::string arg(const ipz::Diagnostic& d, const std::string& name) {
  for (const auto& [k, v] : d.args)
    if (k == name) return v;
  return "<missing>";
}

void check_at(const ipz::Diagnostic& d, const char* key, int line, int column) {
  INFO("diagnostic " << d.key << " at " << d.where.line << ":" << d.where.column);
  CHECK(d.severity == ipz::Severity::error);
  CHECK(d.key == key);
  CHECK(d.where.file == kFile);
  CHECK(d.where.line == line);
  CHECK(d.where.column == column);
}

}  // namespace

TEST_CASE("CSV: a simple file gives the header, the rows and their positions", "[csv]") {
  const auto p = parse("name,code\nacme,123\nbeta,456\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  REQUIRE(t.header.size() == 2);
  CHECK(t.header[0].text == "name");
  CHECK(t.header[1].text == "code");
  CHECK(t.header[1].line == 1);
  CHECK(t.header[1].column == 6);
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.row_lines.size() == 2);
  CHECK(t.rows[1][0].text == "beta");
  CHECK(t.rows[1][1].text == "456");
  CHECK(t.rows[1][1].line == 3);
  CHECK(t.rows[1][1].column == 6);
  CHECK(t.row_lines[0] == 2);
  CHECK(t.row_lines[1] == 3);
}

TEST_CASE("CSV: a byte order mark is dropped and does not shift line 1", "[csv]") {
  const auto p = parse("\xEF\xBB\xBFname,code\nacme,1\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  REQUIRE(p.table->header.size() == 2);
  CHECK(p.table->header[0].text == "name");
  CHECK(p.table->header[0].column == 1);
  CHECK(p.table->header[1].column == 6);
}

TEST_CASE("CSV: CRLF line ends are not part of the cells", "[csv]") {
  const auto p = parse("name,code\r\nacme,1\r\nbeta,2\r\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  CHECK(t.header[1].text == "code");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][1].text == "1");
  CHECK(t.rows[1][1].text == "2");
  CHECK(t.row_lines[1] == 3);
}

TEST_CASE("CSV: the last row needs no line end, and a final CR ends it too", "[csv]") {
  auto p = parse("a,b\n1,2");
  REQUIRE(p.table);
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][1].text == "2");

  p = parse("a,b\r\n1,2\r");
  REQUIRE(p.table);
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][1].text == "2");
}

TEST_CASE("CSV: a quoted field holds commas and newlines", "[csv]") {
  const auto p = parse("name,address\n\"Acme, Ltd.\",\"Room 1\nNo. 2 Road\"\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  REQUIRE(p.table->rows.size() == 1);
  const auto& row = p.table->rows[0];
  REQUIRE(row.size() == 2);
  CHECK(row[0].text == "Acme, Ltd.");
  CHECK(row[0].column == 1);  // the opening quote
  CHECK(row[1].text == "Room 1\nNo. 2 Road");
  CHECK(row[1].line == 2);
  CHECK(row[1].column == 14);
}

TEST_CASE("CSV: after a multi-line field, cells and rows carry their own line numbers", "[csv]") {
  const auto p = parse("a,b,c\n\"x\ny\nz\",after,\"p\r\nq\"\nnext,1,2\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0].text == "x\ny\nz");
  CHECK(t.rows[0][0].line == 2);
  CHECK(t.rows[0][1].text == "after");
  CHECK(t.rows[0][1].line == 4);
  CHECK(t.rows[0][1].column == 4);
  CHECK(t.rows[0][2].text == "p\r\nq");  // kept byte for byte
  CHECK(t.rows[0][2].line == 4);
  CHECK(t.rows[0][2].column == 10);
  CHECK(t.row_lines[0] == 2);
  CHECK(t.row_lines[1] == 6);
  CHECK(t.rows[1][0].line == 6);
  CHECK(t.rows[1][1].column == 6);
}

TEST_CASE("CSV: doubled quotes stand for one quote", "[csv]") {
  const auto p = parse("name,note\n\"The \"\"Best\"\" Co\",\"\"\"\"\n\"\",x\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  REQUIRE(p.table->rows.size() == 2);
  CHECK(p.table->rows[0][0].text == "The \"Best\" Co");
  CHECK(p.table->rows[0][1].text == "\"");
  CHECK(p.table->rows[0][1].column == 19);
  CHECK(p.table->rows[1][0].text.empty());
  CHECK(p.table->rows[1][1].column == 4);
}

TEST_CASE("CSV: a lone CR inside a quoted field is kept, and outside it is text", "[csv]") {
  const auto p = parse("a,b\n\"x\ry\",p\rq\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][0].text == "x\ry");
  CHECK(p.table->rows[0][1].text == "p\rq");
  CHECK(p.table->rows[0][1].column == 7);
}

TEST_CASE("CSV: spaces around unquoted fields and empty fields are kept", "[csv]") {
  const auto p = parse("a,b,c\n  x , y,\n,,\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0].text == "  x ");
  CHECK(t.rows[0][1].text == " y");
  CHECK(t.rows[0][1].column == 6);
  CHECK(t.rows[0][2].text.empty());
  CHECK(t.rows[0][2].column == 9);
  CHECK(t.rows[1][0].text.empty());
  CHECK(t.rows[1][2].text.empty());
  CHECK(t.rows[1][2].column == 3);
}

TEST_CASE("CSV: Chinese headers and cells have columns counted in code points", "[csv]") {
  const auto p = parse("企业名称,统一社会信用代码,是否中小企业\n北京某某科技有限公司,91110108MA01ABCD2X,是\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  REQUIRE(t.header.size() == 3);
  CHECK(t.header[0].text == "企业名称");
  CHECK(t.header[1].text == "统一社会信用代码");
  CHECK(t.header[2].text == "是否中小企业");
  CHECK(t.header[0].column == 1);
  CHECK(t.header[1].column == 6);
  CHECK(t.header[2].column == 15);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][1].column == 12);
  CHECK(t.rows[0][2].column == 31);
  CHECK(t.rows[0][2].text == "是");
}

TEST_CASE("CSV: a file in GBK is reported as GBK at its first bad byte", "[csv]") {
  // Line 2: "acme," then "企业名称" in GBK.
  const auto p = parse("name,note\nacme,\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6\n");
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "file.gbk", 2, 6);
  CHECK(arg(p.diags[0], "file") == kFile);
}

TEST_CASE("CSV: bytes that are neither UTF-8 nor GBK are reported as not UTF-8", "[csv]") {
  const auto p = parse("\xEF\xBB\xBFname\n\xFF\n");
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "file.not_utf8", 2, 1);
  CHECK(arg(p.diags[0], "file") == kFile);
}

TEST_CASE("CSV: an unterminated quote is reported at the opening quote", "[csv]") {
  const auto p = parse("name,note\nacme,ok\nbeta,\"open\nstill open,1\n");
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "csv.unterminated_quote", 3, 6);
}

TEST_CASE("CSV: a quote inside an unquoted field is a stray quote", "[csv]") {
  const auto p = parse("name,size\nacme,5\" screen\nbeta,7\n");
  REQUIRE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "csv.stray_quote", 2, 7);
  // The row with the problem is left out; the others are kept.
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][0].text == "beta");
  CHECK(p.table->row_lines[0] == 3);
}

TEST_CASE("CSV: text after a closing quote is a stray quote", "[csv]") {
  const auto p = parse("name,note\n\"He said \"hi\" ok\",x\n\"a\" ,b\n");
  REQUIRE(p.table);
  REQUIRE(p.diags.size() == 2);
  check_at(p.diags[0], "csv.stray_quote", 2, 11);  // the "h" after the closing quote
  check_at(p.diags[1], "csv.stray_quote", 3, 4);   // the space after "a"
  CHECK(p.table->rows.empty());
}

TEST_CASE("CSV: a stray quote in the header makes the file unusable", "[csv]") {
  const auto p = parse("na\"me,code\nacme,1\n");
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "csv.stray_quote", 1, 3);
}

TEST_CASE("CSV: every ragged row is reported with its line and cell counts", "[csv]") {
  const auto p = parse("a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n");
  REQUIRE(p.table);
  REQUIRE(p.diags.size() == 2);
  // Too few: at the end of the row; too many: at the first extra cell.
  check_at(p.diags[0], "csv.cell_count", 3, 4);
  CHECK(arg(p.diags[0], "row_line") == "3");
  CHECK(arg(p.diags[0], "found") == "2");
  CHECK(arg(p.diags[0], "expected") == "3");
  check_at(p.diags[1], "csv.cell_count", 4, 7);
  CHECK(arg(p.diags[1], "row_line") == "4");
  CHECK(arg(p.diags[1], "found") == "4");
  CHECK(arg(p.diags[1], "expected") == "3");
  // The ragged rows are left out, so every row returned fits the header.
  REQUIRE(p.table->rows.size() == 2);
  CHECK(p.table->row_lines[0] == 2);
  CHECK(p.table->row_lines[1] == 5);
  for (const auto& row : p.table->rows) CHECK(row.size() == 3);
}

TEST_CASE("CSV: a ragged row after a multi-line field names the line the row starts on", "[csv]") {
  const auto p = parse("a,b\n\"x\ny\"\n");
  REQUIRE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "csv.cell_count", 3, 3);
  CHECK(arg(p.diags[0], "row_line") == "2");
}

TEST_CASE("CSV: blank lines are skipped, not rows", "[csv]") {
  const auto p = parse("\n\r\n  \nname,code\n\nacme,1\n \t\r\n\nbeta,2\n\n\n");
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  const auto& t = *p.table;
  CHECK(t.header[0].line == 4);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.row_lines[0] == 6);
  CHECK(t.row_lines[1] == 9);
  CHECK(t.rows[1][0].text == "beta");
}

TEST_CASE("CSV: an empty file, or one with only blank lines, has no header", "[csv]") {
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n  \r\n", " "}) {
    INFO("text: [" << text << "]");
    const auto p = parse(text);
    CHECK_FALSE(p.table);
    REQUIRE(p.diags.size() == 1);
    check_at(p.diags[0], "file.empty", 1, 1);
  }
}

TEST_CASE("CSV: a header alone is a table with no rows", "[csv]") {
  for (const char* text :
       {"企业名称,统一社会信用代码\n", "企业名称,统一社会信用代码", "企业名称,统一社会信用代码\r\n\r\n"}) {
    const auto p = parse(text);
    REQUIRE(p.table);
    CHECK(p.diags.empty());
    CHECK(p.table->header.size() == 2);
    CHECK(p.table->rows.empty());
    CHECK(p.table->row_lines.empty());
  }
}

TEST_CASE("CSV: a roster of 10,000 rows by 12 columns is read whole", "[csv]") {
  std::string text = "c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11\r\n";
  for (int r = 0; r < 10000; ++r) {
    text += "\"北京某某科技有限公司 " + std::to_string(r) + "\",91110108MA01ABCD2X";
    for (int c = 2; c < 12; ++c) text += "," + std::to_string(r * c);
    text += "\r\n";
  }
  const auto p = parse(text);
  REQUIRE(p.table);
  CHECK(p.diags.empty());
  REQUIRE(p.table->rows.size() == 10000);
  CHECK(p.table->rows[9999][0].text == "北京某某科技有限公司 9999");
  CHECK(p.table->rows[9999][11].text == std::to_string(9999 * 11));
  CHECK(p.table->row_lines[9999] == 10001);
}

TEST_CASE("CSV: UTF-16 (Excel's \"Unicode text\") is file.utf16, not GBK", "[csv][utf8]") {
  std::string text = "\xFF\xFE";
  for (char c : std::string("name,code\nacme,1\n")) text += std::string{c, '\0'};
  const auto p = parse(text);
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "file.utf16", 1, 1);
  CHECK(arg(p.diags[0], "encoding") == "UTF-16LE");
}

TEST_CASE("CSV: a cell longer than 64 KiB is limit.value_too_long and left empty", "[csv][limit]") {
  const auto p = parse("name,code\nacme," + std::string(65537, '1') + "\n");
  REQUIRE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "limit.value_too_long", 2, 6);
  CHECK(p.table->rows[0][1].text.empty());
}

TEST_CASE("CSV: a million data rows are read, one more is limit.too_many_rows", "[csv][limit][boundary]") {
  std::string text = "name\n";
  for (int i = 0; i < 1000000; ++i) text += "x\n";
  {
    const auto p = parse(text);
    REQUIRE(p.table);
    CHECK(p.diags.empty());
    CHECK(p.table->rows.size() == 1000000);
  }
  const auto p = parse(text + "y\n");
  CHECK_FALSE(p.table);
  REQUIRE(p.diags.size() == 1);
  check_at(p.diags[0], "limit.too_many_rows", 1000002, 1);
}
