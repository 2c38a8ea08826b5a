// Unit tests for util/date: parsing, formatting and calendar arithmetic.
#include <catch2/catch.hpp>

#include "util/date.h"
#include "util/time_zone.h"

using ipz::Date;

namespace {
Date d(int y, int m, int day) { return Date{y, m, day}; }
Date d(const char* text) { return ipz::parse_date(text).value(); }
}  // namespace

TEST_CASE("is_leap_year: every 4th year, not centuries, except every 400th", "[date]") {
  CHECK(ipz::is_leap_year(2024));
  CHECK(ipz::is_leap_year(2000));
  CHECK_FALSE(ipz::is_leap_year(1900));
  CHECK_FALSE(ipz::is_leap_year(2023));
  CHECK_FALSE(ipz::is_leap_year(2100));
}

TEST_CASE("days_in_month: February has 29 days only in leap years", "[date]") {
  CHECK(ipz::days_in_month(2024, 2) == 29);
  CHECK(ipz::days_in_month(2023, 2) == 28);
  CHECK(ipz::days_in_month(2024, 4) == 30);
  CHECK(ipz::days_in_month(2024, 12) == 31);
  CHECK(ipz::days_in_month(2024, 13) == 0);
}

TEST_CASE("parse_date: accepts strict YYYY-MM-DD calendar dates", "[date]") {
  CHECK(ipz::parse_date("2024-02-29") == d(2024, 2, 29));
  CHECK(ipz::parse_date("0001-01-01") == d(1, 1, 1));
  CHECK(ipz::parse_date("9999-12-31") == d(9999, 12, 31));
}

TEST_CASE("parse_date_lenient: 2020/6/1, 2020-6-1 and 2020年6月1日, still real calendar dates", "[date]") {
  for (const char* t : {"2020/6/1", "2020-6-1", "2020年6月1日", "2020/06/01", "2020-06-01", "2020年06月01日"}) {
    INFO(t);
    CHECK(ipz::parse_date_lenient(t) == d(2020, 6, 1));
  }
  for (const char* t : {"2023/2/29", "2020/13/1", "2020-6/1", "2020年6月1", "20/6/1", "2020/6/1/", "2020/123/1",
                        "2020年6-1日", "2020/0/1", ""}) {
    INFO(t);
    CHECK_FALSE(ipz::parse_date_lenient(t));
  }
}

TEST_CASE("parse_date: rejects impossible calendar dates", "[date]") {
  CHECK_FALSE(ipz::parse_date("2023-02-29"));
  CHECK_FALSE(ipz::parse_date("2024-13-01"));
  CHECK_FALSE(ipz::parse_date("2024-04-31"));
  CHECK_FALSE(ipz::parse_date("2024-00-10"));
  CHECK_FALSE(ipz::parse_date("2024-01-00"));
  CHECK_FALSE(ipz::parse_date("0000-01-01"));
}

TEST_CASE("parse_date: rejects anything but exactly 4-2-2 digits", "[date]") {
  CHECK_FALSE(ipz::parse_date(""));
  CHECK_FALSE(ipz::parse_date("2024-3-01"));
  CHECK_FALSE(ipz::parse_date("2024-03-1"));
  CHECK_FALSE(ipz::parse_date("24-03-01"));
  CHECK_FALSE(ipz::parse_date("02024-03-01"));
  CHECK_FALSE(ipz::parse_date("2024/03/01"));
  CHECK_FALSE(ipz::parse_date("2024-03-01 "));
  CHECK_FALSE(ipz::parse_date(" 2024-03-01"));
  CHECK_FALSE(ipz::parse_date("2024-+3-01"));
  CHECK_FALSE(ipz::parse_date("2024-03-0a"));
  CHECK_FALSE(ipz::parse_date("２０２４-03-01"));
}

TEST_CASE("format_date: zero-pads to YYYY-MM-DD and round-trips", "[date]") {
  CHECK(ipz::format_date(d(2024, 3, 5)) == "2024-03-05");
  CHECK(ipz::format_date(d(987, 1, 1)) == "0987-01-01");
  CHECK(ipz::format_date(*ipz::parse_date("2021-12-31")) == "2021-12-31");
}

TEST_CASE("add_years: 29 February plus one year is 28 February", "[date]") {
  CHECK(ipz::add_years(d(2020, 2, 29), 1) == d(2021, 2, 28));
}

