#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropColumn final : public engine::Rule {
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override {
    for (const auto& f : ir::facts(ctx.statement())) {
      if (f.kind != ir::FactKind::DropColumn || !ctx.is_existing_table(f.table_name)) continue;
      ctx.report(f.range,
                 "dropping column " + quoted(f.name) + " of " + quoted(f.table_name) +
                     " destroys its data for good, and code already deployed that reads or writes it breaks")
          .help(
              "Remove every use of the column from the application and deploy that first; drop the column in "
              "a "
              "later migration once nothing references it.");
    }
  }
};

DDLINT_DEFINE_RULE(DropColumn)

}  // namespace ddlint::rules
