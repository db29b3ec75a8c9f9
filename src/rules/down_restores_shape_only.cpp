// The up migration drops a column or table of an existing table and its down
// migration only re-creates it: a rollback brings the shape back, empty.
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DownRestoresShapeOnly final : public engine::Rule {
  using Verb = analysis::DownEffect::Verb;

  static bool active(const engine::RuleContext& ctx) {
    const auto& down = ctx.down_migration();
    return down.present && down.unreadable.empty() && !ctx.here().down;
  }

  void report(engine::RuleContext& ctx, TextRange range, const std::string& what, const std::string& back) {
    const auto& down = ctx.down_migration();
    ctx.report(range,
               "this migration drops " + what + " and " + down.where + " " + back +
                   ", but nothing puts the data back: a rollback restores the shape with no data in it")
        .help(
            "Keep the data until no release needs it: stop using it in one release and drop it in a later "
            "migration. If it must go now, copy it aside in the up migration (CREATE TABLE ... AS SELECT) "
            "and "
            "restore it in " +
            down.where + " (UPDATE or INSERT ... SELECT from the copy).");
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || s.object != ir::ObjectKind::Table || s.temporary) return;
    const auto& down = ctx.down_migration();
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t) || !down.has(Verb::CreateRelation, t) || down.has(Verb::CopyRows, t))
        continue;
      report(ctx, t.range.empty() ? ctx.statement().range : t.range, "table " + quoted(t), "re-creates it");
    }
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!active(ctx) || !ctx.is_existing_table(s.table)) return;
    const auto& down = ctx.down_migration();
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::DropColumn) continue;
      if (!down.has(Verb::AddColumn, s.table, f.name)) continue;
      // A down migration that fills the table again (UPDATE ... FROM a copy,
      // INSERT ... SELECT) is taken to restore it.
      if (down.has(Verb::UpdateRows, s.table) || down.has(Verb::CopyRows, s.table)) continue;
      report(ctx, f.range, "column " + quoted(f.name) + " of " + quoted(s.table), "adds it back");
    }
  }
};

DDLINT_DEFINE_RULE(DownRestoresShapeOnly)

}  // namespace ddlint::rules
