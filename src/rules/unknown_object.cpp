#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// With a complete history (schema_complete), a table or column a statement
// names that the migrations before it never created, or dropped.
class UnknownObject final : public engine::Rule {
  void report_all(engine::RuleContext& ctx) {
    for (const auto& u : ctx.here().unknown()) {
      const TextRange where = u.range.empty() ? ctx.statement().range : u.range;
      const std::string what = u.column.empty() ? "table " + quoted(u.table)
                                                : "column " + quoted(u.column) + " of " + quoted(u.table);
      ctx.report(where, what +
                            " does not exist at this point of the migration history (no earlier migration "
                            "creates it, or one drops it): the statement fails when it runs")
          .help(
              "Check the name and its schema. If the object is created outside these migrations (by the "
              "application, the runner or a function), pass a schema dump with --schema-dump or turn "
              "schema_complete off.");
    }
  }
  void onCreateTable(const ir::CreateTable&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onCreateIndex(const ir::CreateIndex&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onDrop(const ir::Drop&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onTruncate(const ir::Truncate&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onUpdate(const ir::Update&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onDelete(const ir::Delete&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onInsert(const ir::Insert&, engine::RuleContext& ctx) override { report_all(ctx); }
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { report_all(ctx); }
};

DDLINT_DEFINE_RULE(UnknownObject)

}  // namespace ddlint::rules
