// Shared options (see options.h).
#include "cli/options.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/format_choice.h"
#include "cli/output.h"
#include "evaluate/rule_lint.h"
#include "read/catalogue_loader.h"
#include "read/rule_loader.h"
#include "report/report.h"
#include "report/sanitize.h"
#include "util/utf8_path.h"

namespace ipz::cli {

const CLI::Validator& existing_folder() {
  static const CLI::Validator v(
      [](std::string& name) -> std::string {
        std::error_code ec;
        const std::filesystem::file_status st = std::filesystem::status(utf8_path(name), ec);
        if (!std::filesystem::exists(st)) return "Directory does not exist: " + name;
        if (!std::filesystem::is_directory(st)) return "Directory is actually a file: " + name;
        return {};
      },
      "DIR");
  return v;
}

bool CommonOptions::use_color() const {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return isatty(STDOUT_FILENO) != 0;
}

void add_lang_option(CLI::App& cmd, CommonOptions& opt) {
  cmd.add_option("--lang", opt.lang, "Language of the output and of every message: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
}

void add_as_of_option(CLI::App& cmd, CommonOptions& opt) {
  cmd.add_option_function<std::string>(
         "--as-of",
         [&opt](const std::string& s) {
           auto d = parse_date(s);
           if (!d) throw CLI::ValidationError("--as-of", "not a date in the form YYYY-MM-DD: " + s);
           opt.as_of = d;
         },
         "Evaluation date (YYYY-MM-DD); default: the dossier's as_of, else today in --tz")
      ->type_name("DATE");
  cmd.add_option("--tz", opt.tz,
                 "The time zone (a tz database name) whose date is today, taken once for the whole run; default: the "
                 "TZ environment variable, else the rule set's time_zone (Asia/Shanghai, the Measures' own, for the "
                 "built-in rules)")
      ->type_name("ZONE");
}

void add_common_options(CLI::App& cmd, CommonOptions& opt) {
  cmd.add_option("--rules", opt.rules_dir, "A rule set folder to use instead of the built-in recognition rules")
      ->check(existing_folder())
      ->type_name("DIR");
  add_as_of_option(cmd, opt);
  add_lang_option(cmd, opt);
  cmd.add_option("--color", opt.color,
                 "Colour the text output: auto (default: on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_output_options(CLI::App& cmd, CommonOptions& opt, const std::vector<std::string>& formats,
                        const std::string& help) {
  opt.formats = formats;
  opt.format = formats.front();
  cmd.add_option_function<std::string>(
         "--format",
         [&opt](const std::string& s) {
           opt.format = s;
           opt.format_given = true;
         },
         "Output format: " + help +
             (formats.size() > 1 ? "; without --format, the suffix of -o says it (a --format that the suffix "
                                   "contradicts is an error)"
                                 : ""))
      ->check(CLI::IsMember(formats))
      ->type_name("FORMAT");
  cmd.add_option("-o,--output", opt.output,
                 "Write to FILE instead of standard output, atomically (a temporary file renamed when complete; a "
                 "symbolic link is followed, a device or FIFO written into, the mode of FILE kept; one of the "
                 "inputs is refused)")
      ->type_name("FILE");
}

bool settle_format(CommonOptions& opt, std::string_view command) {
  const FormatChoice c =
      choose_format(opt.format_given ? opt.format : "", opt.output, opt.formats, opt.language(), builtin_catalogue());
  if (!c.error.empty()) {
    std::cerr << "ipzone " << command << ": " << c.error << "\n";
    return false;
  }
  opt.format = c.format;
  return true;
}

void add_rule_folder(CLI::App& cmd, CommonOptions& opt, const std::string& default_help) {
  cmd.add_option("dir", opt.rules_dir_arg, "The rule set folder (or --rules DIR); default: " + default_help)
      ->check(existing_folder())
      ->type_name("DIR");
  cmd.add_option("--rules", opt.rules_dir, "The rule set folder, the same as the DIR argument")
      ->check(existing_folder())
      ->type_name("DIR");
}

bool settle_rule_folder(CommonOptions& opt, std::string_view command) {
  if (!opt.rules_dir_arg.empty() && !opt.rules_dir.empty() && opt.rules_dir_arg != opt.rules_dir) {
    usage_error(command, "usage.rule_folder_twice", {{"arg", opt.rules_dir_arg}, {"option", opt.rules_dir}},
                opt.language(), builtin_catalogue());
    return false;
  }
  if (opt.rules_dir.empty()) opt.rules_dir = opt.rules_dir_arg;
  return true;
}

void add_input_options(CLI::App& cmd, InputOptions& opt) {
  cmd.add_option("dossiers", opt.paths,
                 "Dossier files (YAML, format ipzone-dossier/1), folders (their *.yaml and *.yml, sorted), or - "
                 "for standard input")
      ->type_name("DOSSIER");
  cmd.add_option("--files-from", opt.files_from,
                 "Also read dossier paths from FILE, one a line (- for standard input): find ... | ipzone " +
                     cmd.get_name() + " --files-from -")
      ->type_name("FILE");
  cmd.add_flag("-r,--recursive", opt.recursive, "Look for dossiers in the subfolders of folders too");
  cmd.add_option("--max-file-size", opt.max_file_size,
                 "Refuse a dossier or roster file larger than SIZE bytes (suffix K, M or G: KiB, MiB, GiB; "
                 "default 64M)")
      ->type_name("SIZE");
  cmd.add_option("--allow-outside", opt.allow_outside,
                 "Let a dossier's enterprises_file lie under PATH too, outside the dossier's folder (repeatable; "
                 "by default a file a dossier names must be inside its folder, after symbolic links)")
      ->type_name("PATH")
      ->allow_extra_args(false);
}

std::optional<InputList> collect_inputs(const InputOptions& opt, std::string_view command, Lang lang,
                                        const Catalogue& cat) {
  std::vector<std::string> paths = opt.paths;
  const auto stdin_named = std::count(paths.begin(), paths.end(), "-") + (opt.files_from == "-" ? 1 : 0);
  if (stdin_named > 1) {
    usage_error(command, "usage.stdin_twice", {}, lang, cat);
    return std::nullopt;
  }
  FileLimits limits;
  if (!opt.max_file_size.empty()) {
    auto size = parse_size(opt.max_file_size);
    if (!size || *size == 0) {
      usage_error(command, "usage.bad_size", {{"value", opt.max_file_size}}, lang, cat);
      return std::nullopt;
    }
    limits.max_file_size = *size;
  }
  limits.allow_outside = opt.allow_outside;
  if (!opt.files_from.empty() && !read_path_list(opt.files_from, paths)) {
    std::cerr << "ipzone " << command << ": "
              << sanitize(cat.render("file.cannot_read", {{"file", opt.files_from}, {"reason", std::strerror(errno)}},
                                     lang),
                          Sink::text)
              << "\n";
    return std::nullopt;
  }
  if (paths.empty()) {
    usage_error(command, "input.none", {}, lang, cat);
    return std::nullopt;
  }
  InputList inputs = expand_inputs(paths, opt.recursive);
  inputs.limits = std::move(limits);
  return inputs;
}

Verdict FailOptions::threshold() const {
  if (strict || fail_on == "needs-review") return Verdict::needs_review;
  if (fail_on == "ineligible") return Verdict::ineligible;
  return Verdict::incomplete;
}

void add_fail_options(CLI::App& cmd, FailOptions& opt) {
  cmd.add_flag("--strict", opt.strict, "Treat needs-review as a failure (exit 1); same as --fail-on needs-review");
  opt.fail_on_option = cmd.add_option("--fail-on", opt.fail_on,
                                      "The least verdict that makes exit 1: ineligible, incomplete (default: "
                                      "ineligible or incomplete), or needs-review")
                           ->check(CLI::IsMember({"ineligible", "incomplete", "needs-review"}));
}

int usage_error(std::string_view command, std::string_view key, const MessageArgs& args, Lang lang,
                const Catalogue& cat) {
  std::cerr << "ipzone " << command << ": " << sanitize(cat.render(key, args, lang), Sink::text) << "\n";
  return kExitInvalid;
}

int check_combinations(std::string_view command, const CommonOptions& opt, const FailOptions* fail,
                       const std::vector<std::pair<std::string, bool>>& csv_flags, Lang lang, const Catalogue& cat) {
  if (fail && fail->strict && fail->fail_on_option && fail->fail_on_option->count() > 0)
    return usage_error(command, "usage.strict_and_fail_on", {}, lang, cat);
  for (const auto& [flag, given] : csv_flags)
    if (given && opt.format != "csv")
      return usage_error(command, "usage.csv_only", {{"flag", flag}, {"format", opt.format}}, lang, cat);
  return kExitOk;
}

int write_output(const CommonOptions& opt, std::string_view command,
                 const std::function<int(std::ostream&, std::string&)>& write) {
  Output output(opt.output, opt.language());
  if (!output.ok()) {
    std::cerr << "ipzone " << command << ": " << sanitize(output.error(), Sink::text) << "\n";
    return kExitInvalid;
  }
  std::string error;
  const int code = write(output.stream(), error);
  if (!error.empty()) {  // the Output is not committed: -o FILE is left as it was
    std::cerr << "ipzone " << command << ": " << sanitize(error, Sink::text) << "\n";
    return kExitInvalid;
  }
  if (!output.commit()) {
    std::cerr << "ipzone " << command << ": " << sanitize(output.error(), Sink::text) << "\n";
    return kExitInvalid;
  }
  return code;
}

void print_diagnostics(const Diagnostics& diags, Lang lang, const Catalogue& cat, std::ostream& out) {
  for (const auto& d : diags) {
    out << sanitize(d.where.file, Sink::text_line);
    if (d.where.line > 0) out << ":" << d.where.line << ":" << d.where.column;
    out << ": " << cat.get(d.severity == Severity::error ? "text.error" : "text.warning", lang) << ": "
        << sanitize(diagnostic_message(d, lang, cat), Sink::text) << "\n";
  }
}

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void add_jobs_option(CLI::App& cmd, int& jobs, const std::string& verb) {
  cmd.add_option("-j,--jobs", jobs, verb + " on N threads (default: the number of cores); the output is the same")
      ->check(CLI::Range(1, 1024));
}

std::optional<RuleSet> load_rules(const CommonOptions& opt, Lang lang, const Catalogue& cat) {
  Diagnostics diags;
  std::optional<RuleSet> rules = load_rules(opt, diags);
  print_diagnostics(diags, lang, cat, std::cerr);
  return rules;
}

std::optional<RuleSet> load_rules(const CommonOptions& opt, Diagnostics& diags) {
  std::optional<RuleSet> rules = read_rules(opt, diags);
  // The built-in set is linted by its tests; a folder is linted here, and a
  // lint error refuses it with every diagnostic of `rules lint`.
  if (rules && !opt.rules_dir.empty()) {
    Diagnostics lint = lint_rule_set(*rules);
    if (has_errors(lint)) {
      diags.insert(diags.end(), lint.begin(), lint.end());
      return std::nullopt;
    }
  }
  return rules;
}

std::optional<RuleSet> read_rules(const CommonOptions& opt, Diagnostics& diags) {
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
