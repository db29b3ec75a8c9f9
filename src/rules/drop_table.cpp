#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
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

// A table renamed into the place of a dropped one later in the same up
// migration run (copy and rename: `CREATE TABLE t_new ...; INSERT INTO
// t_new SELECT ... FROM t; DROP TABLE t; ALTER TABLE t_new RENAME TO t`).
struct Replacement {
  size_t at = SIZE_MAX;         // the rename
  ir::QualifiedName by;         // the table renamed into place
  size_t copied_at = SIZE_MAX;  // an INSERT ... SELECT from the dropped table into `by`, before the drop
};

// What a drop looks for around it in its up migration run, indexed once per
// file (at the first drop of an existing table) instead of read statement by
// statement at each drop: CREATE TABLE by table name, table renames by the
// new name's last part, INSERT by target table name, each in source order,
// and where each statement's run of up statements of its section starts and
// ends.
class Around {
 public:
  // The statement after the current one in the same up migration run that
  // creates `table` again (`DROP TABLE IF EXISTS t; CREATE TABLE t ...`), or
  // SIZE_MAX.
  size_t recreated_at(const engine::RuleContext& ctx, const ir::QualifiedName& table) {
    if (!built_) build(ctx);
    const size_t i = ctx.statement_index();
    const auto it = creates_.find(table.name);
    if (it == creates_.end()) return SIZE_MAX;
    for (auto k = std::upper_bound(it->second.begin(), it->second.end(), i);
         k != it->second.end() && *k < run_end_[i]; ++k)
      if (analysis::same_table(ctx.file().statements[*k].as<ir::CreateTable>()->table, table)) return *k;
    return SIZE_MAX;
  }

  Replacement replaced_by(const engine::RuleContext& ctx, const ir::QualifiedName& table) {
    if (!built_) build(ctx);
    const size_t i = ctx.statement_index();
    Replacement r;
    if (const auto it = renames_.find(table.name); it != renames_.end()) {
      auto k = std::upper_bound(it->second.begin(), it->second.end(), i,
                                [](size_t at, const Rename& x) { return at < x.statement; });
      for (; k != it->second.end() && k->statement < run_end_[i]; ++k)
        if (!analysis::same_table(k->table, table)) {
          r.at = k->statement;
          r.by = k->table;
          break;
        }
    }
    if (r.at == SIZE_MAX) return r;
    const auto it = inserts_.find(r.by.name);
    if (it == inserts_.end()) return r;
    const auto& stmts = ctx.file().statements;
    for (auto k = std::lower_bound(it->second.begin(), it->second.end(), i);
         k != it->second.begin() && *std::prev(k) >= run_begin_[i];) {
      --k;
      const auto* in = stmts[*k].as<ir::Insert>();
      if (!analysis::same_table(in->table, r.by)) continue;
      for (const auto& source : in->sources)
        if (analysis::same_table(source, table)) r.copied_at = *k;
      if (r.copied_at != SIZE_MAX) break;
    }
    return r;
  }

 private:
  struct Rename {
    size_t statement;
    ir::QualifiedName table;  // the table renamed
  };

  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    const size_t n = stmts.size();
    for (size_t k = 0; k < n; ++k) {
      if (const auto* c = stmts[k].as<ir::CreateTable>()) creates_[c->table.name].push_back(k);
      if (const auto* in = stmts[k].as<ir::Insert>()) inserts_[in->table.name].push_back(k);
      if (!stmts[k].as<ir::AlterTable>() && !stmts[k].as<ir::Rename>()) continue;
      for (auto& fact : ir::facts(stmts[k]))
        if (fact.kind == ir::FactKind::RenameTable)
          renames_[std::string(last_part(fact.new_name))].push_back({k, std::move(fact.table_name)});
    }
    // A statement's run: the statements around it of its section that are
    // not of a down migration (itself aside).
    const auto joins = [&](size_t k, size_t of) {
      return ctx.facts().at(k).section == ctx.facts().at(of).section && !ctx.facts().at(k).down;
    };
    run_end_.assign(n, n);
    for (size_t k = n; k-- > 0;) run_end_[k] = k + 1 < n && joins(k + 1, k) ? run_end_[k + 1] : k + 1;
    run_begin_.assign(n, 0);
    for (size_t k = 0; k < n; ++k) run_begin_[k] = k > 0 && joins(k - 1, k) ? run_begin_[k - 1] : k;
  }

  bool built_ = false;
  std::unordered_map<std::string, std::vector<size_t>> creates_;
  std::unordered_map<std::string, std::vector<size_t>> inserts_;
  std::unordered_map<std::string, std::vector<Rename>> renames_;
  std::vector<size_t> run_end_;    // the first statement after each one's run
  std::vector<size_t> run_begin_;  // the first statement of each one's run before it
};

}  // namespace

class DropTable final : public engine::Rule {
  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    // DROP TEMPORARY TABLE (MySQL) drops only this session's temporary table.
    if (s.object != ir::ObjectKind::Table || s.temporary) return;
    for (const auto& t : s.names) {
      if (!ctx.is_existing_table(t)) continue;
      const TextRange where = t.range.empty() ? ctx.statement().range : t.range;
      // IF EXISTS: the author does not know whether the table is there.
      const std::string maybe = s.if_exists ? " (if it exists)" : "";
      const size_t again = around_.recreated_at(ctx, t);
      if (again != SIZE_MAX) {
        const auto line = ctx.source().lines().position(ctx.file().statements[again].range.begin).line;
        auto d = ctx.report(where, "dropping table " + quoted(t) + maybe + " and creating it again at line " +
                                       std::to_string(line) +
                                       " destroys every row it holds: code already deployed finds it empty");
        d.help(
            "If the table may hold data, keep it: ALTER it into the new shape, or copy its rows into the new "
            "table before dropping the old one. In a script that only ever installs a fresh database, "
            "suppress the finding (`-- ddlint-ignore drop-table`).");
        if (s.if_exists) d.conditional();
        continue;
      }
      const Replacement r = around_.replaced_by(ctx, t);
      if (r.at != SIZE_MAX) {
        const auto& lines = ctx.source().lines();
        const auto line = [&](size_t k) {
          return std::to_string(lines.position(ctx.file().statements[k].range.begin).line);
        };
        const std::string copied =
            r.copied_at != SIZE_MAX
                ? "its rows were copied into " + quoted(r.by) + " at line " + line(r.copied_at) +
                      ", so rows written to " + quoted(t) + " after that copy are lost"
                : "no INSERT ... SELECT from it into " + quoted(r.by) +
                      " comes before the drop, so its rows are lost unless that table holds a copy";
        auto d = ctx.report(where, "dropping table " + quoted(t) + maybe + " and renaming " + quoted(r.by) +
                                       " into its place at line " + line(r.at) + " replaces it: " + copied +
                                       ", and code already deployed sees the new table from then on");
        d.help(
            "Copy the rows and swap the tables while writes to the old table are stopped (or lock it for the "
            "copy), or ALTER the table into its new shape in place.");
        if (s.if_exists || r.copied_at == SIZE_MAX) d.conditional();
        continue;
      }
      auto d =
          ctx.report(where, "dropping table " + quoted(t) + maybe +
                                " destroys its data for good, and code already deployed that uses it breaks");
      d.help(
          "Stop using the table in the application first; drop it in a later migration (consider renaming it "
          "or keeping a backup until the drop is known to be safe).");
      if (s.if_exists) d.conditional();
    }
  }

  Around around_;
};

DDLINT_DEFINE_RULE(DropTable)

}  // namespace ddlint::rules
