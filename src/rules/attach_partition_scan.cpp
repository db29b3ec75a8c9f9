#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

// ATTACH PARTITION of an existing table with no validated CHECK constraint
// added before it: PostgreSQL scans the whole partition under an ACCESS
// EXCLUSIVE lock to prove its rows fit the bound.
class AttachPartitionScan final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    for (const auto& a : s.actions) {
      if (a.kind != ir::AlterKind::AttachPartition || a.partition_name().empty()) continue;
      if (!ctx.is_existing_table(a.partition_name())) continue;  // new and empty: nothing to scan
      if (ctx.facts().validated_check(a.partition_name(), ctx.statement_index())) continue;
      ctx.report(a.range, "attaching " + quoted(a.partition_name()) + " to " + quoted(s.table) +
                              " scans every row of " + quoted(a.partition_name()) +
                              " under an ACCESS EXCLUSIVE lock to prove it fits the partition bound (and a "
                              "DEFAULT partition, if there is one, for rows that now belong to it): reads "
                              "and writes on " +
                              quoted(a.partition_name()) + " wait for the scan")
          .help(
              "First add a CHECK constraint that matches the bound as NOT VALID, then VALIDATE CONSTRAINT "
              "(no "
              "write block), then ATTACH PARTITION (no scan), then drop the CHECK.");
    }
  }
};

DDLINT_DEFINE_RULE(AttachPartitionScan)

}  // namespace ddlint::rules
