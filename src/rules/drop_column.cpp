#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
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

std::string folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The renames of columns in the file, by the new name (folded), each list in
// source order; and where each statement's run of up migration statements of
// its section ends. Built at the first drop that needs them, so that a file
// of many drops is read once instead of once per drop.
class Renames {
 public:
  // The statement after the drop, in the same up migration run, that renames
  // another column of the table into the dropped column's name (a column
  // replaced by a copy: add `c_new`, fill it, drop `c`, rename `c_new` to
  // `c`), or SIZE_MAX; `by` is set to the renamed column.
  size_t replaced_at(const engine::RuleContext& ctx, const ir::Fact& drop, std::string& by) {
    if (!built_) build(ctx);
    const size_t i = ctx.statement_index();
    const auto it = by_new_name_.find(folded(drop.name));
    if (it == by_new_name_.end()) return SIZE_MAX;
    const auto& list = it->second;
    auto r = std::lower_bound(list.begin(), list.end(), i,
                              [](const Rename& x, size_t at) { return x.statement < at; });
    for (; r != list.end() && r->statement < run_end_[i]; ++r) {
      // In the dropping statement itself, only the actions after the drop.
      if (r->statement == i && r->action <= drop.action) continue;
      if (!same_name(r->name, drop.name) && analysis::same_table(r->table, drop.table_name)) {
        by = r->name;
        return r->statement;
      }
    }
    return SIZE_MAX;
  }

 private:
  struct Rename {
    size_t statement;
    size_t action;
    std::string name;
    ir::QualifiedName table;
  };

  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    for (size_t k = 0; k < stmts.size(); ++k) {
      if (!renames_column(stmts[k])) continue;
      for (auto& fact : ir::facts(stmts[k]))
        if (fact.kind == ir::FactKind::RenameColumn)
          by_new_name_[folded(fact.new_name)].push_back(
              {k, fact.action, std::move(fact.name), std::move(fact.table_name)});
    }
    // run_end_[k]: the first statement from k on that is of another section
    // or of a down migration.
    run_end_.assign(stmts.size(), 0);
    for (size_t k = stmts.size(); k-- > 0;) {
      const auto& f = ctx.facts().at(k);
      if (f.down) {
        run_end_[k] = k;
      } else if (k + 1 < stmts.size() && !ctx.facts().at(k + 1).down &&
                 ctx.facts().at(k + 1).section == f.section) {
        run_end_[k] = run_end_[k + 1];
      } else {
        run_end_[k] = k + 1;
      }
    }
  }

  // Whether ir::facts(st) may have a RenameColumn: only RENAME COLUMN, an
  // ALTER TABLE's RENAME COLUMN and MySQL's CHANGE old new do (the others'
  // facts are not worked out).
  static bool renames_column(const ir::Statement& st) {
    if (const auto* r = st.as<ir::Rename>()) return r->object == ir::ObjectKind::Column;
    if (const auto* a = st.as<ir::AlterTable>())
      return std::any_of(a->actions.begin(), a->actions.end(), [](const ir::AlterAction& x) {
        return x.kind == ir::AlterKind::RenameColumn || x.kind == ir::AlterKind::ChangeColumn;
      });
    return false;
  }

  bool built_ = false;
  std::unordered_map<std::string, std::vector<Rename>> by_new_name_;
  std::vector<size_t> run_end_;
};

}  // namespace

class DropColumn final : public engine::Rule {
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override {
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::DropColumn || !ctx.is_existing_table(f.table_name)) continue;
      std::string by;
      const size_t again = renames_.replaced_at(ctx, f, by);
      if (again != SIZE_MAX) {
        const auto line = ctx.source().lines().position(ctx.file().statements[again].range.begin).line;
        ctx.report(f.range, "dropping column " + quoted(f.name) + " of " + quoted(f.table_name) +
                                " and renaming " + quoted(by) + " into its place at line " +
                                std::to_string(line) + " replaces it: its values are lost unless " +
                                quoted(by) +
                                " holds a copy of them, and code already deployed reads and writes " +
                                quoted(by) + " under the old name from then on")
            .help(
                "If the column is converted by copy, check that the copy is complete and that deployed code "
                "accepts the new column's type; otherwise keep the old column until nothing uses it.")
            .conditional();
        continue;
      }
      ctx.report(f.range,
                 "dropping column " + quoted(f.name) + " of " + quoted(f.table_name) +
                     " destroys its data for good, and code already deployed that reads or writes it breaks")
          .help(
              "Remove every use of the column from the application and deploy that first; drop the column in "
              "a "
              "later migration once nothing references it.");
    }
  }

  Renames renames_;
};

DDLINT_DEFINE_RULE(DropColumn)

}  // namespace ddlint::rules
