#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropIndexNonConcurrently final : public engine::Rule {
  // The DROP TABLE statements of the file by each name they drop, in file
  // order: built at the first DROP INDEX, so a file costs time linear in its
  // statements.
  struct Dropped {
    size_t stmt;
    const ir::QualifiedName* name;
  };
  std::optional<std::unordered_map<std::string, std::vector<Dropped>>> table_drops_;

  // True when a statement after `from`, in the same (up or down) part of the
  // file, drops `table`.
  bool dropped_later(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t from) {
    const auto& stmts = ctx.file().statements;
    if (!table_drops_) {
      auto& drops = table_drops_.emplace();
      for (size_t j = 0; j < stmts.size(); ++j)
        if (const auto* d = stmts[j].as<ir::Drop>(); d && d->object == ir::ObjectKind::Table)
          for (const auto& n : d->names) drops[n.name].push_back({j, &n});
    }
    const auto named = table_drops_->find(table.name);
    if (named == table_drops_->end()) return false;
    const bool down = ctx.facts().at(from).down;
    for (const auto& d : named->second)
      if (d.stmt > from && ctx.facts().at(d.stmt).down == down && analysis::same_table(*d.name, table))
        return true;
    return false;
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Index || s.concurrently) return;
    // CONCURRENTLY takes exactly one index and no CASCADE.
    const bool fixable = s.names.size() == 1 && !s.cascade && !s.keyword_range.empty();
    const size_t here = ctx.statement_index();
    for (const auto& n : s.names) {
      // The lock model names the index's table when the history or this
      // file created the index, and nothing when the index went with its
      // table earlier in this file (the statement then finds no index).
      const ir::QualifiedName* table = nullptr;
      bool locks = false;
      for (const auto& e : ctx.here().effect.tables) {
        if (!e.index_name().empty() && analysis::same_table(e.index_name(), n)) {
          table = &e.table;
          locks = true;
        } else if (e.object == ir::ObjectKind::Index && analysis::same_table(e.table, n)) {
          locks = true;
        }
      }
      if (!locks) continue;
      if (!table) table = ctx.facts().created_index_table(n, here);
      // An index built in this file on a table created in this file: nobody uses either yet.
      if (table && !ctx.is_existing_table(*table)) continue;
      // The migration drops the index's table later on (a down migration
      // that drops the indexes, then their table): the table's own DROP
      // takes the same lock, and the table goes.
      if (table && dropped_later(ctx, *table, here)) continue;
      const std::string on = table ? quoted(*table) : "its table";
      auto d =
          ctx.report(n.range.empty() ? ctx.statement().range : n.range,
                     "DROP INDEX " + quoted(n) + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " +
                         on + " that blocks reads and writes while it waits and drops");
      if (s.cascade)
        d.help(
            "DROP INDEX CONCURRENTLY cannot CASCADE: drop the objects that depend on the index first, then "
            "drop it with DROP INDEX CONCURRENTLY, outside a transaction block.");
      else if (s.names.size() > 1)
        d.help(
            "DROP INDEX CONCURRENTLY takes a single index: drop each one in its own DROP INDEX CONCURRENTLY "
            "statement, outside a transaction block.");
      else
        d.help("Drop the index with DROP INDEX CONCURRENTLY, outside a transaction block.");
      if (fixable)
        d.fix("Add CONCURRENTLY", Applicability::Unsafe,
              {{{s.keyword_range.end, s.keyword_range.end}, " CONCURRENTLY"}});
    }
  }
};

DDLINT_DEFINE_RULE(DropIndexNonConcurrently)

}  // namespace ddlint::rules
