#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/runner.h"
#include "analysis/table_stats.h"
#include "core/source.h"

namespace ddlint::analysis {

enum class MySqlFlavor { MySql, MariaDb };

// The MySQL-family server a migration runs on (reference/locks.md §B). A
// version written without a patch level means the latest patch of that
// series (kLatestPatch), e.g. "8.0" is 8.0.x with every 8.0 feature.
// Defaults: MySQL 8.4 (the current LTS); "mariadb" alone is MariaDB 10.11
// (the LTS Debian 12 ships, and the one the model is checked against).
struct MySqlTarget {
  static constexpr int kLatestPatch = 999;
  MySqlFlavor flavor = MySqlFlavor::MySql;
  int major = 8;
  int minor = 4;
  int patch = kLatestPatch;

  bool mariadb() const { return flavor == MySqlFlavor::MariaDb; }
  bool mysql() const { return flavor == MySqlFlavor::MySql; }
  // This version is `major.minor.patch` or later (same flavor assumed).
  bool at_least(int ma, int mi, int pa = 0) const {
    if (major != ma) return major > ma;
    if (minor != mi) return minor > mi;
    return patch >= pa;
  }
};

// Reads "8.0", "8.0.29", "mysql-8.4", "mysql 5.7", "mariadb", "mariadb-10.11",
// "MariaDB 11.4.2" and server version strings ("10.11.6-MariaDB-0+deb12u1",
// "8.0.36-log"). A bare version of 10 or later is MariaDB (MySQL went from 8
// to 9). Nullopt when it is none of these.
std::optional<MySqlTarget> parse_mysql_target(std::string_view text);
// "MySQL 8.0.29", "MariaDB 10.11" (no patch when it is kLatestPatch).
std::string mysql_target_name(const MySqlTarget& t);

// The session setting that bounds how long a statement waits for a table
// lock: PostgreSQL lock_timeout, MySQL/MariaDB lock_wait_timeout (which also
// bounds metadata-lock waits).
std::string_view lock_timeout_setting(Dialect d);
// The statement that sets it to `seconds` for the rest of the session:
// `SET lock_timeout = '2s';`, `SET SESSION lock_wait_timeout = 2;` (MySQL
// takes whole seconds, at least 1).
std::string set_lock_timeout_sql(Dialect d, double seconds);

// Dropping `dropped` of an index's `total` plain key columns drops the index:
// PostgreSQL drops every index that uses a dropped column; MySQL and MariaDB
// remove the column from the index and drop the index only when none of its
// columns is left.
inline bool dropping_columns_drops_index(Dialect d, size_t dropped, size_t total) {
  return d == Dialect::Postgres ? dropped > 0 : dropped > 0 && dropped == total;
}

// Partitions are tables of their own whose indexes CREATE INDEX on the
// partitioned table attaches (and DROP INDEX of the parent index drops):
// PostgreSQL; MySQL/MariaDB partitions are parts of one table.
inline bool partitions_have_own_indexes(Dialect d) { return d == Dialect::Postgres; }

// Settings that change what a statement does to a live database. Filled from
// .ddlint.toml and CLI flags; rules read them through the rule context.
struct Settings {
  Dialect dialect = Dialect::Postgres;
  int pg_version = 15;  // 10..18 (16-18: the lock model of 17)
  MySqlTarget mysql;    // for Dialect::MySql
  // Files whose runner is not known: the runner wraps each file in a
  // transaction. A known runner's own rules (and directives) win.
  bool assume_in_transaction = false;
  Runner runner = Runner::Auto;
  // What the file's folder tells of its runner (the driver finds it per
  // folder: a Rust project's NAME.up.sql files are sqlx's, atlas.sum, ...).
  RunnerLayout runner_layout;
  // The linted migrations (after a schema dump, if one is given) are the
  // whole history from an empty database: a table or column they never
  // create does not exist (unknown-object).
  bool schema_complete = false;
  DownPolicy down = DownPolicy::Relaxed;
  // Template forms the runner substitutes before running a file (config
  // `placeholders`; core/source.h): Flyway's `${name}` by default.
  std::vector<std::string> placeholders{"${NAME}"};
  // Table sizes (config `table_stats`, `--table-stats`) and the thresholds
  // and throughput figures that use them.
  SizePolicy sizes;
};

}  // namespace ddlint::analysis
