// ALTER TABLE ... DISABLE TRIGGER in a migration: the lock it takes, what
// stops being enforced while the triggers are off, and whether the same
// migration (the same runner section) switches them on again.
#include <string>
#include <vector>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

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
 public:
  // Its end hook reports the disabled states its statements left open.
  static constexpr bool kEndAfterStatements = true;
  static constexpr engine::HookSet kObserved =
      engine::hook::statement(ir::StmtKind::AlterTable) | engine::hook::statement(ir::StmtKind::Drop);

 private:
  // A DISABLE TRIGGER subcommand (action `action` of statement `statement`)
  // that no later statement of its runner section has ended yet: its finding
  // is made at the first statement that ends it, or when the section or the
  // file ends. What ends it: ENABLE TRIGGER ALL and DROP TABLE end every
  // disabled state, ENABLE TRIGGER USER ends DISABLE USER and a named one
  // (USER leaves the internal foreign key triggers off), and ENABLE or DROP
  // of one trigger (by table and trigger name) that trigger only. ENABLE
  // REPLICA ends none.
  struct Disabled {
    TextRange range;
    size_t statement = 0;
    size_t action = 0;
    std::string schema;  // the table
    std::string table;
    ir::TriggerSet triggers = ir::TriggerSet::Named;
    std::string trigger;  // a named one
    std::string message;  // up to what the end of the state tells
    std::string help;     // when nothing ends it
    bool in_transaction = false;
    size_t transaction_start = 0;
    bool existing = false;  // the table existed before the migration
    bool all = false;       // DISABLE TRIGGER ALL
  };
  std::vector<Disabled> pending_;  // in file order
  size_t section_ = 0;             // the runner section of those pending

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.table.empty()) return;
    const analysis::TableEffect* lock = nullptr;
    bool existing = false;
    bool first = true;
    for (size_t i = 0; i < s.actions.size(); ++i) {
      const auto& a = s.actions[i];
      if (a.kind != ir::AlterKind::DisableTrigger) continue;
      if (first) {
        first = false;
        section_change(ctx);
        existing = ctx.is_existing_table(s.table);
        for (const auto& e : ctx.here().effect.tables)
          if (analysis::same_table(e.table, s.table)) lock = &e;
      }
      const bool all = a.triggers == ir::TriggerSet::All;
      const bool plural = a.triggers != ir::TriggerSet::Named;
      Disabled d;
      d.range = a.range;
      d.statement = ctx.statement_index();
      d.action = i;
      d.schema = s.table.schema;
      d.table = s.table.name;
      d.triggers = a.triggers;
      if (!plural) d.trigger = a.name;
      d.in_transaction = ctx.here().in_transaction;
      d.transaction_start = ctx.here().transaction_start;
      d.existing = existing;
      d.all = all;
      d.message = "DISABLE TRIGGER switches off " + what_is_disabled(a) + " on " + quoted(s.table);
      if (existing && lock)
        d.message += " under " + lock_phrase(*lock) + " (" + std::string(analysis::describe(lock->blocks)) +
                     " to the table until the transaction ends)";
      if (all)
        d.message +=
            "; ALL includes the internal triggers that enforce foreign keys, so rows written while they are "
            "off are never checked against them (enabling them again does not check them either), and it "
            "needs superuser privileges when the table has such constraints";
      d.help = "Enable the triggers again before the migration ends (`ALTER TABLE " + s.table.display() +
               " ENABLE TRIGGER " +
               (all      ? "ALL"
                : plural ? "USER"
                         : a.name) +
               "`), or leave them on and let the trigger skip the backfill (it checks a session setting the "
               "backfill sets).";
      section_ = ctx.here().section;
      pending_.push_back(std::move(d));
    }
  }

  // Statements of another runner section end nothing pending: those are
  // never enabled again.
  void section_change(engine::RuleContext& ctx) {
    if (!pending_.empty() && ctx.here().section != section_) never_enabled(ctx);
  }

  void never_enabled(engine::RuleContext& ctx) {
    for (auto& d : pending_) {
      const bool plural = d.triggers != ir::TriggerSet::Named;
      d.message += std::string("; this migration never enables ") + (plural ? "them" : "it") + " again, so " +
                   (plural ? "they stay" : "it stays") + " off after it and every later write skips " +
                   (plural ? "them" : "it");
      ctx.report(d.range, std::move(d.message)).escalate().help(std::move(d.help));
    }
    pending_.clear();
  }

  // Ends the pending states before action `action` of the visited statement
  // that an ender of kind `ends` on `table` (and trigger `trigger` when
  // Named) ends. Their findings are made here, at the first statement that
  // ends them.
  void end(const ir::QualifiedName& table, ir::TriggerSet ends, const std::string& trigger, size_t action,
           engine::RuleContext& ctx) {
    const size_t here = ctx.statement_index();
    std::erase_if(pending_, [&](Disabled& d) {
      if (d.statement == here && d.action >= action) return false;
      if (ends == ir::TriggerSet::User && d.triggers == ir::TriggerSet::All) return false;
      if (ends == ir::TriggerSet::Named && (d.triggers != ir::TriggerSet::Named || d.trigger != trigger))
        return false;
      if (d.table != table.name || !(table.schema.empty() || d.schema.empty() || table.schema == d.schema))
        return false;
      ended(d, ctx);
      return true;
    });
  }

  void ended(Disabled& d, engine::RuleContext& ctx) {
    // On a table created earlier in the migration nobody else writes yet:
    // the lock costs nothing. Only the unchecked foreign keys (ALL) remain.
    if (!d.existing && !d.all) return;
    const bool plural = d.triggers != ir::TriggerSet::Named;
    if (d.existing) {
      const auto& f = ctx.here();
      const bool one_transaction =
          d.in_transaction && f.in_transaction && f.transaction_start == d.transaction_start;
      const std::string by =
          ctx.statement().as<ir::Drop>()
              ? std::string(plural ? "the DROP that removes them" : "the DROP that removes it")
              : std::string("the ENABLE");
      d.message +=
          one_transaction
              ? "; " + by + " runs in the same transaction, so writes to the table wait until it commits"
              : "; " + by + " runs in a later transaction, so writes by other sessions meanwhile skip " +
                    std::string(plural ? "the triggers" : "the trigger");
    }
    ctx.report(d.range, std::move(d.message))
        .help(
            "Keep the triggers on: if they must not run for a backfill, let the trigger skip it (it checks "
            "a session setting the backfill sets, e.g. `SET LOCAL app.backfill = on`) and batch the "
            "backfill. If they must be off, keep DISABLE, the writes and ENABLE in one short transaction.");
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (pending_.empty()) return;
    section_change(ctx);
    if (const auto* at = st.as<ir::AlterTable>()) {
      for (size_t k = 0; k < at->actions.size() && !pending_.empty(); ++k) {
        const auto& a = at->actions[k];
        if (a.kind == ir::AlterKind::EnableTrigger && !a.replica_only)
          end(at->table, a.triggers, a.name, k, ctx);
      }
    } else if (const auto* drop = st.as<ir::Drop>()) {
      if (drop->object == ir::ObjectKind::Table) {
        for (const auto& n : drop->names) end(n, ir::TriggerSet::All, n.name, 0, ctx);
      } else if (drop->object == ir::ObjectKind::Trigger) {
        for (const auto& n : drop->names) end(drop->on_table, ir::TriggerSet::Named, n.name, 0, ctx);
      }
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override { never_enabled(ctx); }
};

DDLINT_DEFINE_RULE(DisableTrigger)

}  // namespace ddlint::rules
