#include "db/pg_client.h"

#include <postgresql/libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "db/dl.h"

namespace ddlint::db {

namespace {

// The libpq functions ddlint calls, resolved from libpq.so.5 on first use.
struct Libpq {
  decltype(&PQconnectdbParams) connectdb_params = nullptr;
  decltype(&PQstatus) status = nullptr;
  decltype(&PQerrorMessage) error_message = nullptr;
  decltype(&PQfinish) finish = nullptr;
  decltype(&PQexec) exec = nullptr;
  decltype(&PQresultStatus) result_status = nullptr;
  decltype(&PQresultErrorMessage) result_error_message = nullptr;
  decltype(&PQclear) clear = nullptr;
  decltype(&PQnfields) nfields = nullptr;
  decltype(&PQfname) fname = nullptr;
  decltype(&PQntuples) ntuples = nullptr;
  decltype(&PQgetvalue) getvalue = nullptr;
  decltype(&PQgetisnull) getisnull = nullptr;
  decltype(&PQconninfoParse) conninfo_parse = nullptr;
  decltype(&PQconninfoFree) conninfo_free = nullptr;
  decltype(&PQtransactionStatus) transaction_status = nullptr;
  decltype(&PQcmdTuples) cmd_tuples = nullptr;
  decltype(&PQputCopyEnd) put_copy_end = nullptr;
  decltype(&PQgetResult) get_result = nullptr;
  decltype(&PQsetNoticeProcessor) set_notice_processor = nullptr;
  decltype(&PQresultErrorField) result_error_field = nullptr;
  std::string load_error;
};

const Libpq& libpq() {
  static Libpq pq;
  static std::once_flag once;
  std::call_once(once, [] {
    void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      pq.load_error = "cannot load libpq.so.5 (install Debian's libpq5): " + std::string(dlerror());
      return;
    }
    const bool ok =
        resolve(lib, "PQconnectdbParams", pq.connectdb_params) && resolve(lib, "PQstatus", pq.status) &&
        resolve(lib, "PQerrorMessage", pq.error_message) && resolve(lib, "PQfinish", pq.finish) &&
        resolve(lib, "PQexec", pq.exec) && resolve(lib, "PQresultStatus", pq.result_status) &&
        resolve(lib, "PQresultErrorMessage", pq.result_error_message) && resolve(lib, "PQclear", pq.clear) &&
        resolve(lib, "PQnfields", pq.nfields) && resolve(lib, "PQfname", pq.fname) &&
        resolve(lib, "PQntuples", pq.ntuples) && resolve(lib, "PQgetvalue", pq.getvalue) &&
        resolve(lib, "PQgetisnull", pq.getisnull) && resolve(lib, "PQconninfoParse", pq.conninfo_parse) &&
        resolve(lib, "PQconninfoFree", pq.conninfo_free) &&
        resolve(lib, "PQtransactionStatus", pq.transaction_status) &&
        resolve(lib, "PQcmdTuples", pq.cmd_tuples) &&
        resolve(lib, "PQresultErrorField", pq.result_error_field) &&
        resolve(lib, "PQputCopyEnd", pq.put_copy_end) && resolve(lib, "PQgetResult", pq.get_result) &&
        resolve(lib, "PQsetNoticeProcessor", pq.set_notice_processor);
    if (!ok) pq.load_error = "libpq.so.5 lacks a function ddlint needs";
  });
  return pq;
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.pop_back();
  return s;
}

void replace_all(std::string& s, const std::string& what, const std::string& with) {
  if (what.empty()) return;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

// The columns and rows of a result, NULL as nullopt.
void copy_rows(const Libpq& pq, const PGresult* r, Rows& out) {
  for (int c = 0; c < pq.nfields(r); ++c) out.columns.emplace_back(pq.fname(r, c));
  for (int row = 0; row < pq.ntuples(r); ++row) {
    auto& line = out.rows.emplace_back();
    for (int c = 0; c < pq.nfields(r); ++c)
      line.push_back(pq.getisnull(r, row, c) != 0 ? std::nullopt
                                                  : std::optional<std::string>(pq.getvalue(r, row, c)));
  }
}

}  // namespace

struct PgSession::Impl {
  PGconn* conn = nullptr;
  int statement_timeout_ms = 0;
  std::vector<std::string> secrets;  // passwords to keep out of every message

