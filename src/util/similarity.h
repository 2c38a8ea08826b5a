// "Did you mean": how close an unknown word is to the names a reader knows,
// and the choice of the closest names. Every did-you-mean of the tool (dossier
// keys and choices, industries, districts, rule ids, facts, CSV columns) uses
// closest_names, so a suggestion is found the same way everywhere.
//
// Two measures, by script:
// - Chinese (any word with a character outside ASCII): the characters the two
//   names share and the runs of two characters (bigrams) they share. Edit
//   distance finds nothing for Chinese names of different lengths ("生物医药"
//   is 4 edits from "医药健康"), while a shared run such as 医药 is what a
//   reader sees.
// - ASCII: Damerau-Levenshtein distance in its optimal-string-alignment form,
//   so a transposed pair of letters (`titel`) is one edit from `title`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ipz {

// Optimal string alignment distance over code points: insertions, deletions,
// substitutions and transpositions of adjacent code points, each 1, no
// substring edited twice. Case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `word`, best first, ties in candidate
// order.
// - A word with a non-ASCII character: a candidate qualifies when the two
//   share a run of two characters, or when the characters they share (each
//   counted as often as both have it) are at least half of the word's. They
//   rank by shared characters plus shared runs, then by that number relative
//   to the candidate's length (a tighter match first).
// - An ASCII word: a candidate qualifies when its edit distance is at most
//   max(1, length / 3) code points, or when one is a case-insensitive
//   substring of the other and both are at least 2 long. They rank by edit
//   distance.
std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace ipz
