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

// Parses "123" or "123.45" (digits, at most one dot inside, at most 6
// decimals, at most 10^12); nullopt otherwise.
std::optional<Number> parse_number(std::string_view text);

// Parses a whole number ("12", "+12", "-3"); nullopt for anything else.
std::optional<long long> parse_integer(std::string_view text);

// a < b, exactly.
bool less(const Number& a, const Number& b);

}  // namespace ipz
