#include <cstdint>
#include <optional>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Once per file, at the first statement of the up migration, when the runner
// (or the file naming) has down migrations and this one has none.
class MissingDownMigration final : public engine::Rule {
  // The range of the file's first up statement (recovered or not), once
  // one was visited.
  std::optional<TextRange> first_up_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (first_up_ || ctx.facts().at(ctx.statement_index()).down) return;
    first_up_ = st.range;
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    if (!down.supported || down.present || !down.unreadable.empty() || !first_up_) return;
    ctx.report(*first_up_, "this migration has no down migration (" + down.where +
                               " is missing or has no statements): the runner cannot roll it back")
        .help("Write the statements that undo it in " + down.where +
              ", or, when it cannot be undone, say so with `-- ddlint-ignore-file missing-down-migration -- "
              "reason`.");
  }
};

DDLINT_DEFINE_RULE(MissingDownMigration)

}  // namespace ddlint::rules
