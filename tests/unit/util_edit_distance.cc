// Unit tests for util/edit_distance: Levenshtein distance and "did you mean".
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "util/edit_distance.h"

using Strings = std::vector<std::string>;

TEST_CASE("edit_distance: classic Levenshtein on ASCII", "[edit_distance]") {
  CHECK(ipz::edit_distance("", "") == 0);
  CHECK(ipz::edit_distance("abc", "") == 3);
  CHECK(ipz::edit_distance("", "abc") == 3);
  CHECK(ipz::edit_distance("kitten", "sitting") == 3);
  CHECK(ipz::edit_distance("carrier_typ", "carrier_type") == 1);
  CHECK(ipz::edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("edit_distance: counts Chinese characters, not bytes", "[edit_distance]") {
  CHECK(ipz::edit_distance("海定区", "海淀区") == 1);
  CHECK(ipz::edit_distance("海淀区", "海淀") == 1);
  CHECK(ipz::edit_distance("朝阳区", "海淀区") == 2);
}

TEST_CASE("edit_distance: is case-sensitive", "[edit_distance]") {
  CHECK(ipz::edit_distance("Name", "name") == 1);
}

TEST_CASE("closest_matches: a field name missing its last letter finds the field", "[edit_distance]") {
  const Strings fields = {"company_name", "carrier_type", "uscc", "registered_capital",
                          "carrier_types"};
  const Strings matches = ipz::closest_matches("carrier_typ", fields);
  REQUIRE_FALSE(matches.empty());
  CHECK(matches.front() == "carrier_type");
  CHECK(matches == Strings{"carrier_type", "carrier_types"});
}

TEST_CASE("closest_matches: a mistyped district finds the district", "[edit_distance]") {
  const Strings districts = {"东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区",
                             "门头沟区", "房山区"};
  const Strings matches = ipz::closest_matches("海定区", districts);
  CHECK(matches == Strings{"海淀区"});
}

TEST_CASE("closest_matches: best first, ties in candidate order", "[edit_distance]") {
  // Distances to "abcdef": 2, 1, 1, 0.
  const Strings candidates = {"abcdxx", "abcdez", "abxdef", "abcdef"};
  CHECK(ipz::closest_matches("abcdef", candidates) == Strings{"abcdef", "abcdez", "abxdef"});
}

TEST_CASE("closest_matches: returns at most `limit` matches", "[edit_distance]") {
  const Strings candidates = {"cat", "bat", "hat", "rat", "mat"};
  CHECK(ipz::closest_matches("fat", candidates).size() == 3);
  CHECK(ipz::closest_matches("fat", candidates, 2) == Strings{"cat", "bat"});
  CHECK(ipz::closest_matches("fat", candidates, 0).empty());
}

TEST_CASE("closest_matches: case-insensitive prefix or substring qualifies", "[edit_distance]") {
  const Strings candidates = {"registered_capital", "name", "Capital_Currency"};
  // Both qualify by substring; the nearer one (distance 10 vs 11) comes first.
  CHECK(ipz::closest_matches("capital", candidates) ==
        Strings{"Capital_Currency", "registered_capital"});
  CHECK(ipz::closest_matches("REG", candidates) == Strings{"registered_capital"});
  // The candidate inside the word qualifies too.
  CHECK(ipz::closest_matches("the_name_field", candidates) == Strings{"name"});
}

TEST_CASE("closest_matches: single code point words need no substring match", "[edit_distance]") {
  const Strings candidates = {"xyz", "axe"};
  CHECK(ipz::closest_matches("x", {"xyzzy"}).empty());
  CHECK(ipz::closest_matches("x", candidates).empty());
}

TEST_CASE("closest_matches: unrelated words are not suggested", "[edit_distance]") {
  const Strings fields = {"company_name", "carrier_type", "uscc"};
  CHECK(ipz::closest_matches("established", fields).empty());
  CHECK(ipz::closest_matches("", fields).empty());
}
