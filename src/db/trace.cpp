#include "db/trace.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "db/pg_client.h"

namespace ddlint::db {

const char* const kPgLockModes[8] = {
    "ACCESS SHARE", "ROW SHARE",           "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
    "SHARE",        "SHARE ROW EXCLUSIVE", "EXCLUSIVE",     "ACCESS EXCLUSIVE"};

int pg_lock_strength(const std::string& mode) {
  static const char* const kLockNames[8] = {
      "AccessShareLock", "RowShareLock",          "RowExclusiveLock", "ShareUpdateExclusiveLock",
      "ShareLock",       "ShareRowExclusiveLock", "ExclusiveLock",    "AccessExclusiveLock"};
  for (int s = 0; s < 8; ++s)
    if (mode == kLockNames[s] || mode == kPgLockModes[s]) return s;
  return -1;
}

namespace {

uint32_t to_oid(const std::optional<std::string>& v) {
  uint32_t oid = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), oid);
  return oid;
}

// Every user relation (objects made by initdb have OIDs below 16384), with
// its heap file and, for an index, its table.
const char* const kRelationsSql =
    "SELECT c.oid, n.nspname, c.relname, c.relkind, coalesce(t.relname, ''), "
    "pg_relation_filenode(c.oid)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid "
    "WHERE c.oid >= 16384 AND c.relkind <> 't' AND n.nspname NOT LIKE 'pg\\_toast%'";

// The relation locks this session holds, with what the catalog says now of
// each relation (nothing for one dropped in this transaction).
const char* const kLocksSql =
    "SELECT l.relation, l.mode, n.nspname, c.relname, c.relkind, coalesce(t.relname, ''), "
    "pg_relation_filenode(c.oid)::text FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation "
    "LEFT JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid "
    "LEFT JOIN pg_class t ON t.oid = i.indrelid WHERE l.locktype = 'relation' AND l.granted "
    "AND l.pid = pg_backend_pid() AND l.relation >= 16384 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

}  // namespace

Trace::~Trace() {
  if (open_ && session_) {
    std::string ignored;
    finish(false, ignored);
  }
}

std::unique_ptr<Trace> Trace::begin(const std::string& dsn, int connect_timeout_s, int lock_timeout_ms,
                                    int statement_timeout_ms, std::string& error,
                                    const std::string& database) {
  std::unique_ptr<Trace> t(new Trace());
  t->session_ = PgSession::open_writable(dsn, connect_timeout_s, error, database);
  if (!t->session_) return nullptr;
  Rows rows;
  PgSession::Outcome o;
  if (!t->session_->exec("SELECT current_setting('server_version_num')::int / 10000, current_database()",
                         rows, o) ||
      rows.rows.empty()) {
    error = "reading the server version: " + o.error;
    return nullptr;
  }
  t->major_ = std::stoi(rows.rows[0][0].value_or("0"));
  t->database_ = rows.rows[0][1].value_or("");
  const std::string sql = "BEGIN; SET LOCAL lock_timeout = " + std::to_string(lock_timeout_ms) +
                          "; SET LOCAL statement_timeout = " + std::to_string(statement_timeout_ms);
  if (!t->session_->exec(sql, rows, o)) {
    error = "opening the transaction: " + o.error;
    return nullptr;
  }
  t->open_ = true;
  if (!t->session_->exec(kRelationsSql, rows, o)) {
    error = "reading the relations: " + o.error;
    return nullptr;
  }
  for (const auto& r : rows.rows) {
    if (r.size() < 6) continue;
    Known k{r[1].value_or(""), r[2].value_or(""), r[3].value_or("r").front(),
            r[4].value_or(""), r[5].value_or(""), true};
    t->relations_.emplace(to_oid(r[0]), std::move(k));
  }
  // Locks the reads above left (none on user relations, normally).
  StatementRun ignored;
  if (!t->observe(ignored, error)) return nullptr;
  return t;
}

bool Trace::exec(const std::string& sql, std::string& error) {
  Rows rows;
  PgSession::Outcome o;
  if (session_->exec(sql, rows, o)) return true;
  error = o.error;
  return false;
}

bool Trace::relation_exists(const std::string& schema, const std::string& name) {
  auto literal = [](const std::string& v) {
    std::string s = "'";
    for (char c : v) s += c == '\'' ? std::string("''") : std::string(1, c);
    return s + "'";
  };
  const std::string sql =
      "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = " +
      literal(name) +
      (schema.empty() ? std::string(" AND pg_table_is_visible(c.oid)")
                      : " AND n.nspname = " + literal(schema));
  Rows rows;
  PgSession::Outcome o;
  return session_->exec(sql, rows, o) && !rows.rows.empty();
}

