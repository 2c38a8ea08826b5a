// Typed reading of YamlNodes with positioned diagnostics (see field_reader.h).
#include "read/field_reader.h"

#include <algorithm>

#include "read/uscc_warning.h"
#include "read/vocabularies.h"
#include "util/similarity.h"
#include "util/number.h"

namespace ipz {

namespace {

std::string join(const Choices& items) {
  std::string out;
  for (auto item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string shown(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::scalar: return n.text;
    case YamlNode::Kind::sequence: return "[...]";
    case YamlNode::Kind::map: return "{...}";
    case YamlNode::Kind::null: return "null";
  }
  return "";
}

}  // namespace

void FieldReader::report(Severity s, Location where, std::string_view key, MessageArgs args) {
  if (s == Severity::error) ++errors_;
  diags_.push_back({s, std::move(where), std::string(key), std::move(args)});
}

void FieldReader::error(const YamlNode& at_node, std::string_view key, MessageArgs args) {
  report(Severity::error, at(at_node), key, std::move(args));
}

void FieldReader::warning(const YamlNode& at_node, std::string_view key, MessageArgs args) {
  report(Severity::warning, at(at_node), key, std::move(args));
}

std::string FieldReader::checked_uscc(const YamlNode& at_node, const std::string& path, const std::string& code,
                                      const std::string& name) {
  return ipz::checked_uscc(at(at_node), path, code, name, diags_);
}

std::optional<std::string> FieldReader::text(const YamlNode& n, const std::string& path) {
  if (n.is_scalar()) return n.text;
  error(n, "field.expected_text", {{"path", path}, {"found", std::string(describe_kind(n))}});
  return std::nullopt;
}

std::optional<bool> FieldReader::boolean(const YamlNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted) {
    const auto& t = n.text;
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  if (n.is_scalar()) {  // the yes/no words of format/vocabularies.yaml, quoted or not
    const Vocabularies& v = vocabularies();
    if (std::find(v.yes.begin(), v.yes.end(), n.text) != v.yes.end()) return true;
    if (std::find(v.no.begin(), v.no.end(), n.text) != v.no.end()) return false;
  }
  error(n, "field.expected_bool", {{"path", path}, {"value", shown(n)}});
  return std::nullopt;
}

std::optional<long long> FieldReader::integer(const YamlNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted) {
    if (auto v = parse_integer(n.text)) return v;
    if (auto plain = ungrouped(n.text))  // 1,500
      if (auto v = parse_integer(*plain)) return v;
    if (beyond_limits(n, path, kMaxCount)) return std::nullopt;  // 1e30 or 10^20: too large, not "no whole number"
  }
  error(n, "field.expected_count", {{"path", path}, {"value", shown(n)}});
  return std::nullopt;
}

bool FieldReader::beyond_limits(const YamlNode& n, const std::string& path, long long limit) {
  const auto v = approximate_number(n.text);
  if (!v) return false;
  if (*v < 0) {
    error(n, "field.negative_count", {{"path", path}, {"value", n.text}});
    return true;
  }
  if (*v > static_cast<double>(limit)) {
    error(n, "field.too_large", {{"path", path}, {"value", n.text}, {"limit", std::to_string(limit)}});
    return true;
  }
  return false;
}

std::optional<long long> FieldReader::count(const YamlNode& n, const std::string& path) {
  auto v = integer(n, path);
  if (v && *v < 0) {
    error(n, "field.negative_count", {{"path", path}, {"value", n.text}});
    return std::nullopt;
  }
  if (v && *v > kMaxCount) {
    error(n, "field.too_large", {{"path", path}, {"value", n.text}, {"limit", std::to_string(kMaxCount)}});
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> FieldReader::decimal(const YamlNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted) {
    if (parse_number(n.text)) return n.text;
    if (auto plain = ungrouped(n.text); plain && parse_number(*plain)) return plain;  // 1,500.5
    if (beyond_limits(n, path, kMaxNumber)) return std::nullopt;
  }
  error(n, "field.expected_number", {{"path", path}, {"value", shown(n)}});
  return std::nullopt;
}

std::optional<Date> FieldReader::date(const YamlNode& n, const std::string& path) {
  if (n.is_scalar()) {
    if (auto d = parse_date_lenient(n.text)) return d;  // also 2020/6/1, 2020-6-1, 2020年6月1日
  }
  error(n, "field.bad_date", {{"path", path}, {"value", shown(n)}});
  return std::nullopt;
}

void FieldReader::bad_choice(const YamlNode& n, const std::string& path, const std::string& value,
                             const std::vector<std::string>& candidates, const std::string& listed) {
  auto near = closest_names(value, candidates, 1);
  if (!near.empty())
    error(n, "field.bad_choice_suggest",
          {{"path", path}, {"value", value}, {"choices", listed}, {"suggestion", near.front()}});
  else
    error(n, "field.bad_choice", {{"path", path}, {"value", value}, {"choices", listed}});
}

std::optional<std::string> FieldReader::choice(const YamlNode& n, const std::string& path,
                                               const Choices& allowed) {
  auto t = text(n, path);
  if (!t) return std::nullopt;
  for (auto a : allowed)
    if (a == *t) return t;
  bad_choice(n, path, *t, std::vector<std::string>(allowed.begin(), allowed.end()), join(allowed));
  return std::nullopt;
}

std::optional<std::string> FieldReader::choice(const YamlNode& n, const std::string& path,
                                               const Vocabulary& allowed) {
  auto t = text(n, path);
  if (!t) return std::nullopt;
  if (const Term* term = allowed.find(*t)) return term->value;
  // The choices as the values with their Chinese labels; did-you-mean among values and labels.
  std::vector<std::string> candidates;
  std::string listed;
  for (const Term& term : allowed.terms) {
    candidates.push_back(term.value);
    candidates.push_back(term.label.zh);
    candidates.push_back(term.label.en);
    if (!listed.empty()) listed += ", ";
    listed += term.value + " (" + term.label.zh + ")";
  }
  bad_choice(n, path, *t, candidates, listed);
  return std::nullopt;
}

bool FieldReader::expect_list(const YamlNode& n, const std::string& path) {
  if (n.is_sequence()) return true;
  error(n, "field.expected_list", {{"path", path}, {"found", std::string(describe_kind(n))}});
  return false;
}

bool FieldReader::expect_map(const YamlNode& n, const std::string& path) {
  if (n.is_map()) return true;
  error(n, "field.expected_map", {{"path", path}, {"found", std::string(describe_kind(n))}});
  return false;
}

std::optional<std::vector<std::string>> FieldReader::texts(const YamlNode& n,
                                                           const std::string& path) {
  if (!expect_list(n, path)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    auto t = text(n.items[i], path + "[" + std::to_string(i + 1) + "]");
    if (t) out.push_back(std::move(*t));
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

template <class Allowed>
std::optional<std::vector<std::string>> FieldReader::choice_list(const YamlNode& n, const std::string& path,
                                                                 const Allowed& allowed) {
  if (!expect_list(n, path)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    auto t = choice(n.items[i], path + "[" + std::to_string(i + 1) + "]", allowed);
    if (!t) {
      ok = false;
    } else if (std::find(out.begin(), out.end(), *t) != out.end()) {  // a closed list names each item once
      error(n.items[i], "field.duplicate_item", {{"path", path}, {"value", *t}});
      ok = false;
    } else {
      out.push_back(std::move(*t));
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> FieldReader::choices(const YamlNode& n, const std::string& path,
                                                             const Choices& allowed) {
  return choice_list(n, path, allowed);
}

std::optional<std::vector<std::string>> FieldReader::choices(const YamlNode& n, const std::string& path,
                                                             const Vocabulary& allowed) {
  return choice_list(n, path, allowed);
}

MapReader::MapReader(FieldReader& r, const YamlNode& node, std::string path)
    : r_(r), node_(node), path_(std::move(path)) {
  if (node_.is_null()) return;
  if (!node_.is_map()) {
    r_.error(node_, "field.expected_map",
             {{"path", path_.empty() ? "/" : path_}, {"found", std::string(describe_kind(node_))}});
    ok_ = false;
  }
}

void FieldReader::note_place(const std::string& path, const YamlNode& key) {
  if (places_) places_->emplace(path, at(key));
}

const YamlNode* MapReader::get(std::string_view key) {
  known_.push_back(std::string(key));
  if (!ok_) return nullptr;
  if (r_.records_places() && path_.find('[') == std::string::npos)  // not within a list's items
    for (const YamlNode& k : node_.keys)
      if (k.text == key) r_.note_place(child(key), k);
  const YamlNode* v = node_.find(key);
  if (v == nullptr || v->is_null()) return nullptr;
  return v;
}

const YamlNode* MapReader::require(std::string_view key) {
  const YamlNode* v = get(key);
  if (v == nullptr && ok_) {
    // Present but empty: point at the key (yaml-cpp places an empty value at the next token).
    const YamlNode* at = &node_;
    for (const YamlNode& k : node_.keys)
      if (k.text == key) at = &k;
    r_.error(*at, "field.missing_required", {{"path", child(key)}});
  }
  return v;
}

std::optional<std::string> MapReader::text(std::string_view key, bool required) {
  const YamlNode* v = required ? require(key) : get(key);
  return v ? r_.text(*v, child(key)) : std::nullopt;
}
std::optional<bool> MapReader::boolean(std::string_view key) {
  const YamlNode* v = get(key);
  return v ? r_.boolean(*v, child(key)) : std::nullopt;
}
std::optional<long long> MapReader::count(std::string_view key) {
  const YamlNode* v = get(key);
  return v ? r_.count(*v, child(key)) : std::nullopt;
}
std::optional<Date> MapReader::date(std::string_view key) {
  const YamlNode* v = get(key);
  return v ? r_.date(*v, child(key)) : std::nullopt;
}
std::optional<std::string> MapReader::choice(std::string_view key, const Choices& allowed,
                                             bool required) {
  const YamlNode* v = required ? require(key) : get(key);
  return v ? r_.choice(*v, child(key), allowed) : std::nullopt;
}
std::optional<std::vector<std::string>> MapReader::texts(std::string_view key) {
  const YamlNode* v = get(key);
  return v ? r_.texts(*v, child(key)) : std::nullopt;
}
std::optional<std::vector<std::string>> MapReader::choices(std::string_view key,
                                                           const Choices& allowed) {
  const YamlNode* v = get(key);
  return v ? r_.choices(*v, child(key), allowed) : std::nullopt;
}

std::optional<std::string> MapReader::choice(std::string_view key, const Vocabulary& allowed,
                                             bool required) {
  const YamlNode* v = required ? require(key) : get(key);
  return v ? r_.choice(*v, child(key), allowed) : std::nullopt;
}
std::optional<std::vector<std::string>> MapReader::choices(std::string_view key, const Vocabulary& allowed) {
  const YamlNode* v = get(key);
  return v ? r_.choices(*v, child(key), allowed) : std::nullopt;
}

void MapReader::finish() {
  if (!ok_) return;
  for (const YamlNode& k : node_.keys) {
    bool is_known = false;
    for (const auto& name : known_)
      if (name == k.text) is_known = true;
    if (is_known) continue;
    auto near = closest_names(k.text, known_, 1);
    if (!near.empty())
      r_.error(k, "field.unknown_key_suggest",
               {{"key", k.text}, {"path", path_.empty() ? "/" : path_}, {"suggestion", near.front()}});
    else
      r_.error(k, "field.unknown_key", {{"key", k.text}, {"path", path_.empty() ? "/" : path_}});
  }
}

}  // namespace ipz
