#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

class ValidateInSameTransaction final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    for (const auto& a : s.actions)
      if (a.kind == ir::AlterKind::ValidateConstraint) check(s, a, ctx);
  }

  void check(const ir::AlterTable& s, const ir::AlterAction& a, engine::RuleContext& ctx) {
    if (!ctx.is_existing_table(s.table)) return;
    const auto& f = ctx.here();
    const auto& stmts = ctx.file().statements;
    const std::string c = a.name.empty() ? "the constraint" : quoted(a.name);
    const std::string help =
        "Commit after the ADD ... NOT VALID (and after any other statement that locks the table), and "
        "validate "
        "in a transaction of its own: VALIDATE CONSTRAINT alone lets reads and writes continue.";
    // Other actions of the same ALTER TABLE take their lock for the scan too.
    for (const auto& e : f.effect.tables)
      if (analysis::same_table(e.table, s.table) && analysis::blocks_traffic(e.blocks)) {
        ctx.report(a.range, "validates " + c + " in an ALTER TABLE whose other actions take " + e.mode +
                                " on " + quoted(s.table) + ": the validating scan runs under that lock and " +
                                std::string(analysis::describe(e.blocks)) + " for its whole length")
            .help(help);
        return;
      }
    if (f.transaction_start == SIZE_MAX) return;
    if (!built_) build(ctx);
    const size_t i = ctx.statement_index();
    // The ADD ... NOT VALID of this very constraint, earlier in the transaction.
    if (const auto it = not_valid_.find({s.table.name, a.name}); !a.name.empty() && it != not_valid_.end())
      for (auto j = first_from(it->second, f.transaction_start); j != it->second.end() && *j < i; ++j) {
        if (!analysis::same_table(stmts[*j].as<ir::AlterTable>()->table, s.table)) continue;
        const auto& held = ctx.facts().at(*j).effect.tables;
        std::string mode = "its lock";
        std::string blocks = "blocks other sessions";
        for (const auto& e : held)
          if (analysis::same_table(e.table, s.table)) {
            mode = e.mode;
            blocks = std::string(analysis::describe(e.blocks));
          }
        std::string message = "validates " + c;
        message += " in the same transaction that added it NOT VALID: the " + mode;
        message += " lock the ADD took on " + quoted(s.table);
        message += " is still held, so the validating scan " + blocks;
        message += " for its whole length, which is what NOT VALID was meant to avoid";
        ctx.report(a.range, std::move(message)).help(help);
        return;
      }
    // Any other lock on the table that blocks writes, earlier in the transaction.
    if (const auto it = blocking_.find(s.table.name); it != blocking_.end())
      for (auto k = first_from(it->second, f.transaction_start); k != it->second.end() && k->first < i; ++k) {
        const size_t j = k->first;
        const auto& e = ctx.facts().at(j).effect.tables[k->second];
        if (!analysis::same_table(e.table, s.table)) continue;
        ctx.report(a.range, "validates " + c + " while the transaction holds " + e.mode + " on " +
                                quoted(s.table) + " (taken by `" +
                                statement_snippet(ctx.text(stmts[j].range)) +
                                "`): the validating scan runs under that lock, which " +
                                std::string(analysis::describe(e.blocks)) + " for its whole length")
            .help(help);
        return;
      }
  }

  // The statements (in source order) that could hold what a VALIDATE looks
  // for earlier in its transaction, indexed once per file instead of read
  // back to the transaction's start at each VALIDATE: the ADD CONSTRAINT
  // ... NOT VALID actions by table name and constraint name, and the
  // effects that block traffic by table name (statement, effect).
  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    for (size_t j = 0; j < stmts.size(); ++j) {
      if (const auto* at = stmts[j].as<ir::AlterTable>())
        for (const auto& b : at->actions)
          if (b.kind == ir::AlterKind::AddConstraint && b.constraint && b.constraint->not_valid) {
            auto& list = not_valid_[{at->table.name, b.constraint->name}];
            if (list.empty() || list.back() != j) list.push_back(j);
          }
      const auto& effects = ctx.facts().at(j).effect.tables;
      for (size_t k = 0; k < effects.size(); ++k)
        if (analysis::blocks_traffic(effects[k].blocks)) blocking_[effects[k].table.name].emplace_back(j, k);
    }
  }

  static std::vector<size_t>::const_iterator first_from(const std::vector<size_t>& list, size_t start) {
    return std::lower_bound(list.begin(), list.end(), start);
  }
  static std::vector<std::pair<size_t, size_t>>::const_iterator first_from(
      const std::vector<std::pair<size_t, size_t>>& list, size_t start) {
    return std::lower_bound(list.begin(), list.end(), start,
                            [](const std::pair<size_t, size_t>& x, size_t at) { return x.first < at; });
  }

  struct PairHash {
    size_t operator()(const std::pair<std::string, std::string>& k) const {
      return std::hash<std::string>()(k.first) * 31 + std::hash<std::string>()(k.second);
    }
  };
  bool built_ = false;
  std::unordered_map<std::pair<std::string, std::string>, std::vector<size_t>, PairHash> not_valid_;
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> blocking_;
};

DDLINT_DEFINE_RULE(ValidateInSameTransaction)

}  // namespace ddlint::rules
