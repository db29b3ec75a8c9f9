#include "analysis/migration_facts.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/ascii.h"
#include "ir/facts.h"

namespace ddlint::analysis {

bool runner_bookkeeping_table(std::string_view name) {
  static const char* const kRunnerTables[] = {"schema_migrations",
                                              "goose_db_version",
                                              "flyway_schema_history",
                                              "__diesel_schema_migrations",
                                              "_prisma_migrations",
                                              "schema_version",
                                              "migrations",
                                              "knex_migrations",
                                              "knex_migrations_lock",
                                              "SequelizeMeta",
                                              "alembic_version",
                                              "django_migrations",
                                              "atlas_schema_revisions",
                                              "ar_internal_metadata",
                                              "databasechangelog",
                                              "databasechangeloglock"};
  for (const char* n : kRunnerTables)
    if (name == n) return true;
  return false;
}

namespace {

// Tables that migration runners create for their own bookkeeping, and
// catalogs: never created by the migrations themselves.
bool outside_history(const ir::QualifiedName& t) {
  if (t.schema == "pg_catalog" || t.schema == "information_schema") return true;
  return runner_bookkeeping_table(t.name);
}

// A SET of the session's lock or statement timeout, read with its unit so
// the value reads the same as PostgreSQL's.
enum class TimeoutSetting { None, Lock, Statement };
TimeoutSetting timeout_setting(const ir::SetSetting& s, const Settings& settings, std::string& value) {
  const bool mysql = settings.dialect == Dialect::MySql;
  if (!mysql && (s.name == "lock_timeout" || s.name == "statement_timeout")) {
    value = s.value;
    return s.name == "lock_timeout" ? TimeoutSetting::Lock : TimeoutSetting::Statement;
  }
  if (mysql && s.name == "lock_wait_timeout") {
    // Whole seconds (DEFAULT: a year, as good as none).
    const bool digits = !s.value.empty() && std::all_of(s.value.begin(), s.value.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    // MySQL raises 0 to its minimum, 1 second; to MariaDB 0 is NOWAIT.
    const bool zero = digits && s.value.find_first_not_of('0') == std::string::npos;
    value = zero ? "1s" : digits ? s.value + "s" : s.value;
    return TimeoutSetting::Lock;
  }
  if (mysql && settings.mysql.mariadb() && s.name == "max_statement_time") {
    // MariaDB: seconds (a decimal), 0 = no limit; it bounds every
    // statement, lock waits included. MySQL has no such setting (its
    // max_execution_time bounds read-only SELECTs only).
    const bool number = !s.value.empty() && std::all_of(s.value.begin(), s.value.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.';
    });
    value = number ? s.value + "s" : s.value;
    return TimeoutSetting::Statement;
  }
  return TimeoutSetting::None;
}

// MySQL foreign_key_checks: true unless `s` turns it off.
bool is_foreign_key_checks(const ir::SetSetting& s) {
  return s.name == "foreign_key_checks" || s.name == "@@foreign_key_checks" ||
         s.name == "@@session.foreign_key_checks";
}
bool foreign_key_checks_value(const ir::SetSetting& s) {
  std::string v = s.value;
  for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.reset || !(v == "0" || v == "off" || v == "false");
}

// The column of `t` whose name equals `name` ignoring ASCII case: the one of
// that exact name when there is one; null when none.
const KnownColumn* column_folded(const TableState& t, const std::string& name) {
  if (const KnownColumn* c = t.column(name)) return c;
  const std::string folded = ascii_lower(name);
  for (const KnownColumn& c : t.columns)
    if (c.name.size() == name.size() && ascii_lower(c.name) == folded) return &c;
  return nullptr;
}

// The MySQL lock model's view of the table `st` alters: the table's options
// and the columns the model looks up (those a DROP, MODIFY or CHANGE COLUMN
// names: type, nullability, index membership). Only those are copied: a
// copy of every column at each ALTER TABLE of a table the file keeps adding
// columns to cost time in proportion to its columns. Reads the model for
// ALTER TABLE and CREATE INDEX only.
MySqlContext mysql_context(const ir::Statement& st, ModelBefore model, bool foreign_key_checks) {
  MySqlContext ctx;
  ctx.foreign_key_checks = foreign_key_checks;
  const ir::QualifiedName* table = nullptr;
  const auto* at = st.as<ir::AlterTable>();
  if (at) table = &at->table;
  if (const auto* ci = st.as<ir::CreateIndex>()) table = &ci->table;
  const SchemaModel* known = table ? model.get() : nullptr;
  if (known) {
    const KnownTable k = known->table_state(*table);
    if (k.exists()) {
      const TableState& state = *k.state;
      MySqlTableInfo info;
      if (at)
        for (const auto& a : at->actions) {
          if (a.kind != ir::AlterKind::DropColumn && a.kind != ir::AlterKind::ModifyColumn &&
              a.kind != ir::AlterKind::ChangeColumn)
            continue;
          const KnownColumn* col = column_folded(state, a.column);
          if (col == nullptr || info.column(col->name) != nullptr) continue;
          MySqlColumnInfo c;
          c.name = col->name;
          c.type = col->type;
          c.not_null = col->not_null;
          c.not_null_known = col->not_null_known;
          c.indexed = col->indexed;
          info.columns.push_back(std::move(c));
        }
      info.charset = state.charset;
      info.row_format = state.row_format;
      info.has_fulltext = state.fulltext;
      info.engine = state.engine;
      ctx.tables.emplace_back(*table, std::move(info));
    }
  }
  return ctx;
}

// What `st` names that the model says does not exist just before it runs.
// Reads the model only for a statement that names a table.
std::vector<StatementFacts::UnknownReference> unknown_references(const ir::Statement& st, ModelBefore known) {
  std::vector<StatementFacts::UnknownReference> out;
  auto missing_table = [&](const ir::QualifiedName& t) {
    if (outside_history(t)) return false;
    const SchemaModel* m = known.get();
    return m && !m->view(t).exists();
  };
  auto table = [&](const ir::QualifiedName& t) {
    if (missing_table(t)) out.push_back({t, "", t.range});
  };
  // Columns the statement itself adds (an ALTER TABLE may add a column and
  // a constraint on it at once).
  std::vector<std::pair<ir::QualifiedName, std::string>> added;
  if (const auto* a = st.as<ir::AlterTable>())
    for (const auto& act : a->actions)
      if (act.kind == ir::AlterKind::AddColumn && act.column_def)
        added.emplace_back(a->table, act.column_def->name);
  // A column of an existing table whose column list is complete.
  auto column = [&](const ir::QualifiedName& t, const std::string& c, TextRange where) {
    if (c.empty() || c.front() == '(' || missing_table(t)) return;
    for (const auto& [table, name] : added)
      if (name == c && same_table(table, t)) return;
    const SchemaModel* m = known.get();
    if (!m) return;
    const auto k = m->view(t);
    if (!k.columns_known()) return;
    if (k.column(c)) return;
    out.push_back({t, c, where});
  };
  auto fk = [&](const ir::Constraint& k, const ir::QualifiedName& owner, bool owner_new) {
    if (k.kind != ir::ConstraintKind::ForeignKey || k.ref_table.empty()) return;
    if (!owner_new)
      for (const auto& c : k.columns) column(owner, c, k.range);
    if (same_table(k.ref_table, owner) && owner_new) return;  // self-reference in CREATE TABLE
    table(k.ref_table);
    for (const auto& c : k.ref_columns) column(k.ref_table, c, k.range);
  };
  if (const auto* c = st.as<ir::CreateTable>()) {
    if (c->partition_of) table(*c->partition_of);
    for (const auto& col : c->columns)
      for (const auto& k : col.constraints) fk(k, c->table, true);
    for (const auto& k : c->constraints) fk(k, c->table, true);
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->if_exists || a->object != ir::ObjectKind::Table) return out;
    if (missing_table(a->table)) {
      table(a->table);
      return out;
    }
    for (const auto& act : a->actions) {
      switch (act.kind) {
        case ir::AlterKind::DropColumn:
          if (!act.if_exists) column(a->table, act.column, act.range);
          break;
        case ir::AlterKind::AlterColumnType:
        case ir::AlterKind::SetNotNull:
        case ir::AlterKind::DropNotNull:
        case ir::AlterKind::SetDefault:
        case ir::AlterKind::DropDefault:
        case ir::AlterKind::ModifyColumn:  // MySQL MODIFY / CHANGE / RENAME COLUMN name the old column
        case ir::AlterKind::ChangeColumn:
        case ir::AlterKind::RenameColumn:
          column(a->table, act.column, act.range);
          break;
        case ir::AlterKind::AddConstraint:
          if (act.constraint) fk(*act.constraint, a->table, false);
          break;
        case ir::AlterKind::AttachPartition:
          if (!act.partition_name().empty()) table(act.partition_name());
          break;
        default:
          break;
      }
      if (act.column_def)
        for (const auto& k : act.column_def->constraints) fk(k, a->table, false);
    }
  } else if (const auto* i = st.as<ir::CreateIndex>()) {
    if (missing_table(i->table)) {
      table(i->table);
      return out;
    }
    for (const auto& c : i->columns) column(i->table, c, i->table.range);
  } else if (const auto* d = st.as<ir::Drop>()) {
    if (d->object == ir::ObjectKind::Table && !d->if_exists)
      for (const auto& n : d->names) table(n);
  } else if (const auto* t = st.as<ir::Truncate>()) {
    for (const auto& n : t->tables) table(n);
  } else if (const auto* u = st.as<ir::Update>()) {
    table(u->table);
  } else if (const auto* dl = st.as<ir::Delete>()) {
    table(dl->table);
  } else if (const auto* in = st.as<ir::Insert>()) {
    table(in->table);
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Table) {
      table(r->target);
    } else if (r->object == ir::ObjectKind::Column) {
      if (missing_table(r->target))
        table(r->target);
      else
        column(r->target, r->subname, r->target.range);
    }
  }
  return out;
}

}  // namespace

