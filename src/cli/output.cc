// Safe output files (see output.h).
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifndef _WIN32
#include <signal.h>  // pthread_sigmask
#endif
#ifdef _WIN32
#include <io.h>
#endif

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "read/catalogue_loader.h"
#include "read/file_access.h"
#include "util/utf8_path.h"

namespace ipz::cli {

namespace fs = std::filesystem;

// ---- FdBuffer ----------------------------------------------------------------------------

bool FdBuffer::write_out(const char* p, std::size_t n) {
  while (n > 0 && error_ == 0) {
    const auto w = ::write(fd_, p, static_cast<unsigned>(n > (1u << 30) ? (1u << 30) : n));
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
    } else {
      p += w;
      n -= static_cast<std::size_t>(w);
    }
  }
  return error_ == 0;
}

bool FdBuffer::flush_all() {
  const bool ok = write_out(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buf_, buf_ + sizeof buf_);
  return ok;
}

FdBuffer::int_type FdBuffer::overflow(int_type c) {
  if (!flush_all()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdBuffer::xsputn(const char* s, std::streamsize n) {
  const auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (n <= room) {
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  if (!flush_all()) return 0;
  if (n < static_cast<std::streamsize>(sizeof buf_)) return xsputn(s, n);
  return write_out(s, static_cast<std::size_t>(n)) ? n : 0;
}

namespace {

// ---- the temporary file, removed on SIGINT, SIGTERM, SIGHUP -------------------------------
// The handler may run on any thread at any time: it reads only this buffer,
// and calls only unlink, sigaction and raise (async-signal-safe).
char g_tmp_path[4096];
volatile std::sig_atomic_t g_tmp_set = 0;

#ifndef _WIN32
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_old[3];
bool g_installed[3] = {};

extern "C" void remove_temporary_and_die(int sig) {
  if (g_tmp_set) ::unlink(g_tmp_path);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  raise(sig);  // the default action, now: the exit status says which signal it was
}
#endif

void guard_temporary(const std::string& tmp) {
  if (tmp.size() >= sizeof g_tmp_path) return;  // not guarded (a path of 4 KiB)
  std::memcpy(g_tmp_path, tmp.c_str(), tmp.size() + 1);
  g_tmp_set = 1;
#ifndef _WIN32
  for (int i = 0; i < 3; ++i) {
    struct sigaction act {};
    act.sa_handler = remove_temporary_and_die;
    sigemptyset(&act.sa_mask);
    if (sigaction(kSignals[i], nullptr, &g_old[i]) != 0 || g_old[i].sa_handler == SIG_IGN) continue;  // nohup
    g_installed[i] = sigaction(kSignals[i], &act, nullptr) == 0;
  }
#endif
}

void unguard_temporary() {
  g_tmp_set = 0;
#ifndef _WIN32
  for (int i = 0; i < 3; ++i)
    if (g_installed[i]) {
      sigaction(kSignals[i], &g_old[i], nullptr);
      g_installed[i] = false;
    }
#endif
}

// ---- where the report goes ----------------------------------------------------------------

// path with its symbolic links followed (the file a link points to, which
// may not exist yet); 0, or ELOOP.
int follow_links(const fs::path& path, fs::path& out) {
  out = path;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(out, ec)); ++hops) {
    if (hops == 40) return ELOOP;
    const fs::path to = fs::read_symlink(out, ec);
    if (ec) return ec.value();
    out = to.is_absolute() ? to : out.parent_path() / to;
  }
  return 0;
}

// The reason for errno err in lang: the catalogue's words where it has them, else strerror.
std::string reason_of(int err) {
  static const std::pair<int, const char*> names[] = {
      {ENOSPC, "ENOSPC"}, {EBADF, "EBADF"},   {EACCES, "EACCES"},   {EPERM, "EPERM"},
      {EROFS, "EROFS"},   {ENOENT, "ENOENT"}, {ENOTDIR, "ENOTDIR"}, {EISDIR, "EISDIR"},
      {EPIPE, "EPIPE"},   {EIO, "EIO"},       {ELOOP, "ELOOP"},     {EFBIG, "EFBIG"},
#ifdef EDQUOT
      {EDQUOT, "EDQUOT"},
#endif
  };
  for (const auto& [e, name] : names)
    if (e == err && builtin_catalogue().has(std::string("errno.") + name)) return std::string("\x01") + "errno." + name;
  return std::strerror(err);
}

#ifndef _WIN32
// 0666 less the umask: the mode a new file gets (read before any thread starts).
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}
#endif

int open_direct(const fs::path& target) {
#ifdef _WIN32
  return ::_wopen(target.c_str(), _O_WRONLY | _O_BINARY);
#else
  return ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
#endif
}

}  // namespace

// ---- Output -------------------------------------------------------------------------------

