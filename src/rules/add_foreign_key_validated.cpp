#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddForeignKeyValidated final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::ForeignKey && !a.constraint->not_valid) {
        report(ctx, a.range, s.table, a.constraint->ref_table, false);
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::ForeignKey) report(ctx, k.range, s.table, k.ref_table, true);
      }
    }
  }

  static void report(engine::RuleContext& ctx, TextRange r, const ir::QualifiedName& table,
                     const ir::QualifiedName& ref, bool inline_ref) {
    std::string msg = "adding a FOREIGN KEY to " + quoted(table) +
                      " validates every existing row while holding a "
                      "SHARE ROW EXCLUSIVE lock that blocks writes to " +
                      quoted(table);
    if (!ref.empty()) msg += " and " + quoted(ref);
    ctx.report(r, msg).help(
        inline_ref
            ? "Add the column without REFERENCES, then add the constraint with NOT VALID and run "
              "VALIDATE CONSTRAINT in a separate transaction."
            : "Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate "
              "transaction (it takes a lock that does not block writes).");
  }
};

DDLINT_DEFINE_RULE(AddForeignKeyValidated)

}  // namespace ddlint::rules
