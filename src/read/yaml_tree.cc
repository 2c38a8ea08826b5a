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

// Thrown by the builder when a limit is reached (after its diagnostic):
// nothing more of the document is read.
struct LimitReached {};

// Receives yaml-cpp's events and assembles YamlNodes on a stack. Aliases are
// expanded (a copy of the anchored node), within a budget: together they may
// add at most kAliasFactor times the nodes written out so far, and at most
// kMaxAliasNodes, so that a "billion laughs" stops at once.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, Diagnostics& diags, const ColumnMap& columns,
              const YamlListSink* sink = nullptr)
      : file_(file), diags_(diags), columns_(columns), sink_(sink) {}

  YamlNode root;
  bool have_root = false;
  bool failed = false;
  bool streamed = false;  // the sink's list was met

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n;
    n.kind = YamlNode::Kind::null;
    place(mark, n);
    ++written_;  // a node written out in the document, not a copy made for an alias
    grow(mark, 1);
    remember(anchor, n, 1);
    add(std::move(n), 1);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {  // its anchor is still open: the node would contain itself
      error(mark, "yaml.alias_recursive", {});
      YamlNode n;
      place(mark, n);
      add(std::move(n), 1);
      return;
    }
    const std::size_t nodes = it->second.nodes;
    const std::size_t budget = std::min(kMaxAliasNodes, kAliasFactor * written_);
    if (nodes > budget - std::min(budget, alias_nodes_)) {
      error(mark, "limit.alias_expansion",
            {{"limit", std::to_string(budget)}, {"written", std::to_string(written_)},
             {"factor", std::to_string(kAliasFactor)}, {"max", std::to_string(kMaxAliasNodes)}});
      throw LimitReached{};
    }
    alias_nodes_ += nodes;
    grow(mark, nodes);
    YamlNode n = it->second.node;
    place(mark, n);  // the copy is where it is used; what it holds, where it was written
    add(std::move(n), nodes);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n;
    place(mark, n);
    ++written_;  // a node written out in the document, not a copy made for an alias
    grow(mark, 1);
    n.quoted = tag == "!";
    if (value.size() > kMaxScalarBytes) {
      error(mark, "limit.value_too_long", {{"limit", std::to_string(kMaxScalarBytes)}});
      n.kind = YamlNode::Kind::scalar;  // its text left out
    } else if (!n.quoted && is_null_word(value)) {
      n.kind = YamlNode::Kind::null;
    } else {
      n.kind = YamlNode::Kind::scalar;
      n.text = value;
    }
    remember(anchor, n, 1);
    add(std::move(n), 1);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, YamlNode::Kind::sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, YamlNode::Kind::map, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    bool to_sink = false;       // its items go to the sink, not into node
    std::size_t handed = 0;     // items handed to the sink
    YAML::anchor_t anchor = 0;  // its anchor (&name), or 0
    std::size_t nodes = 1;      // nodes in it so far, itself included (aliases expanded)
    bool expecting_key = true;  // maps alternate key, value
    // A map's keys by the hash of their text, once it has kIndexFrom keys
    // (below that a scan is quicker): duplicates are found in constant time.
    std::unordered_multimap<std::size_t, std::size_t> index;
  };
  static constexpr std::size_t kIndexFrom = 16;
  struct Anchored {
    YamlNode node;
    std::size_t nodes = 1;
  };

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

  void place(const YAML::Mark& mark, YamlNode& n) {
    n.line = mark.line + 1;
    n.column = columns_.column(mark.line, mark.column);
    if (mark.pos > 0) offset_ = static_cast<std::size_t>(mark.pos);
  }
  // `nodes` more in the tree: within kMaxTreeNodes, or the end.
  void grow(const YAML::Mark& mark, std::size_t nodes) {
    tree_nodes_ += nodes;
    if (tree_nodes_ <= kMaxTreeNodes) return;
    error(mark, "limit.too_many_nodes", {{"limit", std::to_string(kMaxTreeNodes)}});
    throw LimitReached{};
  }
  void error(const YAML::Mark& mark, std::string key, MessageArgs args) {
    diags_.push_back({Severity::error, {file_, mark.line + 1, columns_.column(mark.line, mark.column)}, std::move(key),
                      std::move(args)});
    failed = true;
  }
  void remember(YAML::anchor_t anchor, const YamlNode& n, std::size_t nodes) {
    if (anchor != 0 && skipped_depth_ == 0) anchors_[anchor] = Anchored{n, nodes};
  }
  void open(const YAML::Mark& mark, YamlNode::Kind kind, YAML::anchor_t anchor) {
    ++written_;  // a node written out in the document, not a copy made for an alias
    grow(mark, 1);
    if (skipped_depth_ > 0 || static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      if (skipped_depth_ == 0)
        error(mark, "yaml.too_deep", {{"limit", std::to_string(kMaxYamlDepth)}});
      ++skipped_depth_;
      return;
    }
    Open o;
    o.node.kind = kind;
    o.anchor = anchor;
    if (sink_ && kind == YamlNode::Kind::sequence && stack_.size() == 1 && stack_[0].node.is_map() &&
        !stack_[0].expecting_key && !stack_[0].node.keys.empty() && stack_[0].node.keys.back().text == sink_->key &&
        anchor == 0)  // an anchored roster keeps its rows: an alias may copy it
      o.to_sink = streamed = true;
    anchors_.erase(anchor);  // an anchor named again is a new one; until it closes, an alias to it is recursive
    place(mark, o.node);
    stack_.push_back(std::move(o));
  }
  void close() {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      if (skipped_depth_ == 0) add(YamlNode{}, 1);  // stands for the skipped subtree
      return;
    }
    Open o = std::move(stack_.back());
    stack_.pop_back();
    remember(o.anchor, o.node, o.nodes);
    add(std::move(o.node), o.nodes);
  }
  // Adds n, which holds `nodes` nodes, to the collection being read.
  void add(YamlNode n, std::size_t nodes) {
    if (skipped_depth_ > 0) return;
    if (stack_.empty()) {
      root = std::move(n);
      have_root = true;
      return;
    }
    Open& top = stack_.back();
    top.nodes += nodes;
    if (top.node.kind == YamlNode::Kind::sequence) {
      if (top.node.items.size() + top.handed >= kMaxItems) too_many(n);
      if (top.to_sink) {
        // Handed over, no longer in the tree; nor in the list's own count, so
        // that an anchor on the list (none is allowed) could not copy it.
        tree_nodes_ -= std::min(tree_nodes_, nodes);
        top.nodes -= nodes;
        sink_->take(std::move(n), top.handed++, offset_);
        return;
      }
      top.node.items.push_back(std::move(n));
      return;
    }
    if (top.expecting_key) {
      if (top.node.keys.size() >= kMaxItems) too_many(n);
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
  [[noreturn]] void too_many(const YamlNode& n) {
    diags_.push_back({Severity::error, {file_, n.line, n.column}, "limit.too_many_items",
                      {{"limit", std::to_string(kMaxItems)}}});
    failed = true;
    throw LimitReached{};
  }

  const std::string& file_;
  Diagnostics& diags_;
  const ColumnMap& columns_;
  std::vector<Open> stack_;
  int skipped_depth_ = 0;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t written_ = 0;      // nodes written out in the document
  std::size_t alias_nodes_ = 0;  // nodes that aliases added
  std::size_t tree_nodes_ = 0;   // nodes in the tree (neither skipped nor handed to the sink)
  std::size_t offset_ = 0;       // the byte offset of the latest event
  const YamlListSink* sink_;
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

// The first carriage return not followed by a line feed, as a diagnostic:
// YAML files from classic Mac OS end their lines so, and yaml-cpp then sees
// one long line ("illegal map value").
bool lone_carriage_return(std::string_view text, const std::string& file, Diagnostics& diags) {
  for (std::size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1)) {
    if (at + 1 < text.size() && text[at + 1] == '\n') continue;
    const std::string_view before = text.substr(0, at);
    const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    int column = 1;
    for (std::size_t i = line_start; i < at; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    diags.push_back({Severity::error, {file, line, column}, "yaml.lone_carriage_return", {}});
    return true;
  }
  return false;
}

// A tab in the indentation of line0 (0-based) or the line before it, where a
// syntax error was found: YAML indents with spaces only, and yaml-cpp's own
// words for it ("illegal map value") do not say so. Its 1-based line and
// column, or {0, 0}.
std::pair<int, int> tab_in_indentation(std::string_view text, int line0) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size() && static_cast<int>(starts.size()) <= line0; ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  for (int l = std::min<int>(line0, static_cast<int>(starts.size()) - 1); l >= std::max(0, line0 - 1); --l) {
    int column = 1;
    for (std::size_t i = starts[static_cast<std::size_t>(l)]; i < text.size(); ++i, ++column) {
      if (text[i] == '\t') return {l + 1, column};
      if (text[i] != ' ' && text[i] != '-') break;  // "- " starts an item; a tab after it indents too
    }
  }
  return {0, 0};
}

}  // namespace

