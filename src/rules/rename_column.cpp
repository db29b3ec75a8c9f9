#include <string>

#include "analysis/migration_facts.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Reads the RenameColumn facts: PostgreSQL's RENAME COLUMN, MySQL's RENAME
// COLUMN and a MySQL CHANGE that gives the column a new name.
class RenameColumn final : public engine::Rule {
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }

  static void check(engine::RuleContext& ctx) {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameColumn || !ctx.is_existing_table(f.table_name)) continue;
      // A column this run added (or renamed from one it added): no deployed
      // code names it yet.
      if (ctx.facts().column_added_before(f.table_name, f.name, ctx.statement_index())) continue;
      const std::string when =
          ctx.here().effect.implicit_commit ? "the statement runs" : "the migration commits";
      ctx.report(f.range, "renaming column " + quoted(f.table_name) + "." + quoted(f.name) + " to " +
                              quoted(f.new_name) + " breaks code already deployed: its queries still name " +
                              quoted(f.name) + " and fail from the moment " + when)
          .help("Expand and contract instead: add " + quoted(f.new_name) +
                ", write both columns and backfill, move every reader to the new column, then drop " +
                quoted(f.name) + " in a later release.");
    }
  }
};

DDLINT_DEFINE_RULE(RenameColumn)

}  // namespace ddlint::rules
