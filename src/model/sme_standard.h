// The SME size standard (中小企业划型标准规定) as a rule set holds it: its
// sectors with their ceilings, and what each sector covers in the national
// industry classification (国民经济行业分类, GB/T 4754-2017), so that a roster
// row may name its industry as enterprises know it. Plain data with its
// look-up; read/rule_loader builds it from sme-size-standard.yaml, and
// facts/roster_classification applies it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/text.h"
#include "util/diagnostic.h"
#include "util/number.h"

namespace ipz {

// A sector of the SME size standard: an enterprise is an SME when it is
// strictly below the ceiling on any one of the measures listed.
struct SmeSector {
  std::string id;                  // software_it_services
  Text title;                      // 软件和信息技术服务业 / software and information technology services
  std::vector<std::string> names;  // further names a row may write
  std::vector<std::pair<std::string, Number>> sme_below;  // measure -> ceiling
};

// An industry of the national classification that a row may name: a section
// (门类, a letter), a division (大类, two digits) or a group (中类, three
// digits), and the sectors of the standard it may fall under.
struct Industry {
  enum class Level { section, division, group };
  Level level = Level::section;
  std::string code;                  // I, 65, 591
  std::string section;               // the letter of its section (itself for a section)
  Text title;                        // GB/T 4754-2017's name; the English a translation
  std::vector<std::size_t> sectors;  // indexes into SmeStandard::sectors; empty: not covered
  Text not_covered;                  // why the standard does not apply (when sectors is empty)
};

// What a row's sector names (SmeStandard::lookup).
struct SectorLookup {
  bool known = false;                        // false: nothing the standard or the classification names
  const SmeSector* sector = nullptr;         // a sector named directly (by id, heading or name)
  const Industry* industry = nullptr;        // or an industry of the classification
  std::vector<const SmeSector*> candidates;  // every sector it may be: one, several, all when unknown
};

struct SmeStandard {
  std::string source;
  std::string classification_source;
  std::vector<SmeSector> sectors;
  std::vector<Industry> industries;  // sections, each followed by its divisions and their groups
  Location where;

  // A name as rows write it, for comparison: blanks at either end (the
  // full-width space too) dropped, ASCII letters in lower case.
  static std::string normalise(std::string_view name);

  // Indexes every id, title, name and code (normalised). Returns the names
  // that were given twice with different meanings (a bad rule file).
  std::vector<std::string> index();
  // The sector or industry a text names. A code may carry its section's
  // letter (I65, C39) and may be more precise than the table (6511 is found
  // under 65); "65 软件和信息技术服务业" (a code and its own name) is the code.
  SectorLookup lookup(std::string_view text) const;
  // Every name a row may write, for did-you-mean suggestions.
  std::vector<std::string> all_names() const;
  // The sector with this id (not a name), or nullptr.
  const SmeSector* sector(std::string_view id) const;

 private:
  struct Ref {
    int sector = -1;    // index into sectors, or
    int industry = -1;  // index into industries
    bool operator==(const Ref&) const = default;
  };
  std::map<std::string, Ref, std::less<>> by_name_;
  std::vector<std::string> shown_names_;  // as written, for suggestions
  SectorLookup resolve(const Ref& ref) const;
  const Ref* find_code(std::string_view normalised) const;
};

}  // namespace ipz