bool same_table(const ir::QualifiedName& a, const ir::QualifiedName& b) {
  if (a.name != b.name) return false;
  // An unqualified name matches any schema (search_path is unknown statically).
  return a.schema.empty() || b.schema.empty() || a.schema == b.schema;
}

void MigrationFacts::SectionCounts::count(const ir::Statement& st) {
  if (st.recovered) return;
  const size_t s = plan_->section_at(st.range.begin);
  ++statements[s];
  if (settings_->dialect == Dialect::Postgres && plan_->sections[s].tx == TxMode::ByContent &&
      pg_statement_effect(st, *settings_).no_transaction_block)
    ++refusing[s];
}

// A lock the open transaction holds on an object of one name (the name is
// the key it is found by): owned, not pointing into the facts of the
// statement that took it.
struct HeldLock {
  uint32_t schema;       // where its schema's name starts in Running::held_schemas
  uint32_t schema_size;  // 0: none written
  int strength;
  ir::ObjectKind object;
  bool reads_and_writes;  // covers every lock (Blocks::ReadsAndWrites)
};

struct MigrationFacts::Running {
  Running(SectionCounts counts, const Settings& settings, std::vector<KnownTable> history,
          std::span<const KnownFunction> functions)
      : settings(settings),
        model(ReplayedModel::no_window(), std::move(history), functions),
        counts(std::move(counts)) {}
  const Settings& settings;
  // The model as it is before each statement, seeded and replayed only as
  // far as the facts read it (every read goes through `model.before` or a
  // ModelBefore): a file whose facts never read it seeds nothing. The model
  // takes the states: one that nothing else holds any more (the run's model
  // has since made its own copy to change) is changed in place.
  ReplayedModel model;
  SectionCounts counts;
  // A mixed section the runner refuses: read as wrapped.
  bool mixed(size_t s) const { return counts.refusing[s] > 0 && counts.refusing[s] < counts.statements[s]; }

