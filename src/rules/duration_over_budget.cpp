#include "analysis/postgres/pg_settings.h"
#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Reported at the duration annotation itself: the finding is about the
// declaration, not about a statement.
class DurationOverBudget final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& a = ctx.annotations();
    // No or unreadable declaration: missing-duration-annotation's finding.
    if (!a.has_duration || !a.duration_seconds) return;
    const double budget = ctx.option_seconds("max_duration").value_or(300);
    const double declared = *a.duration_seconds;
    if (declared <= budget) return;
    const std::string upper = analysis::format_seconds(declared);
    const std::string bound = upper == a.duration_text ? "" : " (up to " + upper + ")";
    ctx.report(a.duration_range, "the migration declares an expected duration of `" + a.duration_text + "`" +
                                     bound + ", above the budget of " + analysis::format_seconds(budget) +
                                     " per migration")
        .help(
            "Split the work into migrations that each fit the budget (build indexes CONCURRENTLY, add "
            "constraints NOT VALID and validate them separately, backfill in batches outside the schema "
            "migration), or, for a migration planned to run longer, say so with "
            "`-- ddlint-ignore-file duration-over-budget -- reason` or raise `max_duration`.");
  }
};

DDLINT_DEFINE_RULE(DurationOverBudget)

}  // namespace ddlint::rules
