#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class ReindexNonConcurrently final : public engine::Rule {
  void onReindex(const ir::Reindex& s, engine::RuleContext& ctx) override {
    // REINDEX CONCURRENTLY exists from PostgreSQL 12, and never for the system catalogs.
    if (s.concurrently || s.system || ctx.settings().pg_version < 12) return;
    std::string what;
    switch (s.target) {
      case ir::ObjectKind::Index: {
        // An index built in this file on a table created in this file has no users yet.
        const auto* table = ctx.facts().created_index_table(s.name, ctx.statement_index());
        if (table && !ctx.is_existing_table(*table)) return;
        what = "REINDEX INDEX " + quoted(s.name) + " without CONCURRENTLY blocks writes to " +
               (table ? quoted(*table) : std::string("its table")) +
               " (SHARE lock) and every query that uses the index (ACCESS EXCLUSIVE on it) until the rebuild "
               "finishes";
        break;
      }
      case ir::ObjectKind::Table:
        if (!ctx.is_existing_table(s.name)) return;
        what = "REINDEX TABLE " + quoted(s.name) + " without CONCURRENTLY blocks writes to " +
               quoted(s.name) +
               " (SHARE lock) and every query that uses one of its indexes (ACCESS EXCLUSIVE on each) until "
               "all of them are rebuilt";
        break;
      default:
        what = std::string(s.target == ir::ObjectKind::Schema ? "REINDEX SCHEMA " : "REINDEX DATABASE ") +
               (s.name.empty() ? std::string() : quoted(s.name) + " ") +
               "without CONCURRENTLY rebuilds every index in it, blocking writes to each table and the "
               "queries that use its indexes while they are rebuilt";
        break;
    }
    const TextRange at = s.name.range.empty() ? ctx.statement().range
                                              : TextRange{ctx.statement().range.begin, s.name.range.end};
    ctx.report(at, std::move(what))
        .help(
            "Rebuild with REINDEX ... CONCURRENTLY, outside a transaction block; if it fails, drop the "
            "invalid index it leaves behind (suffix _ccnew) and run it again.");
  }
};

DDLINT_DEFINE_RULE(ReindexNonConcurrently)

}  // namespace ddlint::rules
