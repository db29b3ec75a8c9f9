#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropIndexNonConcurrently final : public engine::Rule {
  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Index || s.concurrently) return;
    // CONCURRENTLY takes exactly one index and no CASCADE.
    const bool fixable = s.names.size() == 1 && !s.cascade && !s.keyword_range.empty();
    for (const auto& n : s.names) {
      const auto* table = ctx.facts().created_index_table(n, ctx.statement_index());
      // An index built in this file on a table created in this file: nobody uses either yet.
      if (table && !ctx.is_existing_table(*table)) continue;
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