  std::string scrub(std::string message) const {
    for (const auto& s : secrets) replace_all(message, s, "***");
    if (message.starts_with("ERROR:  ")) message.erase(0, 8);
    return trim(std::move(message));
  }
  ~Impl() {
    if (conn != nullptr) libpq().finish(conn);
  }
};

PgSession::PgSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgSession::~PgSession() = default;

std::unique_ptr<PgSession::Impl> PgSession::connect(const std::string& dsn, int connect_timeout_s,
                                                    std::string& error, const std::string& database) {
  const Libpq& pq = libpq();
  if (!pq.load_error.empty()) {
    error = pq.load_error;
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  // The passwords the connection may carry: in the DSN, and PGPASSWORD.
  if (!dsn.empty()) {
    char* parse_error = nullptr;
    if (PQconninfoOption* opts = pq.conninfo_parse(dsn.c_str(), &parse_error)) {
      for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o)
        if (std::string_view(o->keyword) == "password" && o->val != nullptr && *o->val != '\0')
          impl->secrets.emplace_back(o->val);
      pq.conninfo_free(opts);
    } else {
      error = "--dsn " + redact_dsn(dsn) + ": not a connection string or URL";
      if (parse_error != nullptr) std::free(parse_error);  // NOLINT(cppcoreguidelines-no-malloc)
      return nullptr;
    }
  }
  if (const char* env = std::getenv("PGPASSWORD"); env != nullptr && *env != '\0')
    impl->secrets.emplace_back(env);
  const std::string timeout = std::to_string(connect_timeout_s);
  // A second dbname is a plain database name that replaces the DSN's.
  const char* keys[] = {"dbname", "connect_timeout", "application_name",
                        database.empty() ? nullptr : "dbname", nullptr};
  const char* values[] = {dsn.empty() ? nullptr : dsn.c_str(), timeout.c_str(), "ddlint", database.c_str(),
                          nullptr};
  impl->conn = pq.connectdb_params(keys, values, 1);
  if (impl->conn == nullptr || pq.status(impl->conn) != CONNECTION_OK) {
    error = "cannot connect to " +
            (dsn.empty() ? std::string("the database named by PG* variables") : redact_dsn(dsn)) + ": " +
            impl->scrub(impl->conn != nullptr ? pq.error_message(impl->conn) : "out of memory");
    return nullptr;
  }
  // Server notices (NOTICE, WARNING) go to stderr like every other message:
  // prefixed, and without the password.
  pq.set_notice_processor(
      impl->conn,
      [](void* arg, const char* message) {
        const std::string line = "ddlint: server: " + static_cast<const Impl*>(arg)->scrub(message) + "\n";
        std::fputs(line.c_str(), stderr);
      },
      impl.get());
  return impl;
}

std::unique_ptr<PgSession> PgSession::open(const std::string& dsn, int connect_timeout_s,
                                           int statement_timeout_ms, std::string& error) {
  auto impl = connect(dsn, connect_timeout_s, error);
  if (!impl) return nullptr;
  impl->statement_timeout_ms = statement_timeout_ms;
  std::unique_ptr<PgSession> session(new PgSession(std::move(impl)));
  if (!session->begin(error)) return nullptr;
  return session;
}

std::unique_ptr<PgSession> PgSession::open_writable(const std::string& dsn, int connect_timeout_s,
                                                    std::string& error, const std::string& database) {
  auto impl = connect(dsn, connect_timeout_s, error, database);
  if (!impl) return nullptr;
  return std::unique_ptr<PgSession>(new PgSession(std::move(impl)));
}

bool PgSession::exec(const std::string& sql, Rows& out, Outcome& outcome) {
  const Libpq& pq = libpq();
  out = {};
  outcome = {};
  PGresult* r = pq.exec(impl_->conn, sql.c_str());
  if (r == nullptr) {
    outcome.error = impl_->scrub(pq.error_message(impl_->conn));
    return false;
  }
  const ExecStatusType st = pq.result_status(r);
  if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT) {
    // COPY with the client's data: none is sent; the server fails the COPY.
    pq.clear(r);
    if (st == PGRES_COPY_IN) pq.put_copy_end(impl_->conn, "ddlint sends no COPY data");
    while (PGresult* rest = pq.get_result(impl_->conn)) pq.clear(rest);
    outcome.error = "COPY to or from the client is not supported";
    return false;
  }
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && st != PGRES_EMPTY_QUERY) {
    // The primary message alone: the position is returned apart.
    const char* primary = pq.result_error_field(r, PG_DIAG_MESSAGE_PRIMARY);
    outcome.error = impl_->scrub(primary != nullptr ? primary : pq.result_error_message(r));
    if (const char* p = pq.result_error_field(r, PG_DIAG_STATEMENT_POSITION))
      std::from_chars(p, p + std::strlen(p), outcome.error_position);
    pq.clear(r);
    return false;
  }
  outcome.command_tuples = pq.cmd_tuples(r);
  copy_rows(pq, r, out);
  pq.clear(r);
  return true;
}

