#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SkippedInput final : public engine::Rule {
  void onSkippedInput(const ir::SkippedInput& s, engine::RuleContext& ctx) override {
    const char* help = "";
    switch (s.kind) {
      case ir::SkippedKind::ClientInput:
        help = "Input for the client program (psql, mysql) is not SQL; ddlint does not analyse it.";
        break;
      case ir::SkippedKind::DynamicSql:
        help =
            "ddlint lints a prepared statement whose text is a string literal holding one whole statement "
            "without escape sequences (`SET @s = 'ALTER TABLE ...'`, or a branch of `IF(...)`); "
            "SQL assembled with CONCAT or from variables is not seen. Write the change as a plain "
            "statement so it is linted, or review it by hand.";
        break;
      case ir::SkippedKind::Routine:
        help =
            "ddlint does not analyse stored-program bodies. A migration runner applies each migration once, "
            "so the procedure's changes can be written as plain statements (MariaDB also accepts IF [NOT] "
            "EXISTS on ADD/DROP COLUMN and INDEX) and be linted; otherwise review them by hand.";
        break;
    }
    ctx.report(s.range, s.description).help(help);
  }
};

DDLINT_DEFINE_RULE(SkippedInput)

}  // namespace ddlint::rules
