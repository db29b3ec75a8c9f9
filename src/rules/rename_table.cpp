#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Reads the RenameTable facts: `ALTER TABLE ... RENAME TO` in either dialect
// and each pair of MySQL's `RENAME TABLE a TO b, c TO d`.
class RenameTable final : public engine::Rule {
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }

  // What a rename looks for before and after it in the file, indexed once
  // per file (at the first rename of an existing table) instead of read
  // statement by statement at each rename: CREATE TABLE by table name;
  // table renames by the new name and by the old name (as its name and as
  // displayed); DROP TABLE by the names dropped (the same two ways). Each in
  // source order.
  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    auto push = [](std::unordered_map<std::string, std::vector<size_t>>& map, const std::string& key,
                   size_t k) {
      auto& list = map[key];
      if (list.empty() || list.back() != k) list.push_back(k);
    };
    for (size_t k = 0; k < stmts.size(); ++k) {
      if (const auto* ct = stmts[k].as<ir::CreateTable>()) push(creates_, ct->table.name, k);
      if (const auto* d = stmts[k].as<ir::Drop>(); d && d->object == ir::ObjectKind::Table)
        for (const auto& n : d->names) {
          push(dropped_, n.name, k);
          push(dropped_, n.display(), k);
        }
      if (!stmts[k].as<ir::AlterTable>() && !stmts[k].as<ir::Rename>()) continue;
      for (const auto& f : ir::facts(stmts[k]))
        if (f.kind == ir::FactKind::RenameTable) {
          push(renamed_to_, f.new_name, k);
          push(renamed_from_, f.table_name.name, k);
          push(renamed_from_, f.table_name.display(), k);
        }
    }
  }
  bool built_ = false;
  std::unordered_map<std::string, std::vector<size_t>> creates_, dropped_, renamed_to_, renamed_from_;

  static bool any_after(const std::unordered_map<std::string, std::vector<size_t>>& map,
                        const std::string& key, size_t i) {
    const auto it = map.find(key);
    return it != map.end() && it->second.back() > i;
  }
  static bool any_before(const std::unordered_map<std::string, std::vector<size_t>>& map,
                         const std::string& key, size_t i) {
    const auto it = map.find(key);
    return it != map.end() && it->second.front() < i;
  }

  // A table swap: the old name is created again later in the file (CREATE
  // TABLE, or another table renamed to it), so queries naming it keep working.
  bool name_reused(const ir::QualifiedName& old, engine::RuleContext& ctx) {
    const size_t i = ctx.statement_index();
    if (const auto it = creates_.find(old.name); it != creates_.end())
      for (auto k = std::upper_bound(it->second.begin(), it->second.end(), i); k != it->second.end(); ++k)
        if (analysis::same_table(ctx.file().statements[*k].as<ir::CreateTable>()->table, old)) return true;
    return any_after(renamed_to_, old.name, i) || any_after(renamed_to_, old.display(), i);
  }

  // The second half of a swap: the table takes over a name that an earlier
  // rename moved away or a DROP TABLE freed; deployed code names the old one.
  bool takes_over_name(const std::string& new_name, engine::RuleContext& ctx) {
    const size_t i = ctx.statement_index();
    return any_before(dropped_, new_name, i) || any_before(renamed_from_, new_name, i);
  }

  void check(engine::RuleContext& ctx) {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameTable || !ctx.is_existing_table(f.table_name)) continue;
      if (!built_) build(ctx);
      const ir::QualifiedName& old = f.table_name;
      if (name_reused(old, ctx) || takes_over_name(f.new_name, ctx)) continue;
      const bool commits = ctx.here().effect.implicit_commit;
      const std::string renamed = old.schema.empty() || f.new_name.find('.') != std::string::npos
                                      ? f.new_name
                                      : old.schema + "." + f.new_name;
      ctx.report(f.range, "renaming table " + quoted(old) + " to " + quoted(f.new_name) +
                              " breaks code already deployed: its queries still name " + quoted(old) +
                              " and fail from the moment " +
                              (commits ? "the statement runs" : "the migration commits"))
          .help(
              std::string("Keep the old name working during the deploy: ") +
              (commits ? "right after the rename" : "in the same transaction") + ", CREATE VIEW " +
              old.display() + " AS SELECT * FROM " + renamed +
              " (a simple view accepts reads and writes), and drop the view once no deployed code uses it.");
    }
  }
};

DDLINT_DEFINE_RULE(RenameTable)

}  // namespace ddlint::rules
