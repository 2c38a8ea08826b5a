// The data check of a Unified Social Credit Code (统一社会信用代码) met while
// reading a dossier or a roster: a warning naming the field and, for a wrong
// check character, the one expected. A bad code never invalidates a dossier.
#pragma once

#include <string>

#include "util/diagnostic.h"

namespace ipz {

// The code as it is compared and counted: in upper case, as GB 32100 writes
// it (a code written with lower-case letters is the same code, with a
// warning). Then the warnings of a code that is not well formed. Each names
// the field (path) and whose code it is (name: the enterprise or the
// operator; may be empty).
std::string checked_uscc(const Location& where, const std::string& path, const std::string& code,
                         const std::string& name, Diagnostics& diags);

}  // namespace ipz
