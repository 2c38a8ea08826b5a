// The Markdown document of a rule set (see rule_doc.h). Bilingual: each
// heading and label in Chinese, then English.
#include "report/rule_doc.h"

#include <algorithm>

#include "model/fact_catalogue.h"
#include "report/explain.h"

namespace ipz {

namespace {

std::string both(const Text& t) { return t.zh == t.en ? t.zh : t.zh + " / " + t.en; }

void quote(const std::string& text, std::ostream& out) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    out << "> " << text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) << "\n";
    if (nl == std::string::npos) break;
    out << ">\n";
    start = nl + 1;
  }
}

}  // namespace

void write_rule_doc(const RuleSet& rules, const Catalogue& cat, std::ostream& out) {
  auto tr2 = [&](std::string_view key) {
    const std::string zh = cat.get(key, Lang::zh), en = cat.get(key, Lang::en);
    return zh == en ? zh : zh + " / " + en;
  };
  out << "# " << both(rules.title) << "\n\n";
  out << "<!-- " << cat.get("doc.generated", Lang::en) << " -->\n\n";
  out << "- " << tr2("doc.rule_set") << ": `" << rules.name << "`, " << tr2("doc.version") << " `" << rules.version << "`\n";
  out << "- " << tr2("doc.source") << ": " << rules.source.zh << "\n";
  out << "- " << tr2("doc.taxonomy") << ": `" << rules.taxonomy << "`\n\n";

  for (const Article& a : rules.articles) {
    out << "## " << a.name.zh << " " << a.title.zh << " (" << a.name.en << ", " << a.title.en << ")\n\n";
    quote(a.text, out);
    out << "\n";
    for (const Rule& rule : a.rules) {
      out << "### `" << rule.id << "` " << rule.clause.zh << " " << rule.title.zh << " (" << rule.clause.en << ", "
          << rule.title.en << ")\n\n";
      quote(rule.text, out);
      out << "\n**" << tr2("doc.check") << "**\n\n```\n" << describe_condition(rule.check, rules, Lang::en, cat);
      if (rule.review_when)
        out << cat.get("explain.review_when", Lang::en) << "\n" << describe_condition(*rule.review_when, rules, Lang::en, cat, 1);
      out << "```\n\n";
      std::vector<std::string> params = parameters_used(rule.check);
      if (rule.review_when)
        for (const auto& p : parameters_used(*rule.review_when))
          if (std::find(params.begin(), params.end(), p) == params.end()) params.push_back(p);
      if (!params.empty()) {
        out << "| " << tr2("doc.parameter") << " | " << tr2("doc.value") << " | " << tr2("doc.since") << " | "
            << tr2("doc.source") << " |\n|---|---|---|---|\n";
        for (const auto& name : params) {
          const Parameter* p = rules.parameter(name);
          if (!p) continue;
          for (const auto& v : p->values)
            out << "| `" << name << "` " << p->title.zh << " | " << v.value.text << (p->unit == "count" ? "" : " " + tr2("unit." + p->unit))
                << " | " << format_date(v.since) << " | " << v.source << " |\n";
        }
        out << "\n";
      }
      std::vector<std::string> facts = facts_used(rule.check);
      if (rule.review_when)
        for (const auto& f : facts_used(*rule.review_when))
          if (std::find(facts.begin(), facts.end(), f) == facts.end()) facts.push_back(f);
      out << "**" << tr2("doc.facts") << "**\n\n";
      for (const auto& f : facts) {
        const FactInfo* info = find_fact(f);
        if (info) out << "- `" << f << "` (" << fact_type_name(info->type) << "): " << info->doc << "\n";
      }
      out << "\n**" << tr2("doc.messages") << "**\n\n";
      for (const auto& [outcome, text] : rule.messages) {
        static const char* names[] = {"pass", "fail", "review", "missing", "not-applicable"};
        out << "- `" << names[static_cast<int>(outcome)] << "`: " << text.zh << "<br>" << text.en << "\n";
      }
      for (const Note& note : rule.notes) {
        std::string when = describe_condition(note.when, rules, Lang::en, cat);
        if (!when.empty() && when.back() == '\n') when.pop_back();
        out << "- " << tr2("doc.note") << " (`" << when << "`): " << note.text.zh << "<br>" << note.text.en << "\n";
      }
      out << "\n";
    }
  }

  out << "## " << tr2("doc.tables") << "\n\n";
  for (const auto& [name, t] : rules.tables) {
    out << "### `" << name << "` " << both(t.title) << "\n\n" << tr2("doc.source") << ": " << t.source << "\n\n";
    if (!t.normalise.empty()) {
      // The steps as the table file writes them: trim, drop_prefix [北京市, 北京] ...
      static const char* const kinds[] = {"trim", "lower_case", "drop_prefix", "drop_suffix", "add_suffix"};
      out << tr2("doc.normalise") << ":";
      for (std::size_t i = 0; i < t.normalise.size(); ++i) {
        const NameStep& step = t.normalise[i];
        out << (i ? ";" : "") << " `" << kinds[static_cast<int>(step.kind)] << "`";
        for (std::size_t j = 0; j < step.texts.size(); ++j) out << (j ? ", " : " ") << "\"" << step.texts[j] << "\"";
      }
      out << "\n\n";
    }
    for (const auto& e : t.entries) {
      out << "- " << e;
      std::string aliases;
      for (const auto& [alias, entry] : t.aliases)
        if (entry == e) aliases += (aliases.empty() ? "" : ", ") + alias;
      if (!aliases.empty()) out << " (" << tr2("doc.aliases") << ": " << aliases << ")";
      out << "\n";
    }
    out << "\n";
  }
  if (rules.sme_standard) {
    const SmeStandard& s = *rules.sme_standard;
    out << "### " << tr2("doc.sme_standard") << "\n\n" << tr2("doc.source") << ": " << s.source << "\n\n";
    out << "| id | " << tr2("doc.sector") << " | " << tr2("doc.sme_below") << " |\n|---|---|---|\n";
    for (const auto& sector : s.sectors) {
      out << "| `" << sector.id << "` | " << both(sector.title);
      for (const auto& n : sector.names) out << ", " << n;
      out << " | ";
      for (std::size_t i = 0; i < sector.sme_below.size(); ++i)
        out << (i ? " " + cat.get("doc.or", Lang::zh) + " " : "") << sector.sme_below[i].first << " < " << sector.sme_below[i].second.text;
      out << " |\n";
    }
    out << "\n#### " << tr2("doc.classification") << "\n\n" << tr2("doc.source") << ": " << s.classification_source
        << "\n\n" << tr2("doc.classification_rule") << "\n\n| " << tr2("doc.code") << " | " << tr2("doc.industry") << " | "
        << tr2("doc.sector") << " |\n|---|---|---|\n";
    for (const Industry& ind : s.industries) {
      out << "| " << (ind.level == Industry::Level::section ? "**" + ind.code + "**" : ind.code) << " | " << both(ind.title)
          << " | ";
      if (ind.sectors.empty()) out << tr2("doc.not_covered") << ": " << ind.not_covered.zh;
      for (std::size_t i = 0; i < ind.sectors.size(); ++i) out << (i ? ", " : "") << "`" << s.sectors[ind.sectors[i]].id << "`";
      out << " |\n";
    }
  }
}

}  // namespace ipz
