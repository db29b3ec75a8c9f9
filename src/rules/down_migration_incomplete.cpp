#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
class DownMigrationIncomplete final : public engine::Rule {
  using Verb = analysis::DownEffect::Verb;

  bool active(const engine::RuleContext& ctx) const {
    return ctx.down_migration().present && !ctx.here().down;
  }

  // The statements of the up migration that the checks below look for,
  // indexed once per file by the name they act on (each list in file
  // order), so a check costs the statements on that name, not a scan of the
  // file.
  struct Named {
    size_t stmt;
    const ir::QualifiedName* name;
  };
  struct UpIndex {
    std::unordered_map<std::string, std::vector<Named>> drops;         // DROP ..., by each name it drops
    std::unordered_map<std::string, std::vector<size_t>> renames;      // renames of a table, by its old name
    std::unordered_map<std::string, std::vector<size_t>> index_names;  // statements that create an index name
    std::unordered_map<std::string, std::vector<size_t>> owned;        // ALTER SEQUENCE ... OWNED BY
    std::unordered_map<std::string, std::vector<size_t>> by_table;     // named CREATE INDEX, by table name
    // DROP CONSTRAINT / DROP INDEX facts, by constraint name.
    std::unordered_map<std::string, std::vector<std::pair<size_t, ir::QualifiedName>>> constraint_drops;
  };
  mutable std::optional<UpIndex> up_;

