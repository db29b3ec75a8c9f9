#include <algorithm>
#include <cmath>
#include <string>

#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Like missing-lock-timeout: one finding per stretch of blocking statements
// under the same statement timeout, counting the rest. The setting is
// PostgreSQL's statement_timeout and MariaDB's max_statement_time; MySQL has
// none that bounds DDL or data changes (max_execution_time applies to
// read-only SELECTs only), so there the finding says what bounds it instead.
class MissingStatementTimeout final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const double max = ctx.option_seconds("max_statement_timeout").value_or(300);
    const Dialect dialect = ctx.settings().dialect;
    const bool mysql = dialect == Dialect::MySql && ctx.settings().mysql.mysql();
    const std::string setting = dialect == Dialect::MySql ? "max_statement_time" : "statement_timeout";
    std::vector<Offender> groups;
    for (size_t i = 0; i < ctx.file().statements.size(); ++i) {
      auto tables = blocked_existing_tables(ctx, i, false);
      if (tables.empty()) continue;
      const TimeoutVerdict v = judge_timeout(ctx.facts().at(i).statement_timeout(), max);
      if (v.state == TimeoutState::Bounded) continue;
      group_offender(ctx, groups, {i, v, std::move(tables), 0}, setting);
    }
    for (const auto& g : groups) {
      const auto& range = ctx.file().statements[g.statement].range;
      if (mysql) {
        ctx.report(range, "blocks " + blocked_what(g.tables) +
                              " and MySQL has no setting that bounds how long it runs (max_execution_time "
                              "applies to read-only SELECT statements only): if it runs long (a table copy, "
                              "a slow lock wait), they stay blocked for as long as it runs" +
                              (g.more == 0 ? std::string()
                                           : "; the same holds for " + std::to_string(g.more) +
                                                 " more statement" + (g.more == 1 ? "" : "s") + " after it"))
            .help(
                "Keep the blocking part short: on a large table make the change with an online schema change "
                "tool (gh-ost, pt-online-schema-change), which copies in the background and can be paused "
                "or stopped, or have the deployment cancel the statement (KILL QUERY) after a deadline.");
        continue;
      }
      const std::string runs = g.verdict.state == TimeoutState::TooLong
                                   ? "for up to " + analysis::format_seconds(g.verdict.seconds)
                                   : "for as long as it runs";
      const std::string set =
          dialect == Dialect::MySql
              ? "SET SESSION max_statement_time = " + std::to_string(std::lround(std::max(1.0, max))) + ";"
              : "SET statement_timeout = '" + analysis::format_seconds(max) + "';";
      ctx.report(range, "blocks " + blocked_what(g.tables) + " with " +
                            timeout_phrase(g.verdict, setting, max, dialect) +
                            ": if it runs long (a rewrite, a scan, a slow lock wait), they stay blocked " +
                            runs + more_phrase(g.more, setting))
          .help("Put `" + set + "` before this statement" +
                (dialect == Dialect::MySql
                     ? std::string(" (seconds; MariaDB cancels the statement when it runs longer)")
                     : std::string(" (`SET LOCAL` inside a transaction)")) +
                " so that a runaway statement is cancelled instead of blocking the table.");
    }
  }
};

DDLINT_DEFINE_RULE(MissingStatementTimeout)

}  // namespace ddlint::rules
