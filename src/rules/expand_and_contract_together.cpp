#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// One migration (section) that both introduces a replacement and removes or
// renames what it replaces, on the same existing table:
//   - a column added, then an UPDATE of the table (the backfill), then a
//     column dropped or renamed;
//   - a column added and later renamed into a name the migration freed by
//     dropping or renaming the old column (a column swap);
//   - a table created here and renamed to the name of an existing table the
//     migration dropped or renamed away (a table swap).
// Reported once per table, at the removal or rename that completes it.
class ExpandAndContractTogether final : public engine::Rule {
  // A column added to an existing table, kept without the statement's IR
  // (a file of a million ADD COLUMNs keeps a million of these): its table
  // (an index into tables_), its name (a range of names_), and where.
  struct Added {
    size_t column_at;
    uint32_t column_size;
    uint32_t table;
    uint32_t statement;
    uint32_t section;
  };
  struct Freed {
    ir::QualifiedName table;
    std::string column;
    size_t statement;
    size_t section;
  };
  struct Seen {  // an UPDATE, or a table dropped or renamed away
    ir::QualifiedName table;
    size_t statement;
    size_t section;
  };
  std::vector<Added> added_;               // columns added to existing tables
  std::vector<ir::QualifiedName> tables_;  // the tables of added_, each as first written
  std::string names_;                      // the names of added_'s columns, one after another
  std::vector<Seen> updated_;              // UPDATEs
  std::vector<Freed> freed_;               // columns dropped / renamed away (name freed)
  std::vector<Seen> freed_tables_;
  std::vector<ir::QualifiedName> reported_;
  // The same, indexed (positions in source order): added_ and updated_ by
  // table name, added_ and freed_ by table name and column (key()), the
  // reported tables by name. A question reads the entries of one table.
  // added_ is indexed up to its last entry when a question first needs it
  // (added_indexed_ entries are): a file of many ADD COLUMNs that never
  // drops, renames or backfills one keeps no index of them.
  std::unordered_map<std::string, std::vector<size_t>> added_by_table_;
  std::unordered_map<std::string, std::vector<size_t>> added_by_column_;
  size_t added_indexed_ = 0;
  std::unordered_map<std::string, std::vector<size_t>> updated_by_table_;
  std::unordered_map<std::string, std::vector<size_t>> freed_by_column_;
  std::unordered_map<std::string, std::vector<size_t>> reported_by_name_;

  static std::string key(const ir::QualifiedName& table, std::string_view column) {
    std::string k;
    k.reserve(table.name.size() + 1 + column.size());
    k += table.name;
    k += '\0';
    k += column;
    return k;
  }
  std::string_view column_of(const Added& a) const { return {names_.data() + a.column_at, a.column_size}; }
  // The column `name` of `table` added by statement `i`: the table is shared
  // with the entry before when it is written the same (a run of ADD COLUMNs
  // to one table), else kept anew.
  void add_added(const ir::QualifiedName& table, const std::string& name, size_t i, size_t section) {
    if (tables_.empty() || tables_.back().name != table.name || tables_.back().schema != table.schema)
      tables_.push_back({table.schema, table.name, {}});
    added_.push_back({names_.size(), static_cast<uint32_t>(name.size()),
                      static_cast<uint32_t>(tables_.size() - 1), static_cast<uint32_t>(i),
                      static_cast<uint32_t>(section)});
    names_ += name;
  }
  void index_added() {
    for (; added_indexed_ < added_.size(); ++added_indexed_) {
      const Added& a = added_[added_indexed_];
      const ir::QualifiedName& table = tables_[a.table];
      added_by_table_[table.name].push_back(added_indexed_);
      added_by_column_[key(table, column_of(a))].push_back(added_indexed_);
    }
  }
  void add_freed(Freed f) {
    freed_by_column_[key(f.table, f.column)].push_back(freed_.size());
    freed_.push_back(std::move(f));
  }

  bool reported(const ir::QualifiedName& t) const {
    if (const auto it = reported_by_name_.find(t.name); it != reported_by_name_.end())
      for (const size_t r : it->second)
        if (analysis::same_table(reported_[r], t)) return true;
    return false;
  }
  // The column added to `table` earlier in this section and backfilled after:
  // of several, the one whose name is closest to `removed` (the longest
  // common prefix: `created_temp_` for `created_`, `submitter_id` for
  // `submitter_id_legacy`), then the latest. A column is backfilled when the
  // latest UPDATE of the table in this section comes after it.
  const Added* backfilled(const ir::QualifiedName& table, const engine::RuleContext& ctx,
                          const std::string& removed) {
    const auto updates = updated_by_table_.find(table.name);
    if (updates == updated_by_table_.end()) return nullptr;
    size_t last_update = 0;
    bool any = false;
    for (auto u = updates->second.rbegin(); u != updates->second.rend() && !any; ++u) {
      const Seen& up = updated_[*u];
      if (analysis::same_table(up.table, table) && up.section == ctx.here().section) {
        last_update = up.statement;
        any = true;
      }
    }
    if (!any) return nullptr;
    index_added();
    const auto added = added_by_table_.find(table.name);
    if (added == added_by_table_.end()) return nullptr;
    const Added* best = nullptr;
    size_t best_prefix = 0;
    for (const size_t k : added->second) {
      const Added& a = added_[k];
      if (a.statement >= last_update) break;
      if (!analysis::same_table(tables_[a.table], table) || a.section != ctx.here().section) continue;
      const std::string_view column = column_of(a);
      if (column == removed) continue;
      size_t prefix = 0;
      while (prefix < column.size() && prefix < removed.size() &&
             std::tolower(static_cast<unsigned char>(column[prefix])) ==
                 std::tolower(static_cast<unsigned char>(removed[prefix])))
        ++prefix;
      if (best == nullptr || prefix >= best_prefix) {
        best = &a;
        best_prefix = prefix;
      }
    }
    return best;
  }
  void report(engine::RuleContext& ctx, TextRange range, const ir::QualifiedName& table,
              const std::string& what) {
    if (reported(table)) return;
    reported_by_name_[table.name].push_back(reported_.size());
    reported_.push_back(table);
    ctx.report(range, what +
                          " in the same migration: code of the release being replaced still uses the old "
                          "shape while this runs, and a rollback cannot bring it back")
        .help(
            "Split it: expand (add the new column or table) and backfill in one migration, switch the code "
            "over in a release, and contract (drop or rename the old one) in a later migration.");
  }

