// Strict checks of what ipzone writes, for the fuzz targets: each returns an
// empty string when the output is well formed for its format, else what is
// wrong and at which byte. Written by hand (no JSON or XML library is among
// the project's dependencies) and stricter than most readers:
//  - json: RFC 8259 exactly (no trailing commas, no NaN, no lone surrogate
//    escapes, no duplicate keys, nothing after the value but white space);
//  - ndjson: every line one JSON value, each line ended by \n;
//  - xml: XML 1.0 well-formedness (one root, tags matched, attributes quoted
//    and unique, only the five entities and character references, only XML
//    characters);
//  - csv: RFC 4180 records ended by CRLF, the same number of fields in each,
//    no cell a spreadsheet would run as a formula (OWASP);
//  - text: valid UTF-8 without control or bidi characters (but tab and \n).
// Every check starts with strict UTF-8 validity.
#pragma once

#include <string>
#include <string_view>

namespace ipz::fuzz {

std::string check_utf8(std::string_view s);
std::string check_json(std::string_view s);
std::string check_ndjson(std::string_view s);
std::string check_xml(std::string_view s);
std::string check_csv(std::string_view s);
std::string check_text(std::string_view s);

// The check for an output format by its name (text, json, ndjson, csv,
// junit, sarif, markdown, html); html and markdown get check_text's.
std::string check_format(std::string_view format, std::string_view s);

}  // namespace ipz::fuzz
