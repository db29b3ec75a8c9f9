#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "analysis/migration_facts.h"
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

// The statement after the drop, in the same up migration run, that renames
// another column of the table into the dropped column's name (a column
// replaced by a copy: add `c_new`, fill it, drop `c`, rename `c_new` to `c`),
// or SIZE_MAX; `by` is set to the renamed column.
size_t replaced_at(const engine::RuleContext& ctx, const ir::Fact& drop, std::string& by) {
  const auto& stmts = ctx.file().statements;
  for (size_t k = ctx.statement_index(); k < stmts.size(); ++k) {
    const auto& f = ctx.facts().at(k);
    if (f.section != ctx.here().section || f.down) break;
    for (const auto& fact : ir::facts(stmts[k])) {
      // In the dropping statement itself, only the actions after the drop.
      if (k == ctx.statement_index() && fact.action <= drop.action) continue;
      if (fact.kind == ir::FactKind::RenameColumn && same_name(fact.new_name, drop.name) &&
          !same_name(fact.name, drop.name) && analysis::same_table(fact.table_name, drop.table_name)) {
        by = fact.name;
        return k;
      }
    }
  }
  return SIZE_MAX;
}

}  // namespace

class DropColumn final : public engine::Rule {
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::DropColumn || !ctx.is_existing_table(f.table_name)) continue;
      std::string by;
      const size_t again = replaced_at(ctx, f, by);
      if (again != SIZE_MAX) {
        const auto line = ctx.source().lines().position(ctx.file().statements[again].range.begin).line;
        ctx.report(f.range, "dropping column " + quoted(f.name) + " of " + quoted(f.table_name) +
                                " and renaming " + quoted(by) + " into its place at line " +
                                std::to_string(line) + " replaces it: its values are lost unless " +
                                quoted(by) +
                                " holds a copy of them, and code already deployed reads and writes " +
                                quoted(by) + " under the old name from then on")
            .help(
                "If the column is converted by copy, check that the copy is complete and that deployed code "
                "accepts the new column's type; otherwise keep the old column until nothing uses it.")
            .conditional();
        continue;
      }
      ctx.report(f.range,
                 "dropping column " + quoted(f.name) + " of " + quoted(f.table_name) +
                     " destroys its data for good, and code already deployed that reads or writes it breaks")
          .help(
              "Remove every use of the column from the application and deploy that first; drop the column in "
              "a "
              "later migration once nothing references it.");
    }
  }
};

DDLINT_DEFINE_RULE(DropColumn)

}  // namespace ddlint::rules
