// Builds a YamlTree from yaml-cpp parser events (see yaml_tree.h).
#include "read/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>

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
// line and column in characters that an editor shows.
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
    int chars = 0;
    for (std::size_t i = start; i < end; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
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
  };

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
      } else if (top.node.find(n.text) != nullptr) {
        const YamlNode* first = nullptr;
        for (const auto& k : top.node.keys)
          if (k.text == n.text && !first) first = &k;
        diags_.push_back({Severity::error,
                          {file_, n.line, n.column},
                          "yaml.duplicate_key",
                          {{"key", n.text}, {"first_line", std::to_string(first->line)}}});
        failed = true;
      }
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
  std::istringstream in{std::string(text)};
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
