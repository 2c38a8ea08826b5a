// USCC warnings (see uscc_warning.h).
#include "read/uscc_warning.h"

#include "util/uscc.h"

namespace ipz {

void warn_if_bad_uscc(const Location& where, const std::string& path, const std::string& code, Diagnostics& diags) {
  const UsccCheck c = check_uscc(code);
  switch (c.status) {
    case UsccCheck::Status::ok: return;
    case UsccCheck::Status::bad_length:
      diags.push_back({Severity::warning, where, "dossier.uscc_length",
                       {{"path", path}, {"value", code}, {"length", std::to_string(code.size())}}});
      return;
    case UsccCheck::Status::bad_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_character",
                       {{"path", path}, {"value", code}, {"position", std::to_string(c.position)}}});
      return;
    case UsccCheck::Status::bad_check_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_check",
                       {{"path", path}, {"value", code}, {"expected", std::string(1, c.expected_check)}}});
      return;
  }
}

}  // namespace ipz
