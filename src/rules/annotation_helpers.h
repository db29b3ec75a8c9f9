#pragma once
// Shared by the annotation rules: what the migration does to existing tables,
// according to the lock model, summarised per table.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/locks.h"
#include "analysis/table_stats.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"

namespace ddlint::rules {

struct TableCost {
  ir::QualifiedName table;
  analysis::Blocks blocks = analysis::Blocks::Nothing;
  bool rewrite = false;
  bool scan = false;
  // Some rewrite of the table does not rest on an old column definition the
  // model does not know (TableEffect::unless empty): "rewrites", not "may rewrite".
  bool rewrite_certain = false;
  size_t first_statement = 0;        // first statement that costs anything on the table
  size_t first_blocking = SIZE_MAX;  // first statement that blocks reads or writes on it
  // `table` is an index whose table ddlint does not know (dropped or altered
  // by name, created before the history ddlint read).
  bool index_only = false;
  ir::ObjectKind object = ir::ObjectKind::Table;  // View, MaterializedView: named so in messages
  // With table_stats: the file's entry for the table when it has a row
  // figure (StatementFacts::sizes), else null.
  const analysis::TableSize* size = nullptr;
  // With `size`: the estimated seconds of the table's rewrites, scans and
  // index builds at the configured throughput (`estimated`: it has some).
  double seconds = 0;
  bool estimated = false;
  // The ranges of first_statement and first_blocking (empty while none).
  TextRange first_statement_range = {};
  TextRange first_blocking_range = {};
  std::string name() const { return relation_name(index_only ? ir::ObjectKind::Index : object, table); }
  // name(), appended to `out`.
  void append_name(std::string& out) const {
    append_relation_name(out, index_only ? ir::ObjectKind::Index : object, table);
  }
};

// Per existing table, the strongest blocking and whether it is rewritten or
// scanned, in order of first appearance (up migration only), summed up one
// statement at a time: add() is given every statement of the file in order
// (a rule's onStatement, of every kind), at the statement's own index. It
// keeps copies only (names, ranges, flags; `size` points into the settings'
// table stats). Linear in the statements: the tables seen are indexed by name.
class TableCosts {
 public:
  void add(const ir::Statement& st, const engine::RuleContext& ctx) {
    if (!seen_statement_) {
      first_statement_ = st.range;
      seen_statement_ = true;
    }
    const size_t i = ctx.statement_index();
    const auto& f = ctx.facts().at(i);
    // The annotations describe the up migration.
    if (f.down) return;
    for (size_t k = 0; k < f.effect.tables.size(); ++k) {
      const analysis::TableEffect& e = f.effect.tables[k];
      // What costs nothing is left out before the table is looked up.
      if (!analysis::blocks_traffic(e.blocks) && !e.rewrite && !e.scan) continue;
      const ir::QualifiedName* named_table = &e.table;
      bool index_only = false;
      if (e.object == ir::ObjectKind::Index) {
        // An index built earlier in this file is judged by its table; any
        // other index named alone is on a table from before the file.
        if (const auto* t = ctx.facts().created_index_table(e.table, i))
          named_table = t;
        else
          index_only = true;
      }
      const ir::QualifiedName& table = *named_table;
      if (!index_only && !ctx.facts().is_existing(table, i)) continue;
      // The first cost recorded on the table (same name, compatible schema).
      TableCost* it = find(table, index_only);
      const bool blocking = analysis::blocks_traffic(e.blocks);
      if (it == nullptr) {
        if (out_.size() > kScanned)
          (index_only ? index_by_name_ : table_by_name_)[table.name].push_back(out_.size());
        out_.push_back({table, e.blocks, e.rewrite, e.scan, e.rewrite && e.unless().empty(), i,
                        blocking ? i : SIZE_MAX, index_only, index_only ? ir::ObjectKind::Table : e.object});
        it = &out_.back();
        it->first_statement_range = st.range;
        if (blocking) it->first_blocking_range = st.range;
      } else {
        // Statements come in order: the first blocking one is the first seen.
        if (blocking && it->first_blocking == SIZE_MAX) {
          it->first_blocking = i;
          it->first_blocking_range = st.range;
        }
        it->blocks = std::max(it->blocks, e.blocks);
        it->rewrite |= e.rewrite;
        it->rewrite_certain |= e.rewrite && e.unless().empty();
        it->scan |= e.scan;
      }
      const analysis::TableSize* size = k < f.sizes().size() ? f.sizes()[k] : nullptr;
      if (size == nullptr || !size->rows) continue;
      it->size = size;
      const int64_t per_second =
          analysis::bytes_per_second(analysis::table_work(st, e), ctx.settings().sizes);
      if (per_second <= 0) continue;
      it->seconds += static_cast<double>(size->bytes) / static_cast<double>(per_second);
      it->estimated = true;
    }
  }

  // The tables with a cost so far, in order of first appearance.
  const std::vector<TableCost>& costs() const { return out_; }
  // The range of the file's first statement (up or down, of any kind), once
  // add() was given one.
  const TextRange& first_statement() const { return first_statement_; }

 private:
  // Positions in `out_` by table name, for tables and for indexes named
  // alone: made once `out_` holds kScanned entries. Until then (most files
  // name a few tables) `out_` is read in order instead, which finds the
  // same entry: the first of the same kind and name that is the same table.
  static constexpr size_t kScanned = 16;
  TableCost* find(const ir::QualifiedName& table, bool index_only) {
    if (out_.size() <= kScanned) {
      for (auto& c : out_)
        if (c.index_only == index_only && c.table.name == table.name && analysis::same_table(c.table, table))
          return &c;
      return nullptr;
    }
    if (table_by_name_.empty() && index_by_name_.empty())
      for (size_t p = 0; p < out_.size(); ++p)
        (out_[p].index_only ? index_by_name_ : table_by_name_)[out_[p].table.name].push_back(p);
    const auto& by_name = index_only ? index_by_name_ : table_by_name_;
    const auto named = by_name.find(table.name);
    if (named != by_name.end())
      for (const size_t p : named->second)
        if (analysis::same_table(out_[p].table, table)) return &out_[p];
    return nullptr;
  }

  std::vector<TableCost> out_;
  std::unordered_map<std::string, std::vector<size_t>> table_by_name_;
  std::unordered_map<std::string, std::vector<size_t>> index_by_name_;
  TextRange first_statement_;
  bool seen_statement_ = false;
};

// The file's TableCosts, shared by the rules that read it (missing-lock-
// annotation, missing-duration-annotation): each gives it every statement
// (onStatement, every kind) and the first to see a statement adds it, so the
// statements are summed up once however many of those rules run.
struct SharedTableCosts {
  mutable TableCosts costs;
  mutable size_t added = SIZE_MAX;  // the last statement added
};
inline const TableCosts& table_costs(const engine::RuleContext& ctx) {
  return ctx.per_file<SharedTableCosts>([] { return SharedTableCosts{}; }).costs;
}
inline void add_table_costs(const ir::Statement& st, const engine::RuleContext& ctx) {
  const auto& shared = ctx.per_file<SharedTableCosts>([] { return SharedTableCosts{}; });
  if (shared.added == ctx.statement_index()) return;
  shared.added = ctx.statement_index();
  shared.costs.add(st, ctx);
}

}  // namespace ddlint::rules