TEST_CASE("add_years: 29 February plus four years is 29 February", "[date]") {
  CHECK(ipz::add_years(d(2020, 2, 29), 4) == d(2024, 2, 29));
}

TEST_CASE("add_years: negative years go back, clamping 29 February", "[date]") {
  CHECK(ipz::add_years(d(2024, 2, 29), -3) == d(2021, 2, 28));
  CHECK(ipz::add_years(d(2024, 3, 31), -10) == d(2014, 3, 31));
}

TEST_CASE("add_years: ordinary dates keep month and day", "[date]") {
  CHECK(ipz::add_years(d(2021, 3, 31), 3) == d(2024, 3, 31));
  CHECK(ipz::add_years(d(2021, 3, 31), 0) == d(2021, 3, 31));
}

TEST_CASE("day_number: counts days from 1970-01-01", "[date]") {
  CHECK(ipz::day_number(d(1970, 1, 1)) == 0);
  CHECK(ipz::day_number(d(1970, 1, 2)) == 1);
  CHECK(ipz::day_number(d(1969, 12, 31)) == -1);
  CHECK(ipz::day_number(d(2000, 3, 1)) == 11017);
  CHECK(ipz::day_number(d(2024, 1, 1)) == 19723);
}

TEST_CASE("add_days: crosses month, year and leap-day boundaries both ways", "[date]") {
  CHECK(ipz::add_days(d(2024, 2, 28), 1) == d(2024, 2, 29));
  CHECK(ipz::add_days(d(2023, 2, 28), 1) == d(2023, 3, 1));
  CHECK(ipz::add_days(d(2023, 12, 31), 1) == d(2024, 1, 1));
  CHECK(ipz::add_days(d(2024, 1, 1), -1) == d(2023, 12, 31));
  CHECK(ipz::add_days(d(2024, 1, 1), 366) == d(2025, 1, 1));
  CHECK(ipz::add_days(d(1970, 1, 1), -1) == d(1969, 12, 31));
  CHECK(ipz::add_days(d(1, 1, 1), 0) == d(1, 1, 1));
}

TEST_CASE("day_number and add_days agree over four centuries", "[date]") {
  const Date start = d(1899, 12, 25);
  const long base = ipz::day_number(start);
  Date current = start;
  for (long i = 0; i < 146097 + 10; ++i) {
    REQUIRE(ipz::add_days(start, i) == current);
    REQUIRE(ipz::day_number(current) == base + i);
    // Step one day by hand to check add_days independently.
    if (current.day < ipz::days_in_month(current.year, current.month)) {
      ++current.day;
    } else if (current.month < 12) {
      ++current.month;
      current.day = 1;
    } else {
      current = d(current.year + 1, 1, 1);
    }
  }
}

TEST_CASE("days_between: is to minus from, negative when reversed", "[date]") {
  CHECK(ipz::days_between(d(2024, 1, 1), d(2024, 3, 1)) == 60);
  CHECK(ipz::days_between(d(2023, 1, 1), d(2023, 3, 1)) == 59);
  CHECK(ipz::days_between(d(2024, 3, 1), d(2024, 1, 1)) == -60);
  CHECK(ipz::days_between(d(2024, 3, 1), d(2024, 3, 1)) == 0);
}

TEST_CASE("whole_years_between: the anniversary day completes the year", "[date]") {
  CHECK(ipz::whole_years_between(d(2021, 3, 31), d(2024, 3, 31)) == 3);
  CHECK(ipz::whole_years_between(d(2021, 3, 31), d(2024, 3, 30)) == 2);
}

TEST_CASE("whole_years_between: one day short of the anniversary is not a year", "[date]") {
  CHECK(ipz::whole_years_between(d(2021, 4, 1), d(2024, 3, 31)) == 2);
}

TEST_CASE("whole_years_between: 29 February anniversaries fall on 28 February", "[date]") {
  CHECK(ipz::whole_years_between(d(2020, 2, 29), d(2021, 2, 28)) == 1);
  CHECK(ipz::whole_years_between(d(2020, 2, 29), d(2021, 2, 27)) == 0);
  CHECK(ipz::whole_years_between(d(2020, 2, 29), d(2024, 2, 28)) == 3);
  CHECK(ipz::whole_years_between(d(2020, 2, 29), d(2024, 2, 29)) == 4);
}