  bool explicit_tx = false;
  bool tx_done = false;  // the runner's transaction was ended by COMMIT in the file
  TxSource implied = TxSource::None;
  std::optional<std::string> lock_timeout;
  std::optional<std::string> statement_timeout;
  // The value each statement reads, shared by the statements that have the
  // same one in a row (one SET holds for the rest of its section).
  struct SharedValue {
    std::shared_ptr<const std::string> last;
    std::shared_ptr<const std::string> get(const std::optional<std::string>& v) {
      if (!v) return nullptr;
      if (!last || *last != *v) last = std::make_shared<const std::string>(*v);
      return last;
    }
  };
  SharedValue shared_lock_timeout;
  SharedValue shared_statement_timeout;
  std::optional<std::string> local_lock_timeout;
  std::optional<std::string> local_statement_timeout;
  size_t tx_start = SIZE_MAX;
  size_t opened = SIZE_MAX;  // statement that opened the explicit block
  size_t section = SIZE_MAX;
  size_t first = 0;
  // Session values when the current transaction began: ROLLBACK restores them.
  std::optional<std::string> begin_lock_timeout;
  std::optional<std::string> begin_statement_timeout;
  // PostgreSQL TimeZone: the session's, a SET LOCAL's, and the session's when
  // the transaction began (ROLLBACK restores it). True: a UTC zone.
  bool utc = false;
  std::optional<bool> local_utc;
  bool begin_utc = false;
  bool foreign_key_checks = true;  // MySQL session setting (ADD FOREIGN KEY is COPY while on)
  // A transaction ended (COMMIT, ROLLBACK, or a statement's implicit
  // commit): its SET LOCALs end with it, and the session's values are those
  // a ROLLBACK of the next one restores.
  void transaction_ended() {
    begin_lock_timeout = lock_timeout;
    begin_statement_timeout = statement_timeout;
    local_lock_timeout.reset();
    local_statement_timeout.reset();
    begin_utc = utc;
    local_utc.reset();
  }
  // checks_ by table name and constraint name: a VALIDATE or DROP
  // CONSTRAINT finds its check without reading every check of the file.
  std::unordered_map<std::string, std::vector<size_t>> checks_named;
  // Locks the open transaction already holds, by object name (a migration
  // of thousands of statements in one transaction must not compare each
  // statement with all before it), and the transaction (its first
  // statement; SIZE_MAX: none).
  std::unordered_map<std::string, std::vector<HeldLock>> holding;
  std::string held_schemas;  // the schema names HeldLock points into, one after another
  size_t holding_tx = SIZE_MAX;
  std::string_view schema_of(const HeldLock& h) const {
    return std::string_view(held_schemas).substr(h.schema, h.schema_size);
  }
};

MigrationFacts::~MigrationFacts() = default;
MigrationFacts::MigrationFacts(MigrationFacts&&) noexcept = default;
MigrationFacts& MigrationFacts::operator=(MigrationFacts&&) noexcept = default;

namespace {
MigrationFacts::SectionCounts count_sections(const ir::ParsedFile& file, const Settings& settings,
                                             const RunnerPlan& plan) {
  MigrationFacts::SectionCounts counts(settings, plan);
  for (const auto& st : file.statements) counts.count(st);
  return counts;
}
}  // namespace

