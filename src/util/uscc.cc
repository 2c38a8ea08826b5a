// The 18-character Unified Social Credit Code (GB 32100-2015): character set
// and check-character verification (weighted sum modulo 31).
#include "util/uscc.h"

#include <array>

namespace ipz {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::size_t kLength = 18;

// Value 0..30 of `c`, or -1 when `c` is not in the alphabet.
int value_of(char c) {
  const std::size_t i = kAlphabet.find(c);
  return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

}  // namespace

UsccCheck check_uscc(std::string_view code) {
  UsccCheck result;
  if (code.size() != kLength) {
    result.status = UsccCheck::Status::bad_length;
    return result;
  }
  int sum = 0;
  for (std::size_t i = 0; i < kLength; ++i) {
    const int value = value_of(code[i]);
    if (value < 0) {
      result.status = UsccCheck::Status::bad_character;
      result.position = i + 1;
      return result;
    }
    if (i < kWeights.size()) sum += value * kWeights[i];
  }
  const char expected = kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
  if (code[kLength - 1] != expected) {
    result.status = UsccCheck::Status::bad_check_character;
    result.position = kLength;
    result.expected_check = expected;
  }
  return result;
}

}  // namespace ipz
