#pragma once
// How an UPDATE/DELETE's WHERE limits its rows (ir::RowSelection), shared by
// unbatched-dml, mixed-ddl-dml and missing-analyze. Naming conventions only; what the WHERE
// says comes from the front-end.
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"

namespace ddlint::rules {

namespace row_selection_detail {
inline std::string fold(std::string_view column) {
  while (!column.empty() && column.back() == '_') column.remove_suffix(1);
  std::string lower(column);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}
inline bool ends(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace row_selection_detail

// A column name that identifies rows: `id`, `uuid`, `ctid`, or a name ending
// in `_id` / `_uuid` (or `Id` in a quoted camelCase name). Trailing
// underscores are ignored (`ID_`).
inline bool key_like(std::string_view column) {
  using namespace row_selection_detail;
  std::string_view trimmed = column;
  while (!trimmed.empty() && trimmed.back() == '_') trimmed.remove_suffix(1);
  const std::string lower = fold(column);
  if (lower == "id" || lower == "uuid" || lower == "ctid" || ends(lower, "_id") || ends(lower, "_uuid"))
    return true;
  // camelCase: userId
  const size_t n = trimmed.size();
  return n > 2 && trimmed.substr(n - 2) == "Id" && trimmed[n - 3] >= 'a' && trimmed[n - 3] <= 'z';
}

// A column that names one row in practice (a natural key): `name`, `code`,
// `slug`, `email`, `key`, or a name ending in `name` / `_code` / `_key`.
inline bool natural_key_like(std::string_view column) {
  using namespace row_selection_detail;
  const std::string lower = fold(column);
  return lower == "code" || lower == "slug" || lower == "email" || lower == "key" || ends(lower, "name") ||
         ends(lower, "_code") || ends(lower, "_key");
}

// The term limits the rows from above on a key column.
inline bool bounds_key(const ir::ColumnFilter& f) {
  switch (f.op) {
    case ir::FilterOp::Equal:
    case ir::FilterOp::In:
    case ir::FilterOp::InLimitedQuery:
    case ir::FilterOp::Less:
    case ir::FilterOp::LessEqual:
    case ir::FilterOp::Between:
      return key_like(f.column);
    case ir::FilterOp::Greater:
    case ir::FilterOp::GreaterEqual:
      return false;
  }
  return false;
}

// Picks out given rows: equality with a key or natural key, or CURRENT OF.
inline bool point_selection(const ir::RowSelection& s) {
  if (s.current_of) return true;
  for (const auto& f : s.filters)
    if ((f.op == ir::FilterOp::Equal || f.op == ir::FilterOp::In) &&
        (key_like(f.column) || natural_key_like(f.column)))
      return true;
  return false;
}

// Bounded to a batch: a point selection, a key range, a LIMIT subquery or the
// statement's own LIMIT.
inline bool batch_bounded(const ir::RowSelection& s) {
  if (s.limited_source || s.limit || point_selection(s)) return true;
  for (const auto& f : s.filters)
    if (bounds_key(f)) return true;
  return false;
}

// "`a`", "`a` and `b`", "`a`, `b` and `c`".
inline std::string column_list(const std::vector<std::string>& cols) {
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += i + 1 == cols.size() ? " and " : ", ";
    out += "`" + cols[i] + "`";
  }
  return out;
}

// "`status` and `kind`" for a message: the columns a WHERE compares with
// values, each once, in order.
inline std::string filtered_columns(const ir::RowSelection& s) {
  std::vector<std::string> cols;
  for (const auto& f : s.filters) {
    bool seen = false;
    for (const auto& c : cols) seen |= c == f.column;
    if (!seen) cols.push_back(f.column);
  }
  return column_list(cols);
}

}  // namespace ddlint::rules
