// YamlTree: a YAML document read into plain nodes that remember their
// line and column, built from yaml-cpp's event parser. Reading a file here
// also checks what yaml-cpp does not: that it is UTF-8 (with a hint when it
// looks like GBK), not empty, not nested absurdly deep, without duplicate keys
// and without aliases. Every problem becomes a Diagnostic; nothing throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace ipz {

struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  bool quoted = false;  // a scalar written in quotes (always a string)
  int line = 1;         // 1-based
  int column = 1;       // 1-based
  std::string text;     // the scalar's value
  std::vector<YamlNode> keys;   // map: the keys (scalars), in file order
  std::vector<YamlNode> items;  // map: the values, parallel to keys; sequence: the items

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  // The value of key in a map, or nullptr.
  const YamlNode* find(std::string_view key) const;
};

struct YamlDocument {
  bool ok = false;  // false: see the diagnostics; root is not usable
  YamlNode root;
};

// Limits that keep a hostile file from exhausting the stack or the memory.
inline constexpr int kMaxYamlDepth = 64;

// Parses text (the bytes of a file named file, for messages).
YamlDocument parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags);

// Reads a whole regular file, under the default size limit, into out; false
// (with a diagnostic) if it cannot be read (read/file_access.h).
bool read_file(const std::string& path, std::string& out, Diagnostics& diags);

// The node's kind for a message argument: a reference to the catalogue entry
// that names it ("\x01kind.list"), translated when the message is rendered.
std::string_view describe_kind(const YamlNode& node);

}  // namespace ipz
