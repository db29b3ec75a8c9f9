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
  std::string name() const { return relation_name(index_only ? ir::ObjectKind::Index : object, table); }
  // name(), appended to `out`.
  void append_name(std::string& out) const {
    append_relation_name(out, index_only ? ir::ObjectKind::Index : object, table);
  }
};

// Per existing table, the strongest blocking and whether it is rewritten or
// scanned, in order of first appearance (up migration only). Linear in the
// statements: the tables seen are indexed by name.
inline std::vector<TableCost> existing_table_costs_of(const engine::RuleContext& ctx) {
  std::vector<TableCost> out;
  // Positions in `out` by table name, for tables and for indexes named
  // alone: made once `out` holds kScanned entries. Until then (most files
  // name a few tables) `out` is read in order instead, which finds the
  // same entry: the first of the same kind and name that is the same table.
  constexpr size_t kScanned = 16;
  std::unordered_map<std::string, std::vector<size_t>> table_by_name;
  std::unordered_map<std::string, std::vector<size_t>> index_by_name;
  const auto find = [&](const ir::QualifiedName& table, bool index_only) -> TableCost* {
    if (out.size() <= kScanned) {
      for (auto& c : out)
        if (c.index_only == index_only && c.table.name == table.name && analysis::same_table(c.table, table))
          return &c;
      return nullptr;
    }
    if (table_by_name.empty() && index_by_name.empty())
      for (size_t p = 0; p < out.size(); ++p)
        (out[p].index_only ? index_by_name : table_by_name)[out[p].table.name].push_back(p);
    const auto& by_name = index_only ? index_by_name : table_by_name;
    const auto named = by_name.find(table.name);
    if (named != by_name.end())
      for (const size_t p : named->second)
        if (analysis::same_table(out[p].table, table)) return &out[p];
    return nullptr;
  };
  const auto& stmts = ctx.file().statements;
  for (size_t i = 0; i < stmts.size(); ++i) {
    // The annotations describe the up migration.
    if (ctx.facts().at(i).down) continue;
    const auto& f = ctx.facts().at(i);
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
      const size_t blocking = analysis::blocks_traffic(e.blocks) ? i : SIZE_MAX;
      if (it == nullptr) {
        if (out.size() > kScanned)
          (index_only ? index_by_name : table_by_name)[table.name].push_back(out.size());
        out.push_back({table, e.blocks, e.rewrite, e.scan, e.rewrite && e.unless().empty(), i, blocking,
                       index_only, index_only ? ir::ObjectKind::Table : e.object});
        it = &out.back();
      } else {
        it->first_blocking = std::min(it->first_blocking, blocking);
        it->blocks = std::max(it->blocks, e.blocks);
        it->rewrite |= e.rewrite;
        it->rewrite_certain |= e.rewrite && e.unless().empty();
        it->scan |= e.scan;
      }
      const analysis::TableSize* size = k < f.sizes().size() ? f.sizes()[k] : nullptr;
      if (size == nullptr || !size->rows) continue;
      it->size = size;
      const int64_t per_second =
          analysis::bytes_per_second(analysis::table_work(stmts[i], e), ctx.settings().sizes);
      if (per_second <= 0) continue;
      it->seconds += static_cast<double>(size->bytes) / static_cast<double>(per_second);
      it->estimated = true;
    }
  }
  return out;
}

// existing_table_costs_of(ctx), worked out once per file for the rules that
// read it (missing-lock-annotation, missing-duration-annotation).
inline const std::vector<TableCost>& existing_table_costs(const engine::RuleContext& ctx) {
  return ctx.per_file<std::vector<TableCost>>([&] { return existing_table_costs_of(ctx); });
}

}  // namespace ddlint::rules
