// MySQL lowering: UPDATE/DELETE row selection (see ir::RowSelection).
#include <algorithm>
#include <cctype>
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

// The alias written after the target table (`UPDATE orders o`, `... AS o`), if any.
std::string Lowerer::alias_after(P::TableNameContext* t) const {
  size_t i = t->stop->getTokenIndex() + 1;
  if (i >= tokens_.size()) return {};
  if (tokens_[i]->getType() == P::AS) ++i;
  if (i >= tokens_.size() || !is_word(tokens_[i]->getType())) return {};
  static constexpr std::string_view kNotAlias[] = {
      "set",   "join",  "inner", "left",      "right", "cross", "straight_join", "natural", "using",
      "where", "order", "limit", "partition", "from",  "use",   "force",         "ignore"};
  const std::string w = token_lower(i);
  if (tokens_[i]->getType() != P::BQ_ID &&
      std::find(std::begin(kNotAlias), std::end(kNotAlias), w) != std::end(kNotAlias))
    return {};
  const std::string raw = token_text(i);
  return raw.front() == '`' ? unquote(raw) : raw;
}

// Does token range [b, e) hold only values that do not read the row?
// `literal_only`: literals, signs, parameters and variables (range forms).
bool Lowerer::value_only(size_t b, size_t e, bool literal_only, bool allow_list) const {
  if (b >= e) return false;
  for (size_t i = b; i < e; ++i) {
    const size_t type = tokens_[i]->getType();
    if (type == P::NUMBER || type == P::HEX_NUMBER || type == P::STRING || type == P::DQ_STRING ||
        type == P::MINUS || type == P::PLUS || type == P::USER_VAR || type == P::SYS_VAR ||
        type == P::NULL_SYM)
      continue;
    if (is_other(i, '?')) continue;
    if (type == P::COMMA && allow_list) continue;
    if (literal_only) {
      const std::string w = is_word(type) ? token_lower(i) : "";
      if (w == "true" || w == "false") continue;
      return false;
    }
    if (type == P::LPAREN || type == P::RPAREN) continue;
    if (type == P::OTHER) {
      const char c = tokens_[i]->getText()[0];
      if (c == '*' || c == '/' || c == '%') continue;
      return false;
    }
    if (is_word(type) && type != P::BQ_ID) {
      const std::string w = token_lower(i);
      if (i + 1 < e && tokens_[i + 1]->getType() == P::LPAREN) continue;  // function call
      if (is_bare_function(w) || w == "true" || w == "false" || w == "interval") continue;
      static constexpr std::string_view kUnits[] = {"microsecond", "second", "minute",  "hour", "day",
                                                    "week",        "month",  "quarter", "year"};
      if (i > b && std::find(std::begin(kUnits), std::end(kUnits), w) != std::end(kUnits)) continue;
      // Introducers and string prefixes: _utf8mb4'x', N'x', b'0', x'ff'.
      if (i + 1 < e && tokens_[i + 1]->getType() == P::STRING &&
          (w.front() == '_' || w == "n" || w == "b" || w == "x"))
        continue;
    }
    return false;  // a column or anything else that may read the row
  }
  return true;
}

