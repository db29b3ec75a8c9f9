// A bulk change of an existing table (an UPDATE/DELETE that is not limited to
// given rows, a batched backfill loop, a type change of an indexed column)
// with no ANALYZE of that table later in the same migration section.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/row_selection.h"

namespace ddlint::rules {

namespace {

// A bulk change, with what its message says of it written only when it is
// reported (most are followed by an ANALYZE).
struct BulkChange {
  enum class Kind { Update, Delete, Loop, TypeChange };
  Kind kind = Kind::Update;
  const ir::QualifiedName* table = nullptr;     // held by the statement
  const ir::RowSelection* selection = nullptr;  // Update, Delete
  bool has_where = false;                       // Update, Delete
  std::string columns;                          // TypeChange: the indexed columns, quoted
  bool conditional = false;                     // the WHERE may select few rows
};

// An UPDATE/DELETE is a bulk change unless its WHERE picks given rows (a key
// or natural key, CURRENT OF) or a LIMIT bounds it to one batch: the notion
// of a backfill that backfill-fires-triggers and mixed-ddl-dml use.
bool bulk_dml(bool has_where, const ir::RowSelection& s) {
  return !(s.limit || (has_where && (s.limited_source || point_selection(s))));
}

// "this UPDATE rewrites every row of `users`", ...
std::string what(const BulkChange& c) {
  const ir::QualifiedName& table = *c.table;
  switch (c.kind) {
    case BulkChange::Kind::Update:
    case BulkChange::Kind::Delete: {
      const bool update = c.kind == BulkChange::Kind::Update;
      const std::string verb = update ? "UPDATE" : "DELETE";
      if (!c.has_where)
        return "this " + verb + (update ? " rewrites every row of " : " removes every row of ") +
               quoted(table);
      const std::string by = filtered_columns(*c.selection);
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

// The bulk changes statement `st` makes, one per table.
std::vector<BulkChange> bulk_changes(const engine::RuleContext& ctx, size_t i) {
  const auto& st = ctx.file().statements[i];
  std::vector<BulkChange> out;
  const auto dml = [&](BulkChange::Kind kind, const ir::QualifiedName& table, bool has_where,
                       const ir::RowSelection& s) {
    if (bulk_dml(has_where, s)) out.push_back({kind, &table, &s, has_where, {}, has_where});
  };
  if (const auto* u = st.as<ir::Update>()) {
    dml(BulkChange::Kind::Update, u->table, u->has_where, u->selection);
  } else if (const auto* d = st.as<ir::Delete>()) {
    dml(BulkChange::Kind::Delete, d->table, d->has_where, d->selection);
  } else if (const auto* o = st.as<ir::Opaque>()) {
    for (const auto& t : o->loop_writes)
      out.push_back({BulkChange::Kind::Loop, &t, nullptr, false, {}, false});
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    std::string cols;
    for (size_t k = 0; k < a->actions.size(); ++k) {
      if (a->actions[k].kind != ir::AlterKind::AlterColumnType) continue;
      const auto* old = ctx.facts().at(i).old_column(k);
      if (!old || !old->indexed) continue;
      cols += (cols.empty() ? "" : ", ") + quoted(a->actions[k].column);
    }
    if (!cols.empty())
      out.push_back({BulkChange::Kind::TypeChange, &a->table, nullptr, false, std::move(cols), false});
  }
  std::erase_if(out, [&](const BulkChange& c) {
    return c.table->empty() || bookkeeping_table(*c.table) || !ctx.is_existing_table(*c.table);
  });
  return out;
}

// The tables statement `st` bulk-changes as bulk_changes says (before its
// test that the table exists, which depends on where the question is asked),
// without the messages.
std::vector<const ir::QualifiedName*> bulk_tables(const engine::RuleContext& ctx, size_t i) {
  const auto& st = ctx.file().statements[i];
  std::vector<const ir::QualifiedName*> out;
  auto row = [&](const ir::QualifiedName& t, bool has_where, const ir::RowSelection& s) {
    if (bulk_dml(has_where, s)) out.push_back(&t);
  };
  if (const auto* u = st.as<ir::Update>()) {
    row(u->table, u->has_where, u->selection);
  } else if (const auto* d = st.as<ir::Delete>()) {
    row(d->table, d->has_where, d->selection);
  } else if (const auto* o = st.as<ir::Opaque>()) {
    for (const auto& t : o->loop_writes) out.push_back(&t);
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    for (size_t k = 0; k < a->actions.size(); ++k) {
      if (a->actions[k].kind != ir::AlterKind::AlterColumnType) continue;
      const auto* old = ctx.facts().at(i).old_column(k);
      if (old && old->indexed) {
        out.push_back(&a->table);
        break;
      }
    }
  }
  std::erase_if(out, [](const ir::QualifiedName* t) { return t->empty() || bookkeeping_table(*t); });
  return out;
}

// What may follow a bulk change of a table in its section, read once per
// file: each statement's ANALYZE of named tables, DROP TABLE and bulk
// changes, by table name in source order; ANALYZE of the whole database;
// and where each statement's section ends.
class Later {
 public:
  // Whether a statement after the current one, in its section, analyzes
  // `table` (or the whole database), drops it or changes it in bulk again
  // (that one is reported instead).
  bool followed(const engine::RuleContext& ctx, const ir::QualifiedName& table) {
    if (!built_) build(ctx);
    const size_t i = ctx.statement_index();
    const size_t end = section_end_[i];
    if (i + 1 < end && next_analyze_all_[i + 1] < end) return true;
    const auto it = by_name_.find(table.name);
    if (it == by_name_.end()) return false;
    const auto& list = it->second;
    auto e = std::lower_bound(list.begin(), list.end(), i + 1,
                              [](const Event& x, size_t at) { return x.statement < at; });
    for (; e != list.end() && e->statement < end; ++e)
      if (analysis::same_table(*e->table, table) && (!e->bulk || ctx.is_existing_table(*e->table)))
        return true;
    return false;
  }

 private:
  struct Event {
    size_t statement;
    const ir::QualifiedName* table;  // held by the file's statements
    bool bulk;                       // a bulk change (counts when the table exists), else ANALYZE or DROP
  };

  void build(const engine::RuleContext& ctx) {
    built_ = true;
    const auto& stmts = ctx.file().statements;
    const size_t n = stmts.size();
    std::vector<char> analyzes_all(n, 0);
    for (size_t j = 0; j < n; ++j) {
      const auto& st = stmts[j];
      if (const auto* v = st.as<ir::Vacuum>(); v && v->analyze) {
        if (v->tables.empty()) analyzes_all[j] = 1;
        for (const auto& t : v->tables) by_name_[t.name].push_back({j, &t, false});
      }
      if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Table)
        for (const auto& t : d->names) by_name_[t.name].push_back({j, &t, false});
      for (const auto* t : bulk_tables(ctx, j)) by_name_[t->name].push_back({j, t, true});
    }
    next_analyze_all_.assign(n + 1, n);
    section_end_.assign(n, n);
    for (size_t j = n; j-- > 0;) {
      next_analyze_all_[j] = analyzes_all[j] ? j : next_analyze_all_[j + 1];
      section_end_[j] = j + 1 < n && ctx.facts().at(j + 1).section == ctx.facts().at(j).section
                            ? section_end_[j + 1]
                            : j + 1;
    }
  }

  bool built_ = false;
  std::unordered_map<std::string, std::vector<Event>> by_name_;
  std::vector<size_t> next_analyze_all_;  // the first ANALYZE of the whole database from each statement on
  std::vector<size_t> section_end_;       // the first statement of the next section
};

}  // namespace

// Reported at the last bulk change of a table in its section, when no
// ANALYZE of it (or of the whole database) follows; an earlier change is
// covered by the later one's finding.
class MissingAnalyze final : public engine::Rule {
  void check(engine::RuleContext& ctx) {
    const size_t i = ctx.statement_index();
    const auto changes = bulk_changes(ctx, i);
    if (changes.empty()) return;
    std::vector<const BulkChange*> unanalyzed;
    for (const auto& c : changes)
      if (!later_.followed(ctx, *c.table)) unanalyzed.push_back(&c);
    // Each finding's fix analyzes every table of the statement that needs
    // it, so applying any one of them (they insert at the same place) is
    // enough.
    std::vector<std::string> analyzes_needed;
    analyzes_needed.reserve(unanalyzed.size());
    for (const auto* c : unanalyzed)
      analyzes_needed.push_back(
          "ANALYZE " +
          (c->table->range.empty() ? c->table->display() : std::string(ctx.text(c->table->range))) + ";");
    for (size_t k = 0; k < unanalyzed.size(); ++k) {
      const BulkChange& c = *unanalyzed[k];
      const std::string& analyze = analyzes_needed[k];
      auto d = ctx.report(
          ctx.statement().range,
          what(c) +
              ", and this migration does not run ANALYZE on it afterwards: the planner keeps estimating " +
              quoted(*c.table) +
              " from statistics of the data as it was until autovacuum analyzes it, which waits for enough "
              "changed rows and a free worker, so queries may get bad plans right after the deploy" +
              (c.conditional ? ", unless the WHERE selects only a few rows" : ""));
      std::string title;
      for (const auto& a : analyzes_needed) title += (title.empty() ? "`" : " `") + a + "`";
      d.help("Run `" + analyze +
             "` after the change, in the migration or right after it: it reads a sample of the table under a "
             "SHARE UPDATE EXCLUSIVE lock, which blocks neither reads nor writes.")
          .fix("Append " + title, Applicability::Unsafe, {append_after(ctx, analyzes_needed)});
      if (c.conditional) d.conditional();
    }
  }

  // Inserts the statements on new lines after the statement's line (after
  // its ';' and any comment that ends the line), or after the ';' when
  // another statement follows on the same line. The line break is CRLF when
  // the file has one anywhere (looked for once per file, not per finding).
  Edit append_after(const engine::RuleContext& ctx, const std::vector<std::string>& statements) {
    const std::string_view src = ctx.source().text();
    if (eol_.empty()) eol_ = src.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const std::string& eol = eol_;
    uint32_t at = ctx.statement().range.end;
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
    for (const auto& st : statements) text += eol + st;
    return Edit{{p, p}, text};
  }

  Later later_;
  std::string eol_;  // the file's line break, once known

  void onUpdate(const ir::Update&, engine::RuleContext& ctx) override { check(ctx); }
  void onDelete(const ir::Delete&, engine::RuleContext& ctx) override { check(ctx); }
  void onOpaque(const ir::Opaque&, engine::RuleContext& ctx) override { check(ctx); }
  void onAlterTable(const ir::AlterTable&, engine::RuleContext& ctx) override { check(ctx); }
};

DDLINT_DEFINE_RULE(MissingAnalyze)

}  // namespace ddlint::rules
