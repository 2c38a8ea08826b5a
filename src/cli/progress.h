// Progress on a terminal: one line on standard error while check, score or
// rank works through a batch, "37/120 dossiers, 24.5/s, 3 s left", redrawn
// at most ten times a second and erased at the end. It appears only when
// standard error is a terminal, the run has lasted more than a second, and
// --quiet was not given: never in a pipe or a file.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>

#include "model/catalogue.h"

namespace ipz::cli {

class Progress {
 public:
  // total: the dossiers of the run; enabled: progress_wanted(); report: the
  // stream the report goes to (flushed before the line is drawn, in case it
  // is the same terminal).
  Progress(std::size_t total, bool enabled, std::ostream& report, Lang lang, const Catalogue& cat);
  ~Progress();  // erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Before the report writes a dossier: the line is taken away.
  void clear();
  // A dossier is done.
  void step();

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_, done_ = 0;
  bool enabled_, shown_ = false;
  std::ostream& report_;
  Lang lang_;
  const Catalogue& cat_;
  Clock::time_point start_, drawn_;
};

// Standard error is a terminal (and TERM is not "dumb"), and not --quiet.
bool progress_wanted(bool quiet);

}  // namespace ipz::cli
