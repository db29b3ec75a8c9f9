#include "analysis/schema_model.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "analysis/migration_facts.h"
#include "core/ascii.h"

namespace ddlint::analysis {

namespace {

// same_table (migration_facts.h) of two names already known to be equal:
// an unqualified name matches any schema.
bool same_schema(const ir::QualifiedName& a, const ir::QualifiedName& b) {
  return a.schema.empty() || b.schema.empty() || a.schema == b.schema;
}

}  // namespace

SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name, bool create) {
  if (!create) {
    // A name never seen gets no entry.
    const auto it = tables_.find(name.name);
    if (it == tables_.end()) return nullptr;
    for (auto& t : it->second)
      if (same_schema(t.name, name)) return &t;
    return nullptr;
  }
  auto& list = tables_[name.name];
  for (auto& t : list)
    if (same_schema(t.name, name)) return &t;
  if (!create) return nullptr;
  Table t;
  t.name = name;
  t.state = std::make_shared<const TableState>();
  list.push_back(std::move(t));
  return &list.back();
}

ColumnList::ColumnList(const ColumnList& other) : live_(other.live_) {
  // A table is copied to be changed, most often to have a column or two
  // added: room for a few more, without moving every column at the first.
  constexpr size_t kRoom = 4;
  entries_.reserve(other.live_ + kRoom);
  if (other.live_ == other.entries_.size()) {
    entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
    index_ = other.index_;
    return;
  }
  for (const auto& e : other.entries_)
    if (!e.gone) entries_.push_back(e);
  reindex();
}

ColumnList& ColumnList::operator=(const ColumnList& other) {
  if (this != &other) *this = ColumnList(other);
  return *this;
}

const ColumnList::Entry* ColumnList::find_entry(std::string_view name) const {
  if (index_.empty()) {
    // No gaps: a scan.
    for (const auto& e : entries_)
      if (e.column.name == name) return &e;
    return nullptr;
  }
  const size_t mask = index_.size() - 1;
  for (size_t i = std::hash<std::string_view>{}(name)&mask; index_[i] != 0; i = (i + 1) & mask) {
    const Entry& e = entries_[index_[i] - 1];
    if (!e.gone && e.column.name == name) return &e;
  }
  return nullptr;
}

const KnownColumn* ColumnList::find(std::string_view name) const {
  const Entry* e = find_entry(name);
  return e ? &e->column : nullptr;
}

std::pair<KnownColumn*, bool> ColumnList::try_emplace(std::string_view name) {
  if (const Entry* e = find_entry(name)) return {const_cast<KnownColumn*>(&e->column), false};
  entries_.emplace_back().column.name = name;
  ++live_;
  if (index_.empty() ? entries_.size() > kIndexed : 2 * entries_.size() > index_.size())
    reindex();
  else if (!index_.empty())
    place(entries_.size() - 1);
  return {&entries_.back().column, true};
}

bool ColumnList::erase(std::string_view name) {
  const Entry* found = find_entry(name);
  if (found == nullptr) return false;
  auto it = entries_.begin() + (found - entries_.data());
  --live_;
  if (index_.empty()) {
    entries_.erase(it);  // a few columns: the rest move up
    return true;
  }
  // A gap, until the gaps outnumber the columns.
  it->gone = true;
  it->column = KnownColumn();
  if (entries_.size() - live_ > live_) reindex();
  return true;
}

void ColumnList::reindex() {
  if (live_ != entries_.size()) std::erase_if(entries_, [](const Entry& e) { return e.gone; });
  index_.clear();
  if (entries_.size() <= kIndexed) return;
  size_t slots = 4 * kIndexed;
  while (slots < 2 * entries_.size()) slots *= 2;
  index_.assign(slots, 0);
  for (size_t p = 0; p < entries_.size(); ++p) place(p);
}

void ColumnList::place(size_t position) {
  const size_t mask = index_.size() - 1;
  size_t i = std::hash<std::string_view>{}(entries_[position].column.name) & mask;
  while (index_[i] != 0) i = (i + 1) & mask;
  index_[i] = static_cast<uint32_t>(position + 1);
}

