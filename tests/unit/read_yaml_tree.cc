// Unit tests for read/yaml_tree: YAML read into positioned nodes, and the
// checks yaml-cpp does not make (UTF-8, GBK, empty files, depth, duplicate
// keys, aliases, several documents), each a diagnostic at line:column.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

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

TEST_CASE("YAML: aliases load as the spec says: a copy of the anchored scalar, list or map", "[yaml][alias]") {
  // PyYAML writes an anchor and aliases for every object it meets twice.
  Diagnostics diags;
  auto doc = parse("a: &x 1\nb: *x\nlist: &l [甲, 乙]\nagain: *l\nmap: &m {k: v, n: [1, 2]}\ncopy: *m\n", diags);
  INFO(ipz::test::shown(diags));
  REQUIRE(diags.empty());
  REQUIRE(doc.ok);
  const YamlNode* b = doc.root.find("b");
  REQUIRE(b);
  CHECK(b->is_scalar());
  CHECK(b->text == "1");
  CHECK(b->line == 2);  // the copy is where the alias is
  CHECK(b->column == 4);
  const YamlNode* again = doc.root.find("again");
  REQUIRE(again);
  REQUIRE(again->is_sequence());
  REQUIRE(again->items.size() == 2);
  CHECK(again->items[1].text == "乙");
  CHECK(again->items[1].line == 3);  // what it holds, where that was written
  const YamlNode* copy = doc.root.find("copy");
  REQUIRE(copy);
  REQUIRE(copy->is_map());
  REQUIRE(copy->find("n"));
  CHECK(copy->find("n")->items.size() == 2);
  CHECK(copy->find("k")->text == "v");
}

TEST_CASE("YAML: an anchor named again is the new one from there on", "[yaml][alias]") {
  Diagnostics diags;
  auto doc = parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n", diags);
  REQUIRE(doc.ok);
  CHECK(doc.root.find("b")->text == "1");
  CHECK(doc.root.find("d")->text == "2");
}

TEST_CASE("YAML: an alias inside the node it names is yaml.alias_recursive", "[yaml][alias]") {
  Diagnostics diags;
  auto doc = parse("a: &x [1, *x]\n", diags);
  CHECK_FALSE(doc.ok);
  auto found = ipz::test::with_key(diags, "yaml.alias_recursive");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 1);
  CHECK(found[0].where.column == 11);
}

TEST_CASE("YAML: a billion laughs is limit.alias_expansion at once, naming the limit", "[yaml][alias][limit]") {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + static_cast<char>(c - 1);
    text += "]\n";
  }
  Diagnostics diags;
  auto doc = parse(text, diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "limit.alias_expansion");
  // Line 2 adds 10 copies of a's 11 nodes, within 10 times the 15 written out by then;
  // line 3's first alias adds b's 111 nodes, beyond 10 times the 17 written out by then.
  CHECK(diags[0].where.line == 3);
  CHECK(ipz::test::arg_of(diags[0].args, "written") == "17");
  CHECK(ipz::test::arg_of(diags[0].args, "factor") == "10");
  CHECK(ipz::test::arg_of(diags[0].args, "max") == "1000000");
  CHECK(ipz::test::arg_of(diags[0].args, "limit") == std::to_string(10 * std::stoi(ipz::test::arg_of(diags[0].args, "written").value_or("0"))));
}

TEST_CASE("YAML: aliases may add 10 times the nodes written out, not one more", "[yaml][alias][limit][boundary]") {
  // Written out: the root map, key a, the anchored list and its 4 items (7),
  // then key b and the list of aliases (9), then each key before an alias.
  // Each alias adds 5 nodes. With k aliases in b's list: 9 nodes written out,
  // 5k added; the budget is 90, so 18 aliases fit and 19 do not.
  auto doc_with = [](int aliases) {
    std::string text = "a: &x [1, 2, 3, 4]\nb: [";
    for (int i = 0; i < aliases; ++i) text += std::string(i ? ", " : "") + "*x";
    return text + "]\n";
  };
  {
    Diagnostics diags;
    auto doc = parse(doc_with(18), diags);
    INFO(ipz::test::shown(diags));
    CHECK(diags.empty());
    CHECK(doc.ok);
    CHECK(doc.root.find("b")->items.size() == 18);
  }
  Diagnostics diags;
  auto doc = parse(doc_with(19), diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "limit.alias_expansion");
  CHECK(ipz::test::arg_of(diags[0].args, "limit") == "90");
}

TEST_CASE("YAML: a value longer than 64 KiB is limit.value_too_long; 64 KiB is read", "[yaml][limit][boundary]") {
  {
    Diagnostics diags;
    auto doc = parse("a: " + std::string(65536, 'x') + "\n", diags);
    CHECK(diags.empty());
    CHECK(doc.root.find("a")->text.size() == 65536);
  }
  Diagnostics diags;
  auto doc = parse("a: 1\nb: " + std::string(65537, 'x') + "\n", diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "limit.value_too_long");
  CHECK(diags[0].where.line == 2);
  CHECK(diags[0].where.column == 4);
  CHECK(ipz::test::arg_of(diags[0].args, "limit") == "65536");
}

TEST_CASE("YAML: a list of a million items is read, one more is limit.too_many_items", "[yaml][limit][boundary]") {
  std::string text = "a: [";
  text.reserve(2000010);
  for (int i = 0; i < 1000000; ++i) text += i ? ",0" : "0";
  {
    Diagnostics diags;
    auto doc = parse(text + "]\n", diags);
    CHECK(diags.empty());
    CHECK(doc.root.find("a")->items.size() == 1000000);
  }
  Diagnostics diags;
  auto doc = parse(text + ",0]\n", diags);
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "limit.too_many_items");
  CHECK(diags[0].where.column == 5 + 2 * 1000000);
}

