#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DetachPartitionNonConcurrently final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    // DETACH PARTITION ... CONCURRENTLY exists from PostgreSQL 14.
    if (ctx.settings().pg_version < 14 || !ctx.is_existing_table(s.table)) return;
    for (const auto& a : s.actions) {
      // FINALIZE completes an interrupted concurrent detach.
      if (a.kind != ir::AlterKind::DetachPartition || a.concurrently ||
          a.native == "AT_DetachPartitionFinalize")
        continue;
      const std::string part =
          a.partition_name().empty() ? std::string("the partition") : quoted(a.partition_name());
      ctx.report(a.range, "DETACH PARTITION " + part +
                              " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " + quoted(s.table) +
                              " that blocks reads and writes on the whole partitioned table")
          .help(
              "Detach with DETACH PARTITION ... CONCURRENTLY, outside a transaction block (not possible "
              "while "
              "the table has a DEFAULT partition); if it is interrupted, run DETACH PARTITION ... FINALIZE.")
          .fix("Add CONCURRENTLY", Applicability::Unsafe, {{{a.range.end, a.range.end}, " CONCURRENTLY"}});
    }
  }
};

DDLINT_DEFINE_RULE(DetachPartitionNonConcurrently)

}  // namespace ddlint::rules
