#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

namespace {

constexpr size_t kNever = SIZE_MAX;

// Counts, over a growing set of statements, those whose value is above a
// bound (a Fenwick tree over values 0..size-1).
class CountAbove {
 public:
  explicit CountAbove(size_t size) : tree_(size + 1, 0) {}
  void add(size_t value) {
    ++total_;
    for (size_t k = value + 1; k < tree_.size(); k += k & (~k + 1)) ++tree_[k];
  }
  size_t above(size_t bound) const {
    size_t at_most = 0;
    for (size_t k = std::min(bound + 1, tree_.size() - 1); k > 0; k -= k & (~k + 1)) at_most += tree_[k];
    return total_ - at_most;
  }

 private:
  std::vector<size_t> tree_;
  size_t total_ = 0;
};

}  // namespace

// Reported once per locked table and transaction, at the first statement
// that runs after the lock was taken (SET and transaction control do not
// count); the message counts the statements that follow until the
// transaction ends.
//
// The locks a transaction holds only grow until it ends, so each statement
// is summarised by how many of them (in the order they were taken) it needs
// to be free: a statement is free under the first `n` locks when it needs at
// most `n`. It cannot make the outage noticeably longer when it only touches
// tables the transaction already holds ACCESS EXCLUSIVE on, without rewriting
// or scanning them (another metadata-only ALTER of the same table), or it is
// a plain CREATE TABLE that locks nothing else. The tables held and the
// tables dropped are indexed by name, so a file costs time linear in its
// statements.
class LockHeldAcrossStatements final : public engine::Rule {
  struct Held {
    ir::QualifiedName table;
    ir::ObjectKind object;
    size_t taken_by;
    bool reported;
  };

  // The locks held in the current transaction, in the order they were taken.
  struct HeldSet {
    std::vector<Held> list;
    std::unordered_map<std::string, std::vector<size_t>> by_name;
    size_t unreported = 0;  // list[unreported..] are not reported yet

    void clear() {
      list.clear();
      by_name.clear();
      unreported = 0;
    }
    // Position of the first lock held on `table`, or kNever.
    size_t first(const ir::QualifiedName& table) const {
      const auto it = by_name.find(table.name);
      if (it == by_name.end()) return kNever;
      for (const size_t p : it->second)
        if (analysis::same_table(list[p].table, table)) return p;
      return kNever;
    }
    void add(Held h) {
      by_name[h.table.name].push_back(list.size());
      list.push_back(std::move(h));
    }
  };

  // A report waiting for the count of the statements after it that the
  // locks held then make longer.
  struct Pending {
    size_t stmt;
    size_t held;  // locks held when it ran
    std::string list;
    std::string names;
    size_t more = 0;
  };

  // How many of the locks held (in the order taken) the statement needs to
  // be free: 0 when it always is, kNever when it never is.
  static size_t needs(const ir::Statement& st, const analysis::StatementEffect& e, const HeldSet& held) {
    if (is_transaction_control_or_setting(st)) return 0;
    const auto* create = st.as<ir::CreateTable>();
    if (create && create->as_select) return kNever;
    if (e.tables.empty()) return create != nullptr ? 0 : kNever;
    size_t need = 0;
    for (const auto& t : e.tables) {
      if (t.rewrite || t.scan) return kNever;
      const size_t p = held.first(t.table);
      if (p == kNever) return kNever;
      need = std::max(need, p + 1);
    }
    return need;
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& stmts = ctx.file().statements;
    const std::vector<std::vector<bool>> dropped_later = drops_later(ctx);
    std::vector<Pending> pending;
    std::vector<size_t> need(stmts.size(), 0);
    HeldSet held;
    size_t tx = SIZE_MAX;
    size_t first_pending = 0;
    for (size_t i = 0; i < stmts.size(); ++i) {
      const auto& f = ctx.facts().at(i);
      if (f.transaction_start != tx) {
        count_after(pending, first_pending, need, i, held.list.size());
        first_pending = pending.size();
        held.clear();
        tx = f.transaction_start;
      }
      if (tx == SIZE_MAX) continue;
      need[i] = needs(stmts[i], f.effect, held);
      if (need[i] > held.list.size()) {
        // Every lock held was taken by an earlier statement (this one's are
        // added below), and a report covers all of them: the ones not yet
        // reported are those taken since the last report.
        std::vector<const Held*> fresh;
        for (size_t p = held.unreported; p < held.list.size(); ++p) {
          held.list[p].reported = true;
          fresh.push_back(&held.list[p]);
        }
        held.unreported = held.list.size();
        if (!fresh.empty()) pending.push_back(describe(ctx, i, fresh, held.list.size()));
      }
      // A table the statement drops, or a later statement of the same
      // transaction drops, is gone at COMMIT: holding its lock until then
      // costs nothing more (the table of a dropped index stays).
      for (size_t k = 0; k < f.effect.tables.size(); ++k) {
        const auto& e = f.effect.tables[k];
        if (e.blocks != analysis::Blocks::ReadsAndWrites || !ctx.facts().is_existing(e.table, i)) continue;
        if (dropped_by(stmts[i], e) ||
            (i < dropped_later.size() && k < dropped_later[i].size() && dropped_later[i][k]))
          continue;
        if (held.first(e.table) == kNever) held.add({e.table, e.object, i, false});
      }
    }
    if (tx != SIZE_MAX) count_after(pending, first_pending, need, stmts.size(), held.list.size());
    for (const auto& p : pending) report(ctx, p);
  }

