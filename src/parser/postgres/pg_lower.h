#pragma once
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "ir/ir.h"
#include "parser/postgres/pg_json.h"
#include "parser/postgres/pg_scan.h"

namespace ddlint::parser::pg {

using element = json::Element;

// Lowers one RawStmt's statement node into IR. `base` is the byte offset of
// the parsed text within the file (non-zero when a file is parsed statement
// by statement); `tokens` covers the whole file, sorted by offset.
class Lowerer {
 public:
  Lowerer(std::string_view file_text, const std::vector<Token>& tokens) : text_(file_text), tokens_(tokens) {}

  ir::Statement lower(element stmt, uint32_t base, TextRange range);

  // Trims a raw [begin,end) span to its first and last token.
  TextRange trim_to_tokens(uint32_t begin, uint32_t end) const;

  // The statement `piece` holds, read from its tokens alone, when it is an
  // INSERT of constant rows (seed data) that PostgreSQL's grammar accepts:
  //   INSERT INTO [schema.]table [(column, ...)] VALUES (value, ...), ...
  // with each value a number (optionally negated), a plain '...' string,
  // TRUE, FALSE, NULL, DEFAULT or a call of a function by its plain name
  // with such arguments (`nextval('s')`, `now()`), and each name an identifier that needs no
  // truncation (a keyword only when the grammar takes it as a name). The
  // statement is the one lowering its parse tree gives; anything else gives
  // nothing (and the piece is parsed). `piece` must be a whole statement:
  // the caller checks what ends it.
  std::optional<ir::Statement> simple_insert(TextRange piece) const;

  // The token list changed (a file read a group at a time scans each group
  // into it): the tokens of the last range trim_to_tokens gave are gone.
  void tokens_changed() { near_first_ = near_end_ = 0; }

 private:
  // token helpers
  // The first token with begin >= offset. Searched among the tokens of the
  // last range trim_to_tokens gave (the statement being lowered: most
  // lookups fall inside it) when the answer is there or right after it,
  // else among all the file's tokens.
  size_t token_index_at(uint32_t offset) const {
    auto by_begin = [](const Token& t, uint32_t off) { return t.begin < off; };
    const size_t lo = near_first_;
    const size_t hi = near_end_;
    if (lo < hi && tokens_[lo].begin < offset) {
      if (offset <= tokens_[hi - 1].begin)
        return static_cast<size_t>(std::lower_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                    tokens_.begin() + static_cast<std::ptrdiff_t>(hi) - 1,
                                                    offset, by_begin) -
                                   tokens_.begin());
      if (hi == tokens_.size() || offset <= tokens_[hi].begin) return hi;
    }
    return static_cast<size_t>(std::lower_bound(tokens_.begin(), tokens_.end(), offset, by_begin) -
                               tokens_.begin());
  }
  // The text of token i; empty past the last token or for a token outside the text.
  std::string_view token_text(size_t i) const {
    if (i >= tokens_.size()) return {};
    const auto& t = tokens_[i];
    if (t.end > text_.size() || t.end < t.begin) return {};
    return text_.substr(t.begin, t.end - t.begin);
  }
  bool token_is(size_t i, std::string_view word) const;  // case-insensitive keyword/punct
  uint32_t qualified_name_end(size_t i) const;
  uint32_t element_end(size_t i, bool keyword_stops) const;
  size_t find_token(size_t from, uint32_t limit, std::string_view word) const;
  TextRange find_name(const ir::QualifiedName& n, TextRange within) const;

  // lowering helpers
  uint32_t loc(element e) const;
  ir::QualifiedName range_var(element rv) const;
  // The name a list of String nodes spells; `drop_last` parts are left off
  // the end first (the table of `table.column` or of `table.trigger`).
  ir::QualifiedName name_list(element list, TextRange within, size_t drop_last = 0) const;
  ir::TypeName type_name(element tn) const;
  ir::Expr expr_after(element raw, uint32_t start, bool keyword_stops) const;
  ir::Expr expr_in_range(element raw, TextRange r) const;
  // column_def and constraint build into `out`, a default-constructed
  // object (most often the one just added to the list that keeps it).
  void column_def(element cd, TextRange hint, ir::ColumnDef& out) const;
  void constraint(element c, bool inline_constraint, uint32_t end_hint, ir::Constraint& out) const;
  std::vector<TextRange> split_actions(TextRange stmt, uint32_t after) const;

  ir::StatementNode create_table(element n, TextRange r);
  ir::StatementNode create_table_as(element n, TextRange r);
  ir::StatementNode alter_table(element n, TextRange r);
  ir::StatementNode create_index(element n, TextRange r);
  ir::StatementNode drop(element n, TextRange r);
  ir::StatementNode rename(element n, TextRange r);
  ir::StatementNode variable_set(element n);
  ir::StatementNode reindex(element n, TextRange r);
  ir::StatementNode vacuum(element n);
  ir::StatementNode alter_domain(element n, TextRange r);
  ir::StatementNode create_domain(element n, TextRange r);
  ir::StatementNode lock(element n);
  ir::StatementNode transaction(element n);
  ir::StatementNode dml(std::string_view kind, element n);  // UpdateStmt, DeleteStmt, InsertStmt
  ir::RowSelection row_selection(element n) const;
  bool filter_term(element term, std::string_view relname, std::string_view alias,
                   ir::ColumnFilter& out) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  uint32_t base_ = 0;
  // The tokens [near_first_, near_end_) of the last range trim_to_tokens
  // gave: where token_index_at looks first.
  mutable size_t near_first_ = 0;
  mutable size_t near_end_ = 0;
  // simple_insert's last INSERT read: the text of its tokens from the table
  // name to VALUES, and the table they name.
  mutable std::vector<std::string_view> last_header_;
  mutable ir::QualifiedName last_table_;
};

}  // namespace ddlint::parser::pg
