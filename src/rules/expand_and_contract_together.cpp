#include <cctype>
#include <string>
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
  // A column added to an existing table: its table and name where the ALTER
  // TABLE statement holds them (the file's statements outlive the rule; a
  // file of a million ADD COLUMNs keeps a million of these).
  struct Added {
    const ir::QualifiedName* table;
    const std::string* column;
    size_t statement;
  };
  struct Freed {
    ir::QualifiedName table;
    std::string column;
    size_t statement;
    size_t section;
  };
  std::vector<Added> added_;                                   // columns added to existing tables
  std::vector<std::pair<ir::QualifiedName, size_t>> updated_;  // UPDATEs (table, statement)
  std::vector<Freed> freed_;                                   // columns dropped / renamed away (name freed)
  std::vector<std::pair<ir::QualifiedName, size_t>> freed_tables_;
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

  static std::string key(const ir::QualifiedName& table, const std::string& column) {
    return table.name + '\0' + column;
  }
  void add_added(Added a) { added_.push_back(a); }
  void index_added() {
    for (; added_indexed_ < added_.size(); ++added_indexed_) {
      const Added& a = added_[added_indexed_];
      added_by_table_[a.table->name].push_back(added_indexed_);
      added_by_column_[key(*a.table, *a.column)].push_back(added_indexed_);
    }
  }
  void add_freed(Freed f) {
    freed_by_column_[key(f.table, f.column)].push_back(freed_.size());
    freed_.push_back(std::move(f));
  }

  bool same_section(size_t a, const engine::RuleContext& ctx) const {
    return ctx.facts().at(a).section == ctx.here().section;
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
      const auto& [t, at] = updated_[*u];
      if (analysis::same_table(t, table) && same_section(at, ctx)) {
        last_update = at;
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
      if (!analysis::same_table(*a.table, table) || !same_section(a.statement, ctx)) continue;
      const std::string& column = *a.column;
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
    updated_.emplace_back(s.table, ctx.statement_index());
  }

  void on_facts(engine::RuleContext& ctx, bool alter) {
    const size_t i = ctx.statement_index();
    for (const auto& f : ctx.statement_facts()) {
      const ir::QualifiedName& t = f.table_name;
      const TextRange range = alter ? f.range : ctx.statement().range;
      switch (f.kind) {
        case ir::FactKind::AddColumn:
          // An ADD COLUMN action's fact: its table and column are the statement's.
          if (ctx.is_existing_table(t)) {
            const auto& s = *ctx.statement().as<ir::AlterTable>();
            add_added({&s.table, &s.actions[f.action].column_def->name, i});
          }
          break;
        case ir::FactKind::DropColumn:
          if (!ctx.is_existing_table(t)) break;
          if (const Added* n = backfilled(t, ctx, f.name))
            report(ctx, range, t,
                   "this migration adds " + quoted(*n->column) + " to " + quoted(t) +
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
        if (!analysis::same_table(f.table, table) || !same_section(f.statement, ctx)) continue;
        for (const size_t ak : added->second) {
          const Added& a = added_[ak];
          if (analysis::same_table(*a.table, table) && same_section(a.statement, ctx)) {
            report(ctx, range, table,
                   "this migration replaces column " + quoted(to) + " of " + quoted(table) +
                       " with the new " + quoted(from));
            return;
          }
        }
      }
    if (const Added* n = backfilled(table, ctx, from))
      report(ctx, range, table,
             "this migration adds " + quoted(*n->column) + " to " + quoted(table) +
                 ", backfills it and renames " + quoted(from));
    add_freed({table, from, ctx.statement_index(), ctx.here().section});
  }

  void table_renamed(engine::RuleContext& ctx, const ir::QualifiedName& table, const std::string& to_name,
                     TextRange range) {
    if (ctx.is_existing_table(table)) {
      freed_tables_.emplace_back(ir::QualifiedName{table.schema, table.name, {}}, ctx.statement_index());
      return;
    }
    // A table created here takes the name of one the migration moved away.
    const ir::QualifiedName to{table.schema, to_name, {}};
    for (const auto& [t, at] : freed_tables_)
      if (analysis::same_table(t, to) && same_section(at, ctx))
        report(ctx, range, to, "this migration replaces table " + quoted(to) + " with " + quoted(table));
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (ctx.here().down || s.object != ir::ObjectKind::Table || s.temporary) return;
    for (const auto& n : s.names)
      if (ctx.is_existing_table(n)) freed_tables_.emplace_back(n, ctx.statement_index());
  }
};

DDLINT_DEFINE_RULE(ExpandAndContractTogether)

}  // namespace ddlint::rules
