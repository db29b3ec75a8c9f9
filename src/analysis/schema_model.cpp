#include "analysis/schema_model.h"

#include "analysis/migration_facts.h"

namespace ddlint::analysis {

SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name, bool create) {
  auto& list = tables_[name.name];
  for (auto& t : list)
    if (same_table(t.name, name)) return &t;
  if (!create) return nullptr;
  list.push_back({name, true, true, false, {}});
  return &list.back();
}

const SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name) const {
  const auto it = tables_.find(name.name);
  if (it == tables_.end()) return nullptr;
  for (const auto& t : it->second)
    if (same_table(t.name, name)) return &t;
  return nullptr;
}

const ir::TypeName* SchemaModel::column_type(const ir::QualifiedName& t, const std::string& column) const {
  const Table* tab = table(t);
  if (!tab || !tab->exists) return nullptr;
  const auto it = tab->columns.find(column);
  return it == tab->columns.end() ? nullptr : &it->second;
}

KnownTable SchemaModel::table_state(const ir::QualifiedName& name) const {
  KnownTable k;
  k.name = name;
  const Table* t = table(name);
  if (!t) return k;
  k.seen = true;
  k.exists = t->exists;
  k.columns_known = t->columns_known;
  for (const auto& [c, type] : t->columns) k.columns.emplace_back(c, type);
  return k;
}

void SchemaModel::seed(const KnownTable& k) {
  if (!k.seen) return;
  Table* t = table(k.name, true);
  t->exists = k.exists;
  t->columns_known = k.columns_known;
  t->columns.clear();
  for (const auto& [c, type] : k.columns) t->columns[c] = type;
}

void SchemaModel::apply(const ir::Statement& st) {
  if (const auto* c = st.as<ir::CreateTable>()) {
    Table* t = table(c->table, true);
    t->exists = true;
    t->temporary = c->temporary;
    t->columns.clear();  // CREATE TABLE replaces whatever was known under the name
    // AS SELECT, LIKE-only and PARTITION OF tables take columns from elsewhere.
    t->columns_known = !c->as_select && !c->partition_of && !c->columns.empty();
    for (const auto& col : c->columns) t->columns[col.name] = col.type;
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->object != ir::ObjectKind::Table) return;
    Table* t = table(a->table, false);
    for (const auto& act : a->actions) {
      if (act.kind == ir::AlterKind::AddColumn && act.column_def) {
        if (!t) t = table(a->table, true), t->columns_known = false;
        t->columns[act.column_def->name] = act.column_def->type;
      } else if (act.kind == ir::AlterKind::AlterColumnType && act.new_type) {
        if (!t) t = table(a->table, true), t->columns_known = false;
        t->columns[act.column] = *act.new_type;
      } else if (act.kind == ir::AlterKind::DropColumn && t) {
        t->columns.erase(act.column);
      }
    }
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object != ir::ObjectKind::Table && d->object != ir::ObjectKind::MaterializedView) return;
    for (const auto& n : d->names)
      if (Table* t = table(n, false)) {
        t->exists = false;
        t->columns.clear();
      }
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Column) {
      Table* t = table(r->target, false);
      if (!t) return;
      const auto it = t->columns.find(r->subname);
      if (it == t->columns.end()) return;
      ir::TypeName type = it->second;
      t->columns.erase(it);
      t->columns[r->new_name] = std::move(type);
    } else if (r->object == ir::ObjectKind::Table) {
      Table* t = table(r->target, false);
      if (!t) return;
      Table moved = *t;
      t->exists = false;
      t->columns.clear();
      moved.name = {r->target.schema, r->new_name, {}};
      Table* to = table(moved.name, true);
      *to = std::move(moved);
    }
  }
}

void SchemaModel::apply(const ir::ParsedFile& file, const RunnerPlan& plan) {
  for (const auto& st : file.statements)
    if (!plan.sections[plan.section_at(st.range.begin)].down) apply(st);
  end_session();
}

void SchemaModel::end_session() {
  for (auto& [name, list] : tables_)
    for (auto& t : list)
      if (t.temporary) {
        t.exists = false;
        t.temporary = false;
        t.columns.clear();
      }
}

std::vector<ir::QualifiedName> referenced_tables(const ir::Statement& st) {
  std::vector<ir::QualifiedName> out;
  auto fks = [&](const std::vector<ir::Constraint>& ks) {
    for (const auto& k : ks)
      if (k.kind == ir::ConstraintKind::ForeignKey && !k.ref_table.empty()) out.push_back(k.ref_table);
  };
  if (const auto* c = st.as<ir::CreateTable>()) {
    out.push_back(c->table);
    for (const auto& col : c->columns) fks(col.constraints);
    fks(c->constraints);
    if (c->partition_of) out.push_back(*c->partition_of);
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    out.push_back(a->table);
    for (const auto& act : a->actions) {
      if (act.constraint) fks({*act.constraint});
      if (act.column_def) fks(act.column_def->constraints);
      if (!act.partition.empty()) out.push_back(act.partition);
    }
  } else if (const auto* i = st.as<ir::CreateIndex>()) {
    out.push_back(i->table);
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object == ir::ObjectKind::Table)
      for (const auto& n : d->names) out.push_back(n);
  } else if (const auto* t = st.as<ir::Truncate>()) {
    for (const auto& n : t->tables) out.push_back(n);
  } else if (const auto* u = st.as<ir::Update>()) {
    out.push_back(u->table);
  } else if (const auto* dl = st.as<ir::Delete>()) {
    out.push_back(dl->table);
  } else if (const auto* in = st.as<ir::Insert>()) {
    out.push_back(in->table);
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Table || r->object == ir::ObjectKind::Column) {
      out.push_back(r->target);
      if (r->object == ir::ObjectKind::Table) out.push_back({r->target.schema, r->new_name, {}});
    }
  }
  return out;
}

std::vector<KnownTable> SchemaModel::needed_by(const ir::ParsedFile& file) const {
  std::vector<KnownTable> out;
  for (const auto& st : file.statements)
    for (const auto& t : referenced_tables(st)) {
      bool dup = false;
      for (const auto& k : out) dup |= same_table(k.name, t);
      if (!dup) out.push_back(table_state(t));
    }
  return out;
}

}  // namespace ddlint::analysis