TableState& SchemaModel::Table::edit() {
  if (state.use_count() != 1) {
    state = std::make_shared<const TableState>(*state);
  } else {
    // The last holder but this one may have let go on another thread: its
    // reads happen before the writes that follow.
    std::atomic_thread_fence(std::memory_order_acquire);
  }
  // Every state is made non-const (make_shared<const TableState> constructs a
  // TableState), and only this table holds it now.
  return const_cast<TableState&>(*state);
}

TableState& SchemaModel::Table::edit_cleared() {
  // A new state even when this table holds the old one alone: the memory
  // of the old columns goes with it.
  const TableState& old = *state;
  auto fresh = std::make_shared<TableState>();
  fresh->exists = old.exists;
  fresh->columns_known = old.columns_known;
  fresh->engine = old.engine;
  fresh->charset = old.charset;
  fresh->row_format = old.row_format;
  fresh->fulltext = old.fulltext;
  fresh->triggers = old.triggers;
  fresh->indexes = old.indexes;
  TableState& s = *fresh;
  state = std::move(fresh);
  return s;
}

const SchemaModel::Table* SchemaModel::table(const ir::QualifiedName& name) const {
  const auto it = tables_.find(name.name);
  if (it == tables_.end()) return nullptr;
  for (const auto& t : it->second)
    if (same_schema(t.name, name)) return &t;
  return nullptr;
}

void TriggerList::tally(uint8_t events, bool added) {
  for (size_t i = 0; i < firing_.size(); ++i)
    if (events == 0 || (events & (1U << i)) != 0) {
      if (added)
        ++firing_[i];
      else
        --firing_[i];
    }
}

size_t TriggerList::firing(uint8_t event) const {
  for (size_t i = 0; i < firing_.size(); ++i)
    if (event == (1U << i)) return firing_[i];
  size_t n = 0;  // not one event
  for_each([&](const std::string&, uint8_t events) {
    n += events == 0 || (events & event) != 0;
    return true;
  });
  return n;
}

void TriggerList::add(const std::string& name, uint8_t events) {
  if (name.empty()) return;
  const auto [it, added] = index_.try_emplace(name, order_.size());
  if (added) {
    order_.push_back({name, events});
  } else {
    tally(order_[it->second].events, false);
    order_[it->second].events = events;
  }
  tally(events, true);
}

bool TriggerList::remove(const std::string& name) {
  const auto it = index_.find(name);
  if (it == index_.end()) return false;
  tally(order_[it->second].events, false);
  order_[it->second].name = std::string();
  index_.erase(it);
  // More gaps than triggers: close them (each trigger moves once per as many
  // removals as there are triggers).
  if (order_.size() - index_.size() > index_.size()) {
    size_t kept = 0;
    for (auto& e : order_) {
      if (e.name.empty()) continue;
      index_.find(e.name)->second = kept;
      if (&order_[kept] != &e) order_[kept] = std::move(e);
      ++kept;
    }
    order_.resize(kept);
  }
  return true;
}

void TriggerList::clear() {
  order_.clear();
  index_.clear();
  firing_ = {};
}

const KnownColumn* TableState::column(const std::string& name) const { return columns.find(name); }

const KnownColumn* SchemaModel::column(const ir::QualifiedName& t, const std::string& column,
                                       bool fold_case) const {
  const Table* table_slot = table(t);
  if (!table_slot || !table_slot->state->exists) return nullptr;
  const TableState* tab = table_slot->state.get();
  if (const KnownColumn* c = tab->columns.find(column)) return c;
  if (!fold_case) return nullptr;
  auto same = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const KnownColumn& c : tab->columns)
    if (same(c.name, column)) return &c;
  return nullptr;
}

const ir::TypeName* SchemaModel::column_type(const ir::QualifiedName& t, const std::string& column) const {
  const Table* tab = table(t);
  if (!tab || !tab->state->exists) return nullptr;
  const KnownColumn* c = tab->state->column(column);
  return c ? &c->type : nullptr;
}

void SchemaModel::set_column(TableState& t, const ir::ColumnDef& def, std::string_view version) {
  bool indexed = false;
  bool primary_key = false;
  for (const auto& k : def.constraints) {
    if (k.kind == ir::ConstraintKind::PrimaryKey || k.kind == ir::ConstraintKind::Unique ||
        k.kind == ir::ConstraintKind::Index)
      indexed = true;
    if (k.kind == ir::ConstraintKind::PrimaryKey) primary_key = true;
  }
  // One lookup: a column redefined (MODIFY) keeps its index membership and
  // its version; a primary key column stays NOT NULL.
  auto [found, added] = t.columns.try_emplace(def.name);
  KnownColumn& c = *found;
  if (added) {
    c.version = version;
  } else {
    indexed |= c.indexed;
    primary_key |= c.primary_key;
  }
  c.type = def.type;
  c.not_null = def.not_null || primary_key;
  c.not_null_known = true;
  c.indexed = indexed;
  c.primary_key = primary_key;
}

