// USCC warnings (see uscc_warning.h).
#include "read/uscc_warning.h"

#include "util/uscc.h"

namespace ipz {

std::string checked_uscc(const Location& where, const std::string& path, const std::string& written,
                         const std::string& name, Diagnostics& diags) {
  std::string code = written;
  auto args = [&](MessageArgs more) {
    MessageArgs out = {{"path", path}, {"value", code}, {"name", name},
                       {"of", name.empty() ? "\x01hint.none" : "\x01roster.of"}};
    for (auto& a : more) out.push_back(std::move(a));
    return out;
  };
  for (char& ch : code)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  if (code != written)
    diags.push_back({Severity::warning, where, "dossier.uscc_lower_case", args({{"value", written}, {"upper", code}})});
  const UsccCheck c = check_uscc(code);
  switch (c.status) {
    case UsccCheck::Status::ok: break;
    case UsccCheck::Status::bad_length:
      diags.push_back({Severity::warning, where, "dossier.uscc_length",
                       args({{"length", std::to_string(code.size())}})});
      break;
    case UsccCheck::Status::bad_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_character",
                       args({{"position", std::to_string(c.position)}})});
      break;
    case UsccCheck::Status::bad_check_character:
      diags.push_back({Severity::warning, where, "dossier.uscc_check",
                       args({{"expected", std::string(1, c.expected_check)}})});
      break;
  }
  return code;
}

}  // namespace ipz
