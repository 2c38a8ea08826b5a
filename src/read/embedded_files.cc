// Look-up of embedded files (see embedded_files.h).
#include "read/embedded_files.h"

namespace ipz {

std::string_view embedded_file(std::string_view path) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.path == path) return f.data;
  return {};
}

}  // namespace ipz
