// Exact decimals (see number.h).
#include "util/number.h"

#include <algorithm>
#include <charconv>
#include <limits>

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
  if (n.num / n.den > kMaxNumber) return std::nullopt;
  return n;
}

std::optional<std::string> ungrouped(std::string_view text) {
  if (text.find(',') == std::string_view::npos) return std::nullopt;
  std::string out;
  std::size_t i = 0;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) out += text[i++];
  const std::size_t end = std::min(text.find('.'), text.size());
  std::size_t digits = 0;  // in the current group
  bool grouped = false;
  for (; i < end; ++i) {
    const char c = text[i];
    if (c == ',') {
      if (digits == 0 || (grouped ? digits != 3 : digits > 3)) return std::nullopt;
      grouped = true;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      out += c;
      ++digits;
    } else {
      return std::nullopt;
    }
  }
  if (digits != 3) return std::nullopt;
  if (text.substr(end).find(',') != std::string_view::npos) return std::nullopt;
  out += text.substr(end);
  return out;
}

std::optional<long long> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<double> approximate_number(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text == ".inf" || text == ".Inf" || text == ".INF")
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  // Digits, at most one dot, an optional exponent: nothing else (no "inf", "nan", hex).
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == exponent_start) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) {
    // Too large for a double (1e400) or too small to be told from 0 (1e-400).
    const std::size_t e = text.find_first_of("eE");
    v = e != std::string_view::npos && text.size() > e + 1 && text[e + 1] == '-' ? 0.0
                                                                                : std::numeric_limits<double>::infinity();
  } else if (ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return negative ? -v : v;
}

bool less(const Number& a, const Number& b) {
  // num/den < num'/den' with den, den' <= 10^6 and values <= 10^12: use 128 bits.
  __extension__ using wide = __int128;
  return static_cast<wide>(a.num) * b.den < static_cast<wide>(b.num) * a.den;
}

}  // namespace ipz
