// PostgreSQL lowering: INSERT, UPDATE, DELETE and their row selection.
#include <cstdint>
#include <string>
#include <vector>

#include "parser/postgres/pg_lower_internal.h"

// libpg_query's keyword table (PostgreSQL's ScanKeywords and the grammar's
// category of each keyword).
extern "C" {
struct ScanKeywordList;
extern const struct ScanKeywordList ScanKeywords;
extern const uint8_t ScanKeywordCategories[];
int ScanKeywordLookup(const char* text, const struct ScanKeywordList* keywords);
}

namespace ddlint::parser::pg {

namespace {

constexpr size_t kNameMax = 63;  // NAMEDATALEN - 1: longer names are truncated

bool ident_start(unsigned char c) { return (kBytes.ident[c] & ByteTable::kIdentStart) != 0; }
bool ident_char(unsigned char c) { return (kBytes.ident[c] & ByteTable::kIdentChar) != 0; }

// The name a token spells where the grammar wants a ColId (an identifier,
// an unreserved keyword or a column-name keyword), folded as PostgreSQL
// folds it; false for anything else, and for a name it would truncate.
bool col_id(std::string_view w, std::string& out) {
  out.clear();
  if (w.size() >= 2 && w.front() == '"') {
    if (w.back() != '"' || w.size() == 2 || w.size() - 2 > kNameMax) return false;
    const std::string_view inner = w.substr(1, w.size() - 2);
    if (inner.find('"') != std::string_view::npos) return false;  // "" escapes: left to the parser
    out.assign(inner);
    return true;
  }
  if (w.empty() || w.size() > kNameMax || !ident_start(static_cast<unsigned char>(w.front()))) return false;
  out.assign(w);
  for (size_t k = 0; k < out.size(); ++k) {
    if (!ident_char(static_cast<unsigned char>(out[k]))) {
      out.resize(k);  // the bytes folded before the one refused
      return false;
    }
    out[k] = ascii_lower_char(out[k]);
  }
  const int k = ScanKeywordLookup(out.c_str(), &ScanKeywords);
  // UNRESERVED_KEYWORD (0) and COL_NAME_KEYWORD (1) are names here.
  return k < 0 || ScanKeywordCategories[k] <= 1;
}

// A string constant: '...', a dollar-quoted body, or E'...' whose escapes all stand for ASCII
// characters (an octal, hexadecimal or Unicode escape can make a byte or
// code point the scanner rejects: left to the parser).
bool plain_or_escape_string(std::string_view t) {
  if (t.front() == '\'' || t.front() == '$') return true;  // '...', $tag$...$tag$
  if (t.size() < 3 || (t.front() != 'e' && t.front() != 'E') || t[1] != '\'') return false;
  for (size_t k = 2; k < t.size(); ++k) {
    if (t[k] != '\\') continue;
    if (k + 1 >= t.size()) return false;
    const char next = t[k + 1];
    if ((next >= '0' && next <= '7') || next == 'x' || next == 'u' || next == 'U') return false;
    if (static_cast<unsigned char>(next) >= 0x80) return false;
    ++k;
  }
  return true;
}

// A function's name the grammar takes as it is written (`now`, `nextval`):
// an identifier or an unreserved keyword, unquoted. Other keywords are left
// to the parser (COALESCE, EXTRACT and the like have grammars of their own).
bool function_name(std::string_view w) {
  if (w.empty() || w.size() > kNameMax || !ident_start(static_cast<unsigned char>(w.front()))) return false;
  std::string folded(w);
  for (char& ch : folded) {
    if (!ident_char(static_cast<unsigned char>(ch))) return false;
    ch = ascii_lower_char(ch);
  }
  const int k = ScanKeywordLookup(folded.c_str(), &ScanKeywords);
  return k < 0 || ScanKeywordCategories[k] == 0;
}

}  // namespace

std::optional<ir::Statement> Lowerer::simple_insert(TextRange piece) const {
  const size_t start = token_index_at(piece.begin);
  if (start >= tokens_.size() || tokens_[start].end > piece.end || !token_is(start, "insert"))
    return std::nullopt;
  // The piece's tokens are [start, limit): the first past it is the first
  // that ends after it (tokens end in order).
  const auto limit = static_cast<size_t>(
      std::lower_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(start), tokens_.end(), piece.end,
                       [](const Token& t, uint32_t off) { return t.end <= off; }) -
      tokens_.begin());
  size_t i = start;
  auto done = [&] { return i >= limit; };
  auto word = [&](std::string_view w) {
    if (done() || !token_is(i, w) || token_text(i).front() == '"') return false;
    ++i;
    return true;
  };
  // token_text(i) == the one byte `p`, tested on the token's bounds and that byte.
  auto punct = [&](char p) {
    if (done()) return false;
    const Token& t = tokens_[i];
    if (!(t.end > t.begin && t.end - t.begin == 1 && t.end <= text_.size() && text_[t.begin] == p))
      return false;
    ++i;
    return true;
  };
  std::string part;
  auto name = [&](std::string& out) {
    if (done() || !col_id(token_text(i), out)) return false;
    ++i;
    return true;
  };
  if (!word("insert") || !word("into") || done()) return std::nullopt;
  ir::QualifiedName table;
  const size_t header = i;
  const uint32_t at = tokens_[i].begin;
  // The table and column names up to VALUES read as they are in the last
  // INSERT read here when their tokens spell the same (seed data repeats
  // them): the reading of those tokens depends on their text alone.
  bool same = header + last_header_.size() <= tokens_.size() && !last_header_.empty();
  for (size_t k = 0; same && k < last_header_.size(); ++k) {
    const Token& t = tokens_[header + k];
    same = t.end <= piece.end && token_text(header + k) == last_header_[k];
  }
  if (same) {
    i = header + last_header_.size();
    table.schema = last_table_.schema;
    table.name = last_table_.name;
    table.range = {at, qualified_name_end(header)};
  } else {
    if (!name(table.name)) return std::nullopt;
    if (punct('.')) {
      table.schema = std::move(table.name);
      if (!name(table.name)) return std::nullopt;
    }
    table.range = {at, qualified_name_end(token_index_at(at))};
    if (punct('(')) {
      do {
        if (!name(part)) return std::nullopt;
      } while (punct(','));
      if (!punct(')')) return std::nullopt;
    }
    if (!word("values")) return std::nullopt;
    last_header_.clear();
    for (size_t k = header; k < i; ++k) last_header_.push_back(token_text(k));
    last_table_.schema = table.schema;
    last_table_.name = table.name;
  }
  // A constant, or a call of a function by its plain name with constant
  // arguments (`nextval('users_id_seq')`, `now()`), nested a few deep.
  auto value = [&](auto& self, int depth) -> bool {
    if (done()) return false;
    const int kind = tokens_[i].kind;
    if (kind == kIConst || kind == kFConst) {  // most values: a number
      ++i;
      return true;
    }
    const std::string_view t = token_text(i);
    const bool next_in = i + 1 < limit;
    if (t == "-" && next_in && (tokens_[i + 1].kind == kIConst || tokens_[i + 1].kind == kFConst)) {
      i += 2;
      return true;
    }
    if (kind == kSConst && plain_or_escape_string(t)) {
      ++i;
      return true;
    }
    // N'...': the scanner's NCHAR, right before the string it types.
    if ((t == "N" || t == "n") && next_in && tokens_[i + 1].kind == kSConst &&
        tokens_[i + 1].begin == tokens_[i].end && token_text(i + 1).front() == '\'') {
      i += 2;
      return true;
    }
    if (word("true") || word("false") || word("null") || (depth == 0 && word("default"))) return true;
    // The grammar's value functions, without parentheses (`current_date()` is an error).
    for (std::string_view f :
         {"current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_user",
          "session_user", "current_role", "current_catalog", "current_schema"})
      if (word(f)) return !(!done() && token_text(i) == "(");
    if (depth >= 4 || !next_in || token_text(i + 1) != "(" || !function_name(t)) return false;
    i += 2;
    if (punct(')')) return true;
    do {
      if (!self(self, depth + 1)) return false;
    } while (punct(','));
    return punct(')');
  };
  do {
    if (!punct('(')) return std::nullopt;
    do {
      // Most values are a number or a plain string: read here, as value()
      // reads them, without its call.
      if (i < limit) {
        const int kind = tokens_[i].kind;
        if (kind == kIConst || kind == kFConst ||
            (kind == kSConst && plain_or_escape_string(token_text(i)))) {
          ++i;
          continue;
        }
      }
      if (!value(value, 0)) return std::nullopt;
    } while (punct(','));
    if (!punct(')')) return std::nullopt;
  } while (punct(','));
  if (!done()) return std::nullopt;
  ir::Statement st;
  // trim_to_tokens(piece.begin, piece.end): the tokens read are the piece's
  // (each ends within it, the next one past it), none of them a `;`.
  st.range = {tokens_[start].begin, tokens_[i - 1].end};
  st.node = ir::Insert{std::move(table), false, {}};
  return st;
}

