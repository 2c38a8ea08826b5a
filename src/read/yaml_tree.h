// YamlTree: a YAML document read into plain nodes that remember their
// line and column, built from yaml-cpp's event parser. Reading a file here
// also checks what yaml-cpp does not: that it is UTF-8 (naming UTF-16 and GBK
// when it looks like them), with LF or CRLF line ends, not empty, within the
// limits below, and without duplicate keys. Aliases (*name) are expanded as
// the YAML spec says, within a budget. A tab in the indentation where a
// syntax error is found is named as such. Every problem becomes a
// Diagnostic; nothing throws. Time and memory are linear in the text.
#pragma once

#include <cstddef>
#include <functional>
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
  bool streamed = false;  // the list a YamlListSink asked for was handed over (it is empty in root)
};

// A list handed over item by item as it is read, instead of being kept in
// the tree: a dossier's roster, which may have hundreds of thousands of rows,
// so that its rows never all exist as YAML nodes at once (memory, README
// "Hostile input"). The list stays in the tree, empty, where it was written.
struct YamlListSink {
  std::string key;  // the top-level map's key whose value, when a list, is handed over
  // Each item as soon as it is read: its 0-based index, and the byte offset
  // in the text where it ends (to estimate how many are still to come).
  std::function<void(YamlNode&& item, std::size_t index, std::size_t end_offset)> take;
};

// Limits that keep a hostile file from exhausting the stack, the memory or
// the time (README, "Limits"); each has its message (limit.*, yaml.too_deep).
inline constexpr int kMaxYamlDepth = 64;                   // levels of nesting
inline constexpr std::size_t kMaxScalarBytes = 64 * 1024;  // one value or key: a name, a path, a summary
inline constexpr std::size_t kMaxItems = 1000000;          // items of one list, keys of one map (roster rows)
inline constexpr std::size_t kAliasFactor = 10;            // aliases add at most 10 times the nodes written out,
inline constexpr std::size_t kMaxAliasNodes = 1000000;     // and at most a million
inline constexpr std::size_t kMaxTreeNodes = 2000000;      // nodes the tree holds (a sink's items not counted)

// Parses text (the bytes of a file named file, for messages), handing the
// list that sink names (when given) to it item by item.
YamlDocument parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags,
                        const YamlListSink* sink = nullptr);

// Reads a whole regular file, under the default size limit, into out; false
// (with a diagnostic) if it cannot be read (read/file_access.h).
bool read_file(const std::string& path, std::string& out, Diagnostics& diags);

// The node's kind for a message argument: a reference to the catalogue entry
// that names it ("\x01kind.list"), translated when the message is rendered.
std::string_view describe_kind(const YamlNode& node);

}  // namespace ipz
