#include "analysis/schema_model.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "analysis/migration_facts.h"
#include "core/ascii.h"

namespace ddlint::analysis {

SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name, bool create) {
  auto& list = tables_[name.name];
  for (auto& t : list)
    if (same_table(t.name, name)) return &t;
  if (!create) return nullptr;
  Table t;
  t.name = name;
  list.push_back(std::move(t));
  return &list.back();
}

const SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name) const {
  const auto it = tables_.find(name.name);
  if (it == tables_.end()) return nullptr;
  for (const auto& t : it->second)
    if (same_table(t.name, name)) return &t;
  return nullptr;
}

const KnownColumn* KnownTable::column(const std::string& name) const {
  for (const auto& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

const KnownColumn* SchemaModel::column(const ir::QualifiedName& t, const std::string& column,
                                       bool fold_case) const {
  const Table* tab = table(t);
  if (!tab || !tab->exists) return nullptr;
  if (const auto it = tab->columns.find(column); it != tab->columns.end()) return &it->second;
  if (!fold_case) return nullptr;
  auto same = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const auto& [name, c] : tab->columns)
    if (same(name, column)) return &c;
  return nullptr;
}

const ir::TypeName* SchemaModel::column_type(const ir::QualifiedName& t, const std::string& column) const {
  const Table* tab = table(t);
  if (!tab || !tab->exists) return nullptr;
  const auto it = tab->columns.find(column);
  return it == tab->columns.end() ? nullptr : &it->second.type;
}

void SchemaModel::set_column(Table& t, const ir::ColumnDef& def, std::string_view version) {
  KnownColumn c;
  c.version = version;
  c.name = def.name;
  c.type = def.type;
  c.not_null = def.not_null;
  for (const auto& k : def.constraints) {
    if (k.kind == ir::ConstraintKind::PrimaryKey || k.kind == ir::ConstraintKind::Unique ||
        k.kind == ir::ConstraintKind::Index)
      c.indexed = true;
    if (k.kind == ir::ConstraintKind::PrimaryKey) c.primary_key = true;
  }
  // A column redefined (MODIFY) keeps its index membership; a primary key
  // column stays NOT NULL.
  if (const auto it = t.columns.find(def.name); it != t.columns.end()) {
    c.indexed |= it->second.indexed;
    c.primary_key |= it->second.primary_key;
    c.version = it->second.version;
  }
  if (c.primary_key) c.not_null = true;
  t.columns[def.name] = std::move(c);
}

void SchemaModel::mark_indexed(Table& t, const std::vector<std::string>& columns) {
  for (const auto& c : columns)
    if (const auto it = t.columns.find(c); it != t.columns.end()) it->second.indexed = true;
}

KnownTable SchemaModel::table_state(const ir::QualifiedName& name) const {
  KnownTable k;
  k.name = name;
  const Table* t = table(name);
  if (!t || (!t->seen && !t->exists)) return k;
  k.seen = true;
  k.exists = t->exists;
  k.columns_known = t->columns_known;
  for (const auto& [name, c] : t->columns) k.columns.push_back(c);
  k.engine = t->engine;
  k.charset = t->charset;
  k.row_format = t->row_format;
  k.fulltext = t->fulltext;
  k.triggers = t->triggers;
  k.trigger_events = t->trigger_events;
  k.indexes = t->indexes;
  return k;
}

SchemaModel::TableView SchemaModel::view(const ir::QualifiedName& name) const {
  const Table* t = table(name);
  return TableView(!t || (!t->seen && !t->exists) ? nullptr : t);
}

const KnownColumn* SchemaModel::TableView::column(const std::string& name) const {
  if (t_ == nullptr) return nullptr;
  const auto it = t_->columns.find(name);
  return it == t_->columns.end() ? nullptr : &it->second;
}

std::vector<std::string> SchemaModel::TableView::triggers_for(uint8_t event) const {
  std::vector<std::string> out;
  if (t_ == nullptr) return out;
  for (const auto& name : t_->triggers) {
    const auto e = t_->trigger_events.find(name);
    if (e == t_->trigger_events.end() || (e->second & event) != 0) out.push_back(name);
  }
  return out;
}

void SchemaModel::add_index(const std::string& index, const ir::QualifiedName& table_name) {
  if (index.empty()) return;
  drop_index(index);
  indexes_[index] = {{table_name.schema, table_name.name, {}}, false};
  if (Table* t = table(table_name, false)) t->indexes.push_back(index);
}

void SchemaModel::drop_index(const std::string& index) {
  const auto it = indexes_.find(index);
  if (it == indexes_.end()) return;
  if (Table* t = table(it->second.table, false)) std::erase(t->indexes, index);
  indexes_.erase(it);
}

void SchemaModel::drop_indexes_of(Table& t) {
  for (const auto& name : t.indexes)
    if (const auto it = indexes_.find(name); it != indexes_.end()) it->second.gone = true;
  t.indexes.clear();
}

const ir::QualifiedName* SchemaModel::index_table(const ir::QualifiedName& index, bool* gone) const {
  const auto it = indexes_.find(index.name);
  if (it == indexes_.end()) return nullptr;
  if (!index.schema.empty() && !it->second.table.schema.empty() && index.schema != it->second.table.schema)
    return nullptr;
  if (gone) *gone = it->second.gone;
  return &it->second.table;
}

void SchemaModel::seed(const KnownTable& k) {
  if (!k.seen) return;
  Table* t = table(k.name, true);
  t->exists = k.exists;
  t->columns_known = k.columns_known;
  t->columns.clear();
  for (const auto& c : k.columns) t->columns[c.name] = c;
  t->engine = k.engine;
  t->charset = k.charset;
  t->row_format = k.row_format;
  t->fulltext = k.fulltext;
  t->triggers = k.triggers;
  t->trigger_events = k.trigger_events;
  t->indexes.clear();
  for (const auto& index : k.indexes) add_index(index, k.name);
}

namespace {

std::string function_key(std::string_view name) {
  std::string k(name);
  for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

}  // namespace

void SchemaModel::seed(const KnownFunction& f) { functions_[function_key(f.name)] = f.volatility; }

ir::Volatility SchemaModel::function_volatility(std::string_view name) const {
  const auto it = functions_.find(function_key(name));
  return it == functions_.end() ? ir::Volatility::Unknown : it->second;
}

std::vector<KnownFunction> SchemaModel::known_functions(const std::vector<std::string>& names) const {
  std::vector<KnownFunction> out;
  for (const auto& n : names)
    if (const auto v = function_volatility(n); v != ir::Volatility::Unknown) out.push_back({n, v});
  return out;
}

std::vector<KnownFunction> SchemaModel::functions_needed_by(const ir::ParsedFile& file) const {
  std::vector<KnownFunction> out;
  if (functions_.empty()) return out;
  for (const auto& st : file.statements)
    if (const auto* at = st.as<ir::AlterTable>())
      for (const auto& a : at->actions)
        if (a.kind == ir::AlterKind::AddColumn && a.column_def && a.column_def->default_value)
          for (auto& k : known_functions(a.column_def->default_value->functions)) {
            bool dup = false;
            for (const auto& o : out) dup |= o.name == k.name;
            if (!dup) out.push_back(std::move(k));
          }
  return out;
}

void SchemaModel::apply(const ir::Statement& st) {
  // CREATE [OR REPLACE] FUNCTION declares (or redeclares) its volatility;
  // DROP FUNCTION forgets it.
  if (const auto* o = st.as<ir::Opaque>();
      o && o->volatility != ir::Volatility::Unknown && !o->routine.empty())
    functions_[function_key(o->routine.name)] = o->volatility;
  if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Function)
    for (const auto& n : d->names) functions_.erase(function_key(n.name));
  if (const auto* c = st.as<ir::CreateTable>()) {
    if (c->like) {
      // CREATE TABLE t LIKE src: src's columns, indexes and options, when
      // src is known (otherwise t's columns are unknown).
      const Table* src = table(*c->like);
      Table copy;
      if (src && src->exists) {
        copy = *src;
        copy.shadowed.reset();
        copy.triggers.clear();
      } else {
        copy.columns_known = false;
      }
      copy.name = c->table;
      copy.exists = true;
      copy.seen = true;
      copy.temporary = c->temporary;
      if (c->temporary) temporary_names_.push_back(c->table.name);
      Table* t = table(c->table, true);
      if (c->temporary && t->exists && !t->temporary) copy.shadowed = std::make_shared<const Table>(*t);
      *t = std::move(copy);
      return;
    }
    const bool fresh = table(c->table, false) == nullptr || !table(c->table, false)->seen;
    Table* t = table(c->table, true);
    if (c->temporary && t->exists && !t->temporary && !fresh)
      t->shadowed = std::make_shared<const Table>(*t);
    else if (!c->temporary)
      t->shadowed.reset();
    // A temporary table over a name the history never saw leaves it unseen.
    t->seen = !(c->temporary && fresh);
    t->exists = true;
    t->temporary = c->temporary;
    if (c->temporary) temporary_names_.push_back(c->table.name);
    t->columns.clear();  // CREATE TABLE replaces whatever was known under the name
    t->triggers.clear();
    if (!c->temporary) drop_indexes_of(*t);
    // AS SELECT, LIKE-only and PARTITION OF tables take columns from elsewhere.
    t->columns_known = !c->as_select && !c->partition_of && !c->columns.empty();
    for (const auto& col : c->columns) set_column(*t, col, version_);
    t->engine = ascii_lower(c->option("ENGINE"));
    t->charset = ascii_lower(c->option("CHARSET"));
    if (t->charset == "default") t->charset.clear();
    t->row_format = ascii_upper(c->option("ROW_FORMAT"));
    if (t->row_format == "DEFAULT") t->row_format.clear();
    t->fulltext = std::any_of(c->constraints.begin(), c->constraints.end(),
                              [](const ir::Constraint& k) { return k.kind == ir::ConstraintKind::Fulltext; });
    for (const auto& k : c->constraints)
      if (k.kind == ir::ConstraintKind::PrimaryKey || k.kind == ir::ConstraintKind::Unique ||
          k.kind == ir::ConstraintKind::Index || k.kind == ir::ConstraintKind::Fulltext ||
          k.kind == ir::ConstraintKind::Spatial) {
        mark_indexed(*t, k.columns);
        if (!c->temporary) add_index(k.name, c->table);
        if (k.kind == ir::ConstraintKind::PrimaryKey)
          for (const auto& name : k.columns)
            if (const auto it = t->columns.find(name); it != t->columns.end())
              it->second.not_null = it->second.primary_key = true;
      }
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->object != ir::ObjectKind::Table) return;
    Table* t = table(a->table, false);
    auto known = [&]() -> Table& {
      if (!t) {
        t = table(a->table, true);
        t->columns_known = false;
      } else if (!t->exists) {
        // Altered after the history dropped it (a teardown script that sorts
        // before the upgrades, or a table re-created outside the migrations):
        // it exists, with columns ddlint does not know.
        t->exists = true;
        t->columns.clear();
        t->columns_known = false;
      }
      return *t;
    };
    for (const auto& act : a->actions) {
      switch (act.kind) {
        case ir::AlterKind::AddColumn:
        case ir::AlterKind::ModifyColumn:
          if (act.column_def)
            set_column(known(), *act.column_def, act.kind == ir::AlterKind::AddColumn ? version_ : "");
          break;
        case ir::AlterKind::ChangeColumn:
          if (act.column_def) {
            Table& tab = known();
            bool indexed = false;
            std::string version;
            if (const auto it = tab.columns.find(act.column); it != tab.columns.end()) {
              indexed = it->second.indexed;
              version = std::move(it->second.version);
              tab.columns.erase(it);
            }
            set_column(tab, *act.column_def, version);
            tab.columns[act.column_def->name].indexed |= indexed;
          }
          break;
        case ir::AlterKind::AlterColumnType:
          if (act.new_type) {
            Table& tab = known();
            const bool seen = tab.columns.count(act.column) > 0;
            auto& col = tab.columns[act.column];
            if (!seen) col.not_null_known = false;
            col.name = act.column;
            col.type = *act.new_type;
          }
          break;
        case ir::AlterKind::SetNotNull:
        case ir::AlterKind::DropNotNull:
          if (t)
            if (const auto it = t->columns.find(act.column); it != t->columns.end())
              it->second.not_null = act.kind == ir::AlterKind::SetNotNull;
          break;
        case ir::AlterKind::DropColumn:
          if (t) t->columns.erase(act.column);
          break;
        case ir::AlterKind::RenameColumn:
          if (t)
            if (const auto it = t->columns.find(act.column); it != t->columns.end() && !act.name.empty()) {
              KnownColumn c = it->second;
              t->columns.erase(it);
              c.name = act.name;
              t->columns[act.name] = std::move(c);
            }
          break;
        case ir::AlterKind::AddIndex:
        case ir::AlterKind::AddConstraint:
          if (t && act.constraint) {
            const auto kind = act.constraint->kind;
            if (kind != ir::ConstraintKind::Check && kind != ir::ConstraintKind::ForeignKey &&
                kind != ir::ConstraintKind::Exclusion)
              mark_indexed(*t, act.constraint->columns);
            if (kind == ir::ConstraintKind::Fulltext) t->fulltext = true;
            if (kind != ir::ConstraintKind::Check && kind != ir::ConstraintKind::ForeignKey)
              add_index(act.constraint->name.empty() ? act.name : act.constraint->name, a->table);
            if (kind == ir::ConstraintKind::PrimaryKey)
              for (const auto& name : act.constraint->columns)
                if (const auto it = t->columns.find(name); it != t->columns.end())
                  it->second.not_null = it->second.primary_key = true;
          }
          break;
        case ir::AlterKind::RenameTable:
          if (t && !act.name.empty()) {
            Table moved = *t;
            t->exists = false;
            t->columns.clear();
            t->indexes.clear();
            moved.name = {a->table.schema, act.name, {}};
            for (const auto& index : moved.indexes)
              if (const auto it = indexes_.find(index); it != indexes_.end()) it->second.table = moved.name;
            Table* to = table(moved.name, true);
            *to = std::move(moved);
            t = to;
          }
          break;
        case ir::AlterKind::TableOptions:
          // MySQL ENGINE= / ROW_FORMAT= (one option per action, as written).
          if (t) {
            const std::string o = ascii_upper(act.native);
            auto value = [&](std::string_view name) -> std::string {
              if (o.rfind(name, 0) != 0) return {};
              size_t i = name.size();
              while (i < o.size() && (o[i] == ' ' || o[i] == '=' || o[i] == '\t')) ++i;
              size_t e = i;
              while (e < o.size() && (std::isalnum(static_cast<unsigned char>(o[e])) || o[e] == '_')) ++e;
              return i == name.size() ? std::string() : o.substr(i, e - i);
            };
            if (auto v = value("ENGINE"); !v.empty()) t->engine = ascii_lower(v);
            if (auto v = value("ROW_FORMAT"); !v.empty()) t->row_format = v == "DEFAULT" ? "" : v;
          }
          break;
        default:
          break;
      }
    }
  } else if (const auto* i = st.as<ir::CreateIndex>()) {
    add_index(i->name, i->table);
    if (Table* t = table(i->table, false)) {
      mark_indexed(*t, i->columns);
      if (i->mysql_kind == ir::ConstraintKind::Fulltext) t->fulltext = true;
    }
  } else if (const auto* o = st.as<ir::Opaque>()) {
    if (o->on_table.empty() || o->trigger.empty()) return;
    Table* t = table(o->on_table, false);
    if (!t) {
      // A table the history does not show: its triggers are still known.
      t = table(o->on_table, true);
      t->columns_known = false;
    }
    if (std::find(t->triggers.begin(), t->triggers.end(), o->trigger) == t->triggers.end())
      t->triggers.push_back(o->trigger);
    if (o->trigger_events != 0)
      t->trigger_events[o->trigger] = o->trigger_events;
    else
      t->trigger_events.erase(o->trigger);
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object == ir::ObjectKind::Trigger) {
      // PostgreSQL names the table (DROP TRIGGER t ON tbl: schema = table);
      // MySQL does not, so the trigger is looked up by name.
      for (const auto& n : d->names)
        for (auto& [key, list] : tables_)
          for (auto& t : list)
            if (n.schema.empty() || t.name.name == n.schema) {
              std::erase(t.triggers, n.name);
              t.trigger_events.erase(n.name);
            }
      return;
    }
    if (d->object == ir::ObjectKind::Index) {
      for (const auto& n : d->names) drop_index(n.name);
      return;
    }
    if (d->object != ir::ObjectKind::Table && d->object != ir::ObjectKind::MaterializedView) return;
    for (const auto& n : d->names)
      if (Table* t = table(n, false)) {
        // DROP [TEMPORARY] TABLE drops the session's temporary table first;
        // DROP TEMPORARY TABLE never drops a table of the schema.
        if (t->temporary) {
          drop_temporary(*t);
        } else if (!d->temporary) {
          t->exists = false;
          t->columns.clear();
          t->triggers.clear();
          drop_indexes_of(*t);
        }
      }
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Column) {
      Table* t = table(r->target, false);
      if (!t) return;
      const auto it = t->columns.find(r->subname);
      if (it == t->columns.end()) return;
      KnownColumn c = it->second;
      t->columns.erase(it);
      c.name = r->new_name;
      t->columns[r->new_name] = std::move(c);
    } else if (r->object == ir::ObjectKind::Index) {
      const auto it = indexes_.find(r->target.name);
      if (it == indexes_.end() || it->second.gone) return;
      const ir::QualifiedName owner = it->second.table;
      drop_index(r->target.name);
      add_index(r->new_name, owner);
    } else if (r->object == ir::ObjectKind::Table) {
      Table* t = table(r->target, false);
      if (!t) return;
      Table moved = *t;
      t->exists = false;
      t->columns.clear();
      t->indexes.clear();
      moved.name = {r->target.schema, r->new_name, {}};
      for (const auto& index : moved.indexes)
        if (const auto it = indexes_.find(index); it != indexes_.end()) it->second.table = moved.name;
      if (moved.temporary) temporary_names_.push_back(r->new_name);
      Table* to = table(moved.name, true);
      *to = std::move(moved);
    }
  }
}

