#include <algorithm>
#include <string>

#include "analysis/postgres/pg_types.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// Types whose widening (varchar(n) -> varchar(m >= n) or text, numeric
// precision, varbit length) is a catalog-only change: with the old type
// unknown, a change to one of them may well be safe.
bool may_widen_to(const ir::TypeName& t) {
  return !t.array && (t.name == "varchar" || t.name == "text" || t.name == "numeric" || t.name == "varbit");
}

}  // namespace

class AlterColumnType final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    const auto& f = ctx.here();
    for (size_t k = 0; k < s.actions.size(); ++k) {
      const auto& a = s.actions[k];
      if (a.kind != ir::AlterKind::AlterColumnType || !a.new_type) continue;
      const auto known =
          std::find_if(f.old_types.begin(), f.old_types.end(), [&](const auto& p) { return p.first == k; });
      const std::string to = analysis::display(*a.new_type);
      const std::string col = quoted(a.column) + " of " + quoted(s.table);
      const std::string cost =
          " rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and "
          "writes "
          "on " +
          quoted(s.table) + " wait until it finishes";
      const std::string help =
          "Add a column of the new type, fill it in batches, switch the code over and drop the old column "
          "later (expand and contract); to make a varchar or numeric column larger, only widen it "
          "(varchar(n) to varchar(m > n) or text, more numeric precision), which needs no rewrite.";
      if (known != f.old_types.end()) {
        if (analysis::pg_type_change(known->second, *a.new_type, a.expr.has_value()) ==
            analysis::TypeChange::NoRewrite)
          continue;
        ctx.report(a.range, "changing column " + col + " from `" + analysis::display(known->second) +
                                "` to `" + to + "`" + (a.expr ? " with USING" : "") + cost)
            .help(help);
      } else {
        // The old type is unknown: stay silent where the change may be a
        // catalog-only widening.
        if (may_widen_to(*a.new_type) && !a.expr) continue;
        ctx.report(a.range,
                   "changing column " + col + " to `" + to + "`" + (a.expr ? " with USING" : "") + cost)
            .help(help);
      }
    }
  }
};

DDLINT_DEFINE_RULE(AlterColumnType)

}  // namespace ddlint::rules
