// Reading the message catalogue (model/catalogue.h) from its YAML files:
// rules/messages.yaml and any rules/messages-*.yaml beside it, as compiled
// into the binary, or a catalogue file given as text.
#pragma once

#include <string>
#include <string_view>

#include "model/catalogue.h"
#include "read/yaml_tree.h"
#include "util/diagnostic.h"

namespace ipz {

// The catalogue compiled into the binary, read once.
const Catalogue& builtin_catalogue();
// Parses a catalogue file; problems go to diags.
Catalogue parse_catalogue(std::string_view text, const std::string& file, Diagnostics& diags);
Catalogue catalogue_from_tree(const YamlNode& root, const std::string& file, Diagnostics& diags);

}  // namespace ipz
