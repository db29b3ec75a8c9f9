#include "analysis/mysql/mysql_semantics.h"
#include "engine/rule_context.h"
#include "rules/effect_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

constexpr const char* kLockCost =
    " under an ACCESS EXCLUSIVE lock that blocks reads and writes until it finishes";
constexpr const char* kRepackHelp =
    "Rebuild the table online with pg_repack (it holds the exclusive lock only briefly), or run this in a "
    "maintenance window outside the migration.";

constexpr const char* kMySqlRebuildCost =
    ": on a large table it runs long, competes with the workload for I/O, holds an exclusive metadata lock "
    "at start and end, and replicas fall behind while they replay it";
constexpr const char* kMySqlRebuildHelp =
    "Rebuild large tables outside the migration: in a maintenance window, or with an online schema change "
    "tool (gh-ost, pt-online-schema-change) that copies in throttled batches.";

// The lock model's verdict: whether `table` is rewritten by the current statement.
bool rewritten(const ir::QualifiedName& table, engine::RuleContext& ctx) {
  for (const auto& e : ctx.here().effect.tables)
    if (e.rewrite && analysis::same_table(e.table, table)) return true;
  return false;
}

}  // namespace

class TableRewrite final : public engine::Rule {
  void onVacuum(const ir::Vacuum& s, engine::RuleContext& ctx) override {
    if (!s.full) return;
    if (ctx.settings().dialect == Dialect::MySql) {
      // OPTIMIZE TABLE (MySQL's statement for a full rebuild).
      for (const auto& t : s.tables) {
        if (!ctx.is_existing_table(t) || !rewritten(t, ctx)) continue;
        ctx.report(t.range.empty() ? ctx.statement().range : t.range,
                   "OPTIMIZE TABLE rebuilds " + quoted(t) + " and all its indexes" +
                       online_ddl_note(ctx.here(), t) + kMySqlRebuildCost)
            .help(kMySqlRebuildHelp);
      }
      return;
    }
    if (s.tables.empty()) {
      ctx.report(ctx.statement().range,
                 std::string("VACUUM FULL without a table list rewrites every table of the database, each") +
                     kLockCost)
          .help(kRepackHelp);
      return;
    }
    for (const auto& t : s.tables) {
      if (!ctx.is_existing_table(t) || !rewritten(t, ctx)) continue;
      ctx.report(t.range.empty() ? ctx.statement().range : t.range,
                 "VACUUM FULL rewrites " + quoted(t) + " and all its indexes" + kLockCost)
          .help(kRepackHelp);
    }
  }

  void onCluster(const ir::Cluster& s, engine::RuleContext& ctx) override {
    if (!s.table) {
      ctx.report(ctx.statement().range,
                 std::string("CLUSTER without a table name rewrites every table clustered before, each") +
                     kLockCost)
          .help(kRepackHelp);
      return;
    }
    const auto& t = *s.table;
    if (!ctx.is_existing_table(t) || !rewritten(t, ctx)) return;
    ctx.report(t.range.empty() ? ctx.statement().range : t.range,
               "CLUSTER rewrites " + quoted(t) + " and all its indexes in index order" + kLockCost)
        .help(kRepackHelp);
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table && s.object != ir::ObjectKind::MaterializedView) return;
    if (!ctx.is_existing_table(s.table) || !rewritten(s.table, ctx)) return;
    if (ctx.settings().dialect == Dialect::MySql) {
      // FORCE and ENGINE= do nothing but rebuild (or convert) the table.
      for (const auto& a : s.actions) {
        const auto kind = analysis::mysql_rebuild_action(a);
        if (kind == analysis::MySqlRebuild::None) continue;
        ctx.report(a.range, quoted(std::string(ctx.text(a.range))) + " rebuilds " + quoted(s.table) +
                                " and all its indexes" + online_ddl_note(ctx.here(), s.table) +
                                kMySqlRebuildCost)
            .help(kMySqlRebuildHelp);
      }
      return;
    }
    for (const auto& a : s.actions) {
      std::string what;
      std::string help = kRepackHelp;
      switch (a.kind) {
        case ir::AlterKind::SetTablespace:
          what = "SET TABLESPACE copies all of " + quoted(s.table) + " to " +
                 (a.name.empty() ? std::string("the new tablespace") : quoted(a.name));
          help =
              "Move the table online with pg_repack --tablespace, or run the move in a maintenance window "
              "outside the migration.";
          break;
        case ir::AlterKind::SetLogged:
        case ir::AlterKind::SetUnlogged:
          what = std::string(a.kind == ir::AlterKind::SetLogged ? "SET LOGGED" : "SET UNLOGGED") +
                 " rewrites " + quoted(s.table) + " and all its indexes";
          help =
              "Choose the persistence when the table is created; on a live table, copy the rows into a new "
              "table in batches and swap the names, or run this in a maintenance window.";
          break;
        case ir::AlterKind::SetAccessMethod:
          if (ctx.settings().pg_version < 15) continue;  // the subcommand exists from PostgreSQL 15
          what = "SET ACCESS METHOD rewrites " + quoted(s.table) + " and all its indexes";
          break;
        default:
          continue;
      }
      ctx.report(a.range, what + kLockCost).help(help);
    }
  }
};

DDLINT_DEFINE_RULE(TableRewrite)

}  // namespace ddlint::rules
