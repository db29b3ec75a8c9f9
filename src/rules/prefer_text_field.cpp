#include <cctype>
#include <string>
#include <string_view>

#include "engine/rule_context.h"
#include "rules/column_types.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class PreferTextField final : public engine::Rule {
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }

  // varchar(n) / character varying(n); a varchar without a length is text
  // under another name and is not flagged.
  static bool flagged(const ir::TypeName& t) { return t.name == "varchar" && !t.modifiers.empty(); }
  static void check(const ColumnType& c, engine::RuleContext& ctx) {
    const std::string& n = c.type.modifiers[0];
    // The type's text is read once for the message and the fix.
    const std::string_view text = ctx.text(c.type.range);
    const std::string blanked = type_text(ctx, c.type);
    static constexpr std::string_view kWhy =
        ": a length limit in the type can only be changed with ALTER COLUMN ... TYPE, which "
        "locks the table against reads and writes, and rewrites it when the limit goes "
        "down; varchar(n) takes no less space than text";
    std::string message = column_is(c, text, blanked, kWhy.size());
    message += kWhy;
    auto d = ctx.report(c.type.range, std::move(message));
    static constexpr std::string_view kHelp =
        "Declare the column as `text`, and state a real length rule as a CHECK constraint (`CHECK "
        "(char_length(";
    static constexpr std::string_view kHelpEnd =
        ")`): a new limit can then be added NOT VALID and validated without blocking writes.";
    std::string help;
    help.reserve(kHelp.size() + c.column.size() + 4 + n.size() + kHelpEnd.size());
    help += kHelp;
    help += c.column;
    help += ") <= ";
    help += n;
    help += kHelpEnd;
    d.help(std::move(help));
    // varchar(n) -> text, keeping array brackets and the case it was written in.
    const auto bracket = blanked.find('[');
    const bool upper = std::isupper(static_cast<unsigned char>(text[0])) != 0;
    std::string replacement = upper ? "TEXT" : "text";
    if (bracket != std::string::npos) replacement += std::string(text.substr(bracket));
    d.fix("Use text", Applicability::Unsafe, {{c.type.range, replacement}});
  }
};

DDLINT_DEFINE_RULE(PreferTextField)

}  // namespace ddlint::rules
