// Look-up of embedded files (see embedded_files.h).
#include "read/embedded_files.h"

#include "read/yaml_blob.h"

namespace ipz {

std::string_view embedded_file(std::string_view path) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.path == path) return f.data;
  return {};
}

bool embedded_tree(std::string_view path, YamlNode& root) {
  for (const EmbeddedFile& f : embedded_trees())
    if (f.path == path) return deserialize_tree(f.data, root);
  return false;
}

}  // namespace ipz
