// MySQL lowering: REFERENCES clauses, key parts and table constraints.
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

ir::Constraint Lowerer::references(P::ReferencesClauseContext* c, TextRange r) const {
  ir::Constraint k;
  k.kind = ir::ConstraintKind::ForeignKey;
  k.range = r;
  k.ref_table = table_name(c->tableName());
  if (auto* l = c->identList())
    for (auto* i : l->ident()) k.ref_columns.push_back(name(i));
  return k;
}

std::vector<std::string> Lowerer::key_parts(P::KeyPartsContext* c) const {
  std::vector<std::string> out;
  for (auto* p : c->keyPart()) {
    if (p->ident() != nullptr)
      out.push_back(name(p->ident()));
    else
      out.emplace_back(text(p->parenGroup()));
  }
  return out;
}

ir::Constraint Lowerer::table_constraint(P::TableConstraintContext* c) const {
  ir::Constraint k;
  k.range = range(c);
  if (auto* x = ddlint_fast::exact<P::PrimaryKeyConstraintContext>(c)) {
    k.kind = ir::ConstraintKind::PrimaryKey;
    k.name = name(x->cname ? x->cname : x->iname);
    k.columns = key_parts(x->keyParts());
  } else if (auto* x = ddlint_fast::exact<P::UniqueConstraintContext>(c)) {
    k.kind = ir::ConstraintKind::Unique;
    k.name = name(x->iname ? x->iname : x->cname);
    k.columns = key_parts(x->keyParts());
  } else if (auto* x = ddlint_fast::exact<P::ForeignKeyConstraintContext>(c)) {
    k = references(x->referencesClause(), k.range);
    k.name = name(x->cname ? x->cname : x->iname);
    for (auto* i : x->identList()->ident()) k.columns.push_back(name(i));
  } else if (auto* x = ddlint_fast::exact<P::CheckConstraintContext>(c)) {
    k.kind = ir::ConstraintKind::Check;
    k.name = name(x->cname);
    k.expr = inner_expr(x->parenGroup());
    k.not_enforced = x->NOT() != nullptr;
  } else if (auto* x = ddlint_fast::exact<P::IndexConstraintContext>(c)) {
    k.kind = ir::ConstraintKind::Index;
    k.name = name(x->iname);
    k.columns = key_parts(x->keyParts());
  } else if (auto* x = ddlint_fast::exact<P::SpecialIndexConstraintContext>(c)) {
    k.kind = x->FULLTEXT() ? ir::ConstraintKind::Fulltext : ir::ConstraintKind::Spatial;
    k.name = name(x->iname);
    k.columns = key_parts(x->keyParts());
  }
  return k;
}

}  // namespace ddlint::parser::mysql
