// JUnit XML for CI servers: a testsuite per dossier, a testcase per rule.
// fail and missing are failures (they make the exit code 1), review is
// skipped (a human decides), an invalid dossier is one testcase in error.
#include "report/writers.h"

namespace ipz {

namespace {

class JunitWriter : public ReportWriter {
 public:
  JunitWriter(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) : opt_(opt), cat_(cat), out_(out) {}

  void begin(const Report& run) override {
    lang_ = run.lang;
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ipzone check\">\n";
  }

  // --quiet does not apply: a CI server must see every failure, and an empty
  // <testsuites> would pass (README, --quiet).
  void dossier(const DossierReport& d) override {
    const std::string suite = xml_escape(d.file);
    if (d.results.empty()) {
      std::string all;
      for (const auto& e : d.errors)
        all += e.file + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
      out_ << "  <testsuite name=\"" << suite << "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
           << "    <testcase classname=\"" << suite << "\" name=\"load\">\n      <error message=\""
           << xml_escape(d.errors.empty() ? verdict_name(d.verdict) : d.errors.front().message) << "\">"
           << xml_escape(all) << "</error>\n    </testcase>\n  </testsuite>\n";
      return;
    }
    int failures = 0, skipped = 0;
    for (const auto& r : d.results) {
      if (r.outcome == Outcome::fail || r.outcome == Outcome::missing) ++failures;
      if (r.outcome == Outcome::review || r.outcome == Outcome::not_applicable) ++skipped;
    }
    out_ << "  <testsuite name=\"" << suite << "\" tests=\"" << d.results.size() << "\" failures=\"" << failures
         << "\" errors=\"0\" skipped=\"" << skipped << "\">\n";
    out_ << "    <properties>\n      <property name=\"zone\" value=\"" << xml_escape(d.name)
         << "\"/>\n      <property name=\"verdict\" value=\"" << verdict_name(d.verdict)
         << "\"/>\n      <property name=\"as_of\" value=\"" << d.as_of
         << "\"/>\n      <property name=\"as_of_source\" value=\"" << xml_escape(d.as_of_note)
         << "\"/>\n    </properties>\n";
    for (const auto& r : d.results) {
      out_ << "    <testcase classname=\"" << suite << "\" name=\"" << xml_escape(r.id + " " + r.clause) << "\"";
      const std::string detail = cat_.get("text.actual", lang_) + " " + r.actual + "; " +
                                 cat_.get("text.required", lang_) + " " + r.required + "\n" + r.message;
      switch (r.outcome) {
        case Outcome::pass: out_ << "/>\n"; break;
        case Outcome::review:
        case Outcome::not_applicable:
          out_ << ">\n      <skipped message=\"" << xml_escape(r.message) << "\"/>\n    </testcase>\n";
          break;
        case Outcome::fail:
        case Outcome::missing:
          out_ << ">\n      <failure type=\"" << outcome_name(r.outcome) << "\" message=\"" << xml_escape(r.message)
               << "\">" << xml_escape(detail) << "</failure>\n    </testcase>\n";
          break;
      }
    }
    out_ << "  </testsuite>\n";
  }

  void end(const Report&) override { out_ << "</testsuites>\n"; }

 private:
  OutputOptions opt_;
  const Catalogue& cat_;
  std::ostream& out_;
  Lang lang_ = Lang::zh;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out) {
  return std::make_unique<JunitWriter>(opt, cat, out);
}

}  // namespace ipz