void Output::fail(const std::string& key, int err) {
  const std::string shown = path_.empty() || path_ == "-" ? "\x01output.stdout" : path_;
  error_ = builtin_catalogue().render(
      key, {{"file", shown}, {"reason", reason_of(err)}, {"folder", utf8_string(utf8_path(target_).parent_path())}},
      lang_);
}

Output::Output(std::string path, Lang lang) : path_(std::move(path)), lang_(lang) {
  if (path_.empty() || path_ == "-") {
    std::cout.flush();
#ifdef _WIN32
    stream_.rdbuf(std::cout.rdbuf());  // the console's own text mode
#else
    if (::fcntl(STDOUT_FILENO, F_GETFD) < 0) {  // >&-
      fail("output.write_failed", errno);
      return;
    }
    buffer_ = std::make_unique<FdBuffer>(STDOUT_FILENO);
    stream_.rdbuf(buffer_.get());
#endif
    return;
  }
  fs::path target;
  if (int err = follow_links(utf8_path(path_), target)) {
    fail("output.write_failed", err);
    return;
  }
  target_ = utf8_string(target);
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);
  if (fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st)) {
    // A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written as it
    // is: a temporary file renamed over it would replace it with a plain file.
    direct_ = true;
    fd_ = open_direct(target);
    if (fd_ < 0) {
      fail("output.write_failed", errno);
      return;
    }
    buffer_ = std::make_unique<FdBuffer>(fd_);
    stream_.rdbuf(buffer_.get());
    return;
  }
  if (fs::is_directory(st)) {
    fail("output.write_failed", EISDIR);
    return;
  }
  open_temporary(target_);
}

void Output::open_temporary(const std::string& target) {
  const fs::path t = utf8_path(target);
  const std::string pattern = utf8_string((t.parent_path().empty() ? fs::path(".") : t.parent_path()) /
                                          utf8_path("." + utf8_string(t.filename()) + ".tmp-XXXXXX"));
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
#ifndef _WIN32
  // The signals wait while the file is created and its removal set up: one
  // that came between the two would leave the file behind.
  sigset_t block, before;
  sigemptyset(&block);
  for (int sig : kSignals) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, &before);
#endif
  fd_ = mkstemp(name.data());
  const int err = errno;
  if (fd_ >= 0) {
    tmp_ = name.data();
    guard_temporary(tmp_);
  }
#ifndef _WIN32
  pthread_sigmask(SIG_SETMASK, &before, nullptr);  // a signal that came meanwhile is handled now
#endif
  if (fd_ < 0) return fail("output.cannot_create", err);
#ifdef _WIN32
  _setmode(fd_, _O_BINARY);
#else
  struct stat old {};
  const mode_t mode = ::stat(target.c_str(), &old) == 0 ? (old.st_mode & 07777) : new_file_mode();
  if (::fchmod(fd_, mode) != 0) return fail("output.cannot_create", errno);
#endif
  buffer_ = std::make_unique<FdBuffer>(fd_);
  stream_.rdbuf(buffer_.get());
}

bool Output::close_fd() {
  if (fd_ < 0) return true;
  const int rc = ::close(fd_);
  fd_ = -1;
  return rc == 0;
}

Output::~Output() {
  stream_.rdbuf(nullptr);
  close_fd();
  if (!tmp_.empty() && !committed_) {
    ::unlink(tmp_.c_str());
    unguard_temporary();
  }
}

bool Output::commit() {
  if (!ok()) return false;
  if (buffer_ && !buffer_->flush_all()) {
    fail("output.write_failed", buffer_->error());
    return false;
  }
  if (!buffer_) {  // standard output on Windows: std::cout
    stream_.flush();
    if (!stream_) fail("output.write_failed", EIO);
    return ok();
  }
#ifndef _WIN32
  // On disk before the rename, so that a crash leaves the old FILE or the whole new one.
  if (fd_ >= 0 && !tmp_.empty() && ::fsync(fd_) != 0 && errno != EINVAL) {
    fail("output.write_failed", errno);
    return false;
  }
#endif
  if (!close_fd()) {
    fail("output.write_failed", errno);
    return false;
  }
  if (tmp_.empty()) return true;    // standard output, a device, a FIFO
  if (read_in_this_run(target_)) {  // the same file as a dossier, a roster or a rule file read
    error_ = builtin_catalogue().render("output.is_input", {{"file", path_}}, lang_);
    return false;
  }
  // std::filesystem::rename replaces an existing FILE on Windows too, where
  // std::rename refuses to.
  std::error_code ec;
  fs::rename(utf8_path(tmp_), utf8_path(target_), ec);
  if (ec) {
    fail("output.write_failed", ec.value());
    return false;
  }
  committed_ = true;
  unguard_temporary();
  return true;
}

}  // namespace ipz::cli
