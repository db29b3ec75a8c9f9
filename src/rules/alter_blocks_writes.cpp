// alter-blocks-writes: an ALTER TABLE / CREATE INDEX that MySQL/MariaDB runs
// without a table copy but with LOCK=SHARED or stronger
// (rules.d/alter-blocks-writes.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AlterBlocksWrites final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override { check(s.table, &s, ctx); }
  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    check(s.table, nullptr, ctx);
  }

  static void check(const ir::QualifiedName& table, const ir::AlterTable* alter, engine::RuleContext& ctx) {
    if (ctx.settings().dialect != Dialect::MySql || !ctx.is_existing_table(table)) return;
    const auto& effect = ctx.here().effect;
    if (effect.fails) return;  // online-ddl-unsupported
    for (const auto& e : effect.tables) {
      if (!analysis::same_table(e.table, table)) continue;
      // A copy is alter-requires-table-copy's; an instant change holds its
      // lock only for the metadata change; a LOCK= clause that asks for more
      // than the operation needs is the author's choice.
      if (e.copies() || e.instant() || e.lock_requested) continue;
      if (!analysis::blocks_traffic(e.blocks)) continue;
      const TextRange where =
          alter && e.action < alter->actions.size() ? alter->actions[e.action].range : ctx.statement().range;
      ctx.report(where, e.operation() + " runs in place on " +
                            analysis::mysql_target_name(ctx.settings().mysql) + " but " +
                            std::string(analysis::describe(e.blocks)) + " to " + quoted(table) +
                            " (LOCK=" + e.lock() + ") until it finishes" +
                            (e.rewrite ? ", and it rebuilds the table"
                             : e.scan  ? ", and it reads the whole table"
                                       : ""))
          .help(
              "Make this change when the table is created or in a maintenance window; on a large table, make "
              "it with gh-ost or pt-online-schema-change, which copy the table in the background while "
              "writes "
              "continue.");
    }
  }
};

DDLINT_DEFINE_RULE(AlterBlocksWrites)

}  // namespace ddlint::rules
