// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code
// scanning in CI: one run of ipzone whose results are what needs attention.
//   check:      each criterion that is not met (fail: error, missing:
//               warning) or is for review (kind review, level none, as the
//               standard requires of a result that is not a failure), at the
//               dossier field the rule looks at; each error and warning found
//               in reading a dossier, at its file:line:column.
//   rules lint: each problem found in the rule files, at file:line:column.
// A result's ruleId is the rule's id (art5.2.sme-share) or the message key of
// the diagnostic (dossier.unknown_key). The results stream out as each
// dossier is ready; tool.driver with its rules follows them (JSON does not
// order an object's members), so that a batch of any size is held one
// dossier at a time. Columns are counted in characters (unicodeCodePoints).
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "report/formats.h"
#include "report/writers.h"

namespace ipz {

namespace {

constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// A file path as a relative or absolute URI reference: '/' separators, and
// every byte outside the unreserved set percent-encoded (so Chinese names are
// their UTF-8 bytes, as RFC 3987 maps an IRI to a URI).
std::string path_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string p = path;
  for (char& c : p)
    if (c == '\\') c = '/';
  std::string out;
  if (p.size() >= 2 && p[1] == ':' && std::isalpha(static_cast<unsigned char>(p[0]))) out = "file:///";  // C:/...
  for (unsigned char c : p) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || (c == ':' && !out.empty())) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// One SARIF log with one run, written as it goes.
class SarifLog {
 public:
  SarifLog(std::ostream& out, Lang lang) : out_(out), lang_(lang) {}

  void begin() {
    out_ << "{\n  \"$schema\": \"" << kSarifSchema << "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
         << "      \"language\": \"" << (lang_ == Lang::en ? "en-US" : "zh-CN") << "\",\n"
         << "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  }

  // A rule descriptor (once per id); its index in tool.driver.rules.
  int rule(const std::string& id, const std::string& short_text = "", const std::string& properties = "") {
    auto [it, added] = index_.emplace(id, static_cast<int>(rules_.size()));
    if (added) {
      std::string r = "{\"id\": " + json_string(id);
      if (!short_text.empty()) r += ", \"shortDescription\": {\"text\": " + json_string(short_text) + "}";
      if (!properties.empty()) r += ", \"properties\": {" + properties + "}";
      rules_.push_back(r + "}");
    }
    return it->second;
  }

  // kind: fail or review; level: error, warning, note or none. line 0: the file as a whole.
  void result(const std::string& rule_id, int rule_index, const char* kind, const char* level,
              const std::string& message, const std::string& file, int line, int column,
              const std::string& properties) {
    out_ << (first_ ? "\n" : ",\n") << "        {\"ruleId\": " << json_string(rule_id)
         << ", \"ruleIndex\": " << rule_index << ", \"kind\": \"" << kind << "\", \"level\": \"" << level
         << "\", \"message\": {\"text\": " << json_string(message.empty() ? rule_id : message)
         << "}, \"locations\": [{\"physicalLocation\": "
         << "{\"artifactLocation\": {\"uri\": " << json_string(path_uri(file)) << "}";
    if (line > 0)
      out_ << ", \"region\": {\"startLine\": " << line << ", \"startColumn\": " << (column > 0 ? column : 1) << "}";
    out_ << "}}]";
    if (!properties.empty()) out_ << ", \"properties\": {" << properties << "}";
    out_ << "}";
    first_ = false;
  }

  void diagnostic(const DiagnosticLine& d, bool error, const std::string& properties) {
    const std::string id = d.key.empty() ? std::string(error ? "ipzone.error" : "ipzone.warning") : d.key;
    result(id, rule(id), "fail", error ? "error" : "warning", d.message, d.file, d.line, d.column, properties);
  }

  // Closes the results; then the tool with every rule the results named.
  void end(const std::string& version, const std::string& run_properties) {
    out_ << (first_ ? "],\n" : "\n      ],\n")
         << "      \"tool\": {\"driver\": {\"name\": \"ipzone\", \"version\": " << json_string(version)
         << ", \"semanticVersion\": " << json_string(version) << ", \"rules\": [";
    for (std::size_t i = 0; i < rules_.size(); ++i) out_ << (i ? ",\n" : "\n") << "        " << rules_[i];
    out_ << (rules_.empty() ? "]}},\n" : "\n      ]}},\n")
         << "      \"invocations\": [{\"executionSuccessful\": true}]";
    if (!run_properties.empty()) out_ << ",\n      \"properties\": {" << run_properties << "}";
    out_ << "\n    }\n  ]\n}\n";
  }

 private:
  std::ostream& out_;
  Lang lang_;
  bool first_ = true;
  std::map<std::string, int> index_;
  std::vector<std::string> rules_;
};

std::string property(const char* name, const std::string& value, bool comma = true) {
  return (comma ? ", \"" : "\"") + std::string(name) + "\": " + json_string(value);
}

class SarifWriter : public ReportWriter {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {}