TEST_CASE("YAML: UTF-16, with or without a byte order mark, is file.utf16 naming the byte order", "[yaml][utf8]") {
  auto utf16 = [](const std::string& ascii, bool big_endian, bool bom) {
    std::string out = bom ? (big_endian ? "\xFE\xFF" : "\xFF\xFE") : "";
    for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
    return out;
  };
  // With Chinese in it (北京 is U+5317 U+4EAC), the way Notepad saves "Unicode".
  std::string le = utf16("format: x\nname: ", false, false) + "\x17\x53\xAC\x4E" + utf16("\n", false, false);
  for (const auto& [text, encoding] : {std::pair{le, "UTF-16LE"}, std::pair{utf16("a: 1\n", true, false), "UTF-16BE"},
                                       std::pair{utf16("a: 1\n", false, true), "UTF-16LE"},
                                       std::pair{utf16("a: 1\n", true, true), "UTF-16BE"}}) {
    auto d = only_diagnostic(text);
    CHECK(d.key == "file.utf16");
    CHECK(ipz::test::arg_of(d.args, "encoding") == encoding);
    CHECK(d.where.line == 1);
  }
}

TEST_CASE("YAML: CR-only line ends are yaml.lone_carriage_return where the first line ends", "[yaml]") {
  auto d = only_diagnostic("format: ipzone-dossier/1\rzone:\r  name: 甲\r");
  CHECK(d.key == "yaml.lone_carriage_return");
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 25);
  // CRLF is fine.
  Diagnostics diags;
  CHECK(parse("a: 1\r\nb: 2\r\n", diags).ok);
  CHECK(diags.empty());
}

TEST_CASE("YAML: indentation with a tab is yaml.tab_indentation at the tab", "[yaml]") {
  for (const auto& [text, line, column] :
       {std::tuple{"zone:\n\tname: x\n\tdistrict: y\n", 2, 1}, std::tuple{"zone:\n  name: x\n\tdistrict: y\n", 3, 1},
        std::tuple{"zone:\n  name: x\n  \tdistrict: y\n", 3, 3}}) {
    INFO(text);
    auto d = only_diagnostic(text);
    CHECK(d.key == "yaml.tab_indentation");
    CHECK(d.where.line == line);
    CHECK(d.where.column == column);
  }
  // A tab inside a value, or after the indentation, is no indentation.
  Diagnostics diags;
  CHECK(parse("a: \"x\ty\"\nb:\t1\n", diags).ok);
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

TEST_CASE("YAML: a sink gets the top-level list it names item by item; the tree keeps it empty", "[yaml][stream]") {
  std::vector<std::pair<std::size_t, std::string>> got;
  const ipz::YamlListSink sink{"rows", [&](YamlNode&& item, std::size_t i, std::size_t) {
                                 got.emplace_back(i, item.is_map() ? item.find("n")->text : item.text);
                               }};
  Diagnostics diags;
  auto doc = ipz::parse_yaml("a: 1\nrows:\n  - {n: x}\n  - y\nb: [1]\nc: {rows: [z]}\n", "t.yaml", diags, &sink);
  REQUIRE(diags.empty());
  REQUIRE(doc.ok);
  CHECK(doc.streamed);
  REQUIRE(got.size() == 2);  // not c.rows: only the top level's
  CHECK(got[0] == std::pair<std::size_t, std::string>{0, "x"});
  CHECK(got[1] == std::pair<std::size_t, std::string>{1, "y"});
  const YamlNode* rows = doc.root.find("rows");
  REQUIRE(rows);
  CHECK(rows->is_sequence());
  CHECK(rows->items.empty());
  CHECK(rows->line == 3);
  CHECK(doc.root.find("c")->find("rows")->items.size() == 1);
}

TEST_CASE("YAML: a sink's list with an anchor stays in the tree (an alias may copy it)", "[yaml][stream][alias]") {
  std::size_t handed = 0;
  const ipz::YamlListSink sink{"rows", [&](YamlNode&&, std::size_t, std::size_t) { ++handed; }};
  Diagnostics diags;
  auto doc = ipz::parse_yaml("rows: &r [1, 2]\nagain: *r\n", "t.yaml", diags, &sink);
  REQUIRE(doc.ok);
  CHECK_FALSE(doc.streamed);
  CHECK(handed == 0);
  CHECK(doc.root.find("again")->items.size() == 2);
}

TEST_CASE("YAML: more than 2,000,000 nodes in the tree is limit.too_many_nodes; a sink's rows do not count",
          "[yaml][stream][limit]") {
  std::string rows = "rows:\n";
  rows.reserve(8000010);
  for (int i = 0; i < 1000000; ++i) rows += "- [0]\n";  // 2,000,000 nodes
  std::size_t handed = 0;
  const ipz::YamlListSink sink{"rows", [&](YamlNode&&, std::size_t, std::size_t) { ++handed; }};
  {
    Diagnostics diags;
    auto doc = ipz::parse_yaml(rows, "t.yaml", diags, &sink);
    CHECK(diags.empty());
    CHECK(handed == 1000000);
  }
  Diagnostics diags;
  auto doc = ipz::parse_yaml(rows, "t.yaml", diags);  // no sink: all in the tree
  CHECK_FALSE(doc.ok);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "limit.too_many_nodes");
  CHECK(ipz::test::arg_of(diags[0].args, "limit") == "2000000");
}
