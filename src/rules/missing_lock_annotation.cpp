#include <string>
#include <string_view>

#include "rules/annotation_helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class MissingLockAnnotation final : public engine::Rule {
  // The up migration's costs on existing tables so far come from every
  // statement (of every kind: the first one's range places the fix), in the
  // file's shared TableCosts.

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override { add_table_costs(st, ctx); }

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
    // The message and the `-- Locks:` header are written in place (a finding
    // names every table the file locks): no list is built and then copied.
    static constexpr std::string_view kMessage =
        "this migration takes locks that block other sessions on existing tables but does not declare them: ";
    static constexpr std::string_view kHeader = "-- Locks: ";
    std::string message;
    std::string header;
    size_t first = SIZE_MAX;
    TextRange first_range;
    for (const auto& c : table_costs(ctx).costs()) {
      if (!analysis::blocks_traffic(c.blocks)) continue;
      if (first == SIZE_MAX) {
        message.reserve(kMessage.size() + 160);
        message += kMessage;
        header.reserve(kHeader.size() + 96);
        header += kHeader;
      } else {
        message += ", ";
        header += ", ";
      }
      if (c.first_blocking < first) {
        first = c.first_blocking;
        first_range = c.first_blocking_range;
      }
      c.append_name(message);
      message += " (";
      message += analysis::describe(c.blocks);
      message += ')';
      if (!c.table.schema.empty()) {
        header += c.table.schema;
        header += '.';
      }
      header += c.table.name;
      header += c.index_only ? " (" : " table (";
      header += c.blocks == analysis::Blocks::ReadsAndWrites ? "exclusive lock" : "write lock";
      header += ')';
    }
    if (first == SIZE_MAX) return;
    // The header goes on its own line before the first statement.
    const std::string_view text = ctx.source().text();
    uint32_t at = table_costs(ctx).first_statement().begin;
    while (at > 0 && text[at - 1] != '\n' && text[at - 1] != '\r') --at;
    const std::string_view eol = ctx.source().eol();
    static constexpr std::string_view kHelp = "Declare the locks in a comment at the top of the file: `";
    static constexpr std::string_view kHelpEnd =
        "` (with `-- Expected duration: ...` and `-- Tested on: ...` beside it).";
    std::string help;
    help.reserve(kHelp.size() + header.size() + kHelpEnd.size());
    help += kHelp;
    help += header;
    help += kHelpEnd;
    static constexpr std::string_view kTitle = "Declare the locks ddlint computes: `";
    std::string title;
    title.reserve(kTitle.size() + header.size() + 1);
    title += kTitle;
    title += header;
    title += '`';
    // The insertion takes the header over.
    header += eol;
    std::vector<Edit> edits;
    edits.push_back(Edit{{at, at}, std::move(header)});
    ctx.report(first_range, std::move(message))
        .help(std::move(help))
        .fix(std::move(title), Applicability::Unsafe, std::move(edits));
  }
};

DDLINT_DEFINE_RULE(MissingLockAnnotation)

}  // namespace ddlint::rules
