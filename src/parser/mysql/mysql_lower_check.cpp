// MySQL lowering: the checks the grammar leaves to the token level.
//
// The grammar reads expressions as balanced token runs, so it accepts runs the
// server rejects. Before lowering, a parsed statement is checked for the
// plainly invalid forms that cost little to see: an empty SET list or an
// assignment without `=`, a WHERE/HAVING/ON with no condition, an expression
// that starts or ends with a binary operator, two literals with no operator
// between them, VALUES rows that are not parenthesised lists, and words after
// a complete table definition that are no table option. Each is reported as a
// syntax error at the offending token.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

namespace {

// Is `w` one of `words` (lower-case), ignoring ASCII case?
bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (const std::string_view x : words) {
    if (x.size() != w.size()) continue;
    size_t k = 0;
    while (k < w.size() && (w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] + 32) : w[k]) == x[k]) ++k;
    if (k == w.size()) return true;
  }
  return false;
}

}  // namespace

size_t Lowerer::type_at(size_t i) const {
  return i < tokens_.size() ? tokens_[i]->getType() : static_cast<size_t>(antlr4::Token::EOF);
}

std::string_view Lowerer::id_at(size_t i) const {
  return type_at(i) == P::ID ? text(range(tokens_[i])) : std::string_view();
}

std::string_view Lowerer::word_at(size_t i) const {
  const size_t type = type_at(i);
  if (type == antlr4::Token::EOF || !is_word(type) || type == P::BQ_ID) return {};
  return text(range(tokens_[i]));
}

size_t Lowerer::end_index() const { return tokens_.empty() ? 0 : tokens_.size() - 1; }

size_t Lowerer::after_group(size_t i) const {
  int depth = 0;
  for (; i < end_index(); ++i) {
    if (type_at(i) == P::LPAREN) ++depth;
    if (type_at(i) == P::RPAREN && --depth == 0) return i + 1;
  }
  return end_index();
}

// Operators that need an operand on both sides.
bool Lowerer::binary_operator(size_t i) const {
  const size_t type = type_at(i);
  if (type == P::EQ || type == P::ASSIGN || type == P::AND || type == P::OR) return true;
  if (type != P::OTHER) return false;
  const char c = tokens_[i]->getText()[0];
  return c == '*' || c == '/' || c == '%' || c == '<' || c == '>' || c == '|' || c == '&' || c == '^';
}

// Tokens an expression cannot end with: binary operators, signs, `!`, `~`,
// NOT and a dot.
bool Lowerer::trailing_operator(size_t i) const {
  const size_t type = type_at(i);
  if (binary_operator(i) || type == P::MINUS || type == P::PLUS || type == P::NOT || type == P::DOT)
    return true;
  return is_other(i, '!') || is_other(i, '~');
}

// Does a WHERE/HAVING condition end before token i: the end of its
// parentheses or of the statement, or the next clause at its level?
bool Lowerer::clause_end_at(size_t i) const {
  const size_t type = type_at(i);
  if (i >= end_index() || type == P::RPAREN || type == P::SEMI || type == P::ORDER || type == P::INTO ||
      type == P::LOCK || type == P::ON || type == P::WHERE)
    return true;
  return one_of(id_at(i),
                {"group", "having", "window", "limit", "union", "except", "intersect", "for", "returning"});
}

size_t Lowerer::condition_end(size_t b) const {
  size_t i = b;
  while (!clause_end_at(i)) i = type_at(i) == P::LPAREN ? after_group(i) : i + 1;
  return i;
}

// Where a join's ON condition starting at `b` ends: as a WHERE condition
// does, or at the next join, the SET of a multi-table UPDATE, or a comma.
size_t Lowerer::join_condition_end(size_t b) const {
  size_t i = b;
  while (i < end_index()) {
    if (type_at(i) == P::LPAREN) {
      i = after_group(i);
      continue;
    }
    if (type_at(i) == P::SET || type_at(i) == P::COMMA ||
        one_of(id_at(i), {"join", "inner", "left", "right", "cross", "straight_join", "natural", "full"}))
      return i;
    if (clause_end_at(i)) return i;
    ++i;
  }
  return i;
}

