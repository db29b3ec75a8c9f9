#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SkippedInput final : public engine::Rule {
  void onSkippedInput(const ir::SkippedInput& s, engine::RuleContext& ctx) override {
    ctx.report(s.range, s.description)
        .help("Input for a client program (psql) is not SQL; ddlint does not analyse it.");
  }
};

DDLINT_DEFINE_RULE(SkippedInput)

}  // namespace ddlint::rules
