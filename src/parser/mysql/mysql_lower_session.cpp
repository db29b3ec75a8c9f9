// MySQL lowering: SET and transaction control.
#include <algorithm>
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

std::vector<ir::StatementNode> Lowerer::set_statement(P::SetStatementContext* statement) const {
  std::vector<ir::StatementNode> out;
  auto* c = ddlint_fast::exact<P::SetAssignmentsContext>(statement);
  if (c == nullptr) {
    ir::Opaque o;
    o.node = "SetTransactionStmt";
    out.emplace_back(std::move(o));
    return out;
  }
  for (auto* item : c->setItem()) {
    std::string var;
    P::SetValueContext* value = nullptr;
    bool session = true;
    if (auto* x = ddlint_fast::exact<P::SetVariableContext>(item)) {
      if (auto* s = x->scope()) session = s->SESSION() != nullptr || s->LOCAL() != nullptr;
      var = lower_ascii(ident(x->first));
      if (x->second != nullptr) {
        // `SET GLOBAL.x` is not valid, but `@@session.x` spelled without @@ is.
        const std::string qualifier = var;
        var = lower_ascii(ident(x->second));
        if (qualifier == "global" || qualifier == "persist" || qualifier == "persist_only") session = false;
      }
      value = x->setValue();
    } else if (auto* x = ddlint_fast::exact<P::SetSystemVariableContext>(item)) {
      std::string v = lower_ascii(x->SYS_VAR()->getText().substr(2));
      v.erase(std::remove(v.begin(), v.end(), '`'), v.end());
      const auto dot = v.find('.');
      if (dot != std::string::npos) {
        const std::string scope = v.substr(0, dot);
        if (scope == "global" || scope == "persist" || scope == "persist_only") session = false;
        v = v.substr(dot + 1);
      }
      var = v;
      value = x->setValue();
    } else {
      continue;  // user variables, NAMES, CHARACTER SET, TRANSACTION
    }
    if (!session) continue;  // another session's value; this one keeps its own
    ir::SetSetting s;
    s.name = var;
    const std::string_view raw = text(value);
    if (value->start == value->stop &&
        (value->start->getType() == P::STRING || value->start->getType() == P::DQ_STRING))
      s.value = unquote(raw);
    else if (value->start == value->stop && value->start->getType() == P::DEFAULT)
      s.reset = true;
    else
      s.value = std::string(raw);
    out.emplace_back(std::move(s));
  }
  if (out.empty()) {
    ir::Opaque o;
    o.node = "SetStmt";
    out.emplace_back(std::move(o));
  }
  return out;
}

ir::Transaction Lowerer::transaction(P::TransactionStatementContext* c) const {
  ir::Transaction t;
  using T = ir::TransactionKind;
  if (ddlint_fast::exact<P::StartTransactionContext>(c) || ddlint_fast::exact<P::BeginContext>(c)) {
    t.kind = T::Begin;
  } else if (auto* x = ddlint_fast::exact<P::CommitContext>(c)) {
    t.kind = T::Commit;
    t.chain = x->chainOption() != nullptr && x->chainOption()->NO() == nullptr;
  } else if (auto* x = ddlint_fast::exact<P::RollbackContext>(c)) {
    t.kind = T::Rollback;
    t.chain = x->chainOption() != nullptr && x->chainOption()->NO() == nullptr;
  } else if (ddlint_fast::exact<P::RollbackToContext>(c)) {
    t.kind = T::RollbackTo;
  } else if (ddlint_fast::exact<P::SavepointContext>(c)) {
    t.kind = T::Savepoint;
  } else if (ddlint_fast::exact<P::ReleaseSavepointContext>(c)) {
    t.kind = T::Release;
  }
  return t;
}

}  // namespace ddlint::parser::mysql
