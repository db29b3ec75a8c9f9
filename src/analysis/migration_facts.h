#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/annotations.h"
#include "analysis/change_set.h"
#include "analysis/column_mentions.h"
#include "analysis/locks.h"
#include "analysis/postgres/pg_types.h"
#include "analysis/runner.h"
#include "analysis/schema_model.h"
#include "analysis/settings.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// Where the transaction a statement runs in comes from.
enum class TxSource : uint8_t {
  None,      // no transaction: the statement commits on its own
  Explicit,  // BEGIN ... COMMIT written in the file
  Runner,    // the migration runner's transaction around the file or section
  Implicit,  // the implicit block of a multi-statement query string
};

// What is true just before a statement runs.
struct StatementFacts {
  bool in_transaction = false;        // any transaction (tx != None)
  bool explicit_transaction = false;  // inside BEGIN ... COMMIT written in the file
  TxSource tx = TxSource::None;
  bool down = false;  // part of a down migration
  // It cannot run in a transaction, and the runner refuses its section for
  // holding other statements too (Flyway's mixed migrations): the migration
  // fails before any statement runs. The section is read as if the runner
  // wrapped it, as it does once this statement is moved out.
  bool refused_mix = false;
  // PostgreSQL: the session's TimeZone is UTC (a SET earlier in the section),
  // so on PostgreSQL 12+ timestamp <-> timestamptz needs no rewrite.
  bool utc_session = false;
  // MySQL/MariaDB: the session's foreign_key_checks when the statement runs
  // (off: a new FOREIGN KEY does not check existing rows).
  bool foreign_key_checks = true;
  // The transaction that this statement's implicit commit (effect.implicit_commit:
  // MySQL DDL, START TRANSACTION) ended just before it ran, and where that
  // transaction started (committed_start); None when no transaction was
  // open. The statement itself then runs outside it (tx, in_transaction and
  // transaction_start say so), and the transaction is no longer open at the
  // end of the section.
  TxSource committed = TxSource::None;
  size_t section = 0;  // index into the runner plan's sections
  // The value in effect, if any SET; null when none.
  const std::string* lock_timeout() const { return lock_timeout_.get(); }
  const std::string* statement_timeout() const { return statement_timeout_.get(); }
  StatementEffect effect;  // lock model verdict for this statement
  size_t committed_start = SIZE_MAX;
  // First statement of the transaction this statement runs in (the BEGIN,
  // the COMMIT AND CHAIN, or 0 for the runner's); SIZE_MAX outside one.
  size_t transaction_start = SIZE_MAX;
  // What only some statements have, on the heap (a file may hold a million
  // statements, and most have none of it): read through the accessors
  // below, which answer as empty when the statement has none; written
  // through rare().
  struct Rare {
    std::vector<char> held;
    std::vector<std::pair<size_t, ir::TypeName>> old_types;
    std::vector<std::optional<KnownColumn>> old_columns;
    std::vector<char> known_absent;
    struct UnknownReference {
      ir::QualifiedName table;
      std::string column;  // empty: the table itself
      TextRange range;
    };
    std::vector<UnknownReference> unknown;
    size_t trigger_count = 0;
    std::vector<std::string> triggers;
    std::vector<KnownFunction> functions;
    std::vector<ir::QualifiedName> absent_tables;
    std::vector<ir::QualifiedName> unseen_tables;
    std::vector<const TableSize*> sizes;
    const TableSize* written_size = nullptr;
  };
  using UnknownReference = Rare::UnknownReference;
  Rare& rare() {
    if (!rare_) rare_.emplace();
    return *rare_;
  }