// The expression [b, e): not empty, no binary operator at its start, no
// operator at its end, no two literals side by side (outside parentheses).
std::optional<Rejection> Lowerer::check_expression(size_t b, size_t e, std::string_view what) const {
  if (b >= e) return Rejection{b, std::string(what) + " is empty"};
  if (binary_operator(b)) return Rejection{b, std::string(what) + " starts with an operator"};
  if (trailing_operator(e - 1)) return Rejection{e, std::string(what) + " ends with an operator"};
  size_t previous = 0;  // no token yet
  for (size_t i = b; i < e;) {
    const size_t type = type_at(i);
    if (type == P::LPAREN) {
      const size_t close = after_group(i) - 1;
      if (auto r = check_group(i, close, i > b ? i - 1 : SIZE_MAX)) return r;
      previous = P::RPAREN;
      i = close + 1;
      continue;
    }
    const bool number = type == P::NUMBER;
    const bool string = type == P::STRING || type == P::DQ_STRING;
    if ((number && (previous == P::NUMBER || previous == P::STRING || previous == P::DQ_STRING)) ||
        (string && previous == P::NUMBER))
      return Rejection{i, "two values with no operator between them"};
    previous = type;
    ++i;
  }
  return std::nullopt;
}

// A parenthesised group inside an expression, `(` at `open`, `)` at `close`,
// the token before it at `before` (SIZE_MAX: none). A parenthesised
// expression or row (`(a OR b)`, `IN (1, 2)`, `(a, b) = (1, 2)`) holds
// expressions; a function's arguments (`f(x)`, `CAST(x AS CHAR)`) and a
// subquery are read by other rules and are not checked here.
std::optional<Rejection> Lowerer::check_group(size_t open, size_t close, size_t before) const {
  if (type_at(close) != P::RPAREN) return std::nullopt;
  if (before != SIZE_MAX && is_word(type_at(before)) &&
      !one_of(word_at(before), {"in", "and", "or", "not", "xor", "when", "then", "else"}))
    return std::nullopt;
  const size_t first = type_at(open + 1);
  if (first == P::SELECT || first == P::WITH || first == P::VALUES || first == P::TABLE) return std::nullopt;
  size_t item = open + 1;
  for (size_t k = item; k <= close;) {
    if (type_at(k) == P::COMMA || k == close) {
      if (auto r = check_expression(item, k, "the expression in parentheses")) return r;
      item = ++k;
      continue;
    }
    k = type_at(k) == P::LPAREN ? after_group(k) : k + 1;
  }
  return std::nullopt;
}

// `col = value [, col = value ...]` from `b` up to a top-level word or token
// in `stop` (or the end of the statement).
std::optional<Rejection> Lowerer::check_assignments(size_t b, std::initializer_list<size_t> stop_tokens,
                                                    std::initializer_list<std::string_view> stop_words,
                                                    std::string_view clause) const {
  auto stops = [&](size_t i) {
    const size_t type = type_at(i);
    return i >= end_index() || type == P::SEMI ||
           std::find(stop_tokens.begin(), stop_tokens.end(), type) != stop_tokens.end() ||
           one_of(id_at(i), stop_words);
  };
  size_t i = b;
  for (;;) {
    if (stops(i) || !is_name_token(type_at(i)))
      return Rejection{i, std::string(clause) + (i == b ? " needs `column = value`"
                                                        : " needs another `column = value` after `,`")};
    ++i;
    while (type_at(i) == P::DOT && is_name_token(type_at(i + 1))) i += 2;
    if (type_at(i) != P::EQ && type_at(i) != P::ASSIGN)
      return Rejection{i, std::string(clause) + " needs `=` after the column name"};
    const size_t value = ++i;
    while (!stops(i) && type_at(i) != P::COMMA && type_at(i) != P::RPAREN)
      i = type_at(i) == P::LPAREN ? after_group(i) : i + 1;
    if (auto r = check_expression(value, i, "the value after `=`")) return r;
    if (type_at(i) != P::COMMA) return std::nullopt;
    ++i;
  }
}

