// A bulk change of an existing table (an UPDATE/DELETE that is not limited to
// given rows, a batched backfill loop, a type change of an indexed column)
// with no ANALYZE of that table later in the same migration section.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/row_selection.h"

namespace ddlint::rules {

namespace {

// A bulk change of an existing table, with what its message says of it
// written only when it is reported (most are followed by an ANALYZE).
struct BulkChange {
  enum class Kind { Update, Delete, Loop, TypeChange };
  Kind kind = Kind::Update;
  ir::QualifiedName table;
  bool has_where = false;  // Update, Delete
  // Update, Delete with a WHERE: the columns it filters on (filtered_columns);
  // TypeChange: the indexed columns, quoted.
  std::string columns;
  bool conditional = false;  // the WHERE may select few rows
  bool followed = false;     // a later statement of the section analyzes, drops or changes the table
};

// An UPDATE/DELETE is a bulk change unless its WHERE picks given rows (a key
// or natural key, CURRENT OF) or a LIMIT bounds it to one batch: the notion
// of a backfill that backfill-fires-triggers and mixed-ddl-dml use.
bool bulk_dml(bool has_where, const ir::RowSelection& s) {
  return !(s.limit || (has_where && (s.limited_source || point_selection(s))));
}

// "this UPDATE rewrites every row of `users`", ...
std::string what(const BulkChange& c) {
  const ir::QualifiedName& table = c.table;
  switch (c.kind) {
    case BulkChange::Kind::Update:
    case BulkChange::Kind::Delete: {
      const bool update = c.kind == BulkChange::Kind::Update;
      const std::string verb = update ? "UPDATE" : "DELETE";
      if (!c.has_where)
        return "this " + verb + (update ? " rewrites every row of " : " removes every row of ") +
               quoted(table);
      const std::string& by = c.columns;
      return "this " + verb + (update ? " of " : " from ") + quoted(table) +
             " may change many rows (its WHERE " +
             (by.empty() ? std::string("does not pick given rows")
                         : "filters on " + by + " but does not pick given rows") +
             ")";
    }
    case BulkChange::Kind::Loop:
      return "this block changes rows of " + quoted(table) + " in a loop (a batched backfill)";
    case BulkChange::Kind::TypeChange:
      return "ALTER COLUMN ... TYPE drops the planner's statistics of " + c.columns +
             " (PostgreSQL removes them with the old type, even when the table is not rewritten), which " +
             (c.columns.find(',') == std::string::npos ? "is an indexed column" : "are indexed columns") +
             " of " + quoted(table);
  }
  return {};
}

// Calls `found(kind, table, has_where, selection, columns)` for each table
// statement `st` changes in bulk (before the test that the table exists,
// which depends on where the question is asked), one per table; `f` is the
// statement's facts. `columns` lists the indexed columns of a type change
// when `all_columns`, else only the first (enough to know there is one).
template <class Found>
void bulk_tables(const ir::Statement& st, const analysis::StatementFacts& f, bool all_columns,
                 Found&& found) {
  const auto counts = [](const ir::QualifiedName& t) { return !t.empty() && !bookkeeping_table(t); };
  if (const auto* u = st.as<ir::Update>()) {
    if (bulk_dml(u->has_where, u->selection) && counts(u->table))
      found(BulkChange::Kind::Update, u->table, u->has_where, &u->selection, std::string());
  } else if (const auto* d = st.as<ir::Delete>()) {
    if (bulk_dml(d->has_where, d->selection) && counts(d->table))
      found(BulkChange::Kind::Delete, d->table, d->has_where, &d->selection, std::string());
  } else if (const auto* o = st.as<ir::Opaque>()) {
    for (const auto& t : o->loop_writes)
      if (counts(t)) found(BulkChange::Kind::Loop, t, false, nullptr, std::string());
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    std::string cols;
    for (size_t k = 0; k < a->actions.size(); ++k) {
      if (a->actions[k].kind != ir::AlterKind::AlterColumnType) continue;
      const auto* old = f.old_column(k);
      if (!old || !old->indexed) continue;
      cols += (cols.empty() ? "" : ", ") + quoted(a->actions[k].column);
      if (!all_columns) break;
    }
    if (!cols.empty() && counts(a->table))
      found(BulkChange::Kind::TypeChange, a->table, false, nullptr, std::move(cols));
  }
}

}  // namespace

// Reported at the last bulk change of a table in its section, when no
// ANALYZE of it (or of the whole database) follows; an earlier change is
// covered by the later one's finding. Each statement's bulk changes wait
// for the rest of its section: an ANALYZE of the table or of the whole
// database, a DROP TABLE of it, or a later bulk change of it (when the
// table already exists at the first change) follows it, or not.
class MissingAnalyze final : public engine::Rule {
 public:
  // Its end hook reports the statements still waiting.
  static constexpr bool kEndAfterStatements = true;
  static constexpr engine::HookSet kObserved =
      engine::hook::statement(ir::StmtKind::Update) | engine::hook::statement(ir::StmtKind::Delete) |
      engine::hook::statement(ir::StmtKind::Opaque) | engine::hook::statement(ir::StmtKind::AlterTable) |
      engine::hook::statement(ir::StmtKind::Vacuum) | engine::hook::statement(ir::StmtKind::Drop);

