#include <string>
#include <string_view>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
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

std::string_view last_part(std::string_view name) {
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

// A table renamed into the place of a dropped one later in the same up
// migration run (copy and rename: `CREATE TABLE t_new ...; INSERT INTO
// t_new SELECT ... FROM t; DROP TABLE t; ALTER TABLE t_new RENAME TO t`).
struct Replacement {
  size_t at = SIZE_MAX;         // the rename
  ir::QualifiedName by;         // the table renamed into place
  size_t copied_at = SIZE_MAX;  // an INSERT ... SELECT from the dropped table into `by`, before the drop
};

Replacement replaced_by(const engine::RuleContext& ctx, const ir::QualifiedName& table, size_t from) {
  Replacement r;
  const auto& stmts = ctx.file().statements;
  for (size_t k = from + 1; k < stmts.size() && r.at == SIZE_MAX; ++k) {
    const auto& f = ctx.facts().at(k);
    if (f.section != ctx.here().section || f.down) break;
    for (const auto& fact : ir::facts(stmts[k]))
      if (fact.kind == ir::FactKind::RenameTable && last_part(fact.new_name) == table.name &&
          !analysis::same_table(fact.table_name, table)) {
        r.at = k;
        r.by = fact.table_name;
        break;
      }
  }
  if (r.at == SIZE_MAX) return r;
  for (size_t k = from; k-- > 0;) {
    const auto& f = ctx.facts().at(k);
    if (f.section != ctx.here().section || f.down) break;
    const auto* in = stmts[k].as<ir::Insert>();
    if (in == nullptr || !analysis::same_table(in->table, r.by)) continue;
    for (const auto& source : in->sources)
      if (analysis::same_table(source, table)) r.copied_at = k;
    if (r.copied_at != SIZE_MAX) break;
  }
  return r;
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
      const Replacement r = replaced_by(ctx, t, ctx.statement_index());
      if (r.at != SIZE_MAX) {
        const auto& lines = ctx.source().lines();
        const auto line = [&](size_t k) {
          return std::to_string(lines.position(ctx.file().statements[k].range.begin).line);
        };
        const std::string copied =
            r.copied_at != SIZE_MAX
                ? "its rows were copied into " + quoted(r.by) + " at line " + line(r.copied_at) +
                      ", so rows written to " + quoted(t) + " after that copy are lost"
                : "no INSERT ... SELECT from it into " + quoted(r.by) +
                      " comes before the drop, so its rows are lost unless that table holds a copy";
        auto d = ctx.report(where, "dropping table " + quoted(t) + maybe + " and renaming " + quoted(r.by) +
                                       " into its place at line " + line(r.at) + " replaces it: " + copied +
                                       ", and code already deployed sees the new table from then on");
        d.help(
            "Copy the rows and swap the tables while writes to the old table are stopped (or lock it for the "
            "copy), or ALTER the table into its new shape in place.");
        if (s.if_exists || r.copied_at == SIZE_MAX) d.conditional();
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
