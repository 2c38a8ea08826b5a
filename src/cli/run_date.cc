// The date of a run (see run_date.h).
#include "cli/run_date.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>

#include "cli/commands.h"
#include "read/catalogue_loader.h"
#include "util/time_zone.h"

namespace ipz::cli {

namespace {

// The zone and what named it (for the message when it is unknown).
std::pair<std::string, std::string> chosen_zone(const CommonOptions& opt, const RuleSet& rules) {
  if (!opt.tz.empty()) return {opt.tz, "--tz"};
  const char* tz = std::getenv("TZ");
  if (tz && *tz) return {std::string(tz[0] == ':' ? tz + 1 : tz), "TZ"};
  if (!rules.time_zone.empty()) return {rules.time_zone, rules.name};
  return {"UTC", "UTC"};
}

}  // namespace

std::optional<RunDate> run_date(const CommonOptions& opt, const RuleSet& rules, std::string_view command) {
  const Catalogue& cat = builtin_catalogue();
  std::time_t now = std::time(nullptr);
  if (const char* fixed = std::getenv("IPZONE_NOW"); fixed && *fixed) {  // for tests only
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(fixed, &end, 10);
    if (errno != 0 || *end != '\0' || seconds < 0) {
      usage_error(command, "usage.bad_now", {{"value", fixed}}, opt.language(), cat);
      return std::nullopt;
    }
    now = static_cast<std::time_t>(seconds);
  }
  auto [zone, origin] = chosen_zone(opt, rules);
  std::optional<Date> today = date_in_zone(zone, now);
  if (!today) {
    usage_error(command, "usage.unknown_tz", {{"zone", zone}, {"origin", origin}}, opt.language(), cat);
    return std::nullopt;
  }
  return RunDate{*today, zone};
}

}  // namespace ipz::cli
