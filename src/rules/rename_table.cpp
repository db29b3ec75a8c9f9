#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// Reads the RenameTable facts: `ALTER TABLE ... RENAME TO` in either dialect
// and each pair of MySQL's `RENAME TABLE a TO b, c TO d`.
class RenameTable final : public engine::Rule {
 public:
  // Its end hook reports the findings its statements held back.
  static constexpr bool kEndAfterStatements = true;
  static constexpr engine::HookSet kObserved =
      engine::hook::statement(ir::StmtKind::CreateTable) | engine::hook::statement(ir::StmtKind::Drop) |
      engine::hook::statement(ir::StmtKind::AlterTable) | engine::hook::statement(ir::StmtKind::Rename);

 private:
  void onRename(const ir::Rename&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }

  // A rename of an existing table not known to be half of a swap yet: it is
  // reported at the end of the file unless a later statement creates a
  // table of the old name (CREATE TABLE, or another table renamed to it).
  struct Pending {
    TextRange range;
    size_t statement;
    ir::QualifiedName old;
    std::string message;
    std::string help;
    bool swap = false;  // a later statement took the old name
  };
  std::vector<Pending> pending_;
  size_t open_ = 0;  // pending_ entries not known to be swaps
  // The names earlier statements freed, as the name and as displayed with
  // its schema: tables dropped (DROP TABLE) and tables renamed away.
  std::unordered_set<std::string> freed_;

  void check(engine::RuleContext& ctx) {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameTable || !ctx.is_existing_table(f.table_name)) continue;
      // The second half of a swap: the table takes over a name that an
      // earlier rename moved away or a DROP TABLE freed; deployed code names
      // the old one.
      if (freed_.count(f.new_name) > 0) continue;
      const ir::QualifiedName& old = f.table_name;
      const bool commits = ctx.here().effect.implicit_commit;
      const std::string renamed = old.schema.empty() || f.new_name.find('.') != std::string::npos
                                      ? f.new_name
                                      : old.schema + "." + f.new_name;
      pending_.push_back({f.range, ctx.statement_index(), ir::QualifiedName{old.schema, old.name, {}},
                          "renaming table " + quoted(old) + " to " + quoted(f.new_name) +
                              " breaks code already deployed: its queries still name " + quoted(old) +
                              " and fail from the moment " +
                              (commits ? "the statement runs" : "the migration commits"),
                          std::string("Keep the old name working during the deploy: ") +
                              (commits ? "right after the rename" : "in the same transaction") +
                              ", CREATE VIEW " + old.display() + " AS SELECT * FROM " + renamed +
                              " (a simple view accepts reads and writes), and drop the view once no deployed "
                              "code uses it."});
      ++open_;
    }
  }

  // Marks the renames before statement `i` whose old name `reused` takes.
  template <class Reuses>
  void reused(size_t i, Reuses reuses) {
    for (auto& p : pending_)
      if (!p.swap && p.statement < i && reuses(p.old)) {
        p.swap = true;
        --open_;
      }
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const size_t i = ctx.statement_index();
    if (const auto* ct = st.as<ir::CreateTable>()) {
      if (open_ > 0)
        reused(i, [&](const ir::QualifiedName& old) { return analysis::same_table(ct->table, old); });
      return;
    }
    if (const auto* d = st.as<ir::Drop>()) {
      if (d->object == ir::ObjectKind::Table)
        for (const auto& n : d->names) {
          freed_.insert(n.name);
          freed_.insert(n.display());
        }
      return;
    }
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameTable) continue;
      if (open_ > 0)
        reused(i, [&](const ir::QualifiedName& old) {
          return f.new_name == old.name || f.new_name == old.display();
        });
      freed_.insert(f.table_name.name);
      freed_.insert(f.table_name.display());
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (auto& p : pending_)
      if (!p.swap) ctx.report(p.range, std::move(p.message)).help(std::move(p.help));
  }
};

DDLINT_DEFINE_RULE(RenameTable)

}  // namespace ddlint::rules
