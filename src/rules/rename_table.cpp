#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class RenameTable final : public engine::Rule {
  void onRename(const ir::Rename& r, engine::RuleContext& ctx) override {
    if (r.object != ir::ObjectKind::Table || !ctx.is_existing_table(r.target)) return;
    // A table swap: the old name is created again later in the file, so queries naming it keep working.
    const auto& stmts = ctx.file().statements;
    for (size_t i = ctx.statement_index() + 1; i < stmts.size(); ++i)
      if (const auto* ct = stmts[i].as<ir::CreateTable>(); ct && analysis::same_table(ct->table, r.target))
        return;
    const std::string renamed = r.target.schema.empty() ? r.new_name : r.target.schema + "." + r.new_name;
    ctx.report(ctx.statement().range, "renaming table " + quoted(r.target) + " to " + quoted(r.new_name) +
                                          " breaks code already deployed: its queries still name " +
                                          quoted(r.target) +
                                          " and fail from the moment the migration commits")
        .help("Keep the old name working during the deploy: in the same transaction, CREATE VIEW " +
              r.target.display() + " AS SELECT * FROM " + renamed +
              " (a simple view accepts reads and writes), and drop the view once no deployed code uses it.");
  }
};

DDLINT_DEFINE_RULE(RenameTable)

}  // namespace ddlint::rules
