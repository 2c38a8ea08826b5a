// One number, one rendering: how every output format (text, JSON, CSV,
// Markdown, HTML, XLSX, the score) shows a share, a ratio or a decimal. The
// evaluator fills its messages with these, the report's key figures come
// from them, and a spreadsheet cell holds the value they show.
#pragma once

#include <string>

#include "util/number.h"

namespace ipz {

// num / den (den > 0; 0 otherwise) to `places` decimals, rounded half up:
// 165 / 81 -> "2.04" (2 places), 4700 / 85 -> "55.3" (1 place).
std::string format_decimal(long long num, long long den, int places);

// A share count / total as a percentage in tenths of a percent, rounded half
// up (47 / 85 -> 553), except that a share which fails its bound (given as
// failed_bound, a percent) is never shown reaching it: 7997 / 10000 under
// 80 % is 799, not 800. 0 for an empty roster.
long long share_tenths(long long count, long long total, const Number* failed_bound = nullptr);

// Tenths as a decimal: 553 -> "55.3".
std::string format_tenths(long long tenths);

// A share as every message shows it: "55.3% (47/85)"; "0/0" for an empty roster.
std::string format_share(long long count, long long total, const Number* failed_bound = nullptr);

}  // namespace ipz
