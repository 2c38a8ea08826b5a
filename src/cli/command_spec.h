// CommandSpec: the command line as plain data, read from the CLI11
// application (sub-commands, options, their values and choices), for the
// writers that describe it: the shell completion scripts (`ipzone
// completion`) and the man page. Both read it from the same definitions the
// parser uses, so they cannot drift from what the binary accepts.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace ipz::cli {

// What an option's value (or a positional argument) is, for completion.
enum class ValueKind { none, text, choice, file, dir };

struct OptionSpec {
  std::vector<std::string> short_names;  // "o" for -o
  std::vector<std::string> long_names;   // "output" for --output
  std::string positional;                // the name of a positional argument, else empty
  std::string value_name;                // FORMAT, FILE, DIR ...; empty for a flag
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;  // kind == choice
  std::string description;
  bool repeated = false;  // a positional that takes several values
  bool required = false;
};

struct CommandSpec {
  std::string name;  // "lint"
  std::string path;  // "ipzone rules lint"
  std::string description;
  std::vector<OptionSpec> options;       // options, in the order they were added
  std::vector<OptionSpec> positionals;   // positional arguments, in order
  std::vector<CommandSpec> subcommands;  // visible sub-commands only
};

CommandSpec describe_command_line(const CLI::App& app);

// The first sentence of a description, for a one-line summary (with
// stop_at_colon, only what comes before a colon: "Check dossiers: ..." -> "Check dossiers").
std::string first_sentence(const std::string& text, bool stop_at_colon = false);

}  // namespace ipz::cli