  // Per entry of effect.tables: an earlier statement of the same transaction
  // already holds a lock on that object that covers this one (covers()), so
  // it is granted at once. Empty when none is (read it with is_held()).
  const std::vector<char>& held() const { return rare_ ? rare_->held : none().held; }
  bool is_held(size_t table) const { return table < held().size() && held()[table]; }
  // ALTER TABLE: the old type of each ALTER COLUMN ... TYPE action whose
  // column type is known (action index, type).
  const std::vector<std::pair<size_t, ir::TypeName>>& old_types() const {
    return rare_ ? rare_->old_types : none().old_types;
  }
  // ALTER TABLE: per action (same index), the existing column it changes
  // (MODIFY, CHANGE, ALTER COLUMN ...) as the schema model knew it just
  // before the statement; nullopt when the model does not know it.
  const std::vector<std::optional<KnownColumn>>& old_columns() const {
    return rare_ ? rare_->old_columns : none().old_columns;
  }
  const KnownColumn* old_column(size_t action) const {
    const auto& c = old_columns();
    return action < c.size() && c[action] ? &*c[action] : nullptr;
  }
  // ALTER TABLE: per action, true for an ADD COLUMN IF NOT EXISTS of a column
  // the table is known not to have (its whole column list is known).
  bool column_known_absent(size_t action) const {
    return rare_ && action < rare_->known_absent.size() && rare_->known_absent[action];
  }
  // With a complete history (Settings::schema_complete): tables and columns
  // the statement names that do not exist when it runs.
  const std::vector<UnknownReference>& unknown() const { return rare_ ? rare_->unknown : none().unknown; }
  // UPDATE / DELETE / INSERT: the row triggers the schema model knows on the
  // table written (CREATE TRIGGER earlier in the history or file) that fire
  // on it: how many, and the first kTriggersNamed of them by name, in the
  // order they were created (a table may have tens of thousands).
  static constexpr size_t kTriggersNamed = 3;
  size_t trigger_count() const { return rare_ ? rare_->trigger_count : 0; }
  const std::vector<std::string>& triggers() const { return rare_ ? rare_->triggers : none().triggers; }
  // ALTER TABLE ... ADD COLUMN: the functions its DEFAULTs call that a
  // CREATE FUNCTION earlier in the history or the file declares, with their
  // volatility (for pg_add_column_cost).
  const std::vector<KnownFunction>& functions() const { return rare_ ? rare_->functions : none().functions; }
  // DROP TABLE: the tables it names that the schema model knows do not exist
  // just before it runs: dropped or renamed away earlier in the history or
  // the file, or (with a complete history, Settings::schema_complete) never
  // created. A table the history never mentions is not among them: it may
  // have been created outside the migrations.
  bool table_known_absent(const ir::QualifiedName& table) const;
  // DROP TABLE: the tables it names that neither the history nor the file
  // before it mentions (never created, dropped or renamed): ddlint cannot
  // tell whether the database has them.
  bool table_unseen(const ir::QualifiedName& table) const;
  // With table_stats (Settings::sizes): per entry of effect.tables, the
  // file's entry for that table (pointing into Settings::sizes.stats), or
  // null when the file does not know it or the table is new in this run.
  // Empty without table_stats.
  const std::vector<const TableSize*>& sizes() const { return rare_ ? rare_->sizes : none().sizes; }
  // With table_stats: the file's entry for the table an UPDATE or DELETE
  // writes (the lock model gives DML no table effect), as `sizes`.
  const TableSize* written_size() const { return rare_ ? rare_->written_size : nullptr; }

 private:
  friend class MigrationFacts;
  // Shared by the statements that read the same value in a row.
  std::shared_ptr<const std::string> lock_timeout_;
  std::shared_ptr<const std::string> statement_timeout_;
  ir::Box<Rare> rare_;
  static const Rare& none();
};

// Within-file state computed once per file, before rules run.
class MigrationFacts {
 public:
  // Each runner section is its own migration run: transaction state,
  // settings and objects created earlier start afresh in each.
  // `earlier`: objects created by the files before this one in the change
  // set being deployed (--changed-since); they are new, empty objects for the
  // up migration too.
  // `history`: column types known from the migrations before this file
  // (taken over: a state only it holds is changed in place by the facts'
  // replay of the file, not copied); `functions`: the functions they declare.
  MigrationFacts(const ir::ParsedFile& file, const Settings& settings, const RunnerPlan& plan,
                 std::span<const CreatedObject> earlier = {}, std::vector<KnownTable> history = {},
                 std::span<const KnownFunction> functions = {});
  // What a runner section's transaction depends on, counted over the whole
  // section before the facts of its first statement are worked out: its
  // statements (recovered ones not counted: a one-statement query string has
  // no implicit block) and, in a PostgreSQL file, those of a section whose
  // transaction depends on its content (Flyway) that cannot run in a
  // transaction block. Counted statement by statement (count()), so a file
  // read in pieces can count them in a first pass.
  struct SectionCounts {
    std::vector<size_t> statements;  // per section of the plan
    std::vector<size_t> refusing;
    SectionCounts(const Settings& settings, const RunnerPlan& plan)
        : statements(plan.sections.size(), 0),
          refusing(plan.sections.size(), 0),
          settings_(&settings),
          plan_(&plan) {}
    // `settings` and `plan` must outlive the calls.
    void count(const ir::Statement& st);