  const UpIndex& up(const engine::RuleContext& ctx) const {
    if (up_) return *up_;
    UpIndex& ix = up_.emplace();
    const auto& stmts = ctx.file().statements;
    for (size_t k = 0; k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      const ir::Statement& st = stmts[k];
      if (const auto* d = st.as<ir::Drop>())
        for (const auto& n : d->names) ix.drops[n.name].push_back({k, &n});
      if (const auto* r = st.as<ir::Rename>(); r && r->object == ir::ObjectKind::Table) {
        if (!r->new_name.empty()) ix.renames[r->target.name].push_back(k);
      } else if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Table) {
        if (std::any_of(a->actions.begin(), a->actions.end(), [](const ir::AlterAction& act) {
              return act.kind == ir::AlterKind::RenameTable && !act.name.empty();
            }))
          ix.renames[a->table.name].push_back(k);
      }
      if (const auto* c = st.as<ir::CreateIndex>()) {
        ix.index_names[c->name].push_back(k);
        if (!c->name.empty()) ix.by_table[c->table.name].push_back(k);
      } else if (const auto* r = st.as<ir::Rename>(); r && r->object == ir::ObjectKind::Index) {
        ix.index_names[r->new_name].push_back(k);
      } else if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Table) {
        for (const auto& act : a->actions)
          if (act.constraint) {
            auto& list = ix.index_names[act.constraint->name.empty() ? act.name : act.constraint->name];
            if (list.empty() || list.back() != k) list.push_back(k);
          }
      }
      if (const auto* o = st.as<ir::Opaque>(); o && !o->acts_on.empty() && !o->owned_by.empty())
        ix.owned[o->acts_on.front().name].push_back(k);
      for (const auto& g : ir::drop_facts(st)) ix.constraint_drops[g.name].emplace_back(k, g.table_name);
    }
    return *up_;
  }
  // The entries of `map` under `name` (empty when none).
  template <typename T>
  static const std::vector<T>& under(const std::unordered_map<std::string, std::vector<T>>& map,
                                     const std::string& name) {
    static const std::vector<T> none;
    const auto it = map.find(name);
    return it == map.end() ? none : it->second;
  }
  static size_t stmt_of(size_t k) { return k; }
  static size_t stmt_of(const Named& n) { return n.stmt; }
  template <typename T>
  static size_t stmt_of(const std::pair<size_t, T>& p) {
    return p.first;
  }
  // The first entry of a list in file order at statement `from` or after.
  template <typename T>
  static typename std::vector<T>::const_iterator starting_at(const std::vector<T>& list, size_t start) {
    return std::partition_point(list.begin(), list.end(), [&](const T& e) { return stmt_of(e) < start; });
  }
  // The up migration itself drops `object` after statement `i` (a helper
  // table or index it cleans up).
  bool dropped_later(const engine::RuleContext& ctx, const ir::QualifiedName& object) const {
    const auto& stmts = ctx.file().statements;
    const auto& list = under(up(ctx).drops, object.name);
    for (auto it = starting_at(list, ctx.statement_index() + 1); it != list.end(); ++it)
      if (!stmts[it->stmt].as<ir::Drop>()->temporary && analysis::same_table(*it->name, object)) return true;
    return false;
  }
  // The first statement at `start` or after that drops `object` (not a
  // temporary table), or SIZE_MAX.
  size_t next_drop(const engine::RuleContext& ctx, const ir::QualifiedName& object, size_t start) const {
    const auto& stmts = ctx.file().statements;
    const auto& list = under(up(ctx).drops, object.name);
    for (auto it = starting_at(list, start); it != list.end(); ++it)
      if (!stmts[it->stmt].as<ir::Drop>()->temporary && analysis::same_table(*it->name, object))
        return it->stmt;
    return SIZE_MAX;
  }
  // The first statement at `start` or after that renames table `table`
  // (SIZE_MAX: none), and the new name in `to`.
  size_t next_rename(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t start,
                     std::string& to) const {
    const auto& stmts = ctx.file().statements;
    const auto& list = under(up(ctx).renames, table.name);
    for (auto it = starting_at(list, start); it != list.end(); ++it)
      if (std::string name = renamed_to(stmts[*it], table); !name.empty()) {
        to = std::move(name);
        return *it;
      }
    return SIZE_MAX;
  }
  static std::string unqualified(std::string_view name) {
    if (const size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
    return std::string(name);
  }
  // The new name when statement `st` renames table `from` (empty: it does not).
  static std::string renamed_to(const ir::Statement& st, const ir::QualifiedName& from) {
    if (const auto* r = st.as<ir::Rename>(); r && r->object == ir::ObjectKind::Table) {
      if (!r->new_name.empty() && analysis::same_table(r->target, from)) return unqualified(r->new_name);
    } else if (const auto* a = st.as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Table) {
      if (!analysis::same_table(a->table, from)) return {};
      for (const auto& act : a->actions)
        if (act.kind == ir::AlterKind::RenameTable && !act.name.empty()) return unqualified(act.name);
    }
    return {};
  }
  // The names `table` has from the current statement to the end of the up
  // migration: its own, then each one a rename gives it (the current
  // statement's included). A down migration may name the table by any of
  // them, depending on where it renames it back.
  std::vector<ir::QualifiedName> names_through_renames(const engine::RuleContext& ctx,
                                                       const ir::QualifiedName& table) const {
    std::vector<ir::QualifiedName> names{table};
    std::string to;
    for (size_t k = ctx.statement_index(); (k = next_rename(ctx, names.back(), k, to)) != SIZE_MAX; ++k)
      names.push_back({table.schema, std::move(to), {}});
    return names;
  }
  // What becomes of a table the up migration creates: dropped again later in
  // the up migration (a helper it cleans up), or renamed (`name`: the name it
  // ends under; `renamed_at`: the statement of the last rename).
  struct Fate {
    bool dropped = false;
    ir::QualifiedName name;
    size_t renamed_at = SIZE_MAX;
  };
  Fate fate(const engine::RuleContext& ctx, const ir::QualifiedName& table) const {
    Fate f{false, table, SIZE_MAX};
    std::string to;
    for (size_t k = ctx.statement_index() + 1;;) {
      const size_t drop = next_drop(ctx, f.name, k);
      const size_t rename = next_rename(ctx, f.name, k, to);
      if (drop != SIZE_MAX && drop <= rename) {
        f.dropped = true;
        return f;
      }
      if (rename == SIZE_MAX) return f;
      f.name = {table.schema, std::move(to), {}};
      f.renamed_at = rename;
      k = rename + 1;
    }
  }
  // The up migration drops `table`, or renames it away, before statement
  // `before`: a table renamed to its name afterwards replaces it.
  bool freed_before(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t before) const {
    const auto& stmts = ctx.file().statements;
    for (const auto& d : under(up(ctx).drops, table.name)) {
      if (d.stmt >= before) break;
      const auto* drop = stmts[d.stmt].as<ir::Drop>();
      if (!drop->temporary && drop->object == ir::ObjectKind::Table && analysis::same_table(*d.name, table))
        return true;
    }
    std::string to;
    return next_rename(ctx, table, 0, to) < before;
  }
  // The up migration creates index `index` again after the current statement
  // (DROP INDEX i; CREATE INDEX i ...: the index exists after it).
  bool index_created_later(const engine::RuleContext& ctx, const ir::QualifiedName& index) const {
    const auto& stmts = ctx.file().statements;
    auto same = [&](const std::string& schema, const std::string& name) {
      return !name.empty() && analysis::same_table({schema, name, {}}, index);
    };
    const auto& list = under(up(ctx).index_names, index.name);
    for (auto it = starting_at(list, ctx.statement_index() + 1); it != list.end(); ++it) {
      const size_t k = *it;
      if (const auto* c = stmts[k].as<ir::CreateIndex>()) {
        if (same(c->table.schema, c->name)) return true;
      } else if (const auto* r = stmts[k].as<ir::Rename>(); r && r->object == ir::ObjectKind::Index) {
        if (same(r->target.schema, r->new_name)) return true;
      } else if (const auto* a = stmts[k].as<ir::AlterTable>(); a && a->object == ir::ObjectKind::Table) {
        for (const auto& act : a->actions) {
          if ((act.kind != ir::AlterKind::AddConstraint && act.kind != ir::AlterKind::AddIndex) ||
              !act.constraint)
            continue;
          // Every constraint but CHECK and FOREIGN KEY is an index under its name.
          const auto kind = act.constraint->kind;
          if (kind == ir::ConstraintKind::Check || kind == ir::ConstraintKind::ForeignKey) continue;
          if (same(a->table.schema, act.constraint->name.empty() ? act.name : act.constraint->name))
            return true;
        }
      }
    }
    return false;
  }
  // The up migration drops index `index` before the current statement with
  // a plain DROP INDEX (no IF EXISTS: the index existed) of an index it did
  // not create: creating it again replaces an index that was there before.
  bool dropped_before(const engine::RuleContext& ctx, const ir::QualifiedName& index) const {
    const auto& stmts = ctx.file().statements;
    for (const auto& d : under(up(ctx).drops, index.name)) {
      if (d.stmt >= ctx.statement_index()) break;
      const auto* drop = stmts[d.stmt].as<ir::Drop>();
      if (drop->object == ir::ObjectKind::Index && !drop->if_exists && analysis::same_table(*d.name, index) &&
          !ctx.facts().created_index_table(*d.name, d.stmt))
        return true;
    }
    return false;
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

  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.temporary) return;
    const Fate f = fate(ctx, s.table);
    if (f.dropped) return;
    const auto& down = ctx.down_migration();
    if (down.drops(s.table)) return;
    const TextRange range = s.table.range.empty() ? ctx.statement().range : s.table.range;
    const std::string what =
        "creates " + std::string(s.object == ir::ObjectKind::MaterializedView ? "materialized view " : "") +
        quoted(s.table);
    if (f.renamed_at == SIZE_MAX) {
      missing(ctx, range, what, "drop it");
      return;
    }
    // Renamed later in the up migration (copy-and-rename): the table is there
    // under its last name. When that name was dropped or renamed away before,
    // the table replaces the old one, and bringing that back is what
    // drop-breaks-down-migration (or the rename check) asks of the down.
    if (down.drops(f.name) || freed_before(ctx, f.name, f.renamed_at)) return;
    missing(ctx, range, what + " (renamed to " + quoted(f.name) + " later)", "drop it");
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.creates.empty() || dropped_later(ctx, s.creates)) return;
    // CREATE OR REPLACE VIEW may replace a view that exists: its down would
    // restore the old definition, which ddlint cannot check.
    if (s.or_replace && s.creates_kind == ir::ObjectKind::View) return;
    if (ctx.down_migration().drops(s.creates) || owner_dropped(ctx, s)) return;
    missing(
        ctx, ctx.statement().range,
        "creates " + std::string(s.creates_kind == ir::ObjectKind::View ? "view " : "") + quoted(s.creates),
        "drop it");
  }

  // A sequence OWNED BY a column (in its CREATE SEQUENCE or an ALTER SEQUENCE
  // later in the up migration) goes with that column or its table: true when
  // the down migration drops either.
  bool owner_dropped(engine::RuleContext& ctx, const ir::Opaque& s) const {
    const ir::Opaque* owned = s.owned_by.empty() ? nullptr : &s;
    const auto& stmts = ctx.file().statements;
    const auto& list = under(up(ctx).owned, s.creates.name);
    for (auto it = starting_at(list, ctx.statement_index() + 1); it != list.end(); ++it) {
      const auto* alter = stmts[*it].as<ir::Opaque>();
      if (analysis::same_table(alter->acts_on.front(), s.creates)) owned = alter;
    }
    if (!owned) return false;
    const auto& down = ctx.down_migration();
    for (const auto& name : names_through_renames(ctx, owned->owned_by))
      if (down.drops(name) || down.has(Verb::DropColumn, name, owned->owned_by_column)) return true;
    return false;
  }

  // PostgreSQL: CREATE INDEX on a partitioned table attaches the matching
  // index each partition already has, and dropping the parent index drops
  // the attached ones. True when a later CREATE INDEX of the up migration on
  // table P has the same key columns, the index's table is named P_<suffix>
  // (partitions created by a function are invisible to the schema model),
  // and the down migration drops the parent index.
  bool attached_to_dropped_parent_index(engine::RuleContext& ctx, const ir::CreateIndex& s) const {
    if (!analysis::partitions_have_own_indexes(ctx.settings().dialect)) return false;
    const auto& stmts = ctx.file().statements;
    // The parent's table name is the part of the name before one of its `_`.
    for (size_t cut = s.table.name.find('_'); cut != std::string::npos;
         cut = s.table.name.find('_', cut + 1)) {
      const auto& list = under(up(ctx).by_table, s.table.name.substr(0, cut));
      for (auto it = starting_at(list, ctx.statement_index() + 1); it != list.end(); ++it) {
        const auto* parent = stmts[*it].as<ir::CreateIndex>();
        if (parent->columns != s.columns || parent->table.schema != s.table.schema) continue;
        if (ctx.down_migration().drops({parent->table.schema, parent->name, {}})) return true;
      }
    }
    return false;
  }

  // The down migration drops columns of the index on `table` (a name of its
  // table) that take the index with them.
  static bool drops_index_columns(engine::RuleContext& ctx, const ir::CreateIndex& s,
                                  const ir::QualifiedName& table) {
    size_t dropped = 0;
    for (const auto& c : s.columns)
      if (!c.starts_with('(') && ctx.down_migration().has(Verb::DropColumn, table, c)) ++dropped;
    return analysis::dropping_columns_drops_index(ctx.settings().dialect, dropped, s.columns.size());
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.name.empty() || !ctx.is_existing_table(s.table)) return;
    const ir::QualifiedName index{s.table.schema, s.name, {}};
    if (dropped_later(ctx, index) || dropped_before(ctx, index)) return;
    const auto& down = ctx.down_migration();
    if (down.drops(index)) return;
    for (const auto& name : names_through_renames(ctx, s.table))
      if (down.drops(name) || drops_index_columns(ctx, s, name)) return;
    if (attached_to_dropped_parent_index(ctx, s)) return;
    missing(ctx, ctx.statement().range, "creates index " + quoted(index), "drop it");
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.object != ir::ObjectKind::Index) return;
    const auto& down = ctx.down_migration();
    for (const auto& n : s.names) {
      // An index created earlier in this up migration is its own business.
      if (ctx.facts().created_index_table(n, ctx.statement_index())) continue;
      // Nor one the up migration creates again under the name: it exists after it.
      if (index_created_later(ctx, n) || down.has(Verb::CreateObject, n)) continue;
      // DROP INDEX IF EXISTS of an index no migration ddlint read creates:
      // it drops something only if the database has the index.
      const bool known = std::any_of(
          ctx.here().effect.tables.begin(), ctx.here().effect.tables.end(),
          [&](const analysis::TableEffect& e) { return analysis::same_table(e.index_name(), n); });
      if (s.if_exists && !known) {
        missing(ctx, n.range.empty() ? ctx.statement().range : n.range,
                "drops index " + quoted(n) +
                    " if it exists (unless the database does not have it: no migration "
                    "ddlint read creates it)",
                "re-create it")
            .conditional();
        continue;
      }
      missing(ctx, n.range.empty() ? ctx.statement().range : n.range, "drops index " + quoted(n),
              "re-create it");
    }
  }

  void onRename(const ir::Rename&, engine::RuleContext& ctx) override {
    if (active(ctx)) check_facts(ctx, nullptr);
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || !ctx.is_existing_table(s.table)) return;
    // Dropping the table covers what the statement changes, under a name a
    // later rename gives it too; not a rename of this statement (dropping the
    // new name does not bring back the old one).
    const bool renames = std::any_of(s.actions.begin(), s.actions.end(), [](const ir::AlterAction& a) {
      return a.kind == ir::AlterKind::RenameTable;
    });
    if (renames) {
      if (ctx.down_migration().drops(s.table)) return;
    } else {
      for (const auto& name : names_through_renames(ctx, s.table))
        if (ctx.down_migration().drops(name)) return;
    }
    check_facts(ctx, &s);
  }

  // The dialect-neutral facts of the statement: a rename written as RENAME
  // COLUMN, ALTER TABLE ... RENAME or a MySQL CHANGE; a type or nullability
  // change written as ALTER COLUMN or restated by a MySQL MODIFY/CHANGE (a
  // change only where the known old definition differs).
  // A table renamed later in the up migration may be named by its new name
  // in the down migration (which undoes the change before or after renaming
  // it back): the down migration undoes the change under any of its names.
  void check_facts(engine::RuleContext& ctx, const ir::AlterTable* alter) {
    const auto& down_migration = ctx.down_migration();
    std::vector<ir::QualifiedName> names;
    struct AnyName {
      const analysis::DownMigration& down;
      const std::vector<ir::QualifiedName>& names;
      // Asked about the fact's table: under any of its names.
      bool has(Verb verb, const ir::QualifiedName& table, std::string_view column = {},
               std::string_view to = {}) const {
        if (!analysis::same_table(table, names.front())) return down.has(verb, table, column, to);
        for (const auto& n : names)
          if (down.has(verb, n, column, to)) return true;
        return false;
      }
    };
    for (const auto& f : ctx.statement_facts()) {
      const ir::QualifiedName& t = f.table_name;
      if (names.empty() || !analysis::same_table(names.front(), t)) names = names_through_renames(ctx, t);
      const AnyName down{down_migration, names};
      const std::string col = quoted(f.name) + " of " + quoted(t);
      const analysis::KnownColumn* old = alter ? ctx.here().old_column(f.action) : nullptr;
      // A column this migration added (earlier in the file, or in an earlier
      // step of its split version) has no old type or nullability to go back
      // to: the down migration's job is to drop it, judged at the ADD COLUMN.
      if ((f.kind == ir::FactKind::SetType || f.kind == ir::FactKind::SetNotNull) &&
          ctx.facts().column_added_before(t, f.name, ctx.statement_index()))
        continue;
      switch (f.kind) {
        case ir::FactKind::RenameColumn:
          if (!ctx.is_existing_table(t) || down.has(Verb::RenameColumn, t, f.new_name, f.name)) break;
          missing(ctx, alter ? f.range : ctx.statement().range,
                  "renames column " + quoted(f.name) + " of " + quoted(t) + " to " + quoted(f.new_name),
                  "rename it back");
          break;
        case ir::FactKind::RenameTable: {
          const ir::QualifiedName renamed{t.schema, f.new_name, {}};
          // A table created earlier in the up migration is judged where it is created.
          if (f.new_name.empty() || !ctx.is_existing_table(t) ||
              down.has(Verb::RenameRelation, renamed, {}, t.name))
            break;
          missing(ctx, alter ? f.range : ctx.statement().range,
                  "renames " + quoted(t) + " to " + quoted(renamed), "rename it back");
          break;
        }
        case ir::FactKind::AddColumn:
          if (!down.has(Verb::DropColumn, t, f.name))
            missing(ctx, f.range, "adds column " + quoted(f.name) + " to " + quoted(t), "drop it");
          break;
        case ir::FactKind::AddConstraint:
        case ir::FactKind::AddIndex: {
          // Named only: an unnamed one gets a generated name the down cannot know.
          if (f.name.empty() || !alter) break;
          const ir::QualifiedName index{t.schema, f.name, {}};
          if (down.has(Verb::DropConstraint, t, f.name) || down.has(Verb::DropObject, index) ||
              constraint_dropped_later(ctx, t, f.name))
            break;
          missing(ctx, f.range,
                  std::string(alter->actions[f.action].kind == ir::AlterKind::AddIndex ? "adds index "
                                                                                       : "adds constraint ") +
                      quoted(f.name) + " to " + quoted(t),
                  "drop it");
          break;
        }
        case ir::FactKind::SetType: {
          if (down.has(Verb::AlterColumnType, t, f.name) || down.has(Verb::DropColumn, t, f.name)) break;
          if (!f.restated) {
            missing(ctx, f.range, "changes the type of column " + col, "change it back");
          } else if (old) {
            if (restated_type_changes(ctx, *old, alter->actions[f.action]))
              missing(ctx, f.range, "changes the type of column " + col, "change it back");
          } else if (!renamed_by_same_action(ctx, f)) {
            // A MODIFY/CHANGE of a column whose definition ddlint does not
            // know: a change unless it restates what is already there. (A
            // CHANGE that renames is reported as the rename.)
            missing(ctx, f.range,
                    "redefines column " + col + " (a change unless it already has exactly this definition)",
                    "restore the old definition")
                .conditional();
          }
          break;
        }
        case ir::FactKind::DropIndex: {
          // MySQL DROP INDEX ... ON t and ALTER TABLE ... DROP INDEX.
          if (!alter || f.name.empty()) break;
          const ir::QualifiedName index{t.schema, f.name, {}};
          if (ctx.facts().created_index_table(index, ctx.statement_index()) ||
              index_created_later(ctx, index) || down.has(Verb::CreateObject, index))
            break;
          missing(ctx, f.range, "drops index " + quoted(f.name) + " of " + quoted(t), "re-create it");
          break;
        }
        case ir::FactKind::SetNotNull:
          if (f.restated && !(old && old->not_null_known && !old->not_null)) break;
          if (!down.has(Verb::DropNotNull, t, f.name) && !down.has(Verb::DropColumn, t, f.name))
            missing(ctx, f.range, "makes column " + col + " NOT NULL", "drop the NOT NULL again");
          break;
        default:
          break;
      }
    }
  }

  // A later statement of the up migration drops the constraint (or index)
  // `name` of `table` again: the up migration leaves nothing to undo.
  bool constraint_dropped_later(const engine::RuleContext& ctx, const ir::QualifiedName& table,
                                const std::string& name) const {
    const auto& list = under(up(ctx).constraint_drops, name);
    for (auto it = starting_at(list, ctx.statement_index() + 1); it != list.end(); ++it)
      if (analysis::same_table(it->second, table)) return true;
    return false;
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
};

DDLINT_DEFINE_RULE(DownMigrationIncomplete)

}  // namespace ddlint::rules
