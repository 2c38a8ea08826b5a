// Civil (proleptic Gregorian) dates: parsing, formatting and calendar
// arithmetic (adding years and days, counting days and whole years).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ipz {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);

// Number of days in `month` (1..12) of `year`; 0 for a month outside 1..12.
int days_in_month(int year, int month);

// Strict "YYYY-MM-DD": exactly 4-2-2 ASCII digits, a real calendar date,
// year 1..9999. Anything else yields std::nullopt.
std::optional<Date> parse_date(std::string_view text);

// "YYYY-MM-DD" (year zero-padded to four digits).
std::string format_date(Date d);

// Calendar years; 29 February lands on 28 February when the target year is
// not a leap year. `years` may be negative.
Date add_years(Date d, int years);

Date add_days(Date d, long days);

// Days since 1970-01-01 (negative before it).
long day_number(Date d);

// `to - from` in days.
long days_between(Date from, Date to);

// Largest n >= 0 with add_years(from, n) <= to; 0 when to < from.
int whole_years_between(Date from, Date to);

// The current date in the local time zone.
Date today();

}  // namespace ipz
