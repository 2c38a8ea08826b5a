// FieldReader and MapReader: typed, position-aware reading of YamlNodes into
// plain data, shared by the dossier loader and the rule loader. Each accessor
// checks the type and records a Diagnostic at the node's line and column when
// the value is wrong; MapReader::finish() reports the keys nobody asked for,
// with a did-you-mean among the keys that are known, so a typo never silently
// drops a field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/vocabulary.h"
#include "read/yaml_tree.h"
#include "util/date.h"
#include "util/diagnostic.h"

namespace ipz {

using Choices = std::vector<std::string_view>;

// The largest count accepted (a trillion): beyond it a number is a typo, and
// keeping counts this small keeps every exact comparison within 64 bits.
inline constexpr long long kMaxCount = 1000000000000LL;

class FieldReader {
 public:
  FieldReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  Location at(const YamlNode& n) const { return {file_, n.line, n.column}; }
  void error(const YamlNode& at, std::string_view key, MessageArgs args);
  void warning(const YamlNode& at, std::string_view key, MessageArgs args);
  void report(Severity s, Location where, std::string_view key, MessageArgs args);
  bool failed() const { return errors_ > 0; }
  // Where each key read outside list items is written, by its dotted path
  // ("operator.credit"), into places (nullptr: not recorded).
  void record_places(std::map<std::string, Location>* places) { places_ = places; }
  bool records_places() const { return places_ != nullptr; }
  void note_place(const std::string& path, const YamlNode& key);
  // The code in upper case, with a warning when it was not, or when it is not
  // a well-formed USCC (see read/uscc_warning.h).
  std::string checked_uscc(const YamlNode& at, const std::string& path, const std::string& code,
                           const std::string& name);

  // Typed values of a node; nullopt (with an error) when the node is not of the type.
  std::optional<std::string> text(const YamlNode& n, const std::string& path);
  std::optional<bool> boolean(const YamlNode& n, const std::string& path);
  std::optional<long long> count(const YamlNode& n, const std::string& path);  // whole number >= 0
  std::optional<long long> integer(const YamlNode& n, const std::string& path);
  std::optional<std::string> decimal(const YamlNode& n, const std::string& path);  // e.g. 62.5 (see util/number.h)
  std::optional<Date> date(const YamlNode& n, const std::string& path);
  std::optional<std::string> choice(const YamlNode& n, const std::string& path, const Choices& allowed);
  std::optional<std::vector<std::string>> texts(const YamlNode& n, const std::string& path);
  std::optional<std::vector<std::string>> choices(const YamlNode& n, const std::string& path,
                                                  const Choices& allowed);
  // A closed vocabulary: the value, either label or an alias; the canonical value.
  std::optional<std::string> choice(const YamlNode& n, const std::string& path, const Vocabulary& allowed);
  std::optional<std::vector<std::string>> choices(const YamlNode& n, const std::string& path,
                                                  const Vocabulary& allowed);
  // A list node: true when n is a list (an error otherwise).
  bool expect_list(const YamlNode& n, const std::string& path);
  bool expect_map(const YamlNode& n, const std::string& path);

 private:
  // An error when n is a number in some notation but negative or above
  // limit (1e30, 10^20, -1.5e3): then true. false when it is no number at all.
  bool beyond_limits(const YamlNode& n, const std::string& path, long long limit);
  // The error of a value not among the choices (did-you-mean among candidates).
  void bad_choice(const YamlNode& n, const std::string& path, const std::string& value,
                  const std::vector<std::string>& candidates, const std::string& listed);
  template <class Allowed>
  std::optional<std::vector<std::string>> choice_list(const YamlNode& n, const std::string& path,
                                                      const Allowed& allowed);

  std::string file_;
  Diagnostics& diags_;
  int errors_ = 0;
  std::map<std::string, Location>* places_ = nullptr;
};

// Reads the members of one map node. A null node stands for an empty map.
class MapReader {
 public:
  MapReader(FieldReader& r, const YamlNode& node, std::string path);

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  std::string child(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  // The value of key, or nullptr when it is absent or null. Marks key as known.
  const YamlNode* get(std::string_view key);
  // The value of a required key; nullptr (with a "missing field" error) when absent or null.
  const YamlNode* require(std::string_view key);
  // Marks a key as known without reading it.
  void know(std::string_view key) { known_.push_back(std::string(key)); }

  std::optional<std::string> text(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<long long> count(std::string_view key);
  std::optional<Date> date(std::string_view key);
  std::optional<std::string> choice(std::string_view key, const Choices& allowed, bool required = false);
  std::optional<std::vector<std::string>> texts(std::string_view key);
  std::optional<std::vector<std::string>> choices(std::string_view key, const Choices& allowed);
  std::optional<std::string> choice(std::string_view key, const Vocabulary& allowed, bool required = false);
  std::optional<std::vector<std::string>> choices(std::string_view key, const Vocabulary& allowed);

  // Reports every key that no accessor asked for (call once, after reading).
  void finish();

 private:
  FieldReader& r_;
  const YamlNode& node_;
  std::string path_;
  bool ok_ = true;
  std::vector<std::string> known_;
};

}  // namespace ipz