void SchemaModel::mark_indexed(Table& t, const std::vector<std::string>& columns) {
  for (const auto& c : columns)
    if (const KnownColumn* known = t.state->column(c); known && !known->indexed)
      t.edit().columns[c].indexed = true;
}

KnownTable SchemaModel::table_state(const ir::QualifiedName& name) const {
  // The state lists its indexes as seed() leaves them (index_table).
  if (!unentered_.empty()) const_cast<SchemaModel*>(this)->enter_seeded_indexes();
  KnownTable k;
  k.name = name;
  const Table* t = table(name);
  if (t && (t->seen || t->state->exists)) k.state = t->state;
  return k;
}

SchemaModel::TableView SchemaModel::view(const ir::QualifiedName& name) const {
  const Table* t = table(name);
  return TableView(!t || (!t->seen && !t->state->exists) ? nullptr : t);
}

const KnownColumn* SchemaModel::TableView::column(const std::string& name) const {
  return t_ == nullptr ? nullptr : t_->state->column(name);
}

std::vector<std::string> SchemaModel::TableView::triggers_for(uint8_t event, size_t limit) const {
  std::vector<std::string> out;
  if (t_ == nullptr || limit == 0) return out;
  t_->state->triggers.for_each([&](const std::string& name, uint8_t events) {
    if (events == 0 || (events & event) != 0) out.push_back(name);
    return out.size() < limit;
  });
  return out;
}

void SchemaModel::add_index(const std::string& index, const ir::QualifiedName& table_name) {
  if (index.empty()) return;
  enter_seeded_indexes();
  // One lookup: an index known already leaves its table's list first.
  const auto [it, fresh] = indexes_.try_emplace(index);
  if (!fresh) unlist_index(index, it->second.table);
  it->second = {{table_name.schema, table_name.name, {}}, false};
  if (Table* t = table(table_name, false)) t->edit().indexes.push_back(index);
}

void SchemaModel::unlist_index(const std::string& index, const ir::QualifiedName& table_name) {
  if (Table* t = table(table_name, false))
    if (std::find(t->state->indexes.begin(), t->state->indexes.end(), index) != t->state->indexes.end())
      std::erase(t->edit().indexes, index);
}

void SchemaModel::drop_index(const std::string& index) {
  enter_seeded_indexes();
  const auto it = indexes_.find(index);
  if (it == indexes_.end()) return;
  unlist_index(index, it->second.table);
  indexes_.erase(it);
}

void SchemaModel::drop_indexes_of(Table& t) {
  if (t.state->indexes.empty()) return;
  for (const auto& name : t.state->indexes)
    if (KnownIndex* known = known_index(name)) known->gone = true;
  t.edit().indexes.clear();
}

const ir::QualifiedName* SchemaModel::index_table(const ir::QualifiedName& index, bool* gone) const {
  // Logically const: the seeded tables' indexes are entered as seed() would
  // have entered them (the model's answers stay the same).
  const KnownIndex* known = const_cast<SchemaModel*>(this)->known_index(index.name);
  if (known == nullptr) return nullptr;
  if (!index.schema.empty() && !known->table.schema.empty() && index.schema != known->table.schema)
    return nullptr;
  if (gone) *gone = known->gone;
  return &known->table;
}

void SchemaModel::seed(KnownTable k) {
  if (!k.state) return;
  auto& list = tables_[k.name.name];  // one lookup (table(k.name, true) without making a state)
  Table* t = nullptr;
  for (auto& known : list)
    if (same_schema(known.name, k.name)) {
      t = &known;
      break;
    }
  const bool fresh = t == nullptr;
  if (fresh) {
    list.push_back(Table{std::move(k.name), false, nullptr, true, std::move(k.state)});
    t = &list.back();
  } else {
    // Its state is overwritten: the deferred lists (its own among them)
    // are entered first.
    enter_seeded_indexes();
    t->state = std::move(k.state);
  }
  if (triggers_indexed_) index_triggers(t->name.name, *t);
  if (t->state->indexes.empty()) return;
  if (fresh) {
    unentered_.emplace_back(&list, list.size() - 1);
    return;
  }
  enter_indexes(*t);
}

