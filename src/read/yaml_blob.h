// A YamlNode tree as a compact byte string, and back. The build parses the
// embedded rule and message files once (tools/embed_trees.cc) and compiles
// their trees into the binary, so that a run does not parse YAML it ships
// with: start-up costs microseconds instead of milliseconds. Lines and
// columns are kept, so messages about embedded rules still point at the file.
#pragma once

#include <string>
#include <string_view>

#include "read/yaml_tree.h"

namespace ipz {

std::string serialize_tree(const YamlNode& root);
// nullopt-like: returns false when blob is not a well-formed tree.
bool deserialize_tree(std::string_view blob, YamlNode& root);

}  // namespace ipz
