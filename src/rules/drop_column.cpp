#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/migration_facts.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether ir::facts(st) may have a RenameColumn: only RENAME COLUMN, an
// ALTER TABLE's RENAME COLUMN and MySQL's CHANGE old new do (the others'
// facts are not worked out).
bool renames_column(const ir::Statement& st) {
  if (const auto* r = st.as<ir::Rename>()) return r->object == ir::ObjectKind::Column;
  if (const auto* a = st.as<ir::AlterTable>())
    return std::any_of(a->actions.begin(), a->actions.end(), [](const ir::AlterAction& x) {
      return x.kind == ir::AlterKind::RenameColumn || x.kind == ir::AlterKind::ChangeColumn;
    });
  return false;
}

}  // namespace

class DropColumn final : public engine::Rule {
 public:
  // Its end hook reports the drops of the file's last run. It observes
  // every kind of statement: any statement of another section (a statement
  // of MySQL dynamic SQL is in the section of the literal it is read from,
  // which may lie before the section of the statements around it) ends the
  // run of up migration statements a drop's copy may be renamed in.
  static constexpr bool kEndAfterStatements = true;

 private:
  // A drop of a column of an existing table in an up migration, held until
  // the end of its run of up migration statements of one section: a later
  // statement of the run (or a later action of its own) may rename another
  // column of the table into the dropped column's name (a column replaced
  // by a copy: add `c_new`, fill it, drop `c`, rename `c_new` to `c`).
  struct Pending {
    TextRange range;
    size_t statement;
    size_t action;
    std::string name;
    ir::QualifiedName table;
    bool replaced = false;  // another column is renamed into its place
    std::string by = {};    // that column
    size_t line = 0;        // the line of the statement that renames it
  };
  std::vector<Pending> pending_;  // in source order, all of one run
  size_t section_ = 0;            // the run's section

  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override {
    end_run_if_left(ctx);
    const bool down = ctx.here().down;
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::DropColumn || !ctx.is_existing_table(f.table_name)) continue;
      if (down) {
        // A down migration's statements are not a run a copy is renamed in.
        report_plain(ctx, f.range, f.name, f.table_name);
        continue;
      }
      section_ = ctx.here().section;
      pending_.push_back({f.range, ctx.statement_index(), f.action, f.name,
                          ir::QualifiedName{f.table_name.schema, f.table_name.name, {}}});
    }
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (pending_.empty()) return;
    if (end_run_if_left(ctx) || !renames_column(st)) return;
    const size_t i = ctx.statement_index();
    for (const auto& r : ctx.statement_facts()) {
      if (r.kind != ir::FactKind::RenameColumn) continue;
      for (auto& p : pending_) {
        // The first rename into the name; in the dropping statement
        // itself, only the actions after the drop.
        if (p.replaced || (p.statement == i && r.action <= p.action)) continue;
        if (same_name(r.new_name, p.name) && !same_name(r.name, p.name) &&
            analysis::same_table(r.table_name, p.table)) {
          p.replaced = true;
          p.by = r.name;
          p.line = ctx.source().lines().position(st.range.begin).line;
        }
      }
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override { end_run(ctx); }

  // Reports the held drops when the visited statement is not of their run
  // (a down migration's, or of another section); true when it did.
  bool end_run_if_left(engine::RuleContext& ctx) {
    if (pending_.empty() || (!ctx.here().down && ctx.here().section == section_)) return false;
    end_run(ctx);
    return true;
  }

  void end_run(engine::RuleContext& ctx) {
    for (auto& p : pending_) {
      if (!p.replaced) {
        report_plain(ctx, p.range, p.name, p.table);
        continue;
      }
      ctx.report(p.range, "dropping column " + quoted(p.name) + " of " + quoted(p.table) + " and renaming " +
                              quoted(p.by) + " into its place at line " + std::to_string(p.line) +
                              " replaces it: its values are lost unless " + quoted(p.by) +
                              " holds a copy of them, and code already deployed reads and writes " +
                              quoted(p.by) + " under the old name from then on")
          .help(
              "If the column is converted by copy, check that the copy is complete and that deployed code "
              "accepts the new column's type; otherwise keep the old column until nothing uses it.")
          .conditional();
    }
    pending_.clear();
  }

  static void report_plain(engine::RuleContext& ctx, TextRange range, const std::string& name,
                           const ir::QualifiedName& table) {
    ctx.report(range,
               "dropping column " + quoted(name) + " of " + quoted(table) +
                   " destroys its data for good, and code already deployed that reads or writes it breaks")
        .help(
            "Remove every use of the column from the application and deploy that first; drop the column in "
            "a "
            "later migration once nothing references it.");
  }
};

DDLINT_DEFINE_RULE(DropColumn)

}  // namespace ddlint::rules