 private:
  // A statement of the open section with bulk changes, in order.
  struct Pending {
    TextRange range;
    size_t statement;
    size_t open;  // its changes not followed yet
    std::vector<BulkChange> changes;
  };
  std::vector<Pending> pending_;
  size_t section_ = 0;  // of the statements pending
  // The changes not followed yet, by table name: (pending, change).
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> waiting_;

  void check(engine::RuleContext& ctx) {
    close_section(ctx);
    std::vector<BulkChange> changes;
    bulk_tables(ctx.statement(), ctx.here(), true,
                [&](BulkChange::Kind kind, const ir::QualifiedName& table, bool has_where,
                    const ir::RowSelection* selection, std::string columns) {
                  if (!ctx.is_existing_table(table)) return;
                  if (has_where) columns = filtered_columns(*selection);
                  changes.push_back({kind, table, has_where, std::move(columns), has_where});
                });
    if (changes.empty()) return;
    const size_t p = pending_.size();
    for (size_t k = 0; k < changes.size(); ++k) waiting_[changes[k].table.name].emplace_back(p, k);
    section_ = ctx.here().section;
    pending_.push_back({ctx.statement().range, ctx.statement_index(), changes.size(), std::move(changes)});
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    close_section(ctx);
    if (waiting_.empty()) return;
    const size_t i = ctx.statement_index();
    // Those of earlier statements that `table` follows.
    const auto follow = [&](const ir::QualifiedName& table, bool bulk) {
      const auto it = waiting_.find(table.name);
      if (it == waiting_.end()) return;
      std::erase_if(it->second, [&](const std::pair<size_t, size_t>& w) {
        Pending& p = pending_[w.first];
        BulkChange& c = p.changes[w.second];
        if (p.statement >= i || !analysis::same_table(table, c.table)) return false;
        // A later bulk change counts when the table exists at the first one.
        if (bulk && !ctx.facts().is_existing(table, p.statement)) return false;
        c.followed = true;
        --p.open;
        return true;
      });
      if (it->second.empty()) waiting_.erase(it);
    };
    if (const auto* v = st.as<ir::Vacuum>(); v && v->analyze) {
      if (v->tables.empty()) {  // the whole database
        pending_.clear();
        waiting_.clear();
        return;
      }
      for (const auto& t : v->tables) follow(t, false);
    } else if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Table) {
      for (const auto& t : d->names) follow(t, false);
    } else {
      bulk_tables(st, ctx.here(), false,
                  [&](BulkChange::Kind, const ir::QualifiedName& table, bool, const ir::RowSelection*,
                      const std::string&) { follow(table, true); });
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override { report(ctx); }

  // Reports the pending statements when the visited statement starts
  // another section.
  void close_section(engine::RuleContext& ctx) {
    if (!pending_.empty() && ctx.here().section != section_) report(ctx);
  }

  // Reports each pending statement's changes that nothing followed, in order.
  void report(engine::RuleContext& ctx) {
    for (const Pending& p : pending_) {
      if (p.open == 0) continue;
      std::vector<const BulkChange*> unanalyzed;
      for (const auto& c : p.changes)
        if (!c.followed) unanalyzed.push_back(&c);
      // Each finding's fix analyzes every table of the statement that needs
      // it, so applying any one of them (they insert at the same place) is
      // enough.
      std::vector<std::string> analyzes_needed;
      analyzes_needed.reserve(unanalyzed.size());
      for (const auto* c : unanalyzed)
        analyzes_needed.push_back(
            "ANALYZE " +
            (c->table.range.empty() ? c->table.display() : std::string(ctx.text(c->table.range))) + ";");
      for (size_t k = 0; k < unanalyzed.size(); ++k) {
        const BulkChange& c = *unanalyzed[k];
        const std::string& analyze = analyzes_needed[k];
        auto d = ctx.report(
            p.range,
            what(c) +
                ", and this migration does not run ANALYZE on it afterwards: the planner keeps estimating " +
                quoted(c.table) +
                " from statistics of the data as it was until autovacuum analyzes it, which waits for enough "
                "changed rows and a free worker, so queries may get bad plans right after the deploy" +
                (c.conditional ? ", unless the WHERE selects only a few rows" : ""));
        std::string title;
        for (const auto& a : analyzes_needed) title += (title.empty() ? "`" : " `") + a + "`";
        d.help(
             "Run `" + analyze +
             "` after the change, in the migration or right after it: it reads a sample of the table under a "
             "SHARE UPDATE EXCLUSIVE lock, which blocks neither reads nor writes.")
            .fix("Append " + title, Applicability::Unsafe, {append_after(ctx, p.range, analyzes_needed)});
        if (c.conditional) d.conditional();
      }
    }
    pending_.clear();
    waiting_.clear();
  }

  // Inserts the statements on new lines after the statement's line (after
  // its ';' and any comment that ends the line), or after the ';' when
  // another statement follows on the same line. The line break is CRLF when
  // the file has one anywhere (SourceFile::eol).
  Edit append_after(const engine::RuleContext& ctx, TextRange statement,
                    const std::vector<std::string>& statements) {
    const std::string_view src = ctx.source().text();
    const std::string_view eol = ctx.source().eol();
    uint32_t at = statement.end;
    while (at < src.size() && (src[at] == ' ' || src[at] == '\t')) ++at;
    if (at < src.size() && src[at] == ';') ++at;
    uint32_t p = at;
    while (p < src.size() && (src[p] == ' ' || src[p] == '\t')) ++p;
    const bool rest_is_comment = p + 1 < src.size() && src[p] == '-' && src[p + 1] == '-';
    std::string text;
    if (p < src.size() && src[p] != '\n' && src[p] != '\r' && !rest_is_comment) {
      for (const auto& st : statements) text += " " + st;
      return Edit{{at, at}, text};
    }
    while (p < src.size() && src[p] != '\n' && src[p] != '\r') ++p;
    for (const auto& st : statements) {
      text += eol;
      text += st;
    }
    return Edit{{p, p}, text};
  }

  void onUpdate(const ir::Update&, engine::RuleContext& ctx) override { check(ctx); }
  void onDelete(const ir::Delete&, engine::RuleContext& ctx) override { check(ctx); }
  void onOpaque(const ir::Opaque&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }
};

DDLINT_DEFINE_RULE(MissingAnalyze)

}  // namespace ddlint::rules
