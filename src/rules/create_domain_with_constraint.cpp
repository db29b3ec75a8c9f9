#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class CreateDomainWithConstraint final : public engine::Rule {
  void onCreateDomain(const ir::CreateDomain& s, engine::RuleContext& ctx) override {
    for (const auto& k : s.constraints) {
      if (k.kind != ir::ConstraintKind::Check) continue;
      ctx.report(k.range.empty() ? ctx.statement().range : k.range,
                 "domain " + quoted(s.name) +
                     " gets a CHECK constraint: changing that rule later takes ALTER DOMAIN, which re-checks "
                     "every column of every table using the domain while blocking writes to those tables")
          .help(
              "Create the domain without CHECK and put the check on the table columns (ALTER TABLE ... ADD "
              "CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT), where it can be changed "
              "without "
              "blocking writes.");
    }
  }
};

DDLINT_DEFINE_RULE(CreateDomainWithConstraint)

}  // namespace ddlint::rules
