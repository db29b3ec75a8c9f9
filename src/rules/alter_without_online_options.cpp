// alter-without-online-options: an ALTER TABLE on an existing table with
// neither ALGORITHM= nor LOCK=, so the server silently picks whatever works
// (rules.d/alter-without-online-options.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/online_ddl_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AlterWithoutOnlineOptions final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (ctx.settings().dialect != Dialect::MySql || s.object != ir::ObjectKind::Table) return;
    if (!s.algorithm_range.empty() || !s.lock_range.empty() || s.actions.empty()) return;
    if (!ctx.is_existing_table(s.table)) return;
    // `DROP INDEX i ON t` runs as an ALTER TABLE, but it is not written as one.
    const TextRange stmt = ctx.statement().range;
    if (s.actions.size() == 1 && s.actions[0].kind == ir::AlterKind::DropIndex &&
        s.actions[0].range.begin == stmt.begin)
      return;
    const auto& effect = ctx.here().effect;
    // Refused outright on the target (online-ddl-unsupported says so): no
    // clause makes it run.
    if (effect.failed_clause == analysis::StatementEffect::Clause::Statement) return;
    const analysis::TableEffect* e = nullptr;
    for (const auto& t : effect.tables)
      if (analysis::same_table(t.table, s.table)) e = &t;
    const std::string target = analysis::mysql_target_name(ctx.settings().mysql);
    std::string message = "ALTER TABLE " + quoted(s.table) +
                          " has no ALGORITHM= or LOCK= clause: the server silently runs it however it can, a "
                          "blocking table copy included, instead of refusing it";
    const bool pin = e && !e->copies() && !effect.online_clauses().empty();
    if (pin)
      message += " (ddlint expects " + effect.online_clauses() + " on " + target + ")";
    else if (e && e->copies())
      message +=
          " (on " + target + " it copies the table" +
          (e->assumed_columns().empty() ? "" : " unless " + already_of_type(e->assumed_columns(), ctx)) + ")";
    auto d = ctx.report(stmt, std::move(message));
    if (pin) {
      const std::string clauses = ", " + effect.online_clauses();
      d.help("Append `" + clauses +
             "`: the server then runs the statement that way or refuses it, and never falls back to a "
             "blocking copy on a server or table where it cannot.")
          .fix("Append `" + clauses + "`", Applicability::Safe, {Edit{{stmt.end, stmt.end}, clauses}});
    } else {
      d.help(
          "Write the algorithm and lock you accept, e.g. `, ALGORITHM=INPLACE, LOCK=NONE`, so that the "
          "server refuses the statement instead of copying the table; make changes that need a copy with "
          "gh-ost or pt-online-schema-change.");
    }
  }
};

DDLINT_DEFINE_RULE(AlterWithoutOnlineOptions)

}  // namespace ddlint::rules