   private:
    const Settings* settings_;
    const RunnerPlan* plan_;
  };
  // The same, statement by statement: the facts of statement i are there
  // once add(i, ...) has run for it and every statement before it, in
  // order; finish() after the last (the unterminated transactions of the
  // last section). `counts`: the file's statements counted first
  // (SectionCounts::count). window() gives the model the statements it may
  // replay before add() reaches them. `settings` and `functions` are read by
  // add() until finish(), and must outlive those calls, as must the
  // statements of the window. `mentions`: what the file's statements name
  // of columns (gathered first, like `counts`; it must outlive the object):
  // a column added is remembered only when a statement names it again
  // (column_mentioned); null: every column is.
  enum class ByStatement : uint8_t { kYes };
  MigrationFacts(ByStatement, SectionCounts counts, const Settings& settings, const RunnerPlan& plan,
                 std::span<const CreatedObject> earlier = {}, std::vector<KnownTable> history = {},
                 std::span<const KnownFunction> functions = {}, const ColumnMentions* mentions = nullptr);
  // Statements first .. first + group.size() - 1, which add() reaches next
  // (a file read a group at a time: ReplayedModel::window), and
  // leave_window() before they go (ReplayedModel::leave_window).
  void window(const std::vector<ir::Statement>& group, size_t first);
  void leave_window();
  // The facts of statement `i` (`st`), worked out from what the statements
  // before it left (add() has run for each of them, in order), and the
  // indexes the queries read brought up to date with it.
  void add(size_t i, const ir::Statement& st);
  // After the last statement: closes the last section, and drops what
  // add() carried from one statement to the next.
  void finish();
  ~MigrationFacts();
  MigrationFacts(const MigrationFacts&) = delete;
  MigrationFacts& operator=(const MigrationFacts&) = delete;
  // Moved only once finish() has run (what add() carries points into the
  // object).
  MigrationFacts(MigrationFacts&&) noexcept;
  MigrationFacts& operator=(MigrationFacts&&) noexcept;

  const RunnerPlan& plan() const { return plan_; }
  // Whether a statement of the file names a column called `column` other
  // than by adding it, and whether one drops or renames a column of a table
  // called `table` (ColumnMentions; true when the file's mentions were not
  // gathered): what is kept of an added column for later statements'
  // questions is kept only when one can ask.
  bool column_mentioned(std::string_view column) const {
    return mentions_ == nullptr || mentions_->named(column);
  }
  bool column_freed_in(std::string_view table) const {
    return mentions_ == nullptr || mentions_->freed_in(table);
  }
  // The facts of a statement reached so far: worked out statement by
  // statement (ByStatement), only the last one added is kept (add()
  // releases the one before it); the others throw std::logic_error.
  const StatementFacts& at(size_t statement) const {
    if (statement >= reached_ || statement < base_) [[unlikely]]
      not_reached(statement);
    return facts_[statement - base_];
  }
  // True when `table` is created by a statement before `statement`.
  bool created_before(const ir::QualifiedName& table, size_t statement) const;
  bool is_existing(const ir::QualifiedName& table, size_t statement) const {
    return !created_before(table, statement);
  }
  // Statements that open a BEGIN block (or an AND CHAIN transaction) never
  // closed before the end of their section, in sections where no runner
  // transaction commits it.
  const std::vector<size_t>& unterminated_transactions() const { return unterminated_; }
  // True when a validated CHECK (column IS NOT NULL) exists on the table just
  // before `statement` (added without NOT VALID, or validated later, and not
  // dropped yet).
  // True when a CHECK constraint added by ALTER TABLE earlier in the section
  // is valid on `table` just before `statement` (not NOT VALID, or validated
  // since, and not dropped).
  bool validated_check(const ir::QualifiedName& table, size_t statement) const;
  bool not_null_proven(const ir::QualifiedName& table, const std::string& column, size_t statement) const;
  // True when `column` of `table` is new in this migration run just before
  // `statement`: an earlier statement of the same section added it (ADD
  // COLUMN), or renamed such a column to this name, or, in a step of a split
  // version (RunnerLayout::split_version), an earlier step of the version
  // added it (for the up migration). Columns of tables created in the run
  // are new too (created_before).
  bool column_added_before(const ir::QualifiedName& table, const std::string& column, size_t statement) const;
  // The table of an index that CREATE INDEX created before `statement`, or
  // null when the index is not created in this file.
  const ir::QualifiedName* created_index_table(const ir::QualifiedName& index, size_t statement) const;

