#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class CreateIndexNonConcurrently final : public engine::Rule {
  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    if (s.concurrently || !ctx.is_existing_table(s.table)) return;
    // CREATE INDEX on a partitioned parent cannot be CONCURRENTLY; ON ONLY
    // creates an invalid parent index without building anything.
    if (s.only) return;
    const TextRange at = s.keyword_range.empty() ? ctx.statement().range : s.keyword_range;
    auto d = ctx.report({ctx.statement().range.begin, at.end},
                        "CREATE INDEX without CONCURRENTLY blocks writes to " + quoted(s.table) +
                            " for the whole index build (SHARE lock)");
    d.help("Build the index with CREATE INDEX CONCURRENTLY, outside a transaction block.");
    if (!s.keyword_range.empty())
      d.fix("Add CONCURRENTLY", Applicability::Unsafe,
            {{{s.keyword_range.end, s.keyword_range.end}, " CONCURRENTLY"}});
  }
};

DDLINT_DEFINE_RULE(CreateIndexNonConcurrently)

}  // namespace ddlint::rules
