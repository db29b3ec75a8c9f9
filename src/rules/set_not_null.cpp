#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SetNotNull final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::SetNotNull) continue;
      const bool can_skip_scan = ctx.settings().pg_version >= 12;
      // PostgreSQL 12+ skips the scan when a validated CHECK proves the column non-null.
      if (can_skip_scan && ctx.facts().not_null_proven(s.table, a.column, ctx.statement_index())) continue;
      ctx.report(a.range,
                 "SET NOT NULL on " + quoted(s.table) + "." + quoted(a.column) +
                     " scans the whole table under an ACCESS EXCLUSIVE lock that blocks reads and writes")
          .help(
              can_skip_scan
                  ? "Add CHECK (" + a.column +
                        " IS NOT NULL) NOT VALID, VALIDATE it in a separate transaction, "
                        "then SET NOT NULL (PostgreSQL skips the scan) and drop the CHECK."
                  : "Before PostgreSQL 12 the scan cannot be avoided: keep the CHECK (" + a.column +
                        " IS NOT NULL) constraint, added NOT VALID and validated, instead of SET NOT NULL.");
    }
  }
};

DDLINT_DEFINE_RULE(SetNotNull)

}  // namespace ddlint::rules
