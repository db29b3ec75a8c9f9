#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class ConcurrentlyInTransaction final : public engine::Rule {
  void check(engine::RuleContext& ctx) {
    const auto& f = ctx.here();
    if (!f.effect.no_transaction_block || !f.in_transaction) return;
    const std::string where = f.explicit_transaction ? "inside the BEGIN ... COMMIT block of this file"
                                                     : "inside the transaction the migration runner opens";
    ctx.report(ctx.statement().range,
               f.effect.no_transaction_reason + " cannot run " + where + ": the migration fails at deploy")
        .help(
            "Run this statement in its own migration without a transaction (e.g. disable the runner's "
            "transaction for this file) and keep it outside BEGIN ... COMMIT.");
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
