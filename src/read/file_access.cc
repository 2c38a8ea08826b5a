// Safe reading of input files (see file_access.h). POSIX: open without
// blocking, fstat the descriptor (not the name: nothing can be swapped in
// between), then read at most the limit.
#include "read/file_access.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace ipz {

namespace fs = std::filesystem;

namespace {

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
    default: refuse(diags, where, file, "file.cannot_read", {{"reason", std::strerror(err)}});
  }
}

std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "\x01" "file.kind.folder";
  if (S_ISFIFO(mode)) return "\x01" "file.kind.fifo";
  if (S_ISSOCK(mode)) return "\x01" "file.kind.socket";
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
    const ssize_t n = ::read(fd, buf, sizeof buf);
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

// path made absolute with every symbolic link resolved; 0, or the errno.
int real_path(const fs::path& path, fs::path& out) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return errno;
  out = buf;
  return 0;
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
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    refuse_errno(diags, where, shown, errno);
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    refuse_errno(diags, where, shown, errno);
  } else if (!S_ISREG(st.st_mode)) {
    refuse(diags, where, shown, "file.not_regular", {{"kind", std::string(kind_of(st.st_mode))}});
    ok = false;
  } else if (static_cast<std::uintmax_t>(st.st_size) > limits.max_file_size) {
    too_large(diags, where, shown, limits);
    ok = false;
  } else {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    out.reserve(static_cast<std::size_t>(st.st_size));
    ok = read_all(fd, shown, limits, out, diags, where);
  }
  ::close(fd);
  if (!ok) out.clear();
  return ok;
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
  fs::path folder = dossier_file == "-" ? fs::path() : fs::path(dossier_file).parent_path();
  ResolvedFile out;
  out.shown = (folder / reference).lexically_normal().string();
  if (reference.empty()) {
    refuse(diags, where, reference, "file.not_found");
    return std::nullopt;
  }
  fs::path real_folder, real_target;
  if (int err = real_path(folder.empty() ? fs::path(".") : folder, real_folder)) {
    refuse_errno(diags, where, folder.string(), err);
    return std::nullopt;
  }
  const int err = real_path(folder / reference, real_target);
  if (err) {
    // Where it would be (the part that exists resolved): whether a file
    // outside the folder exists is not for a dossier to find out.
    std::error_code ec;
    real_target = fs::weakly_canonical(fs::absolute(folder / reference, ec), ec);
    if (ec || real_target.empty()) real_target = (real_folder / reference).lexically_normal();  // a loop
  }
  bool allowed = within(real_target, real_folder);
  for (const auto& a : limits.allow_outside) {
    fs::path real_allowed;
    if (!allowed && real_path(a, real_allowed) == 0) allowed = within(real_target, real_allowed);
  }
  if (!allowed) {
    refuse(diags, where, reference, "file.outside_folder",
           {{"folder", folder.empty() ? std::string(".") : folder.string()}});
    return std::nullopt;
  }
  if (err) {
    refuse_errno(diags, where, out.shown, err);
    return std::nullopt;
  }
  out.path = real_target.string();
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
