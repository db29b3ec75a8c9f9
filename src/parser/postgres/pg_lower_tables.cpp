// PostgreSQL lowering: CREATE TABLE [AS], ALTER TABLE, DROP, RENAME and column definitions.
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

void Lowerer::column_def(element cd, TextRange hint, ir::ColumnDef& col) const {
  bool has_location = false;
  int64_t location = -1;
  element tn;
  bool has_type = false;
  array constraints;
  bool is_not_null = false;
  FieldPass fields(cd);
  for (const auto f : fields) {
    if (fields.first(f, "colname", 1)) {
      col.name = str_of(f.value);
    } else if (fields.first(f, "location", 2)) {
      has_location = !f.value.is_null();
      location = num_of(f.value, -1);
    } else if (fields.first(f, "typeName", 4)) {
      tn = f.value;
      has_type = !tn.is_null();
    } else if (fields.first(f, "constraints", 8)) {
      constraints = items_of(f.value);
    } else if (fields.first(f, "is_not_null", 16)) {
      is_not_null = flag_of(f.value);
    }
  }
  const uint32_t start = !has_location  ? hint.begin
                         : location < 0 ? base_
                                        : base_ + static_cast<uint32_t>(location);
  const size_t i = token_index_at(start);
  col.range = {start, hint.end ? hint.end : element_end(i, false)};
  col.name_range = i < tokens_.size() ? TextRange{tokens_[i].begin, tokens_[i].end} : col.range;
  if (has_type) col.type = type_name(tn);
  col.constraints.reserve(constraints.size());
  for (element ce : constraints) {
    element inner;
    if (node_kind(ce, inner) != "Constraint") continue;
    ir::Constraint& k = col.constraints.emplace_back();
    constraint(inner, true, 0, k);
    if (k.kind == ir::ConstraintKind::NotNull || k.kind == ir::ConstraintKind::PrimaryKey)
      col.not_null = true;
    if (k.kind == ir::ConstraintKind::Default && k.expr) col.default_value = k.expr;
  }
  if (is_not_null) col.not_null = true;
}

ir::StatementNode Lowerer::create_table(element n, TextRange) {
  ir::Box<ir::CreateTable> boxed;  // built in the box the statement node takes
  ir::CreateTable& ct = boxed.emplace();
  element rv;
  if (child(n, "relation", rv)) {
    ct.table = range_var(rv);
    const auto p = str(rv, "relpersistence");
    ct.temporary = p == "t";
    ct.unlogged = p == "u";
  }
  ct.if_not_exists = flag(n, "if_not_exists");
  if (has(n, "partbound")) {
    for (element parent : items(n, "inhRelations")) {
      element inner;
      if (node_kind(parent, inner) == "RangeVar") {
        ct.partition_of = range_var(inner);
        break;
      }
    }
  }
  const array elements = items(n, "tableElts");
  ct.columns.reserve(elements.size());
  for (element e : elements) {
    element inner;
    const auto kind = node_kind(e, inner);
    if (kind == "ColumnDef") {
      column_def(inner, {}, ct.columns.emplace_back());
    } else if (kind == "Constraint") {
      constraint(inner, false, 0, ct.constraints.emplace_back());
    }
  }
  return boxed;
}

ir::StatementNode Lowerer::create_table_as(element n, TextRange) {
  const auto objtype = str(n, "objtype");
  if (objtype != "OBJECT_TABLE" && objtype != "OBJECT_MATVIEW") return opaque("CreateTableAsStmt");
  ir::CreateTable ct;
  ct.as_select = true;
  if (objtype == "OBJECT_MATVIEW") ct.object = ir::ObjectKind::MaterializedView;
  element into;
  element rel;
  if (child(n, "into", into) && child(into, "rel", rel)) {
    ct.table = range_var(rel);
    ct.temporary = str(rel, "relpersistence") == "t";
    ct.unlogged = str(rel, "relpersistence") == "u";
  }
  ct.if_not_exists = flag(n, "if_not_exists");
  return ct;
}

