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

// A list of accepted names (districts, an industry taxonomy); aliases map
// older or informal names to an entry.
struct Table {
  std::string name;
  Text title;
  std::string source;
  std::vector<std::string> entries;
  std::map<std::string, std::string> aliases;  // alias -> entry
  Location where;
  // The entry a name stands for (itself or through an alias), or nullopt.
  std::optional<std::string> resolve(const std::string& text) const;
  std::vector<std::string> all_names() const;  // entries, then aliases
};

enum class Outcome { pass, fail, review, missing };

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
  Location where;
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
  std::string origin;    // "embedded" or the folder it was read from
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
