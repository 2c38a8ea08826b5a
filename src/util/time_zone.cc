// Dates in named time zones (see time_zone.h).
#include "util/time_zone.h"

#include <cstdlib>
#include <fstream>

namespace ipz {

namespace {

#ifndef _WIN32
// A tz database name: letters, digits, _ + - and /, relative, with no "." or
// ".." part, whose file in the database begins with the TZif magic.
bool zone_file_ok(const std::string& zone) {
  if (zone.empty() || zone.size() > 200 || zone.front() == '/' || zone.back() == '/') return false;
  for (char c : zone)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
          c == '-' || c == '/'))
      return false;
  if (zone.find("//") != std::string::npos || zone.find("/.") != std::string::npos) return false;
  const char* dir = std::getenv("TZDIR");
  const std::string path = std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + zone;
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string(magic, 4) == "TZif";
}
#endif

}  // namespace

std::optional<Date> date_in_zone(const std::string& zone, std::time_t now) {
#ifdef _WIN32
  // No tz database on Windows: the zones with a fixed offset that a run needs.
  long offset = 0;
  if (zone == "Asia/Shanghai") offset = 8 * 3600;  // China Standard Time, no DST since 1991
  else if (zone != "UTC" && zone != "Etc/UTC") return std::nullopt;
  const std::time_t shifted = now + offset;
  std::tm t{};
  if (gmtime_s(&t, &shifted) != 0) return std::nullopt;
#else
  if (!zone_file_ok(zone)) return std::nullopt;
  if (setenv("TZ", (":" + zone).c_str(), 1) != 0) return std::nullopt;
  tzset();
  std::tm t{};
  if (localtime_r(&now, &t) == nullptr) return std::nullopt;
#endif
  return Date{t.tm_year + 1900, t.tm_mon + 1, t.tm_mday};
}

}  // namespace ipz
