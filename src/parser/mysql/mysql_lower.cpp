// MySQL lowering: the statement dispatcher.
#include <string>

#include "parser/mysql/fast_children.h"
#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

ir::Drop Lowerer::drop_names(ir::ObjectKind kind, const std::vector<P::TableNameContext*>& names) const {
  ir::Drop d;
  d.object = kind;
  for (auto* n : names) d.names.push_back(table_name(n));
  return d;
}

std::vector<ir::StatementNode> Lowerer::statement(P::StatementContext* s) const {
  std::vector<ir::StatementNode> out;
  if (auto* c = s->createTable()) {
    out.emplace_back(create_table(c));
  } else if (auto* c = s->createIndex()) {
    out.emplace_back(create_index(c));
  } else if (auto* c = s->alterTable()) {
    out.emplace_back(alter_table(c));
  } else if (auto* c = s->dropIndex()) {
    out.emplace_back(drop_index(c));
  } else if (auto* c = s->dropTable()) {
    ir::Drop d = drop_names(ir::ObjectKind::Table, c->tableName());
    d.if_exists = c->ifExists() != nullptr;
    d.cascade = c->CASCADE() != nullptr;
    d.temporary = c->TEMPORARY() != nullptr;
    out.emplace_back(std::move(d));
  } else if (auto* c = s->dropDatabase()) {
    ir::Drop d;
    d.object = ir::ObjectKind::Database;
    ir::QualifiedName q;
    q.name = ident(c->ident());
    q.range = range(c->ident());
    d.names.push_back(q);
    d.if_exists = c->ifExists() != nullptr;
    out.emplace_back(std::move(d));
  } else if (auto* c = s->dropObject()) {
    const auto kind = c->VIEW()        ? ir::ObjectKind::View
                      : c->PROCEDURE() ? ir::ObjectKind::Procedure
                      : c->FUNCTION()  ? ir::ObjectKind::Function
                      : c->TRIGGER()   ? ir::ObjectKind::Trigger
                                       : ir::ObjectKind::Other;
    ir::Drop d = drop_names(kind, c->tableName());
    d.if_exists = c->ifExists() != nullptr;
    d.cascade = c->CASCADE() != nullptr;
    out.emplace_back(std::move(d));
  } else if (auto* c = s->truncateTable()) {
    ir::Truncate t;
    t.tables.push_back(table_name(c->tableName()));
    out.emplace_back(std::move(t));
  } else if (auto* c = s->optimizeTable()) {
    // OPTIMIZE TABLE rebuilds each table to reclaim space (InnoDB: recreate +
    // analyze): the maintenance statement PostgreSQL writes VACUUM FULL.
    ir::Vacuum v;
    v.full = true;
    for (auto* n : c->tableName()) v.tables.push_back(table_name(n));
    out.emplace_back(std::move(v));
  } else if (auto* c = s->renameTable()) {
    for (auto* p : c->renamePair()) {
      ir::Rename r;
      r.object = ir::ObjectKind::Table;
      r.target = table_name(p->tableName(0));
      r.new_name = table_name(p->tableName(1)).display();
      r.range = range(p);
      out.emplace_back(std::move(r));
    }
  } else if (auto* c = s->updateStatement()) {
    ir::Update u;
    u.table = table_name(c->tableName());
    u.has_where = has_condition(c->whereClause());
    if (u.has_where) u.selection = selection(c->whereClause(), u.table, alias_after(c->tableName()));
    u.selection.limit = has_limit(c);
    u.sets_constants = sets_constants(c);
    out.emplace_back(std::move(u));
  } else if (auto* c = s->deleteStatement()) {
    ir::Delete d;
    d.table = table_name(c->tableName());
    d.has_where = has_condition(c->whereClause());
    if (d.has_where) d.selection = selection(c->whereClause(), d.table, alias_after(c->tableName()));
    d.selection.limit = has_limit(c);
    out.emplace_back(std::move(d));
  } else if (auto* c = s->insertStatement()) {
    ir::Insert i;
    i.table = table_name(c->tableName());
    if (auto* q = ddlint_fast::exact<P::InsertSelectContext>(c->insertSource())) {
      i.from_select = true;
      i.sources = query_sources(q->querySource());
    }
    out.emplace_back(std::move(i));
  } else if (auto* c = s->setStatement()) {
    out = set_statement(c);
  } else if (auto* c = s->transactionStatement()) {
    out.emplace_back(transaction(c));
  } else if (s->useStatement() != nullptr) {
    ir::Opaque o;
    o.node = "UseStmt";
    out.emplace_back(std::move(o));
  }
  return out;
}

std::vector<ir::SetSetting> Lowerer::wait_settings(P::StatementContext* s) const {
  std::vector<ir::SetSetting> out;
  // The rule contexts among the children, told from terminals and by their
  // rule (fast_children.h) rather than by a dynamic_cast on every child.
  auto rule_of = [](antlr4::tree::ParseTree* child) -> antlr4::ParserRuleContext* {
    return ddlint_fast::is_terminal(child) ? nullptr : static_cast<antlr4::ParserRuleContext*>(child);
  };
  auto look = [&](antlr4::ParserRuleContext* c) {
    if (c == nullptr) return;
    for (auto* child : c->children) {
      antlr4::ParserRuleContext* r = rule_of(child);
      if (r == nullptr || r->getRuleIndex() != P::RuleWaitOption) continue;
      auto* w = static_cast<P::WaitOptionContext*>(r);
      ir::SetSetting set;
      set.name = "lock_wait_timeout";
      set.value = w->NUMBER() != nullptr ? w->NUMBER()->getText() : "0";
      out.push_back(std::move(set));
    }
  };
  for (auto* child : s->children) {
    antlr4::ParserRuleContext* c = rule_of(child);
    look(c);
    if (c != nullptr && c->getRuleIndex() == P::RuleRenameTable)
      for (auto* p : static_cast<P::RenameTableContext*>(c)->renamePair()) look(p);
  }
  return out;
}

Lowered lower(P::StatementContext* statement, std::string_view original, uint32_t base,
              const std::vector<antlr4::Token*>& tokens) {
  const Lowerer l(original, base, tokens);
  if (auto r = l.check(statement)) return {{}, {}, std::move(r)};
  return {l.statement(statement), l.wait_settings(statement), std::nullopt};
}

}  // namespace ddlint::parser::mysql
