#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class ConcurrentlyInTransaction final : public engine::Rule {
  // How to run the statement outside a transaction with this file's runner.
  static std::string advice(const engine::RuleContext& ctx) {
    const auto& f = ctx.here();
    if (f.tx == analysis::TxSource::Explicit)
      return "Move this statement out of BEGIN ... COMMIT, into a migration that runs without a transaction.";
    if (f.tx == analysis::TxSource::Implicit)
      return "Put this statement in a migration of its own, as its only statement: a one-statement query "
             "string "
             "runs without a transaction.";
    switch (ctx.facts().plan().runner) {
      case analysis::Runner::Goose:
        return "Move this statement to a migration of its own and mark that file `-- +goose NO TRANSACTION`.";
      case analysis::Runner::Sqlx:
        return "Move this statement to a migration of its own whose first line is `-- no-transaction` (sqlx "
               "then "
               "runs the file without its transaction).";
      case analysis::Runner::Flyway:
        return "Move this statement to a migration of its own (a V<version>__<description>.sql with no other "
               "statement): Flyway runs such a migration without a transaction.";
      case analysis::Runner::Atlas:
        return "Move this statement to a migration of its own that starts with `-- atlas:txmode none` and a "
               "blank line (Atlas then runs the file without a transaction).";
      case analysis::Runner::Liquibase:
        return "Move this statement to a changeset of its own marked `runInTransaction:false`.";
      case analysis::Runner::Dbmate:
        return "Move this statement to a migration of its own, as the only statement of a section marked "
               "`-- migrate:up transaction:false` (dbmate sends such a section as one query string).";
      default:
        return "Run this statement in its own migration without a transaction (turn the runner's transaction "
               "off for that file) and keep it outside BEGIN ... COMMIT.";
    }
  }

  void check(engine::RuleContext& ctx) {
    const auto& f = ctx.here();
    if (!f.effect.no_transaction_block || !f.in_transaction) return;
    if (f.refused_mix && f.tx == analysis::TxSource::Runner) {
      // Flyway: the runner reads the whole migration before it runs any of it.
      ctx.report(ctx.statement().range,
                 f.effect.no_transaction_reason() +
                     " cannot run in a transaction and the other statements of this migration run in one: " +
                     std::string(analysis::runner_name(ctx.facts().plan().runner)) +
                     " refuses a migration that mixes the two (unless `mixed` is set), so " +
                     (f.down ? "the down migration fails when it is run" : "the migration fails at deploy"))
          .help(advice(ctx));
      return;
    }
    const std::string where = transaction_where(f);
    ctx.report(ctx.statement().range,
               f.effect.no_transaction_reason() + " cannot run " + where +
                   (f.down ? ": the down migration fails when it is run" : ": the migration fails at deploy"))
        .help(advice(ctx));
  }
  void onCreateIndex(const ir::CreateIndex&, engine::RuleContext& ctx) override { check(ctx); }
  void onDrop(const ir::Drop&, engine::RuleContext& ctx) override { check(ctx); }
  void onReindex(const ir::Reindex&, engine::RuleContext& ctx) override { check(ctx); }
  void onVacuum(const ir::Vacuum&, engine::RuleContext& ctx) override { check(ctx); }
  void onCluster(const ir::Cluster&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }
  void onOpaque(const ir::Opaque&, engine::RuleContext& ctx) override { check(ctx); }
  // ALTER TYPE ... ADD VALUE has its own rule (enum-add-value-in-transaction).
};

DDLINT_DEFINE_RULE(ConcurrentlyInTransaction)

}  // namespace ddlint::rules
