// Reading and filling the message catalogue (see catalogue.h).
#include "report/catalogue.h"

#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/yaml_tree.h"

namespace ipz {

Catalogue Catalogue::parse(std::string_view text, const std::string& file, Diagnostics& diags) {
  YamlDocument doc = parse_yaml(text, file, diags);
  if (!doc.ok) return Catalogue{};
  return from_tree(doc.root, file, diags);
}

Catalogue Catalogue::from_tree(const YamlNode& root, const std::string& file, Diagnostics& diags) {
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
    c.texts_.emplace(key, std::move(t));
  }
  return c;
}

const Catalogue& Catalogue::builtin() {
  static const Catalogue c = [] {
    // rules/messages.yaml, and any rules/messages-*.yaml beside it (one per
    // part of the tool); a unit test holds them free of errors and overlaps.
    Catalogue all;
    for (const EmbeddedFile& f : embedded_files()) {
      if (!f.path.starts_with("rules/messages") || !f.path.ends_with(".yaml") || f.path.find('/', 6) != std::string_view::npos)
        continue;
      Diagnostics ignored;
      YamlNode tree;
      Catalogue part = embedded_tree(f.path, tree) ? from_tree(tree, std::string(f.path), ignored)
                                                   : parse(f.data, std::string(f.path), ignored);
      all.texts_.merge(part.texts_);
    }
    return all;
  }();
  return c;
}

std::string Catalogue::get(std::string_view key, Lang lang) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? std::string(key) : it->second.in(lang);
}

std::string Catalogue::render(std::string_view key, const MessageArgs& args, Lang lang) const {
  return fill(get(key, lang), args, lang);
}

std::string Catalogue::fill(std::string_view tmpl, const MessageArgs& args, Lang lang) const {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const char ch = tmpl[i];
    const std::size_t close = ch == '{' ? tmpl.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += ch;
      ++i;
      continue;
    }
    std::string_view name = tmpl.substr(i + 1, close - i - 1);
    const std::string* value = nullptr;
    for (const auto& [k, v] : args)  // the last value given wins
      if (k == name) value = &v;
    if (!value) {
      out += '-';  // a value this evaluation did not reach (rules lint checks the names)
    } else if (!value->empty() && (*value)[0] == '\x01') {
      out += get(std::string_view(*value).substr(1), lang);
    } else {
      out += *value;
    }
    i = close + 1;
  }
  return out;
}

std::vector<std::string> placeholders(std::string_view tmpl) {
  std::vector<std::string> out;
  for (std::size_t i = tmpl.find('{'); i != std::string_view::npos; i = tmpl.find('{', i + 1)) {
    std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) break;
    out.emplace_back(tmpl.substr(i + 1, close - i - 1));
  }
  return out;
}

}  // namespace ipz
