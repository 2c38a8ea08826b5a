// The pipeline shared by the commands that judge dossiers (check, rules diff,
// rules test, and later score and rank): inputs -> loaded dossiers ->
// facts -> evaluation -> a DossierReport in the user's language.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dossier.h"
#include "model/rule_set.h"
#include "report/catalogue.h"
#include "report/report.h"
#include "util/date.h"
#include "util/diagnostic.h"

namespace ipz::cli {

// One input: a path, or "-" for standard input; error_key when it cannot be a dossier.
struct Input {
  std::string path;
  std::string error_key;
};

// Files as given; folders become their *.yaml and *.yml files, sorted.
std::vector<Input> expand_inputs(const std::vector<std::string>& args);

// A dossier read and loaded, or the reasons it could not be.
struct LoadedInput {
  std::string file;
  std::optional<Dossier> dossier;
  Diagnostics diagnostics;  // errors (then no dossier) and loading warnings
};

LoadedInput load_input(const Input& input);

struct EvaluateOptions {
  std::optional<Date> as_of;  // --as-of; else the dossier's; else today
  bool detail = false;        // include the roster classification
};

// The report of one loaded input under a rule set.
DossierReport judge(const LoadedInput& input, const RuleSet& rules, const EvaluateOptions& opt, Lang lang,
                    const Catalogue& cat);

}  // namespace ipz::cli
