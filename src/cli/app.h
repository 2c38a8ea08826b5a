// The ipzone command line as one CLI11 application: its description, its
// --version and the table of sub-commands. main.cc parses with it;
// `ipzone completion` and the man page (tools/make_manpage.cc) describe it,
// so that neither can drift from the options the binary really takes.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace ipz::cli {

// Adds every sub-command to app; each stores its exit code in exit_code when run.
void build_app(CLI::App& app, int& exit_code);

// What --version prints: the tool's version (project() in CMakeLists.txt)
// and the built-in rule set's name and version.
std::string version_text();

}  // namespace ipz::cli
