// The message catalogue: every text the tool itself shows (headings, outcome
// and verdict names, data-check and error messages) in Chinese and English,
// read from rules/messages.yaml as compiled into the binary. Rule messages
// live with their rules; both use the same {placeholder} templates.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/rule_set.h"
#include "read/yaml_tree.h"
#include "util/diagnostic.h"

namespace ipz {

class Catalogue {
 public:
  // The catalogue compiled into the binary.
  static const Catalogue& builtin();
  // Parses a catalogue file; problems go to diags.
  static Catalogue parse(std::string_view text, const std::string& file, Diagnostics& diags);
  static Catalogue from_tree(const YamlNode& root, const std::string& file, Diagnostics& diags);

  bool has(std::string_view key) const { return texts_.find(key) != texts_.end(); }
  // The text of key in lang; the key itself when the catalogue lacks it.
  std::string get(std::string_view key, Lang lang) const;
  // The text of key with its {placeholders} filled from args.
  std::string render(std::string_view key, const MessageArgs& args, Lang lang) const;
  // A template with its {placeholders} filled from args. An argument value
  // that starts with \x01 names a catalogue entry and is translated.
  std::string fill(std::string_view tmpl, const MessageArgs& args, Lang lang) const;
  const std::map<std::string, Text, std::less<>>& entries() const { return texts_; }

 private:
  std::map<std::string, Text, std::less<>> texts_;
};

// The names of the placeholders a template uses: "{a} and {b.c}" -> a, b.c.
std::vector<std::string> placeholders(std::string_view tmpl);

}  // namespace ipz
