// Unit tests for util/number_format: one rendering of shares and decimals for
// every format (README "How the Measures are read": a tenth of a percent,
// rounded half up, a failing share never shown reaching its bound).
#include <catch2/catch.hpp>

#include "util/number_format.h"

using ipz::Number;

TEST_CASE("number_format: a decimal rounded half up to its places", "[number_format]") {
  CHECK(ipz::format_decimal(165, 81, 2) == "2.04");   // 2.037
  CHECK(ipz::format_decimal(165, 80, 2) == "2.06");   // 2.0625: half down of the next digit
  CHECK(ipz::format_decimal(1, 8, 2) == "0.13");      // 0.125 exactly half: up
  CHECK(ipz::format_decimal(4700, 85, 1) == "55.3");  // 55.294
  CHECK(ipz::format_decimal(7, 1, 0) == "7");
  CHECK(ipz::format_decimal(4269, 100, 2) == "42.69");
  CHECK(ipz::format_decimal(5, 100, 2) == "0.05");  // leading zeros of the fraction kept
  CHECK(ipz::format_decimal(1, 0, 1) == "0.0");     // no denominator: 0
}

TEST_CASE("number_format: Art. 5(2) shares in tenths of a percent, rounded half up", "[number_format][art5.2]") {
  CHECK(ipz::share_tenths(47, 85) == 553);  // 55.294 %
  CHECK(ipz::share_tenths(75, 85) == 882);  // 88.235 %
  CHECK(ipz::share_tenths(1, 8) == 125);    // 12.5 % exactly
  CHECK(ipz::share_tenths(1, 16) == 63);    // 6.25 %: half up
  CHECK(ipz::share_tenths(0, 0) == 0);
  CHECK(ipz::format_share(47, 85) == "55.3% (47/85)");
  CHECK(ipz::format_share(0, 0) == "0/0");
}

TEST_CASE("number_format: a share that fails its bound is never shown reaching it", "[number_format][art5.2]") {
  const Number eighty{80, 1, "80"}, sixty{60, 1, "60"}, half{625, 10, "62.5"};
  // 7997 of 10000 = 79.97 % rounds to 80.0 %, but fails 80 %: shown 79.9 %
  CHECK(ipz::share_tenths(7997, 10000) == 800);
  CHECK(ipz::share_tenths(7997, 10000, &eighty) == 799);
  CHECK(ipz::format_share(7997, 10000, &eighty) == "79.9% (7997/10000)");
  // a failing share far from its bound is rounded as usual
  CHECK(ipz::share_tenths(47, 85, &sixty) == 553);
  // a bound with decimals: 62.46 % under 62.5 % is 62.4 %, not 62.5 %
  CHECK(ipz::share_tenths(6246, 10000, &half) == 624);
  CHECK(ipz::format_tenths(624) == "62.4");
}

#include "util/number.h"

TEST_CASE("ungrouped: thousands separators in groups of exactly three, else nothing", "[number]") {
  CHECK(ipz::ungrouped("1,500") == "1500");
  CHECK(ipz::ungrouped("1,234,567") == "1234567");
  CHECK(ipz::ungrouped("1,500.5") == "1500.5");
  CHECK(ipz::ungrouped("999,000") == "999000");
  for (const char* t : {"1500", "1,50", "1,5000", ",500", "1,,500", "1234,567", "1,500.5,0", "1,500,", "a,500"}) {
    INFO(t);
    CHECK_FALSE(ipz::ungrouped(t));
  }
}
