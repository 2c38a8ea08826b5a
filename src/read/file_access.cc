// Safe reading of input files (see file_access.h). POSIX: open without
// blocking, fstat the descriptor (not the name: nothing can be swapped in
// between), then read at most the limit. Windows: the same with _wopen and
// _fstat64 on the name converted from UTF-8 (a pipe or a device such as CON
// does not block an open there); realpath is std::filesystem::canonical.
#include "read/file_access.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _WIN32
#include <io.h>
#endif

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <utility>

#include "util/utf8_path.h"

namespace ipz {

namespace fs = std::filesystem;

namespace {

#ifdef _WIN32
using FileStatus = struct _stat64;
int open_for_reading(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(utf8_path(path), ec)) {  // _wopen says only "permission denied"
    errno = EISDIR;
    return -1;
  }
  return ::_wopen(utf8_path(path).c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
}
int status_of(int fd, FileStatus& st) { return ::_fstat64(fd, &st); }
void make_blocking(int) {}
#else
using FileStatus = struct stat;
int open_for_reading(const std::string& path) {
  return ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}
int status_of(int fd, FileStatus& st) { return ::fstat(fd, &st); }
void make_blocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); }
#endif

void refuse(Diagnostics& diags, const Location& where, const std::string& file, std::string key,
            MessageArgs extra = {}) {
  Diagnostic d;
  d.where = where.file.empty() ? Location{file, 0, 0} : where;
  d.key = std::move(key);
  d.args.emplace_back("file", file);
  for (auto& a : extra) d.args.push_back(std::move(a));
  diags.push_back(std::move(d));
}

// Why a call failed with err, as a message: a key of its own for the
// reasons a user can act on, else the system's words.
void refuse_errno(Diagnostics& diags, const Location& where, const std::string& file, int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: refuse(diags, where, file, "file.not_found"); return;
    case ELOOP: refuse(diags, where, file, "file.symlink_loop"); return;
    case EACCES:
    case EPERM: refuse(diags, where, file, "file.permission_denied"); return;
    case EISDIR: refuse(diags, where, file, "file.not_regular", {{"kind", "\x01" "file.kind.folder"}}); return;
    default: refuse(diags, where, file, "file.cannot_read", {{"reason", std::strerror(err)}});
  }
}

std::string_view kind_of(decltype(FileStatus{}.st_mode) mode) {
  if (S_ISDIR(mode)) return "\x01" "file.kind.folder";
  if (S_ISFIFO(mode)) return "\x01" "file.kind.fifo";
#ifdef S_ISSOCK
  if (S_ISSOCK(mode)) return "\x01" "file.kind.socket";
#endif
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "\x01" "file.kind.device";
  return "\x01" "file.kind.other";
}

void too_large(Diagnostics& diags, const Location& where, const std::string& file, const FileLimits& limits) {
  refuse(diags, where, file, "file.too_large", {{"limit", std::to_string(limits.max_file_size)}});
}

