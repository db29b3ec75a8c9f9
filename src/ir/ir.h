#pragma once
// Dialect-neutral migration IR. Front-ends lower their parse trees into these
// structs; rules and analysis only ever see these types. Every part a rule may
// point at carries a byte range into the source file.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/text.h"

namespace ddlint::ir {

// An optional part held on the heap: std::optional's interface (empty or
// one value; copies copy the value) at the size of a pointer. For the large
// parts only some statements have (an ALTER TABLE subcommand carries one of
// a column definition, a constraint or a new type), so a statement does not
// hold room for all of them: a file of a million statements keeps every
// statement in memory.
template <typename T>
class Box {
 public:
  Box() = default;
  Box(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): as std::optional
  // (A value is copied or moved once, into its place on the heap.)
  Box(const T& value) : p_(std::make_unique<T>(value)) {}        // NOLINT(google-explicit-constructor)
  Box(T&& value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT(google-explicit-constructor)
  Box(const Box& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  Box& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  ~Box() = default;

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  template <typename... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  void reset() { p_.reset(); }
  // The value, made empty first when there is none.
  T& emplace_or_get() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }

 private:
  std::unique_ptr<T> p_;
};

// A possibly schema-qualified object name, folded the way the dialect folds
// unquoted identifiers.
struct QualifiedName {
  std::string schema;
  std::string name;
  TextRange range;

  std::string display() const { return schema.empty() ? name : schema + "." + name; }
  bool empty() const { return name.empty(); }
};

// A column type, normalised: lower-case base name without the pg_catalog
// qualifier ("int4", "varchar", "timestamptz", "serial"), type modifiers as
// written, and array-ness.
struct TypeName {
  std::string name;
  std::vector<std::string> modifiers;  // length/precision; MySQL ENUM/SET: the values as written
  bool array = false;
  bool is_unsigned = false;  // MySQL UNSIGNED
  TextRange range;

  // MySQL CHARACTER SET and COLLATE, lower-case; empty when not written.
  // On the heap, and only when one is written: a file may hold a million
  // column definitions, and most name neither.
  const std::string& charset() const { return charset_ ? charset_->charset : kNoCharset.charset; }
  const std::string& collation() const { return charset_ ? charset_->collation : kNoCharset.collation; }
  void set_charset(std::string charset) {
    if (charset_ || !charset.empty()) charset_.emplace_or_get().charset = std::move(charset);
  }
  void set_collation(std::string collation) {
    if (charset_ || !collation.empty()) charset_.emplace_or_get().collation = std::move(collation);
  }

