// MySQL lowering: text helpers, expressions and types shared by the statement families.
#include <algorithm>
#include <cctype>
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Text of a quoted literal or identifier without its quotes: a doubled quote
// is one quote; in '...' and "..." a backslash escapes the next character.
std::string unquote(std::string_view s) {
  if (s.size() < 2) return std::string(s);
  const char q = s.front();
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (q != '`' && c == '\\' && i + 2 < s.size()) {
      const char e = s[++i];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case 'b':
          out += '\b';
          break;
        case 'Z':
          out += '\x1a';
          break;
        default:
          out += e;
      }
      continue;
    }
    if (c == q && i + 2 < s.size() && s[i + 1] == q) ++i;
    out += c;
  }
  return out;
}

bool is_word(size_t type) {
  return type == P::ID || type == P::BQ_ID || (type >= P::ACTION && type <= P::ZEROFILL);
}

// Functions MySQL lets you call without parentheses.
bool is_bare_function(std::string_view w) {
  static constexpr std::string_view kNames[] = {"current_timestamp", "current_date",   "current_time",
                                                "localtime",         "localtimestamp", "utc_timestamp",
                                                "utc_date",          "utc_time",       "current_user"};
  return std::find(std::begin(kNames), std::end(kNames), w) != std::end(kNames);
}

// Canonical names for the type synonyms the server rewrites (SHOW CREATE
// TABLE prints the canonical one).
std::string canonical_type(const std::string& t) {
  static const std::pair<std::string_view, std::string_view> kSynonyms[] = {{"integer", "int"},
                                                                            {"int1", "tinyint"},
                                                                            {"int2", "smallint"},
                                                                            {"int3", "mediumint"},
                                                                            {"int4", "int"},
                                                                            {"int8", "bigint"},
                                                                            {"middleint", "mediumint"},
                                                                            {"dec", "decimal"},
                                                                            {"numeric", "decimal"},
                                                                            {"fixed", "decimal"},
                                                                            {"float4", "float"},
                                                                            {"float8", "double"},
                                                                            {"double precision", "double"},
                                                                            {"real", "double"},
                                                                            {"character", "char"},
                                                                            {"character varying", "varchar"},
                                                                            {"bool", "tinyint"},
                                                                            {"boolean", "tinyint"},
                                                                            {"long", "mediumtext"},
                                                                            {"long varchar", "mediumtext"},
                                                                            {"long varbinary", "mediumblob"},
                                                                            {"long binary", "mediumblob"}};
  if (t.rfind("national ", 0) == 0) return canonical_type(t.substr(9));
  for (const auto& [from, to] : kSynonyms)
    if (t == from) return std::string(to);
  return t;
}

// Summary of the tokens [from, to] (inclusive token indices).
ir::Expr Lowerer::expr(size_t from, size_t to) const {
  ir::Expr e;
  if (from > to || to >= tokens_.size()) return e;
  e.range = {range(tokens_[from]).begin, range(tokens_[to]).end};
  bool constant = true;
  size_t values = 0;
  size_t nulls = 0;
  for (size_t i = from; i <= to; ++i) {
    antlr4::Token* t = tokens_[i];
    const size_t type = t->getType();
    if (type == P::LPAREN || type == P::RPAREN) continue;
    ++values;
    if (type == P::NULL_SYM) {
      ++nulls;
      continue;
    }
    if (type == P::NUMBER || type == P::HEX_NUMBER || type == P::STRING || type == P::DQ_STRING ||
        type == P::MINUS || type == P::PLUS)
      continue;
    if (is_word(type)) {
      const std::string w = lower_ascii(text(range(t)));
      const bool call = i + 1 <= to && tokens_[i + 1]->getType() == P::LPAREN;
      if (call || (type != P::BQ_ID && is_bare_function(w))) {
        constant = false;
        if (std::find(e.functions.begin(), e.functions.end(), w) == e.functions.end())
          e.functions.push_back(w);
        continue;
      }
      const bool introducer = i + 1 <= to && tokens_[i + 1]->getType() == P::STRING &&
                              (w.front() == '_' || w == "b" || w == "x" || w == "n");
      if (w == "true" || w == "false" || introducer) {
        if (introducer) --values;
        continue;
      }
    }
    constant = false;
  }
  e.is_null = values == 1 && nulls == 1;
  e.is_constant = constant && values > 0;
  return e;
}

ir::Expr Lowerer::expr(antlr4::ParserRuleContext* c) const {
  return expr(c->start->getTokenIndex(), c->stop->getTokenIndex());
}

// The inside of a parenthesised group: `(a > 0)` -> `a > 0`.
ir::Expr Lowerer::inner_expr(P::ParenGroupContext* c) const {
  const size_t from = c->start->getTokenIndex() + 1;
  const size_t to = c->stop->getTokenIndex();
  if (to <= from) {
    ir::Expr e;
    e.range = {range(c->stop).begin, range(c->stop).begin};
    return e;
  }
  return expr(from, to - 1);
}

ir::TypeName Lowerer::type(P::DataTypeContext* c) const {
  ir::TypeName t;
  t.range = range(c);
  auto* n = c->typeName();
  std::string base;
  if (n->ident() != nullptr && n->children.size() == 1) {
    base = lower_ascii(ident(n->ident()));
  } else {
    // The words of the name, each as the tokens under it read, in lower case.
    for (auto* child : n->children) {
      if (!base.empty()) base += ' ';
      const size_t from = base.size();
      ddlint_fast::append_text(child, base);
      for (size_t i = from; i < base.size(); ++i)
        base[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(base[i])));
    }
  }
  t.name = canonical_type(base);
  if (auto* args = c->typeArgs())
    for (auto* a : args->typeArg()) t.modifiers.emplace_back(text(a));
  // BOOL/BOOLEAN are TINYINT(1), as the server stores and shows them.
  if ((base == "bool" || base == "boolean") && t.modifiers.empty()) t.modifiers.emplace_back("1");
  // CHAR without a length is CHAR(1), as the server shows it.
  if ((t.name == "char" || t.name == "nchar") && t.modifiers.empty()) t.modifiers.emplace_back("1");
  t.is_unsigned = !c->UNSIGNED().empty();
  return t;
}

}  // namespace ddlint::parser::mysql