// INSERT ... VALUES|VALUE: `(row) [, (row) ...]` (MySQL also `ROW(...)`),
// then nothing, an alias (AS), ON DUPLICATE KEY UPDATE or RETURNING.
std::optional<Rejection> Lowerer::check_rows(size_t values) const {
  size_t i = values + 1;
  for (;;) {
    if (one_of(id_at(i), {"row"}) && type_at(i + 1) == P::LPAREN) ++i;
    if (type_at(i) != P::LPAREN) return Rejection{i, "VALUES needs a parenthesised row: `(1, 'a')`"};
    const size_t close = after_group(i) - 1;
    if (type_at(close) == P::RPAREN && close > i + 1) {  // `()` is an empty row
      size_t item = i + 1;
      for (size_t k = item; k <= close;) {
        if (type_at(k) == P::COMMA || k == close) {
          if (auto r = check_expression(item, k, "the value")) return r;
          item = k + 1;
          ++k;
          continue;
        }
        k = type_at(k) == P::LPAREN ? after_group(k) : k + 1;
      }
    }
    i = close + 1;
    const size_t type = type_at(i);
    if (i >= end_index() || type == P::SEMI || type == P::AS || type == P::ON ||
        one_of(id_at(i), {"returning"}))
      return std::nullopt;
    if (type != P::COMMA) return Rejection{i, "expected `,` and another row after a VALUES row"};
    ++i;
  }
}

// A table option written without `=` must be one the server knows (MariaDB
// takes any other name as an engine-defined option, which needs `=`).
std::optional<Rejection> Lowerer::check_table_option(P::TableOptionContext* o, bool alter) const {
  if (o->charsetKeyword() != nullptr || o->COLLATE() != nullptr) return std::nullopt;
  const auto words = o->ident();
  if (o->WITH() != nullptr) {
    if (words.size() == 2 && lower_ascii(text(words[0])) == "system" &&
        lower_ascii(text(words[1])) == "versioning")
      return std::nullopt;
    return Rejection{words.empty() ? o->start->getTokenIndex() : words[0]->start->getTokenIndex(),
                     "expected SYSTEM VERSIONING after WITH"};
  }
  if (words.size() == 2 || o->INDEX() != nullptr) {  // DATA DIRECTORY [=] '...', INDEX DIRECTORY [=] '...'
    if ((o->INDEX() != nullptr || lower_ascii(text(words[0])) == "data") &&
        lower_ascii(text(words.back())) == "directory")
      return std::nullopt;
    return Rejection{o->start->getTokenIndex(),
                     "`" + std::string(text(TextRange{range(o->start).begin, range(words.back()).end})) +
                         "` is no table option"};
  }
  if (o->EQ() != nullptr || words.size() != 1) return std::nullopt;
  const std::string name = lower_ascii(text(words[0]));
  if (one_of(name, {"engine",
                    "type",
                    "auto_increment",
                    "avg_row_length",
                    "checksum",
                    "table_checksum",
                    "page_checksum",
                    "comment",
                    "compression",
                    "connection",
                    "delay_key_write",
                    "encryption",
                    "insert_method",
                    "key_block_size",
                    "max_rows",
                    "min_rows",
                    "pack_keys",
                    "password",
                    "row_format",
                    "stats_auto_recalc",
                    "stats_persistent",
                    "stats_sample_pages",
                    "tablespace",
                    "storage",
                    "union",
                    "transactional",
                    "secondary_engine",
                    "engine_attribute",
                    "secondary_engine_attribute",
                    "autoextend_size",
                    "sequence",
                    "start"}))
    return std::nullopt;
  if (alter && one_of(name, {"enable", "disable", "discard", "import", "remove", "upgrade"}))
    return std::nullopt;
  return Rejection{words[0]->start->getTokenIndex(),
                   "`" + std::string(text(words[0])) + "` is no table option (an engine option needs `=`)"};
}

