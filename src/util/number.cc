// Exact decimals (see number.h).
#include "util/number.h"

#include <charconv>

namespace ipz {

std::optional<Number> parse_number(std::string_view text) {
  Number n;
  n.text = std::string(text);
  if (text.empty() || text.front() == '.' || text.back() == '.') return std::nullopt;
  bool seen_dot = false;
  int decimals = 0;
  for (char c : text) {
    if (c == '.') {
      if (seen_dot) return std::nullopt;
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (seen_dot && ++decimals > 6) return std::nullopt;
    n.num = n.num * 10 + (c - '0');
    if (seen_dot) n.den *= 10;
    if (n.num > 1000000000000000000LL / 10) return std::nullopt;
  }
  if (n.num / n.den > 1000000000000LL) return std::nullopt;
  return n;
}

std::optional<long long> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

bool less(const Number& a, const Number& b) {
  // num/den < num'/den' with den, den' <= 10^6 and values <= 10^12: use 128 bits.
  __extension__ using wide = __int128;
  return static_cast<wide>(a.num) * b.den < static_cast<wide>(b.num) * a.den;
}

}  // namespace ipz
