#include <string>

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
    if (!active(ctx) || s.temporary || dropped_later(ctx, s.table)) return;
    if (ctx.down_migration().drops(s.table)) return;
    missing(ctx, s.table.range.empty() ? ctx.statement().range : s.table.range,
            "creates " +
                std::string(s.object == ir::ObjectKind::MaterializedView ? "materialized view " : "") +
                quoted(s.table),
            "drop it");
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.creates.empty() || dropped_later(ctx, s.creates)) return;
    // CREATE OR REPLACE VIEW may replace a view that exists: its down would
    // restore the old definition, which ddlint cannot check.
    if (s.or_replace && s.creates_kind == ir::ObjectKind::View) return;
    if (ctx.down_migration().drops(s.creates)) return;
    missing(
        ctx, ctx.statement().range,
        "creates " + std::string(s.creates_kind == ir::ObjectKind::View ? "view " : "") + quoted(s.creates),
        "drop it");
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.name.empty() || !ctx.is_existing_table(s.table)) return;
    const ir::QualifiedName index{s.table.schema, s.name, {}};
    if (dropped_later(ctx, index)) return;
    const auto& down = ctx.down_migration();
    if (down.drops(index) || down.drops(s.table)) return;
    missing(ctx, ctx.statement().range, "creates index " + quoted(index), "drop it");
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.object != ir::ObjectKind::Index) return;
    const auto& down = ctx.down_migration();
    for (const auto& n : s.names) {
      // An index created earlier in this up migration is its own business.
      if (ctx.facts().created_index_table(n, ctx.statement_index())) continue;
      if (down.has(Verb::CreateObject, n)) continue;
      missing(ctx, n.range.empty() ? ctx.statement().range : n.range, "drops index " + quoted(n),
              "re-create it");
    }
  }

  void onRename(const ir::Rename&, engine::RuleContext& ctx) override {
    if (active(ctx)) check_facts(ctx, nullptr);
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || !ctx.is_existing_table(s.table) || ctx.down_migration().drops(s.table)) return;
    check_facts(ctx, &s);
  }

  // The dialect-neutral facts of the statement: a rename written as RENAME
  // COLUMN, ALTER TABLE ... RENAME or a MySQL CHANGE; a type or nullability
  // change written as ALTER COLUMN or restated by a MySQL MODIFY/CHANGE (a
  // change only where the known old definition differs).
  void check_facts(engine::RuleContext& ctx, const ir::AlterTable* alter) {
    const auto& down = ctx.down_migration();
    for (const auto& f : ir::facts(ctx.statement())) {
      const ir::QualifiedName& t = f.table_name;
      const std::string col = quoted(f.name) + " of " + quoted(t);
      const analysis::KnownColumn* old = alter ? ctx.here().old_column(f.action) : nullptr;
      switch (f.kind) {
        case ir::FactKind::RenameColumn:
          if (!ctx.is_existing_table(t) || down.has(Verb::RenameColumn, t, f.new_name, f.name)) break;
          missing(ctx, alter ? f.range : ctx.statement().range,
                  "renames column " + quoted(f.name) + " of " + quoted(t) + " to " + quoted(f.new_name),
                  "rename it back");
          break;
        case ir::FactKind::RenameTable: {
          const ir::QualifiedName renamed{t.schema, f.new_name, {}};
          if (f.new_name.empty() || down.has(Verb::RenameRelation, renamed, {}, t.name)) break;
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
          if (down.has(Verb::DropConstraint, t, f.name) || down.has(Verb::DropObject, index)) break;
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
              down.has(Verb::CreateObject, index))
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