void SchemaModel::apply(const ir::ParsedFile& file, const RunnerPlan& plan, std::string_view split_version) {
  version_ = split_version;
  for (const auto& st : file.statements)
    if (!plan.sections[plan.section_at(st.range.begin)].down) apply(st);
  version_.clear();
  end_session();
}

void SchemaModel::drop_temporary(Table& t) {
  if (t.shadowed) {
    const std::shared_ptr<const Table> hidden = std::move(t.shadowed);
    t = *hidden;
    return;
  }
  t.exists = false;
  t.temporary = false;
  t.columns.clear();
  t.triggers.clear();
}

void SchemaModel::end_session() {
  // Only the names a temporary table was created or renamed under: a long
  // history must not visit every table it knows after each file.
  for (const auto& name : temporary_names_)
    if (const auto it = tables_.find(name); it != tables_.end())
      for (auto& t : it->second)
        if (t.temporary) drop_temporary(t);
  temporary_names_.clear();
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
      if (!act.partition_name().empty()) out.push_back(act.partition_name());
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
  } else if (const auto* o = st.as<ir::Opaque>()) {
    if (!o->on_table.empty()) out.push_back(o->on_table);
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
  std::unordered_map<std::string, std::vector<size_t>> by_name;  // positions in `out`
  auto add = [&](const ir::QualifiedName& t) {
    auto& named = by_name[t.name];
    for (const size_t k : named)
      if (same_table(out[k].name, t)) return;
    named.push_back(out.size());
    out.push_back(table_state(t));
  };
  for (const auto& st : file.statements) {
    for (const auto& t : referenced_tables(st)) add(t);
    // An index the file names: its table, whose state carries the index.
    std::vector<const ir::QualifiedName*> indexes;
    if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Index)
      for (const auto& n : d->names) indexes.push_back(&n);
    if (const auto* r = st.as<ir::Rename>(); r && r->object == ir::ObjectKind::Index)
      indexes.push_back(&r->target);
    if (const auto* x = st.as<ir::Reindex>(); x && x->target == ir::ObjectKind::Index)
      indexes.push_back(&x->name);
    if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Index)
      indexes.push_back(&a->table);
    for (const auto* n : indexes) {
      bool gone = false;
      if (const auto* t = index_table(*n, &gone); t && !gone) add(*t);
    }
  }
  return out;
}

}  // namespace ddlint::analysis
