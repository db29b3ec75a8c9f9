#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropColumn final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::DropColumn) continue;
      ctx.report(a.range,
                 "dropping column " + quoted(a.column) + " of " + quoted(s.table) +
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
