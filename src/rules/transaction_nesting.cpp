#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string keyword(const ir::Transaction& t) {
  switch (t.kind) {
    case ir::TransactionKind::Begin:
      return "BEGIN";
    case ir::TransactionKind::Commit:
      return t.chain ? "COMMIT AND CHAIN" : "COMMIT";
    case ir::TransactionKind::Rollback:
      return t.chain ? "ROLLBACK AND CHAIN" : "ROLLBACK";
    case ir::TransactionKind::Prepare:
      return "PREPARE TRANSACTION";
    default:
      return "";
  }
}

// Whether a statement's text starts with START (any case): a statement that
// opens a transaction is then written `START TRANSACTION`, else `BEGIN`.
bool starts_with_start(const engine::RuleContext& ctx, const ir::Statement& st) {
  const std::string_view text = ctx.text(st.range);
  if (text.size() < 5) return false;
  // Clearing bit 0x20 upper-cases a letter; no other byte becomes one.
  for (size_t k = 0; k < 5; ++k)
    if ((static_cast<unsigned char>(text[k]) & 0xDFU) != static_cast<unsigned char>("START"[k])) return false;
  return true;
}
// The keyword as written for a statement that opens a transaction (for
// messages only).
std::string begin_written(bool start) { return start ? "START TRANSACTION" : "BEGIN"; }
std::string begin_written(const engine::RuleContext& ctx, const ir::Statement& st) {
  return begin_written(starts_with_start(ctx, st));
}

}  // namespace

// Where the server commits implicitly (MySQL: every DDL statement and START
// TRANSACTION; ir facts: StatementFacts::committed), a BEGIN inside an open
// transaction commits it rather than being ignored, and DDL inside a BEGIN
// block commits the block: both are reported, since the block then protects
// nothing.
//
// One finding per BEGIN that PostgreSQL ignores (nested), per COMMIT or
// ROLLBACK that ends the runner's transaction, and one for the transaction
// the file leaves open (at the statement that opened it).
class TransactionNesting final : public engine::Rule {
  // A COMMIT or ROLLBACK with no transaction open in the file: the file
  // expects to run inside a transaction of the runner's, which also commits
  // whatever the file leaves open.
  bool runner_evident_ = false;

  void onTransaction(const ir::Transaction& t, engine::RuleContext& ctx) override {
    const auto& f = ctx.here();
    const bool runner = f.tx == analysis::TxSource::Runner;
    if (t.kind == ir::TransactionKind::Begin) {
      const std::string begin = begin_written(ctx, ctx.statement());
      if (f.committed == analysis::TxSource::Explicit) {
        ctx.report(
               ctx.statement().range,
               begin +
                   " inside a transaction block that is already open: the server commits the open "
                   "transaction implicitly and starts a new one, so the statements before it are committed "
                   "even if a later one fails")
            .help("Remove this " + begin +
                  ", or COMMIT the first transaction before starting the next; use SAVEPOINT name and "
                  "ROLLBACK TO SAVEPOINT name for a partial rollback point.");
        return;
      }
      if (f.committed == analysis::TxSource::Runner) {
        ctx.report(
               ctx.statement().range,
               begin +
                   " inside the transaction the migration runner opens: the server commits the runner's "
                   "transaction implicitly and starts a new one, so the statements before it are committed "
                   "even if a later one fails")
            .help(
                "Remove BEGIN and COMMIT and let the runner manage the transaction, or turn the runner's "
                "transaction off for this file.");
        return;
      }
      if (f.explicit_transaction) {
        ctx.report(ctx.statement().range,
                   "BEGIN inside a transaction block that is already open: PostgreSQL has no nested "
                   "transactions, so it ignores this BEGIN with a warning and the first COMMIT ends the "
                   "whole block")
            .help(
                "Remove this BEGIN; use SAVEPOINT name and ROLLBACK TO SAVEPOINT name for a partial "
                "rollback point.");
      } else if (runner) {
        // Reported with what the file's own COMMIT (if any) then does to the
        // runner's transaction: at the next COMMIT, ROLLBACK or PREPARE
        // TRANSACTION of the file, or at its end.
        runner_begins_.push_back(ctx.statement().range);
      }
      return;
    }
    const bool ends = t.kind == ir::TransactionKind::Commit || t.kind == ir::TransactionKind::Rollback ||
                      t.kind == ir::TransactionKind::Prepare;
    if (!ends) return;
    // No transaction open: the file expects the runner's, unless an implicit
    // commit since the last transaction statement ended the file's own.
    if (!f.in_transaction && !committed_since_transaction_) runner_evident_ = true;
    if (runner) {
      const std::string what = t.kind == ir::TransactionKind::Rollback
                                   ? "undoes everything the migration did so far and ends the transaction"
                                   : "ends the transaction";
      ctx.report(ctx.statement().range,
                 keyword(t) + " inside the transaction the migration runner opens " + what +
                     " early: the statements after it run outside any transaction, so a failure there leaves "
                     "the migration half applied, and the runner's own COMMIT finds no transaction")
          .help(
              "Remove it and let the runner commit, or turn the runner's transaction off for this file and "
              "manage the transactions in the file.");
    }
  }

