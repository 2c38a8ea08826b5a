// Unit tests for read/yaml_tree: YAML read into positioned nodes, and the
// checks yaml-cpp does not make (UTF-8, GBK, empty files, depth, duplicate
// keys, aliases, several documents), each a diagnostic at line:column.
#include <catch2/catch.hpp>

#include <string>

#include "dossier_builder.h"
#include "read/yaml_tree.h"

using ipz::Diagnostics;
using ipz::YamlNode;

namespace {

ipz::YamlDocument parse(const std::string& text, Diagnostics& diags) { return ipz::parse_yaml(text, "t.yaml", diags); }

// The single diagnostic of text, which must have exactly one.
ipz::Diagnostic only_diagnostic(const std::string& text) {
  Diagnostics diags;
  auto doc = parse(text, diags);
  INFO(ipz::test::shown(diags));
  REQUIRE(diags.size() == 1);
  CHECK_FALSE(doc.ok);
  return diags.front();
}

std::string nested_lists(int depth) { return "a: " + std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']') + "\n"; }

}  // namespace

TEST_CASE("YAML: a map is read with keys in file order and 1-based lines and columns", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a: 1\nb:\n  c: [x, 'y']\n  d: ~\n", diags);
  REQUIRE(diags.empty());
  REQUIRE(doc.ok);
  const YamlNode& root = doc.root;
  REQUIRE(root.is_map());
  REQUIRE(root.keys.size() == 2);
  CHECK(root.keys[0].text == "a");
  CHECK(root.keys[0].line == 1);
  CHECK(root.keys[0].column == 1);
  CHECK(root.keys[1].text == "b");
  CHECK(root.keys[1].line == 2);
  const YamlNode* a = root.find("a");
  REQUIRE(a);
  CHECK(a->is_scalar());
  CHECK(a->text == "1");
  CHECK(a->line == 1);
  CHECK(a->column == 4);
  const YamlNode* b = root.find("b");
  REQUIRE(b);
  REQUIRE(b->is_map());
  const YamlNode* c = b->find("c");
  REQUIRE(c);
  REQUIRE(c->is_sequence());
  REQUIRE(c->items.size() == 2);
  CHECK(c->line == 3);
  CHECK(c->column == 6);
  CHECK(c->items[0].text == "x");
  CHECK_FALSE(c->items[0].quoted);
  CHECK(c->items[1].text == "y");
  CHECK(c->items[1].quoted);
  CHECK(c->items[1].column == 10);
  const YamlNode* d = b->find("d");
  REQUIRE(d);
  CHECK(d->is_null());
  CHECK(root.find("zz") == nullptr);
}

TEST_CASE("YAML: ~, null, Null, NULL and an empty value are null, a quoted 'null' is text", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: \"~\"\n", diags);
  REQUIRE(doc.ok);
  for (const char* k : {"a", "b", "c", "d", "e"}) {
    INFO(k);
    REQUIRE(doc.root.find(k));
    CHECK(doc.root.find(k)->is_null());
  }
  CHECK(doc.root.find("f")->is_scalar());
  CHECK(doc.root.find("f")->text == "null");
  CHECK(doc.root.find("g")->text == "~");
}

TEST_CASE("YAML: Chinese text is kept as UTF-8, columns count characters", "[yaml][utf8]") {
  Diagnostics diags;
  auto doc = parse("名称: 北京 \nx: [甲, 乙]\n", diags);
  REQUIRE(doc.ok);
  REQUIRE(doc.root.find("名称"));
  CHECK(doc.root.find("名称")->text == "北京");
  const YamlNode* x = doc.root.find("x");
  REQUIRE(x);
  REQUIRE(x->items.size() == 2);
  CHECK(x->items[1].text == "乙");
}

TEST_CASE("YAML: columns count characters, as the UTF-8 check does, not bytes", "[yaml][utf8]") {
  // yaml-cpp's marks count bytes: after 名称 (2 characters, 6 bytes) the
  // value starts at byte column 9 but character column 5. find_invalid_utf8
  // (file.gbk, file.not_utf8) counts characters, so the two disagree, and an
  // editor jumping to a column of a Chinese line lands in the wrong place.
  Diagnostics diags;
  auto doc = parse("名称: 北京\nx: [甲, 乙]\n", diags);
  REQUIRE(doc.ok);
  CHECK(doc.root.find("名称")->column == 5);
  CHECK(doc.root.find("x")->items[1].column == 8);
}

