// Where a command writes: standard output, or with -o FILE a file written
// atomically: into a temporary file beside it, renamed over FILE only when
// everything was written. An error (or a crash) never leaves a half-written
// FILE behind. A FILE that is a device or a pipe (/dev/null, a FIFO) is
// written directly: there is nothing to replace.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace ipz::cli {

class Output {
 public:
  // path empty or "-": standard output.
  explicit Output(std::string path);
  ~Output();  // removes the temporary file unless commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool ok() const { return ok_; }             // false: the temporary file could not be created
  const std::string& error() const { return error_; }
  std::ostream& stream();
  // Flushes, and for a file renames it into place; false (with error()) on failure.
  bool commit();

 private:
  std::string path_, tmp_;
  std::ofstream file_;
  bool ok_ = true, committed_ = false;
  bool direct_ = false;  // FILE is a device or a pipe, written as it is
  std::string error_;
};

}  // namespace ipz::cli
