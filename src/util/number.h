// Number: an exact non-negative decimal (70, 80, 62.5, 1234.56) held as
// numerator / denominator, so that thresholds and size figures compare
// exactly, never in floating point.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ipz {

struct Number {
  long long num = 0;
  long long den = 1;  // a power of ten
  std::string text;   // as written, for reports
};

// The largest Number: 10^12.
inline constexpr long long kMaxNumber = 1000000000000LL;

// Parses "123" or "123.45" (digits, at most one dot inside, at most 6
// decimals, at most kMaxNumber); nullopt otherwise.
std::optional<Number> parse_number(std::string_view text);

// Parses a whole number ("12", "+12", "-3"); nullopt for anything else.
std::optional<long long> parse_integer(std::string_view text);

// "1,500", "1,234,567", "1,500.5" without their thousands separators
// ("1500"): the digits before a dot in groups of exactly three after the
// first group of one to three, optionally signed. nullopt when text has no
// comma or is not grouped so ("1,50", ",500", "1,,500").
std::optional<std::string> ungrouped(std::string_view text);

// The value of text, roughly, when it is a number in any notation YAML or a
// spreadsheet writes (12, -3, 1.5, 1e30, 1E+30, .inf, -.Inf): to tell a
// value that is too large, or negative, from one that is not a number at
// all. nullopt when it is not a number (.nan is none).
std::optional<double> approximate_number(std::string_view text);

// a < b, exactly.
bool less(const Number& a, const Number& b);

}  // namespace ipz
