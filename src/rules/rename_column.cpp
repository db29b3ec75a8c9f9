#include <algorithm>
#include <cctype>
#include <string_view>

#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// True when an earlier statement of the same migration run adds `column` to
// `table`: deployed code cannot use a column this migration creates (the
// temporary column of a swap: add, copy, drop the old one, rename).
bool added_earlier(const engine::RuleContext& ctx, const ir::Fact& rename) {
  const size_t here = ctx.statement_index();
  const auto& stmts = ctx.file().statements;
  for (size_t k = 0; k < here && k < stmts.size(); ++k) {
    if (ctx.facts().at(k).section != ctx.here().section || ctx.facts().at(k).down) continue;
    for (const auto& f : ir::facts(stmts[k]))
      if (f.kind == ir::FactKind::AddColumn && same_name(f.table, rename.table) &&
          same_name(f.name, rename.name))
        return true;
  }
  return false;
}

}  // namespace

// Reads the RenameColumn facts: PostgreSQL's RENAME COLUMN, MySQL's RENAME
// COLUMN and a MySQL CHANGE that gives the column a new name.
class RenameColumn final : public engine::Rule {
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }

  static void check(engine::RuleContext& ctx) {
    for (const auto& f : ir::facts(ctx.statement())) {
      if (f.kind != ir::FactKind::RenameColumn || !ctx.is_existing_table(f.table_name)) continue;
      if (added_earlier(ctx, f)) continue;
      const std::string when =
          ctx.here().effect.implicit_commit ? "the statement runs" : "the migration commits";
      ctx.report(f.range, "renaming column " + quoted(f.table_name) + "." + quoted(f.name) + " to " +
                              quoted(f.new_name) + " breaks code already deployed: its queries still name " +
                              quoted(f.name) + " and fail from the moment " + when)
          .help("Expand and contract instead: add " + quoted(f.new_name) +
                ", write both columns and backfill, move every reader to the new column, then drop " +
                quoted(f.name) + " in a later release.");
    }
  }
};

DDLINT_DEFINE_RULE(RenameColumn)

}  // namespace ddlint::rules
