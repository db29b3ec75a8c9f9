#pragma once
#include <cstddef>
#include <string_view>

namespace ddlint {

// End (exclusive) of the quoted literal or identifier whose opening quote is
// at `i`: a doubled quote is part of the text, and with `backslash_escapes`
// so is any backslash-escaped character. npos when it is not terminated.
// Shared by the front-ends' statement splitters.
inline size_t quoted_end(std::string_view t, size_t i, bool backslash_escapes) {
  const char quote = t[i];
  size_t e = i + 1;
  while (e < t.size()) {
    if (backslash_escapes && t[e] == '\\') {
      e += 2;
      continue;
    }
    if (t[e] == quote) {
      if (e + 1 < t.size() && t[e + 1] == quote) {
        e += 2;
        continue;
      }
      return e + 1;
    }
    ++e;
  }
  return std::string_view::npos;
}

}  // namespace ddlint
