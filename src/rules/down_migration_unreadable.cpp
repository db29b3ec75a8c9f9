// The down migration of this up migration is a file ddlint cannot read
// (NAME.down.go beside NAME.up.sql): said once, so that the silence of the
// other down-migration rules is not taken for a check that passed.
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DownMigrationUnreadable final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    if (down.unreadable.empty()) return;
    const auto& stmts = ctx.file().statements;
    TextRange at{0, 0};
    if (!stmts.empty())
      at = stmts.front().range;
    else if (!ctx.file().errors.empty())
      at = ctx.file().errors.front().statement;
    ctx.report(at,
               "the down migration of this migration is " + down.where +
                   ", which is not SQL: ddlint cannot check that it undoes this migration or that a rollback "
                   "keeps the data")
        .help(
            "Review the down migration by hand (drop-breaks-down-migration, down-migration-incomplete and "
            "missing-down-migration do not look at it), or write it in SQL as NAME.down.sql.");
  }
};

DDLINT_DEFINE_RULE(DownMigrationUnreadable)

}  // namespace ddlint::rules
