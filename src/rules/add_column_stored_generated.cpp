#include "analysis/postgres/pg_columns.h"
#include "engine/rule_context.h"
#include "rules/effect_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddColumnStoredGenerated final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    for (size_t k = 0; k < s.actions.size(); ++k) {
      const auto& a = s.actions[k];
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      // ADD COLUMN IF NOT EXISTS of a column the history has: nothing happens.
      if (a.if_exists && ctx.here().old_column(k) != nullptr) continue;
      // Of a column ddlint does not know: nothing happens if it exists.
      const std::string unless = a.if_exists && !ctx.here().column_known_absent(k)
                                     ? " unless " + quoted(s.table) + " already has a column " +
                                           quoted(a.column_def->name) +
                                           " (ADD COLUMN IF NOT EXISTS then changes nothing)"
                                     : "";
      const auto& c = *a.column_def;
      TextRange at = a.range;
      bool stored = false;
      for (const auto& k : c.constraints) {
        if (k.kind != ir::ConstraintKind::Generated) continue;
        stored |= k.stored;
        if (!k.range.empty()) at = k.range;
      }
      if (mysql) {
        // MySQL/MariaDB: the server evaluates the expression for every row
        // while it copies the table.
        if (!stored) continue;
        ctx.report(at, "adding stored generated column " + quoted(c.name) + " to " + quoted(s.table) +
                           " computes it for every existing row: " + quoted(s.table) + " is copied" +
                           online_ddl_note(ctx.here(), s.table) + " until the copy ends" + unless)
            .conditional(!unless.empty())
            .help(
                "Add it as a VIRTUAL generated column (no copy; it can be indexed), or make the change with "
                "an "
                "online schema change tool (gh-ost, pt-online-schema-change).");
        continue;
      }
      if (analysis::pg_add_column_cost(c, ctx.settings(), ctx.here().functions()).reason !=
          analysis::AddColumnCost::Reason::StoredGenerated)
        continue;
      ctx.report(at, "adding stored generated column " + quoted(c.name) + " to " + quoted(s.table) +
                         " computes it for every existing row: the table is rewritten under an ACCESS "
                         "EXCLUSIVE lock that blocks reads and writes until the rewrite ends" +
                         unless)
          .conditional(!unless.empty())
          .help(
              "Add a regular nullable column, keep it current with a BEFORE INSERT OR UPDATE trigger, and "
              "backfill existing rows in batches; or compute the value when reading (a view or an "
              "expression index).");
    }
  }
};

DDLINT_DEFINE_RULE(AddColumnStoredGenerated)

}  // namespace ddlint::rules
