// Reading the files a run is given and the files a dossier names, safely:
//  - only regular files are read; a FIFO, a device, a socket or a folder is
//    refused without waiting on it (opened non-blocking, then checked);
//  - a file larger than the size limit (--max-file-size, 64 MiB by default)
//    is refused before it is read, and never read past the limit;
//  - a file a dossier refers to (enterprises_file) resolves relative to the
//    dossier's folder and must stay inside it after every symbolic link is
//    resolved, unless it lies under a path given with --allow-outside;
//  - every refusal says why (no such file, a symbolic link loop, permission,
//    outside the folder, not a regular file, too large) and never quotes the
//    file's content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace ipz {

inline constexpr std::uintmax_t kDefaultMaxFileSize = 64ull * 1024 * 1024;  // 64 MiB

struct FileLimits {
  std::uintmax_t max_file_size = kDefaultMaxFileSize;  // bytes; a larger file is refused
  std::vector<std::string> allow_outside;              // --allow-outside: folders (or files) a reference may reach
};

// Reads the whole of the regular file at path into out. false, with one
// diagnostic at where (the file as a whole when where.file is empty), when it
// cannot: the message names the file (as shown, when given) and the reason.
bool read_regular_file(const std::string& path, const FileLimits& limits, std::string& out, Diagnostics& diags,
                       const Location& where = {}, const std::string& shown = "");

// Every regular file read_regular_file reads is recorded (its device and
// inode), so that -o can refuse to write over one of them (cli/output.h).
// True when path (its symbolic links followed) is one of the files read so
// far in this run. Always false on Windows, where there are no inode numbers.
bool read_in_this_run(const std::string& path);

// Reads a stream that is not a file (standard input) up to the size limit.
bool read_stream_limited(int fd, const std::string& shown, const FileLimits& limits, std::string& out,
                         Diagnostics& diags);

// A file a dossier refers to, resolved.
struct ResolvedFile {
  std::string path;   // what to open: every symbolic link resolved
  std::string shown;  // what messages call it: the dossier's folder / the reference, normalised
};

// The file a dossier (dossier_file, "-" for standard input) refers to as
// reference, resolved relative to the dossier's folder, or nullopt with a
// diagnostic at where when it leaves that folder (after symbolic links) and
// no --allow-outside path covers it, or cannot be resolved.
std::optional<ResolvedFile> resolve_reference(const std::string& dossier_file, const std::string& reference,
                                             const FileLimits& limits, Diagnostics& diags, const Location& where);

// Parses a size for --max-file-size: bytes, or with a suffix K, M, G (KiB,
// MiB, GiB; "64M", "1G", "500000"); nullopt when it is not one.
std::optional<std::uintmax_t> parse_size(const std::string& text);

}  // namespace ipz