// Reads fd to its end, at most limits.max_file_size bytes.
bool read_all(int fd, const std::string& file, const FileLimits& limits, std::string& out, Diagnostics& diags,
              const Location& where) {
  char buf[65536];
  while (true) {
    const auto n = ::read(fd, buf, static_cast<unsigned>(sizeof buf));
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      refuse_errno(diags, where, file, errno);
      return false;
    }
    if (out.size() + static_cast<std::size_t>(n) > limits.max_file_size) {
      too_large(diags, where, file, limits);
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

// The files read in this run, as (device, inode); any thread may add to it.
std::mutex g_read_mutex;
std::set<std::pair<std::uintmax_t, std::uintmax_t>> g_read;

void record_read(const FileStatus& st) {
#ifndef _WIN32
  std::lock_guard lock(g_read_mutex);
  g_read.emplace(static_cast<std::uintmax_t>(st.st_dev), static_cast<std::uintmax_t>(st.st_ino));
#else
  (void)st;
#endif
}

// path made absolute with every symbolic link resolved; 0, or the errno.
int real_path(const fs::path& path, fs::path& out) {
#ifdef _WIN32
  std::error_code ec;
  out = fs::canonical(path, ec);
  if (!ec) return 0;
  return fs::exists(path, ec) ? EACCES : ENOENT;
#else
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return errno;
  out = buf;
  return 0;
#endif
}

// inner is outer or lies within it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty() && std::next(o) == outer.end()) break;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

bool read_regular_file(const std::string& path, const FileLimits& limits, std::string& out, Diagnostics& diags,
                       const Location& where, const std::string& shown_as) {
  out.clear();
  const std::string& shown = shown_as.empty() ? path : shown_as;
  const int fd = open_for_reading(path);
  if (fd < 0) {
    refuse_errno(diags, where, shown, errno);
    return false;
  }
  FileStatus st{};
  bool ok = status_of(fd, st) == 0;
  if (!ok) {
    refuse_errno(diags, where, shown, errno);
  } else if (!S_ISREG(st.st_mode)) {
    refuse(diags, where, shown, "file.not_regular", {{"kind", std::string(kind_of(st.st_mode))}});
    ok = false;
  } else if (static_cast<std::uintmax_t>(st.st_size) > limits.max_file_size) {
    too_large(diags, where, shown, limits);
    ok = false;
  } else {
    record_read(st);
    make_blocking(fd);
    out.reserve(static_cast<std::size_t>(st.st_size));
    ok = read_all(fd, shown, limits, out, diags, where);
  }
  ::close(fd);
  if (!ok) out.clear();
  return ok;
}

bool read_in_this_run(const std::string& path) {
#ifdef _WIN32
  (void)path;
  return false;
#else
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  std::lock_guard lock(g_read_mutex);
  return g_read.count({static_cast<std::uintmax_t>(st.st_dev), static_cast<std::uintmax_t>(st.st_ino)}) > 0;
#endif
}

bool read_stream_limited(int fd, const std::string& shown, const FileLimits& limits, std::string& out,
                         Diagnostics& diags) {
  out.clear();
  if (read_all(fd, shown, limits, out, diags, {})) return true;
  out.clear();
  return false;
}

std::optional<ResolvedFile> resolve_reference(const std::string& dossier_file, const std::string& reference,
                                              const FileLimits& limits, Diagnostics& diags, const Location& where) {
  fs::path folder = dossier_file == "-" ? fs::path() : utf8_path(dossier_file).parent_path();
  const fs::path ref = utf8_path(reference);
  ResolvedFile out;
  out.shown = utf8_string((folder / ref).lexically_normal());
  if (reference.empty()) {
    refuse(diags, where, reference, "file.not_found");
    return std::nullopt;
  }
  fs::path real_folder, real_target;
  if (int err = real_path(folder.empty() ? fs::path(".") : folder, real_folder)) {
    refuse_errno(diags, where, utf8_string(folder), err);
    return std::nullopt;
  }
  const int err = real_path(folder / ref, real_target);
  if (err) {
    // Where it would be (the part that exists resolved): whether a file
    // outside the folder exists is not for a dossier to find out.
    std::error_code ec;
    real_target = fs::weakly_canonical(fs::absolute(folder / ref, ec), ec);
    if (ec || real_target.empty()) real_target = (real_folder / ref).lexically_normal();  // a loop
  }
  bool allowed = within(real_target, real_folder);
  for (const auto& a : limits.allow_outside) {
    fs::path real_allowed;
    if (!allowed && real_path(utf8_path(a), real_allowed) == 0) allowed = within(real_target, real_allowed);
  }
  if (!allowed) {
    refuse(diags, where, reference, "file.outside_folder",
           {{"folder", folder.empty() ? std::string(".") : utf8_string(folder)}});
    return std::nullopt;
  }
  if (err) {
    refuse_errno(diags, where, out.shown, err);
    return std::nullopt;
  }
  out.path = utf8_string(real_target);
  return out;
}

std::optional<std::uintmax_t> parse_size(const std::string& text) {
  std::size_t i = 0;
  std::uintmax_t v = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (v > (UINTMAX_MAX - 9) / 10) return std::nullopt;
    v = v * 10 + static_cast<std::uintmax_t>(text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string suffix = text.substr(i);
  for (auto& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int shift = 0;
  if (suffix == "K" || suffix == "KIB") shift = 10;
  else if (suffix == "M" || suffix == "MIB") shift = 20;
  else if (suffix == "G" || suffix == "GIB") shift = 30;
  else if (!suffix.empty() && suffix != "B") return std::nullopt;
  if (shift && v > (UINTMAX_MAX >> shift)) return std::nullopt;
  return v << shift;
}

}  // namespace ipz
