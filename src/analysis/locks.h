#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/schema_model.h"
#include "analysis/settings.h"
#include "ir/ir.h"

namespace ddlint::analysis {

// What other sessions can no longer do to a table while the lock is held,
// whatever the dialect calls the lock: the level rules ask about. Ordered:
// a higher level blocks everything a lower one does.
//  - Nothing: a lock annotation that declares no lock (no model computes it);
//  - Ddl: schema changes (and maintenance) wait, reads and writes go on
//    (PostgreSQL ACCESS SHARE .. SHARE UPDATE EXCLUSIVE; MySQL LOCK=NONE,
//    whose shared metadata lock still holds off other DDL);
//  - Writes: reads go on, writes wait (SHARE, EXCLUSIVE; LOCK=SHARED);
//  - ReadsAndWrites: everything waits (ACCESS EXCLUSIVE; LOCK=EXCLUSIVE).
enum class Blocks : uint8_t { Nothing = 0, Ddl = 1, Writes = 2, ReadsAndWrites = 3 };
// "none", "ddl", "write", "exclusive" (the words of lock annotations and of
// `ddlint locks --format json`).
std::string_view to_string(Blocks b);
// "blocks nothing", "blocks schema changes", "blocks writes", "blocks reads and writes".
std::string_view describe(Blocks b);
// Reads or writes of other sessions wait while the lock is held.
inline bool blocks_traffic(Blocks b) { return b >= Blocks::Writes; }

struct TableEffect {
  ir::QualifiedName table;
  // The lock reaches the table through this index (DROP INDEX i, ALTER INDEX i
  // ... of an index the schema model knows): `table` is the index's table.
  // Read it with index_name() (empty when not through an index). On the heap:
  // few effects have one, and a file may hold a million effects.
  ir::Box<ir::QualifiedName> via_index;
  const ir::QualifiedName& index_name() const {
    static const ir::QualifiedName kNone;
    return via_index ? *via_index : kNone;
  }
  ir::ObjectKind object = ir::ObjectKind::Table;  // Index when only the index name is known
  Blocks blocks = Blocks::Nothing;
  // What later statements on the table queue behind while this statement
  // waits for its lock: `blocks`, except for MySQL/MariaDB DDL, which takes
  // an exclusive metadata lock at its start and end (even INSTANT and
  // LOCK=NONE): while it waits for that, everything on the table waits.
  Blocks waiting = Blocks::Nothing;
  bool rewrite = false;  // the table (and its indexes) are rewritten
  bool scan = false;     // the whole table is read (validation, index build)
  // MySQL/MariaDB: `lock` is stronger than the operation needs because a
  // LOCK= clause asks for it; `algorithm` is costlier than it needs because
  // an ALGORITHM= clause asks for it (e.g. ALGORITHM=COPY).
  bool lock_requested = false;
  bool algorithm_requested = false;
  // The mode's place in its dialect's lock order, weakest first (PostgreSQL:
  // ACCESS SHARE 0 .. ACCESS EXCLUSIVE 7): equal strengths are the same mode.
  int strength = 0;
  std::string mode;  // dialect lock mode name, for messages only
  // What only some effects have (MySQL/MariaDB's verdict, a condition on
  // the rewrite), on the heap: a file may hold a million effects, and a
  // PostgreSQL one rarely has any of it. Read through the accessors below
  // (empty when the effect has none); written through detail().
  struct Detail {
    std::string algorithm;
    std::string lock;
    std::string operation;
    std::vector<std::string> assumed_columns;
    std::string unless;
  };
  Detail& detail() {
    if (!detail_) detail_.emplace();
    return *detail_;
  }
  // MySQL/MariaDB only (empty for PostgreSQL): the algorithm the server runs
  // (INSTANT, NOCOPY, INPLACE, COPY) and the concurrency it allows during the
  // operation, as a LOCK= value (NONE, SHARED, EXCLUSIVE). `mode` adds the
  // brief exclusive metadata lock every ALTER takes at start and end.
  const std::string& algorithm() const { return detail_ ? detail_->algorithm : none().algorithm; }
  const std::string& lock() const { return detail_ ? detail_->lock : none().lock; }
  // MySQL/MariaDB verdicts for rules (which never read the spellings above).
  bool copies() const { return algorithm() == "COPY"; }
  bool instant() const { return algorithm() == "INSTANT"; }
  // MySQL/MariaDB ALTER TABLE: the subcommand (index into its actions) that
  // decides the verdict: for a COPY the first one that cannot run otherwise,
  // else the first one that needs `lock`, else the costliest; SIZE_MAX when
  // no single subcommand does. `operation` describes it ("ADD FULLTEXT INDEX
  // (first)", "MODIFY COLUMN (type change)") for messages.
  size_t action = static_cast<size_t>(-1);
  const std::string& operation() const { return detail_ ? detail_->operation : none().operation; }
  // MySQL/MariaDB: the COPY verdict rests on old column definitions the
  // model does not know: these MODIFY/CHANGE columns are taken to change
  // their type. Were each already of its new type, the statement would not
  // copy the table. Empty when the verdict does not depend on them.
  const std::vector<std::string>& assumed_columns() const {
    return detail_ ? detail_->assumed_columns : none().assumed_columns;
  }
  // The rewrite (PostgreSQL) or copy (MySQL) rests on an old column
  // definition the model does not know: it does not happen when this holds
  // ("`balance` already is `numeric(20,2)` or ..."). Empty when certain.
  const std::string& unless() const { return detail_ ? detail_->unless : none().unless; }

