#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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
  // Adds `count` statements of value `value`.
  void add(size_t value, size_t count) {
    total_ += count;
    for (size_t k = value + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] += count;
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
// a plain CREATE TABLE that locks nothing else.
//
// A table a later statement of the same transaction drops never joins the
// locks held, so the transaction is worked out when it ends (at a statement
// of another transaction, or the file's end): until then each of its
// statements that may need or take a lock is kept as a compact record (its
// range and the tables it touches, their names in one string), and nothing
// is kept outside a transaction. The tables held and the tables dropped are
// indexed by name, so a file costs time linear in its statements.
class LockHeldAcrossStatements final : public engine::Rule {
 public:
  // Its end hook reports the findings of the file's last transaction.
  static constexpr bool kEndAfterStatements = true;
  // Transaction control and settings lock nothing and need nothing: every
  // other kind of statement is observed.
  static constexpr engine::HookSet kObserved = ((engine::HookSet{1} << engine::hook::kFileBits) - 2) &
                                               ~engine::hook::statement(ir::StmtKind::Transaction) &
                                               ~engine::hook::statement(ir::StmtKind::SetSetting);

 private:
  // A table a statement of the open transaction touches: at `at` in names_,
  // the sizes of its schema and name (two uint32_t), then the two.
  struct Entry {
    uint32_t at;
    uint8_t object;  // ir::ObjectKind
    uint8_t flags;
  };
  // The statement takes ACCESS EXCLUSIVE on the existing table (it joins the
  // locks held unless the transaction drops the table later).
  static constexpr uint8_t kTakes = 1;
  // The statement drops the table itself (DROP TABLE, DROP MATERIALIZED
  // VIEW...), not an index on it.
  static constexpr uint8_t kDrops = 2;

  // A statement of the open transaction that may need a lock to be free
  // (never, or those on the tables of its entries) or take one; the others
  // (a plain CREATE TABLE that locks nothing) are not kept.
  //
  // A statement that is the same as the one before it (the same tables,
  // taken or not, and no DROP), itself the same as the one before it, is
  // only counted as a repeat of that one: the locks held do not change from
  // it on, so each repeat needs what it needs, reports nothing and takes
  // nothing (a run of ALTERs of one table keeps two records).
  struct Step {
    TextRange range;
    uint32_t entries_end;  // its entries are entries_[the step before's entries_end, entries_end)
    // How many of the locks held it needs to be free, worked out when the
    // transaction ends; until then kNeverFree when it rewrites, scans or
    // reads other tables (whatever the locks), else 0.
    uint32_t need;
    uint32_t repeats;  // the statements after it that are the same
  };
  static constexpr uint32_t kNeverFree = UINT32_MAX;
  static constexpr uint32_t kNone = UINT32_MAX;  // no entry

  size_t tx_ = SIZE_MAX;  // the open transaction's first statement, SIZE_MAX outside one
  std::vector<Step> steps_;
  std::vector<Entry> entries_;
  std::string names_;
  bool drops_ = false;   // an entry has kDrops
  bool repeat_ = false;  // the last step is the same as the one before it

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const auto& f = ctx.here();
    if (f.transaction_start != tx_) {
      end_transaction(ctx);
      tx_ = f.transaction_start;
    }
    if (tx_ == SIZE_MAX) return;
    const auto& tables = f.effect.tables;
    const auto* create = st.as<ir::CreateTable>();
    if (create && !create->as_select && tables.empty()) return;  // always free, takes nothing
    bool never = (create && create->as_select) || tables.empty();
    for (const auto& e : tables) never = never || e.rewrite || e.scan;
    // The statement's entries start at `first`, the last step's at `twin`.
    const auto first = static_cast<uint32_t>(entries_.size());
    const uint32_t twin = steps_.size() > 1 ? steps_[steps_.size() - 2].entries_end : 0;
    for (const auto& e : tables) {
      uint8_t flags = 0;
      // A table the statement drops, or a later statement of the same
      // transaction drops, is gone at COMMIT: holding its lock until then
      // costs nothing more (the table of a dropped index stays).
      if (dropped_by(st, e))
        flags = kDrops;
      else if (e.blocks == analysis::Blocks::ReadsAndWrites &&
               ctx.facts().is_existing(e.table, ctx.statement_index()))
        flags = kTakes;
      if (flags == 0 && never) continue;  // needed by no one
      drops_ = drops_ || flags == kDrops;
      const uint32_t like = twin + (static_cast<uint32_t>(entries_.size()) - first);
      entries_.push_back(
          {name_at(e.table, like < first ? like : kNone), static_cast<uint8_t>(e.object), flags});
    }
    const uint32_t need = never ? kNeverFree : 0;
    const bool same = same_as_last(need);
    if (same && repeat_ && steps_.back().repeats < UINT32_MAX) {
      ++steps_.back().repeats;
      entries_.resize(steps_.back().entries_end);
      return;
    }
    repeat_ = same;
    steps_.push_back({st.range, static_cast<uint32_t>(entries_.size()), need, 0});
  }

  // Whether the statement whose entries follow the last step's (and which
  // needs `need` before the transaction ends) is the same as that step.
  bool same_as_last(uint32_t need) const {
    if (steps_.empty() || steps_.back().need != need) return false;
    const uint32_t end = steps_.back().entries_end;
    const uint32_t begin = steps_.size() > 1 ? steps_[steps_.size() - 2].entries_end : 0;
    if (entries_.size() - end != end - begin) return false;
    for (uint32_t k = begin; k < end; ++k) {
      const Entry& a = entries_[k];
      const Entry& b = entries_[k + (end - begin)];
      if (a.at != b.at || a.object != b.object || a.flags != b.flags || (a.flags & kDrops)) return false;
    }
    return true;
  }

  void onFileEnd(engine::RuleContext& ctx) override { end_transaction(ctx); }

  // Where `table` is in names_: the place of entry `like` (the same entry
  // of the last step, if any) or of the last entry again when it is the
  // same, as for a run of statements on one table.
  uint32_t name_at(const ir::QualifiedName& table, uint32_t like) {
    if (like != kNone) {
      const uint32_t at = entries_[like].at;
      if (schema_of(at) == table.schema && name_of(at) == table.name) return at;
    }
    if (!entries_.empty()) {
      const uint32_t at = entries_.back().at;
      if (schema_of(at) == table.schema && name_of(at) == table.name) return at;
    }
    const auto at = static_cast<uint32_t>(names_.size());
    const std::array<uint32_t, 2> sizes = {static_cast<uint32_t>(table.schema.size()),
                                           static_cast<uint32_t>(table.name.size())};
    names_.append(sizeof sizes, '\0');
    std::memcpy(names_.data() + at, sizes.data(), sizeof sizes);
    names_ += table.schema;
    names_ += table.name;
    return at;
  }
  uint32_t size_at(size_t at) const {
    uint32_t size = 0;
    std::memcpy(&size, names_.data() + at, sizeof size);
    return size;
  }
  std::string_view schema_of(uint32_t at) const {
    return std::string_view(names_).substr(at + 2 * sizeof(uint32_t), size_at(at));
  }
  std::string_view name_of(uint32_t at) const {
    return std::string_view(names_).substr(at + 2 * sizeof(uint32_t) + size_at(at),
                                           size_at(at + sizeof(uint32_t)));
  }
  std::string_view name_of(const Entry& e) const { return name_of(e.at); }
  // analysis::same_table: an unqualified name matches any schema.
  bool same_table(const Entry& a, const Entry& b) const {
    if (a.at == b.at) return true;
    if (name_of(a.at) != name_of(b.at)) return false;
    const std::string_view sa = schema_of(a.at);
    const std::string_view sb = schema_of(b.at);
    return sa.empty() || sb.empty() || sa == sb;
  }

  struct Held {
    uint32_t entry;  // the table
    uint32_t step;   // the statement that took the lock
  };

  // The locks held in the transaction, in the order they were taken.
  struct HeldSet {
    const LockHeldAcrossStatements& rule;
    std::vector<Held> list;
    std::unordered_map<std::string_view, std::vector<size_t>> by_name;

    // Position of the first lock held on the table of entry `e`, or kNever.
    size_t first(const Entry& e) const {
      const auto it = by_name.find(rule.name_of(e));
      if (it == by_name.end()) return kNever;
      for (const size_t p : it->second)
        if (rule.same_table(rule.entries_[list[p].entry], e)) return p;
      return kNever;
    }
    void add(Held h) {
      by_name[rule.name_of(rule.entries_[h.entry])].push_back(list.size());
      list.push_back(h);
    }
  };

  // A report waiting for the count of the statements after it that the
  // locks held then make longer.
  struct Pending {
    size_t step;
    size_t held;  // locks held when it ran
    std::string list;
    std::string names;
    size_t more = 0;
  };

  // Works out and reports the open transaction's findings, in source order,
  // and forgets it.
  void end_transaction(engine::RuleContext& ctx) {
    if (!steps_.empty()) report_transaction(ctx);
    steps_.clear();
    entries_.clear();
    names_.clear();
    // The records of a long transaction are given back.
    if (steps_.capacity() > 4096 || entries_.capacity() > 4096 || names_.capacity() > 65536) {
      steps_.shrink_to_fit();
      entries_.shrink_to_fit();
      names_.shrink_to_fit();
    }
    drops_ = false;
    repeat_ = false;
  }

  void report_transaction(engine::RuleContext& ctx) {
    if (drops_) drop_later_takes();
    std::vector<Pending> pending;
    HeldSet held{*this, {}, {}};
    size_t unreported = 0;  // held.list[unreported..] are not reported yet
    uint32_t k = 0;         // the step's first entry
    for (size_t s = 0; s < steps_.size(); ++s) {
      const uint32_t end = steps_[s].entries_end;
      // How many of the locks held (in the order taken) the statement needs
      // to be free.
      size_t n = steps_[s].need == kNeverFree ? kNever : 0;
      for (uint32_t j = k; j < end && n != kNever; ++j) {
        const size_t p = held.first(entries_[j]);
        n = p == kNever ? kNever : std::max(n, p + 1);
      }
      steps_[s].need = n == kNever ? kNeverFree : static_cast<uint32_t>(n);
      if (n > held.list.size() && unreported < held.list.size()) {
        // Every lock held was taken by an earlier statement (this one's are
        // added below), and a report covers all of them: the ones not yet
        // reported are those taken since the last report.
        pending.push_back(describe(ctx, s, held.list, unreported));
        unreported = held.list.size();
      }
      for (; k < end; ++k)
        if ((entries_[k].flags & kTakes) && held.first(entries_[k]) == kNever)
          held.add({k, static_cast<uint32_t>(s)});
    }
    count_after(pending, held.list.size());
    for (const auto& p : pending) report(ctx, p);
  }

  // Takes kTakes from each entry whose table a later statement of the
  // transaction drops (one pass from its end, the drops indexed by name).
  void drop_later_takes() {
    std::unordered_map<std::string_view, std::vector<uint32_t>> drops;
    for (size_t s = steps_.size(); s-- > 0;) {
      const uint32_t begin = s > 0 ? steps_[s - 1].entries_end : 0;
      for (uint32_t k = begin; k < steps_[s].entries_end; ++k) {
        Entry& e = entries_[k];
        if (!(e.flags & kTakes)) continue;
        const auto named = drops.find(name_of(e));
        if (named == drops.end()) continue;
        for (const uint32_t d : named->second)
          if (same_table(entries_[d], e)) e.flags = 0;
      }
      for (uint32_t k = begin; k < steps_[s].entries_end; ++k)
        if (entries_[k].flags & kDrops) drops[name_of(entries_[k])].push_back(k);
    }
  }

  // For the reports of the transaction, the statements after each that are
  // not free under the locks held when it ran (`held` locks at its end).
  void count_after(std::vector<Pending>& pending, size_t held) const {
    if (pending.empty()) return;
    CountAbove counts(held + 2);
    size_t k = steps_.size();
    for (size_t r = pending.size(); r-- > 0;) {
      for (; k > pending[r].step + 1; --k)
        counts.add(std::min<size_t>(steps_[k - 1].need, held + 1), size_t{1} + steps_[k - 1].repeats);
      // Its own repeats need what it needs, more than the locks held then.
      pending[r].more = counts.above(pending[r].held) + steps_[pending[r].step].repeats;
    }
  }

  // True when the statement drops the table itself (DROP TABLE, DROP
  // MATERIALIZED VIEW...), not an index on it.
  static bool dropped_by(const ir::Statement& st, const analysis::TableEffect& e) {
    const auto* drop = st.as<ir::Drop>();
    return drop && !drop->concurrently && e.object != ir::ObjectKind::Index && e.index_name().empty();
  }

  // The report at step `s` of the locks held.list[from..] (those taken since
  // the last report).
  Pending describe(engine::RuleContext& ctx, size_t s, const std::vector<Held>& list, size_t from) const {
    Pending p{s, list.size(), {}, {}};
    for (size_t k = from; k < list.size(); ++k) {
      const Entry& e = entries_[list[k].entry];
      const std::string name = quoted_after(relation_prefix(static_cast<ir::ObjectKind>(e.object)),
                                            schema_of(e.at), name_of(e.at));
      if (k > from) {
        p.list += k + 1 == list.size() ? " and " : ", ";
        p.names += k + 1 == list.size() ? " and " : ", ";
      }
      p.list += name;
      p.list += " (taken by `";
      p.list += statement_snippet(ctx.text(steps_[list[k].step].range));
      p.list += "`)";
      p.names += name;
    }
    return p;
  }

  void report(engine::RuleContext& ctx, const Pending& p) const {
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
    ctx.report(steps_[p.step].range, std::move(message))
        .help(
            "Commit right after the statement that takes the lock (make it the last statement of its "
            "transaction) and run the rest in a separate transaction or migration.");
  }
};

DDLINT_DEFINE_RULE(LockHeldAcrossStatements)

}  // namespace ddlint::rules
