// non-atomic-migration: several DDL statements in one MySQL/MariaDB migration;
// each commits on its own, so a failure half-way leaves a half-migrated
// schema (rules.d/non-atomic-migration.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class NonAtomicMigration final : public engine::Rule {
  // One finding per migration (runner section: goose/dbmate up and down run
  // separately), at its second DDL statement: the first one whose failure
  // leaves an earlier one applied.
  void onFileEnd(engine::RuleContext& ctx) override {
    if (ctx.settings().dialect != Dialect::MySql) return;
    const auto& statements = ctx.file().statements;
    size_t i = 0;
    while (i < statements.size()) {
      const size_t section = ctx.facts().at(i).section;
      size_t count = 0;
      size_t second = SIZE_MAX;
      size_t j = i;
      for (; j < statements.size() && ctx.facts().at(j).section == section; ++j) {
        if (!ctx.facts().at(j).effect.implicit_commit) continue;
        if (++count == 2) second = j;
      }
      if (second != SIZE_MAX)
        ctx.report(statements[second].range,
                   "this migration runs " + std::to_string(count) +
                       " DDL statements and MySQL commits each one on its own (a transaction cannot hold "
                       "them): if this statement or a later one fails, the ones before it stay applied and "
                       "the schema is left half-migrated, with the migration neither done nor safe to re-run")
            .help(
                "Put each DDL statement in a migration of its own (changes to one table can be one ALTER "
                "TABLE with several clauses), so that a failure leaves the schema at a known version; or "
                "make "
                "every statement safe to re-run (IF NOT EXISTS / IF EXISTS).");
      i = j;
    }
  }
};

DDLINT_DEFINE_RULE(NonAtomicMigration)

}  // namespace ddlint::rules
