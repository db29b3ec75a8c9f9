#pragma once
// A read-only PostgreSQL session for the commands that look at a live
// database (`ddlint preflight --dsn`, `ddlint stats`). libpq (Debian libpq5)
// is loaded when a command first connects, so linting never pays for it.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddlint::db {

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: NULL
};

class PgSession {
 public:
  // Connects with `dsn` (a postgresql:// URL or a key=value string; empty:
  // libpq's PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD ... alone), a
  // connect timeout in seconds, and opens a READ ONLY transaction in which
  // every statement is limited by `statement_timeout_ms`. On failure returns
  // null and sets `error`, from which the password is removed.
  static std::unique_ptr<PgSession> open(const std::string& dsn, int connect_timeout_s,
                                         int statement_timeout_ms, std::string& error);
  ~PgSession();
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  // Runs one statement inside the session's read-only transaction; false
  // with `error` (password removed) when the server refuses it. A failed
  // statement ends the transaction; the next query opens a new one.
  bool query(const std::string& sql, Rows& out, std::string& error);

 private:
  struct Impl;
  explicit PgSession(std::unique_ptr<Impl> impl);
  bool begin(std::string& error);
  std::unique_ptr<Impl> impl_;
};

// `dsn` with its password replaced by `***` (URL `user:secret@host`, the
// `password` query parameter, or `password=secret` in key=value form), for
// every message that names the connection.
std::string redact_dsn(std::string_view dsn);

}  // namespace ddlint::db
