#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropNotNull final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::DropNotNull) continue;
      if (f.restated) {
        restated(s, f, ctx);
        continue;
      }
      // The history shows the column nullable: the statement changes nothing.
      const analysis::KnownColumn* old = ctx.here().old_column(f.action);
      if (old != nullptr && old->not_null_known && !old->not_null && !old->primary_key) continue;
      ctx.report(f.range, "DROP NOT NULL on " + quoted(s.table) + "." + quoted(f.name) +
                              " lets NULLs into a column that code already deployed may rely on always "
                              "having a value: its reads break on the first NULL")
          .help("Make every reader of " + quoted(f.name) +
                " handle NULL and deploy that first; then drop NOT NULL, with an ignore comment that "
                "records why it is safe.");
    }
  }

  // A whole-column redefinition (MySQL MODIFY/CHANGE) without NOT NULL makes
  // the column nullable: a change only when it was NOT NULL. A primary key
  // column stays NOT NULL whatever the definition says.
  static void restated(const ir::AlterTable& s, const ir::Fact& f, engine::RuleContext& ctx) {
    const analysis::KnownColumn* old = ctx.here().old_column(f.action);
    if (old != nullptr && old->primary_key) return;
    const bool known = old != nullptr && old->not_null_known;
    if (known && !old->not_null) return;  // restated unchanged
    // A CHANGE that renames: the column that exists now is the old name.
    const std::string& name = s.actions[f.action].column.empty() ? f.name : s.actions[f.action].column;
    const std::string col =
        quoted(s.table) + "." + quoted(name) + (name != f.name ? " (renamed " + quoted(f.name) + ")" : "");
    const std::string cost =
        ": NULLs get into a column that code already deployed may rely on always having a value, and its "
        "reads break on the first NULL";
    auto d = ctx.report(f.range, known ? "restating " + col + " without NOT NULL makes it nullable" + cost
                                       : "restating " + col + " without NOT NULL makes it nullable unless " +
                                             quoted(name) + " is already nullable" + cost);
    d.help(
        "A MODIFY or CHANGE restates the whole column: write NOT NULL in the new definition to keep it. To "
        "make it nullable on purpose, make every reader of " +
        quoted(f.name) + " handle NULL and deploy that first.");
    if (!known) d.conditional();
  }
};

DDLINT_DEFINE_RULE(DropNotNull)

}  // namespace ddlint::rules
