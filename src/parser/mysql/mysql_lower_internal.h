#pragma once
// Internal to the MySQL front-end: the Lowerer class and helpers shared by the
// lowering files (mysql_lower*.cpp, one per statement family).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "MySqlParser.h"
#include "ir/ir.h"
#include "parser/mysql/fast_children.h"
#include "parser/mysql/mysql_lower.h"

namespace ddlint::parser::mysql {

using P = ddlint_mysql_grammar::MySqlParser;

// Lower-case / upper-case ASCII copy.
std::string lower_ascii(std::string_view s);
std::string upper_ascii(std::string_view s);
// Text of a quoted literal or identifier without its quotes: a doubled quote
// is one quote; in '...' and "..." a backslash escapes the next character.
std::string unquote(std::string_view s);
// Identifier-like tokens (identifiers and the keywords usable as names).
bool is_word(size_t type);
// Functions MySQL lets you call without parentheses.
bool is_bare_function(std::string_view w);
// Canonical names for the type synonyms the server rewrites (SHOW CREATE
// TABLE prints the canonical one).
std::string canonical_type(const std::string& t);

class Lowerer {
 public:
  Lowerer(std::string_view original, uint32_t base, const std::vector<antlr4::Token*>& tokens)
      : original_(original), base_(base), tokens_(tokens) {}

  TextRange range(antlr4::Token* t) const {
    return {base_ + static_cast<uint32_t>(t->getStartIndex()),
            base_ + static_cast<uint32_t>(t->getStopIndex()) + 1};
  }

  TextRange range(antlr4::tree::TerminalNode* n) const { return range(n->getSymbol()); }

  TextRange range(antlr4::ParserRuleContext* c) const {
    if (c == nullptr || c->start == nullptr) return {};
    antlr4::Token* stop = c->stop;
    if (stop == nullptr || stop->getTokenIndex() < c->start->getTokenIndex() ||
        stop->getType() == antlr4::Token::EOF) {
      const uint32_t b = base_ + static_cast<uint32_t>(c->start->getStartIndex());
      return {b, b};
    }
    return {range(c->start).begin, range(stop).end};
  }

  std::string_view text(TextRange r) const {
    return r.end <= original_.size() ? original_.substr(r.begin, r.size()) : std::string_view();
  }

  template <class T>
  std::string_view text(T* node) const {
    return text(range(node));
  }

  // Identifiers keep their spelling; backticks and double quotes are removed.
  std::string ident(P::IdentContext* c) const {
    if (c == nullptr) return {};
    const std::string_view s = text(c);
    if (s.size() >= 2 && (s.front() == '`' || s.front() == '"')) return unquote(s);
    return std::string(s);
  }

  // Column, index and constraint names: MySQL compares them case-insensitively.
  std::string name(P::IdentContext* c) const { return lower_ascii(ident(c)); }

  ir::QualifiedName table_name(P::TableNameContext* c) const {
    ir::QualifiedName q;
    if (c == nullptr) return q;
    q.range = range(c);
    if (c->second != nullptr) {
      q.schema = ident(c->first);
      q.name = ident(c->second);
    } else {
      q.name = ident(c->first);
    }
    return q;
  }

  std::string name_or_string(P::NameOrStringContext* c) const {
    if (c == nullptr) return {};
    if (c->STRING() != nullptr) return unquote(text(c));
    return ident(c->ident());
  }

  // Summary of the tokens [from, to] (inclusive token indices).
  ir::Expr expr(size_t from, size_t to) const;

  // INSERT ... SELECT: the tables named after the query's top-level FROM
  // (comma-separated) or TABLE; none for a parenthesised query.
  std::vector<ir::QualifiedName> query_sources(P::QuerySourceContext* q) const;

  ir::Expr expr(antlr4::ParserRuleContext* c) const;

  // The inside of a parenthesised group: `(a > 0)` -> `a > 0`.
  ir::Expr inner_expr(P::ParenGroupContext* c) const;

  ir::TypeName type(P::DataTypeContext* c) const;

  ir::Constraint references(P::ReferencesClauseContext* c, TextRange r) const;

  ir::ColumnDef column(P::ColumnDefContext* c) const;

  std::vector<std::string> key_parts(P::KeyPartsContext* c) const;

  ir::Constraint table_constraint(P::TableConstraintContext* c) const;

  // ADD INDEX/KEY/UNIQUE/FULLTEXT/SPATIAL (not PRIMARY KEY, FOREIGN KEY, CHECK).
  static bool is_index(ir::ConstraintKind k) {
    return k == ir::ConstraintKind::Index || k == ir::ConstraintKind::Unique ||
           k == ir::ConstraintKind::Fulltext || k == ir::ConstraintKind::Spatial;
  }

  static bool if_not_exists_in(P::TableConstraintContext* c) {
    for (auto* child : c->children)
      if (dynamic_cast<P::IfNotExistsContext*>(child)) return true;
    return false;
  }

  // ---- statements ----

