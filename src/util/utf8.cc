// UTF-8 handling: strict validation, BOM and GBK detection, decoding, and
// terminal display width. Invalid input is handled per the Unicode
// "maximal subpart" practice (Unicode Standard, section 3.9).
#include "util/utf8.h"

#include <algorithm>
#include <iterator>

namespace ipz {

namespace {

struct Decoded {
  char32_t code_point;  // U+FFFD when !valid
  std::size_t length;   // bytes consumed, >= 1
  bool valid;
};

unsigned char byte_at(std::string_view bytes, std::size_t i) {
  return static_cast<unsigned char>(bytes[i]);
}

// Decodes the sequence starting at `pos` (which must be < bytes.size()).
Decoded decode_one(std::string_view bytes, std::size_t pos) {
  const unsigned char lead = byte_at(bytes, pos);
  if (lead < 0x80) return {lead, 1, true};

  std::size_t trail_count = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail_count = 1;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail_count = 2;
    cp = lead & 0x0Fu;
    if (lead == 0xE0) lo = 0xA0;  // no overlongs
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail_count = 3;
    cp = lead & 0x07u;
    if (lead == 0xF0) lo = 0x90;  // no overlongs
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {U'\uFFFD', 1, false};
  }

  std::size_t length = 1;
  for (std::size_t k = 0; k < trail_count; ++k) {
    const std::size_t i = pos + length;
    if (i >= bytes.size()) return {U'\uFFFD', length, false};
    const unsigned char b = byte_at(bytes, i);
    if (b < lo || b > hi) return {U'\uFFFD', length, false};
    cp = (cp << 6) | (b & 0x3Fu);
    ++length;
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, length, true};
}

struct Range {
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters (width 0).
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},   {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0610, 0x061A},
    {0x064B, 0x065F},   {0x0670, 0x0670},   {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},
    {0x0E47, 0x0E4E},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
    {0x2060, 0x2064},   {0x20D0, 0x20FF},   {0x302A, 0x302D},   {0x3099, 0x309A},
    {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFEFF, 0xFEFF},   {0xE0100, 0xE01EF},
};

// East Asian wide and fullwidth code points (width 2).
constexpr Range kWide[] = {
    {0x1100, 0x115F},   // Hangul Jamo initial consonants
    {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},
    {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},
    {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},   {0x26D4, 0x26D4},
    {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},   {0x26FA, 0x26FA},
    {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},
    {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   // CJK radicals, Kangxi, ideographic description, CJK punctuation
    {0x3041, 0x33FF},   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
    {0x3400, 0x4DBF},   // CJK Extension A
    {0x4E00, 0x9FFF},   // CJK Unified Ideographs
    {0xA000, 0xA4CF},   // Yi
    {0xA960, 0xA97F},   // Hangul Jamo Extended-A
    {0xAC00, 0xD7A3},   // Hangul syllables
    {0xF900, 0xFAFF},   // CJK compatibility ideographs
    {0xFE10, 0xFE19},   // vertical forms
    {0xFE30, 0xFE6F},   // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},   // fullwidth forms
    {0xFFE0, 0xFFE6},   // fullwidth signs
    {0x16FE0, 0x16FE4}, {0x17000, 0x18AFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB},
    {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD},  // CJK Extensions B-F, compatibility supplement
    {0x30000, 0x3FFFD},  // CJK Extension G and later
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  const Range* end = ranges + N;
  const Range* it = std::upper_bound(ranges, end, cp, [](char32_t value, const Range& r) {
    return value < r.first;
  });
  if (it == ranges) return false;
  --it;
  return cp <= it->last;
}

std::size_t code_point_width(char32_t cp) {
  if (cp < 0x300) return 1;
  if (in_ranges(kZeroWidth, cp)) return 0;
  if (in_ranges(kWide, cp)) return 2;
  return 1;
}

}  // namespace

std::optional<Utf8Problem> find_invalid_utf8(std::string_view bytes) {
  int line = 1;
  int column = 1;
  std::size_t pos = 0;
  // A leading byte order mark is not a visible character; skip it.
  if (has_utf8_bom(bytes)) pos = 3;
  while (pos < bytes.size()) {
    const Decoded d = decode_one(bytes, pos);
    if (!d.valid) return Utf8Problem{pos, line, column};
    if (d.code_point == U'\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    pos += d.length;
  }
  return std::nullopt;
}

bool has_utf8_bom(std::string_view bytes) { return bytes.starts_with("\xEF\xBB\xBF"); }

bool looks_like_gbk(std::string_view bytes) {
  if (!find_invalid_utf8(bytes)) return false;
  std::size_t pairs = 0;
  std::size_t strays = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char b = byte_at(bytes, i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0x81 && b <= 0xFE && i + 1 < bytes.size()) {
      const unsigned char t = byte_at(bytes, i + 1);
      if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
        ++pairs;
        i += 2;
        continue;
      }
    }
    ++strays;
    ++i;
  }
  // "For the most part": at least nine in ten high-byte units pair up.
  return pairs > 0 && strays * 9 <= pairs;
}

std::string_view utf16_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  const std::size_t pairs = std::min<std::size_t>(bytes.size(), 4096) / 2;
  std::size_t zero_even = 0;  // NUL bytes at even and at odd offsets
  std::size_t zero_odd = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    zero_even += bytes[2 * i] == '\0';
    zero_odd += bytes[2 * i + 1] == '\0';
  }
  // A quarter of the units ASCII in one byte order, hardly a NUL in the other.
  if (pairs >= 2 && zero_odd * 4 >= pairs && zero_even * 16 <= zero_odd) return "UTF-16LE";
  if (pairs >= 2 && zero_even * 4 >= pairs && zero_odd * 16 <= zero_even) return "UTF-16BE";
  return "";
}

std::optional<EncodingProblem> encoding_problem(std::string_view bytes) {
  if (auto utf16 = utf16_encoding(bytes); !utf16.empty()) return EncodingProblem{"file.utf16", 1, 1, utf16};
  auto bad = find_invalid_utf8(bytes);
  if (!bad) return std::nullopt;
  return EncodingProblem{looks_like_gbk(bytes) ? "file.gbk" : "file.not_utf8", bad->line, bad->column, ""};
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const Decoded d = decode_one(utf8, pos);
    width += code_point_width(d.code_point);
    pos += d.length;
  }
  return width;
}

char32_t next_code_point(std::string_view utf8, std::size_t& pos) {
  const Decoded d = decode_one(utf8, pos);
  pos += d.length;
  return d.code_point;
}

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const Decoded d = decode_one(utf8, pos);
    out.push_back(d.code_point);
    pos += d.length;
  }
  return out;
}

std::string pad_to_width(std::string_view s, std::size_t width) {
  const std::size_t w = display_width(s);
  std::string out(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string utf8_copy_name(const std::string& file) {
  const auto slash = file.find_last_of("/\\");
  const auto dot = file.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1) return file + "-utf8";
  return file.substr(0, dot) + "-utf8" + file.substr(dot);
}

}  // namespace ipz
