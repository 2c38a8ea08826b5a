// The JSON output (README "JSON output"), pretty-printed with one result or
// diagnostic object per line so that a line-oriented tool can read it too;
// and NDJSON: one dossier per line, compact, written as each is ready.
#include <fmt/format.h>

#include <string>

#include "report/sanitize.h"
#include "report/writers.h"

namespace ipz {

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  sanitize_into(out, s, Sink::json);
  out += '"';
  return out;
}

std::string json_number(double v) { return fmt::format("{}", v); }

namespace {

std::string date_or_null(const std::string& s) { return s.empty() ? "null" : json_string(s); }

class JsonWriter : public ReportWriter {
 public:
  JsonWriter(const OutputOptions& opt, std::ostream& out, bool one_per_line)
      : quiet_(opt.quiet), ndjson_(one_per_line), out_(out) {
    // Pretty JSON indents; NDJSON puts a dossier on one line.
    nl_ = ndjson_ ? "" : "\n";
    ind_ = ndjson_ ? "" : "      ";
    item_ = ndjson_ ? "" : "        ";
    sep_ = ndjson_ ? ", " : ",\n";
  }

  void begin(const Report& run) override {
    detail_ = run.detail;
    if (ndjson_) return;
    out_ << "{\n  \"tool\": " << json_string(run.tool) << ",\n  \"version\": " << json_string(run.version)
         << ",\n  \"rule_set\": {\"name\": " << json_string(run.rule_set)
         << ", \"version\": " << json_string(run.rule_set_version) << "},\n  \"dossiers\": [";
  }

  void dossier(const DossierReport& d) override {
    if (quiet_) return;
    std::string& o = buf_;
    o.clear();
    if (!ndjson_) o += first_ ? "\n    {\n" : ",\n    {\n";
    else o += "{";
    first_ = false;
    field("file", json_string(d.file), false);
    field("name", json_string(d.name), true);
    field("as_of", date_or_null(d.as_of), true);
    field("as_of_source", d.as_of_source.empty() ? "null" : json_string(d.as_of_source), true);
    field("time_zone", d.time_zone.empty() ? "null" : json_string(d.time_zone), true);
    field("verdict", json_string(verdict_name(d.verdict)), true);
    o += sep_ + ind_ + "\"results\": [";
    for (std::size_t j = 0; j < d.results.size(); ++j) {
      const ResultLine& r = d.results[j];
      o += (j == 0 ? nl_ : "," + nl_) + item_;
      o += "{\"id\": " + json_string(r.id) + ", \"clause\": " + json_string(r.clause) +
           ", \"outcome\": " + json_string(outcome_name(r.outcome)) + ", \"actual\": " + json_string(r.actual) +
           ", \"required\": " + json_string(r.required) + ", \"message\": " + json_string(r.message) +
           ", \"parameters\": [";
      for (std::size_t k = 0; k < r.parameters.size(); ++k) {
        const auto& p = r.parameters[k];
        o += (k ? ", " : "") + std::string("{\"name\": ") + json_string(p.name) + ", \"value\": " +
             json_string(p.value) + ", \"since\": " + json_string(p.since) + ", \"source\": " + json_string(p.source) +
             "}";
      }
      o += "], \"measures\": [";
      for (std::size_t k = 0; k < r.gauges.size(); ++k) {
        const Gauge& g = r.gauges[k];
        o += (k ? ", " : "") + std::string("{\"fact\": ") + json_string(g.fact) +
             ", \"value\": " + (g.known ? json_number(g.shown_number) : "null") +
             ", \"bound\": " + (g.known ? json_number(g.bound_number) : "null") +
             ", \"need\": " + (g.known && !g.passed ? std::to_string(g.need) : "0") + "}";
      }
      o += "]}";
    }
    o += d.results.empty() ? "]" : nl_ + ind_ + "]";
    diagnostics("warnings", d.warnings);
    diagnostics("errors", d.errors);
    if (!d.roster.empty() || detail_) {
      o += sep_ + ind_ + "\"roster\": [";
      for (std::size_t j = 0; j < d.roster.size(); ++j) {
        const RosterLine& r = d.roster[j];
        auto flag = [](const std::string& b) { return b.empty() ? std::string("null") : b; };
        o += (j == 0 ? nl_ : "," + nl_) + item_ + "{\"row\": " + json_string(r.label) +
             ", \"name\": " + json_string(r.name) + ", \"duplicate_of\": " + std::to_string(r.duplicate_of) +
             ", \"sme\": " + flag(r.sme) + ", \"sme_basis\": " + json_string(r.sme_basis) +
             ", \"sme_reason\": " + json_string(r.sme_reason) + ", \"high_end\": " + flag(r.high_end) +
             ", \"industry\": " + json_string(r.industry) + "}";
      }
      o += d.roster.empty() ? "]" : nl_ + ind_ + "]";
    }
    o += ndjson_ ? "}\n" : "\n    }";
    out_ << o;
    if (ndjson_) out_.flush();  // a line as soon as it is ready, for a pipe
  }

  void end(const Report& run) override {
    if (ndjson_) {
      if (quiet_) out_ << "{\"summary\": " << summary(run) << "}\n";
      return;
    }
    out_ << (first_ ? "],\n" : "\n  ],\n") << "  \"as_of\": " << date_or_null(run.as_of)
         << ",\n  \"as_of_source\": " << (run.as_of_source.empty() ? "null" : json_string(run.as_of_source))
         << ",\n  \"time_zone\": " << (run.time_zone.empty() ? "null" : json_string(run.time_zone))
         << ",\n  \"summary\": "
         << summary(run) << "\n}\n";
  }

 private:
  void field(const char* name, const std::string& value, bool comma) {
    if (comma) buf_ += sep_;
    buf_ += ind_ + "\"" + name + "\": " + value;
  }
  void diagnostics(const char* name, const std::vector<DiagnosticLine>& list) {
    buf_ += sep_ + ind_ + "\"" + name + "\": [";
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& d = list[i];
      buf_ += (i == 0 ? nl_ : "," + nl_) + item_ + "{\"file\": " + json_string(d.file) +
              ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
              ", \"message\": " + json_string(d.message) + "}";
    }
    buf_ += list.empty() ? "]" : nl_ + ind_ + "]";
  }
  static std::string summary(const Report& run) {
    std::string s = "{";
    for (std::size_t v = 0; v < run.summary.size(); ++v)
      s += (v ? ", " : "") + json_string(verdict_name(static_cast<Verdict>(v))) + ": " + std::to_string(run.summary[v]);
    return s + "}";
  }

  bool quiet_, ndjson_;
  bool detail_ = false;
  std::ostream& out_;
  std::string nl_, ind_, item_, sep_;
  std::string buf_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer(const OutputOptions& opt, std::ostream& out, bool one_per_line) {
  return std::make_unique<JsonWriter>(opt, out, one_per_line);
}

}  // namespace ipz