  ir::CreateTable create_table(P::CreateTableContext* c) const;

  // One CREATE TABLE option: name upper-case (CHARSET for every spelling of
  // the default character set), value unquoted.
  ir::CreateTable::Option table_option(P::TableOptionContext* o) const;

  static std::string option_word(antlr4::ParserRuleContext* c) {
    // ALGORITHM = x / LOCK = x: the last token, upper-case.
    return upper_ascii(c->stop->getText());
  }

  ir::AlterAction action(P::AlterItemContext* item, ir::AlterTable& t) const;

  ir::AlterTable alter_table(P::AlterTableContext* c) const;

  ir::CreateIndex create_index(P::CreateIndexContext* c) const;

  // MySQL runs DROP INDEX as ALTER TABLE ... DROP INDEX: lowered the same way.
  ir::AlterTable drop_index(P::DropIndexContext* c) const;

  std::vector<ir::StatementNode> set_statement(P::SetStatementContext* statement) const;

  // ---- UPDATE/DELETE row selection (see ir::RowSelection) ----

  std::string token_text(size_t i) const { return std::string(text(range(tokens_[i]))); }

  std::string token_lower(size_t i) const { return lower_ascii(token_text(i)); }

  bool is_other(size_t i, char c) const {
    return i < tokens_.size() && tokens_[i]->getType() == P::OTHER && tokens_[i]->getText()[0] == c;
  }

  bool adjacent(size_t i) const {  // token i+1 starts right where token i ends
    return i + 1 < tokens_.size() && tokens_[i]->getStopIndex() + 1 == tokens_[i + 1]->getStartIndex();
  }

  static bool is_name_token(size_t type) { return is_word(type) || type == P::DQ_STRING; }

  // The alias written after the target table (`UPDATE orders o`, `... AS o`), if any.
  std::string alias_after(P::TableNameContext* t) const;

  // Does token range [b, e) hold only values that do not read the row?
  // `literal_only`: literals, signs, parameters and variables (range forms).
  bool value_only(size_t b, size_t e, bool literal_only, bool allow_list) const;

  // One top-level AND term [b, e): `[t.]col OP value`.
  void term(size_t b, size_t e, const ir::QualifiedName& table, const std::string& alias,
            ir::RowSelection& sel) const;

  ir::RowSelection selection(P::WhereClauseContext* w, const ir::QualifiedName& table,
                             const std::string& alias) const;

  // A WHERE with a condition: `WHERE` followed directly by ORDER BY, LIMIT or
  // nothing is not one (the server rejects it; it never limits rows).
  bool has_condition(P::WhereClauseContext* w) const;

  // The statement's own `LIMIT n` (outside parentheses: not a subquery's).
  bool has_limit(antlr4::ParserRuleContext* statement) const;
  // UPDATE: every `col = value` after SET (up to WHERE, ORDER BY or LIMIT)
  // assigns a literal (a number, a string, NULL, TRUE or FALSE).
  bool sets_constants(antlr4::ParserRuleContext* statement) const;

  ir::Transaction transaction(P::TransactionStatementContext* c) const;

  ir::Drop drop_names(ir::ObjectKind kind, const std::vector<P::TableNameContext*>& names) const;

  std::vector<ir::StatementNode> statement(P::StatementContext* s) const;

  // ---- checks the grammar leaves to the token level (mysql_lower_check.cpp) ----

  // The first reason the server would reject the statement, if any.
  std::optional<Rejection> check(P::StatementContext* s) const;
  size_t type_at(size_t i) const;            // EOF past the end
  std::string_view word_at(size_t i) const;  // a keyword or identifier as written, "" otherwise
  std::string_view id_at(size_t i) const;    // an identifier (no keyword token) as written, "" otherwise
  size_t end_index() const;                  // index of the end-of-input token
  size_t after_group(size_t i) const;        // i at `(`: the index after its `)`
  bool binary_operator(size_t i) const;
  bool trailing_operator(size_t i) const;
  bool clause_end_at(size_t i) const;
  size_t condition_end(size_t b) const;
  size_t join_condition_end(size_t b) const;
  std::optional<Rejection> check_expression(size_t b, size_t e, std::string_view what) const;
  std::optional<Rejection> check_assignments(size_t b, std::initializer_list<size_t> stop_tokens,
                                             std::initializer_list<std::string_view> stop_words,
                                             std::string_view clause) const;
  std::optional<Rejection> check_group(size_t open, size_t close, size_t before) const;
  std::optional<Rejection> check_rows(size_t values) const;
  std::optional<Rejection> check_table_option(P::TableOptionContext* o, bool alter) const;

  // MariaDB `WAIT n` / `NOWAIT` written in the statement: lock_wait_timeout
  // n / 0 for it alone.
  std::vector<ir::SetSetting> wait_settings(P::StatementContext* s) const;

 private:
  std::string_view original_;
  uint32_t base_;
  const std::vector<antlr4::Token*>& tokens_;
};

}  // namespace ddlint::parser::mysql
