// Checks of the hand-written MySQL lexer against the generated one, for the
// tests (a run never builds the generated lexer).
#include "parser/mysql/mysql_lexer_check.h"

#include <cstddef>
#include <string>
#include <string_view>

#include "MySqlLexer.h"
#include "parser/mysql/mysql_keywords.h"
#include "parser/mysql/mysql_lexer.h"

namespace ddlint::parser::mysql {

using L = ddlint_mysql_grammar::MySqlLexer;

std::string compare_with_generated_lexer(std::string_view text) {
  const std::string copy(text);
  antlr4::ANTLRInputStream stream(copy);
  L generated(&stream);
  generated.removeErrorListeners();
  FastLexer fast(text);
  auto show = [&](const antlr4::Token& t) {
    const size_t type = t.getType();
    std::string name = type == antlr4::Token::EOF ? "EOF" : generated.getVocabulary().getSymbolicName(type);
    return name + " `" + t.getText() + "` @" + std::to_string(t.getStartIndex()) + ".." +
           std::to_string(t.getStopIndex() + 1);
  };
  for (size_t n = 0;; ++n) {
    auto a = fast.nextToken();
    auto b = generated.nextToken();
    if (a->getType() != b->getType() || a->getStartIndex() != b->getStartIndex() ||
        a->getStopIndex() != b->getStopIndex() ||
        (a->getType() != antlr4::Token::EOF && a->getText() != b->getText()))
      return "token " + std::to_string(n) + ": " + show(*a) + " vs generated " + show(*b);
    if (a->getType() == antlr4::Token::EOF) return {};
  }
}

std::string compare_keyword_table_with_probing() {
  const auto table = keyword_table();
  const auto probed = probe_keywords();
  auto show = [](std::string_view spelling, size_t type) {
    return std::string(spelling) + " (" + std::to_string(type) + ")";
  };
  for (size_t i = 0; i < table.size() || i < probed.size(); ++i) {
    if (i >= table.size())
      return "entry " + std::to_string(i) + ": none vs probed " + show(probed[i].first, probed[i].second);
    if (i >= probed.size())
      return "entry " + std::to_string(i) + ": " + show(table[i].spelling, table[i].type) + " vs probed none";
    if (table[i].spelling != probed[i].first || table[i].type != probed[i].second)
      return "entry " + std::to_string(i) + ": " + show(table[i].spelling, table[i].type) + " vs probed " +
             show(probed[i].first, probed[i].second);
  }
  return {};
}

}  // namespace ddlint::parser::mysql
