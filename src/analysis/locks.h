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
};

// The lock model's verdict for one statement.
struct StatementEffect {
  std::vector<TableEffect> tables;
  bool no_transaction_block = false;  // refused inside a transaction block
  std::string no_transaction_reason;  // e.g. "CREATE INDEX CONCURRENTLY"
};

// First PostgreSQL lock classification (reference/locks.md §A): the lock each
// statement takes on the tables it touches, whether it rewrites or scans them,
// and whether it may run inside a transaction block.
// `known`: column types known before the statement (ALTER COLUMN ... TYPE
// from a known type can be a catalog-only change); null when unknown.
class ColumnTypes;
StatementEffect pg_statement_effect(const ir::Statement& stmt, const Settings& settings,
                                    const ColumnTypes* known = nullptr);

}  // namespace ddlint::analysis
