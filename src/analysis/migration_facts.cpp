#include "analysis/migration_facts.h"

namespace ddlint::analysis {

bool same_table(const ir::QualifiedName& a, const ir::QualifiedName& b) {
  if (a.name != b.name) return false;
  // An unqualified name matches any schema (search_path is unknown statically).
  return a.schema.empty() || b.schema.empty() || a.schema == b.schema;
}

MigrationFacts::MigrationFacts(const ir::ParsedFile& file, const Settings& settings, const RunnerPlan& plan,
                               std::span<const CreatedObject> earlier,
                               std::span<const KnownColumnType> history)
    : plan_(plan), earlier_(earlier) {
  ColumnTypes columns;
  for (const auto& k : history) columns.seed(k);
  facts_.reserve(file.statements.size());
  section_first_.reserve(file.statements.size());
  // Statements per section: a one-statement query string has no implicit block.
  std::vector<size_t> per_section(plan_.sections.size(), 0);
  for (const auto& st : file.statements) ++per_section[plan_.section_at(st.range.begin)];

  bool explicit_tx = false;
  bool tx_done = false;  // the runner's transaction was ended by COMMIT in the file
  TxSource implied = TxSource::None;
  std::optional<std::string> lock_timeout;
  std::optional<std::string> statement_timeout;
  std::optional<std::string> local_lock_timeout;
  std::optional<std::string> local_statement_timeout;
  size_t tx_start = SIZE_MAX;
  size_t opened = SIZE_MAX;  // statement that opened the explicit block
  size_t section = SIZE_MAX;
  size_t first = 0;
  // Session values when the current transaction began: ROLLBACK restores them.
  std::optional<std::string> begin_lock_timeout;
  std::optional<std::string> begin_statement_timeout;
  auto close_section = [&] {
    if (section == SIZE_MAX) return;
    if (explicit_tx && implied != TxSource::Runner && opened != SIZE_MAX) unterminated_.push_back(opened);
  };
  for (size_t i = 0; i < file.statements.size(); ++i) {
    const auto& st = file.statements[i];
    const size_t s = plan_.section_at(st.range.begin);
    if (s != section) {
      close_section();
      section = s;
      first = i;
      const RunnerSection& sec = plan_.sections[s];
      switch (sec.tx) {
        case TxMode::Unknown:
          implied = settings.assume_in_transaction ? TxSource::Runner : TxSource::None;
          break;
        case TxMode::Wrapped:
          implied = TxSource::Runner;
          break;
        case TxMode::Autocommit:
          implied = TxSource::None;
          break;
        case TxMode::SingleQuery:
          implied = per_section[s] > 1 ? TxSource::Implicit : TxSource::None;
          break;
      }
      explicit_tx = false;
      tx_done = false;
      tx_start = implied != TxSource::None ? i : SIZE_MAX;
      opened = SIZE_MAX;
      lock_timeout.reset();
      statement_timeout.reset();
      local_lock_timeout.reset();
      local_statement_timeout.reset();
      begin_lock_timeout.reset();
      begin_statement_timeout.reset();
    }
    section_first_.push_back(first);
    StatementFacts f;
    f.section = s;
    f.down = plan_.sections[s].down;
    f.explicit_transaction = explicit_tx;
    f.tx = explicit_tx ? TxSource::Explicit : !tx_done ? implied : TxSource::None;
    f.in_transaction = f.tx != TxSource::None;
    f.lock_timeout = local_lock_timeout ? local_lock_timeout : lock_timeout;
    f.statement_timeout = local_statement_timeout ? local_statement_timeout : statement_timeout;
    f.transaction_start = f.in_transaction ? tx_start : SIZE_MAX;
    const bool in_tx = f.in_transaction;
    if (settings.dialect == Dialect::Postgres) f.effect = pg_statement_effect(st, settings, &columns);
    // ATTACH PARTITION skips its scan when a validated CHECK on the partition
    // proves the bound: one added (and validated) earlier in the section is
    // taken to be that CHECK.
    if (const auto* at = st.as<ir::AlterTable>())
      for (const auto& a : at->actions)
        if (a.kind == ir::AlterKind::AttachPartition && !a.partition.empty() && validated_check(a.partition, i))
          for (auto& e : f.effect.tables)
            if (same_table(e.table, a.partition)) e.scan = false;
    if (const auto* at = st.as<ir::AlterTable>())
      for (size_t k = 0; k < at->actions.size(); ++k)
        if (at->actions[k].kind == ir::AlterKind::AlterColumnType)
          if (const ir::TypeName* t = columns.find(at->table, at->actions[k].column))
            f.old_types.emplace_back(k, *t);
    columns.apply(st);
    facts_.push_back(std::move(f));

    if (const auto* t = st.as<ir::Transaction>()) {
      if (t->kind == ir::TransactionKind::Begin) {
        if (!explicit_tx) opened = i;
        explicit_tx = true;
        if (!in_tx) {
          tx_start = i;
          begin_lock_timeout = lock_timeout;
          begin_statement_timeout = statement_timeout;
        }
      } else if (t->kind == ir::TransactionKind::Commit || t->kind == ir::TransactionKind::Rollback ||
                 t->kind == ir::TransactionKind::Prepare) {
        // AND CHAIN starts the next transaction at once.
        if (t->kind == ir::TransactionKind::Rollback && in_tx) {
          // SETs made in a transaction that rolls back are undone with it.
          lock_timeout = begin_lock_timeout;
          statement_timeout = begin_statement_timeout;
        }
        explicit_tx = t->chain;
        opened = t->chain ? i : SIZE_MAX;
        if (implied == TxSource::Implicit) {
          // The implicit block ends here; a new one holds the statements after it.
          tx_start = t->chain ? i : i + 1;
        } else {
          tx_done = true;
          tx_start = t->chain ? i : SIZE_MAX;
        }
        begin_lock_timeout = lock_timeout;
        begin_statement_timeout = statement_timeout;
        local_lock_timeout.reset();
        local_statement_timeout.reset();
      }
    } else if (const auto* s = st.as<ir::SetSetting>()) {
      auto apply = [&](std::optional<std::string>& session, std::optional<std::string>& local) {
        if (s->reset) {
          session.reset();
          local.reset();
        } else if (s->local) {
          // Outside a transaction block SET LOCAL only warns and changes nothing.
          if (in_tx) local = s->value;
        } else {
          session = s->value;
          local.reset();  // a plain SET replaces an earlier SET LOCAL at once
        }
      };
      if (s->all) {
        lock_timeout.reset();
        statement_timeout.reset();
        local_lock_timeout.reset();
        local_statement_timeout.reset();
      } else if (s->name == "lock_timeout") {
        apply(lock_timeout, local_lock_timeout);
      } else if (s->name == "statement_timeout") {
        apply(statement_timeout, local_statement_timeout);
      }
    } else if (const auto* c = st.as<ir::CreateTable>()) {
      created_.push_back({c->table, i});
    } else if (const auto* o = st.as<ir::Opaque>()) {
      if (!o->creates.empty()) created_.push_back({o->creates, i});
    } else if (const auto* ci = st.as<ir::CreateIndex>()) {
      if (!ci->name.empty()) indexes_.push_back({{ci->table.schema, ci->name, {}}, ci->table, i});
    } else if (const auto* at = st.as<ir::AlterTable>()) {
      for (const auto& a : at->actions) {
        if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
            a.constraint->kind == ir::ConstraintKind::Check && a.constraint->expr) {
          checks_.push_back({at->table, a.constraint->expr->not_null_column, a.constraint->name,
                                      a.constraint->not_valid ? SIZE_MAX : i, SIZE_MAX});
        } else if (a.kind == ir::AlterKind::ValidateConstraint || a.kind == ir::AlterKind::DropConstraint) {
          for (auto& k : checks_) {
            if (k.name.empty() || k.name != a.name || !same_table(k.table, at->table)) continue;
            if (a.kind == ir::AlterKind::ValidateConstraint && k.validated == SIZE_MAX) k.validated = i;
            if (a.kind == ir::AlterKind::DropConstraint && k.dropped == SIZE_MAX) k.dropped = i;
          }
        }
      }
    }
  }
  close_section();
}

