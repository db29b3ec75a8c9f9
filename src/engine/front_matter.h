#pragma once
// The TOML front matter of a rules.d page, as the catalog reads it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddlint::engine {

// One value of the front matter, in the shapes rule pages use.
struct FrontMatterValue {
  enum class Kind { String, Bool, Strings, Tables, Other };
  Kind kind = Kind::Other;
  std::string string;                                      // String
  bool boolean = false;                                    // Bool
  std::vector<std::string> strings;                        // Strings: an array of strings
  std::vector<std::map<std::string, std::string>> tables;  // Tables: an array of tables of strings
  bool operator==(const FrontMatterValue&) const = default;
};
using FrontMatter = std::map<std::string, FrontMatterValue, std::less<>>;

// Reads front matter written in the subset rule pages use, one `key = value`
// per line: basic or literal strings, true/false, arrays of strings and
// arrays of inline tables of strings, on one line; `#` comments. A rule run
// reads every page at start-up, and this costs a fraction of a general TOML
// parse. nullopt for anything else (the caller then parses it as TOML).
std::optional<FrontMatter> read_simple_front_matter(std::string_view text);

// Reads front matter as TOML (any TOML); values of other shapes are Other.
// Throws std::runtime_error with the parser's description on invalid TOML.
FrontMatter read_toml_front_matter(std::string_view text);

}  // namespace ddlint::engine
