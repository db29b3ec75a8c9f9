#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Like missing-lock-timeout: one finding per stretch of blocking statements
// under the same statement timeout, counting the rest. The setting is
// PostgreSQL's statement_timeout and MariaDB's max_statement_time; MySQL has
// none that bounds DDL or data changes (max_execution_time applies to
// read-only SELECTs only), so there the finding says what bounds it instead.
class MissingStatementTimeout final : public engine::Rule {
  // What the rule keeps of the file's statements so far: the setting and its
  // maximum (read at the first statement that blocks) and the open group of
  // offenders.
  bool configured_ = false;
  double max_ = 300;
  Dialect dialect_ = Dialect::Postgres;
  bool mysql_ = false;  // MySQL proper (not MariaDB)
  std::string_view setting_;
  OffenderGroups groups_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (!blocks_existing_tables(ctx, st, false)) {
      if (configured_) groups_.pass(st, setting_);
      return;
    }
    if (!configured_) {
      configured_ = true;
      max_ = ctx.option_seconds("max_statement_timeout").value_or(300);
      dialect_ = ctx.settings().dialect;
      mysql_ = dialect_ == Dialect::MySql && ctx.settings().mysql.mysql();
      setting_ = dialect_ == Dialect::MySql ? "max_statement_time" : "statement_timeout";
    }
    const TimeoutVerdict v = judge_timeout(ctx.here().statement_timeout(), max_);
    if (v.state == TimeoutState::Bounded) {
      groups_.pass(st, setting_);
      return;
    }
    if (groups_.join(ctx, v)) return;
    if (groups_.open) report_group(ctx, *groups_.open);
    // The tables are copied only for the first statement of a group (the
    // others are counted in it).
    groups_.open.emplace(OffenderGroup{st.range, v, ctx.here().section,
                                       blocked_existing_tables(ctx, st, false), 0, std::nullopt});
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    if (groups_.open) report_group(ctx, *groups_.open);
  }

  void report_group(engine::RuleContext& ctx, const OffenderGroup& g) const {
    const double max = max_;
    const Dialect dialect = dialect_;
    const std::string setting(setting_);
    const auto& range = g.range;
    if (mysql_) {
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
      return;
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
};

DDLINT_DEFINE_RULE(MissingStatementTimeout)

}  // namespace ddlint::rules
