#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/row_selection.h"

namespace ddlint::rules {

namespace {

// Key columns compared only with `>` / `>=` (a range open at the top).
std::string lower_bounded_keys(const ir::RowSelection& s) {
  std::vector<std::string> cols;
  for (const auto& f : s.filters) {
    if (bounds_key(f) || !key_like(f.column)) continue;
    bool seen = false;
    for (const auto& c : cols) seen |= c == f.column;
    if (!seen) cols.push_back(f.column);
  }
  return column_list(cols);
}

}  // namespace

// Statements without WHERE are dml-without-where's; this rule looks at the
// ones whose WHERE does not bound the rows to a batch (a statement LIMIT, as
// MySQL allows, does).
class UnbatchedDml final : public engine::Rule {
  void onUpdate(const ir::Update& s, engine::RuleContext& ctx) override {
    check("UPDATE of", s.table, s.has_where, s.selection, ctx);
  }
  void onDelete(const ir::Delete& s, engine::RuleContext& ctx) override {
    check("DELETE from", s.table, s.has_where, s.selection, ctx);
  }

  static void check(const std::string& what, const ir::QualifiedName& table, bool has_where,
                    const ir::RowSelection& sel, engine::RuleContext& ctx) {
    if (!has_where || table.empty() || !ctx.is_existing_table(table) || batch_bounded(sel)) return;
    std::string selects = "its WHERE does not limit it to a key range or a LIMIT subquery";
    const std::string below = lower_bounded_keys(sel);
    const std::string by = filtered_columns(sel);
    if (!below.empty())
      selects = "its WHERE bounds " + below + " from below only";
    else if (!by.empty())
      selects = "its WHERE selects rows by " + by + ", not by a key range or a LIMIT subquery";
    ctx.report(ctx.statement().range,
               what + " " + quoted(table) + " is not bounded to a batch: " + selects +
                   ", so one statement may change any number of rows of an existing table, holding a lock "
                   "on each until commit")
        .help(
            ctx.settings().dialect == Dialect::MySql
                ? "Change the rows in batches, committing between them, outside the schema migration: bound "
                  "each statement by a primary-key range (`AND id >= 1 AND id < 10001`) or give it a LIMIT "
                  "(`... LIMIT 10000`, repeated until it changes no rows)."
                : "Change the rows in batches, committing between them, outside the schema migration: bound "
                  "each statement by a primary-key range (`AND id >= 1 AND id < 10001`) or by a LIMIT "
                  "subquery (`id IN (SELECT id FROM ... WHERE ... LIMIT 10000)`).");
  }
};

DDLINT_DEFINE_RULE(UnbatchedDml)

}  // namespace ddlint::rules
