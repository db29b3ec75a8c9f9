#include <string>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string article(const std::string& word) {
  return !word.empty() && std::string("AEIOU").find(word.front()) != std::string::npos ? "an " : "a ";
}

}  // namespace

// PostgreSQL LOCK TABLE holds its mode until the transaction ends; MySQL
// LOCK TABLES holds READ/WRITE locks until UNLOCK TABLES (or the session
// ends, or START TRANSACTION releases them), and commits the open
// transaction first.
class LockTable final : public engine::Rule {
  void onLockTable(const ir::LockTable& s, engine::RuleContext& ctx) override {
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    for (const auto& e : ctx.here().effect.tables) {
      if (!ctx.is_existing_table(e.table)) continue;
      const std::string what(analysis::describe(e.blocks));
      const TextRange at = e.table.range.empty() ? ctx.statement().range : e.table.range;
      if (mysql) {
        std::string mode = s.mode;
        for (size_t t = 0; t < s.tables.size() && t < s.table_modes.size(); ++t)
          if (analysis::same_table(s.tables[t], e.table)) mode = s.table_modes[t];
        ctx.report(at, "LOCK TABLES takes " + article(mode) + mode + " lock on " + quoted(e.table) +
                           ", which " + what + " until UNLOCK TABLES or the end of the session")
            .help(
                "Drop the explicit lock: each ALTER TABLE takes the metadata lock it needs, and LOCK TABLES "
                "also "
                "commits the open transaction. If the lock is really required, SET SESSION lock_wait_timeout "
                "first, keep the locked stretch short and end it with UNLOCK TABLES.");
        continue;
      }
      ctx.report(at, "LOCK TABLE takes " + article(e.mode) + e.mode + " lock on " + quoted(e.table) +
                         ", which " + what + " until the transaction commits or rolls back")
          .help(
              "Drop the explicit lock and let each statement take the lock it needs; if the lock is really "
              "required, use the weakest mode that works, keep the transaction short and SET lock_timeout "
              "first (LOCK TABLE only works inside a transaction block).");
    }
  }
};

DDLINT_DEFINE_RULE(LockTable)

}  // namespace ddlint::rules
