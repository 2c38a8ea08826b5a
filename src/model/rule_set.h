// RuleSet: a set of criteria read from a folder under rules/ (see
// rules/README.md): dated parameters, data tables, and rules that cite their
// clause, quote the article's words, and check conditions over facts. Plain
// data; read/rule_loader builds it, evaluate/ uses it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/sme_standard.h"
#include "model/text.h"
#include "util/date.h"
#include "util/diagnostic.h"
#include "util/number.h"

namespace ipz {

// One value of a parameter and the date it takes effect.
struct ParameterValue {
  Date since;
  Number value;
  std::string source;  // the clause it comes from
  Location where;
};

// A threshold of the Measures ("不少于70家"), with its history of values.
struct Parameter {
  std::string name;
  std::string unit;  // count | percent | years
  Text title;
  std::vector<ParameterValue> values;  // sorted by since, strictly increasing
  Location where;
  // The value in force on a date: the last one whose since <= date.
  const ParameterValue* in_force(Date on) const;
};

// One step of a table's normalisation of a name as people write it
// (rules/README.md, "Tables"): trim (spaces at either end, the full-width
// space U+3000 and the no-break space included), lower_case (ASCII letters),
// drop_prefix / drop_suffix (the first of texts that the name starts or ends
// with, once, never the whole name), add_suffix (texts[0], unless the name
// already ends with it, and only after a character of the same script, ASCII
// or not: 区 after 海淀, never after haidian).
struct NameStep {
  enum class Kind { trim, lower_case, drop_prefix, drop_suffix, add_suffix };
  Kind kind = Kind::trim;
  std::vector<std::string> texts;
};

// A list of accepted names (districts, an industry taxonomy); aliases map
// older or informal names to an entry; the normalisation steps say how a name
// as people write it is brought to one of them.
struct Table {
  std::string name;
  Text title;
  std::string source;
  std::vector<std::string> entries;
  std::map<std::string, std::string> aliases;  // alias -> entry
  std::vector<NameStep> normalise;             // in order
  Location where;
  // The forms of a name that are looked up, in order: the name as written,
  // then the name after each step of normalise that changes it.
  std::vector<std::string> forms(const std::string& text) const;
  // The entry a name stands for (itself or through an alias, in the first of
  // its forms that is one), or nullopt.
  std::optional<std::string> resolve(const std::string& text) const;
  std::vector<std::string> all_names() const;  // entries, then aliases
};

// not_applicable: the rule is not in force on the dossier's as_of (before its
// since, or after its until); it does not count towards the verdict.
enum class Outcome { pass, fail, review, missing, not_applicable };

// What a leaf compares its fact with.
struct Operand {
  enum class Kind { none, number, parameter, list, table };
  Kind kind = Kind::none;
  Number number;                   // number
  std::string name;                // parameter or table name
  std::vector<std::string> items;  // list
};

// A condition: all / any / not over children, or a leaf {fact, op, operand}.
struct Condition {
  enum class Kind { all, any, negation, leaf };
  Kind kind = Kind::leaf;
  std::vector<Condition> children;
  std::string fact;
  std::string op;
  Operand operand;
  Outcome if_false = Outcome::fail;  // "otherwise: review" turns a failure into a review
  Text label;                        // names this part in {failed} and {missing}
  // How {failed} says what is wrong with this part when it fails (a template
  // with the placeholders of the rule: its value, the closest names ...);
  // empty: the label says it.
  Text failure;
  Location where;
};

// A remark added to a rule's message when its condition holds (and the rule
// ended in one of the outcomes listed, or any when none are).
struct Note {
  Condition when;
  std::vector<Outcome> outcomes;
  Text text;
};

struct Rule {
  std::string id;      // art5.2.count
  Text clause;         // 第五条第2项 / Art. 5(2); the Chinese is the citation in JSON
  Text article;         // the article it belongs to, for grouping: 第五条 / Art. 5
  Text article_title;
  Text title;          // a short name of the criterion
  std::string text;    // the article's own words for this criterion
  Condition check;
  std::optional<Condition> review_when;  // a failed check becomes review when this holds
  Text actual;    // template of the value found
  Text required;  // template of the bound
  std::map<Outcome, Text> messages;
  std::vector<Note> notes;
  // The days the rule is in force: from since, through until (both days included);
  // unset: since the rule set's first day, and with no end.
  std::optional<Date> since, until;
  Location where;
  bool in_force(const Date& on) const { return (!since || !(on < *since)) && (!until || !(*until < on)); }
};

struct Article {
  Text name;  // 第五条 / Art. 5
  Text title;
  std::string text;  // the article's words
  std::vector<Rule> rules;
};

struct ScoringModel;  // model/scoring.h

struct RuleSet {
  std::string name;     // recognition
  std::string version;  // 2023-12-20
  Text title;
  Text source;
  std::string taxonomy;  // the table of high-end industries in force (facts use it)
  // The table of words that say "in no high-end industry" (否, 不属于 ...), or "".
  std::string not_high_end;
  std::string origin;    // "embedded" or the folder it was read from
  std::string time_zone;  // the zone of "today" without --tz or TZ (Asia/Shanghai), or "" (UTC)
  std::map<std::string, Parameter> parameters;
  std::map<std::string, Table> tables;
  std::optional<SmeStandard> sme_standard;
  std::vector<Article> articles;
  std::shared_ptr<const ScoringModel> scoring;  // scoring.yaml, when the set has one

  const Table* table(const std::string& n) const {
    auto it = tables.find(n);
    return it == tables.end() ? nullptr : &it->second;
  }
  const Parameter* parameter(const std::string& n) const {
    auto it = parameters.find(n);
    return it == parameters.end() ? nullptr : &it->second;
  }
};

}  // namespace ipz
