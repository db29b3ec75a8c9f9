#include "engine/rule_context.h"
#include "rules/fix_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string join(const std::vector<std::string>& cols, const std::string& sep) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : sep) + c;
  return out;
}

// The concurrent rewrite: build the index without blocking writes, then adopt it.
std::string unique_help(const std::string& table, const std::string& name, const std::string& cols) {
  return "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " (" +
         cols + "), then ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name +
         ".";
}

}  // namespace

class AddUniqueConstraint final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    const std::string lock =
        " builds its index under an ACCESS EXCLUSIVE lock that blocks reads and writes until the build ends";
    for (const auto& a : s.actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::Unique && a.constraint->using_index.empty()) {
        const auto& k = *a.constraint;
        const std::string cols = join(k.columns, ", ");
        // PostgreSQL's own name for an unnamed constraint: table_columns_key.
        const std::string name =
            !k.name.empty() ? k.name : join({s.table.name, join(k.columns, "_"), "key"}, "_");
        std::string message = k.name.empty() ? "adding a UNIQUE constraint" : "adding UNIQUE constraint ";
        if (!k.name.empty()) message += quoted(k.name);
        if (!cols.empty()) message += " on (" + cols + ")";
        message += " to ";
        message += quoted(s.table);
        message += lock;
        auto d = ctx.report(a.range, std::move(message));
        d.help(unique_help(s.table.display(), name, cols));
        // PostgreSQL names an unnamed UNIQUE constraint table_columns_key
        // (cut to 63 bytes); the fix writes that name out.
        if (auto f = index_then_constraint_fix(
                ctx, s, a, "UNIQUE", pg_object_name(s.table.name, pg_name_addition(k.columns), "key")))
          d.fix(std::move(f->title), f->applicability, std::move(f->edits));
      } else if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        for (const auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::Unique)
            ctx.report(k.range, "adding column " + quoted(a.column_def->name) + " with UNIQUE to " +
                                    quoted(s.table) + lock)
                .help(
                    "Add the column without UNIQUE, then CREATE UNIQUE INDEX CONCURRENTLY on it and ALTER "
                    "TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX.");
      }
    }
  }
};

DDLINT_DEFINE_RULE(AddUniqueConstraint)

}  // namespace ddlint::rules
