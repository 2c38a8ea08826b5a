// ipzone: checks applications for recognition as a Beijing SME intellectual
// property agglomeration zone against the Measures of 2023-12-20. This file is
// only the table of sub-commands; each lives in its own file under cli/.
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ipzone checks a dossier for recognition as a Beijing SME intellectual property agglomeration zone\n"
      "(北京市中小企业知识产权集聚发展区) against the Beijing IP Office's Measures of 2023-12-20, criterion by\n"
      "criterion, and says why, by how much, and what would fix a failure.\n\n"
      "Exit codes: 0 eligible or needs-review; 1 ineligible or incomplete; 2 invalid input or usage error.",
      "ipzone"};
  app.set_version_flag("--version", std::string("ipzone ") + IPZONE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  // The sub-commands: adding one is one row here and one file under cli/.
  using Add = void (*)(CLI::App&, int&);
  static const Add commands[] = {
      ipz::cli::add_check,    // check DOSSIER...   the recognition criteria, dossier by dossier
      ipz::cli::add_explain,  // explain RULE-ID    a rule beside the article's words
      ipz::cli::add_init,     // init               a commented dossier template
      ipz::cli::add_schema,   // schema             the JSON Schema of the dossier format
      ipz::cli::add_score,    // score DOSSIER...   the comprehensive score of Art. 7(4), explained
      ipz::cli::add_rank,     // rank DOSSIER...    a ranking by that score
      ipz::cli::add_rules,    // rules list|lint|test|diff|doc   for whoever maintains the rules
  };
  int exit_code = ipz::cli::kExitOk;
  for (Add add : commands) add(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : ipz::cli::kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "ipzone: internal error: " << e.what() << "\n";
    return ipz::cli::kExitInvalid;
  }
  return exit_code;
}
