#include "analysis/migration_order.h"

#include <algorithm>
#include <cstddef>

namespace ddlint::analysis {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// A run of digits as '0', its significant length and its significant digits:
// byte order is then numeric order, and a number still sorts where a digit
// would against any other character.
void append_number(std::string& out, std::string_view digits) {
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  digits.remove_prefix(lead);
  out += '0';
  out += static_cast<char>(std::min<size_t>(digits.size(), 0x7f) + 0x20);
  out += digits;
}

void append_natural(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (!digit(text[i])) {
      // The run of other bytes up to the next digit, in one append.
      size_t j = i + 1;
      while (j < text.size() && !digit(text[j])) ++j;
      out.append(text.data() + i, j - i);
      i = j;
      continue;
    }
    size_t j = i;
    while (j < text.size() && digit(text[j])) ++j;
    append_number(out, text.substr(i, j - i));
    i = j;
  }
}

// Flyway's versioned (V), undo (U) and repeatable (R) file names: the
// version's digits separated by `.` or `_`, then `__` and a description.
// Returns the length of `V<version>` (0 when `name` is not one).
size_t flyway_version_end(std::string_view name) {
  if (name.size() < 4 || (name[0] != 'V' && name[0] != 'U') || !digit(name[1])) return 0;
  size_t i = 1;
  while (i < name.size()) {
    while (i < name.size() && digit(name[i])) ++i;
    if (name.substr(i, 2) == "__") return i;
    if (i + 1 < name.size() && (name[i] == '.' || name[i] == '_') && digit(name[i + 1])) {
      ++i;
      continue;
    }
    return 0;
  }
  return 0;
}

}  // namespace

std::string migration_order_folder_key(std::string_view dir) {
  std::string key;
  key.reserve(dir.size() + 64);
  append_natural(key, dir);
  return key;
}

void append_migration_order_name_key(std::string& key, std::string_view name) {
  char rank = '0';  // an up migration; '1': the down migration read right after it
  std::string base;
  if (name == "down.sql") {
    base = "up.sql";
    rank = '1';
  } else if (const size_t v = flyway_version_end(name); v > 0) {
    if (name[0] == 'U') rank = '1';
    // V, each version part by value, then an end lower than any separator:
    // V1 before V1.1 before V1.2 before V2.
    key += 'V';
    for (size_t i = 1; i < v;) {
      size_t j = i;
      while (j < v && digit(name[j])) ++j;
      append_number(key, name.substr(i, j - i));
      if (j < v) key += '\x02';
      i = j + 1;
    }
    key += '\x01';
    append_natural(key, name.substr(v));
    key += '\0';
    key += rank;
    return;
  } else if (name.starts_with("R__")) {
    key += '\x7f';  // repeatable migrations run after every versioned one
    append_natural(key, name);
    key += '\0';
    key += rank;
    return;
  } else {
    base = std::string(name);
    for (const auto& [down, up] : {std::pair<std::string_view, std::string_view>{".down.sql", ".up.sql"},
                                   std::pair<std::string_view, std::string_view>{"_down.sql", "_up.sql"}}) {
      if (name.size() > down.size() && name.ends_with(down)) {
        base = std::string(name.substr(0, name.size() - down.size())) + std::string(up);
        rank = '1';
        break;
      }
    }
  }
  append_natural(key, base);
  key += '\0';
  key += rank;
}

std::string migration_order_key(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
  std::string key;
  key.reserve(path.size() + 16);
  append_natural(key, dir);
  append_migration_order_name_key(key, path.substr(dir.size()));
  return key;
}

bool migration_order_less(std::string_view a, std::string_view b) {
  const std::string ka = migration_order_key(a);
  const std::string kb = migration_order_key(b);
  if (ka != kb) return ka < kb;
  return a < b;
}

}  // namespace ddlint::analysis
