// The output formats. Each is a ReportWriter: it is told the run's header,
// then each dossier's report as it is ready (in input order), then the
// totals; it renders and decides nothing. text, markdown and html are for
// people, json, ndjson, csv, junit and sarif for programs (README "Output formats").
#pragma once

#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "model/catalogue.h"
#include "report/report.h"

namespace ipz {

struct OutputOptions {
  std::string format = "text";  // text | json | ndjson | csv | junit | markdown | html | sarif | xlsx
  bool color = false;           // text: paint outcomes
  bool quiet = false;           // the summary only
  bool csv_detail = false;      // csv: one row per dossier and rule
  bool excel = false;           // csv: start with the UTF-8 byte-order mark Excel needs
};

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void begin(const Report& run) = 0;
  virtual void dossier(const DossierReport& d) = 0;
  // run.summary and run.as_of now count every dossier.
  virtual void end(const Report& run) = 0;
  // After end(): why the output could not be written (a binary format), or empty.
  virtual std::string error() const { return ""; }
};

std::unique_ptr<ReportWriter> make_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);

// The whole of a Report kept in memory, through a writer (tests, small runs).
void write_report(const Report& report, const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
void write_text(const Report& report, const Catalogue& cat, bool color, std::ostream& out);
void write_json(const Report& report, std::ostream& out);

// SARIF 2.1.0 of the problems found in a rule set (rules lint): one result
// each, at its file:line:column, its message key as the ruleId.
void write_sarif_diagnostics(const Diagnostics& diags, const std::string& rule_set, Lang lang, const Catalogue& cat,
                             std::ostream& out);

// A string as a JSON string literal: valid UTF-8, control and bidi characters
// escaped (report/sanitize.h).
std::string json_string(std::string_view s);
// A number as JSON writes it: the shortest form that reads back the same (0.553, 4).
std::string json_number(double v);
// A string with &, <, >, " and ' escaped for XML, valid UTF-8, bidi characters
// as references and C0 controls shown visibly (XML 1.0 cannot carry them).
std::string xml_escape(std::string_view s);
// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180);
// visible text, never a formula (report/sanitize.h csv_cell).
std::string csv_field(std::string_view s);
// A CSV record: the fields joined by commas, each as csv_field makes it, and CRLF.
std::string csv_line(std::initializer_list<std::string> fields);

}  // namespace ipz
