// Unit tests for util/similarity: edit distance (with transpositions) for ASCII,
// shared characters and runs for Chinese, and "did you mean".
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "util/similarity.h"

using Strings = std::vector<std::string>;

TEST_CASE("edit_distance: Levenshtein edits on ASCII", "[similarity]") {
  CHECK(ipz::edit_distance("", "") == 0);
  CHECK(ipz::edit_distance("abc", "") == 3);
  CHECK(ipz::edit_distance("", "abc") == 3);
  CHECK(ipz::edit_distance("kitten", "sitting") == 3);
  CHECK(ipz::edit_distance("carrier_typ", "carrier_type") == 1);
  CHECK(ipz::edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("edit_distance: counts Chinese characters, not bytes", "[similarity]") {
  CHECK(ipz::edit_distance("海定区", "海淀区") == 1);
  CHECK(ipz::edit_distance("海淀区", "海淀") == 1);
  CHECK(ipz::edit_distance("朝阳区", "海淀区") == 2);
}

TEST_CASE("edit_distance: is case-sensitive", "[similarity]") {
  CHECK(ipz::edit_distance("Name", "name") == 1);
}

TEST_CASE("closest_names: a field name missing its last letter finds the field", "[similarity]") {
  const Strings fields = {"company_name", "carrier_type", "uscc", "registered_capital",
                          "carrier_types"};
  const Strings matches = ipz::closest_names("carrier_typ", fields);
  REQUIRE_FALSE(matches.empty());
  CHECK(matches.front() == "carrier_type");
  CHECK(matches == Strings{"carrier_type", "carrier_types"});
}

TEST_CASE("closest_names: a mistyped district finds the district", "[similarity]") {
  const Strings districts = {"东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区",
                             "门头沟区", "房山区"};
  const Strings matches = ipz::closest_names("海定区", districts);
  CHECK(matches == Strings{"海淀区"});
}

TEST_CASE("closest_names: best first, ties in candidate order", "[similarity]") {
  // Distances to "abcdef": 2, 1, 1, 0.
  const Strings candidates = {"abcdxx", "abcdez", "abxdef", "abcdef"};
  CHECK(ipz::closest_names("abcdef", candidates) == Strings{"abcdef", "abcdez", "abxdef"});
}

TEST_CASE("closest_names: returns at most `limit` matches", "[similarity]") {
  const Strings candidates = {"cat", "bat", "hat", "rat", "mat"};
  CHECK(ipz::closest_names("fat", candidates).size() == 3);
  CHECK(ipz::closest_names("fat", candidates, 2) == Strings{"cat", "bat"});
  CHECK(ipz::closest_names("fat", candidates, 0).empty());
}

TEST_CASE("closest_names: case-insensitive prefix or substring qualifies", "[similarity]") {
  const Strings candidates = {"registered_capital", "name", "Capital_Currency"};
  // Both qualify by substring; the nearer one (distance 10 vs 11) comes first.
  CHECK(ipz::closest_names("capital", candidates) ==
        Strings{"Capital_Currency", "registered_capital"});
  CHECK(ipz::closest_names("REG", candidates) == Strings{"registered_capital"});
  // The candidate inside the word qualifies too.
  CHECK(ipz::closest_names("the_name_field", candidates) == Strings{"name"});
}

TEST_CASE("closest_names: single code point words need no substring match", "[similarity]") {
  const Strings candidates = {"xyz", "axe"};
  CHECK(ipz::closest_names("x", {"xyzzy"}).empty());
  CHECK(ipz::closest_names("x", candidates).empty());
}

TEST_CASE("closest_names: unrelated words are not suggested", "[similarity]") {
  const Strings fields = {"company_name", "carrier_type", "uscc"};
  CHECK(ipz::closest_names("established", fields).empty());
  CHECK(ipz::closest_names("", fields).empty());
}

TEST_CASE("edit_distance: a transposition of adjacent letters is one edit", "[similarity]") {
  CHECK(ipz::edit_distance("titel", "title") == 1);
  CHECK(ipz::edit_distance("ab", "ba") == 1);
  CHECK(ipz::edit_distance("carrier_tpye", "carrier_type") == 1);
  // Optimal string alignment: no substring is edited twice.
  CHECK(ipz::edit_distance("ca", "abc") == 3);
}

TEST_CASE("closest_names: transposed ASCII letters find the key", "[similarity]") {
  const Strings keys = {"name", "title", "text", "tile"};
  const Strings matches = ipz::closest_names("titel", keys);
  REQUIRE_FALSE(matches.empty());
  CHECK(matches.front() == "title");
}

TEST_CASE("closest_names: a Chinese name finds the names that share its characters and runs", "[similarity]") {
  // The 2441 taxonomy with its aliases, as the recognition rule set ships it.
  const Strings taxonomy = {"新一代信息技术", "医药健康", "集成电路", "智能网联汽车", "智能制造与装备",
                            "绿色能源与节能环保", "区块链与先进计算", "科技服务业", "智慧城市", "信息内容消费",
                            "生物技术与生命科学", "碳减排与碳中和", "前沿新材料", "量子信息", "光电",
                            "新一代数字技术", "软件和信息服务", "人工智能", "新能源智能汽车", "智能装备",
                            "节能环保", "科技服务", "新材料"};
  const Strings biomed = ipz::closest_names("生物医药", taxonomy);
  CHECK(biomed == Strings{"医药健康", "生物技术与生命科学"});
  CHECK(ipz::closest_names("集成电路设计", taxonomy).front() == "集成电路");
  CHECK(ipz::closest_names("技术服务", taxonomy).front() == "科技服务");
  // Nothing in common: nothing suggested.
  CHECK(ipz::closest_names("餐饮", taxonomy).empty());
}

TEST_CASE("closest_names: one shared character of three is not enough", "[similarity]") {
  const Strings districts = {"东城区", "西城区", "朝阳区", "海淀区", "石景山区"};
  CHECK(ipz::closest_names("海定区", districts) == Strings{"海淀区"});
  CHECK(ipz::closest_names("北城区", districts) == Strings{"东城区", "西城区"});
}

TEST_CASE("closest_names: an ASCII word never matches Chinese names, nor the reverse", "[similarity]") {
  const Strings mixed = {"海淀区", "haidian", "Haidian District"};
  CHECK(ipz::closest_names("haidain", mixed) == Strings{"haidian"});
  CHECK(ipz::closest_names("海淀", mixed) == Strings{"海淀区"});
}
