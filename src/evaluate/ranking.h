// The order of `ipzone rank` (Art. 7(4), "根据综合排名"): eligible dossiers
// first, then needs-review, then the rest (scored, for reference), invalid
// last; within a group by total, then by each dimension in the model's
// order, highest first, then by file path, so that every run gives the same
// order whatever the order of the inputs.
#pragma once

#include <optional>
#include <string_view>

#include "evaluate/evaluator.h"
#include "evaluate/score.h"

namespace ipz {

// What the ranking looks at in a dossier.
struct RankKey {
  Verdict verdict = Verdict::invalid;
  const Score* score = nullptr;  // none when the dossier was not scored
  std::string_view file;
};

// Whether a ranks above b.
bool ranks_before(const RankKey& a, const RankKey& b);

}  // namespace ipz