MigrationFacts::MigrationFacts(const ir::ParsedFile& file, const Settings& settings, const RunnerPlan& plan,
                               std::span<const CreatedObject> earlier, std::vector<KnownTable> history,
                               std::span<const KnownFunction> functions)
    : MigrationFacts(ByStatement::kYes, count_sections(file, settings, plan), settings, plan, earlier,
                     std::move(history), functions) {
  release_ = false;
  window(file.statements, 0);
  facts_.reserve(file.statements.size());
  for (size_t i = 0; i < file.statements.size(); ++i) add(i, file.statements[i]);
  finish();
}

MigrationFacts::MigrationFacts(ByStatement, SectionCounts counts, const Settings& settings,
                               const RunnerPlan& plan, std::span<const CreatedObject> earlier,
                               std::vector<KnownTable> history, std::span<const KnownFunction> functions,
                               const ColumnMentions* mentions)
    : plan_(plan), earlier_(earlier), mentions_(mentions) {
  // A step of a split version: the columns earlier steps of the version
  // added are as new as columns added earlier in the file. Read before the
  // model takes the states (and may change them in place).
  if (!settings.runner_layout.split_version.empty())
    for (const auto& k : history)
      if (k.exists())
        for (const KnownColumn& c : k.state->columns)
          if (c.version == settings.runner_layout.split_version) add_column(k.name, c.name, kEarlierStep);
  size_t statements = 0;
  for (const size_t n : counts.statements) statements += n;
  run_ = std::make_unique<Running>(std::move(counts), settings, std::move(history), functions);
  release_ = true;
  // About one entry per statement (recovered ones are not counted).
  section_first_.reserve(statements);
  down_.reserve(statements);
}

void MigrationFacts::window(const std::vector<ir::Statement>& group, size_t first) {
  run_->model.window(group, first);
}

void MigrationFacts::leave_window() { run_->model.leave_window(); }

void MigrationFacts::not_reached(size_t statement) const {
  if (statement < base_)
    throw std::logic_error("the facts of statement " + std::to_string(statement) +
                           " were read after they were released (at statement " + std::to_string(base_) +
                           ")");
  throw std::logic_error("the facts of statement " + std::to_string(statement) + " were read when only " +
                         std::to_string(reached_) + " were worked out");
}

void MigrationFacts::finish() {
  close_section();
  run_.reset();
}

void MigrationFacts::close_section() {
  const Running& r = *run_;
  if (r.section != SIZE_MAX && r.explicit_tx && r.implied != TxSource::Runner && r.opened != SIZE_MAX)
    unterminated_.push_back(r.opened);
}

