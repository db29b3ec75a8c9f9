#include <string>
#include <string_view>

#include "rules/annotation_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class MissingLockAnnotation final : public engine::Rule {
  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& a = ctx.annotations();
    if (a.has_locks) {
      // A declaration that cannot be read in full is reported as such, never
      // as a mismatch (lock-annotation-mismatch skips what it cannot read).
      for (const auto& p : a.lock_problems)
        ctx.report(a.locks_range,
                   p + " in the lock annotation `" + std::string(ctx.text(a.locks_range)) + "`")
            .help(
                "Write each table as `name` or `name table`, with its lock in parentheses or after a colon: "
                "`-- Locks: users table (write lock), orders (exclusive)`, `-- Locks: users: ACCESS "
                "EXCLUSIVE`, or `-- Locks: none`.");
      return;
    }
    std::string list;
    std::string example;
    size_t first = SIZE_MAX;
    for (const auto& c : existing_table_costs(ctx)) {
      if (!analysis::blocks_traffic(c.blocks)) continue;
      first = std::min(first, c.first_blocking);
      // Appended in place (a finding names every table the file locks).
      if (!list.empty()) {
        list += ", ";
        example += ", ";
      }
      list += c.name();
      list += " (";
      list += analysis::describe(c.blocks);
      list += ')';
      if (!c.table.schema.empty()) {
        example += c.table.schema;
        example += '.';
      }
      example += c.table.name;
      example += c.index_only ? " (" : " table (";
      example += c.blocks == analysis::Blocks::ReadsAndWrites ? "exclusive lock" : "write lock";
      example += ')';
    }
    if (first == SIZE_MAX) return;
    // The header goes on its own line before the first statement.
    const std::string_view text = ctx.source().text();
    uint32_t at = ctx.file().statements.front().range.begin;
    while (at > 0 && text[at - 1] != '\n' && text[at - 1] != '\r') --at;
    const std::string header = "-- Locks: " + example;
    const std::string_view eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::string message =
        "this migration takes locks that block other sessions on existing tables but does not declare them: ";
    message += list;
    std::string help = "Declare the locks in a comment at the top of the file: `";
    help += header;
    help += "` (with `-- Expected duration: ...` and `-- Tested on: ...` beside it).";
    std::string title = "Declare the locks ddlint computes: `";
    title += header;
    title += '`';
    std::string insert;
    insert.reserve(header.size() + eol.size());
    insert += header;
    insert += eol;
    ctx.report(ctx.file().statements[first].range, std::move(message))
        .help(std::move(help))
        .fix(std::move(title), Applicability::Unsafe, {Edit{{at, at}, std::move(insert)}});
  }
};

DDLINT_DEFINE_RULE(MissingLockAnnotation)

}  // namespace ddlint::rules
