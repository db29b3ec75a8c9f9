// PostgreSQL lowering: INSERT, UPDATE, DELETE and their row selection.
#include <string>
#include <vector>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

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
