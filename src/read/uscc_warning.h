// The data check of a Unified Social Credit Code (统一社会信用代码) met while
// reading a dossier or a roster: a warning naming the field and, for a wrong
// check character, the one expected. A bad code never invalidates a dossier.
#pragma once

#include <string>

#include "util/diagnostic.h"

namespace ipz {

void warn_if_bad_uscc(const Location& where, const std::string& path, const std::string& code, Diagnostics& diags);

}  // namespace ipz
