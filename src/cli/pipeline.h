// The pipeline shared by the commands that judge dossiers (check, rules diff,
// rules test, and later score and rank): inputs -> loaded dossiers ->
// facts -> evaluation -> a DossierReport in the user's language.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <optional>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "model/dossier.h"
#include "model/rule_set.h"
#include "model/catalogue.h"
#include "read/file_access.h"
#include "report/report.h"
#include "util/date.h"
#include "util/diagnostic.h"

namespace ipz::cli {

// One input: a path, or "-" for standard input; error_key when it cannot be a dossier.
struct Input {
  std::string path;
  std::string error_key;
  const FileLimits* limits = nullptr;  // what may be read for it (nullptr: the defaults)
};

// The inputs of a run, compact: a folder's files are kept as names within
// the folder (short enough to need no allocation of their own), so that a
// list of 10,000 dossiers costs a few hundred kilobytes.
class InputList {
 public:
  std::size_t size() const { return items_.size(); }
  Input operator[](std::size_t i) const;
  void add(std::string path, std::string error_key = "");
  // --max-file-size and --allow-outside, for every input.
  FileLimits limits;

 private:
  friend InputList expand_inputs(const std::vector<std::string>& args, bool recursive);
  struct Item {
    std::uint32_t folder;  // index into folders_, or kNone: name is the whole path
    std::uint8_t error;    // index into errors_, or 0 for none
    std::string name;
  };
  static constexpr std::uint32_t kNone = 0xffffffff;
  std::vector<std::string> folders_;
  std::vector<std::string> errors_ = {""};
  std::vector<Item> items_;
};

// Files as given; folders become their *.yaml and *.yml files, sorted (with
// recursive, those of their subfolders too, sorted by path).
InputList expand_inputs(const std::vector<std::string>& args, bool recursive = false);

// The paths listed in a file (one a line; blank lines skipped; "-" reads
// standard input), for --files-from; false when it cannot be read.
bool read_path_list(const std::string& file, std::vector<std::string>& out);

// A dossier read and loaded, or the reasons it could not be.
struct LoadedInput {
  std::string file;
  std::optional<Dossier> dossier;
  Diagnostics diagnostics;  // errors (then no dossier) and loading warnings
};

// Never throws: running out of memory or an internal error while reading
// makes the input invalid with the reason (dossier.out_of_memory,
// dossier.internal_error), and the batch goes on.
LoadedInput load_input(const Input& input);

// Why judging the dossier at path stopped (e, an exception caught), as its error.
Diagnostic failure(const std::string& path, std::exception_ptr e);

struct EvaluateOptions {
  std::optional<Date> as_of;  // --as-of; else the dossier's; else today
  bool detail = false;        // include the roster classification
  Date today;                 // the run's date (cli/run_date.h), the same for every dossier
  std::string zone;           // the zone it is today in
};


// The report of one loaded input under a rule set; the facts derived for it
// are moved to facts_out when given (the score reuses them). Never throws:
// a failure makes the dossier invalid with the reason, as load_input does.
DossierReport judge(const LoadedInput& input, const RuleSet& rules, const EvaluateOptions& opt, Lang lang,
                    const Catalogue& cat, std::optional<Facts>* facts_out = nullptr);

// Runs work on each input on `jobs` threads and hands the reports to sink in
// input order, each as soon as it and all before it are done. At most a few
// reports per thread wait for their turn, so memory does not grow with the
// number of inputs. With jobs <= 1 everything runs on the calling thread.
//   work: Result(const Input&); sink: void(Result&&).
template <typename Result, typename Inputs, typename Work, typename Sink>
void for_each_in_order(const Inputs& inputs, int jobs, const Work& work, const Sink& sink) {
  const std::size_t n = inputs.size();
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) sink(work(inputs[i]));
    return;
  }
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(jobs), n);
  const std::size_t window = threads * 4;  // reports that may wait for their turn
  std::vector<std::optional<Result>> slots(window);
  std::mutex m;
  std::condition_variable ready, room;
  std::size_t next = 0;     // the next input a worker takes
  std::size_t written = 0;  // inputs handed to sink so far
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        room.wait(lock, [&] { return next >= n || next < written + window; });
        if (next >= n) return;
        i = next++;
      }
      Result report = work(inputs[i]);
      {
        std::lock_guard lock(m);
        slots[i % window] = std::move(report);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  while (written < n) {
    std::optional<Result> report;
    {
      std::unique_lock lock(m);
      ready.wait(lock, [&] { return slots[written % window].has_value(); });
      report = std::move(slots[written % window]);
      slots[written % window].reset();
    }
    sink(std::move(*report));
    {
      std::lock_guard lock(m);
      ++written;
    }
    room.notify_all();
  }
  for (auto& t : pool) t.join();
}


}  // namespace ipz::cli
