// MySQL lowering: CREATE INDEX and DROP INDEX.
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

ir::CreateIndex Lowerer::create_index(P::CreateIndexContext* c) const {
  ir::CreateIndex i;
  i.name = name(c->ident());
  i.table = table_name(c->tableName());
  i.unique = c->UNIQUE() != nullptr;
  if (c->FULLTEXT() != nullptr) i.mysql_kind = ir::ConstraintKind::Fulltext;
  if (c->SPATIAL() != nullptr) i.mysql_kind = ir::ConstraintKind::Spatial;
  i.if_not_exists = c->ifNotExists() != nullptr;
  i.columns = key_parts(c->keyParts());
  i.keyword_range = range(c->INDEX());
  for (auto* a : c->algorithmOption()) {
    i.algorithm = option_word(a);
    i.algorithm_range = range(a);
  }
  for (auto* l : c->lockOption()) {
    i.lock = option_word(l);
    i.lock_range = range(l);
  }
  return i;
}

// MySQL runs DROP INDEX as ALTER TABLE ... DROP INDEX: lowered the same way.
ir::AlterTable Lowerer::drop_index(P::DropIndexContext* c) const {
  ir::AlterTable t;
  t.table = table_name(c->tableName());
  ir::AlterAction a;
  a.kind = ir::AlterKind::DropIndex;
  a.range = {range(c->DROP()).begin, range(c->ident()).end};
  a.name = name(c->ident());
  a.if_exists = c->ifExists() != nullptr;
  t.actions.push_back(std::move(a));

  for (auto* x : c->algorithmOption()) {
    t.algorithm = option_word(x);
    t.algorithm_range = range(x);
  }
  for (auto* x : c->lockOption()) {
    t.lock = option_word(x);
    t.lock_range = range(x);
  }
  return t;
}

}  // namespace ddlint::parser::mysql
