// The order of a ranking (see ranking.h).
#include "evaluate/ranking.h"

namespace ipz {

namespace {

int group_of(Verdict v) {
  switch (v) {
    case Verdict::eligible:
      return 0;
    case Verdict::needs_review:
      return 1;
    case Verdict::invalid:
      return 3;
    default:
      return 2;
  }
}

}  // namespace

bool ranks_before(const RankKey& a, const RankKey& b) {
  if (group_of(a.verdict) != group_of(b.verdict)) return group_of(a.verdict) < group_of(b.verdict);
  if (a.score && b.score) {
    if (a.score->total != b.score->total) return a.score->total > b.score->total;
    for (std::size_t i = 0; i < a.score->dimensions.size() && i < b.score->dimensions.size(); ++i)
      if (a.score->dimensions[i].points != b.score->dimensions[i].points)
        return a.score->dimensions[i].points > b.score->dimensions[i].points;
  }
  return a.file < b.file;
}

}  // namespace ipz
