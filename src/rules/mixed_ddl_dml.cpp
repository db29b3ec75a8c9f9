#include <cstdint>
#include <string>
#include <string_view>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
#include "rules/row_selection.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

namespace {

// Statements that change data rather than the schema, or that only take
// locks (LOCK TABLE) or maintain storage (VACUUM, CLUSTER, REINDEX, REFRESH):
// never the schema-change side.
bool schema_change_kind(const ir::Statement& st) {
  switch (st.kind()) {
    case ir::StmtKind::Update:
    case ir::StmtKind::Delete:
    case ir::StmtKind::Insert:
    case ir::StmtKind::Truncate:
    case ir::StmtKind::LockTable:
    case ir::StmtKind::Vacuum:
    case ir::StmtKind::Cluster:
    case ir::StmtKind::Reindex:
    case ir::StmtKind::RefreshMatView:
    case ir::StmtKind::Transaction:
    case ir::StmtKind::SetSetting:
      return false;
    default:
      return true;
  }
}

}  // namespace

// Reported once per migration section, at the first statement of whichever
// kind (schema change on an existing table, data change on an existing table)
// comes second, naming the first statement of the other kind.
class MixedDdlDml final : public engine::Rule {
  struct Found {
    size_t statement = SIZE_MAX;
    std::string what;  // "blocks writes on `users`", "updates `users`"
  };

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& stmts = ctx.file().statements;
    size_t section = SIZE_MAX;
    Found ddl;
    Found dml;
    bool reported = false;
    for (size_t i = 0; i < stmts.size(); ++i) {
      const auto& f = ctx.facts().at(i);
      if (f.section != section) {
        section = f.section;
        ddl = dml = Found{};
        reported = false;
      }
      if (reported) continue;
      // Found without its words, which only a finding needs (most sections
      // with a schema change have no data change): they are read again then.
      if (ddl.statement == SIZE_MAX) ddl = schema_change(ctx, i, false);
      if (dml.statement == SIZE_MAX) dml = data_change(ctx, i, false);
      if (ddl.statement != SIZE_MAX && dml.statement != SIZE_MAX) {
        report(ctx, schema_change(ctx, ddl.statement, true), data_change(ctx, dml.statement, true));
        reported = true;
      }
    }
  }

  // A statement whose lock blocks reads or writes on an existing table
  // (`words`: with what it does, else only which statement).
  static Found schema_change(const engine::RuleContext& ctx, size_t i, bool words) {
    const auto& st = ctx.file().statements[i];
    if (!schema_change_kind(st)) return {};
    // A dropped table is gone at COMMIT: its lock holds nothing up for long,
    // and no data change can run on it. (The table of a dropped index stays.)
    const auto* drop = st.as<ir::Drop>();
    for (const auto& e : ctx.facts().at(i).effect.tables) {
      // MySQL DDL that runs in place or instantly still waits for an
      // exclusive metadata lock (TableEffect::waiting), queueing all traffic.
      const bool blocks = analysis::blocks_traffic(e.blocks);
      if (!blocks && !analysis::blocks_traffic(e.waiting)) continue;
      if (drop && e.object != ir::ObjectKind::Index && e.index_name().empty()) continue;
      std::string name;
      if (e.object == ir::ObjectKind::Index) {
        // An index created earlier in the file belongs to a new table or to
        // an existing one; an index not created here is on an existing table.
        const ir::QualifiedName* table = ctx.facts().created_index_table(e.table, i);
        if (table && !ctx.facts().is_existing(*table, i)) continue;
        if (!words) return {i, {}};
        name = table ? quoted(*table) : "the table of index " + quoted(e.table);
      } else {
        if (!ctx.facts().is_existing(e.table, i)) continue;
        if (!words) return {i, {}};
        name = relation_name(e.object, e.table);
      }
      return {i, blocks ? std::string(analysis::describe(e.blocks)) + " on " + name
                        : "takes an exclusive metadata lock on " + name +
                              " that queues all its traffic while it waits"};
    }
    return {};
  }

  // UPDATE, DELETE or INSERT ... SELECT on an existing table (`words`: with
  // what it does, else only which statement).
  static Found data_change(const engine::RuleContext& ctx, size_t i, bool words) {
    const auto& st = ctx.file().statements[i];
    const ir::QualifiedName* table = nullptr;
    std::string_view verb;
    // Changing given rows (`WHERE id = 5`, `WHERE name = 'schema.version'`)
    // is bookkeeping, not a backfill.
    if (const auto* u = st.as<ir::Update>()) {
      if (u->has_where && point_selection(u->selection)) return {};
      table = &u->table;
      verb = "updates";
    } else if (const auto* d = st.as<ir::Delete>()) {
      if (d->has_where && point_selection(d->selection)) return {};
      table = &d->table;
      verb = "deletes from";
    } else if (const auto* n = st.as<ir::Insert>(); n && n->from_select) {
      table = &n->table;
      verb = "copies rows into";
    }
    if (!table || table->empty() || bookkeeping_table(*table) || !ctx.facts().is_existing(*table, i))
      return {};
    if (!words) return {i, {}};
    std::string what(verb);
    what += ' ';
    what += quoted(*table);
    return {i, std::move(what)};
  }

  // The statement runs outside any transaction the file opens, in a section
  // whose runner (and so whether it wraps the section) is unknown.
  // A file with transaction control of its own (BEGIN, COMMIT) runs what is
  // outside its blocks without a transaction.
  static bool runner_unknown(const engine::RuleContext& ctx, const analysis::StatementFacts& f) {
    if (f.tx != analysis::TxSource::None || f.transaction_start != SIZE_MAX ||
        ctx.facts().plan().sections[f.section].tx != analysis::TxMode::Unknown)
      return false;
    for (const auto& st : ctx.file().statements)
      if (st.as<ir::Transaction>()) return false;
    return true;
  }

  static void report(engine::RuleContext& ctx, const Found& ddl, const Found& dml) {
    const auto& stmts = ctx.file().statements;
    const size_t later = ddl.statement > dml.statement ? ddl.statement : dml.statement;
    const auto& fa = ctx.facts().at(ddl.statement);
    const auto& fb = ctx.facts().at(dml.statement);
    const bool same_tx = fa.transaction_start != SIZE_MAX && fa.transaction_start == fb.transaction_start;
    const std::string ddl_text = "`" + statement_snippet(ctx.text(stmts[ddl.statement].range)) + "`";
    const std::string dml_text = "`" + statement_snippet(ctx.text(stmts[dml.statement].range)) + "`";
    const std::string in_one =
        ddl.statement < dml.statement
            ? "the schema change's lock stays held until COMMIT, through the whole data change"
            : "the rows the data change touched stay locked until COMMIT, while the schema change waits for "
              "its lock and then holds it";
    const std::string apart =
        "a failure of one leaves the other applied, and the data change cannot be retried, batched or "
        "throttled on its own";
    std::string cost;
    if (same_tx)
      cost = "in one transaction, " + in_one;
    else if (!fa.effect.implicit_commit && !fb.effect.implicit_commit && runner_unknown(ctx, fa) &&
             runner_unknown(ctx, fb))
      // Neither the runner nor the file says whether a transaction wraps
      // them (and neither commits on its own, as MySQL DDL does): both
      // outcomes are costs.
      cost = "if the runner wraps the migration in one transaction, " + in_one + "; if not, " + apart +
             " (ddlint does not know the runner: set `runner` in the config or --runner)";
    else
      cost = apart;
    ctx.report(stmts[later].range, "this migration mixes a schema change on an existing table (" + ddl_text +
                                       ", which " + ddl.what + ") with a data change on an existing table (" +
                                       dml_text + ", which " + dml.what + "): " + cost)
        .help(
            "Put the data change (backfill) in its own migration, or in a batched job run after the schema "
            "change is deployed; keep schema changes on existing tables in migrations of their own.");
  }
};

DDLINT_DEFINE_RULE(MixedDdlDml)

}  // namespace ddlint::rules