  // What later findings need of the statements so far: the runner BEGINs
  // waiting for the file's next COMMIT, ROLLBACK or PREPARE TRANSACTION;
  // whether a statement since the last transaction statement committed
  // implicitly; for each statement whether it is written START ...; the
  // transaction statements (the file may leave one open).
  std::vector<TextRange> runner_begins_;
  bool committed_since_transaction_ = false;
  std::vector<size_t> start_;  // the statements written START ..., in order
  bool written_start(size_t i) const { return std::binary_search(start_.begin(), start_.end(), i); }
  struct Opener {
    TextRange range;
    bool chain = false;
    std::string keyword;
  };
  std::unordered_map<size_t, Opener> transactions_;

  void runner_begin(engine::RuleContext& ctx, TextRange range, const std::string& then) {
    ctx.report(range,
               "BEGIN inside the transaction the migration runner opens: PostgreSQL ignores it with a "
               "warning" +
                   then)
        .help(
            "Remove BEGIN and COMMIT and let the runner manage the transaction, or turn the runner's "
            "transaction off for this file.");
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const size_t i = ctx.statement_index();
    if (starts_with_start(ctx, st)) start_.push_back(i);
    if (const auto* t = st.as<ir::Transaction>()) {
      committed_since_transaction_ = false;
      transactions_[i] = {st.range, t->chain, keyword(*t)};
      if (!runner_begins_.empty() &&
          (t->kind == ir::TransactionKind::Commit || t->kind == ir::TransactionKind::Rollback ||
           t->kind == ir::TransactionKind::Prepare)) {
        const std::string then =
            ", and the " + keyword(*t) +
            " later in the file ends the runner's transaction early: the statements after it run outside "
            "any transaction, so a failure there leaves the migration half applied";
        for (const TextRange r : runner_begins_) runner_begin(ctx, r, then);
        runner_begins_.clear();
      }
      return;
    }
    const auto& f = ctx.here();
    if (f.committed == analysis::TxSource::None) return;
    committed_since_transaction_ = true;
    if (f.committed != analysis::TxSource::Explicit) return;
    // DDL inside the file's BEGIN block ends it with an implicit commit.
    const size_t start = f.committed_start;
    const std::string begin = begin_written(written_start(start));
    ctx.report(st.range,
               "this statement commits the transaction the file's " + begin +
                   " opened: the server cannot run it inside a transaction and commits implicitly before "
                   "it, so the statements before it are committed at once and a later ROLLBACK or failure "
                   "undoes neither them nor this statement")
        .help("Do not rely on the transaction: move the statement out of the " + begin +
              " ... COMMIT block, keep only data changes inside transactions, and make each DDL statement "
              "safe "
              "to run again (IF EXISTS / IF NOT EXISTS) so a failed migration can be resumed.");
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (const TextRange r : runner_begins_)
      runner_begin(ctx, r, ": the runner's transaction is the only one, and nothing here is nested");
    runner_begins_.clear();
    // A runner transaction around the section commits what the file leaves
    // open (the facts leave those out); so does one the file evidently expects.
    if (runner_evident_) return;
    for (const size_t opened : ctx.facts().unterminated_transactions()) {
      const auto it = transactions_.find(opened);
      if (it == transactions_.end()) continue;  // (the facts name transaction statements)
      const Opener& t = it->second;
      const std::string what = t.chain ? t.keyword + " starts a new transaction"
                               : ctx.settings().dialect == Dialect::MySql
                                   ? begin_written(written_start(opened)) + " opens a transaction"
                                   : "BEGIN opens a transaction";
      ctx.report(t.range,
                 what + " that the file never commits: when the session ends " +
                     (ctx.settings().dialect == Dialect::MySql ? "the server" : "PostgreSQL") +
                     " rolls back everything after it, so the migration looks applied but its changes are "
                     "lost")
          .help("Add COMMIT; at the end of the transaction.");
    }
  }
};

DDLINT_DEFINE_RULE(TransactionNesting)

}  // namespace ddlint::rules
