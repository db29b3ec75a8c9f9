#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SyntaxError final : public engine::Rule {
  void onFileStart(engine::RuleContext& ctx) override {
    for (const auto& p : ctx.source().encoding_problems())
      ctx.report(p.range, p.description + ": SQL files must be UTF-8")
          .help("Re-encode the file as UTF-8; ddlint read the bytes as placeholders and linted the rest.");
  }
  void onSyntaxError(const ir::ParseError& e, engine::RuleContext& ctx) override {
    ctx.report(e.range, e.message)
        .help(
            "Fix the statement so the database can parse it; ddlint skipped this statement and checked the "
            "others.");
  }
};

DDLINT_DEFINE_RULE(SyntaxError)

}  // namespace ddlint::rules
