// The date of a run: "today" is taken once, when a command starts, and every
// dossier of the run that has no --as-of and no as_of of its own is judged on
// it (a batch that runs past midnight keeps one date). The zone is --tz, else
// the TZ environment variable, else the rule set's time_zone (the Measures'
// Asia/Shanghai), else UTC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/options.h"
#include "model/rule_set.h"
#include "util/date.h"

namespace ipz::cli {

struct RunDate {
  Date today;
  std::string zone;  // the tz database name it is today in
};

// The run's date; nullopt, with a usage error on standard error, when the
// zone is unknown. IPZONE_NOW (seconds since 1970-01-01 UTC) stands for the
// clock, for tests only.
std::optional<RunDate> run_date(const CommonOptions& opt, const RuleSet& rules, std::string_view command);

}  // namespace ipz::cli
