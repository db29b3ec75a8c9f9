#include "analysis/postgres/pg_columns.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/effect_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddColumnSerial final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    if (ctx.settings().dialect == Dialect::MySql) {
      mysql(s, ctx);
      return;
    }
    using R = analysis::AddColumnCost::Reason;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      const auto& c = *a.column_def;
      const auto cost = analysis::pg_add_column_cost(c, ctx.settings(), ctx.here().functions());
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

  // MySQL/MariaDB: an AUTO_INCREMENT (or SERIAL) column numbers every
  // existing row, so the table is rebuilt without concurrent writes.
  static void mysql(const ir::AlterTable& s, engine::RuleContext& ctx) {
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      const auto& c = *a.column_def;
      TextRange at;
      std::string what;
      for (const auto& k : c.constraints)
        if (k.kind == ir::ConstraintKind::Identity && at.empty()) {
          at = k.range;
          what = "AUTO_INCREMENT column " + quoted(c.name);
        }
      if (at.empty() && ir::type_kind(c.type) == ir::TypeKind::Serial) {
        at = c.type.range;
        what = "SERIAL column " + quoted(c.name);
      }
      if (at.empty()) continue;
      ctx.report(at, "adding " + what + " to " + quoted(s.table) +
                         " numbers every existing row: " + quoted(s.table) + " is rebuilt" +
                         online_ddl_note(ctx.here(), s.table) + " until every row has its value")
          .help(
              "On a large table, add the column with an online schema change tool (gh-ost, "
              "pt-online-schema-change), which copies the rows in throttled batches while writes go on; "
              "or give the table its key when it is created.");
    }
  }
};

DDLINT_DEFINE_RULE(AddColumnSerial)

}  // namespace ddlint::rules
