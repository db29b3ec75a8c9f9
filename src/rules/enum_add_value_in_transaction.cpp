#include <string>
#include <utility>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

namespace {

// `value` as an SQL string literal.
std::string literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

}  // namespace

// Before PostgreSQL 12 the statement itself fails in a transaction block
// (the lock model says so; concurrently-in-transaction leaves it to this
// rule). From 12 on it only fails when a later statement of the same
// transaction uses the new value, reported once per ADD VALUE at the
// ALTER TYPE, naming the first such statement.
class EnumAddValueInTransaction final : public engine::Rule {
  void onAlterEnum(const ir::AlterEnum& s, engine::RuleContext& ctx) override {
    if (s.rename_value) return;
    const auto& f = ctx.here();
    if (!f.in_transaction) return;
    // An enum created in the same transaction may get values and use them
    // at once (in every version).
    for (size_t j = f.transaction_start; j < ctx.statement_index(); ++j)
      if (const auto* o = ctx.file().statements[j].as<ir::Opaque>();
          o && !o->creates.empty() && analysis::same_table(o->creates, s.type))
        return;
    const std::string where = transaction_where(f);
    const std::string help =
        "Run ALTER TYPE ... ADD VALUE in its own migration (outside a transaction before PostgreSQL 12), and "
        "use "
        "the new value only in a later migration, after it has been committed.";
    if (f.effect.no_transaction_block) {
      ctx.report(ctx.statement().range, "adding a value to enum " + quoted(s.type) + " runs " + where +
                                            ": before PostgreSQL 12 ALTER TYPE ... ADD VALUE cannot run in a "
                                            "transaction block, so the migration fails at deploy")
          .help(help);
      return;
    }
    if (s.value.empty()) return;
    const std::string lit = literal(s.value);
    const auto& stmts = ctx.file().statements;
    for (size_t k = ctx.statement_index() + 1;
         k < stmts.size() && ctx.facts().at(k).transaction_start == f.transaction_start; ++k) {
      // Another ADD VALUE naming the same label (of another enum) is no use of it.
      if (stmts[k].as<ir::AlterEnum>()) continue;
      const auto text = ctx.text(stmts[k].range);
      if (text.find(lit) == std::string_view::npos) continue;
      std::string message = "adds " + lit + " to enum " + quoted(s.type);
      message += " " + where;
      message += ", and `" + statement_snippet(text);
      message +=
          "` uses the new value before COMMIT: PostgreSQL rejects that (\"unsafe use of new value\"), so the "
          "migration fails at deploy";
      ctx.report(ctx.statement().range, std::move(message)).help(help);
      return;
    }
  }
};

DDLINT_DEFINE_RULE(EnumAddValueInTransaction)

}  // namespace ddlint::rules
