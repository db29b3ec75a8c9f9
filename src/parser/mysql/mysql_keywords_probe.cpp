#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "MySqlLexer.h"
#include "parser/mysql/mysql_keywords.h"

namespace ddlint::parser::mysql {

std::vector<std::pair<std::string, size_t>> probe_keywords() {
  using L = ddlint_mysql_grammar::MySqlLexer;
  antlr4::ANTLRInputStream empty("");
  const L lexer(&empty);
  const auto& vocabulary = lexer.getVocabulary();
  std::vector<std::pair<std::string, size_t>> t;
  // A keyword token is named as it is spelled, or with a suffix where the
  // name would clash (NULL_SYM): the generated lexer says which spelling.
  for (size_t type = L::ACTION; type <= L::ZEROFILL; ++type) {
    const std::string name = vocabulary.getSymbolicName(type);
    std::vector<std::string> spellings = {name};
    for (std::string_view suffix : {"_SYM", "_"})
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        spellings.push_back(name.substr(0, name.size() - suffix.size()));
    for (const auto& spelling : spellings) {
      antlr4::ANTLRInputStream in(spelling);
      L probe(&in);
      probe.removeErrorListeners();
      auto tok = probe.nextToken();
      if (tok->getType() == type && tok->getText() == spelling) {
        t.emplace_back(spelling, type);
        break;
      }
    }
  }
  std::sort(t.begin(), t.end());
  return t;
}

}  // namespace ddlint::parser::mysql
