// Options shared by the sub-commands, defined once so that they mean the same
// everywhere (README "Usage"):
//   the rule set and the evaluation:  --rules, --as-of, --lang, --color
//   the dossiers read:                files, folders, -, -r, --files-from
//   the report written:               -o, --format
//   what makes exit 1:                --strict, --fail-on
// and what follows from them: the rule set to use, the language, whether to
// paint the output, the list of inputs, the exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/pipeline.h"
#include "model/rule_set.h"
#include "model/catalogue.h"
#include "report/report.h"
#include "util/date.h"

namespace ipz::cli {

struct CommonOptions {
  std::string rules_dir;             // empty: the embedded recognition rule set
  std::string rules_dir_arg;         // rules sub-commands: the folder given as an argument (same as --rules)
  std::optional<Date> as_of;         // --as-of
  std::string tz;                    // --tz ZONE (empty: TZ, else the rule set's zone; cli/run_date.h)
  std::string lang = "zh";           // zh | en
  std::string format = "text";       // --format, or what the suffix of -o says (settle_format)
  bool format_given = false;         // --format was on the command line
  std::vector<std::string> formats;  // the formats the command offers; the first is the default
  std::string output;                // -o FILE; empty or "-": standard output
  std::string color = "auto";        // auto | always | never

  Lang language() const { return lang == "en" ? Lang::en : Lang::zh; }
  bool use_color() const;
};

// CLI::ExistingDirectory for a folder named in UTF-8 on every system (CLI11's
// own hands the name to the file system as a plain string, which Windows reads
// in another code page, so a Chinese folder name "does not exist" there). The
// same messages and the same "DIR" in --help, the man page and the completions.
const CLI::Validator& existing_folder();

// --rules, --as-of, --lang and --color.
void add_common_options(CLI::App& cmd, CommonOptions& opt);
void add_lang_option(CLI::App& cmd, CommonOptions& opt);
// --as-of DATE and --tz ZONE.
void add_as_of_option(CLI::App& cmd, CommonOptions& opt);

// -o FILE and --format; formats lists the formats the command offers (the
// first is the default), help says what each is.
void add_output_options(CLI::App& cmd, CommonOptions& opt, const std::vector<std::string>& formats,
                        const std::string& help);

// The rule folder of a `rules` sub-command: an argument DIR or --rules DIR
// (the same; both, when they differ, is a usage error). default_help says what
// is used without either.
void add_rule_folder(CLI::App& cmd, CommonOptions& opt, const std::string& default_help);
// Settles opt.rules_dir from the argument and --rules; false (message printed) when they contradict.
bool settle_rule_folder(CommonOptions& opt, std::string_view command);

// The dossiers a command reads: files, folders (with -r their subfolders
// too), - for standard input, and --files-from FILE.
struct InputOptions {
  std::vector<std::string> paths;
  std::string files_from;
  bool recursive = false;
  std::string max_file_size;               // --max-file-size (empty: 64 MiB)
  std::vector<std::string> allow_outside;  // --allow-outside PATH, repeatable
};
void add_input_options(CLI::App& cmd, InputOptions& opt);
// Every input named, with the file limits; nullopt (with a message on
// standard error) when --files-from cannot be read, when none is named, when
// standard input is named twice, or when --max-file-size is not a size.
std::optional<InputList> collect_inputs(const InputOptions& opt, std::string_view command, Lang lang,
                                        const Catalogue& cat);

// --strict and --fail-on: the least verdict that makes exit 1.
struct FailOptions {
  bool strict = false;
  std::string fail_on = "incomplete";
  CLI::Option* fail_on_option = nullptr;  // to tell a given --fail-on from the default
  Verdict threshold() const;
};
void add_fail_options(CLI::App& cmd, FailOptions& opt);

// A usage error: "ipzone COMMAND: message" on standard error; returns the exit code 2.
int usage_error(std::string_view command, std::string_view key, const MessageArgs& args, Lang lang,
                const Catalogue& cat);

// The usage errors common to the options above (--strict with --fail-on, a
// csv-only flag with another format ...); csv_flags names the csv-only flags
// the command has and whether each was given. Returns 0, or 2 after the message.
int check_combinations(std::string_view command, const CommonOptions& opt, const FailOptions* fail,
                       const std::vector<std::pair<std::string, bool>>& csv_flags, Lang lang, const Catalogue& cat);

// Settles opt.format: --format, else the suffix of -o (.json .csv .xml .md
// .html .sarif .xlsx ...), else the default; false (message printed) when
// they contradict, the suffix names a format the command does not offer, or
// a binary format would go to a terminal (cli/format_choice.h).
bool settle_format(CommonOptions& opt, std::string_view command);

// Writes a report to opt.output (standard output, or a file written
// atomically): runs write, then commits; the code write returns, or 2 when
// the output cannot be created or completed, or when write sets its error
// (then -o FILE is left as it was). Messages on standard error.
int write_output(const CommonOptions& opt, std::string_view command,
                 const std::function<int(std::ostream&, std::string& error)>& write);

// Diagnostics as "file:line:column: error: message", one a line.
void print_diagnostics(const Diagnostics& diags, Lang lang, const Catalogue& cat, std::ostream& out);

// The number of threads for -j N: N, or the number of cores when N is 0.
int thread_count(int requested);
void add_jobs_option(CLI::App& cmd, int& jobs, const std::string& verb);

// The rule set named by the options; prints its errors (with file:line:column)
// to standard error and returns nullopt when it cannot be used. A rule folder
// (--rules DIR) is linted as part of loading: one that `rules lint` rejects
// is refused, with the same diagnostics (exit 2 for every command).
std::optional<RuleSet> load_rules(const CommonOptions& opt, Lang lang, const Catalogue& cat);
// The same, with the problems found (errors and warnings) added to diags instead of printed.
std::optional<RuleSet> load_rules(const CommonOptions& opt, Diagnostics& diags);
// Reading only, without lint (for `rules lint`, which reports lint itself).
std::optional<RuleSet> read_rules(const CommonOptions& opt, Diagnostics& diags);

}  // namespace ipz::cli
