// The kinds of history event a dossier may record, as format/history-events.yaml
// lists them (read/history_kinds.cc reads it): each with its article and its
// name in both languages; an event with changes takes a kind of change and a
// filing date (Art. 14). Plain data.
#pragma once

#include <string>
#include <vector>

#include "model/text.h"

namespace ipz {

struct ChangeKind {
  std::string kind;  // merger
  Text label;        // 并购 / merger
};

struct HistoryKind {
  std::string kind;  // cancellation
  Text article;      // 第十二条 / Art. 12
  Text label;        // 取消资格 / cancellation of the recognition
  std::vector<ChangeKind> changes;  // non-empty: the event takes kind and filed

  const ChangeKind* change(const std::string& name) const {
    for (const auto& c : changes)
      if (c.kind == name) return &c;
    return nullptr;
  }
};

struct HistoryKinds {
  std::vector<HistoryKind> events;
  const HistoryKind* find(const std::string& name) const {
    for (const auto& e : events)
      if (e.kind == name) return &e;
    return nullptr;
  }
};

}  // namespace ipz
