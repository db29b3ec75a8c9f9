#include "engine/rule_context.h"
#include "rules/column_types.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class CharField final : public engine::Rule {
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, [&](const ColumnType& c) { check(c, ctx); });
  }
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, [&](const ColumnType& c) { check(c, ctx); });
  }

  // char(n), character(n), character and bpchar are all "bpchar"; the quoted
  // one-byte "char" type is "char" and is not flagged.
  static void check(const ColumnType& c, engine::RuleContext& ctx) {
    if (c.type.name != "bpchar") return;
    std::string help =
        "Declare the column as `text` (or `varchar`), with a CHECK constraint such as `CHECK "
        "(char_length(" +
        c.column + ") = " + (c.type.modifiers.size() == 1 ? c.type.modifiers[0] : "n") +
        ")` if the length is a rule of the data.";
    // 36 characters is the text form of a UUID.
    if (c.type.modifiers.size() == 1 && c.type.modifiers[0] == "36")
      help += " If it holds UUIDs, declare it as `uuid` (16 bytes, validated on input).";
    ctx.report(c.type.range,
               "column " + quoted(c.column) + " of " + quoted(c.table) + " is " + written_type(ctx, c.type) +
                   ": values are padded with spaces to the declared length, and whether the padding counts "
                   "depends on the operator (`=` ignores it, LIKE and regular expressions see it, "
                   "concatenation drops it); it takes no less space than text")
        .help(std::move(help));
  }
};

DDLINT_DEFINE_RULE(CharField)

}  // namespace ddlint::rules
