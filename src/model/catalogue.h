// The message catalogue: every text the tool itself shows (headings, outcome
// and verdict names, data-check and error messages) in Chinese and English,
// as plain data with its lookups and the filling of {placeholder} templates.
// read/catalogue_loader reads it from rules/messages*.yaml (the built-in one
// compiled into the binary). Rule messages live with their rules; both use
// the same {placeholder} templates.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <vector>

#include "model/rule_set.h"
#include "util/diagnostic.h"

namespace ipz {

class Catalogue {
 public:
  // Adds key's texts (the first one given for a key stays).
  void add(std::string key, Text text) { texts_.emplace(std::move(key), std::move(text)); }
  // Adds every entry of other whose key this catalogue lacks.
  void merge(Catalogue&& other) { texts_.merge(other.texts_); }

  bool has(std::string_view key) const { return texts_.find(key) != texts_.end(); }
  // The text of key in lang; the key itself when the catalogue lacks it.
  std::string get(std::string_view key, Lang lang) const;
  // The text of key with its {placeholders} filled from args.
  std::string render(std::string_view key, const MessageArgs& args, Lang lang) const;
  // A template with its {placeholders} filled from args. An argument value
  // that starts with \x01 names a catalogue entry: it is translated, and its
  // own placeholders are filled from the same args (one level deep). A value
  // that starts with \x02 carries a text in both languages (both_languages);
  // one that starts with \x03 is a list of references, \x1f between them,
  // each filled so (with the arguments it carries), joined by list.separator
  // (\x04: the same, \x1c between them). A \x01 reference may carry arguments
  // of its own, which fill its placeholders first: "\x01key\x1ename\x1dvalue\x1e...".
  std::string fill(std::string_view tmpl, const MessageArgs& args, Lang lang, int depth = 0) const;
  // A reference (what follows \x01, or an entry of a \x03 list): key, and
  // the arguments it may carry ("key\x1ename\x1dvalue\x1e...").
  std::string fill_reference(std::string_view ref, const MessageArgs& args, Lang lang, int depth = 0) const;
  const std::map<std::string, Text, std::less<>>& entries() const { return texts_; }

 private:
  std::map<std::string, Text, std::less<>> texts_;
};

// The names of the placeholders a template uses: "{a} and {b.c}" -> a, b.c.
std::vector<std::string> placeholders(std::string_view tmpl);

}  // namespace ipz