TEST_CASE("YAML: columns of many nodes on one line, and of a later line, count from that line's start",
          "[yaml][utf8][linear]") {
  // Columns are counted on from the previous node (one pass over a dossier
  // written as one line of JSON); each new line starts again at column 1.
  std::string line = "[";
  for (int i = 0; i < 200; ++i) line += std::string(i ? ", " : "") + "甲" + std::to_string(i);
  line += "]";
  Diagnostics diags;
  auto doc = parse("a: " + line + "\nb: [乙, 丙]\n", diags);
  REQUIRE(doc.ok);
  const YamlNode* a = doc.root.find("a");
  REQUIRE(a);
  REQUIRE(a->items.size() == 200);
  int column = 5;  // "a: [" is 4 characters
  for (int i = 0; i < 200; ++i) {
    INFO(i);
    CHECK(a->items[static_cast<std::size_t>(i)].column == column);
    column += 1 + static_cast<int>(std::to_string(i).size()) + 2;
  }
  const YamlNode* b = doc.root.find("b");
  REQUIRE(b);
  CHECK(b->items[0].column == 5);
  CHECK(b->items[1].column == 8);
}

TEST_CASE("YAML: an error behind the last node still gets its own column", "[yaml][utf8][linear]") {
  // The syntax error's mark lies before nodes already counted on its line.
  auto d = only_diagnostic("名称: [甲, 乙, 丙\n");
  CHECK(d.key == "yaml.syntax");
  CHECK(d.where.line >= 1);
  CHECK(d.where.column >= 1);
}

TEST_CASE("YAML: a UTF-8 byte order mark is accepted and not counted", "[yaml][utf8]") {
  Diagnostics diags;
  auto doc = parse("\xEF\xBB\xBF" "a: 1\nb: 2\n", diags);
  REQUIRE(diags.empty());
  REQUIRE(doc.ok);
  REQUIRE(doc.root.keys.size() == 2);
  CHECK(doc.root.keys[0].text == "a");
  CHECK(doc.root.keys[0].line == 1);
  CHECK(doc.root.keys[0].column == 1);
}

TEST_CASE("YAML: GBK bytes are file.gbk at the first bad byte", "[yaml][utf8]") {
  // 北京 in GBK: B1 B1 BE A9
  auto d = only_diagnostic("a: 1\nname: \xB1\xB1\xBE\xA9\n");
  CHECK(d.key == "file.gbk");
  CHECK(d.where.file == "t.yaml");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 7);
  CHECK(ipz::test::arg_of(d.args, "file") == "t.yaml");
}

TEST_CASE("YAML: other invalid UTF-8 is file.not_utf8", "[yaml][utf8]") {
  auto d = only_diagnostic("a: ok\nb: \xFF\n");
  CHECK(d.key == "file.not_utf8");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 4);
}

TEST_CASE("YAML: an empty file, blanks only, or comments only is file.empty at 1:1", "[yaml][empty]") {
  for (const char* text : {"", "\n\n", "   \n\t\n", "# a comment\n# another\n", "  # indented comment", "\xEF\xBB\xBF"}) {
    INFO("text: " << text);
    auto d = only_diagnostic(text);
    CHECK(d.key == "file.empty");
    CHECK(d.where.line == 1);
    CHECK(d.where.column == 1);
  }
}

TEST_CASE("YAML: a duplicate key is yaml.duplicate_key at the second, naming the first line", "[yaml][duplicate]") {
  auto d = only_diagnostic("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n");
  CHECK(d.key == "yaml.duplicate_key");
  CHECK(d.where.line == 5);
  CHECK(d.where.column == 3);
  CHECK(ipz::test::arg_of(d.args, "key") == "c");
  CHECK(ipz::test::arg_of(d.args, "first_line") == "3");
}

TEST_CASE("YAML: a key repeated three times names the line of its first occurrence each time",
          "[yaml][duplicate]") {
  // The loop that looks up the first occurrence keeps the last match, so the
  // third `a` reports the second one's line (2) instead of the first's (1).
  Diagnostics diags;
  parse("a: 1\na: 2\na: 3\n", diags);
  REQUIRE(diags.size() == 2);
  CHECK(ipz::test::arg_of(diags[0].args, "first_line") == "1");
  CHECK(ipz::test::arg_of(diags[1].args, "first_line") == "1");
}

TEST_CASE("YAML: in a map of many keys a duplicate is found, naming its first line", "[yaml][duplicate][linear]") {
  // Past 16 keys they are looked up by hash; the first line must still be the first.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k3: again\nk99: again\nk3: thrice\n";
  Diagnostics diags;
  parse(text, diags);
  REQUIRE(diags.size() == 3);
  CHECK(ipz::test::arg_of(diags[0].args, "key") == "k3");
  CHECK(ipz::test::arg_of(diags[0].args, "first_line") == "4");
  CHECK(diags[0].where.line == 101);
  CHECK(ipz::test::arg_of(diags[1].args, "first_line") == "100");
  CHECK(ipz::test::arg_of(diags[2].args, "first_line") == "4");
}

TEST_CASE("YAML: 100,000 distinct keys are no duplicates", "[yaml][duplicate][linear]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "k" + std::to_string(i) + ": 1\n";
  Diagnostics diags;
  auto doc = parse(text, diags);
  CHECK(diags.empty());
  CHECK(doc.ok);
  CHECK(doc.root.keys.size() == 100000);
}

