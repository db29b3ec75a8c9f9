#pragma once
// Naming an earlier statement in a message: its text on one line, shortened.
#include <string>
#include <string_view>

namespace ddlint::rules {

// "ALTER TABLE users ADD COLUMN nickname text", blanks folded, cut after
// about 45 characters with "...".
inline std::string statement_snippet(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() > 48) return out.substr(0, 45) + "...";
  }
  return out;
}

}  // namespace ddlint::rules
