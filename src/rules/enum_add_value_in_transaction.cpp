#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
    // The first later statement of the transaction whose text holds the
    // literal (another ADD VALUE naming the same label, of another enum, is
    // no use of it).
    if (used_.transaction != f.transaction_start || ctx.statement_index() >= used_.end) index_uses(ctx);
    const auto it = used_.literals.find(lit);
    if (it == used_.literals.end()) return;
    const auto k = std::upper_bound(it->second.begin(), it->second.end(), ctx.statement_index());
    if (k == it->second.end()) return;
    const auto text = ctx.text(stmts[*k].range);
    std::string message = "adds " + lit + " to enum " + quoted(s.type);
    message += " " + where;
    message += ", and `" + statement_snippet(text);
    message +=
        "` uses the new value before COMMIT: PostgreSQL rejects that (\"unsafe use of new value\"), so the "
        "migration fails at deploy";
    ctx.report(ctx.statement().range, std::move(message)).help(help);
  }

  // The statements of the current statement's transaction after it (not
  // ALTER TYPE on an enum) by every string a literal of an ADD VALUE could
  // match in their text, so that each ADD VALUE looks its literal up instead
  // of searching the text of every later statement. A literal is a quote,
  // the value with each quote doubled, and a quote: every match of one
  // starts at a quote of the text and ends at a quote reached from there
  // over pairs of quotes, which is what is recorded (so a statement is
  // listed under a literal exactly when its text holds it).
  struct Uses {
    size_t transaction = SIZE_MAX - 1;  // the transaction indexed (never a statement's: none yet)
    size_t end = 0;                     // the first statement after the run indexed
    std::unordered_map<std::string, std::vector<size_t>> literals;  // statements in source order
  };
  Uses used_;

  void index_uses(const engine::RuleContext& ctx) {
    const auto& stmts = ctx.file().statements;
    const size_t tx = ctx.here().transaction_start;
    used_.transaction = tx;
    used_.literals.clear();
    // Only the literals of this run's ADD VALUEs are looked up: the others
    // are not recorded, nor longer strings (a text of many quotes in a row
    // has many).
    std::unordered_set<std::string> wanted;
    size_t longest = 0;
    for (size_t a = ctx.statement_index(); a < stmts.size() && ctx.facts().at(a).transaction_start == tx; ++a)
      if (const auto* e = stmts[a].as<ir::AlterEnum>(); e && !e->rename_value && !e->value.empty()) {
        std::string lit = literal(e->value);
        longest = std::max(longest, lit.size());
        wanted.insert(std::move(lit));
      }
    size_t k = ctx.statement_index() + 1;
    for (; k < stmts.size() && ctx.facts().at(k).transaction_start == tx; ++k) {
      if (stmts[k].as<ir::AlterEnum>()) continue;
      const std::string_view text = ctx.text(stmts[k].range);
      for (size_t p = text.find('\''); p != std::string_view::npos; p = text.find('\'', p + 1))
        for (size_t j = p + 1; j < text.size() && j - p < longest; ++j) {
          if (text[j] != '\'') continue;
          const std::string_view candidate = text.substr(p, j - p + 1);
          if (wanted.count(std::string(candidate)) == 0) {
            if (j + 1 >= text.size() || text[j + 1] != '\'') break;
            ++j;
            continue;
          }
          auto& list = used_.literals[std::string(candidate)];
          if (list.empty() || list.back() != k) list.push_back(k);
          if (j + 1 >= text.size() || text[j + 1] != '\'') break;
          ++j;  // a doubled quote: the value goes on
        }
    }
    used_.end = k;
  }

  // Read once per file (at its first ADD VALUE in a transaction) instead of
  // at each ADD VALUE: the statements that create a type, by the type's
  // name, in source order.
  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    for (size_t j = 0; j < stmts.size(); ++j)
      if (const auto* o = stmts[j].as<ir::Opaque>(); o && !o->creates.empty())
        creates_[o->creates.name].push_back(j);
  }

  bool built_ = false;
  std::unordered_map<std::string, std::vector<size_t>> creates_;
};

DDLINT_DEFINE_RULE(EnumAddValueInTransaction)

}  // namespace ddlint::rules
