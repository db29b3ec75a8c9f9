// ALTER TABLE ... DISABLE TRIGGER in a migration: the lock it takes, what
// stops being enforced while the triggers are off, and whether the same
// migration (the same runner section) switches them on again.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
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
  // What ends a disabled state: an ENABLE subcommand (action `action` of
  // statement `statement`) or a DROP TABLE or DROP TRIGGER (action 0).
  struct Ender {
    size_t statement = 0;
    size_t action = 0;
    const ir::QualifiedName* table = nullptr;
  };
  using Enders = std::vector<Ender>;  // in file order
  // The file's enders by what they end, each list by table name: ENABLE
  // TRIGGER ALL and DROP TABLE end every disabled state, ENABLE TRIGGER USER
  // ends DISABLE USER and a named one (USER leaves the internal foreign key
  // triggers off), and ENABLE or DROP of one trigger (by table and trigger
  // name) that trigger only. ENABLE REPLICA ends none. Built at the
  // file's first DISABLE TRIGGER: a migration that disables thousands of
  // triggers does not read the rest of the file for each.
  bool indexed_ = false;
  std::unordered_map<std::string, Enders> all_;
  std::unordered_map<std::string, Enders> user_;
  std::unordered_map<std::string, Enders> named_;  // by table name, '\0', trigger name
  // By statement: the first statement after it in another runner section
  // (or the end of the file).
  std::vector<size_t> section_end_;

  static std::string named_key(const std::string& table, const std::string& trigger) {
    std::string k = table;
    k += '\0';
    k += trigger;
    return k;
  }

  void index(const engine::RuleContext& ctx) {
    indexed_ = true;
    const auto& statements = ctx.file().statements;
    section_end_.assign(statements.size(), statements.size());
    for (size_t j = statements.size(); j-- > 1;)
      section_end_[j - 1] = ctx.facts().at(j).section == ctx.facts().at(j - 1).section ? section_end_[j] : j;
    for (size_t j = 0; j < statements.size(); ++j) {
      if (const auto* at = statements[j].as<ir::AlterTable>()) {
        for (size_t k = 0; k < at->actions.size(); ++k) {
          const auto& a = at->actions[k];
          if (a.kind != ir::AlterKind::EnableTrigger || a.replica_only) continue;
          const Ender e{j, k, &at->table};
          if (a.triggers == ir::TriggerSet::All)
            all_[at->table.name].push_back(e);
          else if (a.triggers == ir::TriggerSet::User)
            user_[at->table.name].push_back(e);
          else
            named_[named_key(at->table.name, a.name)].push_back(e);
        }
      } else if (const auto* drop = statements[j].as<ir::Drop>()) {
        if (drop->object == ir::ObjectKind::Table) {
          for (const auto& n : drop->names) all_[n.name].push_back({j, 0, &n});
        } else if (drop->object == ir::ObjectKind::Trigger) {
          for (const auto& n : drop->names)
            named_[named_key(drop->on_table.name, n.name)].push_back({j, 0, &drop->on_table});
        }
      }
    }
  }

  // The first statement of `list` after action `action` of statement `here`
  // and before `end` whose table is `table`; SIZE_MAX if none.
  static size_t first_after(const std::unordered_map<std::string, Enders>& lists, const std::string& key,
                            const ir::QualifiedName& table, size_t here, size_t action, size_t end) {
    const auto it = lists.find(key);
    if (it == lists.end()) return SIZE_MAX;
    const Enders& list = it->second;
    auto e =
        std::upper_bound(list.begin(), list.end(), std::make_pair(here, action),
                         [](const std::pair<size_t, size_t>& p, const Ender& x) {
                           return p.first < x.statement || (p.first == x.statement && p.second < x.action);
                         });
    for (; e != list.end() && e->statement < end; ++e)
      if (analysis::same_table(*e->table, table)) return e->statement;
    return SIZE_MAX;
  }

  // The statement (index) after action `action` of this one, in the same
  // runner section, that enables `d` again, drops the trigger or drops the
  // table; SIZE_MAX if none.
  size_t enabled_again(const engine::RuleContext& ctx, const ir::QualifiedName& table,
                       const ir::AlterAction& d, size_t action) {
    if (!indexed_) index(ctx);
    const size_t here = ctx.statement_index();
    const size_t end = section_end_[here];
    size_t found = first_after(all_, table.name, table, here, action, end);
    if (d.triggers != ir::TriggerSet::All)
      found = std::min(found, first_after(user_, table.name, table, here, action, end));
    if (d.triggers == ir::TriggerSet::Named)
      found = std::min(found, first_after(named_, named_key(table.name, d.name), table, here, action, end));
    return found;
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