SchemaModel::KnownIndex* SchemaModel::known_index(const std::string& index) {
  enter_seeded_indexes();
  const auto it = indexes_.find(index);
  return it == indexes_.end() ? nullptr : &it->second;
}

SchemaModel::Table SchemaModel::copied(const Table& t) {
  enter_seeded_indexes();
  return t;
}

void SchemaModel::replace(Table& t, Table with) {
  enter_seeded_indexes();
  t = std::move(with);
}

void SchemaModel::enter_seeded_indexes() {
  if (unentered_.empty()) return;
  // Moved out first: add_index (through enter_indexes) comes back here.
  const auto seeded = std::move(unentered_);
  unentered_.clear();
  for (const auto& [list, position] : seeded) enter_indexes((*list)[position]);
}

void SchemaModel::enter_indexes(Table& t) {
  // Its indexes are the model's now, as add_index records them one by one
  // (the table's list stays as it is). Unless one is known already (on
  // another table, or twice in the list): then add_index moves it.
  const auto& listed = t.state->indexes;
  size_t added = 0;
  for (const auto& index : listed) {
    if (index.empty() ||
        !indexes_.try_emplace(index, KnownIndex{{t.name.schema, t.name.name, {}}, false}).second)
      break;
    ++added;
  }
  if (added == listed.size()) return;
  for (size_t i = 0; i < added; ++i) indexes_.erase(listed[i]);
  // The list as seeded: the table's is emptied and refilled.
  const std::shared_ptr<const TableState> seeded = t.state;
  const ir::QualifiedName name = t.name;
  t.edit().indexes.clear();
  for (const auto& index : seeded->indexes) add_index(index, name);
}