 private:
  ir::Box<Detail> detail_;
  static const Detail& none() {
    static const Detail kNone;
    return kNone;
  }
};

// The lock for a message: "an ACCESS EXCLUSIVE lock" (PostgreSQL), "LOCK=SHARED
// (ALGORITHM=COPY)" (MySQL/MariaDB ALTER), "an MDL EXCLUSIVE lock" otherwise.
std::string lock_phrase(const TableEffect& e);

// A transaction that holds `held` is granted `wanted` on the same table at
// once: the same mode, or a lock that already blocks reads and writes.
inline bool covers(const TableEffect& held, const TableEffect& wanted) {
  return held.blocks == Blocks::ReadsAndWrites || held.strength == wanted.strength;
}

// The lock model's verdict for one statement.
struct StatementEffect {
  std::vector<TableEffect> tables;
  bool no_transaction_block = false;  // refused inside a transaction block
  // MySQL/MariaDB: the statement commits the open transaction (all DDL).
  bool implicit_commit = false;
  // MySQL/MariaDB: the server refuses the statement on the target version,
  // e.g. an explicit ALGORITHM=/LOCK= the operation cannot honour.
  bool fails = false;
  // Statement: the form itself is refused (RENAME COLUMN before MySQL 8.0 /
  // MariaDB 10.5.2); `failed_action` names the refused action.
  enum class Clause : uint8_t { None, Algorithm, Lock, Statement };
  Clause failed_clause = Clause::None;  // the clause the server refuses
  // What only some statements have (why one cannot run in a transaction
  // block, MySQL/MariaDB's refusal and clauses), on the heap: a file may
  // hold a million statements. Read through the accessors below (empty when
  // the statement has none); written through detail().
  struct Detail {
    std::string no_transaction_reason;
    std::string fail_reason;
    size_t failed_action = SIZE_MAX;
    std::vector<std::string> fail_assumed_columns;
    std::string online_clauses;
  };
  Detail& detail() {
    if (!detail_) detail_.emplace();
    return *detail_;
  }
  // e.g. "CREATE INDEX CONCURRENTLY"
  const std::string& no_transaction_reason() const {
    return detail_ ? detail_->no_transaction_reason : none().no_transaction_reason;
  }
  // "ALGORITHM=INSTANT is not supported for ADD INDEX"
  const std::string& fail_reason() const { return detail_ ? detail_->fail_reason : none().fail_reason; }
  size_t failed_action() const { return detail_ ? detail_->failed_action : SIZE_MAX; }
  // The refusal rests on old column definitions the model does not know
  // (as TableEffect::assumed_columns): these MODIFY/CHANGE columns.
  const std::vector<std::string>& fail_assumed_columns() const {
    return detail_ ? detail_->fail_assumed_columns : none().fail_assumed_columns;
  }
  // MySQL/MariaDB ALTER TABLE / CREATE INDEX: the clauses that pin what the
  // server does without any ("ALGORITHM=INPLACE, LOCK=NONE"; MySQL INSTANT
  // takes no LOCK=: "ALGORITHM=INSTANT"). The server accepts them on the
  // target (with the model's assumptions about the table).
  const std::string& online_clauses() const {
    return detail_ ? detail_->online_clauses : none().online_clauses;
  }

 private:
  ir::Box<Detail> detail_;
  static const Detail& none() {
    static const Detail kNone;
    return kNone;
  }
};

// First PostgreSQL lock classification (reference/locks.md §A): the lock each
// statement takes on the tables it touches, whether it rewrites or scans them,
// and whether it may run inside a transaction block.
// `known`: the schema model just before the statement (ALTER COLUMN ... TYPE
// from a known type can be a catalog-only change; the functions an ADD
// COLUMN default calls; the table of an index dropped, renamed or
// reindexed), read only for those; none by default.
// `utc_session`: the session's TimeZone is UTC when the statement runs (SET
// earlier in the session), so on PostgreSQL 12+ timestamp <-> timestamptz
// needs no rewrite.
StatementEffect pg_statement_effect(const ir::Statement& stmt, const Settings& settings,
                                    ModelBefore known = {}, bool utc_session = false);

// What the MySQL model knows of a table before a statement. Without it, a
// MODIFY/CHANGE COLUMN is taken to change the column's type (COPY), and the
// table is taken to be an InnoDB DYNAMIC table without FULLTEXT indexes.
struct MySqlColumnInfo {
  std::string name;
  ir::TypeName type;
  bool not_null = false;
  bool not_null_known = true;  // false: nullability unknown (a change is assumed)
  bool indexed = false;        // part of an index
};
struct MySqlTableInfo {
  std::vector<MySqlColumnInfo> columns;
  std::string charset;     // table default character set, lower-case; empty when unknown
  std::string row_format;  // upper-case ROW_FORMAT; empty = the default (DYNAMIC)
  bool has_fulltext = false;
  std::string engine;  // lower-case ENGINE=; empty = InnoDB (the default)
  const MySqlColumnInfo* column(std::string_view name) const;
};
struct MySqlContext {
  bool foreign_key_checks = true;  // the session's foreign_key_checks
  std::vector<std::pair<ir::QualifiedName, MySqlTableInfo>> tables;
  const MySqlTableInfo* table(const ir::QualifiedName& name) const;
};

// MySQL/MariaDB InnoDB online-DDL classification (reference/locks.md §B) for
// Settings::mysql: per table, the algorithm the server picks (or the one an
// ALGORITHM= clause forces), the concurrent DML it allows, rebuild and scan;
// whether an ALGORITHM=/LOCK= clause makes the statement fail; implicit commit.
StatementEffect mysql_statement_effect(const ir::Statement& stmt, const Settings& settings,
                                       const MySqlContext* context = nullptr);

}  // namespace ddlint::analysis
