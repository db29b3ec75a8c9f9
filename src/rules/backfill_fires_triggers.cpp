// A backfill (UPDATE, DELETE, INSERT ... SELECT) of a table on which the
// schema model knows row triggers: they run once per row the statement
// touches.
#include <string>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/row_selection.h"

namespace ddlint::rules {

class BackfillFiresTriggers final : public engine::Rule {
  void check(engine::RuleContext& ctx, const ir::QualifiedName& table, const std::string& verb) {
    // The first few by name (StatementFacts::kTriggersNamed), then how many more.
    const auto& triggers = ctx.here().triggers();
    const size_t count = ctx.here().trigger_count();
    if (count == 0 || ctx.here().down) return;
    std::string names;
    for (size_t k = 0; k < triggers.size(); ++k) names += (k ? ", " : "") + quoted(triggers[k]);
    if (count > triggers.size()) names += " and " + std::to_string(count - triggers.size()) + " more";
    ctx.report(ctx.statement().range,
               "this " + verb + " " + quoted(table) + ", which has trigger" + (count == 1 ? " " : "s ") +
                   names + ": " + (count == 1 ? "it runs" : "they run") +
                   " for every row the statement touches (audit rows, business logic, cascading writes), "
                   "which multiplies its cost and its effects")
        .help(
            "Make sure the triggers should run for a backfill; if not, batch the backfill and have the "
            "trigger "
            "skip it (a session setting the trigger checks), rather than disabling the trigger for every "
            "session. Count the rows first: the trigger's work grows with them.");
  }

  void onUpdate(const ir::Update& s, engine::RuleContext& ctx) override {
    if (s.has_where && point_selection(s.selection)) return;  // a given row, not a backfill
    check(ctx, s.table, "UPDATE writes");
  }
  void onDelete(const ir::Delete& s, engine::RuleContext& ctx) override {
    if (s.has_where && point_selection(s.selection)) return;
    check(ctx, s.table, "DELETE removes rows of");
  }
  void onInsert(const ir::Insert& s, engine::RuleContext& ctx) override {
    if (s.from_select) check(ctx, s.table, "INSERT ... SELECT copies rows into");
  }
};

DDLINT_DEFINE_RULE(BackfillFiresTriggers)

}  // namespace ddlint::rules
