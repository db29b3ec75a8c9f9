#include "analysis/mysql/mysql_semantics.h"
#include "engine/rule_context.h"
#include "rules/effect_text.h"
#include "rules/fix_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddForeignKeyValidated final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    // MySQL/MariaDB check existing rows only while foreign_key_checks is on;
    // MySQL ignores a column's inline REFERENCES (MariaDB creates the key).
    if (mysql && !ctx.here().foreign_key_checks) return;
    const bool inline_creates = !mysql || analysis::mysql_inline_references_create_fk(ctx.settings().mysql);
    for (const auto& a : s.actions) {
      if ((a.kind == ir::AlterKind::AddConstraint || a.kind == ir::AlterKind::AddIndex) && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::ForeignKey && !a.constraint->not_valid) {
        auto d = report(ctx, a.range, s.table, a.constraint->ref_table, false);
        // PostgreSQL names an unnamed foreign key table_columns_fkey.
        if (!mysql)
          if (auto f = validate_separately_fix(
                  ctx, s, a, pg_object_name(s.table.name, pg_name_addition(a.constraint->columns), "fkey")))
            d.fix(std::move(f->title), f->applicability, std::move(f->edits));
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def && inline_creates) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::ForeignKey) report(ctx, k.range, s.table, k.ref_table, true);
      }
    }
  }

  static engine::DiagnosticBuilder report(engine::RuleContext& ctx, TextRange r,
                                          const ir::QualifiedName& table, const ir::QualifiedName& ref,
                                          bool inline_ref) {
    if (ctx.settings().dialect == Dialect::MySql) {
      return ctx
          .report(r, "adding a FOREIGN KEY to " + quoted(table) + " checks every existing row while " +
                         quoted(table) + " is copied" + online_ddl_note(ctx.here(), table))
          .help(
              "Add the key with SET foreign_key_checks = 0 just before the ALTER (and back to 1 after it): "
              "the "
              "server then adds it in place without the copy and without checking existing rows, so look for "
              "orphans with a query first. Or make the change with an online schema change tool.");
    }
    // PostgreSQL: the lock the model gives the referenced table is the
    // foreign key's own (the table itself may take a stronger one for other
    // actions of the statement).
    std::string mode = "SHARE ROW EXCLUSIVE";
    if (const auto* e = effect_on(ctx.here(), ref);
        e && !ref.empty() && !analysis::same_table(ref, table) && !e->mode.empty())
      mode = e->mode;
    std::string msg = "adding a FOREIGN KEY to " + quoted(table) +
                      " validates every existing row while holding a " + mode +
                      " lock that blocks writes to " + quoted(table);
    if (!ref.empty()) msg += " and " + quoted(ref);
    return ctx.report(r, msg).help(
        inline_ref
            ? "Add the column without REFERENCES, then add the constraint with NOT VALID and run "
              "VALIDATE CONSTRAINT in a separate transaction."
            : "Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate "
              "transaction (it takes a lock that does not block writes).");
  }
};

DDLINT_DEFINE_RULE(AddForeignKeyValidated)

}  // namespace ddlint::rules
