// The table of sub-commands (see app.h).
#include "cli/app.h"

#include "cli/commands.h"
#include "read/rule_loader.h"

namespace ipz::cli {

std::string version_text() {
  std::string text = std::string("ipzone ") + IPZONE_VERSION;
  LoadedRules loaded = load_rule_set(embedded_rule_files("recognition"), "embedded");
  if (loaded.rules) text += "\nbuilt-in rule set: " + loaded.rules->name + " " + loaded.rules->version;
  return text;
}

void build_app(CLI::App& app, int& exit_code) {
  app.description(
      "ipzone checks a dossier for recognition as a Beijing SME intellectual property agglomeration zone\n"
      "(北京市中小企业知识产权集聚发展区) against the Beijing IP Office's Measures of 2023-12-20, criterion by\n"
      "criterion, and says why, by how much, and what would fix a failure.\n\n"
      "Exit codes: 0 eligible or needs-review; 1 ineligible or incomplete; 2 invalid input or usage error.");
  app.set_version_flag("--version", version_text, "Print the version of ipzone and of its built-in rule set");
  app.require_subcommand(1);
  app.fallthrough();

  // The sub-commands: adding one is one row here and one file under cli/.
  using Add = void (*)(CLI::App&, int&);
  static const Add commands[] = {
      add_check,       // check DOSSIER...   the recognition criteria, dossier by dossier
      add_explain,     // explain RULE-ID    a rule beside the article's words
      add_init,        // init               a commented dossier template
      add_schema,      // schema             the JSON Schema of the dossier format
      add_score,       // score DOSSIER...   the comprehensive score of Art. 7(4), explained
      add_rank,        // rank DOSSIER...    a ranking by that score
      add_rules,       // rules list|lint|test|diff|doc   for whoever maintains the rules
      add_completion,  // completion bash|zsh|fish        a shell completion script
  };
  for (Add add : commands) add(app, exit_code);
}

}  // namespace ipz::cli
