// `ipzone schema`: prints the JSON Schema (draft 2020-12) of dossier format v1
// (format/dossier-v1.schema.json), for an editor's YAML language server.
#include <iostream>

#include "cli/commands.h"
#include "read/embedded_files.h"

namespace ipz::cli {

void add_schema(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "schema",
      "Print the JSON Schema (draft 2020-12) of dossier format v1, for completion and validation in an editor: "
      "ipzone schema > ipzone-dossier.schema.json, then start a dossier with "
      "# yaml-language-server: $schema=./ipzone-dossier.schema.json");
  cmd->callback([&exit_code] {
    std::cout << embedded_file("format/dossier-v1.schema.json");
    exit_code = kExitOk;
  });
}

}  // namespace ipz::cli
