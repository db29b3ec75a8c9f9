#include "analysis/pg_types.h"

#include <charconv>

#include "analysis/migration_facts.h"

namespace ddlint::analysis {

namespace {

std::optional<long> number(const std::string& s) {
  long v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool same(const ir::TypeName& a, const ir::TypeName& b) {
  return a.name == b.name && a.modifiers == b.modifiers && a.array == b.array;
}

// numeric(p) is numeric(p,0); unconstrained numeric has no typmod.
bool numeric_widening(const ir::TypeName& from, const ir::TypeName& to) {
  if (to.modifiers.empty()) return true;  // to unconstrained numeric
  if (from.modifiers.empty()) return false;
  const auto p1 = number(from.modifiers[0]);
  const auto p2 = number(to.modifiers[0]);
  const auto s1 = from.modifiers.size() > 1 ? number(from.modifiers[1]) : std::optional<long>(0);
  const auto s2 = to.modifiers.size() > 1 ? number(to.modifiers[1]) : std::optional<long>(0);
  return p1 && p2 && s1 && s2 && *p2 >= *p1 && *s1 == *s2;
}

bool length_widening(const ir::TypeName& from, const ir::TypeName& to) {
  if (to.modifiers.empty()) return true;  // the limit removed
  if (from.modifiers.empty()) return false;
  const auto n = number(from.modifiers[0]);
  const auto m = number(to.modifiers[0]);
  return n && m && *m >= *n;
}

}  // namespace

TypeChange pg_type_change(const ir::TypeName& from, const ir::TypeName& to, bool has_using) {
  if (has_using) return TypeChange::Rewrite;
  if (same(from, to)) return TypeChange::NoRewrite;
  if (from.array != to.array || from.array) return TypeChange::Rewrite;
  const std::string& a = from.name;
  const std::string& b = to.name;
  if (a == "varchar" && (b == "text" || (b == "varchar" && length_widening(from, to))))
    return TypeChange::NoRewrite;
  if (a == "text" && b == "varchar" && to.modifiers.empty()) return TypeChange::NoRewrite;
  if ((a == "varbit" && b == "varbit") && length_widening(from, to)) return TypeChange::NoRewrite;
  if (a == "numeric" && b == "numeric" && numeric_widening(from, to)) return TypeChange::NoRewrite;
  return TypeChange::Rewrite;
}

std::string display(const ir::TypeName& t) {
  std::string out = t.name;
  if (!t.modifiers.empty()) {
    out += '(';
    for (size_t i = 0; i < t.modifiers.size(); ++i) out += (i ? "," : "") + t.modifiers[i];
    out += ')';
  }
  if (t.array) out += "[]";
  return out;
}

ColumnTypes::Table* ColumnTypes::table(const ir::QualifiedName& name, bool create) {
  auto& list = tables_[name.name];
  for (auto& t : list)
    if (same_table(t.name, name)) return &t;
  if (!create) return nullptr;
  list.push_back({name, {}});
  return &list.back();
}

const ColumnTypes::Table* ColumnTypes::table(const ir::QualifiedName& name) const {
  const auto it = tables_.find(name.name);
  if (it == tables_.end()) return nullptr;
  for (const auto& t : it->second)
    if (same_table(t.name, name)) return &t;
  return nullptr;
}

const ir::TypeName* ColumnTypes::find(const ir::QualifiedName& t, const std::string& column) const {
  const Table* tab = table(t);
  if (!tab) return nullptr;
  const auto it = tab->columns.find(column);
  return it == tab->columns.end() ? nullptr : &it->second;
}

void ColumnTypes::seed(const KnownColumnType& k) {
  Table* t = table(k.table, true);
  if (k.type)
    t->columns[k.column] = *k.type;
  else
    t->columns.erase(k.column);
}

void ColumnTypes::apply(const ir::Statement& st) {
  if (const auto* c = st.as<ir::CreateTable>()) {
    if (c->temporary) return;
    Table* t = table(c->table, true);
    t->columns.clear();  // CREATE TABLE replaces whatever was known under the name
    for (const auto& col : c->columns) t->columns[col.name] = col.type;
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->object != ir::ObjectKind::Table) return;
    for (const auto& act : a->actions) {
      if (act.kind == ir::AlterKind::AddColumn && act.column_def) {
        table(a->table, true)->columns[act.column_def->name] = act.column_def->type;
      } else if (act.kind == ir::AlterKind::AlterColumnType && act.new_type) {
        table(a->table, true)->columns[act.column] = *act.new_type;
      } else if (act.kind == ir::AlterKind::DropColumn) {
        if (Table* t = table(a->table, false)) t->columns.erase(act.column);
      }
    }
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object != ir::ObjectKind::Table) return;
    for (const auto& n : d->names)
      if (Table* t = table(n, false)) t->columns.clear();
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
      auto columns = std::move(t->columns);
      t->columns.clear();
      table({r->target.schema, r->new_name, {}}, true)->columns = std::move(columns);
    }
  }
}

void ColumnTypes::apply(const ir::ParsedFile& file, const RunnerPlan& plan) {
  for (const auto& st : file.statements)
    if (!plan.sections[plan.section_at(st.range.begin)].down) apply(st);
}

std::vector<KnownColumnType> ColumnTypes::needed_by(const ir::ParsedFile& file) const {
  std::vector<KnownColumnType> out;
  for (const auto& st : file.statements)
    if (const auto* a = st.as<ir::AlterTable>())
      for (const auto& act : a->actions)
        if (act.kind == ir::AlterKind::AlterColumnType)
          if (const ir::TypeName* t = find(a->table, act.column)) out.push_back({a->table, act.column, *t});
  return out;
}

}  // namespace ddlint::analysis
