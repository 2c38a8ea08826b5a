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

// As a person writes a date: parse_date's form, or year, month and day with
// one or two digits for the month and day, separated by '-' or '/' (the same
// twice), or written 2020年6月1日. Still a real calendar date, year 1..9999.
std::optional<Date> parse_date_lenient(std::string_view text);

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

// Periods of whole years, as the Civil Code reads them (民法典 第二百零一条、
// 第二百零二条): the day of the event is not counted, and a period of N years
// ends at the end of the corresponding day (对应日) N years later; where that
// year has no such day (29 February), the period ends on the month's last day.
// So a period of 3 years from 2021-03-31 runs 2021-04-01 .. 2024-03-31, and
// one of 5 years from 2020-02-29 runs 2020-03-01 .. 2025-02-28. Every window
// of the Measures is read through this one function:
//  - "operated 3 years" (Arts. 6(1), 6(2)): complete on the last day,
//    years_period_end(since, 3) <= as_of;
//  - "within the last 3 years" (Art. 6(4)): the period of 3 years that ends on
//    as_of, i.e. a date d with years_period_end(as_of, -3) < d <= as_of;
//  - a bar of 5 years after an event (Arts. 8, 11(4), 13): d <= as_of <=
//    years_period_end(d, 5), and the first day free of it is the day after.
// With negative `years`, the day before the first day of the period of
// -years years that ends on `from`.
Date years_period_end(Date from, int years);

// The readings above, each one line over years_period_end:
bool years_complete(Date since, int years, Date on);     // Arts. 6(1), 6(2)
bool within_last_years(Date d, int years, Date on);      // Art. 6(4)
Date first_day_outside_last_years(Date d, int years);    // the first `on` where d no longer counts
bool within_bar(Date event, int years, Date on);         // Arts. 8, 11(4), 13
Date first_day_after_bar(Date event, int years);         // the day after the bar's last day

}  // namespace ipz
