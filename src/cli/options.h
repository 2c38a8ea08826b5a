// Options shared by the sub-commands (--rules, --as-of, --lang, --format,
// --color) and what follows from them: the rule set to use, the language,
// whether to paint the output.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "model/rule_set.h"
#include "report/catalogue.h"
#include "util/date.h"

namespace ipz::cli {

struct CommonOptions {
  std::string rules_dir;        // empty: the embedded recognition rule set
  std::optional<Date> as_of;    // --as-of
  std::string lang = "zh";      // zh | en
  std::string format = "text";  // text | json | ...
  bool format_given = false;    // --format was on the command line (else the suffix of -o may say)
  std::string color = "auto";   // auto | always | never

  Lang language() const { return lang == "en" ? Lang::en : Lang::zh; }
  bool use_color() const;
};

// Adds --rules, --as-of, --lang, --color and --format; formats lists the
// output formats the command offers (the first is the default).
void add_common_options(CLI::App& cmd, CommonOptions& opt, const std::vector<std::string>& formats = {"text", "json"},
                        const std::string& format_help = "Output format: text (default) or json");

// Diagnostics as "file:line:column: error: message", one a line.
void print_diagnostics(const Diagnostics& diags, Lang lang, const Catalogue& cat, std::ostream& out);

// The number of threads for -j N: N, or the number of cores when N is 0.
int thread_count(int requested);

// The rule set named by the options; prints its errors (with file:line:column)
// to standard error and returns nullopt when it cannot be used.
std::optional<RuleSet> load_rules(const CommonOptions& opt, Lang lang, const Catalogue& cat);
// The same, with the problems found (errors and warnings) added to diags instead of printed.
std::optional<RuleSet> load_rules(const CommonOptions& opt, Diagnostics& diags);

}  // namespace ipz::cli
