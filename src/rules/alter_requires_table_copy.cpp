// alter-requires-table-copy: an ALTER TABLE that MySQL/MariaDB can run only by
// copying the table (ALGORITHM=COPY) on the target version
// (rules.d/alter-requires-table-copy.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/online_ddl_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AlterRequiresTableCopy final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (ctx.settings().dialect != Dialect::MySql || !ctx.is_existing_table(s.table)) return;
    const auto& effect = ctx.here().effect;
    // A refused clause: the statement does not run as written
    // (online-ddl-unsupported says so, and names the copy in its help).
    if (effect.fails) return;
    const std::string target = analysis::mysql_target_name(ctx.settings().mysql);
    for (const auto& e : effect.tables) {
      if (!e.copies() || !analysis::same_table(e.table, s.table)) continue;
      const std::string cost =
          "every row is copied into a new table and every index rebuilt" +
          std::string(
              !analysis::blocks_traffic(e.blocks)
                  ? ", which takes as long as the table is large (the server accepts writes meanwhile)"
                  : "; the copy " + std::string(analysis::describe(e.blocks)) + " to " + quoted(s.table) +
                        " until it finishes");
      if (e.algorithm_requested) {
        ctx.report(s.algorithm_range.empty() ? ctx.statement().range : s.algorithm_range,
                   "ALGORITHM=COPY copies " + quoted(s.table) + ": " + cost + ", although " + target +
                       " can run this statement with " + effect.online_clauses())
            .help("Remove ALGORITHM=COPY, or write " + effect.online_clauses() + ".");
        continue;
      }
      const TextRange where = e.action < s.actions.size() ? s.actions[e.action].range : ctx.statement().range;
      std::string message =
          e.operation() + " needs a copy of " + quoted(s.table) + " on " + target + " (ALGORITHM=COPY)";
      if (!e.assumed_columns().empty())
        message += " unless " + already_of_type(e.assumed_columns(), ctx) +
                   " (ddlint does not know the current definition)";
      message += ": " + cost;
      auto d = ctx.report(where, std::move(message));
      d.help(
          "On a large table, make the change with gh-ost or pt-online-schema-change (they copy the table in "
          "the background while writes continue and swap it in at the end), or run it in a maintenance "
          "window; or use a change the server makes in place (widen a VARCHAR within the same length-prefix "
          "size, append ENUM values at the end, add the column instead of changing it).");
      if (!e.assumed_columns().empty()) d.conditional();
    }
  }
};

DDLINT_DEFINE_RULE(AlterRequiresTableCopy)

}  // namespace ddlint::rules
