// PostgreSQL lowering: CREATE INDEX and REINDEX.
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

ir::StatementNode Lowerer::create_index(element n, TextRange r) {
  ir::Box<ir::CreateIndex> boxed;  // built in the box the statement node takes
  ir::CreateIndex& ci = boxed.emplace();
  ci.name = std::string(str(n, "idxname"));
  element rv;
  if (child(n, "relation", rv)) {
    ci.table = range_var(rv);
    ci.only = !flag(rv, "inh");
  }
  ci.concurrently = flag(n, "concurrent");
  ci.unique = flag(n, "unique");
  ci.if_not_exists = flag(n, "if_not_exists");
  ci.partial = has(n, "whereClause");
  for (element p : items(n, "indexParams")) {
    element inner;
    if (node_kind(p, inner) != "IndexElem") continue;
    const auto name = str(inner, "name");
    ci.columns.emplace_back(name.empty() ? std::string("(expr)") : std::string(name));
  }
  const size_t k = find_token(token_index_at(r.begin), r.end, "index");
  if (k < tokens_.size()) ci.keyword_range = {tokens_[k].begin, tokens_[k].end};
  return boxed;
}

ir::StatementNode Lowerer::reindex(element n, TextRange r) {
  ir::Reindex ri;
  const auto kind = str(n, "kind");
  if (kind == "REINDEX_OBJECT_TABLE")
    ri.target = ir::ObjectKind::Table;
  else if (kind == "REINDEX_OBJECT_SCHEMA")
    ri.target = ir::ObjectKind::Schema;
  else if (kind == "REINDEX_OBJECT_SYSTEM" || kind == "REINDEX_OBJECT_DATABASE")
    ri.target = ir::ObjectKind::Database;
  else
    ri.target = ir::ObjectKind::Index;
  ri.system = kind == "REINDEX_OBJECT_SYSTEM";
  element rv;
  if (child(n, "relation", rv)) {
    ri.name = range_var(rv);
  } else {
    ri.name.name = std::string(str(n, "name"));
    ri.name.range = find_name(ri.name, r);
  }
  for (element p : items(n, "params")) {
    element inner;
    if (node_kind(p, inner) == "DefElem" && str(inner, "defname") == "concurrently") ri.concurrently = true;
  }
  return ri;
}

}  // namespace ddlint::parser::pg
