#include "analysis/postgres/pg_columns.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddColumnSerial final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    using R = analysis::AddColumnCost::Reason;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      const auto& c = *a.column_def;
      const auto cost = analysis::pg_add_column_cost(c, ctx.settings());
      TextRange at;
      std::string what;
      if (cost.reason == R::Serial) {
        at = c.type.range;
        what = quoted(cost.detail) + " column " + quoted(c.name);
      } else if (cost.reason == R::Identity) {
        for (const auto& k : c.constraints)
          if (k.kind == ir::ConstraintKind::Identity) at = k.range;
        what = "identity column " + quoted(c.name);
      } else {
        continue;
      }
      if (at.empty()) at = a.range;
      ctx.report(at, "adding " + what + " to " + quoted(s.table) +
                         " fills every existing row from a new sequence: the table is rewritten under an "
                         "ACCESS EXCLUSIVE lock that blocks reads and writes until the rewrite ends")
          .help("Add a plain nullable column, give new rows values with ALTER COLUMN " + c.name +
                " SET DEFAULT nextval('<sequence>') (no rewrite), and backfill existing rows in batches; "
                "enforce NOT NULL afterwards without a long scan (see set-not-null).");
    }
  }
};

DDLINT_DEFINE_RULE(AddColumnSerial)

}  // namespace ddlint::rules
