#include "parser/postgres/pg_recover.h"

#include <pg_query.h>

#include <cctype>
#include <cstring>
#include <string>

namespace ddlint::parser::pg {

namespace {

constexpr int kUnreserved = 1;  // keyword_kind: UNRESERVED_KEYWORD
constexpr int kColName = 2;     // keyword_kind: COL_NAME_KEYWORD

// Reads the statement's tokens from left to right.
class Reader {
 public:
  Reader(std::string_view text, std::span<const Token> tokens) : text_(text), tokens_(tokens) {}

  bool done() const { return i_ >= tokens_.size(); }
  size_t pos() const { return i_; }
  std::string_view word(size_t k) const {
    return k < tokens_.size() ? text_.substr(tokens_[k].begin, tokens_[k].end - tokens_[k].begin)
                              : std::string_view();
  }
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(a[k])) != std::tolower(static_cast<unsigned char>(b[k])))
        return false;
    return true;
  }
  bool at(std::string_view w, size_t ahead = 0) const {
    const size_t k = i_ + ahead;
    return k < tokens_.size() && tokens_[k].kind != kIdent && same(word(k), w);
  }
  // Consumes `w` when it is next.
  bool accept(std::string_view w) {
    if (!at(w)) return false;
    ++i_;
    return true;
  }
  bool accept(std::string_view a, std::string_view b) {
    if (!at(a) || !at(b, 1)) return false;
    i_ += 2;
    return true;
  }
  bool accept(std::string_view a, std::string_view b, std::string_view c) {
    if (!at(a) || !at(b, 1) || !at(c, 2)) return false;
    i_ += 3;
    return true;
  }
  // An identifier, folded the way PostgreSQL folds it; false when the next
  // token is not one (or is a U&"..." form this reader does not decode).
  bool identifier(std::string& out, TextRange* range = nullptr) {
    if (done()) return false;
    const Token& t = tokens_[i_];
    if (t.kind == kUIdent) return false;
    if (t.kind != kIdent && t.keyword_kind != kUnreserved && t.keyword_kind != kColName) return false;
    const std::string_view w = word(i_);
    out.clear();
    if (!w.empty() && w.front() == '"') {
      if (w.size() < 2 || w.back() != '"') return false;
      for (size_t k = 1; k + 1 < w.size(); ++k) {
        out.push_back(w[k]);
        if (w[k] == '"') ++k;  // "" stands for one quote
      }
    } else {
      for (char c : w) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (range) *range = {t.begin, t.end};
    ++i_;
    return true;
  }
  // [catalog.][schema.]name
  bool name(ir::QualifiedName& out) {
    std::string parts[3];
    TextRange first;
    TextRange last;
    if (!identifier(parts[0], &first)) return false;
    last = first;
    size_t n = 1;
    while (n < 3 && at(".")) {
      ++i_;
      if (!identifier(parts[n], &last)) return false;
      ++n;
    }
    out.name = parts[n - 1];
    out.schema = n >= 2 ? parts[n - 2] : std::string();
    out.range = {first.begin, last.end};
    return true;
  }
  TextRange range(size_t k) const { return {tokens_[k].begin, tokens_[k].end}; }

 private:
  std::string_view text_;
  std::span<const Token> tokens_;
  size_t i_ = 0;
};

std::optional<ir::StatementNode> create(Reader& r) {
  ir::CreateTable ct;
  r.accept("global") || r.accept("local");
  if (r.accept("temp") || r.accept("temporary")) ct.temporary = true;
  if (r.accept("unlogged")) ct.unlogged = true;
  const bool unique = r.accept("unique");
  if (!unique && r.accept("table")) {
    ct.if_not_exists = r.accept("if", "not", "exists");
    if (!r.name(ct.table)) return std::nullopt;
    if (r.accept("as")) {
      ct.as_select = true;
    } else if (r.accept("partition", "of")) {
      ir::QualifiedName parent;
      if (!r.name(parent)) return std::nullopt;
      ct.partition_of = parent;
    } else if (!r.accept("(") && !r.accept("of")) {
      return std::nullopt;
    }
    return ct;  // no columns: the model knows the table, not its column list
  }
  if (!unique && !ct.temporary && !ct.unlogged && r.accept("materialized", "view")) {
    ct.object = ir::ObjectKind::MaterializedView;
    ct.as_select = true;
    ct.if_not_exists = r.accept("if", "not", "exists");
    if (!r.name(ct.table) || r.done()) return std::nullopt;
    return ct;
  }
  if (ct.temporary || ct.unlogged || !r.at("index")) return std::nullopt;
  ir::CreateIndex ci;
  ci.unique = unique;
  ci.keyword_range = r.range(r.pos());
  r.accept("index");
  ci.concurrently = r.accept("concurrently");
  ci.if_not_exists = r.accept("if", "not", "exists");
  if (!r.at("on") && !r.identifier(ci.name)) return std::nullopt;
  if (!r.accept("on")) return std::nullopt;
  ci.only = r.accept("only");
  if (!r.name(ci.table)) return std::nullopt;
  return ci;
}

// ALTER TABLE [IF EXISTS] [ONLY] t ADD [CONSTRAINT name] NOT NULL column
// (PostgreSQL 18): the column is NOT NULL afterwards.
std::optional<ir::StatementNode> alter(Reader& r) {
  if (!r.accept("table")) return std::nullopt;
  ir::AlterTable at;
  at.if_exists = r.accept("if", "exists");
  at.only = r.accept("only");
  if (!r.name(at.table) || !r.at("add")) return std::nullopt;
  const size_t begin = r.pos();
  r.accept("add");
  ir::AlterAction a;
  a.kind = ir::AlterKind::SetNotNull;
  if (r.accept("constraint") && !r.identifier(a.name)) return std::nullopt;
  if (!r.accept("not", "null") || !r.identifier(a.column) || !r.done()) return std::nullopt;
  a.range = {r.range(begin).begin, r.range(r.pos() - 1).end};
  at.actions.push_back(std::move(a));
  return at;
}

