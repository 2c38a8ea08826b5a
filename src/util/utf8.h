// UTF-8 handling: strict validation with line/column of the first bad byte,
// BOM and GBK detection, decoding, and terminal display width.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ipz {

struct Utf8Problem {
  std::size_t offset;  // byte offset of the first invalid byte
  int line;            // 1-based
  int column;          // 1-based, counted in code points
};

// Strict: rejects overlong forms, surrogates, code points above U+10FFFF and
// truncated sequences. std::nullopt when the whole input is valid UTF-8.
// A leading byte order mark is not counted as a column.
std::optional<Utf8Problem> find_invalid_utf8(std::string_view bytes);

bool has_utf8_bom(std::string_view bytes);

// Heuristic: the input is not valid UTF-8, but its high bytes mostly form GBK
// double-byte pairs (lead 0x81-0xFE, trail 0x40-0xFE except 0x7F).
bool looks_like_gbk(std::string_view bytes);

// Terminal columns: East Asian wide and fullwidth code points count 2,
// combining marks and zero-width characters 0, everything else 1.
std::size_t display_width(std::string_view utf8);

// s followed by spaces up to `width` terminal columns (s itself when wider).
std::string pad_to_width(std::string_view s, std::size_t width);

// Decodes UTF-8; each maximal invalid subsequence becomes U+FFFD.
std::u32string decode_utf8(std::string_view utf8);

// The code point at pos (U+FFFD for a maximal invalid subsequence), moving pos
// past it; pos must be < utf8.size().
char32_t next_code_point(std::string_view utf8, std::size_t& pos);

}  // namespace ipz
