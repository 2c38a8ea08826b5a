// Which output format a command writes, and whether it may write it where
// asked: --format, else the suffix of -o FILE (.json .ndjson .csv .xml .md
// .html .sarif .xlsx), else text. An explicit --format that another format's suffix
// contradicts is a usage error (README "Output formats"). A binary format
// (xlsx) is never written to a terminal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"

namespace ipz::cli {

struct FormatChoice {
  std::string format;  // the format to write
  std::string error;   // a usage error to print (then exit 2), or empty
};

// given: --format as typed (empty when not given); offered: the command's formats.
FormatChoice choose_format(const std::string& given, const std::string& output, const std::vector<std::string>& offered,
                           Lang lang, const Catalogue& cat);

}  // namespace ipz::cli
