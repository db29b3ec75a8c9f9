#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ddlint::cli {

// Everything `ddlint check` accepts; filled by main.cpp (the only file that
// knows CLI11) so the behaviour is testable without a process.
struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json | sarif | github | gitlab | gcc
  std::string output;           // file; empty = stdout
  std::string config;           // explicit config file
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_on;  // error | warning | info; empty = config/default
  std::optional<int> pg_version;
  std::string dialect;        // postgres | mysql | mariadb; empty = config, else detected per file
  std::string mysql_version;  // --mysql-version; empty = config/default
  std::string stdin_filename;
  std::optional<bool> assume_in_transaction;
  std::string runner;           // auto | none | goose | ... (analysis::parse_runner); empty = config/default
  std::string down_migrations;  // relaxed | strict | skip; empty = config/default
  std::optional<bool> schema_complete;  // the files are the whole history (unknown-object)
  std::string schema_dump;              // schema dump replayed before the migrations (implies complete)
  std::string changed_since;            // git ref: lint only files changed since it, as one change set
  std::string table_stats;              // table-stats JSON file (wins over config `table_stats`)
  bool fix = false;                     // apply safe fixes in place (stdin: fixed SQL to stdout)
  bool unsafe_fixes = false;            // with fix: apply unsafe fixes too
  bool verbose = false;
  bool history = true;      // files named one by one are read with the migrations before them
  unsigned jobs = 0;        // --jobs; 0: every usable core
  bool color = false;       // decided by main (terminal, NO_COLOR)
  bool terminal = false;    // stdout is a terminal
  bool exit_after = false;  // the process exits after the run (driver::Options::exit_after)
};

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

// False (after a message on `err`) unless `format` is one of the finding
// reporters: text, json, sarif, github, gitlab, gcc.
bool known_report_format(const std::string& format, std::ostream& err);
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);
int run_rules(std::ostream& out, std::ostream& err);
int run_explain(const std::string& id, std::ostream& out, std::ostream& err);
// `dialect`: postgres (default) or mysql/mariadb.
int run_debug_ir(const std::vector<std::string>& paths, const std::string& dialect, std::ostream& out,
                 std::ostream& err);

// `ddlint locks FILE`: the lock plan per statement (lock mode per table,
// what it blocks, rewrite/scan, transaction-block restrictions).
struct LocksOptions {
  std::string path;
  std::string format = "text";  // text | json
  int pg_version = 15;
  bool assume_in_transaction = false;
  std::string runner = "auto";
  std::string dialect = "postgres";  // postgres | mysql
  std::string mysql_version;         // e.g. "8.0", "mariadb-10.11"; empty = default
  std::string table_stats;           // table-stats JSON: sizes and duration estimates
  std::string config;                // .ddlint.toml whose table_stats and throughput keys apply
};
int run_locks(const LocksOptions& options, std::ostream& out, std::ostream& err);

// `ddlint preflight FILES`: per data-dependent change, the read-only query
// that finds the rows that would make it fail. Each file is read alone.
struct PreflightOptions {
  std::vector<std::string> paths;
  std::string format = "text";       // text | json
  std::string dialect = "postgres";  // postgres | mysql
  // Run the queries on this database (PostgreSQL): a URL or key=value
  // string; empty with `live`: libpq's PG* environment variables.
  std::string dsn;
  bool live = false;
  int statement_timeout_ms = 30000;
};
int run_preflight(const PreflightOptions& options, std::ostream& out, std::ostream& err);

// `ddlint stats --dsn URL`: rows and bytes per table of a PostgreSQL
// database (or of the MySQL/MariaDB session's database), read-only, as the
// table-stats JSON file.
struct StatsOptions {
  std::string dsn;                   // empty: the PG* (or MYSQL_*) environment variables
  std::string dialect = "postgres";  // postgres | mysql | mariadb
};
int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err);

// `ddlint trace --dsn URL FILES`: runs the files' statements one by one in
// one transaction on a PostgreSQL database, observes the locks, rewrites,
// rows and time of each, compares them with the lock model and rolls back
// (unless `commit`).
struct TraceOptions {
  std::vector<std::string> paths;
  std::string dsn;              // empty: libpq's PG* environment variables
  std::string format = "text";  // text | json
  bool commit = false;
  int lock_timeout_ms = 10000;
  int statement_timeout_ms = 0;  // 0: none
  std::string runner = "auto";
  // Run in a throw-away database (ddlint_trace_<pid>), dropped at the end:
  // a copy of the DSN's database (CREATE DATABASE ... TEMPLATE), or with
  // `history`, an empty one where those files are replayed (committed) first.
  bool scratch = false;
  std::vector<std::string> history;
  // MySQL/MariaDB (a mysql:// or mariadb:// DSN, or --dialect mysql with the
  // MYSQL_* variables): the ALTER probe on scratch copies (cli/probe_command.h).
  std::string dialect;
  std::string mysql_version;  // the lock model's target; empty: the server's version
};
int run_trace(const TraceOptions& options, std::ostream& out, std::ostream& err);

const char* version();

// The bytes of `path` (`-`: stdin); false after saying why on `err`.
bool read_input(const std::string& path, std::string& bytes, std::ostream& err);

}  // namespace ddlint::cli
