// Loads a dossier file (format ipzone-dossier/1) into a Dossier, checking the
// data as it goes (see README "Dossier format" and "Data checks"). Errors make
// the dossier invalid; warnings are kept for the report. All problems found
// are reported, not only the first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/dossier.h"
#include "read/file_access.h"
#include "read/yaml_tree.h"
#include "util/diagnostic.h"

namespace ipz {

// The value of `format:` this loader reads.
inline constexpr std::string_view kDossierFormat = "ipzone-dossier/1";

struct LoadedDossier {
  std::optional<Dossier> dossier;  // nullopt when there are errors
  Diagnostics diagnostics;         // errors and warnings, in file order
};

// Reads from text; file is the name used in messages (and the folder that
// enterprises_file is relative to, and must stay within: read/file_access.h).
LoadedDossier load_dossier(std::string_view text, const std::string& file, const FileLimits& limits = {});
// Reads from a YAML tree already parsed (or built, as rule tests do).
LoadedDossier load_dossier(const YamlNode& root, const std::string& file, const FileLimits& limits = {});

}  // namespace ipz
