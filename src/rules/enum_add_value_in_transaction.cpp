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
    for (auto c = created_.rbegin(); c != created_.rend() && c->second >= f.transaction_start; ++c)
      if (analysis::same_table(c->first, s.type)) return;
    const std::string where = transaction_where(f);
    if (f.effect.no_transaction_block) {
      ctx.report(ctx.statement().range, "adding a value to enum " + quoted(s.type) + " runs " + where +
                                            ": before PostgreSQL 12 ALTER TYPE ... ADD VALUE cannot run in a "
                                            "transaction block, so the migration fails at deploy")
          .help(kHelp);
      return;
    }
    if (s.value.empty()) return;
    // Reported at the first later statement of the transaction whose text
    // holds the literal (another ADD VALUE naming the same label, of another
    // enum, is no use of it), if any.
    if (uses_.transaction != f.transaction_start) uses_.clear();  // those of an earlier transaction
    std::string lit = literal(s.value);
    uses_.longest = std::max(uses_.longest, lit.size());
    uses_.waiting[lit].push_back(uses_.pending.size());
    uses_.pending.push_back(
        {ctx.statement().range, "adds " + lit + " to enum " + quoted(s.type) + " " + where + ", and `"});
    uses_.transaction = f.transaction_start;
  }

  static constexpr const char* kHelp =
      "Run ALTER TYPE ... ADD VALUE in its own migration (outside a transaction before PostgreSQL 12), and "
      "use "
      "the new value only in a later migration, after it has been committed.";

  // The types created so far (each with its statement) from the start of the
  // visited statement's transaction on.
  std::vector<std::pair<ir::QualifiedName, size_t>> created_;

  // The ADD VALUEs of the open transaction waiting for a later statement of
  // it that uses their value, by literal. A literal is a quote, the value
  // with each quote doubled, and a quote: every match of one in a statement's
  // text starts at a quote and ends at a quote reached from there over pairs
  // of quotes, so the text is read once, from each quote, for the literals
  // waited for (a statement holds a literal exactly when it is found so).
  struct Pending {
    TextRange range;      // the ALTER TYPE
    std::string message;  // up to the user's snippet
  };
  struct Uses {
    size_t transaction = SIZE_MAX;
    size_t longest = 0;
    std::vector<Pending> pending;
    std::unordered_map<std::string, std::vector<size_t>> waiting;  // literal -> pending, in order
    void clear() {
      pending.clear();
      waiting.clear();
      longest = 0;
    }
  };
  Uses uses_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const auto& f = ctx.here();
    if (const auto* o = st.as<ir::Opaque>(); o && !o->creates.empty()) {
      // Those created before the transaction can no longer count.
      std::erase_if(created_, [&](const auto& c) { return c.second < f.transaction_start; });
      created_.emplace_back(ir::QualifiedName{o->creates.schema, o->creates.name, {}}, ctx.statement_index());
    }
    if (uses_.waiting.empty()) return;
    if (f.transaction_start != uses_.transaction) {
      uses_.clear();  // the transaction ended with no use of them
      return;
    }
    if (st.as<ir::AlterEnum>()) return;
    const std::string_view text = ctx.text(st.range);
    for (size_t p = text.find('\''); p != std::string_view::npos && !uses_.waiting.empty();
         p = text.find('\'', p + 1))
      for (size_t j = p + 1; j < text.size() && j - p < uses_.longest; ++j) {
        if (text[j] != '\'') continue;
        const auto it = uses_.waiting.find(std::string(text.substr(p, j - p + 1)));
        if (it != uses_.waiting.end()) {
          for (const size_t k : it->second) {
            Pending& use = uses_.pending[k];
            use.message += statement_snippet(text);
            use.message +=
                "` uses the new value before COMMIT: PostgreSQL rejects that (\"unsafe use of new value\"), "
                "so "
                "the migration fails at deploy";
            ctx.report(use.range, std::move(use.message)).help(kHelp);
          }
          uses_.waiting.erase(it);
        }
        if (j + 1 >= text.size() || text[j + 1] != '\'') break;
        ++j;  // a doubled quote: the value goes on
      }
  }
};

DDLINT_DEFINE_RULE(EnumAddValueInTransaction)

}  // namespace ddlint::rules
