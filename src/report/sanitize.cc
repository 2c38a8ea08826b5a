// The one sanitiser (see sanitize.h).
#include "report/sanitize.h"

#include "util/utf8.h"

namespace ipz {

namespace {

const char* kHex = "0123456789ABCDEF";
const char* kHexLower = "0123456789abcdef";

// <U+001B>, as a person reads it (the code point in at least four hex digits).
void append_visible(std::string& out, char32_t c, bool markup) {
  out += markup ? "&lt;U+" : "<U+";
  std::string digits;
  for (char32_t v = c; v != 0 || digits.size() < 4; v >>= 4) digits.insert(digits.begin(), kHex[v & 15]);
  out += digits;
  out += markup ? "&gt;" : ">";
}

void append_json_escape(std::string& out, char32_t c) {  // c < 0x10000
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHexLower[(c >> shift) & 15];
}

void append_char_reference(std::string& out, char32_t c) {
  out += "&#x";
  std::string digits;
  for (char32_t v = c; v != 0; v >>= 4) digits.insert(digits.begin(), kHex[v & 15]);
  out += digits;
  out += ';';
}

// &, <, >, " and ' for XML and HTML; false for any other character.
bool append_entity(std::string& out, char32_t c, bool html) {
  switch (c) {
    case U'&': out += "&amp;"; return true;
    case U'<': out += "&lt;"; return true;
    case U'>': out += "&gt;"; return true;
    case U'"': out += "&quot;"; return true;
    case U'\'': out += html ? "&#39;" : "&apos;"; return true;
    default: return false;
  }
}

void append_json(std::string& out, char32_t c) {
  switch (c) {
    case U'"': out += "\\\""; return;
    case U'\\': out += "\\\\"; return;
    case U'\n': out += "\\n"; return;
    case U'\r': out += "\\r"; return;
    case U'\t': out += "\\t"; return;
    default:
      if (is_hazardous(c)) append_json_escape(out, c);
      else append_utf8(out, c);
  }
}

void append_xml(std::string& out, char32_t c) {
  if (append_entity(out, c, false)) return;
  if (c == U'\t' || c == U'\n') {
    out += static_cast<char>(c);
  } else if (c == U'\r') {
    append_char_reference(out, c);  // kept: a raw CR would be read as a newline
  } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
    append_visible(out, c, true);  // XML 1.0 cannot carry these at all
  } else if (is_hazardous(c)) {
    append_char_reference(out, c);
  } else {
    append_utf8(out, c);
  }
}

void append_one(std::string& out, char32_t c, Sink sink) {
  switch (sink) {
    case Sink::json: append_json(out, c); return;
    case Sink::xml: append_xml(out, c); return;
    case Sink::html:
      if (append_entity(out, c, true)) return;
      if (c == U'\t' || c == U'\n') out += static_cast<char>(c);
      else if (is_hazardous(c)) append_visible(out, c, true);
      else append_utf8(out, c);
      return;
    case Sink::text:
      if (c == U'\t' || c == U'\n') out += static_cast<char>(c);
      else if (is_hazardous(c)) append_visible(out, c, false);
      else append_utf8(out, c);
      return;
    case Sink::text_line:
      if (is_hazardous(c)) append_visible(out, c, false);
      else append_utf8(out, c);
      return;
  }
}

// Only printable ASCII and the characters that need no change for sink:
// then s is copied as it is, the common case.
bool copy_as_is(std::string_view s, Sink sink) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return false;  // decode it (and check it)
    if (c < 0x20 || c == 0x7f) {
      if (!(c == '\n' || c == '\t') || sink == Sink::text_line || sink == Sink::json) return false;
      continue;
    }
    switch (sink) {
      case Sink::json:
        if (c == '"' || c == '\\') return false;
        break;
      case Sink::xml:
      case Sink::html:
        if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return false;
        break;
      default: break;
    }
  }
  return true;
}

bool is_number(std::string_view s) {
  std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits = true;
    else if (s[i] == '.' && !dot && digits) dot = true;
    else return false;
  }
  return digits && s.back() != '.';
}

}  // namespace

bool is_hazardous(char32_t c) {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return true;  // C0, DEL, C1
  switch (c) {
    case 0x061C:  // ARABIC LETTER MARK
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2028:  // LINE SEPARATOR
    case 0x2029:  // PARAGRAPH SEPARATOR
    case 0xFFFE:  // noncharacters, and not XML characters
    case 0xFFFF:
      return true;
    default:
      return (c >= 0x202a && c <= 0x202e) ||  // embeddings and overrides
             (c >= 0x2066 && c <= 0x2069);    // isolates
  }
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

void sanitize_into(std::string& out, std::string_view s, Sink sink) {
  if (copy_as_is(s, sink)) {
    out += s;
    return;
  }
  std::size_t pos = 0;
  while (pos < s.size()) append_one(out, next_code_point(s, pos), sink);
}

std::string sanitize(std::string_view s, Sink sink) {
  std::string out;
  out.reserve(s.size());
  sanitize_into(out, s, sink);
  return out;
}

std::string csv_cell(std::string_view s) {
  std::string text = sanitize(s, Sink::text);
  // A lone "-" (standard input, a value not reached) is no formula.
  if (!text.empty() && std::string_view("=+-@\t").find(text[0]) != std::string_view::npos && !is_number(text) &&
      text != "-")
    text.insert(text.begin(), '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string markdown_cell(std::string_view text) {
  std::string s;
  for (char c : sanitize(text, Sink::text_line)) {
    if (c == '|') s += '\\';
    s += c;
  }
  return s;
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t pos = 0, chars = 0;
  while (pos < s.size()) {
    if (chars == max_chars) {
      out += "…";
      break;
    }
    append_utf8(out, next_code_point(s, pos));
    ++chars;
  }
  return out;
}

}  // namespace ipz
