#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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
    if (!built_) build(ctx);
    if (const auto it = creates_.find(s.type.name); it != creates_.end())
      for (auto j = std::lower_bound(it->second.begin(), it->second.end(), f.transaction_start);
           j != it->second.end() && *j < ctx.statement_index(); ++j)
        if (analysis::same_table(ctx.file().statements[*j].as<ir::Opaque>()->creates, s.type)) return;
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
      // Another ADD VALUE naming the same label (of another enum) is no use
      // of it: a run of them is skipped at once.
      if (stmts[k].as<ir::AlterEnum>()) {
        k = skip_[k] - 1;
        continue;
      }
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

  // Read once per file (at its first ADD VALUE in a transaction) instead of
  // at each ADD VALUE: the statements that create a type, by the type's
  // name, in source order; and for each ALTER TYPE on an enum, the first
  // statement after the run of them it starts within its transaction (a
  // transaction of many ADD VALUE read all the later ones at each).
  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    for (size_t j = 0; j < stmts.size(); ++j)
      if (const auto* o = stmts[j].as<ir::Opaque>(); o && !o->creates.empty())
        creates_[o->creates.name].push_back(j);
    skip_.assign(stmts.size(), 0);
    for (size_t k = stmts.size(); k-- > 0;) {
      if (!stmts[k].as<ir::AlterEnum>()) continue;
      const size_t next = k + 1;
      skip_[k] = next < stmts.size() && stmts[next].as<ir::AlterEnum>() &&
                         ctx.facts().at(next).transaction_start == ctx.facts().at(k).transaction_start
                     ? skip_[next]
                     : next;
    }
  }

  bool built_ = false;
  std::unordered_map<std::string, std::vector<size_t>> creates_;
  std::vector<size_t> skip_;
};

DDLINT_DEFINE_RULE(EnumAddValueInTransaction)

}  // namespace ddlint::rules
