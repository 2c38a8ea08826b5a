// The 18-character Unified Social Credit Code (GB 32100-2015): character set
// and check-character verification.
#pragma once

#include <cstddef>
#include <string_view>

namespace ipz {

struct UsccCheck {
  enum class Status { ok, bad_length, bad_character, bad_check_character } status = Status::ok;
  std::size_t position = 0;  // 1-based position of the first bad character (bad_character), or 18 (bad_check_character)
  char expected_check = 0;   // for bad_check_character: the check character the first 17 call for
};

// Length is counted in bytes. Any byte outside the code's character set
// ("0123456789ABCDEFGHJKLMNPQRTUWXY"), including non-ASCII bytes and lower
// case letters, is a bad character.
UsccCheck check_uscc(std::string_view code);

}  // namespace ipz