ir::StatementNode Lowerer::dml(std::string_view kind, element n) {
  element rv;
  ir::QualifiedName table;
  if (child(n, "relation", rv)) table = range_var(rv);
  if (kind == "UpdateStmt") {
    ir::Update u;
    u.table = table;
    u.has_where = has(n, "whereClause");
    u.selection = row_selection(n);
    u.sets_constants = true;
    for (element t : items(n, "targetList")) {
      element target;
      element val;
      bool is_null = false;
      if (node_kind(t, target) != "ResTarget" || !child(target, "val", val) || !is_constant(val, is_null))
        u.sets_constants = false;
    }
    return u;
  } else if (kind == "DeleteStmt")
    return ir::Delete{table, has(n, "whereClause"), row_selection(n)};
  ir::Insert ins{table, false, {}};
  element sel;
  element query;
  if (child(n, "selectStmt", sel) && node_kind(sel, query) == "SelectStmt" && !has(query, "valuesLists")) {
    ins.from_select = true;
    // The tables of the top-level FROM, through joins.
    std::vector<element> from;
    for (element e : items(query, "fromClause")) from.push_back(e);
    for (size_t i = 0; i < from.size(); ++i) {
      element inner;
      const auto k = node_kind(from[i], inner);
      if (k == "RangeVar") {
        ins.sources.push_back(range_var(inner));
      } else if (k == "JoinExpr") {
        element side;
        if (child(inner, "larg", side)) from.push_back(side);
        if (child(inner, "rarg", side)) from.push_back(side);
      }
    }
  }
  return ins;
}