bool Trace::observe(StatementRun& run, std::string& error) {
  Rows rows;
  PgSession::Outcome o;
  if (!session_->exec(kLocksSql, rows, o)) {
    error = "reading pg_locks: " + o.error;
    return false;
  }
  std::map<uint32_t, uint8_t> held;
  std::map<uint32_t, std::string> filenode;
  std::map<uint32_t, bool> present;
  std::map<uint32_t, std::pair<std::string, std::string>> renamed;
  for (const auto& r : rows.rows) {
    if (r.size() < 7) continue;
    const uint32_t oid = to_oid(r[0]);
    const int s = pg_lock_strength(r[1].value_or(""));
    if (s < 0) continue;
    present[oid] = r[3].has_value();
    if (r[3]) {
      auto it = relations_.find(oid);
      if (it == relations_.end()) {
        // Created in this transaction.
        if (r[4].value_or("r") == "t" || r[2].value_or("").starts_with("pg_toast")) continue;
        it = relations_
                 .emplace(oid, Known{r[2].value_or(""), *r[3], r[4].value_or("r").front(), r[5].value_or(""),
                                     r[6].value_or(""), false})
                 .first;
      } else {
        // Renamed or moved: the catalog's name now.
        if (it->second.schema != r[2].value_or("") || it->second.name != *r[3])
          renamed[oid] = {it->second.schema, it->second.name};
        it->second.schema = r[2].value_or("");
        it->second.name = *r[3];
        it->second.table = r[5].value_or("");
      }
      filenode[oid] = r[6].value_or("");
    } else if (!relations_.contains(oid)) {
      continue;  // created and dropped in this transaction, or not a user relation
    }
    held[oid] = static_cast<uint8_t>(held[oid] | (1U << s));
  }
  for (const auto& [oid, modes] : held) {
    auto& k = relations_.at(oid);
    RelationLocks l;
    l.oid = oid;
    l.schema = k.schema;
    l.name = k.name;
    l.kind = k.kind;
    l.table = k.table;
    if (const auto rn = renamed.find(oid); rn != renamed.end()) {
      l.old_schema = rn->second.first;
      l.old_name = rn->second.second;
    }
    l.held = modes;
    l.preexisting = k.preexisting;
    l.dropped = !present[oid];
    const auto before = held_.find(oid);
    const uint8_t fresh = static_cast<uint8_t>(modes & ~(before == held_.end() ? 0U : before->second));
    for (int s = 7; s >= 0; --s)
      if ((fresh & (1U << s)) != 0) {
        l.acquired = s;
        break;
      }
    // A new heap file: rewritten (only relations that existed at the start).
    const auto f = filenode.find(oid);
    if (f != filenode.end() && (k.kind == 'r' || k.kind == 'm') && k.preexisting && !k.filenode.empty() &&
        f->second != k.filenode)
      run.rewritten.push_back(k.schema + "." + k.name);
    if (f != filenode.end()) k.filenode = f->second;
    run.locks.push_back(std::move(l));
  }
  std::sort(run.locks.begin(), run.locks.end(), [](const RelationLocks& a, const RelationLocks& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  });
  std::sort(run.rewritten.begin(), run.rewritten.end());
  held_ = std::move(held);
  return true;
}

StatementRun Trace::run(const std::string& sql) {
  StatementRun out;
  Rows rows;
  PgSession::Outcome o;
  const auto start = std::chrono::steady_clock::now();
  out.ok = session_->exec(sql, rows, o);
  out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!out.ok) {
    out.error = o.error;
    out.error_position = o.error_position;
    return out;
  }
  if (!o.command_tuples.empty()) {
    long long n = 0;
    const auto [p, ec] =
        std::from_chars(o.command_tuples.data(), o.command_tuples.data() + o.command_tuples.size(), n);
    if (ec == std::errc()) out.rows = n;
  }
  std::string error;
  if (!observe(out, error)) {
    out.ok = false;
    out.error = error;
  }
  return out;
}

bool Trace::finish(bool commit, std::string& error) {
  if (!open_) return true;
  open_ = false;
  return exec(commit ? "COMMIT" : "ROLLBACK", error);
}

}  // namespace ddlint::db
