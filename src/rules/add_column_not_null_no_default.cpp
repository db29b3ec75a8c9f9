#include "analysis/postgres/pg_columns.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddColumnNotNullNoDefault final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      const auto& c = *a.column_def;
      if (!c.not_null) continue;
      if (c.default_value && !c.default_value->is_null) continue;
      // Generated and identity columns compute their own values.
      bool computes = false;
      for (const auto& k : c.constraints)
        computes |= k.kind == ir::ConstraintKind::Generated || k.kind == ir::ConstraintKind::Identity;
      if (computes || analysis::pg_is_serial_type(c.type)) continue;
      if (ctx.settings().dialect == Dialect::MySql) {
        // MySQL fills existing rows with the type's implicit default; only
        // INSERTs that leave the column out fail (strict sql_mode).
        ctx.report(a.range, "adding NOT NULL column " + quoted(c.name) + " without a DEFAULT to " +
                                quoted(s.table) +
                                " gives existing rows the type's implicit default (0, '', ...), and INSERTs "
                                "from code already deployed that leave the column out fail")
            .help(
                "Add the column with a DEFAULT, or add it nullable, deploy code that writes it, backfill it "
                "in "
                "batches, then make it NOT NULL.");
        continue;
      }
      ctx.report(a.range, "adding NOT NULL column " + quoted(c.name) + " without a DEFAULT to " +
                              quoted(s.table) +
                              " fails if the table has rows, and INSERTs from code already deployed break")
          .help(
              "Add the column with a DEFAULT (constant defaults are instant from PostgreSQL 11), or add it "
              "nullable, backfill it in batches, then enforce NOT NULL.");
    }
  }
};

DDLINT_DEFINE_RULE(AddColumnNotNullNoDefault)

}  // namespace ddlint::rules