void MigrationFacts::add(size_t i, const ir::Statement& st) {
  Running& r = *run_;
  const Settings& settings = r.settings;
  ReplayedModel& model = r.model;
  const size_t s = plan_.section_at(st.range.begin);
  if (s != r.section) {
    close_section();  // the section before
    r.section = s;
    r.first = i;
    const RunnerSection& sec = plan_.sections[s];
    switch (sec.tx) {
      case TxMode::Unknown:
        r.implied = settings.assume_in_transaction ? TxSource::Runner : TxSource::None;
        break;
      case TxMode::Wrapped:
        r.implied = TxSource::Runner;
        break;
      case TxMode::Autocommit:
        r.implied = TxSource::None;
        break;
      case TxMode::ByContent:
        r.implied = r.counts.refusing[s] == 0 || (r.mixed(s) && plan_.refuses_mixed) ? TxSource::Runner
                                                                                     : TxSource::None;
        break;
      case TxMode::SingleQuery:
        // PostgreSQL runs a multi-statement query string as one implicit
        // block; MySQL runs each statement of it on its own (autocommit).
        r.implied = r.counts.statements[s] > 1 && settings.dialect == Dialect::Postgres ? TxSource::Implicit
                                                                                        : TxSource::None;
        break;
    }
    r.explicit_tx = false;
    r.tx_done = false;
    r.tx_start = r.implied != TxSource::None ? i : SIZE_MAX;
    r.opened = SIZE_MAX;
    r.lock_timeout.reset();
    r.statement_timeout.reset();
    r.local_lock_timeout.reset();
    r.local_statement_timeout.reset();
    r.begin_lock_timeout.reset();
    r.begin_statement_timeout.reset();
    r.utc = r.begin_utc = false;
    r.local_utc.reset();
    r.foreign_key_checks = true;
  }
  section_first_.push_back(static_cast<uint32_t>(r.first));  // fewer statements than bytes: 32 bits
  down_.push_back(plan_.sections[s].down);
  StatementFacts f;
  f.utc_session = settings.dialect == Dialect::Postgres && r.local_utc.value_or(r.utc);
  if (st.recovered) {
    // Not analysed: no lock, rewrite or scan is claimed for it.
  } else if (settings.dialect == Dialect::Postgres) {
    f.effect = pg_statement_effect(st, settings, ModelBefore(model, i), f.utc_session);
  } else {
    bool checks = r.foreign_key_checks;
    for (const auto& o : st.own_settings)
      if (is_foreign_key_checks(o)) checks = foreign_key_checks_value(o);
    const MySqlContext ctx = mysql_context(st, ModelBefore(model, i), checks);
    f.effect = mysql_statement_effect(st, settings, &ctx);
  }
  // An implicit commit ends the open transaction before the statement runs
  // (a runner's too: the server returns to autocommit, and the runner's own
  // COMMIT later finds nothing to commit).
  if (f.effect.implicit_commit) {
    const TxSource open = r.explicit_tx ? TxSource::Explicit : !r.tx_done ? r.implied : TxSource::None;
    if (open != TxSource::None) {
      f.committed = open;
      f.committed_start = r.tx_start;
      r.explicit_tx = false;
      r.opened = SIZE_MAX;
      r.tx_done = true;
      r.tx_start = SIZE_MAX;
      r.transaction_ended();
    }
  }
  f.section = s;
  f.down = plan_.sections[s].down;
  f.refused_mix = plan_.refuses_mixed && f.effect.no_transaction_block && r.mixed(s) &&
                  plan_.sections[s].tx == TxMode::ByContent;
  f.explicit_transaction = r.explicit_tx;
  f.tx = r.explicit_tx ? TxSource::Explicit : !r.tx_done ? r.implied : TxSource::None;
  f.in_transaction = f.tx != TxSource::None;
  std::optional<std::string> lock_value = r.local_lock_timeout ? r.local_lock_timeout : r.lock_timeout;
  std::optional<std::string> statement_value =
      r.local_statement_timeout ? r.local_statement_timeout : r.statement_timeout;
  // Settings of this statement alone (SET STATEMENT ... FOR, WAIT n / NOWAIT).
  for (const auto& o : st.own_settings) {
    std::string value;
    const TimeoutSetting which = timeout_setting(o, settings, value);
    if (which == TimeoutSetting::None) continue;
    auto& slot = which == TimeoutSetting::Lock ? lock_value : statement_value;
    if (o.reset)
      slot.reset();
    else
      slot = value;
  }
  f.lock_timeout_ = r.shared_lock_timeout.get(lock_value);
  f.statement_timeout_ = r.shared_statement_timeout.get(statement_value);
  f.transaction_start = f.in_transaction ? r.tx_start : SIZE_MAX;
  const bool in_tx = f.in_transaction;
  // ATTACH PARTITION skips its scan when a validated CHECK on the partition
  // proves the bound: one added (and validated) earlier in the section is
  // taken to be that CHECK.
  if (const auto* at = st.as<ir::AlterTable>())
    for (const auto& a : at->actions)
      if (a.kind == ir::AlterKind::AttachPartition && !a.partition_name().empty() &&
          validated_check(a.partition_name(), i))
        for (auto& e : f.effect.tables)
          if (same_table(e.table, a.partition_name())) e.scan = false;
  if (const auto* at = st.as<ir::AlterTable>())
    for (size_t k = 0; k < at->actions.size(); ++k)
      if (at->actions[k].kind == ir::AlterKind::AlterColumnType)
        if (const ir::TypeName* t = model.before(i).column_type(at->table, at->actions[k].column))
          f.rare().old_types.emplace_back(k, *t);
  if (const auto* at = st.as<ir::AlterTable>()) {
    for (size_t k = 0; k < at->actions.size(); ++k) {
      const auto& a = at->actions[k];
      if (a.kind == ir::AlterKind::AddColumn && a.if_exists && a.column_def) {
        const auto t = model.before(i).view(at->table);
        if (t.exists() && t.columns_known() && t.column(a.column_def->name) == nullptr) {
          f.rare().known_absent.resize(at->actions.size());
          f.rare().known_absent[k] = true;
        }
      }
      switch (a.kind) {
        case ir::AlterKind::ModifyColumn:
        case ir::AlterKind::ChangeColumn:
        case ir::AlterKind::AlterColumnType:
        case ir::AlterKind::SetNotNull:
        case ir::AlterKind::DropNotNull:
        case ir::AlterKind::SetDefault:
        case ir::AlterKind::DropDefault:
        case ir::AlterKind::AddColumn:  // ADD COLUMN IF NOT EXISTS of a column that exists: a no-op
          if (a.kind == ir::AlterKind::AddColumn && !a.if_exists) break;
          if (const KnownColumn* c =
                  model.before(i).column(at->table, a.column, settings.dialect == Dialect::MySql)) {
            // Sized only when a column is known: most ALTER TABLEs (ADD
            // COLUMN) have none, and a file may hold a million of them.
            auto& old_columns = f.rare().old_columns;
            old_columns.resize(at->actions.size());
            old_columns[k] = *c;
            // A MySQL column without its own character set has the table's:
            // compared with a definition that names one, the old column
            // names the table's (when the history knows it).
            // And one that names the table's is the same as one that names
            // none, compared with a definition that names none.
            if (settings.dialect == Dialect::MySql && a.column_def) {
              const std::string table_charset(model.before(i).view(at->table).charset());
              ir::TypeName& old = old_columns[k]->type;
              const bool named = !a.column_def->type.charset().empty();
              if (named && old.charset().empty()) old.set_charset(table_charset);
              if (!named && !table_charset.empty() && old.charset() == table_charset) old.set_charset({});
            }
          }
          break;
        default:
          break;
      }
    }
  }
  f.foreign_key_checks = r.foreign_key_checks;
  if (settings.schema_complete)
    if (auto unknown = unknown_references(st, ModelBefore(model, i)); !unknown.empty())
      f.rare().unknown = std::move(unknown);
  {
    const ir::QualifiedName* written = nullptr;
    uint8_t event = 0;
    if (const auto* u = st.as<ir::Update>()) written = &u->table, event = ir::kTriggerUpdate;
    if (const auto* d = st.as<ir::Delete>()) written = &d->table, event = ir::kTriggerDelete;
    if (const auto* n = st.as<ir::Insert>()) written = &n->table, event = ir::kTriggerInsert;
    if (written && !written->empty()) {
      // The triggers this kind of statement fires (all, when a trigger's
      // events are not known).
      const auto view = model.before(i).view(*written);
      const size_t count = view.trigger_count(event);
      auto named = view.triggers_for(event, StatementFacts::kTriggersNamed);
      if (count > 0 || !named.empty()) {
        f.rare().trigger_count = count;
        f.rare().triggers = std::move(named);
      }
    }
  }
  if (const auto* at = st.as<ir::AlterTable>())
    for (const auto& a : at->actions)
      if (a.kind == ir::AlterKind::AddColumn && a.column_def && a.column_def->default_value)
        for (auto& k : model.before(i).known_functions(a.column_def->default_value->functions))
          f.rare().functions.push_back(std::move(k));
  if (const auto* d = st.as<ir::Drop>(); d && d->object == ir::ObjectKind::Table && !d->temporary)
    for (const auto& n : d->names) {
      const auto k = model.before(i).view(n);
      if (!k.exists() && (k.seen() || (settings.schema_complete && !outside_history(n))))
        f.rare().absent_tables.push_back(n);
      else if (!k.exists() && !k.seen())
        f.rare().unseen_tables.push_back(n);
    }
  if (release_) {
    facts_.clear();
    base_ = i;
  }
  facts_.push_back(std::move(f));
  reached_ = i + 1;

  if (const auto* t = st.as<ir::Transaction>()) {
    if (t->kind == ir::TransactionKind::Begin) {
      if (!r.explicit_tx) r.opened = i;
      r.explicit_tx = true;
      if (!in_tx) {
        r.tx_start = i;
        r.begin_lock_timeout = r.lock_timeout;
        r.begin_statement_timeout = r.statement_timeout;
        r.begin_utc = r.utc;
      }
    } else if (t->kind == ir::TransactionKind::Commit || t->kind == ir::TransactionKind::Rollback ||
               t->kind == ir::TransactionKind::Prepare) {
      // AND CHAIN starts the next transaction at once.
      if (t->kind == ir::TransactionKind::Rollback && in_tx) {
        // SETs made in a transaction that rolls back are undone with it.
        r.lock_timeout = r.begin_lock_timeout;
        r.statement_timeout = r.begin_statement_timeout;
        r.utc = r.begin_utc;
      }
      r.explicit_tx = t->chain;
      r.opened = t->chain ? i : SIZE_MAX;
      if (r.implied == TxSource::Implicit) {
        // The implicit block ends here; a new one holds the statements after it.
        r.tx_start = t->chain ? i : i + 1;
      } else {
        r.tx_done = true;
        r.tx_start = t->chain ? i : SIZE_MAX;
      }
      r.transaction_ended();
    }
  } else if (const auto* set = st.as<ir::SetSetting>()) {
    auto apply = [&](std::optional<std::string>& session, std::optional<std::string>& local,
                     const std::string& value) {
      if (set->reset) {
        session.reset();
        local.reset();
      } else if (set->local) {
        // Outside a transaction block SET LOCAL only warns and changes nothing.
        if (in_tx) local = value;
      } else {
        session = value;
        local.reset();  // a plain SET replaces an earlier SET LOCAL at once
      }
    };
    std::string value;
    const TimeoutSetting which = timeout_setting(*set, settings, value);
    if (set->all) {
      r.lock_timeout.reset();
      r.statement_timeout.reset();
      r.local_lock_timeout.reset();
      r.local_statement_timeout.reset();
      r.utc = false;
      r.local_utc.reset();
    } else if (settings.dialect == Dialect::Postgres && set->name == "timezone") {
      // RESET / DEFAULT: the server's zone, which ddlint does not know.
      const bool zone = !set->reset && pg_utc_time_zone(set->value);
      if (set->reset) {
        r.utc = false;
        r.local_utc.reset();
      } else if (set->local) {
        if (in_tx) r.local_utc = zone;
      } else {
        r.utc = zone;
        r.local_utc.reset();
      }
    } else if (which == TimeoutSetting::Lock) {
      apply(r.lock_timeout, r.local_lock_timeout, value);
    } else if (which == TimeoutSetting::Statement) {
      apply(r.statement_timeout, r.local_statement_timeout, value);
    } else if (is_foreign_key_checks(*set)) {
      r.foreign_key_checks = foreign_key_checks_value(*set);
    }
  } else if (const auto* c = st.as<ir::CreateTable>()) {
    add_created({c->table, i, c->temporary});
  } else if (const auto* o = st.as<ir::Opaque>()) {
    // CREATE OR REPLACE VIEW may replace a view that exists (and is used).
    if (!o->creates.empty() && !(o->or_replace && o->creates_kind == ir::ObjectKind::View))
      add_created({o->creates, i});
  } else if (const auto* d = st.as<ir::Drop>()) {
    // DROP [TEMPORARY] TABLE t drops the session's temporary t first.
    if (d->object == ir::ObjectKind::Table)
      for (const auto& n : d->names) {
        auto named = created_by_name_.find(n.name);
        if (named == created_by_name_.end()) continue;
        for (auto k = named->second.rbegin(); k != named->second.rend(); ++k) {
          Created& c = created_[*k];
          if (c.renamed) continue;
          if (c.dropped == SIZE_MAX && same_table(c.name, n)) {
            if (c.temporary) c.dropped = i;
            break;
          }
        }
      }
  } else if (const auto* ci = st.as<ir::CreateIndex>()) {
    if (!ci->name.empty()) indexes_[ci->name].push_back({{ci->table.schema, ci->name, {}}, ci->table, i});
  } else if (const auto* at = st.as<ir::AlterTable>()) {
    for (const auto& a : at->actions) {
      if (a.kind == ir::AlterKind::AddConstraint && a.constraint &&
          a.constraint->kind == ir::ConstraintKind::Check && a.constraint->expr) {
        checks_by_table_[at->table.name].push_back(checks_.size());
        if (!a.constraint->name.empty())
          r.checks_named[at->table.name + '\0' + a.constraint->name].push_back(checks_.size());
        checks_.push_back({at->table, a.constraint->expr->not_null_column, a.constraint->name,
                           a.constraint->not_valid ? SIZE_MAX : i, SIZE_MAX});
      } else if (a.kind == ir::AlterKind::ValidateConstraint || a.kind == ir::AlterKind::DropConstraint) {
        const auto named = r.checks_named.find(at->table.name + '\0' + a.name);
        if (named == r.checks_named.end()) continue;
        for (const size_t c : named->second) {
          auto& k = checks_[c];
          if (k.name.empty() || k.name != a.name || !same_table(k.table, at->table)) continue;
          if (a.kind == ir::AlterKind::ValidateConstraint && k.validated == SIZE_MAX) k.validated = i;
          if (a.kind == ir::AlterKind::DropConstraint && k.dropped == SIZE_MAX) k.dropped = i;
        }
      }
    }
  }

  // Objects this run creates under a new name: a table created earlier in
  // the section and renamed is still new under its new name; a column added
  // earlier (or renamed from one) is new under the name it is renamed to.
  // Only ALTER TABLE and RENAME statements give these facts (ir::facts): the
  // others' facts are not worked out.
  if (st.as<ir::AlterTable>() != nullptr || st.as<ir::Rename>() != nullptr)
    for (const auto& fact : ir::facts(st)) {
      if (fact.kind == ir::FactKind::RenameTable && !fact.new_name.empty() &&
          created_before(fact.table_name, i)) {
        std::string_view renamed = fact.new_name;
        if (const size_t dot = renamed.rfind('.'); dot != std::string_view::npos)
          renamed.remove_prefix(dot + 1);
        Created c{{fact.table_name.schema, std::string(renamed), {}}, i};
        c.renamed = true;
        add_created(std::move(c));
      } else if (fact.kind == ir::FactKind::AddColumn && !fact.name.empty()) {
        add_column(fact.table_name, fact.name, i);
      } else if (fact.kind == ir::FactKind::RenameColumn && !fact.new_name.empty() &&
                 column_added_before(fact.table_name, fact.name, i)) {
        add_column(fact.table_name, fact.new_name, i);
      }
    }

  StatementFacts& added = facts_.back();
  // The locks its transaction already holds that cover the statement's.
  if (added.transaction_start != r.holding_tx) {
    r.holding.clear();
    r.held_schemas.clear();
    r.holding_tx = added.transaction_start;
  }
  if (r.holding_tx != SIZE_MAX) {
    for (size_t k = 0; k < added.effect.tables.size(); ++k) {
      const TableEffect& e = added.effect.tables[k];
      const auto it = r.holding.find(e.table.name);
      if (it == r.holding.end()) continue;
      for (const HeldLock& h : it->second)
        if (h.object == e.object &&
            (h.schema_size == 0 || e.table.schema.empty() || r.schema_of(h) == e.table.schema) &&
            (h.reads_and_writes || h.strength == e.strength)) {
          added.rare().held.resize(added.effect.tables.size());
          added.rare().held[k] = true;
          break;
        }
    }
    for (const auto& e : added.effect.tables) {
      r.holding[e.table.name].push_back({static_cast<uint32_t>(r.held_schemas.size()),
                                         static_cast<uint32_t>(e.table.schema.size()), e.strength, e.object,
                                         e.blocks == Blocks::ReadsAndWrites});
      r.held_schemas += e.table.schema;
    }
  }
  // What the table-stats file says of the existing tables the statement
  // touches (a table created earlier in the run is new and empty).
  if (settings.sizes.stats) {
    std::vector<const TableSize*> sizes(added.effect.tables.size(), nullptr);
    for (size_t k = 0; k < added.effect.tables.size(); ++k) {
      const TableEffect& e = added.effect.tables[k];
      if ((e.object == ir::ObjectKind::Index && e.index_name().empty()) || created_before(e.table, i))
        continue;
      sizes[k] = settings.sizes.stats->find(e.table);
    }
    // Empty without table effects, as before; a statement with effects
    // holds one entry per effect.
    if (!sizes.empty()) added.rare().sizes = std::move(sizes);
    const ir::QualifiedName* written = nullptr;
    if (const auto* u = st.as<ir::Update>()) written = &u->table;
    if (const auto* d = st.as<ir::Delete>()) written = &d->table;
    if (written != nullptr && !created_before(*written, i))
      if (const TableSize* size = settings.sizes.stats->find(*written)) added.rare().written_size = size;
  }
}

