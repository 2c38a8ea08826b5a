// `ipzone init`: prints a complete, commented dossier template to fill in
// (format/template.zh.yaml, or .en with --lang en); `ipzone init --csv`
// prints the header line of a roster CSV instead.
#include <iostream>

#include "cli/commands.h"
#include "read/embedded_files.h"
#include "read/roster_csv.h"

namespace ipz::cli {

void add_init(CLI::App& app, int& exit_code) {
  struct InitOptions {
    std::string lang = "zh";
    bool csv = false;
  };
  auto opt = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand(
      "init",
      "Print a complete dossier template, every field commented (in Chinese, or English with --lang en), to save "
      "and fill in: ipzone init > dossier.yaml. With --csv, print the header line of a roster CSV instead: "
      "ipzone init --csv > roster.csv (then set enterprises_file: roster.csv).");
  cmd->add_option("--lang", opt->lang, "Language of the comments (and of the CSV headers): zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_flag("--csv", opt->csv, "Print the roster CSV header line instead of the dossier template (with a UTF-8 byte-order mark and CRLF, for Excel)");
  cmd->callback([opt, &exit_code] {
    if (opt->csv) {
      // As Excel writes "CSV UTF-8": a byte-order mark (else Excel reads the
      // Chinese headers as ANSI, garbled) and CRLF.
      std::string header = roster_csv_header(opt->lang == "en");
      if (!header.empty() && header.back() == '\n') header.insert(header.size() - 1, "\r");
      std::cout << "\xEF\xBB\xBF" << header;
    } else {
      std::cout << embedded_file("format/template." + opt->lang + ".yaml");
    }
    exit_code = kExitOk;
  });
}

}  // namespace ipz::cli
