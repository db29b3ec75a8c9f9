// Build-time tool: probes the generated MySQL lexer for its keyword spellings
// (probe_keywords()) and writes keyword_table() as C++, a constant table.
// Usage: ddlint_mysql_keywords_gen OUTPUT.cpp
#include <iostream>
#include <sstream>
#include <string>

#include "core/write_if_changed.h"
#include "parser/mysql/mysql_keywords.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ddlint_mysql_keywords_gen OUTPUT.cpp\n";
    return 2;
  }
  const auto table = ddlint::parser::mysql::probe_keywords();
  if (table.empty()) {
    std::cerr << "ddlint_mysql_keywords_gen: the generated lexer gave no keyword\n";
    return 1;
  }
  std::ostringstream o;
  o << "// Generated at build time by ddlint_mysql_keywords_gen from the generated MySQL lexer. Do not "
       "edit.\n"
    << "#include \"parser/mysql/mysql_keywords.h\"\n\nnamespace ddlint::parser::mysql {\n\n"
    << "namespace {\n\nconstexpr Keyword kKeywords[] = {\n";
  for (const auto& [spelling, type] : table) {
    // Token names are identifiers: nothing to escape.
    if (spelling.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) {
      std::cerr << "ddlint_mysql_keywords_gen: unexpected keyword spelling " << spelling << "\n";
      return 1;
    }
    o << "    {\"" << spelling << "\", " << type << "},\n";
  }
  o << "};\n\n}  // namespace\n\n"
    << "std::span<const Keyword> keyword_table() { return kKeywords; }\n\n"
    << "}  // namespace ddlint::parser::mysql\n";
  return ddlint::write_if_changed(argv[1], o.view()) ? 0 : 1;
}
