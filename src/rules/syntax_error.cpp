#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SyntaxError final : public engine::Rule {
  void onFileStart(engine::RuleContext& ctx) override {
    // A binary or wrongly encoded file would otherwise give one finding per
    // byte run: report the first few and count the rest.
    constexpr size_t kShown = 5;
    const auto& problems = ctx.source().encoding_problems();
    for (size_t i = 0; i < problems.size() && i < kShown; ++i) {
      std::string message = problems[i].description + ": SQL files must be UTF-8";
      if (i + 1 == kShown && problems.size() > kShown)
        message +=
            " (" + std::to_string(problems.size() - kShown) + " more invalid byte sequences in this file)";
      ctx.report(problems[i].range, message)
          .help("Re-encode the file as UTF-8; ddlint read the bytes as placeholders and linted the rest.");
    }
  }
  void onSyntaxError(const ir::ParseError& e, engine::RuleContext& ctx) override {
    const int target = ctx.settings().pg_version;
    if (e.newer_version != 0 && target >= e.newer_version) return;  // newer-syntax reports it
    auto d = ctx.report(e.range, e.message);
    if (e.newer_version != 0) {
      d.help("This is " + e.newer_syntax + ", PostgreSQL " + std::to_string(e.newer_version) +
             " syntax, and the target is PostgreSQL " + std::to_string(target) +
             ": if the database runs PostgreSQL " + std::to_string(e.newer_version) +
             " or later, say so with --pg-version (or pg_version in ddlint.toml); otherwise rewrite it for "
             "PostgreSQL " +
             std::to_string(target) + ". ddlint skipped this statement and checked the others.");
      return;
    }
    d.help(
        "Fix the statement so the database can parse it; ddlint skipped this statement and checked the "
        "others.");
  }
};

DDLINT_DEFINE_RULE(SyntaxError)

}  // namespace ddlint::rules
