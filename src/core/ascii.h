#pragma once
#include <string>
#include <string_view>

namespace ddlint {

// ASCII case folding (SQL keywords and unquoted identifiers; bytes >= 0x80
// are left alone, so UTF-8 text passes through unchanged).
inline std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

inline std::string ascii_upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return r;
}

}  // namespace ddlint
