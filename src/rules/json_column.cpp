#include "engine/rule_context.h"
#include "rules/column_types.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class JsonColumn final : public engine::Rule {
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }

  static bool flagged(const ir::TypeName& t) { return t.name == "json"; }
  static void check(const ColumnType& c, engine::RuleContext& ctx) {
    auto d = ctx.report(
        c.type.range,
        "column " + quoted(c.column) + " of " + quoted(c.table) + " is " + written_type(ctx, c.type) +
            ": every read re-parses the stored text, `=`, DISTINCT, GROUP BY and UNION fail on it "
            "(no equality operator), and no B-tree or GIN index can cover the column");
    d.help(
        "Declare the column as `jsonb`. Keep `json` only when the exact input text (key order, duplicate "
        "keys, white space) must be preserved.");
    // Insert "b" after the type word: json -> jsonb, json[] -> jsonb[],
    // pg_catalog.json -> pg_catalog.jsonb, "json" -> "jsonb".
    const std::string lower = type_text(ctx, c.type);
    const auto at = lower.rfind("json");
    if (at == std::string::npos) return;
    const auto pos = c.type.range.begin + static_cast<uint32_t>(at + 4);
    d.fix("Use jsonb", Applicability::Unsafe, {{{pos, pos}, "b"}});
  }
};

DDLINT_DEFINE_RULE(JsonColumn)

}  // namespace ddlint::rules
