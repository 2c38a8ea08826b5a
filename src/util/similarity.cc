// "Did you mean" (see similarity.h).
#include "util/similarity.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "util/utf8.h"

namespace ipz {

namespace {

std::size_t osa_distance(const std::u32string& a, const std::u32string& b) {
  // Three rows: the one before the previous is needed for a transposition.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
    }
    std::swap(before, previous);
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

bool is_ascii(const std::u32string& text) {
  return std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x80; });
}

// How many items the two multisets have in common.
template <typename T>
std::size_t shared(const std::vector<T>& a, const std::vector<T>& b) {
  std::map<T, std::size_t> count;
  for (const T& x : a) ++count[x];
  std::size_t n = 0;
  for (const T& x : b) {
    auto it = count.find(x);
    if (it != count.end() && it->second > 0) --it->second, ++n;
  }
  return n;
}

std::vector<char32_t> characters(const std::u32string& s) {
  std::vector<char32_t> out;
  for (char32_t c : s)
    if (c != U' ' && c != U'\t') out.push_back(c);
  return out;
}

std::vector<std::u32string> bigrams(const std::vector<char32_t>& chars) {
  std::vector<std::u32string> out;
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) out.push_back(std::u32string{chars[i], chars[i + 1]});
  return out;
}

struct Scored {
  std::size_t score;  // ASCII: edit distance (lower is closer); else shared characters + runs
  double tightness;   // shared characters + runs relative to the candidate's length
  std::size_t index;
};

std::vector<Scored> score_ascii(const std::u32string& w, const std::vector<std::string>& candidates) {
  const std::u32string w_lower = ascii_lower(w);
  const std::size_t max_distance = std::max<std::size_t>(1, w.size() / 3);
  std::vector<Scored> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::u32string c = decode_utf8(candidates[i]);
    const std::size_t distance = osa_distance(w, c);
    bool close = distance <= max_distance;
    if (!close && w.size() >= 2 && c.size() >= 2) {
      const std::u32string c_lower = ascii_lower(c);
      close = contains(c_lower, w_lower) || contains(w_lower, c_lower);
    }
    if (close) out.push_back({distance, 0.0, i});
  }
  std::stable_sort(out.begin(), out.end(), [](const Scored& x, const Scored& y) { return x.score < y.score; });
  return out;
}

std::vector<Scored> score_chinese(const std::u32string& w, const std::vector<std::string>& candidates) {
  const std::vector<char32_t> w_chars = characters(w);
  const std::vector<std::u32string> w_runs = bigrams(w_chars);
  std::vector<Scored> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::vector<char32_t> c_chars = characters(decode_utf8(candidates[i]));
    if (c_chars.empty()) continue;
    const std::size_t chars = shared(w_chars, c_chars);
    const std::size_t runs = shared(w_runs, bigrams(c_chars));
    if (runs == 0 && (chars == 0 || 2 * chars < w_chars.size())) continue;
    out.push_back({chars + runs, double(chars + runs) / double(c_chars.size()), i});
  }
  std::stable_sort(out.begin(), out.end(), [](const Scored& x, const Scored& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.tightness > y.tightness;
  });
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return osa_distance(decode_utf8(a), decode_utf8(b));
}

std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  const std::u32string w = decode_utf8(word);
  if (w.empty()) return {};
  const std::vector<Scored> scored = is_ascii(w) ? score_ascii(w, candidates) : score_chinese(w, candidates);
  std::vector<std::string> result;
  for (const Scored& s : scored) {
    if (result.size() >= limit) break;
    if (std::find(result.begin(), result.end(), candidates[s.index]) == result.end())
      result.push_back(candidates[s.index]);
  }
  return result;
}

}  // namespace ipz
