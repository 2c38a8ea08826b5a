// Text in the encodings Excel and Notepad write for Chinese, converted to
// UTF-8: GB18030 (which includes GBK, "ANSI" on a Chinese Windows) and UTF-16
// with its byte order mark. glibc's iconv on Linux; on Windows the system's
// own conversions (MultiByteToWideChar with code page 54936, GB18030), so the
// executable needs no library beside it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ipz {

// bytes in GB18030, as UTF-8; nullopt when they are not valid GB18030.
std::optional<std::string> gb18030_to_utf8(std::string_view bytes);

// bytes in UTF-16 (encoding "UTF-16LE" or "UTF-16BE"), a byte order mark
// dropped, as UTF-8; nullopt when they are not valid UTF-16.
std::optional<std::string> utf16_to_utf8(std::string_view bytes, std::string_view encoding);

}  // namespace ipz
