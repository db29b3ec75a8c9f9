// `ddlint trace` on MySQL/MariaDB: the ALTER probe on scratch databases.
#include "db/my_probe.h"

#include <unistd.h>

#include <set>

#include "db/pg_client.h"

namespace ddlint::db {

std::string quote_my(const std::string& name) {
  std::string s = "`";
  for (char c : name) s += c == '`' ? std::string("``") : std::string(1, c);
  return s + "`";
}

namespace {
// A string literal for a MySQL query (no backslash escapes are needed for
// the identifiers it carries, but quotes and backslashes are doubled).
std::string literal(const std::string& text) {
  std::string s = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') s += c;
    s += c;
  }
  return s + "'";
}
}  // namespace

std::string ProbeText::with_clause(const std::string& clause) const {
  std::string out = sql.substr(0, insert_at);
  if (out.empty() || out.back() != ' ') out += ' ';
  out += clause;
  if (comma) out += ',';
  if (insert_at < sql.size() && sql[insert_at] != ' ') out += ' ';
  out += sql.substr(insert_at);
  return out;
}

std::unique_ptr<Probe> Probe::begin(const std::string& dsn, int connect_timeout_s, int statement_timeout_ms,
                                    bool copy_tables, std::string& error) {
  std::unique_ptr<Probe> p(new Probe());
  p->session_ = open_mysql(dsn, connect_timeout_s, statement_timeout_ms, error, /*read_only=*/false);
  if (!p->session_) return nullptr;
  Rows rows;
  if (!p->session_->query("SELECT VERSION(), DATABASE()", rows, error) || rows.rows.empty()) {
    error = "reading the server version: " + error;
    return nullptr;
  }
  p->version_ = rows.rows[0][0].value_or("");
  p->source_ = rows.rows[0][1].value_or("");
  p->mariadb_ = p->version_.find("MariaDB") != std::string::npos;
  p->state_ = "ddlint_probe_" + std::to_string(getpid());
  p->try_ = p->state_ + "_try";
  if (!p->exec("CREATE DATABASE " + quote_my(p->state_), error)) {
    error = "creating the scratch database " + p->state_ + ": " + error;
    return nullptr;
  }
  p->created_ = true;
  if (copy_tables && !p->source_.empty()) {
    if (!p->session_->query(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + literal(p->source_) +
                " AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME",
            rows, error)) {
      error = "listing the tables of " + p->source_ + ": " + error;
      return nullptr;
    }
    const Rows tables = rows;
    std::optional<std::string> checks;
    if (!p->query_one("SELECT @@foreign_key_checks", checks, error) ||
        !p->exec("SET foreign_key_checks = 0", error) || !p->exec("USE " + quote_my(p->state_), error))
      return nullptr;
    for (const auto& t : tables.rows) {
      const std::string name = t[0].value_or("");
      Rows ddl;
      if (!p->session_->query("SHOW CREATE TABLE " + quote_my(p->source_) + "." + quote_my(name), ddl,
                              error) ||
          ddl.rows.empty() || ddl.rows[0].size() < 2) {
        error = "reading the definition of " + p->source_ + "." + name + ": " + error;
        return nullptr;
      }
      const std::string text = ddl.rows[0][1].value_or("");
      if (!p->exec(text, error)) {
        error = "copying the definition of " + p->source_ + "." + name + " into " + p->state_ + ": " + error;
        return nullptr;
      }
      p->copied_ += text + ";\n";
      ++p->copied_count_;
    }
    if (!p->exec("SET foreign_key_checks = " + checks.value_or("1"), error)) return nullptr;
  }
  if (!p->exec("USE " + quote_my(p->state_), error)) return nullptr;
  return p;
}

Probe::~Probe() {
  if (!session_ || !created_) return;
  std::string ignored;
  exec("DROP DATABASE IF EXISTS " + quote_my(try_), ignored);
  exec("DROP DATABASE IF EXISTS " + quote_my(state_), ignored);
}

bool Probe::exec(const std::string& sql, std::string& error) {
  Rows ignored;
  return session_->query(sql, ignored, error);
}

bool Probe::query_one(const std::string& sql, std::optional<std::string>& value, std::string& error) {
  Rows rows;
  if (!session_->query(sql, rows, error)) return false;
  value = rows.rows.empty() || rows.rows[0].empty() ? std::nullopt : rows.rows[0][0];
  return true;
}

bool Probe::run(const std::string& sql, std::string& error) { return exec(sql, error); }

