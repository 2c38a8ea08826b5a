// USCC warnings (see uscc_warning.h).
#include "read/uscc_warning.h"

#include "util/uscc.h"

namespace ipz {

std::string checked_uscc(const Location& where, const std::string& path, const std::string& written, Diagnostics& diags) {
  std::string code = written;
  for (char& ch : code)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  if (code != written)
    diags.push_back({Severity::warning, where, "dossier.uscc_lower_case",
                     {{"path", path}, {"value", written}, {"upper", code}}});
  const UsccCheck c = check_uscc(code);
  switch (c.status) {
    case UsccCheck::Status::ok: break;
    case UsccCheck::Status::bad_length:
      diags.push_back({Severity::warning, where, "dossier.uscc_length",
                       {{"path", path}, {"value", code}, {"length", std::to_string(code.size())}}});
      break;
    case UsccCheck::Status::bad_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_character",
                       {{"path", path}, {"value", code}, {"position", std::to_string(c.position)}}});
      break;
    case UsccCheck::Status::bad_check_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_check",
                       {{"path", path}, {"value", code}, {"expected", std::string(1, c.expected_check)}}});
      break;
  }
  return code;
}

}  // namespace ipz
