#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class RenameColumn final : public engine::Rule {
  void onRename(const ir::Rename& r, engine::RuleContext& ctx) override {
    if (r.object != ir::ObjectKind::Column || !ctx.is_existing_table(r.target)) return;
    ctx.report(ctx.statement().range,
               "renaming column " + quoted(r.target) + "." + quoted(r.subname) + " to " + quoted(r.new_name) +
                   " breaks code already deployed: its queries still name " + quoted(r.subname) +
                   " and fail from the moment the migration commits")
        .help("Expand and contract instead: add " + quoted(r.new_name) +
              ", write both columns and backfill, move every reader to the new column, then drop " +
              quoted(r.subname) + " in a later release.");
  }
};

DDLINT_DEFINE_RULE(RenameColumn)

}  // namespace ddlint::rules