ir::StatementNode Lowerer::alter_table(element n, TextRange r) {
  ir::AlterTable at;
  element rv;
  if (child(n, "relation", rv)) {
    at.table = range_var(rv);
    at.only = !flag(rv, "inh");
  }
  at.object = object_kind(str(n, "objtype"));
  if (at.object == ir::ObjectKind::Other) at.object = ir::ObjectKind::Table;
  at.if_exists = flag(n, "missing_ok");
  array cmds = items(n, "cmds");
  const auto segments = split_actions(r, at.table.range.end ? at.table.range.end : r.begin);
  size_t idx = 0;
  const size_t count = cmds.size();
  at.actions.reserve(count);
  for (element wrapped : cmds) {
    element cmd;
    if (node_kind(wrapped, cmd) != "AlterTableCmd") continue;
    ir::AlterAction a;
    element def;
    FieldPass fields(cmd);
    for (const auto f : fields) {
      if (fields.first(f, "subtype", 1))
        a.native = str_of(f.value);
      else if (fields.first(f, "name", 2))
        a.column = str_of(f.value);
      else if (fields.first(f, "missing_ok", 4))
        a.if_exists = flag_of(f.value);
      else if (fields.first(f, "behavior", 8))
        a.cascade = str_of(f.value) == "DROP_CASCADE";
      else if (fields.first(f, "def", 16))
        def = f.value;
    }
    a.kind = alter_kind(a.native);
    a.range = segments.size() == count && idx < segments.size() ? segments[idx] : r;
    ++idx;
    const bool has_def = !def.is_null();
    element inner;
    const auto def_kind = has_def ? node_kind(def, inner) : std::string_view{};
    switch (a.kind) {
      case ir::AlterKind::AddColumn:
        if (def_kind == "ColumnDef") {
          // The definition starts after "ADD [COLUMN] [IF NOT EXISTS]".
          column_def(inner, {0, a.range.end}, a.column_def.emplace_or_get());
          a.column_def->range.end = a.range.end;
          a.column = a.column_def->name;
        }
        break;
      case ir::AlterKind::AlterColumnType:
        if (def_kind == "ColumnDef") {
          element tn;
          if (child(inner, "typeName", tn)) a.new_type = type_name(tn);
          element using_expr;
          if (child(inner, "raw_default", using_expr)) {
            const size_t u = find_token(token_index_at(a.range.begin), a.range.end, "using");
            if (u < tokens_.size()) a.expr = expr_after(using_expr, tokens_[u].end, false);
          }
        }
        break;
      case ir::AlterKind::SetDefault:
      case ir::AlterKind::DropDefault:
        break;
      case ir::AlterKind::AddConstraint:
        if (def_kind == "Constraint") {
          constraint(inner, false, a.range.end, a.constraint.emplace_or_get());
          a.name = a.constraint->name;
        }
        break;
      case ir::AlterKind::AttachPartition:
      case ir::AlterKind::DetachPartition:
        if (def_kind == "PartitionCmd") {
          element name;
          if (child(inner, "name", name)) {
            a.partition = range_var(name);
            a.name = a.partition->display();
          }
          a.concurrently = flag(inner, "concurrent");
        }
        break;
      default:
        if (a.kind == ir::AlterKind::DropConstraint || a.kind == ir::AlterKind::ValidateConstraint ||
            a.kind == ir::AlterKind::SetTablespace || a.kind == ir::AlterKind::EnableTrigger ||
            a.kind == ir::AlterKind::DisableTrigger || a.kind == ir::AlterKind::ClusterOn ||
            a.kind == ir::AlterKind::SetAccessMethod) {
          a.name = a.column;
          a.column.clear();
        }
        if (a.native == "AT_EnableTrigAll" || a.native == "AT_DisableTrigAll")
          a.triggers = ir::TriggerSet::All;
        if (a.native == "AT_EnableTrigUser" || a.native == "AT_DisableTrigUser")
          a.triggers = ir::TriggerSet::User;
        a.replica_only = a.native == "AT_EnableReplicaTrig";
        break;
    }
    if (a.native == "AT_ColumnDefault") {
      if (has_def) {
        a.kind = ir::AlterKind::SetDefault;
        const size_t d = find_token(token_index_at(a.range.begin), a.range.end, "default");
        a.expr = d < tokens_.size() ? expr_after(def, tokens_[d].end, false) : expr_in_range(def, a.range);
      } else {
        a.kind = ir::AlterKind::DropDefault;
      }
    }
    at.actions.push_back(std::move(a));
  }
  return at;
}

ir::StatementNode Lowerer::drop(element n, TextRange r) {
  ir::Drop d;
  d.object = object_kind(str(n, "removeType"));
  d.if_exists = flag(n, "missing_ok");
  d.cascade = str(n, "behavior") == "DROP_CASCADE";
  d.concurrently = flag(n, "concurrent");
  const auto type = str(n, "removeType");
  const bool on_table = type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" || type == "OBJECT_RULE";
  const bool routine = type == "OBJECT_FUNCTION" || type == "OBJECT_PROCEDURE";
  for (element o : items(n, "objects")) {
    // DROP FUNCTION f(args): the name of an ObjectWithArgs.
    element with_args;
    element objname;
    auto name = routine && node_kind(o, with_args) == "ObjectWithArgs" && child(with_args, "objname", objname)
                    ? name_list(objname, r)
                    : name_list(o, r);
    if (!name.empty()) d.names.push_back(std::move(name));
    if (on_table) d.on_table = name_list(o, r, 1);
  }
  if (d.object == ir::ObjectKind::Index) {
    const size_t k = find_token(token_index_at(r.begin), r.end, "index");
    if (k < tokens_.size()) d.keyword_range = {tokens_[k].begin, tokens_[k].end};
  }
  return d;
}

ir::StatementNode Lowerer::rename(element n, TextRange r) {
  ir::Rename rn;
  rn.object = object_kind(str(n, "renameType"));
  element rv;
  if (child(n, "relation", rv)) {
    rn.target = range_var(rv);
  } else {
    element obj;
    if (child(n, "object", obj)) rn.target = name_list(obj, r);
  }
  rn.subname = std::string(str(n, "subname"));
  rn.new_name = std::string(str(n, "newname"));
  return rn;
}

}  // namespace ddlint::parser::pg
