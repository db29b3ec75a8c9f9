#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropTable final : public engine::Rule {
  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    // DROP TEMPORARY TABLE (MySQL) drops only this session's temporary table.
    if (s.object != ir::ObjectKind::Table || s.temporary) return;
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t)) continue;
      ctx.report(t.range.empty() ? ctx.statement().range : t.range,
                 "dropping table " + quoted(t) +
                     " destroys its data for good, and code already deployed that "
                     "uses it breaks")
          .help(
              "Stop using the table in the application first; drop it in a later migration (consider "
              "renaming "
              "it or keeping a backup until the drop is known to be safe).");
    }
  }
};

DDLINT_DEFINE_RULE(DropTable)

}  // namespace ddlint::rules
