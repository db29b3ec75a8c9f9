#pragma once
// `ddlint trace` on MySQL/MariaDB: DDL commits at once there, so nothing is
// run on the DSN's tables. The probe works in two throw-away databases on
// the same server: `ddlint_probe_<pid>` (the state: a copy of the
// definitions of the DSN database's base tables, or the replayed history,
// then each migration statement as written) and `ddlint_probe_<pid>_try`
// (the table an ALTER changes, with the tables its foreign keys link it to,
// copied from the state before each attempt). Each ALTER TABLE, CREATE INDEX
// and DROP INDEX is measured there: whether the server accepts it as
// written, the cheapest ALGORITHM and the weakest LOCK it accepts, and
// whether the table is rebuilt. Both databases are dropped at the end.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ddlint::db {

class Session;

// What the server does with one ALTER.
struct ProbeResult {
  bool accepted = false;  // the statement as written
  std::string error;      // why it was refused, when it was
  // The cheapest of INSTANT, NOCOPY (MariaDB), INPLACE, COPY accepted, where
  // every costlier one is accepted too (MariaDB reads ALGORITHM=X as "X or
  // better"); the weakest of NONE, SHARED, EXCLUSIVE accepted. Empty: none.
  // A statement accepted with its own clauses does what they ask: MariaDB
  // honours ALGORITHM=COPY and reads any other as "this or better" (MySQL
  // uses the algorithm asked for), and a LOCK= stronger than needed holds.
  std::string algorithm;
  std::string lock;
  // The table (or its first partition) got a new InnoDB table id; a table
  // InnoDB does not hold is rebuilt exactly when it is copied. Unset when
  // the statement ran neither as written nor without its clauses.
  std::optional<bool> rebuild;
  std::string rebuild_unmeasured;  // why the rebuild could not be measured, when it could not
};

// A statement text with a place for an ALGORITHM= or LOCK= clause:
// `insert_at` is a byte offset into `sql`; the clause is followed by a comma
// when `comma` (ALTER TABLE t <clause>, ADD ...).
struct ProbeText {
  std::string sql;
  size_t insert_at = 0;
  bool comma = false;
  std::string with_clause(const std::string& clause) const;
};

// One ALTER as the probe varies it.
struct ProbeStatement {
  std::string as_written;
  ProbeText base;   // without its own ALGORITHM= and LOCK= clauses
  ProbeText plain;  // base without MariaDB's ONLINE keyword: the operation itself
  // Its own ALGORITHM= and LOCK= values, upper-case; empty when not written
  // (or DEFAULT).
  std::string algorithm;
  std::string lock;
  std::string table;                 // the table it changes (unqualified)
  std::vector<std::string> related;  // other tables it names (FOREIGN KEY references)
};

class Probe {
 public:
  // Connects (read-write, autocommit), reads the server version and the
  // DSN's database, creates the two scratch databases and, when
  // `copy_tables`, copies the definitions of the DSN database's base tables
  // into the state (no rows). On failure returns null with `error`
  // (password removed); whatever was created is dropped.
  static std::unique_ptr<Probe> begin(const std::string& dsn, int connect_timeout_s, int statement_timeout_ms,
                                      bool copy_tables, std::string& error);
  ~Probe();
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

  const std::string& version() const { return version_; }  // SELECT VERSION()
  bool mariadb() const { return mariadb_; }
  const std::string& source() const { return source_; }  // the DSN's database; empty: none
  const std::string& scratch() const { return state_; }
  // The CREATE TABLE statements of the tables copied (SHOW CREATE TABLE),
  // each ending in ";\n": what the static model is told of the database.
  const std::string& copied_ddl() const { return copied_; }
  size_t copied_tables() const { return copied_count_; }

  // Runs `sql` as written in the state database; false with `error`.
  bool run(const std::string& sql, std::string& error);
  // Measures `st` in the try database, then runs it as written in the
  // state database (when the server accepts it there).
  ProbeResult measure(const ProbeStatement& st);

 private:
  Probe() = default;
  bool exec(const std::string& sql, std::string& error);
  bool query_one(const std::string& sql, std::optional<std::string>& value, std::string& error);
  // Copies `tables` (those the state has) from the state into a fresh try
  // database and makes it the current one.
  bool fresh_try(const ProbeStatement& st, std::string& error);
  // InnoDB's id of the table (unset: InnoDB does not hold it); false when
  // InnoDB's tables cannot be read.
  bool table_id(const std::string& database, const std::string& table, std::optional<long long>& id);
  bool attempt(const ProbeStatement& st, const std::string& text, bool& clean);

  std::unique_ptr<Session> session_;
  std::string version_;
  bool mariadb_ = false;
  std::string source_;
  std::string state_;
  std::string try_;
  std::string copied_;
  size_t copied_count_ = 0;
  bool created_ = false;
};

// A MySQL identifier in backquotes.
std::string quote_my(const std::string& name);

}  // namespace ddlint::db
