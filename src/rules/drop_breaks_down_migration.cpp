#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// The up migration drops an existing table or column and its down migration
// does not bring it back (or there is no down migration where the runner has
// them): rolling back leaves the previous release without it.
class DropBreaksDownMigration final : public engine::Rule {
  using Verb = analysis::DownEffect::Verb;

  // `maybe`: DROP ... IF EXISTS of a table that neither the history nor the
  // file mentions; it drops something only if the database has the table.
  void report(engine::RuleContext& ctx, TextRange range, const std::string& what, bool maybe = false) {
    const auto& down = ctx.down_migration();
    if (maybe) {
      const std::string cond = " (unless the database does not have it: no migration ddlint read creates it)";
      if (!down.present)
        ctx.report(range, "this migration drops " + what + " if it exists and has no down migration (" +
                              down.where + " is missing or empty): a rollback cannot restore it" + cond)
            .conditional()
            .help(
                "If the table exists, write a down migration that re-creates it, or drop it only once no "
                "release that could be rolled back to uses it; if it never exists here, ignore this "
                "finding.");
      else
        ctx.report(range,
                   "this migration drops " + what + " if it exists but " + down.where +
                       " does not re-create it: after a rollback the previous release runs without it" + cond)
            .conditional()
            .help("If the table exists, re-create it in " + down.where +
                  " (with its type, constraints and, where needed, its data from a backup).");
      return;
    }
    if (!down.present) {
      ctx.report(range, "this migration drops " + what + " and has no down migration (" + down.where +
                            " is missing or empty): a rollback cannot restore it, and the previous release "
                            "breaks without it")
          .help(
              "Write a down migration that re-creates it (its data needs a backup or a copy kept by the up "
              "migration), or drop it only once no release that could be rolled back to uses it.");
    } else {
      ctx.report(range, "this migration drops " + what + " but " + down.where +
                            " does not re-create it: after a rollback the previous release runs without it")
          .help("Re-create it in " + down.where +
                " (with its type, constraints and, where needed, its data from a backup).");
    }
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    // DROP TEMPORARY TABLE (MySQL) drops only this session's temporary table.
    if (!down.supported || !down.unreadable.empty() || ctx.here().down || s.temporary) return;
    if (s.object != ir::ObjectKind::Table && s.object != ir::ObjectKind::MaterializedView &&
        s.object != ir::ObjectKind::View)
      return;
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t)) continue;
      // DROP TABLE IF EXISTS of a table the history (or this file) already
      // dropped or renamed away: it drops nothing.
      if (s.if_exists && ctx.here().table_known_absent(t)) continue;
      if (down.present && down.creates(t)) continue;
      const char* kind = s.object == ir::ObjectKind::Table ? "table " : "view ";
      report(ctx, t.range.empty() ? ctx.statement().range : t.range, kind + quoted(t),
             s.if_exists && ctx.here().table_unseen(t));
    }
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    if (!down.supported || !down.unreadable.empty() || ctx.here().down || !ctx.is_existing_table(s.table))
      return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::DropColumn) continue;
      if (down.present && (down.has(Verb::AddColumn, s.table, a.column) || down.creates(s.table))) continue;
      report(ctx, a.range, "column " + quoted(a.column) + " of " + quoted(s.table));
    }
  }
};

DDLINT_DEFINE_RULE(DropBreaksDownMigration)

}  // namespace ddlint::rules
