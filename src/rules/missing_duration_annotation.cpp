#include <cmath>
#include <cstdlib>

#include "analysis/table_stats.h"
#include "rules/annotation_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// What the table stats say of the migration's rewrites, scans and index
// builds (empty `tables` when they know none of them).
struct StatsEstimate {
  std::string tables;      // "`orders`, `users`"
  std::string annotation;  // "`-- Expected duration: ...` with `-- Tested on: ...`"
  double seconds = 0;
};

StatsEstimate stats_estimate(const std::vector<TableCost>& costs, Dialect dialect) {
  StatsEstimate e;
  std::string sizes;
  const analysis::TableSize* largest = nullptr;
  for (const auto& c : costs) {
    if (!c.estimated) continue;
    e.seconds += c.seconds;
    if (!e.tables.empty()) e.tables += ", ";
    e.tables += "`" + analysis::shown_name(*c.size, dialect) + "`";
    if (!sizes.empty()) sizes += "; ";
    sizes += analysis::shown_name(*c.size, dialect) + " ~" + analysis::thousands(*c.size->rows) + " rows, " +
             analysis::human_bytes(c.size->bytes);
    if (largest == nullptr || *c.size->rows > *largest->rows) largest = c.size;
  }
  if (largest == nullptr) return e;
  e.annotation = "`-- Expected duration: " + analysis::human_duration(e.seconds) +
                 " (estimated from table stats: " + sizes +
                 ")` with `-- Tested on: " + analysis::thousands(*largest->rows) + " rows`";
  return e;
}

// "the table stats put the rewrites, scans and index builds of `orders` at
// about 1.6 min (an estimate from configured throughput, not a measurement)"
std::string describe(const StatsEstimate& e) {
  return "the table stats put the rewrites, scans and index builds of " + e.tables + " at " +
         analysis::human_duration(e.seconds) + " (an estimate from configured throughput, not a measurement)";
}

}  // namespace

class MissingDurationAnnotation final : public engine::Rule {
  // The up migration's costs on existing tables so far: the file's shared
  // TableCosts.

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override { add_table_costs(st, ctx); }

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& a = ctx.annotations();
    if (a.has_tested && !a.tested_rows)
      ctx.report(a.tested_range, "cannot read the row count `" + a.tested_text + "` in `-- Tested on:`")
          .help(
              "Write the size of the table the migration was timed on: `-- Tested on: 2M row table`, `2 "
              "million "
              "rows`, `2,000,000 rows`, `500k rows`.");
    if (a.has_duration && a.duration_seconds) {
      tested_below_stats(ctx);
      return;
    }
    const auto& costs = table_costs(ctx).costs();
    if (costs.empty()) return;
    // The message is written in place: what it says of the tables goes
    // straight after its start.
    std::string message;
    message.reserve(240);
    if (a.has_duration) {
      message += "cannot read the expected duration `";
      message += a.duration_text;
      message += "`; ";
    }
    message += "this migration ";
    size_t first = SIZE_MAX;
    TextRange first_range;
    for (size_t k = 0; k < costs.size(); ++k) {
      const auto& c = costs[k];
      if (c.first_statement < first) {
        first = c.first_statement;
        first_range = c.first_statement_range;
      }
      // A rewrite that happens only if a column's old type is not what the
      // statement asks for is "may rewrite" (the lock is taken either way).
      if (k > 0) message += ", ";
      message += c.rewrite_certain ? "rewrites" : c.rewrite ? "may rewrite" : c.scan ? "scans" : "blocks";
      message += ' ';
      c.append_name(message);
    }
    if (a.has_duration) {
      ctx.report(a.duration_range, std::move(message))
          .help(
              "Write it as a time or a range, e.g. `-- Expected duration: 5-10 minutes`, `30s`, `2m`, `1h`.");
      return;
    }
    const auto& stats = ctx.settings().sizes.stats;
    const StatsEstimate estimate = stats ? stats_estimate(costs, stats->dialect) : StatsEstimate{};
    message += " but does not declare how long it is expected to run";
    if (estimate.tables.empty()) {
      ctx.report(first_range, std::move(message))
          .help(
              "Declare it in a comment at the top of the file, measured on a copy of production data: "
              "`-- Expected duration: 5-10 minutes` with `-- Tested on: 2M row table`.");
      return;
    }
    message += "; ";
    message += describe(estimate);
    ctx.report(first_range, std::move(message))
        .help(
            "Declare it in a comment at the top of the file, measured on a copy of production data; until "
            "then, the estimate from the table stats: " +
            estimate.annotation + ".");
  }

  // `-- Tested on: N rows` far below the largest table the stats know among
  // those the migration rewrites, scans or blocks: the declared duration was
  // not measured at production size.
  void tested_below_stats(engine::RuleContext& ctx) const {
    const auto& a = ctx.annotations();
    const auto& stats = ctx.settings().sizes.stats;
    if (!stats || !a.has_tested || !a.tested_rows) return;
    const auto factor = ctx.option("tested_rows_factor");
    const long long f = factor.empty() ? 0 : std::atoll(factor.c_str());
    if (f <= 0) return;  // off
    const auto& costs = table_costs(ctx).costs();
    const analysis::TableSize* largest = nullptr;
    for (const auto& c : costs)
      if (c.size != nullptr && (largest == nullptr || *c.size->rows > *largest->rows)) largest = c.size;
    if (largest == nullptr) return;
    const double rows = static_cast<double>(*largest->rows);
    const double tested = *a.tested_rows;
    if (rows <= static_cast<double>(f) * tested) return;
    const std::string share =
        tested >= 1 ? "1/" + analysis::thousands(std::llround(rows / tested)) + " of the data" : "no data";
    const StatsEstimate estimate = stats_estimate(costs, stats->dialect);
    std::string help =
        "Time the migration on a copy with production-sized tables and update `-- Expected "
        "duration:` and `-- Tested on:`";
    help += estimate.tables.empty() ? "." : "; " + describe(estimate) + ", e.g. " + estimate.annotation + ".";
    ctx.report(a.tested_range, "`-- Tested on: " + a.tested_text + "` is far below `" +
                                   analysis::shown_name(*largest, stats->dialect) + "` (~" +
                                   analysis::thousands(*largest->rows) +
                                   " rows in the table stats): the expected duration was measured on " +
                                   share + ", unless the table stats are stale")
        .help(std::move(help))
        .conditional();
  }
};

DDLINT_DEFINE_RULE(MissingDurationAnnotation)

}  // namespace ddlint::rules
