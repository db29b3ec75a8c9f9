#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddlint::parser::pg {

// One token of libpg_query's scanner, with byte offsets into the scanned text.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  int kind = 0;          // libpg_query Token enum value (ASCII value for punctuation)
  int keyword_kind = 0;  // 0 = not a keyword
};

struct ScanError {
  std::string message;
  uint32_t offset = 0;  // byte offset
};

// Scans `text` (which must be NUL-free) into tokens, comments excluded.
// Offsets are shifted by `base`. Returns the error when the scanner fails.
std::optional<ScanError> scan(std::string_view text, uint32_t base, std::vector<Token>& out);

// Converts libpg_query's 1-based character cursor position into a byte offset.
uint32_t cursor_to_byte(std::string_view text, int cursorpos);

}  // namespace ddlint::parser::pg