bool Probe::fresh_try(const ProbeStatement& st, std::string& error) {
  std::optional<std::string> checks;
  if (!query_one("SELECT @@foreign_key_checks", checks, error)) return false;
  if (!exec("DROP DATABASE IF EXISTS " + quote_my(try_), error) ||
      !exec("CREATE DATABASE " + quote_my(try_), error) || !exec("USE " + quote_my(try_), error) ||
      !exec("SET foreign_key_checks = 0", error))
    return false;
  // The table, the tables the statement names, the tables its foreign keys
  // reference and the tables whose foreign keys reference it.
  std::set<std::string> tables{st.table};
  tables.insert(st.related.begin(), st.related.end());
  Rows rows;
  if (session_->query("SELECT DISTINCT REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                      "WHERE CONSTRAINT_SCHEMA = " +
                          literal(state_) + " AND TABLE_NAME = " + literal(st.table) +
                          " UNION SELECT DISTINCT TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                          "WHERE CONSTRAINT_SCHEMA = " +
                          literal(state_) + " AND REFERENCED_TABLE_NAME = " + literal(st.table),
                      rows, error))
    for (const auto& r : rows.rows)
      if (r[0]) tables.insert(*r[0]);
  for (const auto& t : tables) {
    Rows ddl;
    std::string e;
    // A table the state does not have (yet) is not copied: the statement
    // meets the same absence as in the state.
    if (!session_->query("SHOW CREATE TABLE " + quote_my(state_) + "." + quote_my(t), ddl, e) ||
        ddl.rows.empty() || ddl.rows[0].size() < 2 || !ddl.rows[0][1])
      continue;
    if (!exec(*ddl.rows[0][1], error)) return false;
  }
  return exec("SET foreign_key_checks = " + checks.value_or("1"), error);
}

bool Probe::table_id(const std::string& database, const std::string& table, std::optional<long long>& id) {
  // MariaDB and MySQL 5.7: INNODB_SYS_TABLES; MySQL 8: INNODB_TABLES (both
  // need the PROCESS privilege). A partitioned table: its first partition.
  const std::string where = " WHERE NAME = " + literal(database + "/" + table) + " OR NAME LIKE " +
                            literal(database + "/" + table + "#P#%") + " OR NAME LIKE " +
                            literal(database + "/" + table + "#p#%");
  for (const char* view : {"information_schema.INNODB_SYS_TABLES", "information_schema.INNODB_TABLES"}) {
    std::optional<std::string> value;
    std::string error;
    if (query_one(std::string("SELECT MIN(TABLE_ID) FROM ") + view + where, value, error)) {
      id = value ? std::optional<long long>(std::stoll(*value)) : std::nullopt;
      return true;
    }
  }
  return false;
}

bool Probe::attempt(const ProbeStatement& st, const std::string& text, bool& clean) {
  std::string error;
  if (!clean && !fresh_try(st, error)) return false;
  const bool ok = exec(text, error);
  // A statement the server refuses changes nothing (MariaDB and MySQL 8 DDL
  // is atomic), so the copy stays fresh for the next attempt.
  clean = !ok;
  return ok;
}

ProbeResult Probe::measure(const ProbeStatement& st) {
  ProbeResult r;
  bool clean = false;
  std::string error;
  // As written.
  if (!fresh_try(st, error)) {
    r.error = "copying " + st.table + " for the probe: " + error;
    exec("USE " + quote_my(state_), error);
    return r;
  }
  clean = true;
  r.accepted = exec(st.as_written, r.error);
  if (r.accepted) r.error.clear();
  clean = !r.accepted;
  // The cheapest algorithm: of the statement as written when the server
  // takes it (ALTER ONLINE TABLE: the cheapest that allows LOCK=NONE), else
  // of the operation without ONLINE. MariaDB reads ALGORITHM=X as "X or
  // better", so an operation that runs with X runs with each costlier one
  // too; the algorithm used is the cheapest one from which every costlier
  // one is accepted as well.
  const ProbeText& base = r.accepted ? st.base : st.plain;
  std::vector<std::string> algorithms{"COPY", "INPLACE"};
  if (mariadb_) algorithms.emplace_back("NOCOPY");
  algorithms.emplace_back("INSTANT");
  for (const auto& a : algorithms) {
    if (attempt(st, base.with_clause("ALGORITHM=" + a), clean))
      r.algorithm = a;
    else if (!r.algorithm.empty())
      break;
  }
  for (const char* l : {"NONE", "SHARED", "EXCLUSIVE"})
    if (attempt(st, st.plain.with_clause(std::string("LOCK=") + l), clean)) {
      r.lock = l;
      break;
    }
  if (r.accepted && !st.algorithm.empty() && (st.algorithm == "COPY" || !mariadb_))
    r.algorithm = st.algorithm;
  if (r.accepted && !st.lock.empty()) {
    const auto rank = [](const std::string& l) { return l == "NONE" ? 0 : l == "SHARED" ? 1 : 2; };
    if (r.lock.empty() || rank(st.lock) > rank(r.lock)) r.lock = st.lock;
  }
  // Rebuild: the statement (as written when the server takes it, else the
  // operation itself) gives the table on a fresh copy a new InnoDB id.
  std::optional<long long> before, after;
  if ((clean || fresh_try(st, error)) && table_id(try_, st.table, before)) {
    if (exec(r.accepted ? st.as_written : st.plain.sql, error) && table_id(try_, st.table, after))
      r.rebuild = before && after ? *before != *after : r.algorithm == "COPY";
  } else {
    r.rebuild_unmeasured = "InnoDB's table ids cannot be read (the PROCESS privilege is needed)";
  }
  // The state moves on with the statement as written.
  std::string ignored;
  exec("USE " + quote_my(state_), ignored);
  if (r.accepted && !exec(st.as_written, error)) {
    r.accepted = false;
    r.error = error;
  }
  return r;
}

}  // namespace ddlint::db
