#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/mysql/mysql_semantics.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Something the up migration adds or changes that its down migration leaves
// in place: after a rollback it stays, and re-running the up migration fails
// on it (or the old schema never comes back).
//
// A later statement of the up migration may still take the change back (drop
// what it created, create again an index it dropped) or rename the table, and
// the down migration may undo the change under any name the table has from
// the change on. So each change the down migration does not undo under the
// names known so far is held as a candidate, watched by the names it waits
// on, and updated or dropped by the up migration's later statements; the
// candidates left are reported at the end of the file, in order.
class DownMigrationIncomplete final : public engine::Rule {
 public:
  // Its end hook reports the candidates its statements held back. It
  // observes the statements of the up migration that may take a change back
  // or rename a table: drops, renames, index creations, ALTER TABLE and
  // ALTER SEQUENCE ... OWNED BY (an Opaque statement).
  static constexpr bool kEndAfterStatements = true;
  static constexpr engine::HookSet kObserved =
      engine::hook::statement(ir::StmtKind::Drop) | engine::hook::statement(ir::StmtKind::Rename) |
      engine::hook::statement(ir::StmtKind::AlterTable) | engine::hook::statement(ir::StmtKind::CreateIndex) |
      engine::hook::statement(ir::StmtKind::Opaque);

 private:
  using Verb = analysis::DownEffect::Verb;

  bool active(const engine::RuleContext& ctx) const {
    return ctx.down_migration().present && !ctx.here().down;
  }

  // Names and message parts, kept in one string for the whole file.
  struct Slice {
    uint32_t begin = 0;
    uint32_t size = 0;
  };
  struct Name {
    Slice schema;
    Slice name;
  };
  std::string text_;

