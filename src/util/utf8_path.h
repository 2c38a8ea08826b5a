// File names as ipzone holds them, UTF-8 strings (from the command line, a
// dossier's file references, a folder listing), and std::filesystem::path.
// path's constructor from a plain std::string assumes the C library's locale
// encoding on Windows, which turns Chinese names into garbage there; these two
// say UTF-8 explicitly, and are the same as path(s) and p.string() on Linux.
// Every conversion between the two goes through them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ipz {

inline std::filesystem::path utf8_path(std::string_view utf8) {
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

// With '/' between the parts on every system, so a name ipzone prints (a file
// found in a folder) reads the same on Windows and Linux; Windows accepts it.
inline std::string utf8_string(const std::filesystem::path& p) {
  const std::u8string s = p.generic_u8string();
  return std::string(s.begin(), s.end());
}

}  // namespace ipz
