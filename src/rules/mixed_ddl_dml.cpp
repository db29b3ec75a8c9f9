#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
 public:
  // Every kind but those never on either side (a Transaction statement is
  // neither, but the file's having one matters).
  static constexpr engine::HookSet kObserved =
      ((engine::HookSet{1} << engine::hook::kFileBits) - 2) &
      ~(engine::hook::statement(ir::StmtKind::Truncate) | engine::hook::statement(ir::StmtKind::LockTable) |
        engine::hook::statement(ir::StmtKind::Vacuum) | engine::hook::statement(ir::StmtKind::Cluster) |
        engine::hook::statement(ir::StmtKind::Reindex) |
        engine::hook::statement(ir::StmtKind::RefreshMatView) |
        engine::hook::statement(ir::StmtKind::SetSetting));

 private:
  // The first statement of a kind in the section, with what the finding
  // says of it.
  struct Found {
    size_t statement = SIZE_MAX;
    TextRange range;
    std::string what;  // "blocks writes on `users`", "updates `users`"
    size_t transaction_start = SIZE_MAX;
    bool implicit_commit = false;
    // It runs outside any transaction the file opens, in a section whose
    // runner (and so whether it wraps the section) is unknown: whether a
    // transaction wraps it is unknown unless the file has transaction
    // control of its own (known at the end of the file).
    bool runner_unknown = false;
  };

  size_t section_ = SIZE_MAX;
  Found ddl_;
  Found dml_;
  bool reported_ = false;  // the section's finding is made
  // The file has transaction control of its own (BEGIN, COMMIT): it runs
  // what is outside its blocks without a transaction.
  bool has_transaction_ = false;
  // The findings, one per section that has one, made at the end of the file.
  std::vector<std::pair<Found, Found>> pending_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (st.as<ir::Transaction>()) {
      has_transaction_ = true;
      return;
    }
    const size_t i = ctx.statement_index();
    const auto& f = ctx.facts().at(i);
    if (f.section != section_) {
      section_ = f.section;
      ddl_ = dml_ = Found{};
      reported_ = false;
    }
    if (reported_) return;
    if (ddl_.statement == SIZE_MAX && schema_change(st, ctx, ddl_)) found(st, ctx, ddl_);
    if (dml_.statement == SIZE_MAX && data_change(st, ctx, dml_)) found(st, ctx, dml_);
    if (ddl_.statement != SIZE_MAX && dml_.statement != SIZE_MAX) {
      pending_.emplace_back(std::move(ddl_), std::move(dml_));
      reported_ = true;
    }
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (const auto& [ddl, dml] : pending_) report(ctx, ddl, dml);
  }

  // The rest of what the finding says of the visited statement, found as
  // `out`.
  static void found(const ir::Statement& st, const engine::RuleContext& ctx, Found& out) {
    const auto& f = ctx.facts().at(ctx.statement_index());
    out.statement = ctx.statement_index();
    out.range = st.range;
    out.transaction_start = f.transaction_start;
    out.implicit_commit = f.effect.implicit_commit;
    out.runner_unknown = f.tx == analysis::TxSource::None && f.transaction_start == SIZE_MAX &&
                         ctx.facts().plan().sections[f.section].tx == analysis::TxMode::Unknown;
  }

  // A statement whose lock blocks reads or writes on an existing table (in
  // `out.what`: what it does).
  static bool schema_change(const ir::Statement& st, const engine::RuleContext& ctx, Found& out) {
    if (!schema_change_kind(st)) return false;
    const size_t i = ctx.statement_index();
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
        name = table ? quoted(*table) : "the table of index " + quoted(e.table);
      } else {
        if (!ctx.facts().is_existing(e.table, i)) continue;
        name = relation_name(e.object, e.table);
      }
      out.what = blocks ? std::string(analysis::describe(e.blocks)) + " on " + name
                        : "takes an exclusive metadata lock on " + name +
                              " that queues all its traffic while it waits";
      return true;
    }
    return false;
  }

  // UPDATE, DELETE or INSERT ... SELECT on an existing table (in `out.what`:
  // what it does).
  static bool data_change(const ir::Statement& st, const engine::RuleContext& ctx, Found& out) {
    const ir::QualifiedName* table = nullptr;
    std::string_view verb;
    // Changing given rows (`WHERE id = 5`, `WHERE name = 'schema.version'`)
    // is bookkeeping, not a backfill.
    if (const auto* u = st.as<ir::Update>()) {
      if (u->has_where && point_selection(u->selection)) return false;
      table = &u->table;
      verb = "updates";
    } else if (const auto* d = st.as<ir::Delete>()) {
      if (d->has_where && point_selection(d->selection)) return false;
      table = &d->table;
      verb = "deletes from";
    } else if (const auto* n = st.as<ir::Insert>(); n && n->from_select) {
      table = &n->table;
      verb = "copies rows into";
    }
    if (!table || table->empty() || bookkeeping_table(*table) ||
        !ctx.facts().is_existing(*table, ctx.statement_index()))
      return false;
    out.what = verb;
    out.what += ' ';
    out.what += quoted(*table);
    return true;
  }

  void report(engine::RuleContext& ctx, const Found& ddl, const Found& dml) const {
    const Found& later = ddl.statement > dml.statement ? ddl : dml;
    const bool same_tx = ddl.transaction_start != SIZE_MAX && ddl.transaction_start == dml.transaction_start;
    const std::string ddl_text = "`" + statement_snippet(ctx.text(ddl.range)) + "`";
    const std::string dml_text = "`" + statement_snippet(ctx.text(dml.range)) + "`";
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
    else if (!ddl.implicit_commit && !dml.implicit_commit && !has_transaction_ && ddl.runner_unknown &&
             dml.runner_unknown)
      // Neither the runner nor the file says whether a transaction wraps
      // them (and neither commits on its own, as MySQL DDL does): both
      // outcomes are costs.
      cost = "if the runner wraps the migration in one transaction, " + in_one + "; if not, " + apart +
             " (ddlint does not know the runner: set `runner` in the config or --runner)";
    else
      cost = apart;
    ctx.report(later.range, "this migration mixes a schema change on an existing table (" + ddl_text +
                                ", which " + ddl.what + ") with a data change on an existing table (" +
                                dml_text + ", which " + dml.what + "): " + cost)
        .help(
            "Put the data change (backfill) in its own migration, or in a batched job run after the schema "
            "change is deployed; keep schema changes on existing tables in migrations of their own.");
  }
};

DDLINT_DEFINE_RULE(MixedDdlDml)

}  // namespace ddlint::rules
