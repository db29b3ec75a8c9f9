// online-ddl-unsupported: an ALGORITHM=/LOCK= clause the MySQL/MariaDB server
// cannot honour for the operation on the target version: the statement fails
// (rules.d/online-ddl-unsupported.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/online_ddl_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class OnlineDdlUnsupported final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    check(s.table, s.algorithm_range, s.lock_range, ctx);
  }
  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    check(s.table, s.algorithm_range, s.lock_range, ctx);
  }

  // Reported on new tables too: the server refuses the clause whatever the
  // table holds, so the migration stops there.
  static void check(const ir::QualifiedName& table, TextRange algorithm, TextRange lock,
                    engine::RuleContext& ctx) {
    const auto& effect = ctx.here().effect;
    if (!effect.fails || effect.failed_clause == analysis::StatementEffect::Clause::None) return;
    const bool on_lock = effect.failed_clause == analysis::StatementEffect::Clause::Lock;
    TextRange where = on_lock ? lock : algorithm;
    if (where.empty()) where = on_lock ? algorithm : lock;
    if (where.empty()) where = ctx.statement().range;
    if (effect.failed_clause == analysis::StatementEffect::Clause::Statement) {
      // The form itself is refused: point at the refused action.
      where = ctx.statement().range;
      const auto* alter = ctx.statement().as<ir::AlterTable>();
      if (alter && effect.failed_action() < alter->actions.size())
        where = alter->actions[effect.failed_action()].range;
      ctx.report(where, effect.fail_reason() + ": " + analysis::mysql_target_name(ctx.settings().mysql) +
                            " rejects the statement as a syntax error, so the migration stops here")
          .help(
              "Rename with `CHANGE [COLUMN] old_name new_name <full column definition>` (restate the type, "
              "nullability, default and the other attributes, or they are lost), or target a newer server.");
      return;
    }
    const std::string target = analysis::mysql_target_name(ctx.settings().mysql);
    std::string message = effect.fail_reason() + " on " + target;
    const auto& assumed = effect.fail_assumed_columns();
    if (!assumed.empty())
      message +=
          " unless " + already_of_type(assumed, ctx) + " (ddlint does not know the current definition)";
    message += ": the server refuses the statement, so the migration stops here";
    // What the server does for the statement without the clauses.
    const analysis::TableEffect* e = nullptr;
    for (const auto& t : effect.tables)
      if (analysis::same_table(t.table, table)) e = &t;
    std::string help;
    if (e && e->copies())
      help = "This operation needs a table copy on " + target +
             " (ALGORITHM=COPY, blocking writes while it runs): on a large table run it with gh-ost or "
             "pt-online-schema-change instead, or split it so that each statement can run in place.";
    else if (!effect.online_clauses().empty())
      help = "Ask for what " + target + " can do for this statement: " + effect.online_clauses() + ".";
    else
      help = "Remove the clause, or split the statement so that each part can honour it.";
    auto d = ctx.report(where, std::move(message));
    d.help(std::move(help));
    if (!assumed.empty()) d.conditional();
  }
};

DDLINT_DEFINE_RULE(OnlineDdlUnsupported)

}  // namespace ddlint::rules
