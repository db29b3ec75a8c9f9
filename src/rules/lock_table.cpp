#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class LockTable final : public engine::Rule {
  void onLockTable(const ir::LockTable&, engine::RuleContext& ctx) override {
    for (const auto& e : ctx.here().effect.tables) {
      if (!ctx.is_existing_table(e.table)) continue;
      const std::string what(analysis::describe(e.blocks));
      ctx.report(e.table.range.empty() ? ctx.statement().range : e.table.range,
                 "LOCK TABLE takes " +
                     std::string(e.mode.rfind('A', 0) == 0 || e.mode.rfind('E', 0) == 0 ? "an " : "a ") +
                     e.mode + " lock on " + quoted(e.table) + ", which " + what +
                     " until the transaction commits or rolls back")
          .help(
              "Drop the explicit lock and let each statement take the lock it needs; if the lock is really "
              "required, use the weakest mode that works, keep the transaction short and SET lock_timeout "
              "first (LOCK TABLE only works inside a transaction block).");
    }
  }
};

DDLINT_DEFINE_RULE(LockTable)

}  // namespace ddlint::rules
