// Every message of every rule of the shipped rule set, rendered in both
// languages with facts that exercise each branch (issue 9, point 8): no "-"
// placeholder, no "{" or "}", no empty value ever reaches a user.
//
// The facts come from the rule set's own tests (rules/recognition/tests: a
// case per criterion and boundary, each outcome of each rule) and from the
// dossiers of examples/ and tests/dossiers/ that load. The test fails when a
// rendered text holds a placeholder that is not filled, a "-" standing for a
// value, or a placeholder whose value is empty; and when some message of a
// rule, some failure text of a part, or some note is never rendered, so that
// a new branch without a case cannot slip through.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "dossier_builder.h"
#include "model/catalogue.h"
#include "read/catalogue_loader.h"
#include "read/dossier_loader.h"
#include "read/rule_tests.h"
#include "report/report.h"

using ipz::Lang;
using ipz::Outcome;

namespace {

namespace fs = std::filesystem;

// A byte after which, or before which, a "-" stands alone: the text's edge,
// a space, or punctuation that sets a value off (：-, ≥ -, (-), -。).
bool sets_off(std::string_view text, std::size_t at, bool before) {
  if (before ? at == 0 : at >= text.size()) return true;
  static const char* const marks[] = {" ", "\n", "\t", ":", ";", ",", ".", "(", ")", "=", "：", "；", "，", "。",
                                      "（", "）", "、", "≥", "≤", "【", "】"};
  for (const char* m : marks) {
    const std::string_view mark(m);
    if (before ? at >= mark.size() && text.substr(at - mark.size(), mark.size()) == mark
               : text.substr(at, mark.size()) == mark)
      return true;
  }
  return false;
}

// What is wrong with a rendered text, or "".
std::string problem(const std::string& text) {
  if (text.empty()) return "empty";
  if (text.find('{') != std::string::npos || text.find('}') != std::string::npos) return "a brace";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '-') continue;
    // A hyphen in a word, a date or a name (2024-03-31, high-end, 园-知识产权)
    // is text; one set off on both sides stands for a value.
    if (sets_off(text, i, true) && sets_off(text, i + 1, false)) return "a \"-\" for a value";
  }
  return "";
}

// The value of a placeholder as the catalogue fills it (the last one wins).
const std::string* value_of(const ipz::MessageArgs& args, const std::string& name) {
  const std::string* found = nullptr;
  for (const auto& [k, v] : args)
    if (k == name) found = &v;
  return found;
}

// The placeholders of tmpl whose values are absent, "-" or empty. A value
// that refers to a catalogue entry is checked through that entry's own
// placeholders (hint.none, the wording of "no suggestion", is empty on purpose).
void check_values(const std::string& tmpl, const ipz::MessageArgs& args, Lang lang, const std::string& where,
                  std::vector<std::string>& out, int depth = 0) {
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  for (const std::string& name : ipz::placeholders(tmpl)) {
    const std::string* v = value_of(args, name);
    if (!v) {
      out.push_back(where + ": {" + name + "} has no value");
      continue;
    }
    if (*v == "-" || v->empty()) {
      out.push_back(where + ": {" + name + "} is \"" + *v + "\"");
      continue;
    }
    if ((*v)[0] == '\x01' && depth == 0) {
      // \x01key, and the arguments it carries: \x1ename\x1dvalue ...
      const std::size_t own = v->find('\x1e');
      const std::string key = v->substr(1, own == std::string::npos ? std::string::npos : own - 1);
      if (key == "hint.none") continue;
      ipz::MessageArgs scoped = args;
      for (std::size_t at = own; at != std::string::npos;) {
        const std::size_t eq = v->find('\x1d', at), next = v->find('\x1e', at + 1);
        if (eq == std::string::npos) break;
        scoped.emplace_back(v->substr(at + 1, eq - at - 1),
                            v->substr(eq + 1, next == std::string::npos ? std::string::npos : next - eq - 1));
        at = next;
      }
      check_values(cat.get(key, lang), scoped, lang, where + " {" + name + "} -> " + key, out, 1);
    }
  }
}

struct Coverage {
  std::set<std::pair<std::string, Outcome>> messages;  // (rule id, outcome) rendered
  std::set<const ipz::Condition*> failures;            // failure texts rendered
  std::set<const ipz::Text*> notes;                    // notes rendered
  std::size_t dossiers = 0;
};

