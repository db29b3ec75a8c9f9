#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
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
  // The up migration itself drops `object` after statement `i` (a helper
  // table or index it cleans up).
  static bool dropped_later(const engine::RuleContext& ctx, const ir::QualifiedName& object) {
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      if (const auto* d = stmts[k].as<ir::Drop>(); d && !d->temporary)
        for (const auto& n : d->names)
          if (analysis::same_table(n, object)) return true;
    }
    return false;
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
  static std::vector<ir::QualifiedName> names_through_renames(const engine::RuleContext& ctx,
                                                              const ir::QualifiedName& table) {
    std::vector<ir::QualifiedName> names{table};
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index(); k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      std::string to = renamed_to(stmts[k], names.back());
      if (!to.empty()) names.push_back({table.schema, std::move(to), {}});
    }
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
  static Fate fate(const engine::RuleContext& ctx, const ir::QualifiedName& table) {
    Fate f{false, table, SIZE_MAX};
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      if (const auto* d = stmts[k].as<ir::Drop>(); d && !d->temporary) {
        for (const auto& n : d->names)
          if (analysis::same_table(n, f.name)) f.dropped = true;
        if (f.dropped) return f;
      }
      if (std::string to = renamed_to(stmts[k], f.name); !to.empty()) {
        f.name = {table.schema, std::move(to), {}};
        f.renamed_at = k;
      }
    }
    return f;
  }
  // The up migration drops `table`, or renames it away, before statement
  // `before`: a table renamed to its name afterwards replaces it.
  static bool freed_before(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t before) {
    const auto& stmts = ctx.file().statements;
    for (size_t k = 0; k < before && k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      if (const auto* d = stmts[k].as<ir::Drop>(); d && !d->temporary && d->object == ir::ObjectKind::Table)
        for (const auto& n : d->names)
          if (analysis::same_table(n, table)) return true;
      if (!renamed_to(stmts[k], table).empty()) return true;
    }
    return false;
  }
  // The up migration creates index `index` again after the current statement
  // (DROP INDEX i; CREATE INDEX i ...: the index exists after it).
  static bool index_created_later(const engine::RuleContext& ctx, const ir::QualifiedName& index) {
    const auto& stmts = ctx.file().statements;
    auto same = [&](const std::string& schema, const std::string& name) {
      return !name.empty() && analysis::same_table({schema, name, {}}, index);
    };
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
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
  static bool dropped_before(const engine::RuleContext& ctx, const ir::QualifiedName& index) {
    const auto& stmts = ctx.file().statements;
    for (size_t k = 0; k < ctx.statement_index(); ++k) {
      if (ctx.facts().at(k).down) continue;
      if (const auto* d = stmts[k].as<ir::Drop>(); d && d->object == ir::ObjectKind::Index && !d->if_exists)
        for (const auto& n : d->names)
          if (analysis::same_table(n, index) && !ctx.facts().created_index_table(n, k)) return true;
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
  static bool owner_dropped(engine::RuleContext& ctx, const ir::Opaque& s) {
    const ir::Opaque* owned = s.owned_by.empty() ? nullptr : &s;
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      const auto* alter = stmts[k].as<ir::Opaque>();
      if (ctx.facts().at(k).down || !alter || alter->acts_on.empty() || alter->owned_by.empty() ||
          !analysis::same_table(alter->acts_on.front(), s.creates))
        continue;
      owned = alter;
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
  static bool attached_to_dropped_parent_index(engine::RuleContext& ctx, const ir::CreateIndex& s) {
    if (!analysis::partitions_have_own_indexes(ctx.settings().dialect)) return false;
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      const auto* parent = stmts[k].as<ir::CreateIndex>();
      if (ctx.facts().at(k).down || !parent || parent->name.empty() || parent->columns != s.columns ||
          parent->table.schema != s.table.schema || !s.table.name.starts_with(parent->table.name + "_"))
        continue;
      if (ctx.down_migration().drops({parent->table.schema, parent->name, {}})) return true;
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
      const bool known =
          std::any_of(ctx.here().effect.tables.begin(), ctx.here().effect.tables.end(),
                      [&](const analysis::TableEffect& e) { return analysis::same_table(e.via_index, n); });
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
    for (const auto& f : ir::facts(ctx.statement())) {
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
  static bool constraint_dropped_later(const engine::RuleContext& ctx, const ir::QualifiedName& table,
                                       const std::string& name) {
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1; k < stmts.size(); ++k) {
      if (ctx.facts().at(k).down) continue;
      for (const auto& g : ir::facts(stmts[k]))
        if ((g.kind == ir::FactKind::DropConstraint || g.kind == ir::FactKind::DropIndex) && g.name == name &&
            analysis::same_table(g.table_name, table))
          return true;
    }
    return false;
  }

  static bool renamed_by_same_action(const engine::RuleContext& ctx, const ir::Fact& f) {
    for (const auto& g : ir::facts(ctx.statement()))
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
