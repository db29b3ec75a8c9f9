#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "rules/fix_text.h"
#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Reported once per stretch of blocking statements under the same
// lock_timeout (the first of them carries the finding and counts the rest):
// one missing SET is one finding, and each further change of the setting
// that leaves statements unprotected is another.
class MissingLockTimeout final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    // The configured maximum, read at the first statement that blocks (most
    // files have none).
    std::optional<double> configured;
    const std::string setting(analysis::lock_timeout_setting(ctx.settings().dialect));
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    std::vector<Offender> groups;
    for (size_t i = 0; i < ctx.file().statements.size(); ++i) {
      auto tables = blocked_existing_tables(ctx, i, true);
      if (tables.empty()) continue;
      if (!configured) configured = ctx.option_seconds("max_lock_timeout").value_or(5);
      const double max = *configured;
      const auto& f = ctx.facts().at(i);
      const TimeoutVerdict lock = judge_timeout(f.lock_timeout(), max);
      if (lock.state == TimeoutState::Bounded) continue;
      // statement_timeout also cancels a statement that waits for a lock.
      const TimeoutVerdict stmt = judge_timeout(f.statement_timeout(), max);
      if (stmt.state == TimeoutState::Bounded) continue;
      group_offender(ctx, groups, {i, lock, std::move(tables), 0}, setting);
    }
    if (groups.empty()) return;
    const double max = *configured;
    // The configured maximum, as the fix writes it (MySQL: whole seconds),
    // and the fix's title: the same for every finding of the file.
    const std::string set =
        analysis::set_lock_timeout_sql(ctx.settings().dialect, mysql ? std::max(1.0, std::floor(max)) : max);
    const std::string fix_title = "Set " + setting + " to " +
                                  analysis::format_seconds(mysql ? std::floor(max) : max) +
                                  " before this statement";
    for (const auto& g : groups) {
      const auto& t = g.tables.front();
      const std::string wait = g.verdict.state == TimeoutState::TooLong
                                   ? "for up to " + analysis::format_seconds(g.verdict.seconds)
                                   : "for as long as it waits";
      auto d =
          ctx.report(ctx.file().statements[g.statement].range,
                     "waits for " + t.mode + " on " + lock_target(t) + " with " +
                         timeout_phrase(g.verdict, setting, max, ctx.settings().dialect) +
                         ": while a long-running transaction holds " +
                         (t.object == ir::ObjectKind::Table ? "the table" : "it") +
                         ", this statement waits and all "
                         "later " +
                         blocked_what(g.tables) + " queue behind it, " + wait + more_phrase(g.more, setting))
              .help(
                  mysql
                      ? "Put `" + set +
                            "` before this statement and retry the migration when it times out (error 1205); "
                            "every ALTER takes an exclusive metadata lock at its start and end, even with "
                            "ALGORITHM=INSTANT or LOCK=NONE."
                      : "Put `" + set +
                            "` before this statement (`SET LOCAL` inside a transaction) and retry the "
                            "migration "
                            "when it times out.");
      if (auto f = fix(ctx, g.statement, setting, max, set, fix_title))
        d.fix(std::move(f->title), f->applicability, std::move(f->edits));
    }
  }

  // Sets the timeout to the configured maximum just before the statement
  // (before the statement that holds it, for MySQL dynamic SQL):
  // `SET lock_timeout = '5s';` (`SET LOCAL` inside a transaction, so that it
  // ends with it), MySQL/MariaDB `SET SESSION lock_wait_timeout = 5;` (whole
  // seconds, rounded down; no fix below one second). None when the statement
  // sets the timeout itself (MariaDB SET STATEMENT ... FOR, WAIT n): a session
  // value would not apply to it. `set`: that SET for `max` (MySQL: whole
  // seconds, at least one); `title`: the fix's title.
  static std::optional<Fix> fix(const engine::RuleContext& ctx, size_t i, const std::string& setting,
                                double max, const std::string& set, const std::string& title) {
    const auto& st = ctx.file().statements[i];
    for (const auto& own : st.own_settings)
      if (own.all || own.name == setting) return std::nullopt;
    const Dialect dialect = ctx.settings().dialect;
    std::string sql = set;
    if (dialect == Dialect::MySql) {
      if (std::floor(max) < 1) return std::nullopt;
    } else {
      const auto tx = ctx.facts().at(i).tx;
      if (tx == analysis::TxSource::Explicit || tx == analysis::TxSource::Runner) sql.insert(3, " LOCAL");
    }
    // A statement run from a string (MySQL dynamic SQL): the SET goes before
    // the statement that holds the string, never into it.
    const size_t outer = containing_statement(ctx, i);
    const TextRange at = outer == SIZE_MAX ? st.range : ctx.file().statements[outer].range;
    return Fix{title, Applicability::Unsafe, {insert_before_statement(ctx.source().text(), at.begin, {sql})}};
  }
};

DDLINT_DEFINE_RULE(MissingLockTimeout)

}  // namespace ddlint::rules