// One top-level AND term [b, e): `[t.]col OP value`.
void Lowerer::term(size_t b, size_t e, const ir::QualifiedName& table, const std::string& alias,
                   ir::RowSelection& sel) const {
  if (b >= e || !is_name_token(tokens_[b]->getType())) return;
  size_t i = b;
  std::string column;
  if (i + 2 < e && tokens_[i + 1]->getType() == P::DOT && is_name_token(tokens_[i + 2]->getType())) {
    std::string qualifier = token_text(i);
    if (qualifier.front() == '`' || qualifier.front() == '"') qualifier = unquote(qualifier);
    if (qualifier != table.name && (alias.empty() || lower_ascii(qualifier) != lower_ascii(alias))) return;
    i += 2;
  }
  column = token_text(i);
  if (column.front() == '`' || column.front() == '"') column = unquote(column);
  column = lower_ascii(column);
  const TextRange col_range{range(tokens_[b]).begin, range(tokens_[i]).end};
  ++i;
  if (i >= e) return;
  ir::FilterOp op = ir::FilterOp::Equal;
  const size_t type = tokens_[i]->getType();
  if (type == P::EQ) {
    ++i;
    // A scalar subquery: `col = (SELECT ...)`.
    if (i + 1 < e && tokens_[i]->getType() == P::LPAREN && tokens_[i + 1]->getType() == P::SELECT &&
        tokens_[e - 1]->getType() == P::RPAREN) {
      sel.filters.push_back({column, op, col_range});
      return;
    }
    if (!value_only(i, e, false, false)) return;
  } else if (is_other(i, '<') || is_other(i, '>')) {
    const bool less = is_other(i, '<');
    if (adjacent(i) && i + 1 < e && tokens_[i + 1]->getType() == P::EQ) {
      if (adjacent(i + 1) && is_other(i + 2, '>')) return;  // <=>
      op = less ? ir::FilterOp::LessEqual : ir::FilterOp::GreaterEqual;
      i += 2;
    } else if (adjacent(i) && less && is_other(i + 1, '>')) {
      return;  // <>
    } else {
      op = less ? ir::FilterOp::Less : ir::FilterOp::Greater;
      ++i;
    }
    if (!value_only(i, e, true, false)) return;
  } else if (is_word(type) && token_lower(i) == "in") {
    op = ir::FilterOp::In;
    ++i;
    if (i + 1 >= e || tokens_[i]->getType() != P::LPAREN || tokens_[e - 1]->getType() != P::RPAREN) return;
    if (tokens_[i + 1]->getType() == P::SELECT || tokens_[i + 1]->getType() == P::WITH) return;
    if (!value_only(i + 1, e - 1, false, true)) return;
  } else if (is_word(type) && token_lower(i) == "between") {
    op = ir::FilterOp::Between;
    ++i;
    size_t and_at = i;
    while (and_at < e && tokens_[and_at]->getType() != P::AND) ++and_at;
    if (and_at >= e || !value_only(i, and_at, true, false) || !value_only(and_at + 1, e, true, false)) return;
  } else {
    return;
  }
  sel.filters.push_back({column, op, col_range});
}

bool Lowerer::has_condition(P::WhereClauseContext* w) const {
  if (w == nullptr) return false;
  const size_t first = w->WHERE()->getSymbol()->getTokenIndex() + 1;
  if (w->stop == nullptr || w->stop->getTokenIndex() < first) return false;
  const size_t type = tokens_[first]->getType();
  if (type == P::ORDER || type == antlr4::Token::EOF) return false;
  return !(is_word(type) && type != P::BQ_ID && token_lower(first) == "limit");
}

bool Lowerer::sets_constants(antlr4::ParserRuleContext* statement) const {
  if (statement == nullptr || statement->stop == nullptr) return false;
  const size_t last = std::min<size_t>(statement->stop->getTokenIndex() + 1, tokens_.size());
  size_t i = statement->start->getTokenIndex();
  while (i < last && !(is_word(tokens_[i]->getType()) && token_lower(i) == "set")) ++i;
  if (i >= last) return false;
  bool any = false;
  for (++i; i < last;) {
    // col (or t.col) = literal
    size_t k = i;
    while (k < last && tokens_[k]->getType() != P::LPAREN && token_text(k) != "=") ++k;
    if (k == i || k + 1 >= last || token_text(k) != "=") return false;
    size_t v = k + 1;
    if (token_text(v) == "-" || token_text(v) == "+") ++v;
    if (v >= last) return false;
    const size_t type = tokens_[v]->getType();
    const std::string word = token_lower(v);
    if (type != P::NUMBER && type != P::HEX_NUMBER && type != P::STRING && type != P::NULL_SYM &&
        word != "true" && word != "false")
      return false;
    any = true;
    i = v + 1;
    if (i >= last || token_text(i) == ";") break;
    if (token_text(i) == ",") {
      ++i;
      continue;
    }
    const std::string next = token_lower(i);
    if (next == "where" || next == "order" || next == "limit") break;
    return false;
  }
  return any;
}

