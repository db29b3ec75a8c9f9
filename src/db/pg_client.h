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

// A read-only session on a live database (PostgreSQL or MySQL/MariaDB).
class Session {
 public:
  virtual ~Session() = default;
  // Runs one statement inside the session's read-only transaction; false
  // with `error` (password removed) when the server refuses it. A failed
  // statement ends the transaction; the next query opens a new one.
  virtual bool query(const std::string& sql, Rows& out, std::string& error) = 0;
};

class PgSession final : public Session {
 public:
  // Connects with `dsn` (a postgresql:// URL or a key=value string; empty:
  // libpq's PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD ... alone), a
  // connect timeout in seconds, and opens a READ ONLY transaction in which
  // every statement is limited by `statement_timeout_ms`. On failure returns
  // null and sets `error`, from which the password is removed.
  static std::unique_ptr<PgSession> open(const std::string& dsn, int connect_timeout_s,
                                         int statement_timeout_ms, std::string& error);
  ~PgSession() override;
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  bool query(const std::string& sql, Rows& out, std::string& error) override;

  // `ddlint trace`: a READ WRITE session with no transaction open; the
  // caller sends BEGIN, the migration's statements and ROLLBACK or COMMIT
  // through exec(). Same connection, environment and password handling as
  // open().
  // `database`, when not empty, replaces the DSN's database.
  static std::unique_ptr<PgSession> open_writable(const std::string& dsn, int connect_timeout_s,
                                                  std::string& error, const std::string& database = {});
  // What the server said of one exec().
  struct Outcome {
    std::string command_tuples;  // PQcmdTuples: rows affected; empty when the command reports none
    std::string error;           // password removed; empty on success
    int error_position = 0;      // 1-based character in `sql` the error points at; 0: none
  };
  // Runs `sql` as it is, without opening or restarting any transaction;
  // false when the server refuses it (`outcome.error`).
  bool exec(const std::string& sql, Rows& out, Outcome& outcome);

 private:
  struct Impl;
  explicit PgSession(std::unique_ptr<Impl> impl);
  static std::unique_ptr<Impl> connect(const std::string& dsn, int connect_timeout_s, std::string& error,
                                       const std::string& database = {});
  bool begin(std::string& error);
  std::unique_ptr<Impl> impl_;
};

// A MySQL/MariaDB session (MariaDB Connector/C, Debian libmariadb3, loaded
// on first use): `dsn` is a mysql:// or mariadb:// URL
// (mysql://user:password@host:port/database); empty: MYSQL_HOST,
// MYSQL_TCP_PORT, MYSQL_USER (else USER), MYSQL_PWD and MYSQL_DATABASE. The
// session is READ ONLY and each statement is limited by
// `statement_timeout_ms` (MariaDB max_statement_time, MySQL
// max_execution_time). With `read_only` false (`ddlint trace`'s ALTER
// probe) the session runs in autocommit mode and may write.
std::unique_ptr<Session> open_mysql(const std::string& dsn, int connect_timeout_s, int statement_timeout_ms,
                                    std::string& error, bool read_only = true);

// `dsn` with its password replaced by `***` (URL `user:secret@host`, the
// `password` query parameter, or `password=secret` in key=value form), for
// every message that names the connection.
std::string redact_dsn(std::string_view dsn);

}  // namespace ddlint::db
