#include <algorithm>

#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Like missing-lock-timeout: one finding per stretch of blocking statements
// under the same statement_timeout, counting the rest.
class MissingStatementTimeout final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const double max = ctx.option_seconds("max_statement_timeout").value_or(300);
    std::vector<Offender> groups;
    for (size_t i = 0; i < ctx.file().statements.size(); ++i) {
      auto tables = blocked_existing_tables(ctx, i, false);
      if (tables.empty()) continue;
      const TimeoutVerdict v = judge_timeout(ctx.facts().at(i).statement_timeout, max);
      if (v.state == TimeoutState::Bounded) continue;
      group_offender(ctx, groups, {i, v, std::move(tables), 0}, "statement_timeout");
    }
    for (const auto& g : groups) {
      const std::string runs = g.verdict.state == TimeoutState::TooLong
                                   ? "for up to " + analysis::format_seconds(g.verdict.seconds)
                                   : "for as long as it runs";
      ctx.report(ctx.file().statements[g.statement].range,
                 "blocks " + blocked_what(g.tables) + " with " +
                     timeout_phrase(g.verdict, "statement_timeout", max) +
                     ": if it runs long (a rewrite, a scan, a slow lock wait), they stay blocked " + runs +
                     more_phrase(g.more, "statement_timeout"))
          .help("Put `SET statement_timeout = '" + analysis::format_seconds(max) +
                "';` before this statement (`SET LOCAL` inside a transaction) so that a runaway statement is "
                "cancelled instead of blocking the table.");
    }
  }
};

DDLINT_DEFINE_RULE(MissingStatementTimeout)

}  // namespace ddlint::rules