 private:
  void close_section();
  [[noreturn]] void not_reached(size_t statement) const;
  // What add() carries from one statement to the next: the section's
  // transaction and settings so far, the model, the locks held so far in
  // the open transaction (defined in the .cpp; dropped by finish()).
  struct Running;
  std::unique_ptr<Running> run_;

  struct Created {
    ir::QualifiedName name;
    size_t statement;
    bool temporary = false;
    // A TEMPORARY table is gone after the statement that drops it (the
    // table of that name the schema had is seen again).
    size_t dropped = SIZE_MAX;
    // Created under this name by renaming a table created earlier in the
    // section (a DROP of the name does not look at it for a temporary table).
    bool renamed = false;
  };
  RunnerPlan plan_;
  std::span<const CreatedObject> earlier_;
  // The facts kept: of statements base_ .. reached_ - 1 (every statement
  // of the file, or the last one added when they are worked out statement
  // by statement).
  std::vector<StatementFacts> facts_;
  size_t base_ = 0;
  size_t reached_ = 0;
  bool release_ = false;                 // ByStatement: add() releases the facts before its statement
  std::vector<uint32_t> section_first_;  // per statement: first statement of its section
  std::vector<bool> down_;               // per statement: in a down migration
  std::vector<Created> created_;
  std::unordered_map<std::string, std::vector<size_t>> created_by_name_;  // table name -> created_ indexes
  void add_created(Created c);
  struct CreatedIndex {
    ir::QualifiedName name;  // in the schema of its table
    ir::QualifiedName table;
    size_t statement;
  };
  // Indexes created by CREATE INDEX, by index name, in file order.
  std::unordered_map<std::string, std::vector<CreatedIndex>> indexes_;
  struct CheckConstraint {
    ir::QualifiedName table;
    std::string column;  // the column of a `column IS NOT NULL` check; empty for other checks
    std::string name;
    size_t validated = SIZE_MAX;  // statement index where it became valid
    size_t dropped = SIZE_MAX;
  };
  std::vector<CheckConstraint> checks_;  // CHECK constraints added by ALTER TABLE
  std::unordered_map<std::string, std::vector<size_t>> checks_by_table_;  // checks_ by table name
  std::vector<size_t> unterminated_;
  struct AddedColumn {
    uint32_t table;    // index into added_tables_
    size_t statement;  // kEarlierStep: added by an earlier step of the file's split version
  };
  static constexpr size_t kEarlierStep = SIZE_MAX;
  // Columns added (or renamed from added ones) by ALTER TABLE, by lower-case
  // name (one node per column: a file may add a million), and their tables,
  // each kept once.
  std::unordered_multimap<std::string, AddedColumn> added_columns_;
  const ColumnMentions* mentions_ = nullptr;
  std::vector<ir::QualifiedName> added_tables_;
  std::unordered_map<std::string, uint32_t> added_table_ids_;  // by schema, NUL, name
  void add_column(const ir::QualifiedName& table, const std::string& column, size_t statement);
  bool same_section(size_t earlier, size_t statement) const { return earlier >= section_first_[statement]; }
};

bool same_table(const ir::QualifiedName& a, const ir::QualifiedName& b);

// A table migration runners create for their own bookkeeping
// (schema_migrations, flyway_schema_history, goose_db_version, ...): never
// created by the migrations themselves.
bool runner_bookkeeping_table(std::string_view name);

}  // namespace ddlint::analysis