namespace {

std::string function_key(std::string_view name) {
  std::string k(name);
  for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

}  // namespace

const SchemaModel& ReplayedModel::catch_up(size_t statement) {
  if (statement < applied_)
    throw std::logic_error("ReplayedModel: read for statement " + std::to_string(statement) +
                           " after replaying " + std::to_string(applied_));
  if (!seeded_) {
    seeded_ = true;
    for (auto& k : history_) model_.seed(std::move(k));
    history_ = {};
    for (const auto& f : functions_) model_.seed(f);
  }
  for (; applied_ < statement; ++applied_) {
    if (applied_ < first_ || applied_ - first_ >= statements_->size())
      throw Unavailable("the schema model is read before statement " + std::to_string(statement) +
                        ", and statement " + std::to_string(applied_) + " is not in the window");
    model_.apply((*statements_)[applied_ - first_]);
  }
  return model_;
}

void ReplayedModel::window(const std::vector<ir::Statement>& group, size_t first) {
  statements_ = &group;
  first_ = first;
}

void ReplayedModel::leave_window() {
  const size_t end = first_ + statements_->size();
  if (seeded_) catch_up(end);
  statements_ = &no_window();
  first_ = end;
}

const std::vector<ir::Statement>& ReplayedModel::no_window() {
  static const std::vector<ir::Statement> none;
  return none;
}

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
      if (src && src->state->exists) {
        copy = copied(*src);
        copy.shadowed.reset();
        if (!copy.state->triggers.empty()) copy.edit().triggers.clear();
      } else {
        auto fresh = std::make_shared<TableState>();
        fresh->columns_known = false;
        copy.state = std::move(fresh);
      }
      copy.name = c->table;
      copy.seen = true;
      copy.temporary = c->temporary;
      if (c->temporary) temporary_names_.push_back(c->table.name);
      Table* t = table(c->table, true);
      if (c->temporary && t->state->exists && !t->temporary)
        copy.shadowed = std::make_shared<const Table>(copied(*t));
      replace(*t, std::move(copy));
      return;
    }
    Table* t = table(c->table, false);
    const bool fresh = t == nullptr || !t->seen;
    const bool made = t == nullptr;  // its state is new and empty: nothing to clear
    if (made) t = table(c->table, true);
    if (c->temporary && t->state->exists && !t->temporary && !fresh)
      t->shadowed = std::make_shared<const Table>(copied(*t));
    else if (!c->temporary)
      t->shadowed.reset();
    // A temporary table over a name the history never saw leaves it unseen.
    t->seen = !(c->temporary && fresh);
    t->temporary = c->temporary;
    if (c->temporary) temporary_names_.push_back(c->table.name);
    {
      // CREATE TABLE replaces whatever was known under the name.
      TableState& s = made ? t->edit() : t->edit_cleared();
      s.exists = true;
      s.triggers.clear();
    }
    if (!c->temporary) drop_indexes_of(*t);
    {
      TableState& s = t->edit();
      // AS SELECT, LIKE-only and PARTITION OF tables take columns from elsewhere.
      s.columns_known = !c->as_select && !c->partition_of && !c->columns.empty();
      s.columns.reserve(c->columns.size());
      for (const auto& col : c->columns) set_column(s, col, version_);
      s.engine = ascii_lower(c->option("ENGINE"));
      s.charset = ascii_lower(c->option("CHARSET"));
      if (s.charset == "default") s.charset.clear();
      s.row_format = ascii_upper(c->option("ROW_FORMAT"));
      if (s.row_format == "DEFAULT") s.row_format.clear();
      s.fulltext = std::any_of(c->constraints.begin(), c->constraints.end(), [](const ir::Constraint& k) {
        return k.kind == ir::ConstraintKind::Fulltext;
      });
    }
    for (const auto& k : c->constraints)
      if (k.kind == ir::ConstraintKind::PrimaryKey || k.kind == ir::ConstraintKind::Unique ||
          k.kind == ir::ConstraintKind::Index || k.kind == ir::ConstraintKind::Fulltext ||
          k.kind == ir::ConstraintKind::Spatial) {
        mark_indexed(*t, k.columns);
        if (!c->temporary) add_index(k.name, c->table);
        if (k.kind == ir::ConstraintKind::PrimaryKey) set_primary_key(*t, k.columns);
      }
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->object != ir::ObjectKind::Table) return;
    Table* t = table(a->table, false);
    // The state of the table, to change (the table is created when unknown).
    auto known = [&]() -> TableState& {
      if (!t) {
        t = table(a->table, true);
        TableState& s = t->edit();
        s.columns_known = false;
        return s;
      }
      if (!t->state->exists) {
        // Altered after the history dropped it (a teardown script that sorts
        // before the upgrades, or a table re-created outside the migrations):
        // it exists, with columns ddlint does not know.
        TableState& s = t->edit_cleared();
        s.exists = true;
        s.columns_known = false;
        return s;
      }
      return t->edit();
    };
    bool room = false;  // reserved for the columns added
    for (const auto& act : a->actions) {
      switch (act.kind) {
        case ir::AlterKind::AddColumn:
        case ir::AlterKind::ModifyColumn:
          if (act.column_def) {
            TableState& s = known();
            if (act.kind == ir::AlterKind::AddColumn && !room) {
              // Room for every column the statement adds, made once.
              room = true;
              const auto* end = a->actions.data() + a->actions.size();
              s.columns.reserve(s.columns.size() +
                                static_cast<size_t>(std::count_if(&act, end, [](const auto& x) {
                                  return x.kind == ir::AlterKind::AddColumn;
                                })));
            }
            set_column(s, *act.column_def, act.kind == ir::AlterKind::AddColumn ? version_ : "");
          }
          break;
        case ir::AlterKind::ChangeColumn:
          if (act.column_def) {
            TableState& tab = known();
            bool indexed = false;
            std::string version;
            if (KnownColumn* old = tab.columns.find(act.column)) {
              indexed = old->indexed;
              version = std::move(old->version);
              tab.columns.erase(act.column);
            }
            set_column(tab, *act.column_def, version);
            tab.columns[act.column_def->name].indexed |= indexed;
          }
          break;
        case ir::AlterKind::AlterColumnType:
          if (act.new_type) {
            TableState& tab = known();
            auto [col, added] = tab.columns.try_emplace(act.column);
            if (added) col->not_null_known = false;
            col->type = *act.new_type;
          }
          break;
        case ir::AlterKind::SetNotNull:
        case ir::AlterKind::DropNotNull:
          if (t) {
            const bool not_null = act.kind == ir::AlterKind::SetNotNull;
            if (const KnownColumn* col = t->state->column(act.column); col && col->not_null != not_null)
              t->edit().columns[act.column].not_null = not_null;
          }
          break;
        case ir::AlterKind::DropColumn:
          if (t && t->state->column(act.column)) t->edit().columns.erase(act.column);
          break;
        case ir::AlterKind::RenameColumn:
          if (t && !act.name.empty() && t->state->column(act.column)) rename_column(*t, act.column, act.name);
          break;
        case ir::AlterKind::AddIndex:
        case ir::AlterKind::AddConstraint:
          if (t && act.constraint) {
            const auto kind = act.constraint->kind;
            if (kind != ir::ConstraintKind::Check && kind != ir::ConstraintKind::ForeignKey &&
                kind != ir::ConstraintKind::Exclusion)
              mark_indexed(*t, act.constraint->columns);
            if (kind == ir::ConstraintKind::Fulltext && !t->state->fulltext) t->edit().fulltext = true;
            if (kind != ir::ConstraintKind::Check && kind != ir::ConstraintKind::ForeignKey)
              add_index(act.constraint->name.empty() ? act.name : act.constraint->name, a->table);
            if (kind == ir::ConstraintKind::PrimaryKey) set_primary_key(*t, act.constraint->columns);
          }
          break;
        case ir::AlterKind::RenameTable:
          if (t && !act.name.empty()) t = rename_table(*t, {a->table.schema, act.name, {}});
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
            if (auto v = value("ENGINE"); !v.empty()) t->edit().engine = ascii_lower(v);
            if (auto v = value("ROW_FORMAT"); !v.empty()) t->edit().row_format = v == "DEFAULT" ? "" : v;
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
      if (i->mysql_kind == ir::ConstraintKind::Fulltext && !t->state->fulltext) t->edit().fulltext = true;
    }
  } else if (const auto* o = st.as<ir::Opaque>()) {
    if (o->on_table.empty() || o->trigger.empty()) return;
    Table* t = table(o->on_table, false);
    if (!t) {
      // A table the history does not show: its triggers are still known.
      t = table(o->on_table, true);
      t->edit().columns_known = false;
    }
    t->edit().triggers.add(o->trigger, o->trigger_events);
    if (triggers_indexed_) index_trigger(o->trigger, o->on_table.name);
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object == ir::ObjectKind::Trigger) {
      for (const auto& n : d->names) drop_trigger(n);
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
          TableState& s = t->edit_cleared();
          s.exists = false;
          s.triggers.clear();
          drop_indexes_of(*t);
        }
      }
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Column) {
      Table* t = table(r->target, false);
      if (t && t->state->column(r->subname)) rename_column(*t, r->subname, r->new_name);
    } else if (r->object == ir::ObjectKind::Index) {
      const KnownIndex* known = known_index(r->target.name);
      if (known == nullptr || known->gone) return;
      const ir::QualifiedName owner = known->table;
      drop_index(r->target.name);
      add_index(r->new_name, owner);
    } else if (r->object == ir::ObjectKind::Table) {
      Table* t = table(r->target, false);
      if (!t) return;
      if (t->temporary) temporary_names_.push_back(r->new_name);
      rename_table(*t, {r->target.schema, r->new_name, {}});
    }
  }
}

