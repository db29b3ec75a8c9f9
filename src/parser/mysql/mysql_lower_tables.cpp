// MySQL lowering: CREATE TABLE, ALTER TABLE and column definitions.
#include <algorithm>
#include <string>

#include "parser/mysql/mysql_lower_internal.h"

namespace ddlint::parser::mysql {

ir::ColumnDef Lowerer::column(P::ColumnDefContext* c) const {
  ir::ColumnDef col;
  col.name = name(c->ident());
  col.name_range = range(c->ident());
  col.range = range(c);
  col.type = type(c->dataType());
  for (auto* a : c->columnAttr()) {
    ir::Constraint k;
    k.range = range(a);
    if (auto* x = ddlint_fast::exact<P::NullAttrContext>(a)) {
      k.kind = x->NOT() ? ir::ConstraintKind::NotNull : ir::ConstraintKind::Null;
      if (x->NOT()) col.not_null = true;
    } else if (auto* x = ddlint_fast::exact<P::DefaultAttrContext>(a)) {
      k.kind = ir::ConstraintKind::Default;
      k.expr = expr(x->defaultValue());
      col.default_value = k.expr;
    } else if (ddlint_fast::exact<P::AutoIncrementAttrContext>(a)) {
      k.kind = ir::ConstraintKind::Identity;
    } else if (ddlint_fast::exact<P::PrimaryKeyAttrContext>(a)) {
      k.kind = ir::ConstraintKind::PrimaryKey;
      col.not_null = true;
    } else if (ddlint_fast::exact<P::UniqueAttrContext>(a)) {
      k.kind = ir::ConstraintKind::Unique;
    } else if (auto* x = ddlint_fast::exact<P::CharsetAttrContext>(a)) {
      col.type.set_charset(lower_ascii(name_or_string(x->nameOrString())));
      continue;
    } else if (auto* x = ddlint_fast::exact<P::GeneratedAttrContext>(a)) {
      k.kind = ir::ConstraintKind::Generated;
      k.expr = inner_expr(x->parenGroup());
      k.stored = x->STORED() != nullptr || x->PERSISTENT() != nullptr;
    } else if (auto* x = ddlint_fast::exact<P::ReferencesAttrContext>(a)) {
      k = references(x->referencesClause(), k.range);
    } else if (auto* x = ddlint_fast::exact<P::CheckAttrContext>(a)) {
      k.kind = ir::ConstraintKind::Check;
      k.name = name(x->cname);
      k.expr = inner_expr(x->parenGroup());
      k.not_enforced = x->NOT() != nullptr;
    } else if (auto* x = ddlint_fast::exact<P::CollateAttrContext>(a)) {
      col.type.set_collation(lower_ascii(name_or_string(x->nameOrString())));
      continue;
    } else {
      continue;  // COMMENT, ON UPDATE, BINARY, visibility, storage: nothing to check
    }
    col.constraints.push_back(std::move(k));
  }
  return col;
}

ir::CreateTable Lowerer::create_table(P::CreateTableContext* c) const {
  ir::CreateTable t;
  t.table = table_name(c->tableName());
  t.if_not_exists = c->ifNotExists() != nullptr;
  t.temporary = c->TEMPORARY() != nullptr;
  auto* body = c->createTableBody();
  if (auto* d = ddlint_fast::exact<P::TableDefinitionContext>(body)) {
    for (auto* e : d->tableElement()) {
      if (e->columnDef())
        t.columns.push_back(column(e->columnDef()));
      else
        t.constraints.push_back(table_constraint(e->tableConstraint()));
    }
    t.as_select = d->asSelect() != nullptr;
    if (auto* o = d->tableOptions())
      for (auto* x : o->tableOption()) t.options.push_back(table_option(x));
    if (auto* p = d->partitionClause()) t.options.push_back({"PARTITION BY", std::string(text(p->rest()))});
  } else if (ddlint_fast::exact<P::TableAsSelectContext>(body)) {
    t.as_select = true;
  } else if (auto* l = ddlint_fast::exact<P::LikeTableContext>(body)) {
    t.like = table_name(l->tableName());
  } else if (auto* l = ddlint_fast::exact<P::LikeTableParenContext>(body)) {
    t.like = table_name(l->tableName());
  }
  return t;
}

ir::CreateTable::Option Lowerer::table_option(P::TableOptionContext* o) const {
  ir::CreateTable::Option r;
  if (o->charsetKeyword() != nullptr || o->COLLATE() != nullptr) {
    r.name = o->COLLATE() != nullptr ? "COLLATE" : "CHARSET";
    r.value = o->nameOrString() != nullptr ? lower_ascii(name_or_string(o->nameOrString())) : "default";
    return r;
  }
  // The words before `=` (ENGINE, ROW_FORMAT, DATA DIRECTORY, WITH SYSTEM
  // VERSIONING), then the value.
  for (auto* child : o->children) {
    if (ddlint_fast::exact<P::OptionValueContext>(child) != nullptr) {
      auto* v = ddlint_fast::exact<P::OptionValueContext>(child);
      r.value = v->STRING() != nullptr || v->DQ_STRING() != nullptr ? unquote(text(v)) : std::string(text(v));
      break;
    }
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(child);
    auto* token = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (token != nullptr && token->getSymbol()->getType() == P::EQ) continue;
    if (token != nullptr && token->getSymbol()->getType() == P::STRING) {  // DATA DIRECTORY 'path'
      r.value = unquote(text(token));
      break;
    }
    const std::string word =
        upper_ascii(rule != nullptr ? text(rule) : std::string_view(token->getSymbol()->getText()));
    r.name += (r.name.empty() ? "" : " ") + word;
  }
  return r;
}

ir::AlterAction Lowerer::action(P::AlterItemContext* item, ir::AlterTable& t) const {
  using K = ir::AlterKind;
  ir::AlterAction a;
  a.range = range(item);
  auto position = [&](P::PositionContext* p) {
    if (p != nullptr) a.position = p->FIRST() ? "FIRST" : "AFTER " + name(p->ident());
  };
  auto* add_column = ddlint_fast::exact<P::AddColumnContext>(item);
  if (add_column != nullptr && add_column->columnDef()->columnAttr().empty() &&
      upper_ascii(text(add_column->columnDef()->ident())) == "SYSTEM" &&
      upper_ascii(text(add_column->columnDef()->dataType())) == "VERSIONING") {
    // MariaDB ADD SYSTEM VERSIONING (not a column `system` of a type
    // `versioning`): the table gets the hidden row_start/row_end columns.
    a.kind = K::Other;
    a.native = "ADD SYSTEM VERSIONING";
  } else if (auto* x = add_column) {
    a.kind = K::AddColumn;
    a.column_def = column(x->columnDef());
    a.column = a.column_def->name;
    a.if_exists = x->ifNotExists() != nullptr;
    position(x->position());
  } else if (auto* x = ddlint_fast::exact<P::AddConstraintContext>(item)) {
    a.constraint = table_constraint(x->tableConstraint());
    a.name = a.constraint->name;
    a.if_exists = if_not_exists_in(x->tableConstraint());
    a.kind = is_index(a.constraint->kind) ? K::AddIndex : K::AddConstraint;
  } else if (auto* x = ddlint_fast::exact<P::SetDefaultContext>(item)) {
    a.kind = K::SetDefault;
    a.column = name(x->ident());
    a.expr = expr(x->defaultValue());
  } else if (auto* x = ddlint_fast::exact<P::DropDefaultContext>(item)) {
    a.kind = K::DropDefault;
    a.column = name(x->ident());
  } else if (auto* x = ddlint_fast::exact<P::ChangeColumnContext>(item)) {
    a.kind = K::ChangeColumn;
    a.column = name(x->old);
    a.column_def = column(x->columnDef());
    a.if_exists = x->ifExists() != nullptr;
    position(x->position());
  } else if (auto* x = ddlint_fast::exact<P::ModifyColumnContext>(item)) {
    a.kind = K::ModifyColumn;
    a.column_def = column(x->columnDef());
    a.column = a.column_def->name;
    a.if_exists = x->ifExists() != nullptr;
    position(x->position());
  } else if (auto* x = ddlint_fast::exact<P::DropIndexItemContext>(item)) {
    a.kind = K::DropIndex;
    a.name = name(x->ident());
    a.if_exists = x->ifExists() != nullptr;
  } else if (ddlint_fast::exact<P::DropPrimaryKeyContext>(item)) {
    a.kind = K::DropPrimaryKey;
  } else if (auto* x = ddlint_fast::exact<P::DropForeignKeyContext>(item)) {
    a.kind = K::DropConstraint;
    a.name = name(x->ident());
    a.if_exists = x->ifExists() != nullptr;
  } else if (auto* x = ddlint_fast::exact<P::DropConstraintItemContext>(item)) {
    a.kind = K::DropConstraint;
    a.name = name(x->ident());
    a.if_exists = x->ifExists() != nullptr;
  } else if (auto* x = ddlint_fast::exact<P::DropColumnContext>(item)) {
    a.kind = K::DropColumn;
    a.column = name(x->ident());
    a.if_exists = x->ifExists() != nullptr;
    a.cascade = x->CASCADE() != nullptr;
  } else if (auto* x = ddlint_fast::exact<P::RenameColumnContext>(item)) {
    a.kind = K::RenameColumn;
    a.column = name(x->old);
    a.name = name(x->new_);
  } else if (auto* x = ddlint_fast::exact<P::RenameToContext>(item)) {
    a.kind = K::RenameTable;
    a.name = table_name(x->tableName()).display();
  } else if (auto* x = ddlint_fast::exact<P::ConvertCharsetContext>(item)) {
    a.kind = K::ConvertCharset;
    a.name = x->nameOrString().empty() ? "default" : lower_ascii(name_or_string(x->nameOrString(0)));
  } else if (auto* x = ddlint_fast::exact<P::RenameIndexContext>(item)) {
    a.kind = K::Other;
    a.native = "RENAME INDEX";
    a.name = name(x->old);
  } else if (auto* x = ddlint_fast::exact<P::AlterIndexVisibilityContext>(item)) {
    // ALTER INDEX i [IN]VISIBLE (MySQL), [NOT] IGNORED (MariaDB).
    a.kind = K::Other;
    a.native = "ALTER INDEX";
    a.name = name(x->ident(0));
  } else if (auto* x = ddlint_fast::exact<P::DropWordsContext>(item)) {
    // DROP SYSTEM VERSIONING (MariaDB).
    a.kind = K::Other;
    a.native = "DROP " + upper_ascii(text(x->ident(0))) + " " + upper_ascii(text(x->ident(1)));
  } else {
    // FORCE, visibility, [NOT] ENFORCED, WITH VALIDATION: the leading
    // words name it.
    a.kind = K::Other;
    std::string words;
    for (size_t i = item->start->getTokenIndex(); i <= item->stop->getTokenIndex() && i < tokens_.size();
         ++i) {
      if (!is_word(tokens_[i]->getType()) || tokens_[i]->getType() == P::BQ_ID) break;
      if (!words.empty()) words += ' ';
      words += upper_ascii(tokens_[i]->getText());
      if (words.size() > 24) break;
    }
    a.native = words;
  }
  (void)t;
  return a;
}

ir::AlterTable Lowerer::alter_table(P::AlterTableContext* c) const {
  ir::AlterTable t;
  t.table = table_name(c->tableName());
  t.if_exists = c->ifExists() != nullptr;
  // MariaDB ALTER ONLINE TABLE: LOCK=NONE (the statement fails when the
  // operation cannot run so). A LOCK= clause written as well overrides it.
  if (c->ONLINE() != nullptr) {
    t.lock = "NONE";
    t.lock_range = range(c->ONLINE());
  }
  if (auto* list = c->alterList()) {
    for (auto* child : list->children) {
      if (auto* x = ddlint_fast::exact<P::AlterAlgorithmContext>(child)) {
        t.algorithm = option_word(x);
        t.algorithm_range = range(x);
      } else if (auto* x = ddlint_fast::exact<P::AlterLockContext>(child)) {
        t.lock = option_word(x);
        t.lock_range = range(x);
      } else if (auto* x = ddlint_fast::exact<P::AddColumnsContext>(child)) {
        // ADD (column or index definitions, ...): one action each.
        for (auto* e : x->tableElement()) {
          ir::AlterAction a;
          a.range = range(e);
          if (auto* d = e->columnDef()) {
            a.kind = ir::AlterKind::AddColumn;
            a.column_def = column(d);
            a.column = a.column_def->name;
            a.if_exists = x->ifNotExists() != nullptr;
          } else {
            a.constraint = table_constraint(e->tableConstraint());
            a.name = a.constraint->name;
            a.kind = is_index(a.constraint->kind) ? ir::AlterKind::AddIndex : ir::AlterKind::AddConstraint;
          }
          t.actions.push_back(std::move(a));
        }
      } else if (auto* x = ddlint_fast::exact<P::AlterTableOptionsContext>(child)) {
        for (auto* o : x->tableOption()) {
          ir::AlterAction a;
          a.kind = ir::AlterKind::TableOptions;
          a.range = range(o);
          a.native = std::string(text(o));
          // REMOVE PARTITIONING / UPGRADE PARTITIONING read like an option
          // without `=`: partition changes.
          const std::string words = upper_ascii(a.native);
          if (words == "REMOVE PARTITIONING" || words == "UPGRADE PARTITIONING") {
            a.kind = ir::AlterKind::Other;
            a.native = words;
          }
          t.actions.push_back(std::move(a));
        }
      } else if (auto* x = ddlint_fast::of_rule<P::AlterItemContext>(child, P::RuleAlterItem)) {
        t.actions.push_back(action(x, t));
      } else if (auto* x = ddlint_fast::of_rule<P::AlterTailContext>(child, P::RuleAlterTail)) {
        // Partition clauses and ORDER BY: the leading words name them.
        ir::AlterAction a;
        a.kind = ir::AlterKind::Other;
        a.range = range(x);
        if (ddlint_fast::exact<P::PartitionActionContext>(x))
          a.native = upper_ascii(x->start->getText()) + " PARTITION";
        else
          a.native = ddlint_fast::exact<P::PartitionByContext>(x) ? "PARTITION BY" : "ORDER BY";
        t.actions.push_back(std::move(a));
      }
    }
  }
  return t;
}

}  // namespace ddlint::parser::mysql
