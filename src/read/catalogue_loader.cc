// Reading the message catalogue (see catalogue_loader.h).
#include "read/catalogue_loader.h"

#include "read/embedded_files.h"
#include "read/field_reader.h"

namespace ipz {

Catalogue parse_catalogue(std::string_view text, const std::string& file, Diagnostics& diags) {
  YamlDocument doc = parse_yaml(text, file, diags);
  if (!doc.ok) return Catalogue{};
  return catalogue_from_tree(doc.root, file, diags);
}

Catalogue catalogue_from_tree(const YamlNode& root, const std::string& file, Diagnostics& diags) {
  Catalogue c;
  FieldReader r(file, diags);
  if (!r.expect_map(root, "/")) return c;
  for (std::size_t i = 0; i < root.keys.size(); ++i) {
    const std::string& key = root.keys[i].text;
    MapReader m(r, root.items[i], key);
    Text t;
    t.zh = m.text("zh", true).value_or("");
    t.en = m.text("en", true).value_or("");
    m.finish();
    c.add(key, std::move(t));
  }
  return c;
}

const Catalogue& builtin_catalogue() {
  static const Catalogue c = [] {
    // rules/messages.yaml, and any rules/messages-*.yaml beside it (one per
    // part of the tool); a unit test holds them free of errors and overlaps.
    Catalogue all;
    for (const EmbeddedFile& f : embedded_files()) {
      if (!f.path.starts_with("rules/messages") || !f.path.ends_with(".yaml") || f.path.find('/', 6) != std::string_view::npos)
        continue;
      Diagnostics ignored;
      YamlNode tree;
      all.merge(embedded_tree(f.path, tree) ? catalogue_from_tree(tree, std::string(f.path), ignored)
                                            : parse_catalogue(f.data, std::string(f.path), ignored));
    }
    return all;
  }();
  return c;
}

}  // namespace ipz
