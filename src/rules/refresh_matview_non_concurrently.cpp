#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class RefreshMatviewNonConcurrently final : public engine::Rule {
  void onRefreshMatView(const ir::RefreshMatView& s, engine::RuleContext& ctx) override {
    // A view created earlier in the file has no readers yet.
    if (s.concurrently || !ctx.is_existing_table(s.view)) return;
    std::string mode = "ACCESS EXCLUSIVE";
    for (const auto& e : ctx.here().effect.tables) mode = e.mode;
    const TextRange at = s.view.range.empty() ? ctx.statement().range
                                              : TextRange{ctx.statement().range.begin, s.view.range.end};
    ctx.report(at, "REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an " + mode + " lock on " +
                       quoted(s.view) + " that blocks every read of it until the refresh finishes")
        .help(
            "Use REFRESH MATERIALIZED VIEW CONCURRENTLY so reads continue during the refresh (it needs a "
            "unique index on plain columns of the view, without WHERE, and a populated view).");
  }
};

DDLINT_DEFINE_RULE(RefreshMatviewNonConcurrently)

}  // namespace ddlint::rules
