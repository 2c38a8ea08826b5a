// Where a command writes: standard output, or with -o FILE a file written
// safely (README "Writing the report"):
//  - into a temporary file beside FILE, renamed over it only when everything
//    was written: an error, SIGINT, SIGTERM or SIGHUP never leaves a
//    half-written FILE, nor the temporary file, behind;
//  - FILE a symbolic link: the file it points to gets the report, the link
//    stays; FILE a device or a FIFO (/dev/null, /dev/stdout): written
//    directly, there is nothing to replace;
//  - the mode of an existing FILE is kept, a new one gets 0666 less the umask;
//  - FILE the same file (device and inode) as one this run read (a dossier,
//    a roster, a rule file): refused, and left as it was;
//  - every failure (a full disk, a closed standard output) names the file and
//    the reason, in the user's language.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "model/text.h"

namespace ipz::cli {

// A stream buffer over a file descriptor that keeps the reason (errno) of
// the first write that failed, which std::ofstream does not tell.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  int error() const { return error_; }  // 0, or the errno of the failed write
  bool flush_all();

 protected:
  int_type overflow(int_type c) override;
  int sync() override { return flush_all() ? 0 : -1; }
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool write_out(const char* p, std::size_t n);
  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

class Output {
 public:
  // path empty or "-": standard output. Messages in lang.
  Output(std::string path, Lang lang);
  ~Output();  // removes the temporary file unless commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool ok() const { return error_.empty(); }  // false: FILE (or standard output) cannot be written
  const std::string& error() const { return error_; }
  std::ostream& stream() { return stream_; }
  // Flushes, and for a file renames it into place; false (with error()) on failure.
  bool commit();

 private:
  void open_temporary(const std::string& target);
  void fail(const std::string& key, int err);
  bool close_fd();
  std::string path_;    // as given (messages name it)
  std::string target_;  // the file written: path_ with its symbolic links followed
  std::string tmp_;     // the temporary file, until renamed
  Lang lang_;
  int fd_ = -1;
  bool direct_ = false;  // a device or a FIFO, written as it is
  bool committed_ = false;
  std::unique_ptr<FdBuffer> buffer_;
  std::ostream stream_{nullptr};
  std::string error_;
};

}  // namespace ipz::cli