  void begin(const Report& run) override {
    log_.emplace(out_, run.lang);
    log_->begin();
  }

  void dossier(const DossierReport& d) override {
    const std::string about = property("dossier", d.file, false) + property("zone", d.name) +
                              property("verdict", std::string(verdict_name(d.verdict)));
    for (const auto& e : d.errors) log_->diagnostic(e, true, about);
    for (const auto& w : d.warnings) log_->diagnostic(w, false, about);
    for (const auto& r : d.results) {
      const int index = log_->rule(r.id, r.title + " (" + r.clause_shown + ")",
                                   property("clause", r.clause, false) + property("article", r.article));
      if (r.outcome == Outcome::pass || r.outcome == Outcome::not_applicable) continue;
      const bool review = r.outcome == Outcome::review;
      log_->result(r.id, index, review ? "review" : "fail",
                   review                       ? "none"
                   : r.outcome == Outcome::fail ? "error"
                                                : "warning",
                   r.message, r.where.file, r.where.line, r.where.column,
                   about + property("outcome", std::string(outcome_name(r.outcome))) + property("clause", r.clause) +
                       property("actual", r.actual) + property("required", r.required));
    }
  }

  void end(const Report& run) override {
    std::string summary;
    for (std::size_t v = 0; v < run.summary.size(); ++v)
      summary +=
          (v ? ", " : "") + json_string(verdict_name(static_cast<Verdict>(v))) + ": " + std::to_string(run.summary[v]);
    log_->end(run.version, "\"rule_set\": {\"name\": " + json_string(run.rule_set) +
                               ", \"version\": " + json_string(run.rule_set_version) +
                               "}, \"as_of\": " + (run.as_of.empty() ? std::string("null") : json_string(run.as_of)) +
                               ", \"as_of_source\": " +
                               (run.as_of_source.empty() ? std::string("null") : json_string(run.as_of_source)) +
                               ", \"time_zone\": " +
                               (run.time_zone.empty() ? std::string("null") : json_string(run.time_zone)) +
                               ", \"summary\": {" + summary + "}");
  }

 private:
  std::optional<SarifLog> log_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out) { return std::make_unique<SarifWriter>(out); }

void write_sarif_diagnostics(const Diagnostics& diags, const std::string& rule_set, Lang lang, const Catalogue& cat,
                             std::ostream& out) {
  SarifLog log(out, lang);
  log.begin();
  for (const Diagnostic& d : diags) {
    DiagnosticLine line{d.where.file, d.where.line, d.where.column, cat.render(d.key, d.args, lang), d.key};
    log.diagnostic(line, d.severity == Severity::error, "");
  }
  log.end(IPZONE_VERSION, rule_set.empty() ? "" : "\"rule_set\": " + json_string(rule_set));
}

}  // namespace ipz