void SchemaModel::drop_trigger(const ir::QualifiedName& n) {
  // From `t` when it has the trigger (a table shared with a snapshot and
  // without it stays shared). True: a table `t` hides has one of that name.
  auto drop_from = [&n](Table& t) {
    if (t.state->triggers.contains(n.name)) t.edit().triggers.remove(n.name);
    for (const Table* h = t.shadowed.get(); h != nullptr; h = h->shadowed.get())
      if (h->state->triggers.contains(n.name)) return true;
    return false;
  };
  if (!n.schema.empty()) {
    // PostgreSQL names the table (DROP TRIGGER t ON tbl: schema = the table's name).
    if (const auto it = tables_.find(n.schema); it != tables_.end())
      for (auto& t : it->second)
        if (t.name.name == n.schema) drop_from(t);
    return;
  }
  // MySQL does not: every table with a trigger of that name loses it.
  if (!triggers_indexed_) {
    triggers_indexed_ = true;
    for (const auto& [key, list] : tables_)
      for (const auto& t : list) index_triggers(key, t);
  }
  const auto it = trigger_tables_.find(n.name);
  if (it == trigger_tables_.end()) return;
  // The tables that may have it again later: those whose hidden table (until
  // a temporary table over it goes) has it.
  std::vector<std::string> hidden;
  for (const auto& key : it->second)
    if (const auto list = tables_.find(key); list != tables_.end()) {
      bool hides = false;
      for (auto& t : list->second) hides |= drop_from(t);
      if (hides) hidden.push_back(key);
    }
  if (hidden.empty())
    trigger_tables_.erase(it);
  else
    it->second = std::move(hidden);
}

