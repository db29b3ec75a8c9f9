#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/settings.h"
#include "ir/ir.h"

namespace ddlint::analysis {

// What other sessions can no longer do to a table while the lock is held.
enum class Blocks { Nothing = 0, Writes = 1, ReadsAndWrites = 2 };
std::string_view to_string(Blocks b);
std::string_view describe(Blocks b);  // "blocks writes", "blocks reads and writes"

struct TableEffect {
  ir::QualifiedName table;
  ir::ObjectKind object = ir::ObjectKind::Table;  // Index when only the index name is known
  std::string mode;                               // dialect lock mode name, e.g. "ACCESS EXCLUSIVE"
  Blocks blocks = Blocks::Nothing;
  bool rewrite = false;  // the table (and its indexes) are rewritten
  bool scan = false;     // the whole table is read (validation, index build)
  // MySQL/MariaDB only (empty for PostgreSQL): the algorithm the server runs
  // (INSTANT, NOCOPY, INPLACE, COPY) and the concurrency it allows during the
  // operation, as a LOCK= value (NONE, SHARED, EXCLUSIVE). `mode` adds the
  // brief exclusive metadata lock every ALTER takes at start and end.
  std::string algorithm;
  std::string lock;
};

// The lock model's verdict for one statement.
struct StatementEffect {
  std::vector<TableEffect> tables;
  bool no_transaction_block = false;  // refused inside a transaction block
  std::string no_transaction_reason;  // e.g. "CREATE INDEX CONCURRENTLY"
  // MySQL/MariaDB: the statement commits the open transaction (all DDL).
  bool implicit_commit = false;
  // MySQL/MariaDB: the server refuses the statement on the target version,
  // e.g. an explicit ALGORITHM=/LOCK= the operation cannot honour.
  bool fails = false;
  std::string fail_reason;  // "ALGORITHM=INSTANT is not supported for ADD INDEX"
};

// First PostgreSQL lock classification (reference/locks.md §A): the lock each
// statement takes on the tables it touches, whether it rewrites or scans them,
// and whether it may run inside a transaction block.
// `known`: column types known before the statement (ALTER COLUMN ... TYPE
// from a known type can be a catalog-only change); null when unknown.
class SchemaModel;
StatementEffect pg_statement_effect(const ir::Statement& stmt, const Settings& settings,
                                    const SchemaModel* known = nullptr);

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