bool MigrationFacts::validated_check(const ir::QualifiedName& table, size_t statement) const {
  for (const auto& k : checks_)
    if (k.validated < statement && k.dropped > statement && same_section(k.validated, statement) &&
        same_table(k.table, table))
      return true;
  return false;
}

bool MigrationFacts::not_null_proven(const ir::QualifiedName& table, const std::string& column,
                                     size_t statement) const {
  for (const auto& k : checks_)
    if (k.column == column && k.validated < statement && k.dropped > statement &&
        same_section(k.validated, statement) && same_table(k.table, table))
      return true;
  return false;
}

const ir::QualifiedName* MigrationFacts::created_index_table(const ir::QualifiedName& index,
                                                             size_t statement) const {
  for (const auto& k : indexes_)
    if (k.statement < statement && same_section(k.statement, statement) && same_table(k.name, index))
      return &k.table;
  if (statement < facts_.size() && !facts_[statement].down)
    for (const auto& e : earlier_)
      if (e.index && same_table(e.name, index)) return &e.table;
  return nullptr;
}

bool MigrationFacts::created_before(const ir::QualifiedName& table, size_t statement) const {
  for (const auto& c : created_)
    if (c.statement < statement && same_section(c.statement, statement) && same_table(c.name, table))
      return true;
  if (statement < facts_.size() && !facts_[statement].down)
    for (const auto& e : earlier_)
      if (!e.index && same_table(e.name, table)) return true;
  return false;
}

}  // namespace ddlint::analysis
