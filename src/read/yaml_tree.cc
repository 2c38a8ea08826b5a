// Builds a YamlTree from yaml-cpp parser events (see yaml_tree.h).
#include "read/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <fstream>
#include <istream>
#include <streambuf>
#include <unordered_map>

#include "read/file_access.h"
#include "util/utf8.h"

namespace ipz {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].text == key) return &items[i];
  return nullptr;
}

std::string_view describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null: return "\x01kind.null";
    case YamlNode::Kind::scalar: return "\x01kind.scalar";
    case YamlNode::Kind::sequence: return "\x01kind.list";
    case YamlNode::Kind::map: return "\x01kind.map";
  }
  return "\x01kind.null";
}

namespace {

// Turns yaml-cpp's marks (0-based line, column in bytes) into the 1-based
// line and column in characters that an editor shows. Marks arrive in file
// order, so counting resumes where the previous one stopped: a document costs
// one pass over its text, however many nodes share a line (a whole dossier
// written as one line of JSON is one line). A mark behind the last one (an
// error's) counts its line afresh.
class ColumnMap {
 public:
  explicit ColumnMap(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  int column(int line0, int byte_column0) const {
    if (line0 < 0 || static_cast<std::size_t>(line0) >= starts_.size() || byte_column0 < 0) return byte_column0 + 1;
    const std::size_t start = starts_[static_cast<std::size_t>(line0)];
    const std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(byte_column0));
    if (line0 != line_ || end < byte_) {
      line_ = line0;
      byte_ = start;
      chars_ = 0;
    }
    for (; byte_ < end; ++byte_)
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++chars_;
    return chars_ + 1;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // Where the previous call stopped: its line, the byte it reached, and the
  // characters from the line's start to that byte.
  mutable int line_ = -1;
  mutable std::size_t byte_ = 0;
  mutable int chars_ = 0;
};

// An istream over text without copying it (yaml-cpp reads from a stream; the
// text may be tens of megabytes). yaml-cpp only reads and puts back what it
// read, so the characters are never written.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

bool is_null_word(const std::string& s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Receives yaml-cpp's events and assembles YamlNodes on a stack.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, Diagnostics& diags, const ColumnMap& columns)
      : file_(file), diags_(diags), columns_(columns) {}

  YamlNode root;
  bool have_root = false;
  bool failed = false;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode n;
    n.kind = YamlNode::Kind::null;
    place(mark, n);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "yaml.alias", {});
    YamlNode n;
    place(mark, n);
    add(std::move(n));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YamlNode n;
    place(mark, n);
    n.quoted = tag == "!";
    if (!n.quoted && is_null_word(value)) {
      n.kind = YamlNode::Kind::null;
    } else {
      n.kind = YamlNode::Kind::scalar;
      n.text = value;
    }
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark, YamlNode::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark, YamlNode::Kind::map);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    bool expecting_key = true;  // maps alternate key, value
    // A map's keys by the hash of their text, once it has kIndexFrom keys
    // (below that a scan is quicker): duplicates are found in constant time.
    std::unordered_multimap<std::size_t, std::size_t> index;
  };
  static constexpr std::size_t kIndexFrom = 16;

  // The position of the first key of o's map with this text, or npos.
  static std::size_t earlier_key(Open& o, const std::string& text) {
    const std::vector<YamlNode>& keys = o.node.keys;
    std::size_t first = std::string::npos;
    if (keys.size() < kIndexFrom) {
      for (std::size_t i = 0; i < keys.size() && first == std::string::npos; ++i)
        if (keys[i].text == text) first = i;
      return first;
    }
    const std::hash<std::string> hash;
    if (o.index.empty())
      for (std::size_t i = 0; i < keys.size(); ++i) o.index.emplace(hash(keys[i].text), i);
    auto [from, to] = o.index.equal_range(hash(text));
    for (auto it = from; it != to; ++it)
      if (keys[it->second].text == text) first = std::min(first, it->second);
    return first;
  }

  void place(const YAML::Mark& mark, YamlNode& n) const {
    n.line = mark.line + 1;
    n.column = columns_.column(mark.line, mark.column);
  }
  void error(const YAML::Mark& mark, std::string key, MessageArgs args) {
    diags_.push_back({Severity::error, {file_, mark.line + 1, columns_.column(mark.line, mark.column)}, std::move(key),
                      std::move(args)});
    failed = true;
  }
  void open(const YAML::Mark& mark, YamlNode::Kind kind) {
    if (skipped_depth_ > 0 || static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      if (skipped_depth_ == 0)
        error(mark, "yaml.too_deep", {{"limit", std::to_string(kMaxYamlDepth)}});
      ++skipped_depth_;
      return;
    }
    Open o;
    o.node.kind = kind;
    place(mark, o.node);
    stack_.push_back(std::move(o));
  }
  void close() {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      if (skipped_depth_ == 0) add(YamlNode{});  // stands for the skipped subtree
      return;
    }
    YamlNode n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n));
  }
  void add(YamlNode n) {
    if (skipped_depth_ > 0) return;
    if (stack_.empty()) {
      root = std::move(n);
      have_root = true;
      return;
    }
    Open& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::sequence) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (top.expecting_key) {
      if (!n.is_scalar()) {
        diags_.push_back({Severity::error, {file_, n.line, n.column}, "yaml.complex_key", {}});
        failed = true;
      } else if (const std::size_t first = earlier_key(top, n.text); first != std::string::npos) {
        diags_.push_back({Severity::error,
                          {file_, n.line, n.column},
                          "yaml.duplicate_key",
                          {{"key", n.text}, {"first_line", std::to_string(top.node.keys[first].line)}}});
        failed = true;
      }
      if (!top.index.empty()) top.index.emplace(std::hash<std::string>()(n.text), top.node.keys.size());
      top.node.keys.push_back(std::move(n));
    } else {
      top.node.items.push_back(std::move(n));
    }
    top.expecting_key = !top.expecting_key;
  }

  const std::string& file_;
  Diagnostics& diags_;
  const ColumnMap& columns_;
  std::vector<Open> stack_;
  int skipped_depth_ = 0;
};

