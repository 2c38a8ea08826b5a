// Choosing the output format (see format_choice.h).
#include "cli/format_choice.h"
#include "util/utf8_path.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace ipz::cli {

namespace {

// The suffixes of -o that name a format (a table: one row per suffix).
struct Suffix {
  const char* suffix;
  const char* format;
};
constexpr Suffix kSuffixes[] = {{".json", "json"}, {".ndjson", "ndjson"}, {".csv", "csv"},
                                {".xml", "junit"}, {".md", "markdown"},   {".html", "html"},
                                {".htm", "html"},  {".sarif", "sarif"},   {".xlsx", "xlsx"}};

std::string format_of_suffix(const std::string& output) {
  std::string ext = utf8_string(utf8_path(output).extension());
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& s : kSuffixes)
    if (ext == s.suffix) return s.format;
  return "";
}

std::string suffix_of_format(const std::string& format) {
  for (const auto& s : kSuffixes)
    if (format == s.format) return s.suffix;
  return "";
}

bool to_stdout(const std::string& output) { return output.empty() || output == "-"; }

}  // namespace

FormatChoice choose_format(const std::string& given, const std::string& output, const std::vector<std::string>& offered,
                           Lang lang, const Catalogue& cat) {
  FormatChoice c;
  const std::string by_suffix = to_stdout(output) ? "" : format_of_suffix(output);
  if (!given.empty()) {
    c.format = given;
    if (!by_suffix.empty() && by_suffix != given) {
      const std::string want = suffix_of_format(given);
      c.error = cat.render("output.format_suffix",
                           {{"format", given}, {"file", output}, {"suffix", want.empty() ? "-" : want}}, lang);
      return c;
    }
  } else if (!by_suffix.empty()) {
    c.format = by_suffix;
    if (std::find(offered.begin(), offered.end(), by_suffix) == offered.end()) {
      c.error = cat.render("output.format_not_offered", {{"format", by_suffix}, {"file", output}}, lang);
      return c;
    }
  } else {
    c.format = offered.empty() ? "text" : offered.front();
  }
  if (c.format == "xlsx" && to_stdout(output) && isatty(STDOUT_FILENO)) c.error = cat.get("xlsx.terminal", lang);
  return c;
}

}  // namespace ipz::cli
