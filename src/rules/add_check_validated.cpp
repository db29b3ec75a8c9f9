#include "analysis/mysql/mysql_semantics.h"
#include "engine/rule_context.h"
#include "rules/effect_text.h"
#include "rules/fix_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddCheckValidated final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    if (ctx.settings().dialect == Dialect::MySql) {
      mysql(s, ctx);
      return;
    }
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::Check && !a.constraint->not_valid) {
        auto d = ctx.report(
            a.range, "adding a CHECK constraint to " + quoted(s.table) +
                         " scans every row under an ACCESS EXCLUSIVE lock that blocks reads and writes");
        d.help(
            "Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a "
            "separate "
            "transaction.");
        // PostgreSQL names an unnamed CHECK after the one column it reads
        // (table_column_check), else table_check; ddlint knows the column
        // only for `column IS NOT NULL`, so other unnamed checks get no fix.
        const auto& e = a.constraint->expr;
        const std::string composed =
            e && !e->not_null_column.empty() ? pg_object_name(s.table.name, e->not_null_column, "check") : "";
        if (auto f = validate_separately_fix(ctx, s, a, composed))
          d.fix(std::move(f->title), f->applicability, std::move(f->edits));
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::Check)
            ctx.report(k.range, "adding a column with a CHECK constraint to " + quoted(s.table) +
                                    " checks every row under an ACCESS EXCLUSIVE lock")
                .help("Add the column first, then add the CHECK with NOT VALID and VALIDATE it separately.");
      }
    }
  }

  // MySQL 8.0.16+ and MariaDB check every existing row of an enforced CHECK
  // while they copy the table; NOT ENFORCED checks nothing.
  static void mysql(const ir::AlterTable& s, engine::RuleContext& ctx) {
    if (!analysis::mysql_enforces_check(ctx.settings().mysql)) return;
    const std::string cost = " checks every existing row while " + quoted(s.table) + " is copied" +
                             online_ddl_note(ctx.here(), s.table);
    const std::string help =
        "There is no NOT VALID in MySQL: on a large table make the change with an online schema change tool "
        "(gh-ost, pt-online-schema-change), or enforce the rule in the application and add the constraint "
        "NOT ENFORCED (no check of existing rows, no copy).";
    for (const auto& a : s.actions) {
      if ((a.kind == ir::AlterKind::AddConstraint || a.kind == ir::AlterKind::AddIndex) && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::Check && !a.constraint->not_enforced) {
        ctx.report(a.range, "adding a CHECK constraint to " + quoted(s.table) + cost).help(help);
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::Check && !k.not_enforced)
            ctx.report(k.range, "adding a column with a CHECK constraint to " + quoted(s.table) + cost)
                .help(help);
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddCheckValidated)

}  // namespace ddlint::rules
