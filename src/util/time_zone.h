// The civil date at an instant in a named time zone (a tz database name such
// as Asia/Shanghai): what "today" is for a run (README "Evaluation date").
//   POSIX:   the tz database, TZDIR or /usr/share/zoneinfo (Debian's tzdata).
//   Windows: there is no tz database; a few zones with a fixed offset are
//            known (Asia/Shanghai is UTC+8, with no daylight saving time
//            since 1991; UTC, Etc/UTC), any other name is unknown.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "util/date.h"

namespace ipz {

// The date at `now` in `zone`; nullopt when the zone is not known. Sets the
// process's TZ to zone (POSIX), so call it once, before any thread starts.
std::optional<Date> date_in_zone(const std::string& zone, std::time_t now);

}  // namespace ipz
