// ALTER TABLE ... DISABLE TRIGGER in a migration: the lock it takes, what
// stops being enforced while the triggers are off, and whether the same
// migration (the same runner section) switches them on again.
#include <string>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// A later subcommand or statement that ends the disabled state of `d`.
bool ends(const ir::AlterAction& later, const ir::AlterAction& d) {
  if (later.kind != ir::AlterKind::EnableTrigger || later.replica_only) return false;
  switch (later.triggers) {
    case ir::TriggerSet::All:
      return true;
    case ir::TriggerSet::User:
      // USER leaves the internal (foreign key) triggers off.
      return d.triggers != ir::TriggerSet::All;
    case ir::TriggerSet::Named:
      return d.triggers == ir::TriggerSet::Named && later.name == d.name;
  }
  return false;
}

std::string what_is_disabled(const ir::AlterAction& a) {
  switch (a.triggers) {
    case ir::TriggerSet::All:
      return "every trigger";
    case ir::TriggerSet::User:
      return "every user trigger";
    case ir::TriggerSet::Named:
      break;
  }
  return "trigger " + quoted(a.name);
}

}  // namespace

class DisableTrigger final : public engine::Rule {
  // The statement (index) at or after `from` in the same section that
  // enables `d` again, drops the trigger or drops the table; SIZE_MAX if none.
  static size_t enabled_again(const engine::RuleContext& ctx, const ir::QualifiedName& table,
                              const ir::AlterAction& d, size_t action) {
    const size_t here = ctx.statement_index();
    const auto& statements = ctx.file().statements;
    for (size_t j = here; j < statements.size(); ++j) {
      if (ctx.facts().at(j).section != ctx.here().section) break;
      if (const auto* at = statements[j].as<ir::AlterTable>()) {
        if (!analysis::same_table(at->table, table)) continue;
        for (size_t k = j == here ? action + 1 : 0; k < at->actions.size(); ++k)
          if (ends(at->actions[k], d)) return j;
      } else if (const auto* drop = statements[j].as<ir::Drop>()) {
        if (drop->object == ir::ObjectKind::Table) {
          for (const auto& n : drop->names)
            if (analysis::same_table(n, table)) return j;
        } else if (drop->object == ir::ObjectKind::Trigger && d.triggers == ir::TriggerSet::Named &&
                   analysis::same_table(drop->on_table, table)) {
          for (const auto& n : drop->names)
            if (n.name == d.name) return j;
        }
      }
    }
    return SIZE_MAX;
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.table.empty()) return;
    const analysis::TableEffect* lock = nullptr;
    for (const auto& e : ctx.here().effect.tables)
      if (analysis::same_table(e.table, s.table)) lock = &e;
    const bool existing = ctx.is_existing_table(s.table);
    for (size_t i = 0; i < s.actions.size(); ++i) {
      const auto& a = s.actions[i];
      if (a.kind != ir::AlterKind::DisableTrigger) continue;
      const size_t enable = enabled_again(ctx, s.table, a, i);
      const bool all = a.triggers == ir::TriggerSet::All;
      // On a table created earlier in the migration nobody else writes yet:
      // the lock costs nothing. Only the unchecked foreign keys (ALL) and a
      // trigger left off remain.
      if (!existing && enable != SIZE_MAX && !all) continue;

      std::string msg = "DISABLE TRIGGER switches off " + what_is_disabled(a) + " on " + quoted(s.table);
      if (existing && lock)
        msg += " under " + lock_phrase(*lock) + " (" + std::string(analysis::describe(lock->blocks)) +
               " to the table until the transaction ends)";
      if (all)
        msg +=
            "; ALL includes the internal triggers that enforce foreign keys, so rows written while they are "
            "off are never checked against them (enabling them again does not check them either), and it "
            "needs superuser privileges when the table has such constraints";
      const bool plural = a.triggers != ir::TriggerSet::Named;
      if (enable == SIZE_MAX) {
        msg += std::string("; this migration never enables ") + (plural ? "them" : "it") + " again, so " +
               (plural ? "they stay" : "it stays") + " off after it and every later write skips " +
               (plural ? "them" : "it");
        ctx.report(a.range, msg)
            .escalate()
            .help(
                "Enable the triggers again before the migration ends (`ALTER TABLE " + s.table.display() +
                " ENABLE TRIGGER " +
                (all      ? "ALL"
                 : plural ? "USER"
                          : a.name) +
                "`), or leave them on and let the trigger skip the backfill (it checks a session setting the "
                "backfill sets).");
        continue;
      }
      const auto& fe = ctx.facts().at(enable);
      const bool one_transaction = ctx.here().in_transaction && fe.in_transaction &&
                                   fe.transaction_start == ctx.here().transaction_start;
      const std::string by =
          ctx.file().statements[enable].as<ir::Drop>()
              ? std::string(plural ? "the DROP that removes them" : "the DROP that removes it")
              : std::string("the ENABLE");
      if (existing)
        msg += one_transaction
                   ? "; " + by + " runs in the same transaction, so writes to the table wait until it commits"
                   : "; " + by + " runs in a later transaction, so writes by other sessions meanwhile skip " +
                         std::string(plural ? "the triggers" : "the trigger");
      ctx.report(a.range, msg)
          .help(
              "Keep the triggers on: if they must not run for a backfill, let the trigger skip it (it checks "
              "a session setting the backfill sets, e.g. `SET LOCAL app.backfill = on`) and batch the "
              "backfill. If they must be off, keep DISABLE, the writes and ENABLE in one short transaction.");
    }
  }
};

DDLINT_DEFINE_RULE(DisableTrigger)

}  // namespace ddlint::rules
