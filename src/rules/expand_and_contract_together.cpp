#include <string>
#include <vector>

#include "engine/rule_context.h"
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
  struct Added {
    ir::QualifiedName table;
    std::string column;
    size_t statement;
    size_t section;
  };
  std::vector<Added> added_;                                   // columns added to existing tables
  std::vector<std::pair<ir::QualifiedName, size_t>> updated_;  // UPDATEs (table, statement)
  std::vector<Added> freed_;                                   // columns dropped / renamed away (name freed)
  std::vector<std::pair<ir::QualifiedName, size_t>> freed_tables_;
  std::vector<ir::QualifiedName> reported_;

  bool same_section(size_t a, const engine::RuleContext& ctx) const {
    return ctx.facts().at(a).section == ctx.here().section;
  }
  bool reported(const ir::QualifiedName& t) const {
    for (const auto& r : reported_)
      if (analysis::same_table(r, t)) return true;
    return false;
  }
  // The column added to `table` earlier in this section and backfilled after.
  const Added* backfilled(const ir::QualifiedName& table, const engine::RuleContext& ctx) const {
    for (const auto& a : added_) {
      if (!analysis::same_table(a.table, table) || !same_section(a.statement, ctx)) continue;
      for (const auto& [t, at] : updated_)
        if (at > a.statement && analysis::same_table(t, table) && same_section(at, ctx)) return &a;
    }
    return nullptr;
  }
  void report(engine::RuleContext& ctx, TextRange range, const ir::QualifiedName& table,
              const std::string& what) {
    if (reported(table)) return;
    reported_.push_back(table);
    ctx.report(range, what +
                          " in the same migration: code of the release being replaced still uses the old "
                          "shape while this runs, and a rollback cannot bring it back")
        .help(
            "Split it: expand (add the new column or table) and backfill in one migration, switch the code "
            "over in a release, and contract (drop or rename the old one) in a later migration.");
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || ctx.here().down || !ctx.is_existing_table(s.table)) return;
    const size_t i = ctx.statement_index();
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        added_.push_back({s.table, a.column_def->name, i, ctx.here().section});
      } else if (a.kind == ir::AlterKind::DropColumn) {
        if (const Added* n = backfilled(s.table, ctx); n && n->column != a.column)
          report(ctx, a.range, s.table,
                 "this migration adds " + quoted(n->column) + " to " + quoted(s.table) +
                     ", backfills it and drops " + quoted(a.column));
        freed_.push_back({s.table, a.column, i, ctx.here().section});
      }
    }
  }

  void onUpdate(const ir::Update& s, engine::RuleContext& ctx) override {
    if (!ctx.here().down) updated_.emplace_back(s.table, ctx.statement_index());
  }

  void onRename(const ir::Rename& s, engine::RuleContext& ctx) override {
    if (ctx.here().down) return;
    const size_t i = ctx.statement_index();
    if (s.object == ir::ObjectKind::Column) {
      if (!ctx.is_existing_table(s.target)) return;
      // The added column takes the name the old one freed: a swap.
      for (const auto& f : freed_)
        if (analysis::same_table(f.table, s.target) && f.column == s.new_name &&
            same_section(f.statement, ctx))
          for (const auto& a : added_)
            if (analysis::same_table(a.table, s.target) && a.column == s.subname &&
                same_section(a.statement, ctx)) {
              report(ctx, ctx.statement().range, s.target,
                     "this migration replaces column " + quoted(s.new_name) + " of " + quoted(s.target) +
                         " with the new " + quoted(s.subname));
              return;
            }
      if (const Added* n = backfilled(s.target, ctx); n && n->column != s.subname)
        report(ctx, ctx.statement().range, s.target,
               "this migration adds " + quoted(n->column) + " to " + quoted(s.target) +
                   ", backfills it and renames " + quoted(s.subname));
      freed_.push_back({s.target, s.subname, i, ctx.here().section});
    } else if (s.object == ir::ObjectKind::Table) {
      if (ctx.is_existing_table(s.target)) {
        freed_tables_.emplace_back(ir::QualifiedName{s.target.schema, s.target.name, {}}, i);
        return;
      }
      // A table created here takes the name of one the migration moved away.
      const ir::QualifiedName to{s.target.schema, s.new_name, {}};
      for (const auto& [t, at] : freed_tables_)
        if (analysis::same_table(t, to) && same_section(at, ctx))
          report(ctx, ctx.statement().range, to,
                 "this migration replaces table " + quoted(to) + " with " + quoted(s.target));
    }
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (ctx.here().down || s.object != ir::ObjectKind::Table) return;
    for (const auto& n : s.names)
      if (ctx.is_existing_table(n)) freed_tables_.emplace_back(n, ctx.statement_index());
  }
};

DDLINT_DEFINE_RULE(ExpandAndContractTogether)

}  // namespace ddlint::rules
