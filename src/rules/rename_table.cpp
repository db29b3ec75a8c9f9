#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Reads the RenameTable facts: `ALTER TABLE ... RENAME TO` in either dialect
// and each pair of MySQL's `RENAME TABLE a TO b, c TO d`.
class RenameTable final : public engine::Rule {
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }

  // A table swap: the old name is created again later in the file (CREATE
  // TABLE, or another table renamed to it), so queries naming it keep working.
  static bool name_reused(const ir::QualifiedName& old, engine::RuleContext& ctx) {
    const auto& stmts = ctx.file().statements;
    for (size_t i = ctx.statement_index() + 1; i < stmts.size(); ++i) {
      if (const auto* ct = stmts[i].as<ir::CreateTable>(); ct && analysis::same_table(ct->table, old))
        return true;
      for (const auto& f : ir::facts(stmts[i]))
        if (f.kind == ir::FactKind::RenameTable && (f.new_name == old.name || f.new_name == old.display()))
          return true;
    }
    return false;
  }

  // The second half of a swap: the table takes over a name that an earlier
  // rename moved away or a DROP TABLE freed; deployed code names the old one.
  static bool takes_over_name(const std::string& new_name, engine::RuleContext& ctx) {
    const auto& stmts = ctx.file().statements;
    for (size_t i = 0; i < ctx.statement_index(); ++i) {
      if (const auto* d = stmts[i].as<ir::Drop>(); d && d->object == ir::ObjectKind::Table)
        for (const auto& n : d->names)
          if (n.name == new_name || n.display() == new_name) return true;
      for (const auto& f : ir::facts(stmts[i]))
        if (f.kind == ir::FactKind::RenameTable &&
            (f.table_name.name == new_name || f.table_name.display() == new_name))
          return true;
    }
    return false;
  }

  static void check(engine::RuleContext& ctx) {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameTable || !ctx.is_existing_table(f.table_name)) continue;
      const ir::QualifiedName& old = f.table_name;
      if (name_reused(old, ctx) || takes_over_name(f.new_name, ctx)) continue;
      const bool commits = ctx.here().effect.implicit_commit;
      const std::string renamed = old.schema.empty() || f.new_name.find('.') != std::string::npos
                                      ? f.new_name
                                      : old.schema + "." + f.new_name;
      ctx.report(f.range, "renaming table " + quoted(old) + " to " + quoted(f.new_name) +
                              " breaks code already deployed: its queries still name " + quoted(old) +
                              " and fail from the moment " +
                              (commits ? "the statement runs" : "the migration commits"))
          .help(
              std::string("Keep the old name working during the deploy: ") +
              (commits ? "right after the rename" : "in the same transaction") + ", CREATE VIEW " +
              old.display() + " AS SELECT * FROM " + renamed +
              " (a simple view accepts reads and writes), and drop the view once no deployed code uses it.");
    }
  }
};

DDLINT_DEFINE_RULE(RenameTable)

}  // namespace ddlint::rules