std::optional<Rejection> Lowerer::check(P::StatementContext* s) const {
  auto* update = s->updateStatement();
  auto* del = s->deleteStatement();
  auto* insert = s->insertStatement();
  auto* create = s->createTable();
  auto* alter = s->alterTable();

  // Table options after a complete definition (CREATE TABLE) or as ALTER items.
  if (create != nullptr) {
    if (auto* d = ddlint_fast::exact<P::TableDefinitionContext>(create->createTableBody()))
      if (auto* options = d->tableOptions())
        for (auto* o : options->tableOption())
          if (auto r = check_table_option(o, false)) return r;
    if (auto* d = ddlint_fast::exact<P::TableAsSelectContext>(create->createTableBody()))
      if (auto* options = d->tableOptions())
        for (auto* o : options->tableOption())
          if (auto r = check_table_option(o, false)) return r;
  }
  if (alter != nullptr && alter->alterList() != nullptr) {
    for (auto* item : alter->alterList()->alterItem())
      if (auto* options = ddlint_fast::exact<P::AlterTableOptionsContext>(item))
        for (auto* o : options->tableOption())
          if (auto r = check_table_option(o, true)) return r;
  }
  // SET var = value (session statement): each value is one expression.
  if (auto* set = ddlint_fast::exact<P::SetAssignmentsContext>(s->setStatement())) {
    for (auto* item : set->setItem()) {
      P::SetValueContext* value = nullptr;
      if (auto* x = ddlint_fast::exact<P::SetVariableContext>(item)) value = x->setValue();
      if (auto* x = ddlint_fast::exact<P::SetSystemVariableContext>(item)) value = x->setValue();
      if (auto* x = ddlint_fast::exact<P::SetUserVariableContext>(item)) value = x->setValue();
      if (value == nullptr) continue;
      if (auto r = check_expression(value->start->getTokenIndex(), value->stop->getTokenIndex() + 1,
                                    "the value after `=`"))
        return r;
    }
  }
  if (update == nullptr && del == nullptr && insert == nullptr && create == nullptr) return std::nullopt;

  // UPDATE: the SET list.
  if (update != nullptr) {
    size_t i = update->tableName()->stop->getTokenIndex() + 1;
    while (i < end_index() && type_at(i) != P::SET && type_at(i) != P::WHERE)
      i = type_at(i) == P::LPAREN ? after_group(i) : i + 1;
    if (type_at(i) != P::SET) return Rejection{i, "UPDATE needs SET `column = value`"};
    if (auto r = check_assignments(i + 1, {P::WHERE, P::ORDER}, {"limit"}, "SET")) return r;
  }
  // INSERT: VALUES rows, SET list, ON DUPLICATE KEY UPDATE list.
  if (insert != nullptr) {
    if (auto* v = ddlint_fast::exact<P::InsertValuesContext>(insert->insertSource())) {
      if (auto r = check_rows(v->start->getTokenIndex())) return r;
    } else if (auto* set = ddlint_fast::exact<P::InsertSetContext>(insert->insertSource())) {
      if (auto r = check_assignments(set->start->getTokenIndex() + 1, {P::ON}, {"returning"}, "SET"))
        return r;
    }
    for (size_t i = insert->start->getTokenIndex(); i + 3 < end_index();) {
      if (type_at(i) == P::LPAREN) {
        i = after_group(i);
        continue;
      }
      if (type_at(i) == P::ON && one_of(id_at(i + 1), {"duplicate"}) && type_at(i + 2) == P::KEY &&
          type_at(i + 3) == P::UPDATE) {
        if (auto r = check_assignments(i + 4, {}, {"returning"}, "ON DUPLICATE KEY UPDATE")) return r;
        break;
      }
      ++i;
    }
  }
  // Every WHERE / HAVING / join ON (subqueries included) holds one expression.
  for (size_t i = s->start->getTokenIndex(); i < end_index(); ++i) {
    const size_t type = type_at(i);
    if (type == P::WHERE || one_of(id_at(i), {"having"})) {
      const std::string what = type == P::WHERE ? "the WHERE condition" : "the HAVING condition";
      if (auto r = check_expression(i + 1, condition_end(i + 1), what)) return r;
    } else if (type == P::ON && create == nullptr && !one_of(id_at(i + 1), {"duplicate"})) {
      if (auto r = check_expression(i + 1, join_condition_end(i + 1), "the ON condition")) return r;
    }
  }
  return std::nullopt;
}

}  // namespace ddlint::parser::mysql
