// Unit tests for util/utf8: validation, BOM and GBK detection, decoding and
// display width.
#include <catch2/catch.hpp>
#include <string>

#include "util/utf8.h"

namespace {
// "企业名称" encoded in GBK.
const std::string kGbkName = "\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6";
}  // namespace

TEST_CASE("find_invalid_utf8: valid ASCII, Chinese and emoji text has no problem", "[utf8]") {
  CHECK_FALSE(ipz::find_invalid_utf8(""));
  CHECK_FALSE(ipz::find_invalid_utf8("name: acme\n"));
  CHECK_FALSE(ipz::find_invalid_utf8("企业名称: 北京某某科技有限公司\n"));
  CHECK_FALSE(ipz::find_invalid_utf8("\xF0\x9F\x98\x80"));      // U+1F600
  CHECK_FALSE(ipz::find_invalid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  CHECK_FALSE(ipz::find_invalid_utf8("\xEF\xBB\xBFname: x"));  // BOM
}

TEST_CASE("find_invalid_utf8: GBK bytes are invalid UTF-8 at their first byte", "[utf8]") {
  const auto problem = ipz::find_invalid_utf8(kGbkName);
  REQUIRE(problem);
  CHECK(problem->offset == 0);
  CHECK(problem->line == 1);
  CHECK(problem->column == 1);
}

TEST_CASE("find_invalid_utf8: line and column count lines and code points", "[utf8]") {
  // Line 2 starts with "名称: " (4 code points, 8 bytes) before the GBK bytes.
  const std::string text = "id: 1\n名称: " + kGbkName + "\n";
  const auto problem = ipz::find_invalid_utf8(text);
  REQUIRE(problem);
  CHECK(problem->offset == 6 + 8);
  CHECK(problem->line == 2);
  CHECK(problem->column == 5);
}

TEST_CASE("find_invalid_utf8: a leading BOM is not counted as a column", "[utf8]") {
  const auto problem = ipz::find_invalid_utf8("\xEF\xBB\xBF" "ab\xFF");
  REQUIRE(problem);
  CHECK(problem->offset == 5);
  CHECK(problem->line == 1);
  CHECK(problem->column == 3);
}

TEST_CASE("find_invalid_utf8: rejects overlong encodings", "[utf8]") {
  CHECK(ipz::find_invalid_utf8("\xC0\xAF"));
  CHECK(ipz::find_invalid_utf8("\xC1\xBF"));
  CHECK(ipz::find_invalid_utf8("\xE0\x80\xAF"));
  CHECK(ipz::find_invalid_utf8("\xF0\x80\x80\xAF"));
}

TEST_CASE("find_invalid_utf8: rejects surrogates and code points above U+10FFFF", "[utf8]") {
  CHECK(ipz::find_invalid_utf8("\xED\xA0\x80"));      // U+D800
  CHECK(ipz::find_invalid_utf8("\xED\xBF\xBF"));      // U+DFFF
  CHECK(ipz::find_invalid_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK(ipz::find_invalid_utf8("\xF5\x80\x80\x80"));
  CHECK(ipz::find_invalid_utf8("\xFF"));
}

TEST_CASE("find_invalid_utf8: rejects truncated sequences and stray continuation bytes", "[utf8]") {
  const auto truncated = ipz::find_invalid_utf8("ab\xE4\xB8");  // "中" missing its last byte
  REQUIRE(truncated);
  CHECK(truncated->offset == 2);
  CHECK(truncated->column == 3);

  const auto interrupted = ipz::find_invalid_utf8("\xE4\xB8" "a");
  REQUIRE(interrupted);
  CHECK(interrupted->offset == 0);

  const auto stray = ipz::find_invalid_utf8("x\x80");
  REQUIRE(stray);
  CHECK(stray->offset == 1);
  CHECK(stray->column == 2);
}

TEST_CASE("has_utf8_bom: detects EF BB BF at the very start only", "[utf8]") {
  CHECK(ipz::has_utf8_bom("\xEF\xBB\xBF"));
  CHECK(ipz::has_utf8_bom("\xEF\xBB\xBF" "name: x"));
  CHECK_FALSE(ipz::has_utf8_bom(""));
  CHECK_FALSE(ipz::has_utf8_bom("\xEF\xBB"));
  CHECK_FALSE(ipz::has_utf8_bom("x\xEF\xBB\xBF"));
}

TEST_CASE("looks_like_gbk: GBK-encoded Chinese text looks like GBK", "[utf8]") {
  CHECK(ipz::looks_like_gbk(kGbkName));
  CHECK(ipz::looks_like_gbk("name: " + kGbkName + "\nid: 7\n"));
}

TEST_CASE("looks_like_gbk: valid UTF-8 never looks like GBK", "[utf8]") {
  CHECK_FALSE(ipz::looks_like_gbk(""));
  CHECK_FALSE(ipz::looks_like_gbk("plain ascii"));
  CHECK_FALSE(ipz::looks_like_gbk("企业名称"));
}

TEST_CASE("looks_like_gbk: random high bytes that do not pair up are not GBK", "[utf8]") {
  CHECK_FALSE(ipz::looks_like_gbk("\xFF\xFF\xFF\xFF"));
  CHECK_FALSE(ipz::looks_like_gbk("a\x80" "b\x80" "c\x80"));
  CHECK_FALSE(ipz::looks_like_gbk("\xC6\x7F\xD2\x30"));
}

TEST_CASE("display_width: CJK characters take two columns", "[utf8]") {
  CHECK(ipz::display_width("海淀区") == 6);
  CHECK(ipz::display_width("ABC") == 3);
  CHECK(ipz::display_width("北京 Acme") == 4 + 1 + 4);
  CHECK(ipz::display_width("") == 0);
}

TEST_CASE("display_width: fullwidth forms and Hangul are wide", "[utf8]") {
  CHECK(ipz::display_width("\xEF\xBC\xA1") == 2);  // U+FF21 FULLWIDTH A
  CHECK(ipz::display_width("（）") == 4);          // fullwidth parentheses
  CHECK(ipz::display_width("한국") == 4);
  CHECK(ipz::display_width("。") == 2);            // ideographic full stop
}

TEST_CASE("display_width: combining marks take no columns", "[utf8]") {
  CHECK(ipz::display_width("e\xCC\x81") == 1);  // e + U+0301 COMBINING ACUTE
  CHECK(ipz::display_width("\xC3\xA9") == 1);   // precomposed é
}

TEST_CASE("decode_utf8: yields code points", "[utf8]") {
  CHECK(ipz::decode_utf8("a中\xF0\x9F\x98\x80") == std::u32string{U'a', U'\u4E2D', U'\U0001F600'});
  CHECK(ipz::decode_utf8("").empty());
}

TEST_CASE("decode_utf8: replaces invalid sequences with U+FFFD", "[utf8]") {
  CHECK(ipz::decode_utf8("a\xFF" "b") == std::u32string{U'a', U'\uFFFD', U'b'});
  CHECK(ipz::decode_utf8("\xE4\xB8" "b") == std::u32string{U'\uFFFD', U'b'});
  CHECK(ipz::decode_utf8("\xED\xA0\x80") ==
        std::u32string{U'\uFFFD', U'\uFFFD', U'\uFFFD'});
}