void SchemaModel::index_trigger(const std::string& trigger, const std::string& key) {
  auto& keys = trigger_tables_[trigger];
  if (keys.empty() || keys.back() != key) keys.push_back(key);
}

void SchemaModel::index_triggers(const std::string& key, const Table& t) {
  for (const Table* h = &t; h != nullptr; h = h->shadowed.get())
    h->state->triggers.for_each([&](const std::string& name, uint8_t) {
      index_trigger(name, key);
      return true;
    });
}

void SchemaModel::set_primary_key(Table& t, const std::vector<std::string>& columns) {
  for (const auto& name : columns)
    if (const KnownColumn* c = t.state->column(name); c && !(c->not_null && c->primary_key)) {
      KnownColumn& col = t.edit().columns[name];
      col.not_null = col.primary_key = true;
    }
}

void SchemaModel::rename_column(Table& t, const std::string& from, const std::string& to) {
  TableState& s = t.edit();
  KnownColumn c = *s.columns.find(from);
  s.columns.erase(from);
  c.name = to;
  s.columns[to] = std::move(c);
}

SchemaModel::Table* SchemaModel::rename_table(Table& t, ir::QualifiedName to_name) {
  Table moved = copied(t);  // shares the state: only the name moves
  {
    TableState& s = t.edit_cleared();
    s.exists = false;
    s.indexes.clear();
  }
  moved.name = std::move(to_name);
  for (const auto& index : moved.state->indexes)
    if (KnownIndex* known = known_index(index)) known->table = moved.name;
  Table* to = table(moved.name, true);
  replace(*to, std::move(moved));
  if (triggers_indexed_) index_triggers(to->name.name, *to);
  return to;
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
    replace(t, *hidden);
    return;
  }
  t.temporary = false;
  TableState& s = t.edit_cleared();
  s.exists = false;
  s.triggers.clear();
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

namespace {

// Calls `f` with each table `st` names (targets, FOREIGN KEY references), in
// order.
template <typename F>
void for_each_referenced_table(const ir::Statement& st, F&& f) {
  auto fks = [&](const std::vector<ir::Constraint>& ks) {
    for (const auto& k : ks)
      if (k.kind == ir::ConstraintKind::ForeignKey && !k.ref_table.empty()) f(k.ref_table);
  };
  if (const auto* c = st.as<ir::CreateTable>()) {
    f(c->table);
    for (const auto& col : c->columns) fks(col.constraints);
    fks(c->constraints);
    if (c->partition_of) f(*c->partition_of);
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    f(a->table);
    for (const auto& act : a->actions) {
      if (act.constraint && act.constraint->kind == ir::ConstraintKind::ForeignKey &&
          !act.constraint->ref_table.empty())
        f(act.constraint->ref_table);
      if (act.column_def) fks(act.column_def->constraints);
      if (!act.partition_name().empty()) f(act.partition_name());
    }
  } else if (const auto* i = st.as<ir::CreateIndex>()) {
    f(i->table);
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object == ir::ObjectKind::Table)
      for (const auto& n : d->names) f(n);
  } else if (const auto* t = st.as<ir::Truncate>()) {
    for (const auto& n : t->tables) f(n);
  } else if (const auto* u = st.as<ir::Update>()) {
    f(u->table);
  } else if (const auto* dl = st.as<ir::Delete>()) {
    f(dl->table);
  } else if (const auto* in = st.as<ir::Insert>()) {
    f(in->table);
  } else if (const auto* o = st.as<ir::Opaque>()) {
    if (!o->on_table.empty()) f(o->on_table);
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Table || r->object == ir::ObjectKind::Column) {
      f(r->target);
      if (r->object == ir::ObjectKind::Table) f(ir::QualifiedName{r->target.schema, r->new_name, {}});
    }
  }
}

}  // namespace

