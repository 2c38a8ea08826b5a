// Text as every writer may put it out: invalid UTF-8 shown as U+FFFD, and
// control characters (other than tab and newline) and the bidirectional
// overrides and isolates dropped, so that a zone name cannot break a
// workbook's XML or make a page read differently than it is.
#pragma once

#include <string>
#include <string_view>

namespace ipz {

std::string printable(std::string_view s);

// One code point as UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace ipz