  // For the reports of one transaction's run (ending before `end`), the
  // statements after each that are not free under the locks held when it ran.
  static void count_after(std::vector<Pending>& pending, size_t first, const std::vector<size_t>& need,
                          size_t end, size_t held) {
    if (first == pending.size()) return;
    CountAbove counts(held + 2);
    size_t k = end;
    for (size_t r = pending.size(); r-- > first;) {
      for (; k > pending[r].stmt + 1; --k) counts.add(std::min(need[k - 1], held + 1));
      pending[r].more = counts.above(pending[r].held);
    }
  }

  // True when the statement drops the table itself (DROP TABLE, DROP
  // MATERIALIZED VIEW...), not an index on it.
  static bool dropped_by(const ir::Statement& st, const analysis::TableEffect& e) {
    const auto* drop = st.as<ir::Drop>();
    return drop && !drop->concurrently && e.object != ir::ObjectKind::Index && e.index_name().empty();
  }

  // Per statement and table it touches: whether a later DROP statement of the
  // same transaction drops that table (one pass from the end of the file,
  // the drops indexed by transaction and name). Empty for a statement with
  // no such DROP after it in its transaction (most statements).
  static std::vector<std::vector<bool>> drops_later(engine::RuleContext& ctx) {
    const auto& stmts = ctx.file().statements;
    // None (an empty list) when no DROP runs in a transaction, as in most files.
    bool drops_in_transaction = false;
    for (size_t i = 0; i < stmts.size() && !drops_in_transaction; ++i)
      drops_in_transaction =
          stmts[i].as<ir::Drop>() != nullptr && ctx.facts().at(i).transaction_start != SIZE_MAX;
    if (!drops_in_transaction) return {};
    std::vector<std::vector<bool>> out(stmts.size());
    std::unordered_map<size_t, std::unordered_map<std::string, std::vector<const ir::QualifiedName*>>> drops;
    for (size_t i = stmts.size(); i-- > 0;) {
      const auto& f = ctx.facts().at(i);
      if (f.transaction_start == SIZE_MAX) continue;
      const auto tx = drops.find(f.transaction_start);
      if (tx != drops.end())
        for (size_t k = 0; k < f.effect.tables.size(); ++k) {
          const auto& table = f.effect.tables[k].table;
          const auto named = tx->second.find(table.name);
          if (named == tx->second.end()) continue;
          for (const auto* d : named->second)
            if (analysis::same_table(*d, table)) {
              out[i].resize(f.effect.tables.size(), false);
              out[i][k] = true;
            }
        }
      if (stmts[i].as<ir::Drop>())
        for (const auto& e : f.effect.tables)
          if (dropped_by(stmts[i], e)) drops[f.transaction_start][e.table.name].push_back(&e.table);
    }
    return out;
  }

  static Pending describe(engine::RuleContext& ctx, size_t i, const std::vector<const Held*>& fresh,
                          size_t held) {
    const auto& stmts = ctx.file().statements;
    Pending p{i, held, {}, {}};
    for (size_t k = 0; k < fresh.size(); ++k) {
      const Held& h = *fresh[k];
      const std::string name = relation_name(h.object, h.table);
      if (k > 0) {
        p.list += k + 1 == fresh.size() ? " and " : ", ";
        p.names += k + 1 == fresh.size() ? " and " : ", ";
      }
      p.list += name;
      p.list += " (taken by `";
      p.list += statement_snippet(ctx.text(stmts[h.taken_by].range));
      p.list += "`)";
      p.names += name;
    }
    return p;
  }

  static void report(engine::RuleContext& ctx, const Pending& p) {
    // Written in place, in one allocation.
    static constexpr std::string_view kHolds = "runs while the transaction holds ACCESS EXCLUSIVE on ";
    static constexpr std::string_view kBlocked = ": reads and writes on ";
    static constexpr std::string_view kUntil = " stay blocked until COMMIT, through this statement";
    std::string message;
    message.reserve(kHolds.size() + p.list.size() + kBlocked.size() + p.names.size() + kUntil.size() + 32);
    message += kHolds;
    message += p.list;
    message += kBlocked;
    message += p.names;
    message += kUntil;
    if (p.more > 0) {
      message += " and the ";
      message += std::to_string(p.more);
      message += " after it";
    }
    ctx.report(ctx.file().statements[p.stmt].range, std::move(message))
        .help(
            "Commit right after the statement that takes the lock (make it the last statement of its "
            "transaction) and run the rest in a separate transaction or migration.");
  }
};

DDLINT_DEFINE_RULE(LockHeldAcrossStatements)

}  // namespace ddlint::rules