std::vector<ir::QualifiedName> referenced_tables(const ir::Statement& st) {
  std::vector<ir::QualifiedName> out;
  for_each_referenced_table(st, [&](const ir::QualifiedName& t) { out.push_back(t); });
  return out;
}

// A file names a few tables, found again by a scan of `out_`; past
// kScanned, through an open-addressing index of their positions in `out_`
// (position + 1, 0 for a free slot), probed linearly from the name's hash
// and at most half full: no node or key string per table.
constexpr size_t kScanned = 16;

void SchemaModel::Needed::place(size_t position) {
  const size_t mask = slots_.size() - 1;
  size_t i = std::hash<std::string_view>{}(out_[position].name.name) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = static_cast<uint32_t>(position + 1);
}

void SchemaModel::Needed::add(const ir::QualifiedName& t) {
  if (out_.size() < kScanned) {
    // The latest first: statements in a row often name the same table.
    for (auto k = out_.rbegin(); k != out_.rend(); ++k)
      if (k->name.name.size() == t.name.size() && k->name.name == t.name && same_schema(k->name, t)) return;
  } else {
    if (2 * (out_.size() + 1) > slots_.size()) {
      size_t size = 4 * kScanned;
      while (size < 4 * out_.size()) size *= 2;
      slots_.assign(size, 0);
      for (size_t k = 0; k < out_.size(); ++k) place(k);
    }
    const size_t mask = slots_.size() - 1;
    for (size_t i = std::hash<std::string_view>{}(t.name) & mask; slots_[i] != 0; i = (i + 1) & mask) {
      const ir::QualifiedName& k = out_[slots_[i] - 1].name;
      if (k.name == t.name && same_schema(k, t)) return;
    }
  }
  out_.push_back(model_.table_state(t));
  if (!slots_.empty()) place(out_.size() - 1);
}

// The indexes `st` names (their tables are needed), in order.
template <class F>
void for_each_named_index(const ir::Statement& st, F&& f) {
  if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Index)
    for (const auto& n : d->names) f(n);
  if (const auto* r = st.as<ir::Rename>(); r && r->object == ir::ObjectKind::Index) f(r->target);
  if (const auto* x = st.as<ir::Reindex>(); x && x->target == ir::ObjectKind::Index) f(x->name);
  if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Index) f(a->table);
}

void SchemaModel::Needed::add(const ir::Statement& st) {
  for_each_referenced_table(st, [&](const ir::QualifiedName& t) { add(t); });
  // An index the file names: its table, whose state carries the index.
  for_each_named_index(st, [&](const ir::QualifiedName& n) {
    bool gone = false;
    if (const auto* t = model_.index_table(n, &gone); t && !gone) add(*t);
  });
}

void SchemaModel::Named::add(const ir::Statement& st) {
  // Each object once (a later mention of the same name finds nothing new).
  const auto object = [&](const ir::QualifiedName& n, bool index) {
    std::string key(1, index ? 'i' : 't');
    key += n.schema;
    key += '\0';
    key += n.name;
    if (seen_.insert(std::move(key)).second) objects_.push_back({n, index});
  };
  for_each_referenced_table(st, [&](const ir::QualifiedName& t) { object(t, false); });
  for_each_named_index(st, [&](const ir::QualifiedName& n) { object(n, true); });
  if (const auto* at = st.as<ir::AlterTable>())
    for (const auto& a : at->actions)
      if (a.kind == ir::AlterKind::AddColumn && a.column_def && a.column_def->default_value)
        for (const auto& f : a.column_def->default_value->functions)
          if (seen_.insert("f" + f).second) functions_.push_back(f);
}

std::vector<KnownTable> SchemaModel::needed_by(const Named& named) const {
  Needed needed(*this);
  for (const auto& o : named.objects_) {
    if (!o.index) {
      needed.add(o.name);
      continue;
    }
    bool gone = false;
    if (const auto* t = index_table(o.name, &gone); t && !gone) needed.add(*t);
  }
  return needed.take();
}

std::vector<KnownFunction> SchemaModel::functions_needed_by(const Named& named) const {
  if (functions_.empty()) return {};
  return known_functions(named.functions_);
}

std::vector<KnownTable> SchemaModel::needed_by(const ir::ParsedFile& file) const {
  Needed needed(*this);
  for (const auto& st : file.statements) needed.add(st);
  return needed.take();
}

}  // namespace ddlint::analysis
