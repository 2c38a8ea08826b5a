// Showing numbers (see number_format.h).
#include "util/number_format.h"

namespace ipz {

namespace {
__extension__ using wide = __int128;
}

std::string format_decimal(long long num, long long den, int places) {
  if (den <= 0 || num < 0) num = 0, den = 1;
  long long scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const auto v = static_cast<long long>((static_cast<wide>(num) * scale * 2 + den) / (static_cast<wide>(den) * 2));
  std::string whole = std::to_string(v / scale);
  if (places == 0) return whole;
  const std::string frac = std::to_string(v % scale);
  return whole + "." + std::string(static_cast<std::size_t>(places) - frac.size(), '0') + frac;
}

long long share_tenths(long long count, long long total, const Number* failed_bound) {
  if (total <= 0 || count < 0) return 0;
  auto tenths = static_cast<long long>((static_cast<wide>(count) * 2000 + total) / (static_cast<wide>(total) * 2));
  // tenths / 10 >= num / den percent: shown at or above a bound it does not reach
  if (failed_bound && static_cast<wide>(tenths) * failed_bound->den >= static_cast<wide>(failed_bound->num) * 10)
    tenths = static_cast<long long>(static_cast<wide>(count) * 1000 / total);
  return tenths;
}

std::string format_tenths(long long tenths) { return format_decimal(tenths, 10, 1); }

std::string format_share(long long count, long long total, const Number* failed_bound) {
  if (total <= 0) return "0/0";
  return format_tenths(share_tenths(count, total, failed_bound)) + "% (" + std::to_string(count) + "/" +
         std::to_string(total) + ")";
}

}  // namespace ipz