  // Read from the dialect-neutral facts: a column rename is the same fact
  // whether written RENAME COLUMN, as a MySQL CHANGE, or as its own statement.
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || ctx.here().down) return;
    on_facts(ctx, true);
  }

  void onRename(const ir::Rename&, engine::RuleContext& ctx) override {
    if (!ctx.here().down) on_facts(ctx, false);
  }

  void onUpdate(const ir::Update& s, engine::RuleContext& ctx) override {
    if (ctx.here().down) return;
    updated_by_table_[s.table.name].push_back(updated_.size());
    updated_.push_back({s.table, ctx.statement_index(), ctx.here().section});
  }

  void on_facts(engine::RuleContext& ctx, bool alter) {
    const size_t i = ctx.statement_index();
    for (const auto& f : ctx.statement_facts()) {
      const ir::QualifiedName& t = f.table_name;
      const TextRange range = alter ? f.range : ctx.statement().range;
      switch (f.kind) {
        case ir::FactKind::AddColumn:
          // An ADD COLUMN action's fact: its table and column are the
          // statement's. Asked about only when a statement drops or renames
          // a column of the table.
          if (ctx.facts().column_freed_in(t.name) && ctx.is_existing_table(t)) {
            const auto& s = *ctx.statement().as<ir::AlterTable>();
            add_added(s.table, s.actions[f.action].column_def->name, i, ctx.here().section);
          }
          break;
        case ir::FactKind::DropColumn:
          if (!ctx.is_existing_table(t)) break;
          if (const Added* n = backfilled(t, ctx, f.name))
            report(ctx, range, t,
                   "this migration adds " + quoted(std::string(column_of(*n))) + " to " + quoted(t) +
                       ", backfills it and drops " + quoted(f.name));
          add_freed({t, f.name, i, ctx.here().section});
          break;
        case ir::FactKind::RenameColumn:
          if (ctx.is_existing_table(t)) column_renamed(ctx, t, f.name, f.new_name, range);
          break;
        case ir::FactKind::RenameTable:
          table_renamed(ctx, t, f.new_name, range);
          break;
        default:
          break;
      }
    }
  }

  void column_renamed(engine::RuleContext& ctx, const ir::QualifiedName& table, const std::string& from,
                      const std::string& to, TextRange range) {
    // The added column takes the name the old one freed: a swap.
    const auto freed = freed_by_column_.find(key(table, to));
    index_added();
    const auto added = added_by_column_.find(key(table, from));
    if (freed != freed_by_column_.end() && added != added_by_column_.end())
      for (const size_t fk : freed->second) {
        const Freed& f = freed_[fk];
        if (!analysis::same_table(f.table, table) || f.section != ctx.here().section) continue;
        for (const size_t ak : added->second) {
          const Added& a = added_[ak];
          if (analysis::same_table(tables_[a.table], table) && a.section == ctx.here().section) {
            report(ctx, range, table,
                   "this migration replaces column " + quoted(to) + " of " + quoted(table) +
                       " with the new " + quoted(from));
            return;
          }
        }
      }
    if (const Added* n = backfilled(table, ctx, from))
      report(ctx, range, table,
             "this migration adds " + quoted(std::string(column_of(*n))) + " to " + quoted(table) +
                 ", backfills it and renames " + quoted(from));
    add_freed({table, from, ctx.statement_index(), ctx.here().section});
  }

  void table_renamed(engine::RuleContext& ctx, const ir::QualifiedName& table, const std::string& to_name,
                     TextRange range) {
    if (ctx.is_existing_table(table)) {
      freed_tables_.push_back({{table.schema, table.name, {}}, ctx.statement_index(), ctx.here().section});
      return;
    }
    // A table created here takes the name of one the migration moved away.
    const ir::QualifiedName to{table.schema, to_name, {}};
    for (const Seen& f : freed_tables_)
      if (analysis::same_table(f.table, to) && f.section == ctx.here().section)
        report(ctx, range, to, "this migration replaces table " + quoted(to) + " with " + quoted(table));
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (ctx.here().down || s.object != ir::ObjectKind::Table || s.temporary) return;
    for (const auto& n : s.names)
      if (ctx.is_existing_table(n)) freed_tables_.push_back({n, ctx.statement_index(), ctx.here().section});
  }
};

DDLINT_DEFINE_RULE(ExpandAndContractTogether)

}  // namespace ddlint::rules
