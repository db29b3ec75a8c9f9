#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddCheckValidated final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::Check && !a.constraint->not_valid) {
        ctx.report(a.range,
                   "adding a CHECK constraint to " + quoted(s.table) +
                       " scans every row under an ACCESS EXCLUSIVE lock that blocks reads and writes")
            .help(
                "Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a "
                "separate "
                "transaction.");
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::Check)
            ctx.report(k.range, "adding a column with a CHECK constraint to " + quoted(s.table) +
                                    " checks every row under an ACCESS EXCLUSIVE lock")
                .help("Add the column first, then add the CHECK with NOT VALID and VALIDATE it separately.");
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddCheckValidated)

}  // namespace ddlint::rules