// No token.
constexpr size_t kNone = static_cast<size_t>(-1);

}  // namespace

int grammar_version() { return PG_VERSION_NUM / 10000; }

std::string grammar_description() {
  return std::string("libpg_query, PostgreSQL ") + PG_VERSION + " grammar";
}

std::optional<ir::StatementNode> recover(std::string_view text, std::span<const Token> tokens) {
  Reader r(text, tokens);
  if (r.accept("create")) {
    r.accept("or", "replace");
    return create(r);
  }
  if (r.accept("alter")) return alter(r);
  return std::nullopt;
}

NewerSyntax newer_syntax(std::string_view text, std::span<const Token> tokens, size_t error,
                         std::string_view message) {
  const Reader r(text, tokens);
  auto is = [&](size_t k, std::string_view w) {
    return k != kNone && k < tokens.size() && Reader::same(r.word(k), w);
  };
  const size_t before = error == 0 ? kNone : error - 1;
  const size_t two_before = error < 2 ? kNone : error - 2;
  NewerSyntax found;
  auto newer = [&](int version, std::string_view what) {
    found = {version, what};
    return true;
  };
  // The first token the grammar rejected, and what precedes it.
  [&] {
    if (message.find("subquery in FROM must have an alias") != std::string_view::npos)
      return newer(16, "a subquery in FROM without an alias");
    if (message.find("VALUES in FROM must have an alias") != std::string_view::npos)
      return newer(16, "VALUES in FROM without an alias");
    if (message.find("trailing junk after numeric literal") != std::string_view::npos) {
      const auto near = message.find("at or near \"");
      const std::string_view lit = near == std::string_view::npos ? "" : message.substr(near + 12);
      if (lit.size() >= 2 && std::isdigit(static_cast<unsigned char>(lit[0])) &&
          (lit[1] == '_' || (lit[0] == '0' && std::strchr("xXoObB", lit[1]) != nullptr)))
        return newer(16, lit[1] == '_' ? "a numeric literal with underscores"
                                       : "a hexadecimal, octal or binary integer literal");
      return false;
    }
    if (is(error, "not") && is(error + 1, "null") && error + 2 < tokens.size()) {
      // A table constraint `[CONSTRAINT name] NOT NULL column`.
      const bool named = is(two_before, "constraint");
      if (named || is(before, "add") || is(before, ",") || is(before, "("))
        return newer(18, "a NOT NULL table constraint");
    }
    if (is(error, "virtual") && is(before, ")")) return newer(18, "a virtual generated column");
    if (is(error, "enforced") && is(before, "not")) return newer(18, "a NOT ENFORCED constraint");
    if (is(error, "without") && is(error + 1, "overlaps")) return newer(18, "WITHOUT OVERLAPS");
    if (is(error, "json") && (is(before, "is") || (is(before, "not") && is(two_before, "is"))))
      return newer(16, "an IS JSON predicate");
    if (is(error, "expression") && is(before, "set")) return newer(17, "ALTER COLUMN ... SET EXPRESSION");
    if (is(error, "default") && is(before, "method") && is(two_before, "access"))
      return newer(17, "SET ACCESS METHOD DEFAULT");
    if (is(error, "storage") && !is(before, "set")) return newer(16, "STORAGE in a column definition");
    if (is(0, "reindex") && (is(before, "database") || is(before, "system")) && error + 1 >= tokens.size())
      return newer(16, "REINDEX DATABASE or SYSTEM without a name");
    if (is(0, "merge") && is(error, "returning")) return newer(17, "MERGE ... RETURNING");
    if (is(0, "merge") && is(error, "by") && is(before, "matched"))
      return newer(17, "WHEN NOT MATCHED BY SOURCE");
    // GENERATED ALWAYS AS (expr) without STORED: virtual, the default from 18.
    if (before != kNone && is(before, ")")) {
      int depth = 0;
      for (size_t k = before; k != kNone; --k) {
        if (is(k, ")")) ++depth;
        if (is(k, "(") && --depth == 0) {
          if (k >= 3 && is(k - 1, "as") && is(k - 2, "always") && is(k - 3, "generated"))
            return newer(18, "a virtual generated column");
          break;
        }
        if (k == 0) break;
      }
    }
    // SQL/JSON constructors and query functions: the error falls inside
    // their parentheses.
    int depth = 0;
    for (size_t k = error < tokens.size() ? error : tokens.size(); k-- > 0;) {
      if (is(k, ")")) {
        ++depth;
        continue;
      }
      if (!is(k, "(")) continue;
      if (depth > 0) {
        --depth;
        continue;
      }
      if (k > 0) {  // an enclosing group: what opens it
        const std::string_view f = r.word(k - 1);
        if (Reader::same(f, "json_table")) return newer(17, "JSON_TABLE");
        if (Reader::same(f, "json_query") || Reader::same(f, "json_value") || Reader::same(f, "json_exists"))
          return newer(17, "an SQL/JSON query function");
        if (Reader::same(f, "json_object") || Reader::same(f, "json_array") ||
            Reader::same(f, "json_objectagg") || Reader::same(f, "json_arrayagg"))
          return newer(16, "an SQL/JSON constructor");
      }
    }
    return false;
  }();
  if (found.version <= grammar_version()) return {};
  return found;
}

}  // namespace ddlint::parser::pg
