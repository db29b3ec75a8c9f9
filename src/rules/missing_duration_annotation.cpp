#include "rules/annotation_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class MissingDurationAnnotation final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& a = ctx.annotations();
    if (a.has_tested && !a.tested_rows)
      ctx.report(a.tested_range, "cannot read the row count `" + a.tested_text + "` in `-- Tested on:`")
          .help(
              "Write the size of the table the migration was timed on: `-- Tested on: 2M row table`, `2 "
              "million "
              "rows`, `2,000,000 rows`, `500k rows`.");
    if (a.has_duration && a.duration_seconds) return;
    std::string list;
    size_t first = SIZE_MAX;
    for (const auto& c : existing_table_costs(ctx)) {
      first = std::min(first, c.first_statement);
      // A rewrite that happens only if a column's old type is not what the
      // statement asks for is "may rewrite" (the lock is taken either way).
      std::string what = c.rewrite_certain ? "rewrites"
                         : c.rewrite       ? "may rewrite"
                         : c.scan          ? "scans"
                                           : "blocks";
      if (!list.empty()) list += ", ";
      list += what + " " + c.name();
    }
    if (first == SIZE_MAX) return;
    if (a.has_duration) {
      ctx.report(a.duration_range,
                 "cannot read the expected duration `" + a.duration_text + "`; this migration " + list)
          .help(
              "Write it as a time or a range, e.g. `-- Expected duration: 5-10 minutes`, `30s`, `2m`, `1h`.");
      return;
    }
    ctx.report(ctx.file().statements[first].range,
               "this migration " + list + " but does not declare how long it is expected to run")
        .help(
            "Declare it in a comment at the top of the file, measured on a copy of production data: "
            "`-- Expected duration: 5-10 minutes` with `-- Tested on: 2M row table`.");
  }
};

DDLINT_DEFINE_RULE(MissingDurationAnnotation)

}  // namespace ddlint::rules
