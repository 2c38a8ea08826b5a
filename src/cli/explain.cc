// `ipzone explain RULE-ID`: the clause, the article's words, the check, the
// parameters in force on --as-of (default today) and how each fact is computed.
#include "report/explain.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/run_date.h"
#include "read/catalogue_loader.h"
#include "util/similarity.h"

namespace ipz::cli {

namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string rule_id;
};

int run_explain(ExplainOptions opt) {
  const Catalogue& cat = builtin_catalogue();
  const Lang lang = opt.common.language();
  if (!settle_format(opt.common, "explain")) return kExitInvalid;
  std::optional<RuleSet> rules = load_rules(opt.common, lang, cat);
  if (!rules) return kExitInvalid;
  const std::optional<RunDate> date = run_date(opt.common, *rules, "explain");
  if (!date) return kExitInvalid;
  std::vector<std::string> ids;
  for (const Article& a : rules->articles)
    for (const Rule& r : a.rules) {
      if (r.id == opt.rule_id)
        return write_output(opt.common, "explain", [&](std::ostream& out, std::string&) {
          const Date as_of = opt.common.as_of.value_or(date->today);
          if (opt.common.format == "json")
            write_explanation_json(r, *rules, as_of, lang, out);
          else
            write_explanation(r, *rules, as_of, lang, cat, out);
          return kExitOk;
        });
      ids.push_back(r.id);
    }
  std::string known;
  for (const auto& id : ids) known += (known.empty() ? "" : ", ") + id;
  MessageArgs args = suggestion_args(closest_names(opt.rule_id, ids, 1), "hint.did_you_mean");
  args.insert(args.end(), {{"id", opt.rule_id}, {"known", known}});
  std::cerr << "ipzone explain: " << cat.render("explain.unknown_rule", args, lang) << "\n";
  return kExitInvalid;
}

}  // namespace

void add_explain(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Explain a rule: its clause and the article's words, the check in plain terms, the parameters in force on "
      "--as-of (default: today) with the date each took effect, and how each fact it uses is computed.");
  cmd->add_option("rule", opt->rule_id, "A rule id, e.g. art5.2.sme-share (see the README for the list)")->required();
  add_common_options(*cmd, opt->common);
  add_output_options(*cmd, opt->common, {"text", "json"},
                     "text (default) or json (one object: the rule, its "
                     "condition as a tree, the parameters in force with their history, the facts)");
  cmd->callback([opt, &exit_code] { exit_code = run_explain(*opt); });
}

}  // namespace ipz::cli
