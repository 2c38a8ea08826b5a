// Reading format/vocabularies.yaml (see vocabularies.h).
#include "read/vocabularies.h"

#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/yaml_tree.h"

namespace ipz {

namespace {

struct Loaded {
  Vocabularies vocabularies;
  Diagnostics diags;
};

Text label_of(FieldReader& r, MapReader& parent) {
  Text t;
  const YamlNode* n = parent.require("label");
  if (!n) return t;
  MapReader m(r, *n, parent.child("label"));
  t.zh = m.text("zh", true).value_or("");
  t.en = m.text("en", true).value_or("");
  m.finish();
  return t;
}

Term read_term(FieldReader& r, const YamlNode& n, const std::string& path) {
  MapReader m(r, n, path);
  Term t;
  t.value = m.text("value", true).value_or("");
  t.label = label_of(r, m);
  t.aliases = m.texts("aliases").value_or(std::vector<std::string>{});
  m.finish();
  return t;
}

Vocabulary read_vocabulary(FieldReader& r, const YamlNode& n, const std::string& path) {
  MapReader m(r, n, path);
  Vocabulary v;
  v.name = m.text("name", true).value_or("");
  v.fields = m.texts("fields").value_or(std::vector<std::string>{});
  if (const YamlNode* terms = m.require("terms"); terms && r.expect_list(*terms, m.child("terms")))
    for (std::size_t i = 0; i < terms->items.size(); ++i)
      v.terms.push_back(read_term(r, terms->items[i], m.child("terms") + "[" + std::to_string(i + 1) + "]"));
  m.finish();
  return v;
}

Loaded load() {
  Loaded out;
  const std::string file = "format/vocabularies.yaml";
  YamlNode root;
  if (!embedded_tree(file, root)) {
    out.diags.push_back({Severity::error, {file, 0, 0}, "file.not_found", {{"file", file}}});
    return out;
  }
  FieldReader r(file, out.diags);
  MapReader top(r, root, "");
  if (const YamlNode* list = top.require("vocabularies"); list && r.expect_list(*list, "vocabularies"))
    for (std::size_t i = 0; i < list->items.size(); ++i)
      out.vocabularies.list.push_back(
          read_vocabulary(r, list->items[i], "vocabularies[" + std::to_string(i + 1) + "]"));
  if (const YamlNode* b = top.require("booleans")) {
    MapReader bm(r, *b, "booleans");
    out.vocabularies.yes = bm.texts("true").value_or(std::vector<std::string>{});
    out.vocabularies.no = bm.texts("false").value_or(std::vector<std::string>{});
    bm.finish();
  }
  top.finish();
  return out;
}

const Loaded& loaded() {
  static const Loaded l = load();
  return l;
}

}  // namespace

const Vocabularies& vocabularies() { return loaded().vocabularies; }

const Vocabulary& vocabulary(const std::string& name) {
  static const Vocabulary none;
  const Vocabulary* v = loaded().vocabularies.find(name);
  return v ? *v : none;
}

const Diagnostics& vocabularies_diagnostics() { return loaded().diags; }

}  // namespace ipz
