// The writers behind make_writer (report/formats.h), one file each.
#pragma once

#include <memory>
#include <ostream>

#include "report/formats.h"

namespace ipz {

std::unique_ptr<ReportWriter> make_text_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_json_writer(const OutputOptions& opt, std::ostream& out, bool one_per_line);
std::unique_ptr<ReportWriter> make_csv_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_junit_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_html_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_xlsx_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_markdown_writer(const OutputOptions& opt, const Catalogue& cat, std::ostream& out);
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out);

}  // namespace ipz
