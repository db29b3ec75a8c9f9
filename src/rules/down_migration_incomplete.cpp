#include <string>

#include "engine/rule_context.h"
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
      if (const auto* d = stmts[k].as<ir::Drop>())
        for (const auto& n : d->names)
          if (analysis::same_table(n, object)) return true;
    }
    return false;
  }
  void missing(engine::RuleContext& ctx, TextRange range, const std::string& what, const std::string& undo) {
    const auto& down = ctx.down_migration();
    ctx.report(range, "this migration " + what + " but " + down.where + " does not " + undo +
                          ": after a rollback the change stays, and running the migration again fails or "
                          "leaves the schema different from before")
        .help("Add the statement that undoes it to " + down.where + ".");
  }

  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.temporary || dropped_later(ctx, s.table)) return;
    if (ctx.down_migration().drops(s.table)) return;
    missing(ctx, s.table.range.empty() ? ctx.statement().range : s.table.range, "creates " + quoted(s.table),
            "drop it");
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.creates.empty() || dropped_later(ctx, s.creates)) return;
    if (ctx.down_migration().drops(s.creates)) return;
    missing(ctx, ctx.statement().range, "creates " + quoted(s.creates), "drop it");
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

  void onRename(const ir::Rename& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.new_name.empty()) return;
    const auto& down = ctx.down_migration();
    if (s.object == ir::ObjectKind::Column) {
      if (down.has(Verb::RenameColumn, s.target, s.new_name, s.subname)) return;
      missing(ctx, ctx.statement().range,
              "renames column " + quoted(s.subname) + " of " + quoted(s.target) + " to " + quoted(s.new_name),
              "rename it back");
    } else if (s.object == ir::ObjectKind::Table) {
      const ir::QualifiedName renamed{s.target.schema, s.new_name, {}};
      if (down.has(Verb::RenameRelation, renamed, {}, s.target.name)) return;
      missing(ctx, ctx.statement().range, "renames " + quoted(s.target) + " to " + quoted(renamed),
              "rename it back");
    }
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || !ctx.is_existing_table(s.table)) return;
    const auto& down = ctx.down_migration();
    if (down.drops(s.table)) return;
    for (const auto& a : s.actions) {
      const std::string col = quoted(a.column) + " of " + quoted(s.table);
      switch (a.kind) {
        case ir::AlterKind::AddColumn:
          if (a.column_def && !down.has(Verb::DropColumn, s.table, a.column_def->name))
            missing(ctx, a.range, "adds column " + quoted(a.column_def->name) + " to " + quoted(s.table),
                    "drop it");
          break;
        case ir::AlterKind::AddConstraint:
          if (a.constraint && !a.constraint->name.empty() &&
              !down.has(Verb::DropConstraint, s.table, a.constraint->name))
            missing(ctx, a.range, "adds constraint " + quoted(a.constraint->name) + " to " + quoted(s.table),
                    "drop it");
          break;
        case ir::AlterKind::AlterColumnType:
          if (!down.has(Verb::AlterColumnType, s.table, a.column) &&
              !down.has(Verb::DropColumn, s.table, a.column))
            missing(ctx, a.range, "changes the type of column " + col, "change it back");
          break;
        case ir::AlterKind::SetNotNull:
          if (!down.has(Verb::DropNotNull, s.table, a.column) &&
              !down.has(Verb::DropColumn, s.table, a.column))
            missing(ctx, a.range, "makes column " + col + " NOT NULL", "drop the NOT NULL again");
          break;
        default:
          break;
      }
    }
  }
};

DDLINT_DEFINE_RULE(DownMigrationIncomplete)

}  // namespace ddlint::rules
