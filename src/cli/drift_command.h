#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ddlint::cli {

// `ddlint drift --dsn URL DIR`: the live schema (read from the catalogs in
// a read-only transaction) against the schema the migrations in DIR build.
struct DriftOptions {
  std::vector<std::string> paths;    // migration folders or files, replayed in runner order
  std::string dsn;                   // empty: the PG* / MYSQL_* environment variables
  std::string dialect = "postgres";  // postgres | mysql | mariadb
  std::string format = "text";       // text | json | sarif | github | gitlab | gcc
  std::string write_migration;       // write the migration that incorporates the drift here
  int statement_timeout_ms = 30000;
};
// Exit 1 on drift, 0 without, 2 on a connection, query or usage error.
int run_drift(const DriftOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ddlint::cli
