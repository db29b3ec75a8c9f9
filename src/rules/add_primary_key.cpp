#include "engine/rule_context.h"
#include "rules/effect_text.h"
#include "rules/fix_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string join(const std::vector<std::string>& cols) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// The concurrent rewrite: build the index without blocking writes, then adopt it.
std::string help(const std::string& table, const std::string& name, const std::string& cols) {
  return "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " (" +
         cols + "), make the key columns NOT NULL without a long scan (see set-not-null), then ALTER TABLE " +
         table + " ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " + name + ".";
}

}  // namespace

class AddPrimaryKey final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    if (ctx.settings().dialect == Dialect::MySql) {
      mysql(s, ctx);
      return;
    }
    const std::string lock =
        " under an ACCESS EXCLUSIVE lock that blocks reads and writes until the build ends";
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::PrimaryKey && a.constraint->using_index.empty()) {
        const auto& k = *a.constraint;
        const std::string cols = join(k.columns);
        // PostgreSQL's own name for an unnamed primary key: table_pkey.
        const std::string name = k.name.empty() ? s.table.name + "_pkey" : k.name;
        std::string message = k.name.empty() ? "adding a PRIMARY KEY" : "adding PRIMARY KEY ";
        if (!k.name.empty()) message += quoted(k.name);
        if (!cols.empty()) message += " on (" + cols + ")";
        message += " to ";
        message += quoted(s.table);
        message += " builds its unique index and checks the key columns for NULLs";
        message += lock;
        auto d = ctx.report(a.range, std::move(message));
        d.help(help(s.table.display(), name, cols));
        if (auto f = index_then_constraint_fix(
                ctx, s, a, "PRIMARY KEY", pg_object_name(s.table.name, "", "pkey"),
                {"-- PRIMARY KEY USING INDEX makes the key columns NOT NULL: a nullable one is scanned under "
                 "ACCESS EXCLUSIVE, so make it NOT NULL first (see set-not-null)."}))
          d.fix(std::move(f->title), f->applicability, std::move(f->edits));
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::PrimaryKey)
            ctx.report(k.range, "adding column " + quoted(a.column_def->name) + " as the PRIMARY KEY of " +
                                    quoted(s.table) + " builds its unique index" + lock)
                .help(
                    "Add the column without PRIMARY KEY and fill it, then CREATE UNIQUE INDEX CONCURRENTLY "
                    "on it "
                    "and ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX.");
      }
    }
  }

  // MySQL/MariaDB: InnoDB stores the rows in primary key order, so a new
  // primary key rebuilds the whole table (INPLACE when sql_mode is strict).
  static void mysql(const ir::AlterTable& s, engine::RuleContext& ctx) {
    const std::string cost =
        ": " + quoted(s.table) + " is rebuilt around the new clustered index" +
        online_ddl_note(ctx.here(), s.table) +
        ", and the ALTER fails at the end if concurrent writes add a duplicate or NULL key";
    const std::string help =
        "Give the table its primary key when it is created; on a large existing table, make the change with "
        "an "
        "online schema change tool (gh-ost, pt-online-schema-change) and a strict sql_mode (without it the "
        "server copies the table and turns NULL keys into defaults).";
    for (const auto& a : s.actions) {
      if ((a.kind == ir::AlterKind::AddConstraint || a.kind == ir::AlterKind::AddIndex) && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::PrimaryKey) {
        const std::string cols = join(a.constraint->columns);
        ctx.report(a.range, "adding a PRIMARY KEY" + (cols.empty() ? std::string() : " on (" + cols + ")") +
                                " to " + quoted(s.table) + cost)
            .help(help);
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::PrimaryKey)
            ctx.report(k.range, "adding column " + quoted(a.column_def->name) + " as the PRIMARY KEY of " +
                                    quoted(s.table) + cost)
                .help(help);
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddPrimaryKey)

}  // namespace ddlint::rules
