#pragma once
// Table sizes from a table-stats file (`ddlint stats`, config `table_stats`,
// `--table-stats`) and what the rules and `ddlint locks` do with them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace ddlint::ir {
struct QualifiedName;
struct Statement;
}  // namespace ddlint::ir

namespace ddlint::analysis {

struct TableSize {
  std::string schema;
  std::string name;
  std::optional<int64_t> rows;  // nullopt: the file has no row figure
  int64_t bytes = 0;            // with indexes (and TOAST)
};

struct TableStats {
  std::string path;  // the file, as configured (for messages)
  Dialect dialect = Dialect::Postgres;
  std::vector<TableSize> tables;
  // The entry for `table` as a migration names it, or null: PostgreSQL
  // matches an unqualified name in `public` only (the default search_path),
  // MySQL/MariaDB an unqualified name when exactly one database of the file
  // has a table of that name. Names match exactly (as the parser normalised
  // them); nothing is guessed.
  const TableSize* find(const ir::QualifiedName& table) const;
};

// How table sizes change findings and what duration estimates assume.
// Defaults are documented in the README ("Table sizes and severity").
struct SizePolicy {
  std::shared_ptr<const TableStats> stats;  // null: no table_stats
  // Size-dependent findings on a table with at least this many rows are
  // raised one severity level.
  int64_t large_table_rows = 1000000;
  // Size-dependent findings on tables with fewer rows are suppressed (0: off).
  int64_t safe_below_rows = 0;
  // Throughput of a duration estimate, in bytes of the table (with its
  // indexes) per second.
  int64_t rewrite_bytes_per_second = 30LL * 1000 * 1000;
  int64_t scan_bytes_per_second = 100LL * 1000 * 1000;
  int64_t index_bytes_per_second = 30LL * 1000 * 1000;
};

struct StatementEffect;
struct TableEffect;

// What a statement does to the whole of a table, for a duration estimate.
enum class TableWork { None, Rewrite, Scan, IndexBuild };
// "the rewrite", "the scan", "the index build"; "" for None.
std::string_view to_string(TableWork w);
TableWork table_work(const ir::Statement& statement, const TableEffect& effect);
// The throughput an estimate of `w` assumes (0 for None).
int64_t bytes_per_second(TableWork w, const SizePolicy& policy);

// What the table-stats file says of the tables a statement works on.
struct SizeVerdict {
  // The largest table with a row figure among those the statement rewrites,
  // scans or builds an index on (all the tables it touches when it does
  // none of these); null when the file knows none of them.
  const TableSize* table = nullptr;
  Dialect dialect = Dialect::Postgres;  // of the stats file, for names
  TableWork work = TableWork::None;
  double seconds = 0;      // estimated duration of `work` on `table` (0 for None)
  int64_t per_second = 0;  // the throughput it assumes
  bool large = false;      // table->rows >= large_table_rows
  // Every table the statement works on is known and has fewer rows than
  // safe_below_rows (set only when safe_below_rows is on).
  bool safe = false;
  // "`orders` has ~12,000,000 rows (2.1 GB); the rewrite takes about 42 s
  // (estimate at 50 MB/s)"; empty without a table.
  std::string describe() const;
  // "about 42 s (estimate at 50 MB/s)"; empty without an estimate.
  std::string estimate() const;
};
// `sizes`: StatementFacts::sizes of the statement (per effect.tables entry);
// `written`: StatementFacts::written_size (UPDATE, DELETE).
SizeVerdict size_verdict(const ir::Statement& statement, const StatementEffect& effect,
                         const std::vector<const TableSize*>& sizes, const TableSize* written,
                         const SizePolicy& policy);
// The table as messages name it: `orders`, `billing.invoices` (PostgreSQL
// schemas other than public; a MySQL/MariaDB table by its name alone).
std::string shown_name(const TableSize& t, Dialect dialect);

// "12,000,000"
std::string thousands(int64_t n);
// "1.2 GB", "350 MB", "12 kB", "512 bytes" (powers of 1000).
std::string human_bytes(int64_t bytes);
// "about 40 s", "about 3 min", "about 2.5 h" (rounded; under a second: "under 1 s").
std::string human_duration(double seconds);

}  // namespace ddlint::analysis