TEST_CASE("whole_years_between: zero for the same day or a reversed range", "[date]") {
  CHECK(ipz::whole_years_between(d(2024, 5, 5), d(2024, 5, 5)) == 0);
  CHECK(ipz::whole_years_between(d(2024, 5, 5), d(2020, 5, 5)) == 0);
}

TEST_CASE("date_in_zone: one instant, the date of each zone; an unknown zone is refused", "[date][tz]") {
  // 2024-03-31 16:30 UTC: 2024-04-01 00:30 in Shanghai (UTC+8), 2024-03-31 in London (BST).
  const std::time_t t = 1711902600;
  CHECK(ipz::date_in_zone("Asia/Shanghai", t) == d(2024, 4, 1));
  CHECK(ipz::date_in_zone("UTC", t) == d(2024, 3, 31));
  CHECK(ipz::date_in_zone("Pacific/Kiritimati", t) == d(2024, 4, 1));  // UTC+14
  CHECK(ipz::date_in_zone("Pacific/Pago_Pago", t) == d(2024, 3, 31));  // UTC-11
  CHECK_FALSE(ipz::date_in_zone("Mars/Olympus_Mons", t));
  CHECK_FALSE(ipz::date_in_zone("../../etc/passwd", t));
  CHECK_FALSE(ipz::date_in_zone("/etc/localtime", t));
  CHECK_FALSE(ipz::date_in_zone("", t));
}

// Periods as the Civil Code reads them (民法典 Arts. 201-202): the day of the
// event is not counted; N years end at the end of the corresponding day.

TEST_CASE("years_period_end: the corresponding day, 29 February on 28 February", "[date][period]") {
  CHECK(ipz::years_period_end(d("2019-03-31"), 5) == d("2024-03-31"));
  CHECK(ipz::years_period_end(d("2020-02-29"), 5) == d("2025-02-28"));
  CHECK(ipz::years_period_end(d("2020-02-29"), 4) == d("2024-02-29"));
}

TEST_CASE("years_complete: 3 years of operation are complete on the anniversary, not the day before",
          "[date][period]") {
  CHECK(ipz::years_complete(d("2021-03-31"), 3, d("2024-03-31")));
  CHECK_FALSE(ipz::years_complete(d("2021-03-31"), 3, d("2024-03-30")));
  CHECK(ipz::years_complete(d("2020-02-29"), 3, d("2023-02-28")));
  CHECK_FALSE(ipz::years_complete(d("2020-02-29"), 3, d("2023-02-27")));
}

TEST_CASE("within_bar: a 5-year bar holds on the anniversary; the day after is free", "[date][period]") {
  CHECK(ipz::within_bar(d("2019-03-31"), 5, d("2019-03-31")));
  CHECK(ipz::within_bar(d("2019-03-31"), 5, d("2024-03-31")));
  CHECK_FALSE(ipz::within_bar(d("2019-03-31"), 5, d("2024-04-01")));
  CHECK(ipz::first_day_after_bar(d("2019-03-31"), 5) == d("2024-04-01"));
  CHECK(ipz::within_bar(d("2020-02-29"), 5, d("2025-02-28")));
  CHECK_FALSE(ipz::within_bar(d("2020-02-29"), 5, d("2025-03-01")));
  CHECK(ipz::first_day_after_bar(d("2020-02-29"), 5) == d("2025-03-01"));
  // An event after the date asked about does not bar it yet.
  CHECK_FALSE(ipz::within_bar(d("2024-04-01"), 5, d("2024-03-31")));
}

TEST_CASE("within_last_years: the 3 years that end on as_of", "[date][period]") {
  CHECK(ipz::within_last_years(d("2021-04-01"), 3, d("2024-03-31")));
  CHECK_FALSE(ipz::within_last_years(d("2021-03-31"), 3, d("2024-03-31")));
  CHECK(ipz::within_last_years(d("2024-03-31"), 3, d("2024-03-31")));
  CHECK_FALSE(ipz::within_last_years(d("2024-04-01"), 3, d("2024-03-31")));
  CHECK(ipz::first_day_outside_last_years(d("2021-04-01"), 3) == d("2024-04-01"));
  // 29 February: counted back from 28 February 2023 the window starts on 1 March 2020.
  CHECK(ipz::within_last_years(d("2020-02-29"), 3, d("2023-02-28")));
  CHECK_FALSE(ipz::within_last_years(d("2020-02-29"), 3, d("2023-03-01")));
  CHECK(ipz::first_day_outside_last_years(d("2020-02-29"), 3) == d("2023-03-01"));
}
