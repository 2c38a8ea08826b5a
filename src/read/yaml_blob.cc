// Serialized YAML trees (see yaml_blob.h). Layout, depth first: kind (1 byte),
// quoted (1), line (4), column (4), text length (4) and bytes, key count (4)
// and keys, item count (4) and items; integers little-endian.
#include "read/yaml_blob.h"

#include <cstdint>


namespace ipz {

namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void put(std::string& out, const YamlNode& n) {
  out += static_cast<char>(n.kind);
  out += static_cast<char>(n.quoted ? 1 : 0);
  put_u32(out, static_cast<std::uint32_t>(n.line));
  put_u32(out, static_cast<std::uint32_t>(n.column));
  put_u32(out, static_cast<std::uint32_t>(n.text.size()));
  out += n.text;
  put_u32(out, static_cast<std::uint32_t>(n.keys.size()));
  for (const auto& k : n.keys) put(out, k);
  put_u32(out, static_cast<std::uint32_t>(n.items.size()));
  for (const auto& i : n.items) put(out, i);
}

struct Reader {
  std::string_view in;
  std::size_t at = 0;
  bool ok = true;

  std::uint32_t u32() {
    if (at + 4 > in.size()) return ok = false, 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    at += 4;
    return v;
  }
  void node(YamlNode& n, int depth) {
    if (!ok || depth > kMaxYamlDepth || at + 2 > in.size()) return void(ok = false);
    const auto kind = static_cast<unsigned char>(in[at++]);
    if (kind > static_cast<unsigned char>(YamlNode::Kind::map)) return void(ok = false);
    n.kind = static_cast<YamlNode::Kind>(kind);
    n.quoted = in[at++] != 0;
    n.line = static_cast<int>(u32());
    n.column = static_cast<int>(u32());
    const std::uint32_t len = u32();
    if (!ok || at + len > in.size()) return void(ok = false);
    n.text.assign(in.substr(at, len));
    at += len;
    n.keys.resize(u32());
    for (auto& k : n.keys) node(k, depth + 1);
    n.items.resize(u32());
    for (auto& i : n.items) node(i, depth + 1);
  }
};

}  // namespace

std::string serialize_tree(const YamlNode& root) {
  std::string out;
  put(out, root);
  return out;
}

bool deserialize_tree(std::string_view blob, YamlNode& root) {
  Reader r{blob};
  r.node(root, 0);
  return r.ok && r.at == blob.size();
}

}  // namespace ipz