// ---- UPDATE / DELETE row selection -----------------------------------------

ir::RowSelection Lowerer::row_selection(element n) const {
  ir::RowSelection sel;
  element with;
  if (child(n, "withClause", with))
    for (element cte : items(with, "ctes")) {
      element c;
      element query;
      if (node_kind(cte, c) == "CommonTableExpr" && child(c, "ctequery", query) && select_limited(query))
        sel.limited_source = true;
    }
  for (std::string_view key : {"fromClause", "usingClause"})
    for (element from : items(n, key)) {
      element sub;
      element query;
      if (node_kind(from, sub) == "RangeSubselect" && child(sub, "subquery", query) && select_limited(query))
        sel.limited_source = true;
    }
  element rv;
  std::string_view relname;
  std::string_view alias;
  if (child(n, "relation", rv)) {
    relname = str(rv, "relname");
    element al;
    if (child(rv, "alias", al)) alias = str(al, "aliasname");
  }
  element where;
  if (!child(n, "whereClause", where)) return sel;
  // Top-level AND terms.
  std::vector<element> terms{where};
  for (size_t i = 0; i < terms.size(); ++i) {
    element inner;
    const auto kind = node_kind(terms[i], inner);
    if (kind == "BoolExpr" && str(inner, "boolop") == "AND_EXPR") {
      for (element arg : items(inner, "args")) terms.push_back(arg);
      continue;
    }
    if (kind == "CurrentOfExpr") {
      sel.current_of = true;
      continue;
    }
    ir::ColumnFilter f;
    if (filter_term(terms[i], relname, alias, f)) sel.filters.push_back(std::move(f));
  }
  return sel;
}

