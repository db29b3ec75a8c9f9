#include "rules/annotation_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class MissingLockAnnotation final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    if (ctx.annotations().has_locks) return;
    std::string list;
    std::string example;
    size_t first = SIZE_MAX;
    for (const auto& c : existing_table_costs(ctx)) {
      if (!analysis::blocks_traffic(c.blocks)) continue;
      first = std::min(first, c.first_blocking);
      if (!list.empty()) {
        list += ", ";
        example += ", ";
      }
      list += quoted(c.table) + " (" + std::string(analysis::describe(c.blocks)) + ")";
      example += c.table.display() + " (" +
                 (c.blocks == analysis::Blocks::ReadsAndWrites ? "exclusive" : "write") + ")";
    }
    if (first == SIZE_MAX) return;
    ctx.report(ctx.file().statements[first].range,
               "this migration takes locks that block other sessions on existing tables but does not declare "
               "them: " +
                   list)
        .help("Declare the locks in a comment at the top of the file: `-- Locks: " + example + "`.");
  }
};

DDLINT_DEFINE_RULE(MissingLockAnnotation)

}  // namespace ddlint::rules
