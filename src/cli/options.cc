// Shared options (see options.h).
#include "cli/options.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <iostream>
#include <thread>

#include "read/rule_loader.h"

namespace ipz::cli {

bool CommonOptions::use_color() const {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return isatty(STDOUT_FILENO) != 0;
}

void add_common_options(CLI::App& cmd, CommonOptions& opt, const std::vector<std::string>& formats,
                        const std::string& format_help) {
  cmd.add_option("--rules", opt.rules_dir, "A rule set folder to use instead of the built-in recognition rules")
      ->check(CLI::ExistingDirectory);
  cmd.add_option_function<std::string>(
         "--as-of",
         [&opt](const std::string& s) {
           auto d = parse_date(s);
           if (!d) throw CLI::ValidationError("--as-of", "not a date in the form YYYY-MM-DD: " + s);
           opt.as_of = d;
         },
         "Evaluation date (YYYY-MM-DD); default: the dossier's as_of, else today")
      ->type_name("DATE");
  cmd.add_option("--lang", opt.lang, "Language of the report: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd.add_option_function<std::string>(
         "--format",
         [&opt](const std::string& s) {
           opt.format = s;
           opt.format_given = true;
         },
         format_help)
      ->check(CLI::IsMember(formats))
      ->type_name("FORMAT");
  cmd.add_option("--color", opt.color, "Colour the text output: auto (default: on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void print_diagnostics(const Diagnostics& diags, Lang lang, const Catalogue& cat, std::ostream& out) {
  for (const auto& d : diags) {
    out << d.where.file;
    if (d.where.line > 0) out << ":" << d.where.line << ":" << d.where.column;
    out << ": " << cat.get(d.severity == Severity::error ? "text.error" : "text.warning", lang) << ": "
        << cat.render(d.key, d.args, lang) << "\n";
  }
}

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::optional<RuleSet> load_rules(const CommonOptions& opt, Lang lang, const Catalogue& cat) {
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(opt, diags);
  print_diagnostics(diags, lang, cat, std::cerr);
  return rules;
}

std::optional<RuleSet> load_rules(const CommonOptions& opt, Diagnostics& diags) {
  std::vector<RuleFile> files;
  std::string origin = "embedded";
  if (opt.rules_dir.empty()) {
    files = embedded_rule_files("recognition");
  } else {
    origin = opt.rules_dir;
    read_rule_folder(opt.rules_dir, files, diags);
  }
  std::optional<RuleSet> rules;
  if (!has_errors(diags)) {
    LoadedRules loaded = load_rule_set(files, origin);
    diags.insert(diags.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    rules = std::move(loaded.rules);
  }
  if (has_errors(diags)) return std::nullopt;
  return rules;
}

}  // namespace ipz::cli