bool Lowerer::has_limit(antlr4::ParserRuleContext* statement) const {
  if (statement == nullptr || statement->stop == nullptr) return false;
  int depth = 0;
  const size_t last = statement->stop->getTokenIndex();
  for (size_t i = statement->start->getTokenIndex(); i < last && i + 1 < tokens_.size(); ++i) {
    const size_t type = tokens_[i]->getType();
    if (type == P::LPAREN) ++depth;
    if (type == P::RPAREN) --depth;
    if (depth != 0 || !is_word(type) || type == P::BQ_ID || token_lower(i) != "limit") continue;
    const size_t next = tokens_[i + 1]->getType();
    if (next == P::NUMBER || next == P::USER_VAR || is_other(i + 1, '?')) return true;
  }
  return false;
}

ir::RowSelection Lowerer::selection(P::WhereClauseContext* w, const ir::QualifiedName& table,
                                    const std::string& alias) const {
  ir::RowSelection sel;
  const size_t first = w->WHERE()->getSymbol()->getTokenIndex() + 1;
  size_t last = w->stop->getTokenIndex() + 1;  // exclusive
  // Top-level AND terms; any top-level OR / XOR / || leaves no filter.
  std::vector<std::pair<size_t, size_t>> terms;
  int depth = 0;
  size_t start = first;
  bool between = false;
  for (size_t i = first; i < last; ++i) {
    const size_t type = tokens_[i]->getType();
    if (type == P::LPAREN) ++depth;
    if (type == P::RPAREN) --depth;
    if (depth != 0) continue;
    const std::string w = is_word(type) && type != P::BQ_ID ? token_lower(i) : "";
    if (type == P::ORDER || w == "limit") {
      last = i;
      break;
    }
    if (type == P::OR || w == "xor" || (is_other(i, '|') && adjacent(i) && is_other(i + 1, '|'))) return sel;
    if (w == "between") between = true;
    const bool and_op = type == P::AND || (is_other(i, '&') && adjacent(i) && is_other(i + 1, '&'));
    if (and_op && between) {
      between = false;
      continue;
    }
    if (and_op) {
      terms.emplace_back(start, i);
      start = type == P::AND ? i + 1 : i + 2;
      if (type != P::AND) ++i;
    }
  }
  terms.emplace_back(start, last);
  for (const auto& [b, e] : terms) term(b, e, table, alias, sel);
  return sel;
}

std::vector<ir::QualifiedName> Lowerer::query_sources(P::QuerySourceContext* q) const {
  std::vector<ir::QualifiedName> out;
  if (q == nullptr || q->parenQuery() != nullptr) return out;
  // The top-level tokens (a parenthesised group is a null entry).
  std::vector<antlr4::tree::TerminalNode*> tokens;
  auto add = [&](antlr4::tree::ParseTree* child) {
    tokens.push_back(dynamic_cast<antlr4::tree::TerminalNode*>(child));
  };
  for (auto* child : q->children) {
    if (auto* r = ddlint_fast::exact<P::RestContext>(child)) {
      for (auto* inner : r->children) add(inner);
    } else {
      add(child);
    }
  }
  auto type = [&](size_t k) -> long {
    return k < tokens.size() && tokens[k] != nullptr ? static_cast<long>(tokens[k]->getSymbol()->getType())
                                                     : -1;
  };
  // A name: an identifier or a keyword MySQL accepts as one (a word).
  auto is_name = [&](size_t k) {
    if (type(k) == P::ID || type(k) == P::BQ_ID) return true;
    if (type(k) < 0) return false;
    const std::string_view s = text(tokens[k]);
    return !s.empty() && (std::isalpha(static_cast<unsigned char>(s.front())) != 0 || s.front() == '_');
  };
  auto name = [&](size_t k) {
    const std::string_view s = text(tokens[k]);
    return s.size() >= 2 && s.front() == '`' ? unquote(s) : std::string(s);
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (type(k) != P::FROM && !(k == 0 && type(k) == P::TABLE)) continue;
    size_t at = k + 1;
    while (is_name(at)) {
      ir::QualifiedName t;
      t.range = range(tokens[at]);
      t.name = name(at);
      if (type(at + 1) == P::DOT && is_name(at + 2)) {
        t.schema = t.name;
        t.name = name(at + 2);
        t.range.end = range(tokens[at + 2]).end;
        at += 2;
      }
      out.push_back(std::move(t));
      // `FROM a, b`; an alias (`FROM a x`, `FROM a AS x`) ends the list here.
      if (type(at + 1) != P::COMMA) break;
      at += 2;
    }
    break;
  }
  return out;
}

}  // namespace ddlint::parser::mysql
