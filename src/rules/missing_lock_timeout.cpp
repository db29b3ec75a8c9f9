#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "analysis/annotations.h"
#include "rules/fix_text.h"
#include "rules/registry.h"
#include "rules/timeout_helpers.h"

namespace ddlint::rules {

// Reported once per stretch of blocking statements under the same
// lock_timeout (the first of them carries the finding and counts the rest):
// one missing SET is one finding, and each further change of the setting
// that leaves statements unprotected is another.
class MissingLockTimeout final : public engine::Rule {
  // What every finding of a file says alike: the configured maximum (read
  // with the setting at the first statement that blocks; most files have
  // none), the SET the fix writes, the fix's title and the help. Worked out
  // once per thread, and again only when the dialect or the option's text
  // differs from the file before (a run has one or a few).
  struct Wording {
    Dialect dialect = Dialect::Postgres;
    std::string option;  // max_lock_timeout as configured
    std::string setting;
    double max = 5;
    std::string set;  // the configured maximum, as the fix writes it (MySQL: whole seconds)
    std::string fix_title;
    std::string help;
  };
  static const Wording& wording(const engine::RuleContext& ctx) {
    thread_local std::optional<Wording> memo;
    const Dialect dialect = ctx.settings().dialect;
    std::string option = ctx.option("max_lock_timeout");
    if (memo && memo->dialect == dialect && memo->option == option) return *memo;
    Wording w;
    w.dialect = dialect;
    w.max = analysis::parse_duration_seconds(option).value_or(5);
    w.option = std::move(option);
    w.setting = std::string(analysis::lock_timeout_setting(dialect));
    const bool mysql = dialect == Dialect::MySql;
    const double max = w.max;
    w.set = analysis::set_lock_timeout_sql(dialect, mysql ? std::max(1.0, std::floor(max)) : max);
    w.fix_title = "Set " + w.setting + " to " + analysis::format_seconds(mysql ? std::floor(max) : max) +
                  " before this statement";
    w.help = mysql ? "Put `" + w.set +
                         "` before this statement and retry the migration when it times out (error 1205); "
                         "every ALTER takes an exclusive metadata lock at its start and end, even with "
                         "ALGORITHM=INSTANT or LOCK=NONE."
                   : "Put `" + w.set +
                         "` before this statement (`SET LOCAL` inside a transaction) and retry the "
                         "migration "
                         "when it times out.";
    return memo.emplace(std::move(w));
  }

  // What the rule keeps of the file's statements so far: the wording (from
  // the first statement that blocks; the thread's, which stays the same while
  // the thread lints the file) and the open group of offenders.
  const Wording* w_ = nullptr;
  OffenderGroups groups_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (!blocks_existing_tables(ctx, st, true)) {
      if (w_ != nullptr) groups_.pass(st, w_->setting);
      return;
    }
    if (w_ == nullptr) w_ = &wording(ctx);
    const auto& f = ctx.here();
    const TimeoutVerdict lock = judge_timeout(f.lock_timeout(), w_->max);
    // statement_timeout also cancels a statement that waits for a lock.
    if (lock.state == TimeoutState::Bounded ||
        judge_timeout(f.statement_timeout(), w_->max).state == TimeoutState::Bounded) {
      groups_.pass(st, w_->setting);
      return;
    }
    if (groups_.join(ctx, lock)) return;
    if (groups_.open) report_group(ctx, *groups_.open);
    // The tables are copied and the fix made only for the first statement
    // of a group (the others are counted in it).
    groups_.open.emplace(OffenderGroup{st.range, lock, f.section, blocked_existing_tables(ctx, st, true), 0,
                                       fix(ctx, st, w_->setting, w_->max, w_->set)});
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    if (groups_.open) report_group(ctx, *groups_.open);
  }

  void report_group(engine::RuleContext& ctx, OffenderGroup& g) const {
    const Wording& w = *w_;
    const std::string& setting = w.setting;
    const auto& t = g.tables.front();
    // One string, appended to in place (its parts are most of a finding's cost).
    std::string message;
    message.reserve(400);
    message += "waits for ";
    message += t.mode;
    message += " on ";
    append_relation_name(message, t.object, t.table);
    message += " with ";
    append_timeout_phrase(message, g.verdict, setting, w.max, w.dialect);
    message += ": while a long-running transaction holds ";
    message += t.object == ir::ObjectKind::Table ? "the table" : "it";
    message += ", this statement waits and all later ";
    append_blocked_what(message, g.tables);
    message += " queue behind it, ";
    if (g.verdict.state == TimeoutState::TooLong) {
      message += "for up to ";
      message += analysis::format_seconds(g.verdict.seconds);
    } else {
      message += "for as long as it waits";
    }
    append_more_phrase(message, g.more, setting);
    auto d = ctx.report(g.range, std::move(message)).help(w.help);
    if (g.fix) {
      std::vector<Edit> edits;
      edits.push_back(std::move(*g.fix));
      d.fix(w.fix_title, Applicability::Unsafe, std::move(edits));
    }
  }

  // Sets the timeout to the configured maximum just before the statement
  // (before the statement that holds it, for MySQL dynamic SQL):
  // `SET lock_timeout = '5s';` (`SET LOCAL` inside a transaction, so that it
  // ends with it), MySQL/MariaDB `SET SESSION lock_wait_timeout = 5;` (whole
  // seconds, rounded down; no fix below one second). None when the statement
  // sets the timeout itself (MariaDB SET STATEMENT ... FOR, WAIT n): a session
  // value would not apply to it. `set`: that SET for `max` (MySQL: whole
  // seconds, at least one). The fix's one edit, for the visited statement
  // `st`.
  static std::optional<Edit> fix(const engine::RuleContext& ctx, const ir::Statement& st,
                                 const std::string& setting, double max, const std::string& set) {
    for (const auto& own : st.own_settings)
      if (own.all || own.name == setting) return std::nullopt;
    const Dialect dialect = ctx.settings().dialect;
    // Room for " LOCAL" and the line break and indentation after it.
    std::string sql;
    sql.reserve(set.size() + 32);
    sql = set;
    if (dialect == Dialect::MySql) {
      if (std::floor(max) < 1) return std::nullopt;
    } else {
      const auto tx = ctx.here().tx;
      if (tx == analysis::TxSource::Explicit || tx == analysis::TxSource::Runner) sql.insert(3, " LOCAL");
    }
    // A statement run from a string (MySQL dynamic SQL): the SET goes before
    // the statement that holds the string, never into it.
    return insert_statement_before(ctx.source().text(), held_by(ctx).value_or(st.range.begin),
                                   std::move(sql));
  }
};

DDLINT_DEFINE_RULE(MissingLockTimeout)

}  // namespace ddlint::rules
