// Lang and Text: a text in both languages of the report, as rule files and
// the message catalogue give it.
#pragma once

#include <string>

#include "util/diagnostic.h"

namespace ipz {

enum class Lang { zh, en };

// A text in both languages of the report.
struct Text {
  std::string zh, en;
  Location where;  // where a rule file gives it (for rules lint)
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
  bool empty() const { return zh.empty() && en.empty(); }
};

// A message argument that the catalogue shows in the report's language: a
// name from a rule file (a sector's title) that is not a catalogue entry.
inline std::string both_languages(const Text& t) { return "\x02" + t.zh + "\x1f" + t.en; }

}  // namespace ipz