// `col op value` (either way round), `col BETWEEN a AND b`, `col IN (...)`,
// `col = ANY(...)` where col is a column of the target table.
bool Lowerer::filter_term(element term, std::string_view relname, std::string_view alias,
                          ir::ColumnFilter& out) const {
  auto column_of = [&](element e, ir::ColumnFilter& f) {
    element col;
    if (node_kind(e, col) != "ColumnRef") return false;
    const auto fields = strings(items(col, "fields"));
    if (fields.empty() || items(col, "fields").size() != fields.size()) return false;  // A_Star
    if (fields.size() >= 2) {
      const std::string& q = fields[fields.size() - 2];
      if (q != relname && q != alias) return false;
    }
    f.column = fields.back();
    const uint32_t b = loc(col);
    f.range = {b, qualified_name_end(token_index_at(b))};
    return true;
  };
  element inner;
  const auto kind = node_kind(term, inner);
  if (kind == "SubLink") {
    // col IN (SELECT ... LIMIT n)
    element test;
    element query;
    if (str(inner, "subLinkType") != "ANY_SUBLINK" || !child(inner, "testexpr", test) ||
        !child(inner, "subselect", query) || !select_limited(query))
      return false;
    const auto op = strings(items(inner, "operName"));
    if (!op.empty() && op.back() != "=") return false;
    out.op = ir::FilterOp::InLimitedQuery;
    return column_of(test, out);
  }
  if (kind != "A_Expr") return false;
  const auto akind = str(inner, "kind");
  const auto names = strings(items(inner, "name"));
  const std::string op = names.empty() ? "" : names.back();
  element lhs;
  element rhs;
  if (!child(inner, "lexpr", lhs) || !child(inner, "rexpr", rhs)) return false;
  if (akind == "AEXPR_BETWEEN") {
    out.op = ir::FilterOp::Between;
    return row_independent(rhs, false) && column_of(lhs, out);
  }
  if (akind == "AEXPR_IN") {
    out.op = ir::FilterOp::In;
    return op == "=" && row_independent(rhs, true) && column_of(lhs, out);
  }
  if (akind == "AEXPR_OP_ANY") {
    if (op != "=") return false;
    element arr;
    element query;
    if (node_kind(rhs, arr) == "SubLink" && str(arr, "subLinkType") == "ARRAY_SUBLINK" &&
        child(arr, "subselect", query)) {
      if (!select_limited(query)) return false;
      out.op = ir::FilterOp::InLimitedQuery;
      return column_of(lhs, out);
    }
    out.op = ir::FilterOp::In;
    return row_independent(rhs, false) && column_of(lhs, out);
  }
  if (akind != "AEXPR_OP") return false;
  static const std::pair<std::string_view, std::pair<ir::FilterOp, ir::FilterOp>> ops[] = {
      {"=", {ir::FilterOp::Equal, ir::FilterOp::Equal}},
      {"<", {ir::FilterOp::Less, ir::FilterOp::Greater}},
      {"<=", {ir::FilterOp::LessEqual, ir::FilterOp::GreaterEqual}},
      {">", {ir::FilterOp::Greater, ir::FilterOp::Less}},
      {">=", {ir::FilterOp::GreaterEqual, ir::FilterOp::LessEqual}},
  };
  for (const auto& [name, pair] : ops) {
    if (op != name) continue;
    const bool eq = pair.first == ir::FilterOp::Equal;
    if (row_independent(rhs, eq) && column_of(lhs, out)) {
      out.op = pair.first;
      return true;
    }
    if (row_independent(lhs, eq) && column_of(rhs, out)) {
      out.op = pair.second;
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace ddlint::parser::pg
