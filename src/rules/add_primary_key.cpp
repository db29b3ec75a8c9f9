#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string join(const std::vector<std::string>& cols) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace

class AddPrimaryKey final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    const std::string lock =
        " under an ACCESS EXCLUSIVE lock that blocks reads and writes until the build ends";
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::PrimaryKey && a.constraint->using_index.empty()) {
        const auto& k = *a.constraint;
        const std::string cols = join(k.columns);
        // PostgreSQL's own name for an unnamed primary key: table_pkey.
        const std::string name = k.name.empty() ? s.table.name + "_pkey" : k.name;
        ctx.report(a.range, "adding " + (k.name.empty() ? "a PRIMARY KEY" : "PRIMARY KEY " + quoted(k.name)) +
                                (cols.empty() ? "" : " on (" + cols + ")") + " to " + quoted(s.table) +
                                " builds its unique index and checks the key columns for NULLs" + lock)
            .help(
                "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " +
                s.table.display() + " (" + cols +
                "), make the key columns NOT NULL without a long scan (see set-not-null), then ALTER TABLE " +
                s.table.display() + " ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " + name + ".");
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::PrimaryKey)
            ctx.report(k.range, "adding column " + quoted(a.column_def->name) + " as the PRIMARY KEY of " +
                                    quoted(s.table) + " builds its unique index" + lock)
                .help(
                    "Add the column without PRIMARY KEY and fill it, then CREATE UNIQUE INDEX CONCURRENTLY "
                    "on "
                    "it and ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX.");
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddPrimaryKey)

}  // namespace ddlint::rules
