#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string_view last_part(std::string_view name) {
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

ir::QualifiedName copy_of(const ir::QualifiedName& n) { return ir::QualifiedName{n.schema, n.name, {}}; }

}  // namespace

class DropTable final : public engine::Rule {
 public:
  // Its end hook reports the drops of the file's last run. It observes
  // every kind of statement: any statement of another section (a statement
  // of MySQL dynamic SQL is in the section of the literal it is read from,
  // which may lie before the section of the statements around it) ends the
  // run of up migration statements a drop looks for its table's successor
  // in.
  static constexpr bool kEndAfterStatements = true;

 private:
  // An INSERT ... SELECT of the run so far: a copy of the tables it reads.
  struct Copy {
    size_t statement;
    uint32_t begin;  // where the statement starts
    ir::QualifiedName target;
    std::vector<ir::QualifiedName> sources;
  };
  // A drop of an existing table in an up migration, held until the end of
  // its run of up migration statements of one section: a later statement
  // of the run may create the table again (`DROP TABLE IF EXISTS t; CREATE
  // TABLE t ...`) or rename another table into its place (copy and rename:
  // `CREATE TABLE t_new ...; INSERT INTO t_new SELECT ... FROM t; DROP TABLE
  // t; ALTER TABLE t_new RENAME TO t`).
  struct Pending {
    TextRange where;
    size_t statement;
    ir::QualifiedName table;
    bool if_exists;
    uint32_t created_line = 0;  // the first CREATE TABLE of it after the drop (0: none)
    uint32_t renamed_line = 0;  // the first rename of another table into its place (0: none)
    ir::QualifiedName by = {};  // that table
    uint32_t copied_line = 0;   // the latest INSERT ... SELECT from it into `by` before the drop (0: none)
  };
  std::vector<Copy> copies_;      // in source order
  std::vector<Pending> pending_;  // in source order
  size_t entered_ = SIZE_MAX;     // the last statement visited
  size_t section_ = SIZE_MAX;     // its section

  // Ends the run when the visited statement is of a down migration or of
  // another section than the statement before it.
  void enter(engine::RuleContext& ctx) {
    const size_t i = ctx.statement_index();
    if (i == entered_) return;
    entered_ = i;
    const auto& here = ctx.here();
    if (here.down || here.section != section_) end_run(ctx);
    section_ = here.section;
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    // DROP TEMPORARY TABLE (MySQL) drops only this session's temporary table.
    if (s.object != ir::ObjectKind::Table || s.temporary) return;
    enter(ctx);
    const bool down = ctx.here().down;
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t)) continue;
      const TextRange where = t.range.empty() ? ctx.statement().range : t.range;
      // A down migration's statements are not a run the table is replaced in.
      if (down)
        report_plain(ctx, where, t, s.if_exists);
      else
        pending_.push_back({where, ctx.statement_index(), copy_of(t), s.if_exists});
    }
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    enter(ctx);
    if (ctx.here().down) return;
    if (const auto* in = st.as<ir::Insert>()) {
      if (in->sources.empty()) return;
      Copy c{ctx.statement_index(), st.range.begin, copy_of(in->table), {}};
      c.sources.reserve(in->sources.size());
      for (const auto& source : in->sources) c.sources.push_back(copy_of(source));
      copies_.push_back(std::move(c));
      return;
    }
    if (pending_.empty()) return;
    if (const auto* c = st.as<ir::CreateTable>()) {
      for (auto& p : pending_)
        if (p.created_line == 0 && analysis::same_table(c->table, p.table)) p.created_line = line(ctx, st);
      return;
    }
    if (!st.as<ir::AlterTable>() && !st.as<ir::Rename>()) return;
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::RenameTable) continue;
      for (auto& p : pending_) {
        if (p.renamed_line != 0 || last_part(f.new_name) != p.table.name ||
            analysis::same_table(f.table_name, p.table))
          continue;
        p.renamed_line = line(ctx, st);
        p.by = copy_of(f.table_name);
        // The latest copy from the dropped table into it before the drop.
        for (auto c = copies_.rbegin(); c != copies_.rend(); ++c) {
          if (c->statement >= p.statement || !analysis::same_table(c->target, p.by)) continue;
          if (reads(*c, p.table)) {
            p.copied_line = ctx.source().lines().position(c->begin).line;
            break;
          }
        }
      }
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override { end_run(ctx); }

  static bool reads(const Copy& c, const ir::QualifiedName& table) {
    for (const auto& source : c.sources)
      if (analysis::same_table(source, table)) return true;
    return false;
  }

  static uint32_t line(const engine::RuleContext& ctx, const ir::Statement& st) {
    return ctx.source().lines().position(st.range.begin).line;
  }

  // Reports the run's drops, in order, and forgets the run.
  void end_run(engine::RuleContext& ctx) {
    for (const auto& p : pending_) {
      const ir::QualifiedName& t = p.table;
      // IF EXISTS: the author does not know whether the table is there.
      const std::string maybe = p.if_exists ? " (if it exists)" : "";
      if (p.created_line != 0) {
        auto d =
            ctx.report(p.where, "dropping table " + quoted(t) + maybe + " and creating it again at line " +
                                    std::to_string(p.created_line) +
                                    " destroys every row it holds: code already deployed finds it empty");
        d.help(
            "If the table may hold data, keep it: ALTER it into the new shape, or copy its rows into the new "
            "table before dropping the old one. In a script that only ever installs a fresh database, "
            "suppress the finding (`-- ddlint-ignore drop-table`).");
        if (p.if_exists) d.conditional();
        continue;
      }
      if (p.renamed_line != 0) {
        const std::string copied =
            p.copied_line != 0
                ? "its rows were copied into " + quoted(p.by) + " at line " + std::to_string(p.copied_line) +
                      ", so rows written to " + quoted(t) + " after that copy are lost"
                : "no INSERT ... SELECT from it into " + quoted(p.by) +
                      " comes before the drop, so its rows are lost unless that table holds a copy";
        auto d = ctx.report(p.where, "dropping table " + quoted(t) + maybe + " and renaming " + quoted(p.by) +
                                         " into its place at line " + std::to_string(p.renamed_line) +
                                         " replaces it: " + copied +
                                         ", and code already deployed sees the new table from then on");
        d.help(
            "Copy the rows and swap the tables while writes to the old table are stopped (or lock it for the "
            "copy), or ALTER the table into its new shape in place.");
        if (p.if_exists || p.copied_line == 0) d.conditional();
        continue;
      }
      report_plain(ctx, p.where, t, p.if_exists);
    }
    pending_.clear();
    copies_.clear();
  }

  static void report_plain(engine::RuleContext& ctx, TextRange where, const ir::QualifiedName& t,
                           bool if_exists) {
    const std::string maybe = if_exists ? " (if it exists)" : "";
    auto d =
        ctx.report(where, "dropping table " + quoted(t) + maybe +
                              " destroys its data for good, and code already deployed that uses it breaks");
    d.help(
        "Stop using the table in the application first; drop it in a later migration (consider renaming it "
        "or keeping a backup until the drop is known to be safe).");
    if (if_exists) d.conditional();
  }
};

DDLINT_DEFINE_RULE(DropTable)

}  // namespace ddlint::rules
