#pragma once
// Naming an earlier statement in a message: its text on one line, shortened.
#include <string>
#include <string_view>

namespace ddlint::rules {

// Blanks and line breaks folded to single spaces, ends trimmed; with
// `limit`, a result longer than it is cut to `limit - 3` characters and "...".
inline std::string fold_blanks(std::string_view text, size_t limit = std::string::npos) {
  std::string out;
  // At most the text, or one character over the limit: the result never grows.
  out.reserve(limit < text.size() ? limit + 1 : text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() > limit) {
      out.resize(limit - 3);
      out += "...";
      return out;
    }
  }
  return out;
}

// "ALTER TABLE users ADD COLUMN nickname text", blanks folded, cut after
// about 45 characters with "...".
inline std::string statement_snippet(std::string_view text) { return fold_blanks(text, 48); }

}  // namespace ddlint::rules
