// ScoringModel: the comprehensive score of Art. 7(4) ("根据综合排名...择优确定")
// as data (rules/<set>/scoring.yaml): dimensions whose weights sum to 100,
// each made of indicators that map a fact's value to points by a curve. The
// Measures publish no weights: the shipped model is a transparent starting
// point that a district can change, not an official one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/rule_set.h"

namespace ipz {

// How an indicator turns a value into points, never decreasing:
//   linear: 0 at or below `from`, all its points at or above `to`, a straight line between;
//   steps:  the points of the highest step whose `at` the value reaches (0 below the first).
struct Curve {
  enum class Kind { linear, steps } kind = Kind::linear;
  Number from, to;                              // linear
  std::vector<std::pair<Number, Number>> steps;  // steps: (at, points), ascending
};

struct Indicator {
  std::string id;
  Text title;
  std::string fact;
  Number points;  // the most it can give
  Curve curve;
  Text unit;      // how its value reads: 家, %, 件 ...
  Location where;
};

struct Dimension {
  std::string id;
  Text title;
  Number weight;  // the points of its indicators add up to it
  std::vector<Indicator> indicators;
  Location where;
};

// One dated version of the model.
struct ScoringVersion {
  Date since;
  std::string source;
  std::vector<Dimension> dimensions;
  Location where;
};

struct ScoringModel {
  Text title;
  Text note;
  std::vector<ScoringVersion> versions;  // ascending by since
  Location where;
  // The version in force on a date (the first one before its date).
  const ScoringVersion* in_force(Date on) const;
};

}  // namespace ipz
