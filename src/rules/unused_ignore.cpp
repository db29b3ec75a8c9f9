#include "engine/catalog.h"
#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class UnusedIgnore final : public engine::Rule {
  void onSuppressionsApplied(engine::RuleContext& ctx) override {
    for (const auto& s : ctx.suppressions()) {
      const char* scope = s.file_level ? "in this file" : "on the statement it covers";
      if (s.all_rules) {
        if (!s.used[0])
          ctx.report(s.comment, std::string("this ignore comment suppresses nothing ") + scope)
              .help("Remove the comment.");
        continue;
      }
      for (size_t i = 0; i < s.rules.size(); ++i) {
        const auto id = ctx.catalog().resolve(s.rules[i]);
        if (!id) {
          ctx.report(s.rule_ranges[i], "unknown rule `" + s.rules[i] + "` in ignore comment")
              .help("Use a rule id from `ddlint rules` (squawk rule names are accepted as aliases).");
          continue;
        }
        if (s.used[i] || !ctx.rule_enabled(*id) || *id == "unused-ignore") continue;
        ctx.report(s.rule_ranges[i],
                   "`" + s.rules[i] + "` reports nothing " + scope + ", so ignoring it has no effect")
            .help("Remove `" + s.rules[i] + "` from the ignore comment.");
      }
    }
  }
};

DDLINT_DEFINE_RULE(UnusedIgnore)

}  // namespace ddlint::rules