bool PgSession::begin(std::string& error) {
  Rows ignored;
  const Libpq& pq = libpq();
  const std::string sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = " +
                          std::to_string(impl_->statement_timeout_ms);
  PGresult* r = pq.exec(impl_->conn, sql.c_str());
  const bool ok = r != nullptr && pq.result_status(r) == PGRES_COMMAND_OK;
  if (!ok) error = impl_->scrub(r != nullptr ? pq.result_error_message(r) : pq.error_message(impl_->conn));
  if (r != nullptr) pq.clear(r);
  return ok;
}

bool PgSession::query(const std::string& sql, Rows& out, std::string& error) {
  const Libpq& pq = libpq();
  out = {};
  // After a failed statement the transaction is aborted: start a new one.
  if (pq.transaction_status(impl_->conn) != PQTRANS_INTRANS) {
    PGresult* rb = pq.exec(impl_->conn, "ROLLBACK");
    if (rb != nullptr) pq.clear(rb);
    if (!begin(error)) return false;
  }
  PGresult* r = pq.exec(impl_->conn, sql.c_str());
  if (r == nullptr) {
    error = impl_->scrub(pq.error_message(impl_->conn));
    return false;
  }
  const ExecStatusType st = pq.result_status(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    error = impl_->scrub(pq.result_error_message(r));
    pq.clear(r);
    return false;
  }
  copy_rows(pq, r, out);
  pq.clear(r);
  return true;
}

std::string redact_dsn(std::string_view dsn) {
  std::string s(dsn);
  const size_t scheme = s.find("://");
  if (scheme != std::string::npos) {
    // scheme://user:secret@host:port/db?password=secret&...
    const size_t start = scheme + 3;
    const size_t end = s.find_first_of("/?", start);
    const std::string_view authority(s.data() + start, (end == std::string::npos ? s.size() : end) - start);
    const size_t at = authority.rfind('@');
    if (at != std::string::npos) {
      const size_t colon = authority.substr(0, at).find(':');
      if (colon != std::string::npos) s.replace(start + colon + 1, at - colon - 1, "***");
    }
    for (size_t q = s.find('?'); q != std::string::npos; q = s.find('&', q + 1)) {
      if (s.compare(q + 1, 9, "password=") != 0) continue;
      const size_t v = q + 10;
      const size_t e = s.find('&', v);
      s.replace(v, (e == std::string::npos ? s.size() : e) - v, "***");
    }
    return s;
  }
  // key=value form: password = secret, or password='se cret'
  for (size_t k = s.find("password"); k != std::string::npos; k = s.find("password", k + 1)) {
    if (k > 0 && std::isspace(static_cast<unsigned char>(s[k - 1])) == 0) continue;
    size_t i = k + 8;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && s[i] == ' ') ++i;
    size_t e = i;
    if (e < s.size() && s[e] == '\'') {
      for (++e; e < s.size() && s[e] != '\''; ++e)
        if (s[e] == '\\') ++e;
      if (e < s.size()) ++e;
    } else {
      while (e < s.size() && std::isspace(static_cast<unsigned char>(s[e])) == 0) ++e;
    }
    s.replace(i, e - i, "***");
  }
  return s;
}

}  // namespace ddlint::db
