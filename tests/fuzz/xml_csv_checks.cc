// Strict well-formedness checks of XML (JUnit) and CSV (see output_checks.h).
#include <set>
#include <string>
#include <vector>

#include "output_checks.h"
#include "util/utf8.h"

namespace ipz::fuzz {

namespace {

std::string at(std::size_t pos, const std::string& what) { return "byte " + std::to_string(pos) + ": " + what; }

bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}
bool name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// An XML 1.0 well-formedness checker, without a DTD.
class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  std::string document() {
    if (s_.substr(0, 5) == "<?xml" && !skip_past("?>")) return error_;
    misc();
    if (pos_ >= s_.size() || s_[pos_] != '<') return fail_at("the root element expected");
    if (!element()) return error_;
    misc();
    if (pos_ != s_.size()) return fail_at("content after the root element");
    return "";
  }

 private:
  std::string fail_at(const std::string& what) {
    if (error_.empty()) error_ = at(pos_, what);
    return error_;
  }
  bool fail(const std::string& what) {
    fail_at(what);
    return false;
  }
  bool skip_past(std::string_view end) {
    const std::size_t e = s_.find(end, pos_);
    if (e == std::string_view::npos) return fail("unterminated markup");
    pos_ = e + end.size();
    return true;
  }
  void skip_ws() {
    while (pos_ < s_.size() && is_ws(s_[pos_])) ++pos_;
  }
  // White space, comments and processing instructions outside the root.
  void misc() {
    while (true) {
      skip_ws();
      if (s_.substr(pos_, 4) == "<!--") {
        if (!comment()) return;
      } else if (s_.substr(pos_, 2) == "<?") {
        if (!skip_past("?>")) return;
      } else {
        return;
      }
    }
  }
  bool comment() {
    const std::size_t e = s_.find("--", pos_ + 4);
    if (e == std::string_view::npos || s_.substr(e, 3) != "-->") return fail("'--' inside a comment");
    pos_ = e + 3;
    return true;
  }
  bool name(std::string& out) {
    const std::size_t start = pos_;
    if (pos_ >= s_.size() || !name_start(s_[pos_])) return fail("a name expected");
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    out = std::string(s_.substr(start, pos_ - start));
    return true;
  }
  bool reference() {
    const std::size_t semi = s_.find(';', pos_);
    if (semi == std::string_view::npos || semi - pos_ > 10) return fail("'&' not part of a reference");
    const std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
    pos_ = semi + 1;
    if (ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos") return true;
    if (ref.size() < 2 || ref[0] != '#') return fail("unknown entity");
    const bool hex = ref[1] == 'x';
    const std::string digits(ref.substr(hex ? 2 : 1));
    if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
      return fail("bad character reference");
    if (!xml_char(static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10))))
      return fail("a character reference to a character XML forbids");
    return true;
  }
  bool attribute_value() {
    if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return fail("a quoted value expected");
    const char quote = s_[pos_++];
    while (pos_ < s_.size() && s_[pos_] != quote) {
      if (s_[pos_] == '<') return fail("'<' in an attribute value");
      if (s_[pos_] == '&') {
        if (!reference()) return false;
      } else {
        ++pos_;
      }
    }
    if (pos_ >= s_.size()) return fail("unterminated attribute value");
    ++pos_;
    return true;
  }
  // After the element's name: its attributes up to > or />; true when empty (/>).
  bool attributes(bool& empty) {
    std::set<std::string> seen;
    while (true) {
      const std::size_t before = pos_;
      skip_ws();
      if (s_.substr(pos_, 2) == "/>") return pos_ += 2, empty = true;
      if (pos_ < s_.size() && s_[pos_] == '>') return ++pos_, empty = false, true;
      if (pos_ == before) return fail("white space expected before an attribute");
      std::string n;
      if (!name(n)) return false;
      if (!seen.insert(n).second) return fail("duplicate attribute " + n);
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '=') return fail("'=' expected");
      ++pos_;
      skip_ws();
      if (!attribute_value()) return false;
    }
  }
  bool markup_in_content(const std::string& open, bool& closed) {
    if (s_.substr(pos_, 4) == "<!--") return comment();
    if (s_.substr(pos_, 9) == "<![CDATA[") return skip_past("]]>");
    if (s_.substr(pos_, 2) == "<?") return skip_past("?>");
    if (s_.substr(pos_, 2) != "</") return element();
    pos_ += 2;
    std::string n;
    if (!name(n)) return false;
    if (n != open) return fail("</" + n + "> closes <" + open + ">");
    skip_ws();
    if (pos_ >= s_.size() || s_[pos_] != '>') return fail("'>' expected");
    ++pos_;
    closed = true;
    return true;
  }
  bool element() {
    if (++depth_ > 500) return fail("nested too deeply");
    ++pos_;
    std::string open;
    bool empty = false;
    if (!name(open) || !attributes(empty)) return false;
    for (bool closed = empty; !closed;) {
      if (pos_ >= s_.size()) return fail("<" + open + "> is never closed");
      const char c = s_[pos_];
      if (c == '<') {
        if (!markup_in_content(open, closed)) return false;
      } else if (c == '&') {
        if (!reference()) return false;
      } else if (s_.substr(pos_, 3) == "]]>") {
        return fail("']]>' in character data");
      } else {
        ++pos_;
      }
    }
    --depth_;
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

std::string xml_characters(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t here = pos;
    if (!xml_char(next_code_point(s, pos))) return at(here, "a character XML forbids");
  }
  return "";
}

