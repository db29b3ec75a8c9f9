#include <cstdint>
#include <string>
#include <utility>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

class ValidateInSameTransaction final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    for (const auto& a : s.actions)
      if (a.kind == ir::AlterKind::ValidateConstraint) check(s, a, ctx);
  }

  void check(const ir::AlterTable& s, const ir::AlterAction& a, engine::RuleContext& ctx) {
    if (!ctx.is_existing_table(s.table)) return;
    const auto& f = ctx.here();
    const auto& stmts = ctx.file().statements;
    const std::string c = a.name.empty() ? "the constraint" : quoted(a.name);
    const std::string help =
        "Commit after the ADD ... NOT VALID (and after any other statement that locks the table), and "
        "validate "
        "in a transaction of its own: VALIDATE CONSTRAINT alone lets reads and writes continue.";
    // Other actions of the same ALTER TABLE take their lock for the scan too.
    for (const auto& e : f.effect.tables)
      if (analysis::same_table(e.table, s.table) && analysis::blocks_traffic(e.blocks)) {
        ctx.report(a.range, "validates " + c + " in an ALTER TABLE whose other actions take " + e.mode +
                                " on " + quoted(s.table) + ": the validating scan runs under that lock and " +
                                std::string(analysis::describe(e.blocks)) + " for its whole length")
            .help(help);
        return;
      }
    if (f.transaction_start == SIZE_MAX) return;
    // The ADD ... NOT VALID of this very constraint, earlier in the transaction.
    for (size_t j = f.transaction_start; j < ctx.statement_index(); ++j) {
      const auto* at = stmts[j].as<ir::AlterTable>();
      if (!at || !analysis::same_table(at->table, s.table) || a.name.empty()) continue;
      for (const auto& b : at->actions)
        if (b.kind == ir::AlterKind::AddConstraint && b.constraint && b.constraint->not_valid &&
            b.constraint->name == a.name) {
          const auto& held = ctx.facts().at(j).effect.tables;
          std::string mode = "its lock";
          std::string blocks = "blocks other sessions";
          for (const auto& e : held)
            if (analysis::same_table(e.table, s.table)) {
              mode = e.mode;
              blocks = std::string(analysis::describe(e.blocks));
            }
          std::string message = "validates " + c;
          message += " in the same transaction that added it NOT VALID: the " + mode;
          message += " lock the ADD took on " + quoted(s.table);
          message += " is still held, so the validating scan " + blocks;
          message += " for its whole length, which is what NOT VALID was meant to avoid";
          ctx.report(a.range, std::move(message)).help(help);
          return;
        }
    }
    // Any other lock on the table that blocks writes, earlier in the transaction.
    for (size_t j = f.transaction_start; j < ctx.statement_index(); ++j)
      for (const auto& e : ctx.facts().at(j).effect.tables) {
        if (!analysis::same_table(e.table, s.table) || !analysis::blocks_traffic(e.blocks)) continue;
        ctx.report(a.range, "validates " + c + " while the transaction holds " + e.mode + " on " +
                                quoted(s.table) + " (taken by `" +
                                statement_snippet(ctx.text(stmts[j].range)) +
                                "`): the validating scan runs under that lock, which " +
                                std::string(analysis::describe(e.blocks)) + " for its whole length")
            .help(help);
        return;
      }
  }
};

DDLINT_DEFINE_RULE(ValidateInSameTransaction)

}  // namespace ddlint::rules