 private:
  struct Charset {
    std::string charset;
    std::string collation;
  };
  static inline const Charset kNoCharset{};
  Box<Charset> charset_;
};

// Summary of an expression: enough for rules to reason about defaults and
// checks without seeing a dialect's expression tree.
struct Expr {
  TextRange range;
  std::vector<std::string> functions;  // lower-case names of every function called
  bool is_constant = false;            // literals, casts of literals, arrays of literals
  bool is_null = false;                // the NULL literal
  std::string not_null_column;         // the expression is exactly `column IS NOT NULL`
};

enum class ConstraintKind {
  Check,
  ForeignKey,
  Unique,
  PrimaryKey,
  Exclusion,
  NotNull,
  Null,
  Default,
  Generated,
  Identity,
  Index,     // MySQL plain INDEX / KEY
  Fulltext,  // MySQL FULLTEXT index
  Spatial,   // MySQL SPATIAL index
  Other
};
std::string_view to_string(ConstraintKind k);

struct Constraint {
  ConstraintKind kind = ConstraintKind::Other;
  std::string name;
  TextRange range;
  bool not_valid = false;     // NOT VALID: existing rows are not checked
  bool not_enforced = false;  // NOT ENFORCED (MySQL CHECK): neither existing nor new rows are checked
  std::string using_index;    // UNIQUE/PRIMARY KEY USING INDEX name
  std::vector<std::string> columns;
  QualifiedName ref_table;  // FOREIGN KEY / REFERENCES target
  std::vector<std::string> ref_columns;
  Box<Expr> expr;       // CHECK expression, DEFAULT value, generation expression
  bool stored = false;  // GENERATED ... STORED
};

struct ColumnDef {
  std::string name;
  TextRange range;  // whole column definition
  TextRange name_range;
  TypeName type;
  bool not_null = false;  // NOT NULL or PRIMARY KEY
  Box<Expr> default_value;
  std::vector<Constraint> constraints;  // inline constraints, in source order
};

enum class ObjectKind {
  Table,
  Index,
  View,
  MaterializedView,
  Sequence,
  Schema,
  Database,
  Type,
  Domain,
  Function,
  Procedure,
  Trigger,
  Extension,
  Column,
  Constraint,
  ForeignTable,
  Tablespace,
  Other
};
std::string_view to_string(ObjectKind k);

// ---- statements -----------------------------------------------------------

// Events of a row trigger (Opaque::trigger_events).
constexpr uint8_t kTriggerInsert = 1;
constexpr uint8_t kTriggerUpdate = 2;
constexpr uint8_t kTriggerDelete = 4;

// How a function's result may change between calls with the same arguments
// (PostgreSQL IMMUTABLE / STABLE / VOLATILE). Unknown: not declared here.
enum class Volatility { Unknown, Immutable, Stable, Volatile };

// A statement ddlint parsed but does not model (CREATE FUNCTION, GRANT, ...).
// Never dropped: rules see it through onOpaque and analysis counts it.
struct Opaque {
  std::string node;                   // front-end's name for it, e.g. "CreateFunctionStmt"
  bool no_transaction_block = false;  // the dialect refuses it inside a transaction block
  QualifiedName creates;  // what it creates, when known (CREATE TYPE ... AS ENUM, CREATE SEQUENCE)
  // Set when it creates an object for which the dialect offers IF NOT EXISTS
  // (CREATE SCHEMA, CREATE SEQUENCE, CREATE EXTENSION): whether it was written.
  std::optional<bool> if_not_exists;
  // CREATE TRIGGER: the trigger's name and the table it fires on.
  std::string trigger;
  QualifiedName on_table;
  bool or_replace = false;  // CREATE OR REPLACE (view, routine): running it again succeeds
  QualifiedName routine;    // CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT: its name (not a relation)
  // The relations it acts on, for the lock model (PostgreSQL CREATE TRIGGER,
  // CREATE RULE, CREATE/ALTER POLICY, CREATE STATISTICS, COMMENT ON a table or
  // column, GRANT/REVOKE on tables, ALTER SEQUENCE).
  std::vector<QualifiedName> acts_on;
  // DO block: the tables its code updates or deletes from inside a loop (a
  // batched backfill), in the order the block names them.
  std::vector<QualifiedName> loop_writes;
  // CREATE TRIGGER: the statements that fire it (kTriggerInsert | ...); 0
  // when not known.
  uint8_t trigger_events = 0;
  // CREATE FUNCTION: the volatility it declares (PostgreSQL: VOLATILE when
  // none is written); Unknown for other statements.
  Volatility volatility = Volatility::Unknown;
  // What `creates` is: View for CREATE [OR REPLACE] VIEW; Other otherwise.
  ObjectKind creates_kind = ObjectKind::Other;
  // CREATE / ALTER SEQUENCE ... OWNED BY table.column: the owning table and
  // column (the sequence is dropped with them); empty otherwise (and for
  // OWNED BY NONE).
  QualifiedName owned_by;
  std::string owned_by_column;
  // CREATE TYPE ... AS ENUM (PostgreSQL): the labels, in order.
  std::vector<std::string> enum_labels;
};

struct CreateTable {
  QualifiedName table;
  bool if_not_exists = false;
  bool temporary = false;
  bool unlogged = false;
  bool as_select = false;                 // CREATE TABLE ... AS
  ObjectKind object = ObjectKind::Table;  // MaterializedView for CREATE MATERIALIZED VIEW ... AS
  std::optional<QualifiedName> partition_of;
  // MySQL `CREATE TABLE t LIKE src` / `(LIKE src)`: an empty copy of src's
  // columns, indexes and options.
  std::optional<QualifiedName> like;
  std::vector<ColumnDef> columns;
  std::vector<Constraint> constraints;  // table-level constraints
  // MySQL/MariaDB table options as written: name upper-case (ENGINE,
  // ROW_FORMAT, CHARSET for any spelling of the default character set,
  // COLLATE, KEY_BLOCK_SIZE, PARTITION BY, ...), value unquoted.
  struct Option {
    std::string name;
    std::string value;
  };
  std::vector<Option> options;
  // The value of option `name` (upper-case); empty when not written.
  std::string option(std::string_view name) const {
    for (const auto& o : options)
      if (o.name == name) return o.value;
    return {};
  }
};

enum class AlterKind {
  AddColumn,
  DropColumn,
  AlterColumnType,
  SetNotNull,
  DropNotNull,
  SetDefault,
  DropDefault,
  AddConstraint,
  DropConstraint,
  ValidateConstraint,
  AlterConstraint,
  SetTablespace,
  SetLogged,
  SetUnlogged,
  SetAccessMethod,
  AttachPartition,
  DetachPartition,
  AddIdentity,
  SetIdentity,
  DropIdentity,
  SetExpression,
  DropExpression,
  SetStatistics,
  SetStorage,
  SetCompression,
  SetOptions,
  ResetOptions,
  ClusterOn,
  SetWithoutCluster,
  EnableTrigger,
  DisableTrigger,
  EnableRule,
  DisableRule,
  EnableRowSecurity,
  DisableRowSecurity,
  ForceRowSecurity,
  NoForceRowSecurity,
  ReplicaIdentity,
  OwnerTo,
  Inherit,
  NoInherit,
  // MySQL/MariaDB subcommands
  ModifyColumn,    // MODIFY [COLUMN] c def: column = c, column_def = the new definition
  ChangeColumn,    // CHANGE [COLUMN] old new def: column = old, column_def = the new definition (new name)
  RenameColumn,    // RENAME COLUMN a TO b: column = a, name = b
  AddIndex,        // ADD INDEX/KEY/UNIQUE/FULLTEXT/SPATIAL: name, constraint (kind Index, Unique, ...)
  DropIndex,       // DROP INDEX/KEY name
  DropPrimaryKey,  // DROP PRIMARY KEY
  ConvertCharset,  // CONVERT TO CHARACTER SET x: name = x
  RenameTable,     // RENAME [TO|AS] x: name = x
  TableOptions,    // ENGINE=, ROW_FORMAT=, AUTO_INCREMENT=, ...: native = the options as written
  Other
};
std::string_view to_string(AlterKind k);

// ENABLE/DISABLE TRIGGER: which triggers of the table it switches.
enum class TriggerSet {
  Named,  // the trigger named in AlterAction::name
  User,   // every trigger but the internal ones (USER)
  All,    // every trigger, including the internal ones that enforce foreign keys (ALL)
};

struct AlterAction {
  AlterKind kind = AlterKind::Other;
  TextRange range;             // the whole subcommand
  std::string column;          // target column, when there is one
  std::string name;            // constraint / partition / tablespace / trigger name
  Box<ColumnDef> column_def;   // ADD COLUMN
  Box<Constraint> constraint;  // ADD CONSTRAINT
  Box<TypeName> new_type;      // ALTER COLUMN TYPE
  Box<Expr> expr;              // SET DEFAULT value / USING expression
  // ATTACH / DETACH PARTITION target, read with partition_name() (empty
  // for other subcommands; on the heap: few subcommands have one).
  Box<QualifiedName> partition;
  const QualifiedName& partition_name() const {
    static const QualifiedName kNone;
    return partition ? *partition : kNone;
  }
  bool if_exists = false;  // DROP ... IF EXISTS / ADD COLUMN IF NOT EXISTS
  bool cascade = false;
  bool concurrently = false;  // DETACH PARTITION ... CONCURRENTLY
  std::string native;         // front-end's own name for the subcommand
  // ENABLE/DISABLE TRIGGER: the triggers switched; `replica_only`: ENABLE
  // REPLICA, after which they fire only in sessions that apply replicated
  // changes, not in ordinary ones.
  TriggerSet triggers = TriggerSet::Named;
  bool replica_only = false;
  // MySQL ADD/MODIFY/CHANGE COLUMN position: "FIRST", "AFTER <column>", or
  // empty (ADD: last; MODIFY/CHANGE: unchanged).
  std::string position;
};

struct AlterTable {
  QualifiedName table;
  ObjectKind object = ObjectKind::Table;  // ALTER TABLE / INDEX / MATERIALIZED VIEW ...
  bool only = false;
  bool if_exists = false;
  std::vector<AlterAction> actions;
  // MySQL/MariaDB online-DDL clauses, upper-case as the server reads them
  // (ALGORITHM: DEFAULT, INSTANT, INPLACE, COPY, NOCOPY; LOCK: DEFAULT, NONE,
  // SHARED, EXCLUSIVE); empty when not written.
  std::string algorithm;
  std::string lock;
  TextRange algorithm_range;  // the ALGORITHM= clause, when written
  TextRange lock_range;       // the LOCK= clause, when written
};

struct CreateIndex {
  std::string name;
  QualifiedName table;
  bool concurrently = false;
  bool unique = false;
  bool if_not_exists = false;
  bool only = false;
  bool partial = false;
  std::vector<std::string> columns;  // plain column keys; expressions are "(expr)"
  TextRange keyword_range;           // the INDEX keyword (CONCURRENTLY goes after it)
  // MySQL/MariaDB: CREATE FULLTEXT / SPATIAL INDEX (Fulltext, Spatial; Index
  // otherwise), and the ALGORITHM= / LOCK= options, upper-case, empty when absent.
  ConstraintKind mysql_kind = ConstraintKind::Index;
  std::string algorithm;
  std::string lock;
  TextRange algorithm_range;  // the ALGORITHM= clause, when written
  TextRange lock_range;       // the LOCK= clause, when written
};

struct Drop {
  ObjectKind object = ObjectKind::Other;
  std::vector<QualifiedName> names;
  bool if_exists = false;
  bool cascade = false;
  bool concurrently = false;
  bool temporary = false;   // MySQL DROP TEMPORARY TABLE: only this session's temporary tables
  TextRange keyword_range;  // DROP INDEX: the INDEX keyword (CONCURRENTLY goes after it)
  QualifiedName on_table;   // DROP TRIGGER/POLICY/RULE name ON table: the table
};

struct Truncate {
  std::vector<QualifiedName> tables;
  bool cascade = false;
  bool restart_identity = false;
};

struct Rename {
  ObjectKind object = ObjectKind::Other;  // what is renamed: Table, Column, Index, Constraint ...
  QualifiedName target;                   // the table (for columns/constraints) or the object
  std::string subname;                    // old column / constraint name
  std::string new_name;
  // What this rename covers when the statement renames several objects
  // (MySQL `RENAME TABLE a TO b, c TO d`: one pair); empty: the whole statement.
  TextRange range;
};

enum class TransactionKind { Begin, Commit, Rollback, Savepoint, Release, RollbackTo, Prepare, Other };
std::string_view to_string(TransactionKind k);

struct Transaction {
  TransactionKind kind = TransactionKind::Other;
  bool chain = false;  // COMMIT/ROLLBACK AND CHAIN: a new transaction starts at once
};

struct SetSetting {
  std::string name;   // lower-case
  std::string value;  // as written, quotes removed; empty for RESET / DEFAULT
  bool local = false;
  bool reset = false;  // RESET name / SET name TO DEFAULT
  bool all = false;    // RESET ALL
};

// How a top-level AND term of an UPDATE/DELETE WHERE compares a column of the
// target table with a value that does not read the row.
enum class FilterOp {
  Equal,           // col = value (a literal, parameter, expression of those, or scalar subquery)
  In,              // col IN (values...), col = ANY(array of values)
  InLimitedQuery,  // col IN (SELECT ... LIMIT n), col = ANY(ARRAY(SELECT ... LIMIT n))
  Less,            // col < value (literal-only values for the range forms)
  LessEqual,
  Greater,
  GreaterEqual,
  Between  // col BETWEEN value AND value
};
std::string_view to_string(FilterOp op);

struct ColumnFilter {
  std::string column;  // as folded by the dialect, without the table qualifier
  FilterOp op = FilterOp::Equal;
  TextRange range;  // the column reference
};

// What limits the rows an UPDATE/DELETE touches, beyond having a WHERE.
struct RowSelection {
  std::vector<ColumnFilter> filters;  // top-level AND terms of the WHERE that compare a column with a value
  bool limited_source = false;        // a WITH query or a FROM/USING subquery has LIMIT / FETCH FIRST
  bool limit = false;                 // the statement's own LIMIT n (MySQL UPDATE/DELETE ... LIMIT)
  bool current_of = false;            // WHERE CURRENT OF cursor
};

struct Update {
  QualifiedName table;
  bool has_where = false;
  RowSelection selection;
  // Every SET value is a constant (`SET version = 42, name = 'x'`).
  bool sets_constants = false;
};

struct Delete {
  QualifiedName table;
  bool has_where = false;
  RowSelection selection;
};

struct Insert {
  QualifiedName table;
  bool from_select = false;
  // INSERT ... SELECT: the tables the query's top-level FROM names (joins
  // included); empty when it names none or the front end cannot tell.
  std::vector<QualifiedName> sources;
};

struct Reindex {
  ObjectKind target = ObjectKind::Index;  // Index, Table, Schema, Database (System -> Database)
  QualifiedName name;
  bool concurrently = false;
  bool system = false;  // REINDEX SYSTEM: the system catalogs, which are never reindexed concurrently
};

struct Vacuum {
  bool full = false;
  bool vacuum = true;    // false for plain ANALYZE
  bool analyze = false;  // ANALYZE, or VACUUM with ANALYZE: the planner's statistics are rebuilt
  std::vector<QualifiedName> tables;
};

struct Cluster {
  std::optional<QualifiedName> table;
};

struct RefreshMatView {
  QualifiedName view;
  bool concurrently = false;
};

struct AlterEnum {
  QualifiedName type;
  std::string value;
  bool rename_value = false;
  bool if_not_exists = false;
};

struct CreateDomain {
  QualifiedName name;
  TypeName base;
  std::vector<Constraint> constraints;
};

struct AlterDomain {
  QualifiedName name;
  std::string action;  // "add-constraint", "validate-constraint", "set-not-null", ...
  std::optional<Constraint> constraint;
};

struct LockTable {
  std::vector<QualifiedName> tables;
  std::string
      mode;  // upper-case lock mode name, e.g. "ACCESS EXCLUSIVE"; MySQL: the strongest, READ or WRITE
  // MySQL LOCK TABLES: the mode written for each table ("READ LOCAL",
  // "WRITE"), parallel to `tables`; empty where one mode covers all.
  std::vector<std::string> table_modes;
  bool nowait = false;
};

#define DDLINT_STMT(Kind) Kind,
enum class StmtKind {
#include "ir/statements.def"
};
#undef DDLINT_STMT

std::string_view to_string(StmtKind k);

// How a statement holds each kind: in place, or for the large kinds few
// statements are (CREATE TABLE, CREATE INDEX, the opaque ones, domains) on
// the heap, so that a statement takes the room of the largest common kind
// rather than of the largest kind (a file of a million statements keeps
// every statement in memory). Read through Statement::as() and ir::visit(),
// which see the kind itself either way.
template <class T>
inline constexpr bool kBoxedNode =
    std::is_same_v<T, Opaque> || std::is_same_v<T, CreateTable> || std::is_same_v<T, CreateIndex> ||
    std::is_same_v<T, CreateDomain> || std::is_same_v<T, AlterDomain>;
template <class T>
struct NodeSlot {
  using type = std::conditional_t<kBoxedNode<T>, Box<T>, T>;
};

#define DDLINT_STMT(Kind) , NodeSlot<Kind>::type
using StatementNode = std::variant<std::monostate
#include "ir/statements.def"
                                   >;
#undef DDLINT_STMT

template <class T>
const T& unbox(const T& node) {
  return node;
}
template <class T>
const T& unbox(const Box<T>& node) {
  return *node;
}

// std::visit over a statement's node, `fn` called with the kind itself
// (const Opaque&, const AlterTable&, ..., or std::monostate).
template <class Fn>
decltype(auto) visit(Fn&& fn, const StatementNode& node) {
  return std::visit([&](const auto& n) -> decltype(auto) { return fn(unbox(n)); }, node);
}

struct Statement {
  TextRange range;  // first token to last token, without the terminating ';'
  StatementNode node;
  // Session settings in effect for this statement only, applied in order
  // after the session's own (MariaDB `SET STATEMENT var = value, ... FOR
  // stmt`; MariaDB `WAIT n` / `NOWAIT` set lock_wait_timeout to n / 0 for
  // the statement). Later statements keep the session's values.
  std::vector<SetSetting> own_settings = {};
  // Read from the tokens of a statement the parser rejected (the ParseError
  // with the same statement range): only what a token scan tells with
  // certainty (the object created, dropped or renamed). The schema model and
  // the file's facts see it; rules are not run on it and the lock model
  // gives it no effect.
  bool recovered = false;
  // Where the outermost statement whose text holds this one starts (MySQL
  // dynamic SQL: a statement read from the string literal of a `SET @v =
  // '...'` that a later EXECUTE runs), or kNotHeld. Set by parser::parse,
  // unless ParsedFile::irregular_nesting.
  static constexpr uint32_t kNotHeld = UINT32_MAX;
  uint32_t held_by = kNotHeld;

  StmtKind kind() const {
    return node.index() == 0 ? StmtKind::Opaque : static_cast<StmtKind>(node.index() - 1);
  }
  template <class T>
  const T* as() const {
    const auto* slot = std::get_if<typename NodeSlot<T>::type>(&node);
    if constexpr (std::is_same_v<typename NodeSlot<T>::type, T>)
      return slot;
    else
      return slot ? &**slot : nullptr;
  }
};

}  // namespace ddlint::ir