// Renders one evaluated dossier in both languages and records what is wrong.
void render(const ipz::Dossier& d, const ipz::Diagnostics& load_warnings, std::optional<ipz::Date> as_of,
            const std::string& name, Coverage& seen, std::vector<std::string>& problems) {
  const ipz::RuleSet& rules = ipz::test::shipped_rules();
  const ipz::Catalogue& cat = ipz::builtin_catalogue();
  const ipz::Facts facts = ipz::derive_facts(d, ipz::evaluation_date(as_of, d, ipz::Date{2024, 3, 31}), rules);
  const ipz::Evaluation ev = ipz::evaluate(rules, facts);
  ++seen.dossiers;
  for (Lang lang : {Lang::zh, Lang::en}) {
    // Problems are named without the dossier, so that one is reported once.
    const std::string in = lang == Lang::zh ? "[zh]" : "[en]";
    const ipz::DossierReport report = ipz::report_evaluated(d, facts, ev, load_warnings, lang, cat);
    for (std::size_t i = 0; i < report.results.size(); ++i) {
      const ipz::ResultLine& line = report.results[i];
      const ipz::RuleResult& r = ev.results[i];
      const ipz::Rule& rule = *r.rule;
      const std::string at = in + " " + line.id + " " + std::string(ipz::outcome_name(line.outcome));
      for (auto [what, text] : {std::pair{"actual", &line.actual}, std::pair{"required", &line.required},
                                std::pair{"message", &line.message}})
        if (auto p = problem(*text); !p.empty()) problems.push_back(at + " " + what + ": " + p + " (" + name + "): " + *text);
      // The values behind the texts, placeholder by placeholder (a rule not in
      // force on as_of computes none: its texts are the catalogue's).
      if (r.outcome == Outcome::not_applicable) continue;
      ipz::MessageArgs args = r.args;
      args.emplace_back("failed", r.failed.empty() ? "" : "(the parts)");
      args.emplace_back("missing", r.missing.empty() ? "" : "(the fields)");
      if (r.outcome != Outcome::missing) check_values(rule.actual.in(lang), args, lang, at + " actual", problems);
      check_values(rule.required.in(lang), args, lang, at + " required", problems);
      if (auto m = rule.messages.find(r.outcome); m != rule.messages.end()) {
        check_values(m->second.in(lang), args, lang, at + " message", problems);
        seen.messages.insert({rule.id, r.outcome});
      }
      for (const ipz::Condition* c : r.failed) {
        if (c->failure.empty()) continue;
        check_values(c->failure.in(lang), args, lang, at + " failure", problems);
        seen.failures.insert(c);
      }
      for (const ipz::Text* note : r.notes) {
        check_values(note->in(lang), args, lang, at + " note", problems);
        seen.notes.insert(note);
      }
    }
    for (const auto* list : {&report.warnings, &report.errors})
      for (const ipz::DiagnosticLine& w : *list)
        if (auto p = problem(w.message); !p.empty())
          problems.push_back(in + " " + w.key + ": " + p + " (" + name + "): " + w.message);
  }
}

}  // namespace

TEST_CASE("Messages: every message of every shipped rule renders in zh and en without -, braces or empty values",
          "[report][messages]") {
  const ipz::RuleSet& rules = ipz::test::shipped_rules();
  Coverage seen;
  std::vector<std::string> found;

  // The rule set's own cases.
  ipz::Diagnostics diags;
  const ipz::Table* taxonomy = rules.table(rules.taxonomy);
  const auto cases = ipz::load_rule_tests(std::string(IPZONE_SOURCE_DIR) + "/rules/recognition/tests",
                                          taxonomy ? taxonomy->entries.front() : "", diags);
  INFO(ipz::test::shown(diags));
  REQUIRE_FALSE(ipz::has_errors(diags));
  REQUIRE(cases.size() > 50);
  for (const ipz::RuleTestCase& c : cases) {
    ipz::LoadedDossier l = ipz::load_dossier(c.dossier, c.dossier_file);
    if (!l.dossier) continue;  // a case of an invalid dossier
    render(*l.dossier, l.diagnostics, c.as_of, c.name, seen, found);
  }
  // The examples and the fixtures of the end-to-end tests.
  for (const char* dir : {"examples", "tests/dossiers"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(IPZONE_SOURCE_DIR) / dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      ipz::LoadedDossier l = ipz::load_dossier(text.str(), p.string());
      if (!l.dossier) continue;
      render(*l.dossier, l.diagnostics, std::nullopt, p.filename().string(), seen, found);
    }
  }

  // Each problem once (the first dossier that shows it).
  std::vector<std::string> problems;
  std::set<std::string> keys;
  for (const std::string& f : found) {
    const std::string key = f.substr(0, f.find(" ("));
    if (keys.insert(key).second) problems.push_back(f);
  }
  INFO(seen.dossiers << " dossiers rendered");
  std::string shown;
  for (std::size_t i = 0; i < problems.size() && i < 100; ++i) shown += problems[i] + "\n";
  INFO(problems.size() << " problems:\n" << shown);
  CHECK(problems.empty());

  // Every branch was rendered: each message of each rule that it can reach,
  // each part's failure text, each note. (A rule reaches fail or review only
  // through a part that ends so: a rule whose parts all say `otherwise:
  // missing` never fails, and its fail message, which the loader requires,
  // is never shown.)
  std::vector<std::string> unseen;
  for (const ipz::Article& a : rules.articles)
    for (const ipz::Rule& rule : a.rules) {
      std::set<Outcome> reachable = {Outcome::pass, Outcome::missing};
      std::vector<const ipz::Condition*> parts = {&rule.check};
      while (!parts.empty()) {
        const ipz::Condition* c = parts.back();
        parts.pop_back();
        for (const auto& child : c->children) parts.push_back(&child);
        // A group fails only when a part does; its own `otherwise` may turn
        // that into review. A leaf that reports a fact (op reported) holds.
        if (c->kind == ipz::Condition::Kind::leaf ? c->op != "reported" : c->if_false != Outcome::fail)
          reachable.insert(c->if_false);
      }
      if (rule.review_when) reachable.insert(Outcome::review);
      for (const auto& [outcome, text] : rule.messages)
        if (reachable.count(outcome) && !seen.messages.count({rule.id, outcome}))
          unseen.push_back(rule.id + " " + std::string(ipz::outcome_name(outcome)) + " message");
      std::vector<const ipz::Condition*> todo = {&rule.check};
      while (!todo.empty()) {
        const ipz::Condition* c = todo.back();
        todo.pop_back();
        for (const auto& child : c->children) todo.push_back(&child);
        if (!c->failure.empty() && !seen.failures.count(c))
          unseen.push_back(rule.id + " failure of " + c->fact + " " + c->op);
      }
      for (const ipz::Note& n : rule.notes)
        if (!seen.notes.count(&n.text)) unseen.push_back(rule.id + " note");
    }
  std::string missing;
  for (const auto& u : unseen) missing += u + "\n";
  INFO("never rendered:\n" << missing);
  CHECK(unseen.empty());
}