const StatementFacts::Rare& StatementFacts::none() {
  static const Rare kNone;
  return kNone;
}

bool StatementFacts::table_known_absent(const ir::QualifiedName& table) const {
  if (!rare_) return false;
  for (const auto& t : rare_->absent_tables)
    if (same_table(t, table)) return true;
  return false;
}

bool StatementFacts::table_unseen(const ir::QualifiedName& table) const {
  if (!rare_) return false;
  for (const auto& t : rare_->unseen_tables)
    if (same_table(t, table)) return true;
  return false;
}

bool MigrationFacts::validated_check(const ir::QualifiedName& table, size_t statement) const {
  const auto named = checks_by_table_.find(table.name);
  if (named == checks_by_table_.end()) return false;
  for (const size_t c : named->second)
    if (const auto& k = checks_[c]; k.validated < statement && k.dropped > statement &&
                                    same_section(k.validated, statement) && same_table(k.table, table))
      return true;
  return false;
}

bool MigrationFacts::not_null_proven(const ir::QualifiedName& table, const std::string& column,
                                     size_t statement) const {
  const auto named = checks_by_table_.find(table.name);
  if (named == checks_by_table_.end()) return false;
  for (const size_t c : named->second)
    if (const auto& k = checks_[c]; k.column == column && k.validated < statement && k.dropped > statement &&
                                    same_section(k.validated, statement) && same_table(k.table, table))
      return true;
  return false;
}

