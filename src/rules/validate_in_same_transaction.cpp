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
    if (f.transaction_start == SIZE_MAX || f.transaction_start != tx_) return;
    // The ADD ... NOT VALID of this very constraint, earlier in the transaction.
    if (const auto it = not_valid_.find({s.table.name, a.name}); !a.name.empty() && it != not_valid_.end())
      for (const auto& add : it->second) {
        if (!analysis::same_table({add.schema, s.table.name, {}}, s.table)) continue;
        std::string mode = "its lock";
        std::string blocks = "blocks other sessions";
        for (const auto& e : add.held)
          if (analysis::same_table({e.schema, s.table.name, {}}, s.table)) {
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
      for (const auto& e : it->second) {
        if (!analysis::same_table({e.schema, s.table.name, {}}, s.table)) continue;
        ctx.report(a.range, "validates " + c + " while the transaction holds " + modes_[e.mode] + " on " +
                                quoted(s.table) + " (taken by `" + statement_snippet(ctx.text(e.statement)) +
                                "`): the validating scan runs under that lock, which " +
                                std::string(analysis::describe(e.blocks)) + " for its whole length")
            .help(help);
        return;
      }
  }

  // What a VALIDATE looks for earlier in its transaction, kept as the
  // statements come (up or down, recovered or not) for the transaction of
  // the last one (tx_, its first statement) and dropped when a statement of
  // another transaction comes (every kind of statement is observed: any may
  // lock a table). The statements of a transaction are those from its start
  // on (a transaction's start never goes back to an earlier statement),
  // except the BEGIN or COMMIT AND CHAIN that starts it, which locks no
  // table.
  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const auto& f = ctx.here();
    if (f.transaction_start != tx_) {
      if (!not_valid_.empty()) not_valid_.clear();
      if (!blocking_.empty()) blocking_.clear();
      tx_ = f.transaction_start;
    }
    if (tx_ == SIZE_MAX) return;
    const auto& effects = f.effect.tables;
    if (const auto* at = st.as<ir::AlterTable>()) {
      const size_t i = ctx.statement_index();
      for (const auto& b : at->actions)
        if (b.kind == ir::AlterKind::AddConstraint && b.constraint && b.constraint->not_valid &&
            !b.constraint->name.empty()) {
          auto& list = not_valid_[{at->table.name, b.constraint->name}];
          if (!list.empty() && list.back().statement == i) continue;
          NotValid& add = list.emplace_back();
          add.statement = i;
          add.schema = at->table.schema;
          // The lock the statement takes on each table of that name (one
          // of them the table a VALIDATE names).
          for (const auto& e : effects)
            if (e.table.name == at->table.name) add.held.push_back({e.table.schema, e.mode, e.blocks});
        }
    }
    for (const auto& e : effects) {
      if (!analysis::blocks_traffic(e.blocks)) continue;
      auto& list = blocking_[e.table.name];
      // An earlier lock of the transaction on the same table answers first.
      bool seen = false;
      for (const auto& b : list) seen = seen || b.schema == e.table.schema;
      if (!seen) list.push_back({e.table.schema, mode_index(e.mode), e.blocks, st.range});
    }
  }

  // A lock a statement of the transaction took: on a table of the name it
  // is kept under, in this schema (empty when unqualified).
  struct Held {
    std::string schema;
    std::string mode;
    analysis::Blocks blocks = analysis::Blocks::Nothing;
  };
  // An ADD CONSTRAINT ... NOT VALID to a table (in `schema`), with the locks
  // its statement took on tables of the same name.
  struct NotValid {
    size_t statement = 0;
    std::string schema;
    std::vector<Held> held;
  };
  // The first lock that blocks traffic the transaction took on a table of
  // the name it is kept under, in this schema, and the statement that took
  // it (quoted from the text when a finding names it: the text of the
  // transaction's statements is at hand until the file is done).
  struct Blocking {
    std::string schema;
    size_t mode = 0;  // in modes_
    analysis::Blocks blocks = analysis::Blocks::Nothing;
    TextRange statement;
  };
  // The lock modes met, each once (a dialect has a handful).
  std::vector<std::string> modes_;
  size_t mode_index(const std::string& mode) {
    for (size_t k = 0; k < modes_.size(); ++k)
      if (modes_[k] == mode) return k;
    modes_.push_back(mode);
    return modes_.size() - 1;
  }
  struct PairHash {
    size_t operator()(const std::pair<std::string, std::string>& k) const {
      return std::hash<std::string>()(k.first) * 31 + std::hash<std::string>()(k.second);
    }
  };
  size_t tx_ = SIZE_MAX;  // the first statement of the transaction summarised
  // The ADD CONSTRAINT ... NOT VALID actions of the transaction by table
  // name and constraint name, in source order (one per statement).
  std::unordered_map<std::pair<std::string, std::string>, std::vector<NotValid>, PairHash> not_valid_;
  // The locks that block traffic by table name, in source order.
  std::unordered_map<std::string, std::vector<Blocking>> blocking_;
};

DDLINT_DEFINE_RULE(ValidateInSameTransaction)

}  // namespace ddlint::rules
