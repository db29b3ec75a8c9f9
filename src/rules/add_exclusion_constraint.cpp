#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AddExclusionConstraint final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AddConstraint || !a.constraint ||
          a.constraint->kind != ir::ConstraintKind::Exclusion)
        continue;
      const auto& k = *a.constraint;
      ctx.report(a.range, "adding " +
                              (k.name.empty() ? std::string("an EXCLUDE constraint")
                                              : "EXCLUDE constraint " + quoted(k.name)) +
                              " to " + quoted(s.table) +
                              " builds its index and checks every row against it under an ACCESS EXCLUSIVE "
                              "lock that blocks reads and writes until the build ends")
          .help(
              "An exclusion constraint can neither be built concurrently nor adopted from an existing index: "
              "define it when the table is created, or run this statement in a maintenance window.");
    }
  }
};

DDLINT_DEFINE_RULE(AddExclusionConstraint)

}  // namespace ddlint::rules
