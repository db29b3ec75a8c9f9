#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class TruncateTable final : public engine::Rule {
  void onTruncate(const ir::Truncate& s, engine::RuleContext& ctx) override {
    for (const auto& t : s.tables) {
      if (!ctx.is_existing_table(t)) continue;
      // The lock model names the lock (ACCESS EXCLUSIVE; MySQL: an exclusive metadata lock).
      std::string lock = "ACCESS EXCLUSIVE";
      for (const auto& e : ctx.here().effect.tables)
        if (analysis::same_table(e.table, t) && !e.mode.empty()) lock = e.mode;
      std::string msg = "TRUNCATE deletes every row of " + quoted(t) + " for good, under an " + lock +
                        " lock that blocks reads and writes";
      if (s.cascade) msg += "; CASCADE also empties every table that references it by a foreign key";
      ctx.report(t.range.empty() ? ctx.statement().range : t.range, std::move(msg))
          .help(s.cascade ? "Delete the rows you mean to remove with a bounded DELETE, in batches, and name "
                            "every table explicitly instead of relying on CASCADE."
                          : "Delete the rows you mean to remove with a bounded DELETE, in batches; if the "
                            "table really must be emptied, do it in a reviewed one-off operation, not in a "
                            "migration.");
    }
  }
};

DDLINT_DEFINE_RULE(TruncateTable)

}  // namespace ddlint::rules
