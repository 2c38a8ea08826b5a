// The pipeline shared by the commands that judge dossiers (check, rules diff,
// rules test, and later score and rank): inputs -> loaded dossiers ->
// facts -> evaluation -> a DossierReport in the user's language.
#pragma once

#include <functional>
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

// Files as given; folders become their *.yaml and *.yml files, sorted (with
// recursive, those of their subfolders too, sorted by path).
std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive = false);

// The paths listed in a file (one a line; blank lines skipped; "-" reads
// standard input), for --files-from; false when it cannot be read.
bool read_path_list(const std::string& file, std::vector<std::string>& out);

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

// Runs work on each input on `jobs` threads and hands the reports to sink in
// input order, each as soon as it and all before it are done. At most a few
// reports per thread wait for their turn, so memory does not grow with the
// number of inputs. With jobs <= 1 everything runs on the calling thread.
void for_each_in_order(const std::vector<Input>& inputs, int jobs,
                       const std::function<DossierReport(const Input&)>& work,
                       const std::function<void(DossierReport&&)>& sink);

}  // namespace ipz::cli
