// Diagnostic: one problem found in an input (a dossier or a rule file), with
// where it is (file:line:column, 1-based) and what it is. The text is not
// written here: a diagnostic carries a message key and its arguments, and the
// report renders them from the message catalogue (rules/messages.yaml) in the
// user's language.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ipz {

enum class Severity { error, warning };

// Where something is in a file. line == 0 means "the file as a whole".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// A named argument of a message: {name} in the catalogue text is replaced by value.
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string key;   // message catalogue key, e.g. "dossier.unknown_key"
  MessageArgs args;  // values for the placeholders of that message
};

using Diagnostics = std::vector<Diagnostic>;

// The arguments of a message's "did you mean" part: {suggestion}, the names
// joined by ", ", and {did_you_mean}, a reference to the catalogue entry
// `style` (hint.did_you_mean, hint.closest, hint.close_names) that words it,
// or to hint.none (no words at all) when nothing is close. A message never
// shows an empty suggestion.
inline MessageArgs suggestion_args(const std::vector<std::string>& near, const std::string& style) {
  std::string joined;
  for (const auto& n : near) joined += (joined.empty() ? "" : ", ") + n;
  return {{"suggestion", joined}, {"did_you_mean", "\x01" + (near.empty() ? std::string("hint.none") : style)}};
}

inline bool has_errors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::error) return true;
  return false;
}

}  // namespace ipz