bool only_blank_or_comments(std::string_view text) {
  bool in_comment = false;
  for (char c : text) {
    if (in_comment) {
      if (c == '\n') in_comment = false;
    } else if (c == '#') {
      in_comment = true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      return false;
    }
  }
  return true;
}

}  // namespace

YamlDocument parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags) {
  YamlDocument doc;
  if (auto bad = find_invalid_utf8(text)) {
    diags.push_back({Severity::error,
                     {file, bad->line, bad->column},
                     looks_like_gbk(text) ? "file.gbk" : "file.not_utf8",
                     {{"file", file}}});
    return doc;
  }
  if (has_utf8_bom(text)) text.remove_prefix(3);
  if (only_blank_or_comments(text)) {
    diags.push_back({Severity::error, {file, 1, 1}, "file.empty", {}});
    return doc;
  }
  TextBuffer buffer(text);
  std::istream in(&buffer);
  const ColumnMap columns(text);
  TreeBuilder builder(file, diags, columns);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      TreeBuilder extra(file, diags, columns);
      if (parser.HandleNextDocument(extra)) {
        diags.push_back({Severity::error, {file, extra.root.line, extra.root.column},
                         "yaml.several_documents", {}});
        builder.failed = true;
      }
    }
  } catch (const YAML::Exception& e) {
    diags.push_back({Severity::error,
                     {file, e.mark.line + 1, columns.column(e.mark.line, e.mark.column)},
                     "yaml.syntax",
                     {{"detail", e.msg}}});
    return doc;
  }
  if (!builder.have_root) {
    diags.push_back({Severity::error, {file, 1, 1}, "file.empty", {}});
    return doc;
  }
  doc.root = std::move(builder.root);
  doc.ok = !builder.failed;
  return doc;
}

bool read_file(const std::string& path, std::string& out, Diagnostics& diags) {
  return read_regular_file(path, FileLimits{}, out, diags);
}

}  // namespace ipz
