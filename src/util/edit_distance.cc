// "Did you mean": Levenshtein distance over Unicode code points and the
// selection of close candidates for an unknown word.
#include "util/edit_distance.h"

#include <algorithm>
#include <numeric>

#include "util/utf8.h"

namespace ipz {

namespace {

std::size_t levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::u32string ascii_lower(std::u32string text) {
  for (char32_t& c : text) {
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
  }
  return text;
}

bool contains(const std::u32string& haystack, const std::u32string& needle) {
  return haystack.find(needle) != std::u32string::npos;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return levenshtein(decode_utf8(a), decode_utf8(b));
}

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit) {
  const std::u32string w = decode_utf8(word);
  const std::u32string w_lower = ascii_lower(w);
  const std::size_t max_distance = std::max<std::size_t>(1, w.size() / 3);

  struct Scored {
    std::size_t distance;
    std::size_t index;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::u32string c = decode_utf8(candidates[i]);
    const std::size_t distance = levenshtein(w, c);
    bool close = distance <= max_distance;
    if (!close && w.size() >= 2 && c.size() >= 2) {
      const std::u32string c_lower = ascii_lower(c);
      close = contains(c_lower, w_lower) || contains(w_lower, c_lower);
    }
    if (close) scored.push_back({distance, i});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& x, const Scored& y) { return x.distance < y.distance; });

  std::vector<std::string> result;
  for (const Scored& s : scored) {
    if (result.size() >= limit) break;
    result.push_back(candidates[s.index]);
  }
  return result;
}

}  // namespace ipz
