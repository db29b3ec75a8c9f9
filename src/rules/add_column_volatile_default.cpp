#include "analysis/postgres/pg_columns.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// The rewrite reasons that come from the DEFAULT expression; serial, identity
// and generated columns have rules of their own.
class AddColumnVolatileDefault final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    using R = analysis::AddColumnCost::Reason;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def || !a.column_def->default_value) continue;
      const auto& c = *a.column_def;
      const auto cost = analysis::pg_add_column_cost(c, ctx.settings(), ctx.here().functions());
      if (cost.reason == R::VolatileDefault) {
        ctx.report(c.default_value->range,
                   "the DEFAULT of " + quoted(c.name) + " calls " + cost.detail +
                       "(), which is volatile: PostgreSQL evaluates it for every row and rewrites " +
                       quoted(s.table) +
                       " under an ACCESS EXCLUSIVE lock that blocks reads and writes until the rewrite ends")
            .help(std::string(c.not_null ? "Add the column nullable and" : "Add the column") +
                  " without a DEFAULT, then ALTER COLUMN " + c.name + " SET DEFAULT " +
                  std::string(ctx.text(c.default_value->range)) +
                  " (applies to new rows only, no rewrite), and backfill existing rows in batches" +
                  (c.not_null ? "; enforce NOT NULL last (see set-not-null)." : "."));
      } else if (cost.reason == R::DefaultBeforePg11) {
        ctx.report(
               c.default_value->range,
               "before PostgreSQL 11, adding " + quoted(c.name) +
                   " with a DEFAULT writes the value into every row: " + quoted(s.table) +
                   " is rewritten under an ACCESS EXCLUSIVE lock that blocks reads and writes until it ends")
            .help(std::string(c.not_null ? "Add the column nullable and" : "Add the column") +
                  " without a DEFAULT, then ALTER COLUMN " + c.name +
                  " SET DEFAULT in a separate statement (new rows only) and backfill existing rows in "
                  "batches; from PostgreSQL 11 a non-volatile DEFAULT is instant.");
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddColumnVolatileDefault)

}  // namespace ddlint::rules
