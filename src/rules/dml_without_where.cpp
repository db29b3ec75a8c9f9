#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// An UPDATE/DELETE with no WHERE (an empty `WHERE` is none) on an existing
// table. A statement LIMIT (MySQL) bounds the rows, so it is not "every row".
// An UPDATE of a migration bookkeeping table (a name ending in `version`, ...:
// the one-row counter a migration bumps) that sets constants is not reported.
class DmlWithoutWhere final : public engine::Rule {
  void onUpdate(const ir::Update& s, engine::RuleContext& ctx) override {
    if (s.has_where || s.selection.limit || s.table.empty() ||
        (s.sets_constants && bookkeeping_table(s.table)) || !ctx.is_existing_table(s.table))
      return;
    // PostgreSQL keeps the old version of every updated row until VACUUM;
    // InnoDB keeps them in the undo log, and a replica replays the statement
    // as one transaction.
    const std::string after = ctx.settings().dialect == Dialect::MySql
                                  ? "writing an undo record for every row, which replicas replay as one "
                                    "transaction"
                                  : "leaving a dead copy of every row behind";
    ctx.report(
           ctx.statement().range,
           "UPDATE of " + quoted(s.table) +
               " has no WHERE: it rewrites every row of an existing table in one statement, holding a lock "
               "on each row until commit (concurrent writes to the table wait) and " +
               after)
        .help(
            "Add a WHERE clause that selects only the rows to change; backfill a large table in batches (by "
            "primary-key range), committing between batches.");
  }
  void onDelete(const ir::Delete& s, engine::RuleContext& ctx) override {
    if (s.has_where || s.selection.limit || s.table.empty() || !ctx.is_existing_table(s.table)) return;
    ctx.report(ctx.statement().range,
               "DELETE from " + quoted(s.table) +
                   " has no WHERE: it removes every row of an existing table, and holds a lock on each row "
                   "until commit")
        .help(
            "Add a WHERE clause that selects only the rows to remove; if emptying the table is intended, "
            "keep "
            "the statement with an ignore comment that says why.");
  }
};

DDLINT_DEFINE_RULE(DmlWithoutWhere)

}  // namespace ddlint::rules
