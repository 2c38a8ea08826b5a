// Strict well-formedness checks of the output formats (see output_checks.h).
#include "output_checks.h"

#include <set>
#include <string>
#include <vector>

#include "report/sanitize.h"
#include "util/utf8.h"

namespace ipz::fuzz {

namespace {

std::string at(std::size_t pos, const std::string& what) { return "byte " + std::to_string(pos) + ": " + what; }

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// A recursive-descent JSON reader that only says whether the text is JSON.
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  std::string document() {
    skip_ws();
    if (!value(0)) return error_;
    skip_ws();
    if (pos_ != s_.size()) return at(pos_, "text after the JSON value");
    return "";
  }

 private:
  bool fail(const std::string& what) {
    if (error_.empty()) error_ = at(pos_, what);
    return false;
  }
  void skip_ws() {
    while (pos_ < s_.size() && is_ws(s_[pos_])) ++pos_;
  }
  bool eat(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return fail("not a JSON value");
    pos_ += word.size();
    return true;
  }

  bool value(int depth) {
    if (depth > 200) return fail("nested too deeply");
    if (pos_ >= s_.size()) return fail("a value expected, found the end");
    switch (s_[pos_]) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string(nullptr);
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  bool object(int depth) {
    ++pos_;
    std::set<std::string> keys;
    skip_ws();
    if (eat('}')) return true;
    while (true) {
      skip_ws();
      std::string key;
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail("a key expected");
      if (!string(&key)) return false;
      if (!keys.insert(key).second) return fail("duplicate key " + key);
      skip_ws();
      if (!eat(':')) return fail("':' expected");
      skip_ws();
      if (!value(depth + 1)) return false;
      skip_ws();
      if (eat('}')) return true;
      if (!eat(',')) return fail("',' or '}' expected");
    }
  }

  bool array(int depth) {
    ++pos_;
    skip_ws();
    if (eat(']')) return true;
    while (true) {
      skip_ws();
      if (!value(depth + 1)) return false;
      skip_ws();
      if (eat(']')) return true;
      if (!eat(',')) return fail("',' or ']' expected");
    }
  }

  // \uXXXX: its value, or -1.
  long hex4() {
    if (pos_ + 4 > s_.size()) return -1;
    long v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[pos_ + static_cast<std::size_t>(k)];
      if (!is_hex(c)) return -1;
      v = v * 16 + (is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    pos_ += 4;
    return v;
  }

  bool escape(std::string* out) {
    if (pos_ >= s_.size()) return fail("unfinished escape");
    const char c = s_[pos_++];
    if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos) {
      if (out) *out += c;
      return true;
    }
    if (c != 'u') return fail("unknown escape");
    const long u = hex4();
    if (u < 0) return fail("bad \\u escape");
    if (u >= 0xDC00 && u <= 0xDFFF) return fail("lone low surrogate");
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (!eat('\\') || !eat('u')) return fail("high surrogate without its pair");
      const long low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return fail("high surrogate without its pair");
    }
    if (out) *out += "\\u" + std::to_string(u);
    return true;
  }

  bool string(std::string* out) {
    ++pos_;
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return fail("control character in a string");
      ++pos_;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (out) {
        *out += static_cast<char>(c);
      }
    }
    return fail("unterminated string");
  }

  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    return pos_ > start;
  }

  bool number() {
    eat('-');
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail("not a JSON value");
    }
    if (eat('.') && !digits()) return fail("digits expected after '.'");
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (!eat('+')) eat('-');
      if (!digits()) return fail("digits expected in the exponent");
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

std::string check_utf8(std::string_view s) {
  if (auto bad = find_invalid_utf8(s))
    return "invalid UTF-8 at line " + std::to_string(bad->line) + ", column " + std::to_string(bad->column);
  return "";
}

std::string check_json(std::string_view s) {
  if (std::string e = check_utf8(s); !e.empty()) return e;
  return JsonReader(s).document();
}

std::string check_ndjson(std::string_view s) {
  if (std::string e = check_utf8(s); !e.empty()) return e;
  if (s.empty() || s.back() != '\n') return "not ended by a newline";
  std::size_t start = 0;
  for (int line = 1; start < s.size(); ++line) {
    const std::size_t end = s.find('\n', start);
    const std::string_view one = s.substr(start, end - start);
    if (one.empty()) return "line " + std::to_string(line) + " is empty";
    if (std::string e = JsonReader(one).document(); !e.empty()) return "line " + std::to_string(line) + ", " + e;
    start = end + 1;
  }
  return "";
}

std::string check_text(std::string_view s) {
  if (std::string e = check_utf8(s); !e.empty()) return e;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t here = pos;
    const char32_t c = next_code_point(s, pos);
    if (c == U'\t' || c == U'\n') continue;
    if (is_hazardous(c)) return at(here, "a control or bidi character");
  }
  return "";
}

std::string check_format(std::string_view format, std::string_view s) {
  if (format == "json" || format == "sarif") return check_json(s);
  if (format == "ndjson") return check_ndjson(s);
  if (format == "junit") return check_xml(s);
  if (format == "csv") return check_csv(s);
  return check_text(s);
}

}  // namespace ipz::fuzz
