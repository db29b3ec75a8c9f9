#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropDatabase final : public engine::Rule {
  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    const bool database = s.object == ir::ObjectKind::Database;
    // A plain DROP SCHEMA fails unless the schema is empty: only CASCADE destroys data.
    if (!database && !(s.object == ir::ObjectKind::Schema && s.cascade)) return;
    for (const auto& n : s.names) {
      const TextRange at = n.range.empty() ? ctx.statement().range : n.range;
      if (database)
        ctx.report(at, "DROP DATABASE " + quoted(n) +
                           " destroys the whole database, every table and all its data, for good")
            .help(
                "Remove DROP DATABASE from the migration; retire a database in a reviewed operation with a "
                "backup.");
      else
        ctx.report(at,
                   "DROP SCHEMA " + quoted(n) +
                       " CASCADE drops every table, view, function and type in the schema, with all their "
                       "data")
            .help(
                "Drop the objects in the schema one by one, each in its own reviewed migration, then drop "
                "the empty schema without CASCADE.");
    }
  }
};

DDLINT_DEFINE_RULE(DropDatabase)

}  // namespace ddlint::rules
