#pragma once
// The MySQL keyword table of the hand-written lexer (mysql_lexer.cpp): each
// keyword token (ACTION .. ZEROFILL) with the spelling the generated lexer
// reads as that token. Found at build time by ddlint_mysql_keywords_gen, which
// probes the generated lexer once per keyword (probe_keywords()) and writes the
// table out as C++ (build/generated/mysql_keywords.cpp), so a run does not
// build an ANTLR lexer to learn it.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ddlint::parser::mysql {

struct Keyword {
  std::string_view spelling;  // upper case
  size_t type;                // the generated lexer's token type
};

// The generated table, sorted by spelling (bytewise).
std::span<const Keyword> keyword_table();

// The table as the generated lexer gives it now: for each keyword token, the
// first of its name and its name without a `_SYM` or `_` suffix (NULL_SYM)
// that lexes to it; sorted by spelling. For the generator and the tests.
std::vector<std::pair<std::string, size_t>> probe_keywords();

}  // namespace ddlint::parser::mysql
