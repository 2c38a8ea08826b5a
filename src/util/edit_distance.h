// "Did you mean": Levenshtein distance over Unicode code points and the
// selection of close candidates for an unknown word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ipz {

// Levenshtein distance over code points (UTF-8 decoded), so Chinese text
// compares per character rather than per byte.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `word`, best first, ties in candidate
// order. A candidate qualifies when its distance is <= max(1, len(word)/3)
// code points, or when one is a case-insensitive substring (including prefix)
// of the other and both are at least 2 code points long.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

}  // namespace ipz