  Slice keep(std::string_view s) {
    const Slice out{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(s.size())};
    text_.append(s);
    return out;
  }
  Name keep(const ir::QualifiedName& n) { return {keep(n.schema), keep(n.name)}; }
  std::string_view view(Slice s) const { return std::string_view(text_).substr(s.begin, s.size); }
  ir::QualifiedName name_of(Name n) const {
    return {std::string(view(n.schema)), std::string(view(n.name)), {}};
  }
  // analysis::same_table with a kept name.
  bool same(std::string_view schema, std::string_view name, Name b) const {
    return name == view(b.name) && (schema.empty() || b.schema.size == 0 || schema == view(b.schema));
  }
  bool same(const ir::QualifiedName& a, Name b) const { return same(a.schema, a.name, b); }
  static size_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }

  // What a candidate is, and so what it waits for.
  enum class Kind : uint8_t {
    Table,         // CREATE TABLE: a later drop of it, renames (the name it ends under)
    Object,        // CREATE SEQUENCE / VIEW / TYPE ...: a later drop of it, its owner (OWNED BY)
    Index,         // CREATE INDEX: a later drop of it, renames of its table, a parent index
    DroppedIndex,  // DROP INDEX: the index created again later
    Change,        // a fact of ALTER TABLE or a rename: renames of its table, a later drop of it
  };
  // A change the down migration may not undo, held to the end of the file.
  struct Candidate {
    TextRange range;
    Slice what;        // the message's account of the change
    const char* undo;  // what the down migration should do about it
    uint32_t statement;
    Kind kind;
    bool conditional = false;
    bool undone = false;         // a later statement takes the change back, or the down undoes it
    bool renamed = false;        // Table: renamed later (it ends under `chain`)
    bool freed = false;          // Table: its last name was dropped or renamed away before its last rename
    bool owned = false;          // Object: owned by a column (of `chain`, the table followed)
    bool owner_dropped = false;  // Object: the down migration drops the owner under one of its names
    bool index_columns = false;  // the down migration dropping the index's columns undoes it
    uint16_t verbs = 0;    // the down migration undoes it when it has one of these under a name of `chain`
    Name chain;            // the table followed through renames (the name it has now)
    Slice column;          // the verbs' column (a rename's new name)
    Slice to;              // the verbs' `to` (a rename's old name)
    Name object;           // what it created or dropped (Change: the index a DROP INDEX drops, or the table
                           // of an ADD CONSTRAINT)
    Name table;            // Index: its table
    uint32_t columns = 0;  // Index: its key columns, columns_[columns, columns + column_count)
    uint32_t column_count = 0;
  };
  std::vector<Candidate> candidates_;
  std::vector<Slice> columns_;

  // The candidates waiting on a name, by the kind of statement they wait
  // for and the name (hashed; each candidate compares the name itself).
  enum class Watch : uint8_t {
    Renamed,            // renames of `chain`
    DroppedChain,       // a drop of `chain` (Table)
    DroppedObject,      // a drop of `object` (Object, Index)
    IndexCreated,       // an index created under `object`'s name (DroppedIndex, Change)
    ConstraintDropped,  // a drop of the constraint `column` of `object` (Change)
    OwnerSet,           // ALTER SEQUENCE `object` OWNED BY (Object)
    ParentIndexed,      // a CREATE INDEX on a table `table` is a partition of (Index)
  };
  struct Waiting {
    uint32_t candidate;
    Watch watch;
  };
  std::unordered_multimap<size_t, Waiting> waiting_;
  std::vector<uint32_t> found_;  // watching()'s answer

  static size_t key(Watch w, std::string_view name) {
    return hash(name) ^ ((static_cast<size_t>(w) + 1) * 0x9e3779b97f4a7c15ULL);
  }
  void watch(Watch w, std::string_view name, uint32_t candidate) {
    waiting_.emplace(key(w, name), Waiting{candidate, w});
  }
  void unwatch(Watch w, std::string_view name, uint32_t candidate) {
    const auto [begin, end] = waiting_.equal_range(key(w, name));
    for (auto it = begin; it != end; ++it)
      if (it->second.candidate == candidate && it->second.watch == w) {
        waiting_.erase(it);
        return;
      }
  }
  // The candidates still open that wait for `w` on `name`.
  const std::vector<uint32_t>& watching(Watch w, std::string_view name) {
    found_.clear();
    const auto [begin, end] = waiting_.equal_range(key(w, name));
    for (auto it = begin; it != end; ++it)
      if (it->second.watch == w && !candidates_[it->second.candidate].undone)
        found_.push_back(it->second.candidate);
    return found_;
  }

  // What the up migration did before the visited statement: the tables it
  // dropped (not temporary ones), the indexes it dropped with a plain DROP
  // INDEX of an index it did not create, and its table renames in order
  // (with the list of each old name's renames).
  std::unordered_multimap<size_t, Name> dropped_tables_;
  std::unordered_multimap<size_t, Name> dropped_indexes_;
  struct TableRename {
    uint32_t statement;
    Name from;
    Slice to;  // unqualified
  };
  std::vector<TableRename> renames_;
  std::unordered_map<size_t, std::vector<uint32_t>> renames_of_;

  bool contains(const std::unordered_multimap<size_t, Name>& set, const ir::QualifiedName& n) const {
    const auto [begin, end] = set.equal_range(hash(n.name));
    return std::any_of(begin, end, [&](const auto& e) { return same(n, e.second); });
  }
  // The up migration drops table `table`, or renames it away, before the
  // visited statement: a table renamed to its name afterwards replaces it.
  bool freed_before(const ir::QualifiedName& table) const {
    if (contains(dropped_tables_, table)) return true;
    const auto it = renames_of_.find(hash(table.name));
    return it != renames_of_.end() && std::any_of(it->second.begin(), it->second.end(),
                                                  [&](uint32_t r) { return same(table, renames_[r].from); });
  }
  // The up migration drops index `index` before the current statement with
  // a plain DROP INDEX (no IF EXISTS: the index existed) of an index it did
  // not create: creating it again replaces an index that was there before.
  bool dropped_before(const ir::QualifiedName& index) const { return contains(dropped_indexes_, index); }

  static std::string unqualified(std::string_view name) {
    if (const size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
    return std::string(name);
  }

  static uint16_t bit(Verb v) { return static_cast<uint16_t>(1U << static_cast<unsigned>(v)); }
  // The down migration undoes candidate `c` under `name`, a name of its
  // table: it has one of the candidate's verbs on it.
  bool undoes(const engine::RuleContext& ctx, const Candidate& c, const ir::QualifiedName& name) const {
    const auto& down = ctx.down_migration();
    for (unsigned v = 0; v < 16; ++v) {
      if ((c.verbs & (1U << v)) == 0) continue;
      const auto verb = static_cast<Verb>(v);
      bool has = false;
      switch (verb) {
        case Verb::DropObject:
        case Verb::CreateObject:
          has = down.has(verb, name);
          break;
        case Verb::RenameRelation:
          has = down.has(verb, name, {}, view(c.to));
          break;
        case Verb::RenameColumn:
          has = down.has(verb, name, view(c.column), view(c.to));
          break;
        default:
          has = down.has(verb, name, view(c.column));
          break;
      }
      if (has) return true;
    }
    return c.index_columns &&
           drops_index_columns(
               ctx, c.column_count, [&](size_t k) { return view(columns_[c.columns + k]); }, name);
  }

  // The down migration drops columns of an index on `table` (a name of its
  // table) that take the index with them; `column(k)` is its k-th key.
  template <typename Column>
  static bool drops_index_columns(const engine::RuleContext& ctx, size_t count, const Column& column,
                                  const ir::QualifiedName& table) {
    size_t dropped = 0;
    for (size_t k = 0; k < count; ++k) {
      const std::string_view c = column(k);
      if (!c.starts_with('(') && ctx.down_migration().has(Verb::DropColumn, table, c)) ++dropped;
    }
    return analysis::dropping_columns_drops_index(ctx.settings().dialect, dropped, count);
  }

  uint32_t add(Candidate c) {
    candidates_.push_back(c);
    return static_cast<uint32_t>(candidates_.size() - 1);
  }
  Candidate candidate(const engine::RuleContext& ctx, Kind kind, TextRange range, std::string_view what,
                      const char* undo) {
    Candidate c{};
    c.range = range;
    c.what = keep(what);
    c.undo = undo;
    c.statement = static_cast<uint32_t>(ctx.statement_index());
    c.kind = kind;
    return c;
  }

  // Sets the owner of sequence candidate `id` (OWNED BY `owner`.`column`)
  // and follows the owner through the renames since the sequence's CREATE.
  void set_owner(const engine::RuleContext& ctx, uint32_t id, const ir::QualifiedName& owner,
                 std::string_view column) {
    Candidate& c = candidates_[id];
    if (c.owned && !c.owner_dropped) unwatch(Watch::Renamed, view(c.chain.name), id);
    c.owned = true;
    c.column = keep(column);
    c.chain = keep(owner);
    c.owner_dropped = undoes(ctx, c, owner);
    for (size_t from = c.statement; !c.owner_dropped;) {
      const auto it = renames_of_.find(hash(view(c.chain.name)));
      if (it == renames_of_.end()) break;
      const auto& list = it->second;
      auto r = std::partition_point(list.begin(), list.end(),
                                    [&](uint32_t k) { return renames_[k].statement < from; });
      const ir::QualifiedName now = name_of(c.chain);
      while (r != list.end() && !same(now, renames_[*r].from)) ++r;
      if (r == list.end()) break;
      c.chain.name = renames_[*r].to;
      c.owner_dropped = undoes(ctx, c, name_of(c.chain));
      from = renames_[*r].statement + 1;
    }
    if (!c.owner_dropped) watch(Watch::Renamed, view(c.chain.name), id);
  }

  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.temporary) return;
    if (ctx.down_migration().drops(s.table)) return;
    const TextRange range = s.table.range.empty() ? ctx.statement().range : s.table.range;
    Candidate c = candidate(
        ctx, Kind::Table, range,
        "creates " + std::string(s.object == ir::ObjectKind::MaterializedView ? "materialized view " : "") +
            quoted(s.table),
        "drop it");
    c.chain = keep(s.table);
    const uint32_t id = add(c);
    watch(Watch::Renamed, s.table.name, id);
    watch(Watch::DroppedChain, s.table.name, id);
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.creates.empty()) return;
    // CREATE OR REPLACE VIEW may replace a view that exists: its down would
    // restore the old definition, which ddlint cannot check.
    if (s.or_replace && s.creates_kind == ir::ObjectKind::View) return;
    if (ctx.down_migration().drops(s.creates)) return;
    Candidate c = candidate(
        ctx, Kind::Object, ctx.statement().range,
        "creates " + std::string(s.creates_kind == ir::ObjectKind::View ? "view " : "") + quoted(s.creates),
        "drop it");
    c.object = keep(s.creates);
    // A sequence OWNED BY a column (in its CREATE SEQUENCE or the last ALTER
    // SEQUENCE of it later in the up migration) goes with that column or its
    // table: undone when the down migration drops either.
    c.verbs = bit(Verb::DropObject) | bit(Verb::DropColumn);
    const uint32_t id = add(c);
    watch(Watch::DroppedObject, s.creates.name, id);
    watch(Watch::OwnerSet, s.creates.name, id);
    if (!s.owned_by.empty()) set_owner(ctx, id, s.owned_by, s.owned_by_column);
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.name.empty() || !ctx.is_existing_table(s.table)) return;
    const ir::QualifiedName index{s.table.schema, s.name, {}};
    if (dropped_before(index)) return;
    const auto& down = ctx.down_migration();
    if (down.drops(index)) return;
    // The down migration drops the table (under a name a later rename gives
    // it too), or the index's columns.
    if (down.drops(s.table) ||
        drops_index_columns(
            ctx, s.columns.size(), [&](size_t k) { return std::string_view(s.columns[k]); }, s.table))
      return;
    Candidate c =
        candidate(ctx, Kind::Index, ctx.statement().range, "creates index " + quoted(index), "drop it");
    c.object = keep(index);
    c.chain = keep(s.table);
    c.table = c.chain;
    c.verbs = bit(Verb::DropObject);
    c.index_columns = true;
    c.columns = static_cast<uint32_t>(columns_.size());
    c.column_count = static_cast<uint32_t>(s.columns.size());
    for (const auto& col : s.columns) columns_.push_back(keep(col));
    const uint32_t id = add(c);
    watch(Watch::DroppedObject, s.name, id);
    watch(Watch::Renamed, s.table.name, id);
    // PostgreSQL: CREATE INDEX on a partitioned table attaches the matching
    // index each partition already has, and dropping the parent index drops
    // the attached ones. A later CREATE INDEX of the up migration on table P
    // with the same key columns, when this index's table is named
    // P_<suffix> (partitions created by a function are invisible to the
    // schema model), and the down migration drops that parent index.
    if (analysis::partitions_have_own_indexes(ctx.settings().dialect))
      for (size_t cut = s.table.name.find('_'); cut != std::string::npos;
           cut = s.table.name.find('_', cut + 1))
        watch(Watch::ParentIndexed, std::string_view(s.table.name).substr(0, cut), id);
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.object != ir::ObjectKind::Index) return;
    const auto& down = ctx.down_migration();
    for (const auto& n : s.names) {
      // An index created earlier in this up migration is its own business.
      if (ctx.facts().created_index_table(n, ctx.statement_index())) continue;
      // Nor one the up migration creates again under the name later: it
      // exists after it.
      if (down.has(Verb::CreateObject, n)) continue;
      const TextRange range = n.range.empty() ? ctx.statement().range : n.range;
      // DROP INDEX IF EXISTS of an index no migration ddlint read creates:
      // it drops something only if the database has the index.
      const bool known = std::any_of(
          ctx.here().effect.tables.begin(), ctx.here().effect.tables.end(),
          [&](const analysis::TableEffect& e) { return analysis::same_table(e.index_name(), n); });
      const bool maybe = s.if_exists && !known;
      Candidate c =
          candidate(ctx, Kind::DroppedIndex, range,
                    "drops index " + quoted(n) +
                        (maybe ? " if it exists (unless the database does not have it: no migration "
                                 "ddlint read creates it)"
                               : ""),
                    "re-create it");
      c.conditional = maybe;
      c.object = keep(n);
      watch(Watch::IndexCreated, n.name, add(c));
    }
  }

  void onRename(const ir::Rename&, engine::RuleContext& ctx) override {
    if (active(ctx)) check_facts(ctx, nullptr, false);
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || !ctx.is_existing_table(s.table)) return;
    // Dropping the table covers what the statement changes, under a name a
    // later rename gives it too; not a rename of this statement (dropping the
    // new name does not bring back the old one).
    const bool renames = std::any_of(s.actions.begin(), s.actions.end(), [](const ir::AlterAction& a) {
      return a.kind == ir::AlterKind::RenameTable;
    });
    if (ctx.down_migration().drops(s.table)) return;
    check_facts(ctx, &s, !renames);
  }

  // The dialect-neutral facts of the statement: a rename written as RENAME
  // COLUMN, ALTER TABLE ... RENAME or a MySQL CHANGE; a type or nullability
  // change written as ALTER COLUMN or restated by a MySQL MODIFY/CHANGE (a
  // change only where the known old definition differs).
  // A table renamed later in the up migration (or by this statement) may be
  // named by its new name in the down migration (which undoes the change
  // before or after renaming it back): the down migration undoes the change
  // under any of its names. `dropped`: dropping the table, under a later
  // name, undoes the statement's changes too.
  void check_facts(engine::RuleContext& ctx, const ir::AlterTable* alter, bool dropped) {
    const auto& down = ctx.down_migration();
    const ir::QualifiedName* front = nullptr;  // the table whose names the facts' tables are asked under
    for (const auto& f : ctx.statement_facts()) {
      const ir::QualifiedName& t = f.table_name;
      if (!front || !analysis::same_table(*front, t)) front = &t;
      // Asked about the fact's table: under any of its names, the first one
      // now and the later ones as renames give them (`verbs`); about another
      // table, now only.
      uint16_t verbs = dropped ? bit(Verb::DropObject) : 0;
      auto has = [&](Verb verb, const ir::QualifiedName& table, std::string_view column = {},
                     std::string_view to = {}) {
        if (!analysis::same_table(table, *front)) return down.has(verb, table, column, to);
        if (down.has(verb, *front, column, to)) return true;
        verbs |= bit(verb);
        return false;
      };
      const std::string col = quoted(f.name) + " of " + quoted(t);
      const analysis::KnownColumn* old = alter ? ctx.here().old_column(f.action) : nullptr;
      // A column this migration added (earlier in the file, or in an earlier
      // step of its split version) has no old type or nullability to go back
      // to: the down migration's job is to drop it, judged at the ADD COLUMN.
      if ((f.kind == ir::FactKind::SetType || f.kind == ir::FactKind::SetNotNull) &&
          ctx.facts().column_added_before(t, f.name, ctx.statement_index()))
        continue;
      std::string what;
      const char* undo = nullptr;
      TextRange range = f.range;
      bool conditional = false;
      std::string_view column = f.name;
      std::string_view to;
      bool recreated_later = false;  // DROP INDEX: unless a later statement creates it again
      bool constraint = false;       // ADD CONSTRAINT: unless a later statement drops it again
      switch (f.kind) {
        case ir::FactKind::RenameColumn:
          if (!ctx.is_existing_table(t) || has(Verb::RenameColumn, t, f.new_name, f.name)) break;
          range = alter ? f.range : ctx.statement().range;
          what = "renames column " + quoted(f.name) + " of " + quoted(t) + " to " + quoted(f.new_name);
          undo = "rename it back";
          column = f.new_name;
          to = f.name;
          break;
        case ir::FactKind::RenameTable: {
          const ir::QualifiedName renamed{t.schema, f.new_name, {}};
          // A table created earlier in the up migration is judged where it is created.
          if (f.new_name.empty() || !ctx.is_existing_table(t) ||
              has(Verb::RenameRelation, renamed, {}, t.name))
            break;
          range = alter ? f.range : ctx.statement().range;
          what = "renames " + quoted(t) + " to " + quoted(renamed);
          undo = "rename it back";
          to = t.name;
          break;
        }
        case ir::FactKind::AddColumn:
          if (has(Verb::DropColumn, t, f.name)) break;
          what = "adds column " + quoted(f.name) + " to " + quoted(t);
          undo = "drop it";
          break;
        case ir::FactKind::AddConstraint:
        case ir::FactKind::AddIndex: {
          // Named only: an unnamed one gets a generated name the down cannot know.
          if (f.name.empty() || !alter) break;
          const ir::QualifiedName dropped_index{t.schema, f.name, {}};
          if (has(Verb::DropConstraint, t, f.name) || has(Verb::DropObject, dropped_index)) break;
          constraint = true;
          what = std::string(alter->actions[f.action].kind == ir::AlterKind::AddIndex ? "adds index "
                                                                                      : "adds constraint ") +
                 quoted(f.name) + " to " + quoted(t);
          undo = "drop it";
          break;
        }
        case ir::FactKind::SetType: {
          if (has(Verb::AlterColumnType, t, f.name) || has(Verb::DropColumn, t, f.name)) break;
          if (!f.restated) {
            what = "changes the type of column " + col;
            undo = "change it back";
          } else if (old) {
            if (restated_type_changes(ctx, *old, alter->actions[f.action])) {
              what = "changes the type of column " + col;
              undo = "change it back";
            }
          } else if (!renamed_by_same_action(ctx, f)) {
            // A MODIFY/CHANGE of a column whose definition ddlint does not
            // know: a change unless it restates what is already there. (A
            // CHANGE that renames is reported as the rename.)
            what = "redefines column " + col + " (a change unless it already has exactly this definition)";
            undo = "restore the old definition";
            conditional = true;
          }
          break;
        }
        case ir::FactKind::DropIndex: {
          // MySQL DROP INDEX ... ON t and ALTER TABLE ... DROP INDEX.
          if (!alter || f.name.empty()) break;
          const ir::QualifiedName recreated{t.schema, f.name, {}};
          if (ctx.facts().created_index_table(recreated, ctx.statement_index()) ||
              has(Verb::CreateObject, recreated))
            break;
          what = "drops index " + quoted(f.name) + " of " + quoted(t);
          undo = "re-create it";
          recreated_later = true;
          break;
        }
        case ir::FactKind::SetNotNull:
          if (f.restated && !(old && old->not_null_known && !old->not_null)) break;
          if (has(Verb::DropNotNull, t, f.name) || has(Verb::DropColumn, t, f.name)) break;
          what = "makes column " + col + " NOT NULL";
          undo = "drop the NOT NULL again";
          break;
        default:
          break;
      }
      if (!undo) continue;
      Candidate c = candidate(ctx, Kind::Change, range, what, undo);
      c.conditional = conditional;
      c.verbs = verbs;
      c.chain = keep(*front);
      c.column = keep(column);
      c.to = keep(to);
      if (recreated_later) c.object = {keep(t.schema), keep(f.name)};
      if (constraint) c.object = keep(t);
      const uint32_t id = add(c);
      if (verbs != 0) watch(Watch::Renamed, front->name, id);
      if (recreated_later) watch(Watch::IndexCreated, f.name, id);
      if (constraint) watch(Watch::ConstraintDropped, f.name, id);
    }
  }

  static bool renamed_by_same_action(const engine::RuleContext& ctx, const ir::Fact& f) {
    for (const auto& g : ctx.statement_facts())
      if (g.kind == ir::FactKind::RenameColumn && g.action == f.action) return true;
    return false;
  }

  static bool restated_type_changes(const engine::RuleContext& ctx, const analysis::KnownColumn& old,
                                    const ir::AlterAction& a) {
    if (!a.column_def) return false;
    return analysis::mysql_type_change(ctx.settings().mysql, old.type, a.column_def->type).change !=
           analysis::MySqlTypeChange::Same;
  }

  // The later statements of the up migration: what they take back, create
  // again or rename, and what the statements after them look back on.
  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (!active(ctx)) return;
    if (const auto* d = st.as<ir::Drop>()) {
      dropped(ctx, *d);
    } else if (const auto* c = st.as<ir::CreateIndex>()) {
      index_created(ctx, c->table.schema, c->name);
      if (!c->name.empty()) parent_indexed(ctx, *c);
    } else if (const auto* o = st.as<ir::Opaque>()) {
      if (o->acts_on.empty() || o->owned_by.empty()) return;
      // ALTER SEQUENCE ... OWNED BY of a sequence created earlier: the last one wins.
      const ir::QualifiedName& sequence = o->acts_on.front();
      for (const uint32_t id : watching(Watch::OwnerSet, sequence.name))
        if (candidates_[id].statement < ctx.statement_index() && same(sequence, candidates_[id].object))
          set_owner(ctx, id, o->owned_by, o->owned_by_column);
    } else if (const auto* r = st.as<ir::Rename>()) {
      if (r->object == ir::ObjectKind::Table) {
        if (!r->new_name.empty()) renamed(ctx, r->target, unqualified(r->new_name));
      } else if (r->object == ir::ObjectKind::Index) {
        index_created(ctx, r->target.schema, r->new_name);
      }
    } else if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Table) {
      for (const auto& act : a->actions)
        if (act.kind == ir::AlterKind::RenameTable && !act.name.empty()) {
          renamed(ctx, a->table, unqualified(act.name));
          break;
        }
      for (const auto& act : a->actions) {
        if (act.kind == ir::AlterKind::DropConstraint || act.kind == ir::AlterKind::DropIndex)
          constraint_dropped(ctx, a->table, act.name);
        if ((act.kind != ir::AlterKind::AddConstraint && act.kind != ir::AlterKind::AddIndex) ||
            !act.constraint)
          continue;
        // Every constraint but CHECK and FOREIGN KEY is an index under its name.
        const auto kind = act.constraint->kind;
        if (kind == ir::ConstraintKind::Check || kind == ir::ConstraintKind::ForeignKey) continue;
        index_created(ctx, a->table.schema, act.constraint->name.empty() ? act.name : act.constraint->name);
      }
    }
  }

  // A DROP: a later drop of what a candidate created takes it back (a
  // helper table or index the up migration cleans up); DROP INDEX drops
  // constraints too (on no table it names).
  void dropped(const engine::RuleContext& ctx, const ir::Drop& d) {
    const size_t here = ctx.statement_index();
    static const ir::QualifiedName no_table;
    for (const auto& n : d.names) {
      if (!d.temporary) {
        for (const uint32_t id : watching(Watch::DroppedObject, n.name))
          if (candidates_[id].statement < here && same(n, candidates_[id].object))
            candidates_[id].undone = true;
        for (const uint32_t id : watching(Watch::DroppedChain, n.name))
          if (candidates_[id].statement < here && same(n, candidates_[id].chain))
            candidates_[id].undone = true;
      }
      if (d.object == ir::ObjectKind::Index) constraint_dropped(ctx, no_table, n.name);
    }
    for (const auto& n : d.names) {
      if (!d.temporary && d.object == ir::ObjectKind::Table) dropped_tables_.emplace(hash(n.name), keep(n));
      if (d.object == ir::ObjectKind::Index && !d.if_exists && !ctx.facts().created_index_table(n, here))
        dropped_indexes_.emplace(hash(n.name), keep(n));
    }
  }

  // A rename of table `from` to `to`: the candidates that follow it take
  // the new name, and the down migration may undo them under it.
  void renamed(const engine::RuleContext& ctx, const ir::QualifiedName& from, const std::string& to) {
    const Slice kept = keep(to);
    for (const uint32_t id : watching(Watch::Renamed, from.name)) {
      Candidate& c = candidates_[id];
      if (!same(from, c.chain)) continue;
      unwatch(Watch::Renamed, from.name, id);
      if (c.kind == Kind::Table) unwatch(Watch::DroppedChain, from.name, id);
      c.chain.name = kept;
      const ir::QualifiedName now = name_of(c.chain);
      if (c.kind == Kind::Table) {
        // Renamed (copy-and-rename): when its new name was dropped or
        // renamed away before, the table replaces the old one.
        c.renamed = true;
        c.freed = freed_before(now);
        watch(Watch::DroppedChain, to, id);
      } else if (undoes(ctx, c, now)) {
        (c.kind == Kind::Object ? c.owner_dropped : c.undone) = true;
        continue;
      }
      watch(Watch::Renamed, to, id);
    }
    renames_.push_back({static_cast<uint32_t>(ctx.statement_index()), keep(from), kept});
    renames_of_[hash(from.name)].push_back(static_cast<uint32_t>(renames_.size() - 1));
  }

  // An index created under `name` (in the schema of its table): a DROP
  // INDEX of it before is taken back.
  void index_created(const engine::RuleContext& ctx, std::string_view schema, std::string_view name) {
    if (name.empty()) return;
    for (const uint32_t id : watching(Watch::IndexCreated, name))
      if (candidates_[id].statement < ctx.statement_index() && same(schema, name, candidates_[id].object))
        candidates_[id].undone = true;
  }

  // A drop of constraint (or index) `name` of `table`: an ADD CONSTRAINT
  // of it before leaves nothing to undo.
  void constraint_dropped(const engine::RuleContext& ctx, const ir::QualifiedName& table,
                          std::string_view name) {
    for (const uint32_t id : watching(Watch::ConstraintDropped, name)) {
      const Candidate& c = candidates_[id];
      if (c.statement < ctx.statement_index() && view(c.column) == name && same(table, c.object))
        candidates_[id].undone = true;
    }
  }

  // A named CREATE INDEX on the partitioned table of an index created
  // before (see onCreateIndex).
  void parent_indexed(const engine::RuleContext& ctx, const ir::CreateIndex& parent) {
    std::optional<bool> drops;  // the down migration drops the parent index
    for (const uint32_t id : watching(Watch::ParentIndexed, parent.table.name)) {
      Candidate& c = candidates_[id];
      const std::string_view table = view(c.table.name);
      const std::string& prefix = parent.table.name;
      if (c.statement >= ctx.statement_index() || table.size() <= prefix.size() ||
          !table.starts_with(prefix) || table[prefix.size()] != '_' ||
          view(c.table.schema) != parent.table.schema || c.column_count != parent.columns.size() ||
          !std::equal(parent.columns.begin(), parent.columns.end(), columns_.begin() + c.columns,
                      [&](const std::string& a, Slice b) { return a == view(b); }))
        continue;
      if (!drops) drops = ctx.down_migration().drops({parent.table.schema, parent.name, {}});
      if (*drops) c.undone = true;
    }
  }

  engine::DiagnosticBuilder missing(engine::RuleContext& ctx, TextRange range, const std::string& what,
                                    const std::string& undo) {
    const auto& down = ctx.down_migration();
    return ctx
        .report(range, "this migration " + what + " but " + down.where + " does not " + undo +
                           ": after a rollback the change stays, and running the migration again fails or "
                           "leaves the schema different from before")
        .help("Add the statement that undoes it to " + down.where + ".");
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (const auto& c : candidates_) {
      if (c.undone || (c.kind == Kind::Object && c.owned && c.owner_dropped)) continue;
      std::string what(view(c.what));
      if (c.kind == Kind::Table && c.renamed) {
        // Renamed later in the up migration (copy-and-rename): the table is
        // there under its last name. When that name was dropped or renamed
        // away before, the table replaces the old one, and bringing that
        // back is what drop-breaks-down-migration (or the rename check) asks
        // of the down.
        const ir::QualifiedName last = name_of(c.chain);
        if (ctx.down_migration().drops(last) || c.freed) continue;
        what += " (renamed to " + quoted(last) + " later)";
      }
      auto d = missing(ctx, c.range, what, c.undo);
      if (c.conditional) d.conditional();
    }
  }
};

DDLINT_DEFINE_RULE(DownMigrationIncomplete)

}  // namespace ddlint::rules
