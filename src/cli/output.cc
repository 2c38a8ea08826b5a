// Atomic output files (see output.h).
#include "cli/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "util/utf8_path.h"

namespace ipz::cli {

Output::Output(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") return;
  const std::filesystem::path target = utf8_path(path_);
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(target, ec);
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st) && !std::filesystem::is_directory(st)) {
    // A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written as it
    // is: a temporary file renamed over it would replace it with a plain file.
    direct_ = true;
    file_.open(target, std::ios::binary);
    if (!file_) {
      ok_ = false;
      error_ = path_ + ": cannot write";
    }
    return;
  }
  const std::string pattern =
      utf8_string((target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                  utf8_path("." + utf8_string(target.filename()) + ".tmp-XXXXXX"));
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    ok_ = false;
    error_ = path_ + ": " + std::strerror(errno);
    return;
  }
  ::close(fd);
  tmp_ = name.data();
  file_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    ok_ = false;
    error_ = tmp_ + ": cannot write";
  }
}

Output::~Output() {
  if (!tmp_.empty() && !committed_) {
    file_.close();
    std::remove(tmp_.c_str());
  }
}

std::ostream& Output::stream() { return tmp_.empty() && !direct_ ? std::cout : file_; }

bool Output::commit() {
  if (direct_) {
    file_.close();
    if (!file_) error_ = path_ + ": write failed";
    return static_cast<bool>(file_);
  }
  if (tmp_.empty()) {
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  file_.flush();
  file_.close();
  if (!file_) {
    error_ = path_ + ": write failed";
    return false;
  }
  // std::filesystem::rename replaces an existing FILE on Windows too, where
  // std::rename refuses to.
  std::error_code ec;
  std::filesystem::rename(utf8_path(tmp_), utf8_path(path_), ec);
  if (ec) {
    error_ = path_ + ": " + ec.message();
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace ipz::cli
