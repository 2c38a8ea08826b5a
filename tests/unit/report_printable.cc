// Unit tests for report/printable: what every writer may put out.
#include <catch2/catch.hpp>
#include <string>

#include "report/html.h"
#include "report/printable.h"

TEST_CASE("printable: invalid UTF-8 becomes U+FFFD; control and bidi characters go; tab, newline and CJK stay",
          "[report][printable]") {
  CHECK(ipz::printable("中关村\t园\n") == "中关村\t园\n");
  CHECK(ipz::printable(std::string("a\xff"
                                   "b")) ==
        "a\xEF\xBF\xBD"
        "b");  // U+FFFD
  CHECK(ipz::printable("a\x07"
                       "b\x1b[31mc") == "ab[31mc");
  CHECK(ipz::printable("x\u202ey\u2066z\u0085") == "xyz");  // RLO, LRI, NEL (C1)
  CHECK(ipz::printable("") == "");
}

TEST_CASE("HTML: escape makes markup text, after making it printable", "[report][html]") {
  CHECK(ipz::html::escape("<script>\"a\" & 'b'</script>") ==
        "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  CHECK(ipz::html::escape("\u202e<b>") == "&lt;b&gt;");
  CHECK(ipz::html::escape("望京 55.3%") == "望京 55.3%");
}
