// Looking up what a roster row's sector names (see sme_standard.h).
#include "model/sme_standard.h"

namespace ipz {

namespace {

// The length of the blank (ASCII white space, U+3000, U+00A0) that starts s at i, or 0.
std::size_t blank_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (s.substr(i, 3) == "\xe3\x80\x80") return 3;
  if (s.substr(i, 2) == "\xc2\xa0") return 2;
  return 0;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

std::string SmeStandard::normalise(std::string_view name) {
  // Blanks become one space; none at either end.
  std::string out;
  bool blank = false;
  for (std::size_t i = 0; i < name.size();) {
    if (std::size_t n = blank_at(name, i)) {
      blank = true;
      i += n;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    char c = name[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

std::vector<std::string> SmeStandard::index() {
  by_name_.clear();
  shown_names_.clear();
  std::vector<std::string> conflicts;
  auto add = [&](const std::string& name, Ref ref, bool shown) {
    std::string key = normalise(name);
    if (key.empty()) return;
    auto [it, fresh] = by_name_.emplace(key, ref);
    if (!fresh && !(it->second == ref)) {
      // The same name for a sector and for the industry it covers is fine.
      SectorLookup a = resolve(it->second), b = resolve(ref);
      const bool same = a.candidates == b.candidates &&
                        (a.industry && b.industry ? a.industry->not_covered.zh == b.industry->not_covered.zh : true);
      if (!same) conflicts.push_back(name);
      return;
    }
    if (fresh && shown) shown_names_.push_back(name);
  };
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const SmeSector& s = sectors[i];
    Ref ref{static_cast<int>(i), -1};
    add(s.id, ref, true);
    add(s.title.zh, ref, true);
    add(s.title.en, ref, true);
    for (const auto& n : s.names) add(n, ref, true);
  }
  for (std::size_t i = 0; i < industries.size(); ++i) {
    const Industry& ind = industries[i];
    Ref ref{-1, static_cast<int>(i)};
    add(ind.code, ref, false);
    add(ind.title.zh, ref, true);
    add(ind.title.en, ref, true);
  }
  return conflicts;
}

SectorLookup SmeStandard::resolve(const Ref& ref) const {
  SectorLookup out;
  out.known = true;
  if (ref.sector >= 0) {
    out.sector = &sectors[static_cast<std::size_t>(ref.sector)];
    out.candidates = {out.sector};
  } else {
    out.industry = &industries[static_cast<std::size_t>(ref.industry)];
    for (std::size_t s : out.industry->sectors) out.candidates.push_back(&sectors[s]);
  }
  return out;
}

const SmeStandard::Ref* SmeStandard::find_code(std::string_view n) const {
  std::string_view letter;
  std::string_view digits = n;
  if (!n.empty() && n[0] >= 'a' && n[0] <= 'z') {
    letter = n.substr(0, 1);
    digits = n.substr(1);
  }
  if (!all_digits(digits) || digits.size() < 2 || digits.size() > 4) return nullptr;
  // The most precise code the table has: a group, else the division.
  for (std::size_t len = std::min<std::size_t>(3, digits.size()); len >= 2; --len) {
    auto it = by_name_.find(digits.substr(0, len));
    if (it == by_name_.end() || it->second.industry < 0) continue;
    const Industry& ind = industries[static_cast<std::size_t>(it->second.industry)];
    if (ind.code != digits.substr(0, len)) continue;  // a name that happens to be digits
    if (!letter.empty() && normalise(ind.section) != letter) return nullptr;
    return &it->second;
  }
  return nullptr;
}

SectorLookup SmeStandard::lookup(std::string_view text) const {
  const std::string n = normalise(text);
  if (auto it = by_name_.find(n); it != by_name_.end() && !n.empty()) return resolve(it->second);
  if (const Ref* ref = find_code(n)) return resolve(*ref);
  // A code followed by its own name: "65 软件和信息技术服务业", "I 信息传输、软件和信息技术服务业".
  if (std::size_t space = n.find(' '); space != std::string::npos) {
    const std::string head = n.substr(0, space), tail = n.substr(space + 1);
    const Ref* code = find_code(head);
    if (!code)
      if (auto it = by_name_.find(head); it != by_name_.end() && head.size() == 1) code = &it->second;
    auto named = by_name_.find(tail);
    if (code && named != by_name_.end() && resolve(*code).candidates == resolve(named->second).candidates)
      return resolve(*code);
  }
  SectorLookup unknown;
  for (const SmeSector& s : sectors) unknown.candidates.push_back(&s);
  return unknown;
}

std::vector<std::string> SmeStandard::all_names() const { return shown_names_; }

const SmeSector* SmeStandard::sector(std::string_view id) const {
  for (const SmeSector& s : sectors)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace ipz
