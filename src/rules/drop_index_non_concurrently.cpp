#include <optional>
#include <string>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropIndexNonConcurrently final : public engine::Rule {
 public:
  // Its end hook reports the findings its statements held back.
  static constexpr bool kEndAfterStatements = true;
  static constexpr engine::HookSet kObserved = engine::hook::statement(ir::StmtKind::Drop);

 private:
  // A finding held until the end of the file: a later statement, in the
  // same (up or down) part of the file, may drop the index's table (a down
  // migration that drops the indexes, then their table): the table's own
  // DROP takes the same lock, and the table goes.
  struct Pending {
    TextRange range;
    std::string message;
    std::string help;
    std::optional<TextRange> fix_at;  // where " CONCURRENTLY" goes
    std::optional<ir::QualifiedName> table;
    size_t statement;
    bool down;
    bool dropped = false;  // its table is dropped later
  };
  std::vector<Pending> pending_;

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
      const std::string on = table ? quoted(*table) : "its table";
      Pending p{n.range.empty() ? ctx.statement().range : n.range,
                "DROP INDEX " + quoted(n) + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " + on +
                    " that blocks reads and writes while it waits and drops",
                s.cascade
                    ? "DROP INDEX CONCURRENTLY cannot CASCADE: drop the objects that depend on the index "
                      "first, then drop it with DROP INDEX CONCURRENTLY, outside a transaction block."
                : s.names.size() > 1
                    ? "DROP INDEX CONCURRENTLY takes a single index: drop each one in its own DROP INDEX "
                      "CONCURRENTLY statement, outside a transaction block."
                    : "Drop the index with DROP INDEX CONCURRENTLY, outside a transaction block.",
                std::nullopt,
                std::nullopt,
                here,
                ctx.here().down};
      if (fixable) p.fix_at = TextRange{s.keyword_range.end, s.keyword_range.end};
      if (table) p.table = ir::QualifiedName{table->schema, table->name, {}};
      pending_.push_back(std::move(p));
    }
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (pending_.empty()) return;
    const auto* d = st.as<ir::Drop>();
    if (!d || d->object != ir::ObjectKind::Table) return;
    const size_t i = ctx.statement_index();
    const bool down = ctx.here().down;
    for (auto& p : pending_)
      if (!p.dropped && p.table && p.statement < i && p.down == down)
        for (const auto& n : d->names)
          if (analysis::same_table(n, *p.table)) p.dropped = true;
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (auto& p : pending_) {
      if (p.dropped) continue;
      auto d = ctx.report(p.range, std::move(p.message));
      d.help(std::move(p.help));
      if (p.fix_at) d.fix("Add CONCURRENTLY", Applicability::Unsafe, {{*p.fix_at, " CONCURRENTLY"}});
    }
  }
};

DDLINT_DEFINE_RULE(DropIndexNonConcurrently)

}  // namespace ddlint::rules
