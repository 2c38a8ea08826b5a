// Unit tests for report/sanitize: the one sanitiser every output goes through.
// Fixed cases, then a property test: random bytes for every sink, and the
// result checked by what that sink promises.
#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>

#include "report/formats.h"
#include "report/html.h"
#include "report/sanitize.h"
#include "util/utf8.h"

using ipz::Sink;
using ipz::sanitize;

TEST_CASE("sanitize: invalid UTF-8 becomes U+FFFD; CJK, tab and newline stay in text", "[report][sanitize]") {
  CHECK(sanitize("中关村\t园\n", Sink::text) == "中关村\t园\n");
  CHECK(sanitize(std::string("a\xff"
                             "b"),
                 Sink::text) == "a\xEF\xBF\xBD"
                                "b");
  // A Windows path cut inside a multibyte character, as a parser message quotes it.
  CHECK(sanitize(std::string("D:\\\xE8\xB5"), Sink::json) == "D:\\\\\xEF\xBF\xBD");
  CHECK(sanitize("", Sink::xml) == "");
}

TEST_CASE("sanitize: control and bidi characters are shown visibly in text", "[report][sanitize]") {
  CHECK(sanitize("a\x1b[31mb", Sink::text) == "a<U+001B>[31mb");
  CHECK(sanitize("x\u202ey", Sink::text) == "x<U+202E>y");
  CHECK(sanitize("x\u2066y\u0085z\x7f", Sink::text) == "x<U+2066>y<U+0085>z<U+007F>");
  CHECK(sanitize("a\rb", Sink::text) == "a<U+000D>b");
  CHECK(sanitize("a\nb\tc", Sink::text_line) == "a<U+000A>b<U+0009>c");
  CHECK(ipz::html::escape("\u202e<b>") == "&lt;U+202E&gt;&lt;b&gt;");
  CHECK(ipz::html::escape("<script>\"a\" & 'b'</script>") ==
        "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
}

TEST_CASE("sanitize: JSON and XML escape them", "[report][sanitize]") {
  CHECK(ipz::json_string("a\x1b\"\\\u202e\u2028") == "\"a\\u001b\\\"\\\\\\u202e\\u2028\"");
  CHECK(ipz::xml_escape("a\x1b<&\u202e\r\"'") == "a&lt;U+001B&gt;&lt;&amp;&#x202E;&#xD;&quot;&apos;");
  CHECK(ipz::xml_escape("\xEF\xBF\xBE") == "&lt;U+FFFE&gt;");  // not an XML character
}

TEST_CASE("csv_cell: a formula is neutralised (OWASP), a number is not", "[report][sanitize]") {
  CHECK(ipz::csv_cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(ipz::csv_cell("+1") == "'+1");
  CHECK(ipz::csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(ipz::csv_cell("\tx") == "'\tx");
  CHECK(ipz::csv_cell("-") == "-");
  CHECK(ipz::csv_cell("-x") == "'-x");
  CHECK(ipz::csv_cell("-12") == "-12");
  CHECK(ipz::csv_cell("-1.5") == "-1.5");
  CHECK(ipz::csv_cell("a,b") == "\"a,b\"");
  CHECK(ipz::csv_cell("北京") == "北京");
}

TEST_CASE("excerpt: at most so many characters, never a broken one", "[report][sanitize]") {
  CHECK(ipz::excerpt("中关村科技园", 3) == "中关村…");
  CHECK(ipz::excerpt("abc", 3) == "abc");
  CHECK(ipz::excerpt(std::string("\xE4\xB8"), 5) == "\xEF\xBF\xBD");
}

namespace {

// What no sink may let through: invalid UTF-8, and the hazardous code points
// (tab and newline only where allowed).
bool clean(const std::string& s, bool tab_newline_ok) {
  if (ipz::find_invalid_utf8(s)) return false;
  for (char32_t c : ipz::decode_utf8(s)) {
    if (tab_newline_ok && (c == U'\t' || c == U'\n')) continue;
    if (ipz::is_hazardous(c) || c == 0xFFFE || c == 0xFFFF) return false;
  }
  return true;
}

// A strict check of a JSON string literal's inside: only the escapes JSON has.
bool json_inside_ok(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"') return false;
    if (c != '\\') continue;
    if (++i >= s.size()) return false;
    if (std::string_view("\"\\/bfnrt").find(s[i]) != std::string_view::npos) continue;
    if (s[i] != 'u' || i + 4 >= s.size()) return false;
    for (int k = 1; k <= 4; ++k)
      if (!std::isxdigit(static_cast<unsigned char>(s[i + k]))) return false;
    i += 4;
  }
  return true;
}

// XML: no < or raw & outside an entity or a character reference.
bool xml_ok(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'') return false;
    if (s[i] != '&') continue;
    const std::size_t semi = s.find(';', i);
    if (semi == std::string::npos || semi - i > 8) return false;
    const std::string ent = s.substr(i + 1, semi - i - 1);
    if (ent != "amp" && ent != "lt" && ent != "gt" && ent != "quot" && ent != "apos" && ent != "#39" &&
        ent.rfind("#x", 0) != 0)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("sanitize, property: random bytes come out valid for every sink", "[report][sanitize][property]") {
  std::mt19937 rng(20240331);
  // Bytes biased towards the interesting ones: controls, lead bytes, parts of U+202E.
  const std::string pool = std::string("\x00\x01\x07\x09\x0a\x0d\x1b\x7f\x80\x85\xc2\xe2\x80\xae\xef\xbf\xbe\xf0\xf4\xff"
                                       "=+-@\"'<>&\\|,",
                                       32) +
                           "中关村";
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k)
      s += (rng() % 3 == 0) ? static_cast<char>(rng() % 256) : pool[rng() % pool.size()];
    INFO("input bytes: " << s.size());
    const std::string text = sanitize(s, Sink::text), line = sanitize(s, Sink::text_line);
    CHECK(clean(text, true));
    CHECK(clean(line, false));
    const std::string json = sanitize(s, Sink::json);
    CHECK(ipz::find_invalid_utf8(json) == std::nullopt);
    CHECK(json_inside_ok(json));
    const std::string xml = sanitize(s, Sink::xml), html = sanitize(s, Sink::html);
    CHECK(ipz::find_invalid_utf8(xml) == std::nullopt);
    CHECK(xml_ok(xml));
    CHECK(clean(xml, true));
    CHECK(clean(html, true));
    CHECK(xml_ok(html));
    const std::string cell = ipz::csv_cell(s);
    CHECK(ipz::find_invalid_utf8(cell) == std::nullopt);
    const std::string inside = cell.size() >= 2 && cell[0] == '"' ? cell.substr(1, cell.size() - 2) : cell;
    const bool number = inside == "-" || (inside.size() > 1 && inside[0] == '-' &&
                                          inside.find_first_not_of("0123456789.", 1) == std::string::npos);
    CHECK((number || std::string("=+-@\t\r").find(inside.empty() ? 'x' : inside[0]) == std::string::npos));
  }
}
