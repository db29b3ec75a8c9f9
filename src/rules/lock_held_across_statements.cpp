#include <cstdint>
#include <string>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

namespace {

// True when a statement cannot make the outage noticeably longer: it only
// touches tables the transaction already holds ACCESS EXCLUSIVE on, without
// rewriting or scanning them (another metadata-only ALTER of the same table),
// or it is a plain CREATE TABLE that locks nothing else.
bool free_under(const ir::Statement& st, const analysis::StatementEffect& e,
                const std::vector<ir::QualifiedName>& held) {
  const auto* create = st.as<ir::CreateTable>();
  if (create && create->as_select) return false;
  if (e.tables.empty()) return create != nullptr;
  for (const auto& t : e.tables) {
    if (t.rewrite || t.scan) return false;
    bool in = false;
    for (const auto& h : held) in |= analysis::same_table(h, t.table);
    if (!in) return false;
  }
  return true;
}

}  // namespace

// Reported once per locked table and transaction, at the first statement
// that runs after the lock was taken (SET and transaction control do not
// count); the message counts the statements that follow until the
// transaction ends.
class LockHeldAcrossStatements final : public engine::Rule {
  struct Held {
    ir::QualifiedName table;
    ir::ObjectKind object;
    size_t taken_by;
    bool reported;
  };

  static std::vector<ir::QualifiedName> tables(const std::vector<Held>& held) {
    std::vector<ir::QualifiedName> out;
    out.reserve(held.size());
    for (const auto& h : held) out.push_back(h.table);
    return out;
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& stmts = ctx.file().statements;
    std::vector<Dropped> drops;
    for (size_t k = 0; k < stmts.size(); ++k)
      if (stmts[k].as<ir::Drop>())
        for (const auto& e : ctx.facts().at(k).effect.tables)
          if (dropped_by(stmts[k], e)) drops.push_back({k, &e.table});
    std::vector<Held> held;
    size_t tx = SIZE_MAX;
    for (size_t i = 0; i < stmts.size(); ++i) {
      const auto& f = ctx.facts().at(i);
      if (f.transaction_start != tx) {
        held.clear();
        tx = f.transaction_start;
      }
      if (tx == SIZE_MAX) continue;
      if (!is_transaction_control_or_setting(stmts[i]) && !free_under(stmts[i], f.effect, tables(held))) {
        std::vector<const Held*> fresh;
        for (auto& h : held)
          if (!h.reported && h.taken_by < i) {
            h.reported = true;
            fresh.push_back(&h);
          }
        if (!fresh.empty()) report(ctx, i, fresh, tables(held));
      }
      // A table the statement drops, or a later statement of the same
      // transaction drops, is gone at COMMIT: holding its lock until then
      // costs nothing more (the table of a dropped index stays).
      for (const auto& e : f.effect.tables) {
        if (e.blocks != analysis::Blocks::ReadsAndWrites || !ctx.facts().is_existing(e.table, i)) continue;
        if (dropped_by(stmts[i], e) || dropped_later(ctx, drops, i, e.table)) continue;
        bool known = false;
        for (const auto& h : held) known |= analysis::same_table(h.table, e.table);
        if (!known) held.push_back({e.table, e.object, i, false});
      }
    }
  }

  // True when the statement drops the table itself (DROP TABLE, DROP
  // MATERIALIZED VIEW...), not an index on it.
  static bool dropped_by(const ir::Statement& st, const analysis::TableEffect& e) {
    const auto* drop = st.as<ir::Drop>();
    return drop && !drop->concurrently && e.object != ir::ObjectKind::Index && e.via_index.empty();
  }

  // The tables each DROP statement of the file drops, in file order.
  struct Dropped {
    size_t stmt;
    const ir::QualifiedName* table;
  };

  // True when a statement after `i` in the same transaction drops `table`.
  static bool dropped_later(engine::RuleContext& ctx, const std::vector<Dropped>& drops, size_t i,
                            const ir::QualifiedName& table) {
    const size_t tx = ctx.facts().at(i).transaction_start;
    for (const auto& d : drops)
      if (d.stmt > i && ctx.facts().at(d.stmt).transaction_start == tx &&
          analysis::same_table(*d.table, table))
        return true;
    return false;
  }

  void report(engine::RuleContext& ctx, size_t i, const std::vector<const Held*>& fresh,
              const std::vector<ir::QualifiedName>& held) {
    const auto& stmts = ctx.file().statements;
    const size_t tx = ctx.facts().at(i).transaction_start;
    size_t more = 0;
    for (size_t k = i + 1; k < stmts.size() && ctx.facts().at(k).transaction_start == tx; ++k)
      if (!is_transaction_control_or_setting(stmts[k]) &&
          !free_under(stmts[k], ctx.facts().at(k).effect, held))
        ++more;
    std::string list;
    std::string names;
    for (size_t k = 0; k < fresh.size(); ++k) {
      const Held& h = *fresh[k];
      const std::string name = relation_name(h.object, h.table);
      if (k > 0) {
        list += k + 1 == fresh.size() ? " and " : ", ";
        names += k + 1 == fresh.size() ? " and " : ", ";
      }
      list += name + " (taken by `" + statement_snippet(ctx.text(stmts[h.taken_by].range)) + "`)";
      names += name;
    }
    std::string rest = "this statement";
    if (more > 0) rest += " and the " + std::to_string(more) + " after it";
    ctx.report(stmts[i].range, "runs while the transaction holds ACCESS EXCLUSIVE on " + list +
                                   ": reads and writes on " + names + " stay blocked until COMMIT, through " +
                                   rest)
        .help(
            "Commit right after the statement that takes the lock (make it the last statement of its "
            "transaction) and run the rest in a separate transaction or migration.");
  }
};

DDLINT_DEFINE_RULE(LockHeldAcrossStatements)

}  // namespace ddlint::rules
