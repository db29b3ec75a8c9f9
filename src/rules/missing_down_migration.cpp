#include <cstdint>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Once per file, at the first statement of the up migration, when the runner
// (or the file naming) has down migrations and this one has none.
class MissingDownMigration final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    if (!down.supported || down.present || !down.unreadable.empty()) return;
    const auto& stmts = ctx.file().statements;
    for (size_t i = 0; i < stmts.size(); ++i) {
      if (ctx.facts().at(i).down) continue;
      ctx.report(stmts[i].range, "this migration has no down migration (" + down.where +
                                     " is missing or has no statements): the runner cannot roll it back")
          .help(
              "Write the statements that undo it in " + down.where +
              ", or, when it cannot be undone, say so with `-- ddlint-ignore-file missing-down-migration -- "
              "reason`.");
      return;
    }
  }
};

DDLINT_DEFINE_RULE(MissingDownMigration)

}  // namespace ddlint::rules
