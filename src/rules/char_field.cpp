#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/column_types.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class CharField final : public engine::Rule {
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }

  // Fixed-length, blank-padded strings: PostgreSQL's char(n) / character(n)
  // / bpchar and MySQL's CHAR(n). PostgreSQL's one-byte "char" type is not
  // one (ir::normalize gives it no kind).
  static bool flagged(const ir::TypeName& t) { return ir::type_kind(t) == ir::TypeKind::Char; }
  static void check(const ColumnType& c, engine::RuleContext& ctx) {
    const std::string n = c.type.modifiers.size() == 1 ? c.type.modifiers[0] : "n";
    if (ctx.settings().dialect == Dialect::MySql) {
      std::string help = "Declare the column as `VARCHAR(" + n +
                         ")`, with a CHECK constraint such as `CHECK (CHAR_LENGTH(" + c.column + ") = " + n +
                         ")` if the length is a rule of the data.";
      if (n == "36")
        help +=
            " If it holds UUIDs, store them as `BINARY(16)` (UUID_TO_BIN / BIN_TO_UUID; MariaDB 10.7+ has a "
            "`UUID` type).";
      static constexpr std::string_view kWhy =
          ": the server pads values with spaces to the declared length and strips "
          "trailing spaces when it reads them back, so a value written with trailing "
          "spaces comes back changed, and comparisons ignore them";
      ctx.report(c.type.range, column_message(ctx, c, kWhy)).help(std::move(help));
      return;
    }
    std::string help =
        "Declare the column as `text` (or `varchar`), with a CHECK constraint such as `CHECK "
        "(char_length(" +
        c.column + ") = " + n + ")` if the length is a rule of the data.";
    // 36 characters is the text form of a UUID.
    if (n == "36") help += " If it holds UUIDs, declare it as `uuid` (16 bytes, validated on input).";
    static constexpr std::string_view kWhy =
        ": values are padded with spaces to the declared length, and whether the padding counts "
        "depends on the operator (`=` ignores it, LIKE and regular expressions see it, "
        "concatenation drops it); it takes no less space than text";
    ctx.report(c.type.range, column_message(ctx, c, kWhy)).help(std::move(help));
  }
};

DDLINT_DEFINE_RULE(CharField)

}  // namespace ddlint::rules
