// The closed vocabularies of dossier format v1, as format/vocabularies.yaml
// lists them (read/vocabularies.cc reads it): each value with its name in
// both languages and the other ways a person writes it. Plain data.
#pragma once

#include <string>
#include <vector>

#include "model/text.h"

namespace ipz {

struct Term {
  std::string value;                 // incubator: what the rules and the JSON use
  Text label;                        // 孵化器 / incubator
  std::vector<std::string> aliases;  // 科技企业孵化器

  // True when `written` is the value, either label or an alias.
  bool names(const std::string& written) const {
    if (written == value || written == label.zh || written == label.en) return true;
    for (const auto& a : aliases)
      if (a == written) return true;
    return false;
  }
};

struct Vocabulary {
  std::string name;                 // carrier_type
  std::vector<std::string> fields;  // zone.carrier_type
  std::vector<Term> terms;

  const Term* find(const std::string& written) const {
    for (const auto& t : terms)
      if (t.names(written)) return &t;
    return nullptr;
  }
};

struct Vocabularies {
  std::vector<Vocabulary> list;
  std::vector<std::string> yes;  // 是, 有
  std::vector<std::string> no;   // 否, 无, 没有

  const Vocabulary* find(const std::string& name) const {
    for (const auto& v : list)
      if (v.name == name) return &v;
    return nullptr;
  }
};

}  // namespace ipz
