// The JSON output (README "JSON output"): pretty-printed, one result or
// diagnostic object per line so that a line-oriented tool can read it too.
#include <string>

#include "report/formats.h"

namespace ipz {

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

namespace {

std::string json_date_or_null(const std::string& s) { return s.empty() ? "null" : json_string(s); }

void write_diagnostics(const std::vector<DiagnosticLine>& list, std::ostream& out) {
  if (list.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& d = list[i];
    out << "        {\"file\": " << json_string(d.file) << ", \"line\": " << d.line << ", \"column\": " << d.column
        << ", \"message\": " << json_string(d.message) << "}" << (i + 1 < list.size() ? ",\n" : "\n");
  }
  out << "      ]";
}

}  // namespace

void write_json(const Report& report, std::ostream& out) {
  out << "{\n";
  out << "  \"tool\": " << json_string(report.tool) << ",\n";
  out << "  \"version\": " << json_string(report.version) << ",\n";
  out << "  \"rule_set\": {\"name\": " << json_string(report.rule_set)
      << ", \"version\": " << json_string(report.rule_set_version) << "},\n";
  out << "  \"as_of\": " << json_date_or_null(report.as_of) << ",\n";
  out << "  \"dossiers\": [";
  for (std::size_t i = 0; i < report.dossiers.size(); ++i) {
    const DossierReport& d = report.dossiers[i];
    out << (i == 0 ? "\n" : ",\n");
    out << "    {\n";
    out << "      \"file\": " << json_string(d.file) << ",\n";
    out << "      \"name\": " << json_string(d.name) << ",\n";
    out << "      \"as_of\": " << json_date_or_null(d.as_of) << ",\n";
    out << "      \"verdict\": " << json_string(verdict_name(d.verdict)) << ",\n";
    out << "      \"results\": [";
    for (std::size_t j = 0; j < d.results.size(); ++j) {
      const ResultLine& r = d.results[j];
      out << (j == 0 ? "\n" : ",\n");
      out << "        {\"id\": " << json_string(r.id) << ", \"clause\": " << json_string(r.clause)
          << ", \"outcome\": " << json_string(outcome_name(r.outcome)) << ", \"actual\": " << json_string(r.actual)
          << ", \"required\": " << json_string(r.required) << ", \"message\": " << json_string(r.message)
          << ", \"parameters\": [";
      for (std::size_t k = 0; k < r.parameters.size(); ++k) {
        const auto& p = r.parameters[k];
        out << (k ? ", " : "") << "{\"name\": " << json_string(p.name) << ", \"value\": " << json_string(p.value)
            << ", \"since\": " << json_string(p.since) << ", \"source\": " << json_string(p.source) << "}";
      }
      out << "]}";
    }
    out << (d.results.empty() ? "],\n" : "\n      ],\n");
    out << "      \"warnings\": ";
    write_diagnostics(d.warnings, out);
    out << ",\n      \"errors\": ";
    write_diagnostics(d.errors, out);
    if (report.detail) {
      out << ",\n      \"roster\": [";
      for (std::size_t j = 0; j < d.roster.size(); ++j) {
        const RosterLine& r = d.roster[j];
        auto flag = [](const std::string& b) { return b.empty() ? std::string("null") : b; };
        out << (j == 0 ? "\n" : ",\n") << "        {\"row\": " << json_string(r.label) << ", \"name\": " << json_string(r.name)
            << ", \"duplicate_of\": " << r.duplicate_of << ", \"sme\": " << flag(r.sme)
            << ", \"sme_basis\": " << json_string(r.sme_basis) << ", \"sme_reason\": " << json_string(r.sme_reason)
            << ", \"high_end\": " << flag(r.high_end) << ", \"industry\": " << json_string(r.industry) << "}";
      }
      out << (d.roster.empty() ? "]" : "\n      ]");
    }
    out << "\n    }";
  }
  out << (report.dossiers.empty() ? "],\n" : "\n  ],\n");
  out << "  \"summary\": {";
  for (std::size_t v = 0; v < report.summary.size(); ++v)
    out << (v ? ", " : "") << json_string(verdict_name(static_cast<Verdict>(v))) << ": " << report.summary[v];
  out << "}\n}\n";
}

}  // namespace ipz
