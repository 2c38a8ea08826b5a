// The sub-commands of ipzone. Each adds itself to the CLI11 application and,
// when run, stores its exit code; main.cc holds the table of them.
#pragma once

#include <CLI/CLI.hpp>

namespace ipz::cli {

// Exit codes, the contract for shell scripts (README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitNotEligible = 1;
inline constexpr int kExitInvalid = 2;

void add_check(CLI::App& app, int& exit_code);
void add_explain(CLI::App& app, int& exit_code);
void add_init(CLI::App& app, int& exit_code);
void add_schema(CLI::App& app, int& exit_code);
void add_rules(CLI::App& app, int& exit_code);
void add_score(CLI::App& app, int& exit_code);
void add_rank(CLI::App& app, int& exit_code);
void add_completion(CLI::App& app, int& exit_code);

}  // namespace ipz::cli
