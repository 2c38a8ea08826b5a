// Reading format/history-events.yaml (see history_kinds.h).
#include "read/history_kinds.h"

#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/yaml_tree.h"

namespace ipz {

namespace {

Text text_of(FieldReader& r, MapReader& parent, std::string_view key) {
  Text t;
  const YamlNode* n = parent.require(key);
  if (!n) return t;
  MapReader m(r, *n, parent.child(key));
  t.zh = m.text("zh", true).value_or("");
  t.en = m.text("en", true).value_or("");
  m.finish();
  return t;
}

struct Loaded {
  HistoryKinds kinds;
  Diagnostics diags;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded out;
    const std::string file = "format/history-events.yaml";
    YamlNode root;
    if (!embedded_tree(file, root)) {
      out.diags.push_back({Severity::error, {file, 0, 0}, "file.not_found", {{"file", file}}});
      return out;
    }
    FieldReader r(file, out.diags);
    MapReader top(r, root, "");
    if (const YamlNode* list = top.require("events"); list && r.expect_list(*list, "events")) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        MapReader m(r, list->items[i], "events[" + std::to_string(i + 1) + "]");
        HistoryKind k;
        k.kind = m.text("kind", true).value_or("");
        k.article = text_of(r, m, "article");
        k.label = text_of(r, m, "label");
        if (const YamlNode* ch = m.get("changes"); ch && r.expect_list(*ch, m.child("changes"))) {
          for (std::size_t j = 0; j < ch->items.size(); ++j) {
            MapReader cm(r, ch->items[j], m.child("changes") + "[" + std::to_string(j + 1) + "]");
            ChangeKind c;
            c.kind = cm.text("kind", true).value_or("");
            c.label = text_of(r, cm, "label");
            cm.finish();
            k.changes.push_back(std::move(c));
          }
        }
        m.finish();
        out.kinds.events.push_back(std::move(k));
      }
    }
    top.finish();
    return out;
  }();
  return l;
}

}  // namespace

const HistoryKinds& history_kinds() { return loaded().kinds; }

const Diagnostics& history_kinds_diagnostics() { return loaded().diags; }

}  // namespace ipz
