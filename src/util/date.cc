// Civil (proleptic Gregorian) dates: parsing, formatting and calendar
// arithmetic. Day numbers use Howard Hinnant's days_from_civil algorithms.
#include "util/date.h"

#include <cstdio>

namespace ipz {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> parse_digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;                                     // [0, 146096]
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              // [0, 365]
  const long mp = (5 * doy + 2) / 153;                                   // [0, 11]
  const long d = doy - (153 * mp + 2) / 5 + 1;                           // [1, 31]
  const long m = mp < 10 ? mp + 3 : mp - 9;                              // [1, 12]
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
      return 31;
    case 4: case 6: case 9: case 11:
      return 30;
    case 2:
      return is_leap_year(year) ? 29 : 28;
    default:
      return 0;
  }
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_digits(text.substr(0, 4));
  const auto month = parse_digits(text.substr(5, 2));
  const auto day = parse_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  if (*year < 1 || *month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date{*year, *month, *day};
}

namespace {

// Takes one to max digits off the front of text.
std::optional<int> take_digits(std::string_view& text, std::size_t max) {
  std::size_t n = 0;
  while (n < text.size() && n < max && is_digit(text[n])) ++n;
  if (n == 0 || (n < text.size() && is_digit(text[n]))) return std::nullopt;
  auto v = parse_digits(text.substr(0, n));
  text.remove_prefix(n);
  return v;
}

bool take(std::string_view& text, std::string_view word) {
  if (text.substr(0, word.size()) != word) return false;
  text.remove_prefix(word.size());
  return true;
}

std::optional<Date> checked(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

}  // namespace

std::optional<Date> parse_date_lenient(std::string_view text) {
  if (auto d = parse_date(text)) return d;
  if (text.size() < 5 || !is_digit(text[0]) || !is_digit(text[3])) return std::nullopt;
  std::string_view rest = text;
  const auto year = take_digits(rest, 4);
  if (!year || text.size() - rest.size() != 4) return std::nullopt;
  std::string_view first, second, last;
  if (take(rest, "年")) first = "年", second = "月", last = "日";
  else if (take(rest, "-")) first = "-", second = "-";
  else if (take(rest, "/")) first = "/", second = "/";
  else return std::nullopt;
  const auto month = take_digits(rest, 2);
  if (!month || !take(rest, second)) return std::nullopt;
  const auto day = take_digits(rest, 2);
  if (!day || !take(rest, last) || !rest.empty()) return std::nullopt;
  return checked(*year, *month, *day);
}

std::string format_date(Date d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

Date add_years(Date d, int years) {
  Date result{d.year + years, d.month, d.day};
  const int last = days_in_month(result.year, result.month);
  if (result.day > last) result.day = last;
  return result;
}

Date years_period_end(Date from, int years) { return add_years(from, years); }

bool years_complete(Date since, int years, Date on) { return years_period_end(since, years) <= on; }

bool within_last_years(Date d, int years, Date on) { return years_period_end(on, -years) < d && d <= on; }

Date first_day_outside_last_years(Date d, int years) {
  // The corresponding day, or the day after it where counting back from it
  // lands before d (a date of 29 February, counted back from 28 February).
  const Date c = years_period_end(d, years);
  return years_period_end(c, -years) < d ? add_days(c, 1) : c;
}

bool within_bar(Date event, int years, Date on) { return event <= on && on <= years_period_end(event, years); }

Date first_day_after_bar(Date event, int years) { return add_days(years_period_end(event, years), 1); }

Date add_days(Date d, long days) { return civil_from_days(day_number(d) + days); }

long day_number(Date d) {
  const long y = static_cast<long>(d.year) - (d.month <= 2 ? 1 : 0);
  const long m = d.month;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;                                     // [0, 399]
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1;  // [0, 365]
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

long days_between(Date from, Date to) { return day_number(to) - day_number(from); }

int whole_years_between(Date from, Date to) {
  if (to < from) return 0;
  int n = to.year - from.year;
  if (add_years(from, n) > to) --n;
  return n < 0 ? 0 : n;
}

}  // namespace ipz
