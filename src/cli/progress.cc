// The progress line (see progress.h).
#include "cli/progress.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "util/number_format.h"

namespace ipz::cli {

namespace {

constexpr auto kAfter = std::chrono::seconds(1);         // nothing for a run shorter than this
constexpr auto kEvery = std::chrono::milliseconds(100);  // redrawn at most this often

std::string duration_text(long long seconds, Lang lang, const Catalogue& cat) {
  if (seconds < 60) return cat.render("progress.seconds", {{"s", std::to_string(seconds)}}, lang);
  return cat.render("progress.minutes", {{"m", std::to_string(seconds / 60)}, {"s", std::to_string(seconds % 60)}},
                    lang);
}

}  // namespace

bool progress_wanted(bool quiet) {
  if (quiet || !isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

Progress::Progress(std::size_t total, bool enabled, std::ostream& report, Lang lang, const Catalogue& cat)
    : total_(total), enabled_(enabled && total > 1), report_(report), lang_(lang), cat_(cat), start_(Clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::clear() {
  if (!shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

void Progress::step() {
  ++done_;
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - start_ < kAfter || (now - drawn_ < kEvery && done_ < total_)) return;
  drawn_ = now;
  const long long ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
  const auto done = static_cast<long long>(done_), left = static_cast<long long>(total_ - done_);
  // dossiers a second to a tenth, and the time left at that rate, rounded up
  const std::string rate = format_decimal(done * 1000, ms, 1);
  const long long seconds = done > 0 ? (left * ms + done * 1000 - 1) / (done * 1000) : 0;
  report_.flush();
  std::cerr << "\r\033[K"
            << cat_.render("progress.line",
                           {{"done", std::to_string(done_)},
                            {"total", std::to_string(total_)},
                            {"rate", rate},
                            {"left", duration_text(seconds, lang_, cat_)}},
                           lang_)
            << std::flush;
  shown_ = true;
}

}  // namespace ipz::cli
