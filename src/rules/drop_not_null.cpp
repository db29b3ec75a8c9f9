#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DropNotNull final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::DropNotNull) continue;
      ctx.report(a.range, "DROP NOT NULL on " + quoted(s.table) + "." + quoted(a.column) +
                              " lets NULLs into a column that code already deployed may rely on always "
                              "having a value: its reads break on the first NULL")
          .help("Make every reader of " + quoted(a.column) +
                " handle NULL and deploy that first; then drop NOT NULL, with an ignore comment that "
                "records why it is safe.");
    }
  }
};

DDLINT_DEFINE_RULE(DropNotNull)

}  // namespace ddlint::rules
