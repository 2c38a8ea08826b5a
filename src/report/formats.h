// The output formats of a Report. Each renders the same object; none of them
// decides anything.
#pragma once

#include <ostream>

#include "report/catalogue.h"
#include "report/report.h"

namespace ipz {

struct TextStyle {
  bool color = false;
};

// For people: grouped by article, one line per criterion, then warnings and
// errors, then the verdict; a summary when there are several dossiers.
void write_text(const Report& report, const Catalogue& cat, const TextStyle& style, std::ostream& out);

// For scripts: the JSON contract documented in README "JSON output".
void write_json(const Report& report, std::ostream& out);

// A string as a JSON string literal (UTF-8 kept, control characters escaped).
std::string json_string(std::string_view s);

}  // namespace ipz

namespace ipz {

// A string with &, <, >, " and ' escaped for XML (control characters other
// than tab and newline dropped: XML 1.0 cannot carry them).
std::string xml_escape(std::string_view s);

}  // namespace ipz
