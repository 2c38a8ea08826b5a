// Unit tests for util/uscc: Unified Social Credit Code verification.
#include <catch2/catch.hpp>
#include <string>

#include "util/uscc.h"

using Status = ipz::UsccCheck::Status;

TEST_CASE("check_uscc: accepts codes whose check character matches", "[uscc]") {
  for (const char* code : {"91350100M000100Y43", "91110108551385082Q"}) {
    INFO(code);
    const auto result = ipz::check_uscc(code);
    CHECK(result.status == Status::ok);
    CHECK(result.position == 0);
  }
}

TEST_CASE("check_uscc: a wrong check character reports the expected one", "[uscc]") {
  const auto result = ipz::check_uscc("91110108551385082A");
  CHECK(result.status == Status::bad_check_character);
  CHECK(result.position == 18);
  CHECK(result.expected_check == 'Q');

  const auto other = ipz::check_uscc("91350100M000100Y44");
  CHECK(other.status == Status::bad_check_character);
  CHECK(other.expected_check == '3');
}

TEST_CASE("check_uscc: a mistyped body character breaks the check", "[uscc]") {
  const auto result = ipz::check_uscc("91110108551385083Q");
  CHECK(result.status == Status::bad_check_character);
  CHECK(result.position == 18);
}

TEST_CASE("check_uscc: length other than 18 bytes is bad_length", "[uscc]") {
  CHECK(ipz::check_uscc("").status == Status::bad_length);
  CHECK(ipz::check_uscc("91110108551385082").status == Status::bad_length);
  CHECK(ipz::check_uscc("91110108551385082QQ").status == Status::bad_length);
}

TEST_CASE("check_uscc: letters I, O, Z, S, V are bad characters", "[uscc]") {
  for (const char letter : {'I', 'O', 'Z', 'S', 'V'}) {
    std::string code = "91110108551385082Q";
    code[8] = letter;
    INFO(code);
    const auto result = ipz::check_uscc(code);
    CHECK(result.status == Status::bad_character);
    CHECK(result.position == 9);
  }
}

TEST_CASE("check_uscc: lower case letters are bad characters", "[uscc]") {
  const auto result = ipz::check_uscc("91110108551385082q");
  CHECK(result.status == Status::bad_character);
  CHECK(result.position == 18);

  const auto body = ipz::check_uscc("91350100m000100Y43");
  CHECK(body.status == Status::bad_character);
  CHECK(body.position == 9);
}

TEST_CASE("check_uscc: the first bad character is reported", "[uscc]") {
  const auto result = ipz::check_uscc("9111-108 55138508Q");
  CHECK(result.status == Status::bad_character);
  CHECK(result.position == 5);
}

TEST_CASE("check_uscc: non-ASCII bytes are bad characters, length in bytes", "[uscc]") {
  // U+FF19 (fullwidth digit nine) is 3 bytes: 3 + 16 ASCII = 19 bytes.
  CHECK(ipz::check_uscc("\xEF\xBC\x99" "110108551385082Q").status == Status::bad_length);
  // 3 + 15 ASCII = 18 bytes, the first of which is not in the alphabet.
  const auto result = ipz::check_uscc("\xEF\xBC\x99" "10108551385082Q");
  CHECK(result.status == Status::bad_character);
  CHECK(result.position == 1);
}
