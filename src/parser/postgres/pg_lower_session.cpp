// PostgreSQL lowering: SET, transaction control and LOCK.
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

ir::StatementNode Lowerer::variable_set(element n) {
  ir::SetSetting s;
  const auto kind = str(n, "kind");
  s.name = to_lower(str(n, "name"));
  s.local = flag(n, "is_local");
  if (kind == "VAR_RESET_ALL") {
    s.reset = s.all = true;
  } else if (kind == "VAR_RESET" || kind == "VAR_SET_DEFAULT") {
    s.reset = true;
  } else if (kind == "VAR_SET_VALUE") {
    std::string value;
    for (element a : items(n, "args")) {
      element inner;
      if (node_kind(a, inner) != "A_Const") continue;
      element v;
      std::string part;
      if (child(inner, "sval", v))
        part = std::string(str(v, "sval"));
      else if (child(inner, "ival", v)) {
        part = std::to_string(num(v, "ival"));
        // The parse tree's JSON drops a negative integer here; read it from the text.
        const size_t t = token_index_at(loc(inner));
        if (token_is(t, "-")) part = "-" + std::string(token_text(t + 1));
      } else if (child(inner, "fval", v))
        part = std::string(str(v, "fval"));
      else if (child(inner, "boolval", v))
        part = flag(v, "boolval") ? "on" : "off";
      if (!value.empty()) value += ", ";
      value += part;
    }
    s.value = value;
  } else {
    return opaque("VariableSetStmt");  // SET TRANSACTION ..., SET ...
                                       // FROM CURRENT
  }
  return s;
}

ir::StatementNode Lowerer::lock(element n) {
  static const char* modes[] = {
      "",      "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
      "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};
  ir::LockTable l;
  const int64_t m = num(n, "mode", 8);
  l.mode = m >= 1 && m <= 8 ? modes[m] : "ACCESS EXCLUSIVE";
  l.nowait = flag(n, "nowait");
  for (element rv : items(n, "relations")) {
    element inner;
    if (node_kind(rv, inner) == "RangeVar") l.tables.push_back(range_var(inner));
  }
  return l;
}

ir::StatementNode Lowerer::transaction(element n) {
  ir::Transaction t;
  const auto k = str(n, "kind");
  if (k == "TRANS_STMT_BEGIN" || k == "TRANS_STMT_START")
    t.kind = ir::TransactionKind::Begin;
  else if (k == "TRANS_STMT_COMMIT")
    t.kind = ir::TransactionKind::Commit;
  else if (k == "TRANS_STMT_ROLLBACK")
    t.kind = ir::TransactionKind::Rollback;
  else if (k == "TRANS_STMT_SAVEPOINT")
    t.kind = ir::TransactionKind::Savepoint;
  else if (k == "TRANS_STMT_RELEASE")
    t.kind = ir::TransactionKind::Release;
  else if (k == "TRANS_STMT_ROLLBACK_TO")
    t.kind = ir::TransactionKind::RollbackTo;
  else if (k == "TRANS_STMT_PREPARE")
    t.kind = ir::TransactionKind::Prepare;
  else if (k == "TRANS_STMT_COMMIT_PREPARED" || k == "TRANS_STMT_ROLLBACK_PREPARED")
    t.kind = ir::TransactionKind::Other;
  t.chain = flag(n, "chain");
  return t;
}

}  // namespace ddlint::parser::pg
