// The comprehensive score of one dossier under the scoring model in force on
// its evaluation date: each indicator's value, points and maximum; each
// dimension's subtotal; the total out of 100; and the indicators where more
// effort would add the most points. Points are in hundredths, rounded down
// per indicator, so that the breakdown adds up to the total exactly.
#pragma once

#include <string>
#include <vector>

#include "facts/facts.h"
#include "model/scoring.h"

namespace ipz {

struct IndicatorScore {
  const Indicator* indicator = nullptr;
  bool known = false;     // false: the dossier lacks the data (0 points)
  long long value_num = 0, value_den = 1;  // the value the curve read
  std::string value;      // as shown: "85", "87.1", "2.02", "yes"
  std::string missing;    // the field to add, when !known
  long long points = 0;   // hundredths
  long long max = 0;      // hundredths
};

struct DimensionScore {
  const Dimension* dimension = nullptr;
  long long points = 0, max = 0;  // hundredths
  std::vector<IndicatorScore> indicators;
};

struct Score {
  const ScoringVersion* version = nullptr;
  long long total = 0, max = 0;  // hundredths
  std::vector<DimensionScore> dimensions;
  // Up to three (dimension, indicator) positions with the most points left
  // to gain, most first; ties in the model's order.
  std::vector<std::pair<std::size_t, std::size_t>> opportunities;
};

Score score_dossier(const ScoringModel& model, const Facts& facts);

// "72.35" from 7235 hundredths.
std::string format_points(long long hundredths);

}  // namespace ipz
