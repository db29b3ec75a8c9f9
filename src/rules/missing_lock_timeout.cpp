#include <algorithm>

#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Reported once per stretch of blocking statements under the same
// lock_timeout (the first of them carries the finding and counts the rest):
// one missing SET is one finding, and each further change of the setting
// that leaves statements unprotected is another.
class MissingLockTimeout final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const double max = ctx.option_seconds("max_lock_timeout").value_or(5);
    const std::string setting(analysis::lock_timeout_setting(ctx.settings().dialect));
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    std::vector<Offender> groups;
    for (size_t i = 0; i < ctx.file().statements.size(); ++i) {
      auto tables = blocked_existing_tables(ctx, i, true);
      if (tables.empty()) continue;
      const auto& f = ctx.facts().at(i);
      const TimeoutVerdict lock = judge_timeout(f.lock_timeout, max);
      if (lock.state == TimeoutState::Bounded) continue;
      // statement_timeout also cancels a statement that waits for a lock.
      const TimeoutVerdict stmt = judge_timeout(f.statement_timeout, max);
      if (stmt.state == TimeoutState::Bounded) continue;
      group_offender(ctx, groups, {i, lock, std::move(tables), 0}, setting);
    }
    for (const auto& g : groups) {
      const auto& t = g.tables.front();
      const std::string wait = g.verdict.state == TimeoutState::TooLong
                                   ? "for up to " + analysis::format_seconds(g.verdict.seconds)
                                   : "for as long as it waits";
      const std::string set = analysis::set_lock_timeout_sql(ctx.settings().dialect, std::min(2.0, max));
      ctx.report(
             ctx.file().statements[g.statement].range,
             "waits for " + t.mode + " on " + lock_target(t) + " with " +
                 timeout_phrase(g.verdict, setting, max, ctx.settings().dialect) +
                 ": while a long-running transaction holds the table, this statement waits and all later " +
                 blocked_what(g.tables) + " queue behind it, " + wait + more_phrase(g.more, setting))
          .help(
              mysql
                  ? "Put `" + set +
                        "` before this statement and retry the migration when it times out (error 1205); "
                        "every ALTER takes an exclusive metadata lock at its start and end, even with "
                        "ALGORITHM=INSTANT or LOCK=NONE."
                  : "Put `" + set +
                        "` before this statement (`SET LOCAL` inside a transaction) and retry the migration "
                        "when it times out.");
    }
  }
};

DDLINT_DEFINE_RULE(MissingLockTimeout)

}  // namespace ddlint::rules