YamlDocument parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags,
                        const YamlListSink* sink) {
  YamlDocument doc;
  if (auto bad = encoding_problem(text)) {
    MessageArgs args{{"file", file}, {"converted", utf8_copy_name(file)}};
    if (!bad->encoding.empty()) args.emplace_back("encoding", std::string(bad->encoding));
    diags.push_back({Severity::error, {file, bad->line, bad->column}, std::string(bad->key), std::move(args)});
    return doc;
  }
  if (has_utf8_bom(text)) text.remove_prefix(3);
  if (lone_carriage_return(text, file, diags)) return doc;
  if (only_blank_or_comments(text)) {
    diags.push_back({Severity::error, {file, 1, 1}, "file.empty", {}});
    return doc;
  }
  TextBuffer buffer(text);
  std::istream in(&buffer);
  const ColumnMap columns(text);
  TreeBuilder builder(file, diags, columns, sink);
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
  } catch (const LimitReached&) {
    return doc;
  } catch (const YAML::Exception& e) {
    if (auto [line, column] = tab_in_indentation(text, e.mark.line); line > 0)
      diags.push_back({Severity::error, {file, line, column}, "yaml.tab_indentation", {}});
    else
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
  doc.streamed = builder.streamed;
  return doc;
}

bool read_file(const std::string& path, std::string& out, Diagnostics& diags) {
  return read_regular_file(path, FileLimits{}, out, diags);
}

}  // namespace ipz