const ir::QualifiedName* MigrationFacts::created_index_table(const ir::QualifiedName& index,
                                                             size_t statement) const {
  if (const auto named = indexes_.find(index.name); named != indexes_.end())
    for (const auto& k : named->second)
      if (k.statement < statement && same_section(k.statement, statement) && same_table(k.name, index))
        return &k.table;
  if (statement < reached_ && !down_[statement])
    for (const auto& e : earlier_)
      if (e.index && same_table(e.name, index)) return &e.table;
  return nullptr;
}

void MigrationFacts::add_created(Created c) {
  created_by_name_[c.name.name].push_back(created_.size());
  created_.push_back(std::move(c));
}

bool MigrationFacts::created_before(const ir::QualifiedName& table, size_t statement) const {
  if (auto named = created_by_name_.find(table.name); named != created_by_name_.end())
    for (const size_t k : named->second) {
      const Created& c = created_[k];
      if (c.statement < statement && statement <= c.dropped && same_section(c.statement, statement) &&
          same_table(c.name, table))
        return true;
    }
  if (statement < reached_ && !down_[statement])
    for (const auto& e : earlier_)
      if (!e.index && same_table(e.name, table)) return true;
  return false;
}

void MigrationFacts::add_column(const ir::QualifiedName& table, const std::string& column, size_t statement) {
  // Asked (column_added_before) only about a column a statement names
  // other than by adding it.
  if (!column_mentioned(column)) return;
  const auto [id, added] = added_table_ids_.try_emplace(table.schema + '\0' + table.name,
                                                        static_cast<uint32_t>(added_tables_.size()));
  if (added) added_tables_.push_back({table.schema, table.name, {}});
  added_columns_.emplace(ascii_lower(column), AddedColumn{id->second, statement});
}

bool MigrationFacts::column_added_before(const ir::QualifiedName& table, const std::string& column,
                                         size_t statement) const {
  const auto [first, last] = added_columns_.equal_range(ascii_lower(column));
  for (auto it = first; it != last; ++it) {
    const AddedColumn& c = it->second;
    if (!same_table(added_tables_[c.table], table)) continue;
    if (c.statement == kEarlierStep) {
      if (statement < reached_ && !down_[statement]) return true;
      continue;
    }
    if (c.statement < statement && same_section(c.statement, statement) && !down_[c.statement]) return true;
  }
  return false;
}

}  // namespace ddlint::analysis
