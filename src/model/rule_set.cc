// Look-ups on rule set data (see rule_set.h).
#include "model/rule_set.h"

#include "model/scoring.h"

namespace ipz {

const ParameterValue* Parameter::in_force(Date on) const {
  const ParameterValue* found = nullptr;
  for (const auto& v : values)
    if (v.since <= on) found = &v;
  return found;
}

namespace {

// The length of the blank (ASCII white space, U+3000, U+00A0) that starts s
// at i, or 0.
std::size_t blank_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (s.substr(i, 3) == "\xe3\x80\x80") return 3;  // U+3000 IDEOGRAPHIC SPACE
  if (s.substr(i, 2) == "\xc2\xa0") return 2;      // U+00A0 NO-BREAK SPACE
  return 0;
}

std::string trimmed(std::string_view s) {
  std::size_t from = 0;
  while (from < s.size()) {
    const std::size_t n = blank_at(s, from);
    if (n == 0) break;
    from += n;
  }
  std::size_t to = s.size();
  while (to > from) {
    std::size_t n = 0;  // the blank that ends s[from, to), if any
    for (std::size_t len : {1, 2, 3})
      if (to - from >= len && blank_at(s, to - len) == len) n = len;
    if (n == 0) break;
    to -= n;
  }
  return std::string(s.substr(from, to - from));
}

std::string applied(const NameStep& step, const std::string& s) {
  switch (step.kind) {
    case NameStep::Kind::trim: return trimmed(s);
    case NameStep::Kind::lower_case: {
      std::string out = s;
      for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      return out;
    }
    case NameStep::Kind::drop_prefix:
      for (const auto& t : step.texts)
        if (!t.empty() && s.size() > t.size() && s.starts_with(t)) return s.substr(t.size());
      return s;
    case NameStep::Kind::drop_suffix:
      for (const auto& t : step.texts)
        if (!t.empty() && s.size() > t.size() && s.ends_with(t)) return s.substr(0, s.size() - t.size());
      return s;
    case NameStep::Kind::add_suffix: {
      if (step.texts.empty() || s.empty() || step.texts.front().empty() || s.ends_with(step.texts.front())) return s;
      // Only within one script: 区 goes after 海淀, never after haidian.
      const bool ascii_end = static_cast<unsigned char>(s.back()) < 0x80;
      const bool ascii_suffix = static_cast<unsigned char>(step.texts.front().front()) < 0x80;
      return ascii_end == ascii_suffix ? s + step.texts.front() : s;
    }
  }
  return s;
}

}  // namespace

std::vector<std::string> Table::forms(const std::string& text) const {
  std::vector<std::string> out = {text};
  for (const NameStep& step : normalise) {
    std::string next = applied(step, out.back());
    if (next != out.back()) out.push_back(std::move(next));
  }
  return out;
}

std::optional<std::string> Table::resolve(const std::string& text) const {
  for (const std::string& form : normalise.empty() ? std::vector<std::string>{text} : forms(text)) {
    for (const auto& e : entries)
      if (e == form) return e;
    if (auto it = aliases.find(form); it != aliases.end()) return it->second;
  }
  return std::nullopt;
}

std::vector<std::string> Table::all_names() const {
  std::vector<std::string> out = entries;
  for (const auto& [alias, entry] : aliases) out.push_back(alias);
  return out;
}

const ScoringVersion* ScoringModel::in_force(Date on) const {
  const ScoringVersion* found = versions.empty() ? nullptr : &versions.front();
  for (const auto& v : versions)
    if (v.since <= on) found = &v;
  return found;
}

}  // namespace ipz