TEST_CASE("YAML: duplicate keys in different maps are fine", "[yaml][duplicate]") {
  Diagnostics diags;
  auto doc = parse("a: {x: 1}\nb: {x: 2}\n", diags);
  CHECK(diags.empty());
  CHECK(doc.ok);
}

TEST_CASE("YAML: an alias is yaml.alias", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a: &x 1\nb: *x\n", diags);
  CHECK_FALSE(doc.ok);
  auto found = ipz::test::with_key(diags, "yaml.alias");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 2);
}

TEST_CASE("YAML: a key that is not a single value is yaml.complex_key", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("? [a, b]\n: 1\n", diags);
  CHECK_FALSE(doc.ok);
  auto found = ipz::test::with_key(diags, "yaml.complex_key");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 1);
}

TEST_CASE("YAML: 64 levels of nesting are read, 65 are yaml.too_deep", "[yaml][depth][boundary]") {
  {
    Diagnostics diags;
    auto doc = parse(nested_lists(63), diags);  // the root map plus 63 lists: 64 levels
    INFO(ipz::test::shown(diags));
    CHECK(diags.empty());
    CHECK(doc.ok);
  }
  Diagnostics diags;
  auto doc = parse(nested_lists(64), diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "yaml.too_deep");
  CHECK(diags[0].where.line == 1);
  CHECK(diags[0].where.column == 4 + 63);
  CHECK(ipz::test::arg_of(diags[0].args, "limit") == "64");
}

TEST_CASE("YAML: 10000 levels of nesting are yaml.too_deep, once, without a crash", "[yaml][depth]") {
  for (const std::string& text :
       {nested_lists(10000), "a: " + std::string(10000, '{') + std::string(10000, '}') + "\n",
        "a: " + std::string(10000, '[') + "\n"}) {
    Diagnostics diags;
    auto doc = parse(text, diags);
    CHECK_FALSE(doc.ok);
    CHECK(ipz::test::with_key(diags, "yaml.too_deep").size() <= 1);
    CHECK_FALSE(diags.empty());
    for (const auto& d : diags) {
      CHECK(d.where.line >= 1);
      CHECK(d.where.column >= 1);
    }
  }
  Diagnostics diags;
  parse(nested_lists(10000), diags);
  CHECK(ipz::test::with_key(diags, "yaml.too_deep").size() == 1);
}

TEST_CASE("YAML: a second document is yaml.several_documents where it starts", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a: 1\n---\nb: 2\n", diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "yaml.several_documents");
  CHECK(diags[0].where.line == 3);
}

TEST_CASE("YAML: an explicit start of the only document is fine", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("---\na: 1\n", diags);
  CHECK(diags.empty());
  CHECK(doc.ok);
}

TEST_CASE("YAML: a syntax error is yaml.syntax at its line", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a: 1\nb: [1, 2\nc: 3\n", diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "yaml.syntax");
  CHECK(diags[0].where.line >= 2);
  CHECK(ipz::test::arg_of(diags[0].args, "detail"));
}

TEST_CASE("YAML: bad indentation is yaml.syntax with a position", "[yaml]") {
  Diagnostics diags;
  auto doc = parse("a:\n  b: 1\n c: 2\n", diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "yaml.syntax");
  CHECK(diags[0].where.line == 3);
}

TEST_CASE("YAML: a top-level list and a top-level scalar are read (the dossier loader rejects them)", "[yaml]") {
  Diagnostics diags;
  auto list = parse("- a\n- b\n", diags);
  CHECK(list.ok);
  CHECK(list.root.is_sequence());
  auto scalar = parse("just text\n", diags);
  CHECK(scalar.ok);
  CHECK(scalar.root.is_scalar());
  CHECK(diags.empty());
}

TEST_CASE("YAML: describe_kind names the kind as a catalogue reference", "[yaml]") {
  YamlNode n;
  CHECK(ipz::describe_kind(n) == "\x01kind.null");
  n.kind = YamlNode::Kind::scalar;
  CHECK(ipz::describe_kind(n) == "\x01kind.scalar");
  n.kind = YamlNode::Kind::sequence;
  CHECK(ipz::describe_kind(n) == "\x01kind.list");
  n.kind = YamlNode::Kind::map;
  CHECK(ipz::describe_kind(n) == "\x01kind.map");
}

TEST_CASE("YAML: read_file reports a file that does not exist as file.not_found at line 0", "[yaml][file]") {
  Diagnostics diags;
  std::string out;
  CHECK_FALSE(ipz::read_file("/nonexistent/ipzone/unit/test.yaml", out, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "file.not_found");
  CHECK(diags[0].where.line == 0);
}

TEST_CASE("YAML: read_file reads a file byte for byte", "[yaml][file]") {
  Diagnostics diags;
  std::string out;
  REQUIRE(ipz::read_file(std::string(IPZONE_SOURCE_DIR) + "/rules/recognition/ruleset.yaml", out, diags));
  CHECK(diags.empty());
  CHECK(out.find("rule_set: recognition") != std::string::npos);
}
