#include <string>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// The statement after `from` in the same up migration run that creates
// `table` again (`DROP TABLE IF EXISTS t; CREATE TABLE t ...`), or SIZE_MAX.
size_t recreated_at(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t from) {
  const auto& stmts = ctx.file().statements;
  for (size_t k = from + 1; k < stmts.size(); ++k) {
    const auto& f = ctx.facts().at(k);
    if (f.section != ctx.here().section || f.down) break;
    if (const auto* c = stmts[k].as<ir::CreateTable>(); c && analysis::same_table(c->table, table)) return k;
  }
  return SIZE_MAX;
}

}  // namespace

class DropTable final : public engine::Rule {
  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    // DROP TEMPORARY TABLE (MySQL) drops only this session's temporary table.
    if (s.object != ir::ObjectKind::Table || s.temporary) return;
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t)) continue;
      const TextRange where = t.range.empty() ? ctx.statement().range : t.range;
      // IF EXISTS: the author does not know whether the table is there.
      const std::string maybe = s.if_exists ? " (if it exists)" : "";
      const size_t again = recreated_at(ctx, t, ctx.statement_index());
      if (again != SIZE_MAX) {
        const auto line = ctx.source().lines().position(ctx.file().statements[again].range.begin).line;
        auto d = ctx.report(where, "dropping table " + quoted(t) + maybe + " and creating it again at line " +
                                       std::to_string(line) +
                                       " destroys every row it holds: code already deployed finds it empty");
        d.help(
            "If the table may hold data, keep it: ALTER it into the new shape, or copy its rows into the new "
            "table before dropping the old one. In a script that only ever installs a fresh database, "
            "suppress the finding (`-- ddlint-ignore drop-table`).");
        if (s.if_exists) d.conditional();
        continue;
      }
      auto d =
          ctx.report(where, "dropping table " + quoted(t) + maybe +
                                " destroys its data for good, and code already deployed that uses it breaks");
      d.help(
          "Stop using the table in the application first; drop it in a later migration (consider renaming it "
          "or keeping a backup until the drop is known to be safe).");
      if (s.if_exists) d.conditional();
    }
  }
};

DDLINT_DEFINE_RULE(DropTable)

}  // namespace ddlint::rules
