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

// Why bytes are not UTF-8 text, with the place it shows: a message key
// (file.utf16 with the encoding UTF-16LE or UTF-16BE, file.gbk,
// file.not_utf8) and the 1-based line and column (1:1 for UTF-16, the first
// bad byte otherwise); nullopt when they are UTF-8.
struct EncodingProblem {
  std::string_view key;
  int line = 1;
  int column = 1;
  std::string_view encoding;  // for file.utf16
};
std::optional<EncodingProblem> encoding_problem(std::string_view bytes);

// Where a converted copy of file could go, for the messages above: its name
// with "-utf8" before the suffix (roster.csv -> roster-utf8.csv).
std::string utf8_copy_name(const std::string& file);

// "UTF-16LE" or "UTF-16BE" when bytes look like UTF-16: they start with its
// byte order mark, or, without one, NUL bytes fill every other position of
// their start (ASCII characters, of which YAML and CSV have many, in UTF-16);
// empty otherwise.
std::string_view utf16_encoding(std::string_view bytes);

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
