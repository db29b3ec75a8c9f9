#pragma once
// `ddlint trace`: runs a migration's statements one by one inside one
// transaction on a live PostgreSQL database and observes, after each, the
// relation locks the session holds (pg_locks), the tables that got a new
// heap file (a rewrite: pg_relation_filenode), the rows affected and the
// time taken. The transaction is rolled back unless the caller commits it.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ddlint::db {

class PgSession;

// PostgreSQL's table lock modes, weakest first ("ACCESS SHARE" .. "ACCESS
// EXCLUSIVE"); index = strength.
extern const char* const kPgLockModes[8];
// The strength of a mode named as pg_locks does ("AccessShareLock") or as
// SQL does ("ACCESS SHARE"); -1 when it is neither.
int pg_lock_strength(const std::string& mode);

// A relation the session holds locks on after a statement.
struct RelationLocks {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
  char kind = 'r';    // pg_class.relkind: r table, p partitioned, m matview, i/I index, S sequence, v view
  std::string table;  // an index's table (same schema); empty otherwise
  // The name before the statement, when the statement renamed or moved it.
  std::string old_schema;
  std::string old_name;
  uint8_t held = 0;         // bit per mode strength held after the statement
  int acquired = -1;        // strongest mode this statement took that was not held before; -1: none
  bool preexisting = true;  // the relation existed when the trace began
  bool dropped = false;     // gone after the statement (its lock remains until the end)
  int strongest() const {
    for (int s = 7; s >= 0; --s)
      if ((held & (1U << s)) != 0) return s;
    return -1;
  }
};

struct StatementRun {
  bool ok = false;
  std::string error;              // password removed
  int error_position = 0;         // 1-based character of the statement text; 0: none
  std::optional<long long> rows;  // rows affected, when the command reports them
  double ms = 0;
  std::vector<RelationLocks> locks;  // user relations only, by schema and name
  // Tables and materialized views that existed when the trace began and got
  // a new heap file during this statement ("schema.name").
  std::vector<std::string> rewritten;
};

class Trace {
 public:
  // Connects (read-write), reads the server's version and the relations of
  // the database, and opens the transaction. `lock_timeout_ms` and
  // `statement_timeout_ms` (0: none) hold for the transaction. On failure
  // returns null with `error` (password removed). `database`, when not
  // empty, replaces the DSN's database.
  static std::unique_ptr<Trace> begin(const std::string& dsn, int connect_timeout_s, int lock_timeout_ms,
                                      int statement_timeout_ms, std::string& error,
                                      const std::string& database = {});
  ~Trace();
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;

  int server_major() const { return major_; }
  std::string database() const { return database_; }
  // Runs one statement and observes what it left behind. After a failed
  // statement the transaction is aborted: only finish() may follow.
  StatementRun run(const std::string& sql);
  // ROLLBACK, or COMMIT when `commit`; false with `error` when it fails.
  bool finish(bool commit, std::string& error);
  // Runs a statement outside the observation (the caller's own queries).
  bool exec(const std::string& sql, std::string& error);
  // A relation of that name exists now (`schema` empty: one the search path
  // finds).
  bool relation_exists(const std::string& schema, const std::string& name);

 private:
  struct Known {
    std::string schema;
    std::string name;
    char kind = 'r';
    std::string table;
    std::string filenode;  // empty: no storage
    bool preexisting = true;
  };
  Trace() = default;
  bool observe(StatementRun& run, std::string& error);

  std::unique_ptr<PgSession> session_;
  int major_ = 0;
  std::string database_;
  std::map<uint32_t, Known> relations_;  // by oid: every user relation seen
  std::map<uint32_t, uint8_t> held_;     // modes held after the previous statement
  bool open_ = false;
};

}  // namespace ddlint::db
