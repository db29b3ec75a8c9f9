#include <string>
#include <string_view>

#include "engine/rule_context.h"
#include "rules/column_types.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class PreferTimestamptz final : public engine::Rule {
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    each_column_type(s, ctx, flagged, [&](const ColumnType& c) { check(c, ctx); });
  }

  static bool flagged(const ir::TypeName& t) { return t.name == "timestamp"; }
  static void check(const ColumnType& c, engine::RuleContext& ctx) {
    const std::string_view text = ctx.text(c.type.range);
    const std::string lower = type_text(ctx, c.type);
    const auto without = lower.find("without");
    static constexpr std::string_view kImplied = " (without time zone)";
    static constexpr std::string_view kWhy =
        ": it stores a wall-clock reading with no offset, so a value names a different "
        "instant in each client's time zone, and a timestamptz such as now() is silently "
        "converted with the writing session's TimeZone";
    std::string message = column_is(c, text, lower, kImplied.size() + kWhy.size());
    if (without == std::string::npos) message += kImplied;
    message += kWhy;
    auto d = ctx.report(c.type.range, std::move(message));
    d.help(
        "Declare the column as `timestamptz` (timestamp with time zone): it stores an absolute instant and "
        "shows it in each session's time zone.");
    const uint32_t base = c.type.range.begin;
    if (without != std::string::npos) {
      // timestamp(3) without time zone -> timestamp(3) with time zone
      const uint32_t from = base + static_cast<uint32_t>(without + 4);
      d.fix("Use timestamp with time zone", Applicability::Unsafe, {{{from, from + 3}, ""}});
    } else if (const auto t = lower.rfind("timestamp"); t != std::string::npos) {
      // timestamp -> timestamptz, keeping the case it was written in
      const uint32_t at = base + static_cast<uint32_t>(t + 9);
      const bool upper = std::isupper(static_cast<unsigned char>(text[t + 8])) != 0;
      d.fix("Use timestamptz", Applicability::Unsafe, {{{at, at}, upper ? "TZ" : "tz"}});
    }
  }
};

DDLINT_DEFINE_RULE(PreferTimestamptz)

}  // namespace ddlint::rules