// A cell as a spreadsheet would see it: an apostrophe first, or not a formula.
std::string formula_in(const std::string& cell) {
  if (cell.empty() || std::string_view("=+@\t\r").find(cell[0]) == std::string_view::npos) {
    if (cell.size() < 2 || cell[0] != '-') return "";
    if (cell.find_first_not_of("0123456789.", 1) == std::string::npos) return "";
  }
  return "a cell a spreadsheet runs as a formula: " + cell.substr(0, 40);
}

// One RFC 4180 record from pos (which ends past its CRLF); false with why when it is not one.
bool csv_record(std::string_view s, std::size_t& pos, std::vector<std::string>& fields, std::string& why) {
  fields.assign(1, "");
  bool quoted = false, was_quoted = false;
  while (pos < s.size()) {
    const char c = s[pos++];
    if (quoted) {
      if (c != '"') fields.back() += c;
      else if (pos < s.size() && s[pos] == '"') fields.back() += '"', ++pos;
      else quoted = false;
    } else if (c == '"') {
      if (!fields.back().empty() || was_quoted) return why = at(pos - 1, "a quote inside an unquoted field"), false;
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.emplace_back(), was_quoted = false;
    } else if (c == '\r' && pos < s.size() && s[pos] == '\n') {
      return ++pos, true;
    } else if (c == '\r' || c == '\n') {
      return why = at(pos - 1, "a line break that is not CRLF outside quotes"), false;
    } else {
      if (was_quoted) return why = at(pos - 1, "text after a closing quote"), false;
      fields.back() += c;
    }
  }
  return why = quoted ? "an unterminated quoted field" : "the last record has no CRLF", false;
}

}  // namespace

std::string check_xml(std::string_view s) {
  if (std::string e = check_utf8(s); !e.empty()) return e;
  if (std::string e = xml_characters(s); !e.empty()) return e;
  return XmlReader(s).document();
}

std::string check_csv(std::string_view s) {
  if (std::string e = check_utf8(s); !e.empty()) return e;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::size_t pos = 0, width = 0;
  std::vector<std::string> fields;
  for (int record = 1; pos < s.size(); ++record) {
    std::string why;
    if (!csv_record(s, pos, fields, why)) return "record " + std::to_string(record) + ": " + why;
    if (record == 1) width = fields.size();
    if (fields.size() != width)
      return "record " + std::to_string(record) + " has " + std::to_string(fields.size()) + " fields, the first " +
             std::to_string(width);
    for (const std::string& f : fields)
      if (std::string e = formula_in(f); !e.empty()) return "record " + std::to_string(record) + ": " + e;
  }
  return "";
}

}  // namespace ipz::fuzz
