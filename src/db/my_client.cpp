// MySQL/MariaDB sessions through MariaDB Connector/C, loaded at run time.
#include <mariadb/mysql.h>

#include <cstdlib>
#include <mutex>

#include "db/dl.h"
#include "db/pg_client.h"

namespace ddlint::db {

namespace {

struct Libmariadb {
  decltype(&mysql_init) init = nullptr;
  decltype(&mysql_options) options = nullptr;
  decltype(&mysql_real_connect) real_connect = nullptr;
  decltype(&mysql_error) error = nullptr;
  decltype(&mysql_close) close = nullptr;
  decltype(&mysql_real_query) real_query = nullptr;
  decltype(&mysql_store_result) store_result = nullptr;
  decltype(&mysql_num_fields) num_fields = nullptr;
  decltype(&mysql_fetch_field_direct) fetch_field_direct = nullptr;
  decltype(&mysql_fetch_row) fetch_row = nullptr;
  decltype(&mysql_fetch_lengths) fetch_lengths = nullptr;
  decltype(&mysql_free_result) free_result = nullptr;
  std::string load_error;
};

const Libmariadb& libmariadb() {
  static Libmariadb m;
  static std::once_flag once;
  std::call_once(once, [] {
    void* lib = dlopen("libmariadb.so.3", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      m.load_error = "cannot load libmariadb.so.3 (install Debian's libmariadb3): " + std::string(dlerror());
      return;
    }
    const bool ok = resolve(lib, "mysql_init", m.init) && resolve(lib, "mysql_options", m.options) &&
                    resolve(lib, "mysql_real_connect", m.real_connect) &&
                    resolve(lib, "mysql_error", m.error) && resolve(lib, "mysql_close", m.close) &&
                    resolve(lib, "mysql_real_query", m.real_query) &&
                    resolve(lib, "mysql_store_result", m.store_result) &&
                    resolve(lib, "mysql_num_fields", m.num_fields) &&
                    resolve(lib, "mysql_fetch_field_direct", m.fetch_field_direct) &&
                    resolve(lib, "mysql_fetch_row", m.fetch_row) &&
                    resolve(lib, "mysql_fetch_lengths", m.fetch_lengths) &&
                    resolve(lib, "mysql_free_result", m.free_result);
    if (!ok) m.load_error = "libmariadb.so.3 lacks a function ddlint needs";
  });
  return m;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

// %XX escapes of a URL part.
std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::strtol(std::string(s.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Target {
  std::string host = "127.0.0.1", user, password, database;
  unsigned port = 3306;
};

bool parse_url(const std::string& dsn, Target& t, std::string& error) {
  const size_t scheme = dsn.find("://");
  const std::string_view kind =
      scheme == std::string::npos ? std::string_view() : std::string_view(dsn).substr(0, scheme);
  if (kind != "mysql" && kind != "mariadb") {
    error = "--dsn " + redact_dsn(dsn) + ": expected mysql://user:password@host:port/database";
    return false;
  }
  std::string_view rest = std::string_view(dsn).substr(scheme + 3);
  const size_t q = rest.find('?');
  if (q != std::string_view::npos) rest = rest.substr(0, q);
  const size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) t.database = unescape(rest.substr(slash + 1));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const size_t colon = userinfo.find(':');
    t.user = unescape(userinfo.substr(0, colon));
    if (colon != std::string_view::npos) t.password = unescape(userinfo.substr(colon + 1));
    authority = authority.substr(at + 1);
  }
  const size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    t.port =
        static_cast<unsigned>(std::strtoul(std::string(authority.substr(colon + 1)).c_str(), nullptr, 10));
    authority = authority.substr(0, colon);
  }
  if (!authority.empty()) t.host = std::string(authority);
  return true;
}

class MySession final : public Session {
 public:
  MySession(MYSQL* conn, std::vector<std::string> secrets) : conn_(conn), secrets_(std::move(secrets)) {}
  ~MySession() override {
    Rows ignored;
    std::string e;
    run("ROLLBACK", ignored, e);
    libmariadb().close(conn_);
  }
  MySession(const MySession&) = delete;
  MySession& operator=(const MySession&) = delete;

  bool setup(int statement_timeout_ms, bool read_only, std::string& error) {
    Rows ignored;
    read_only_ = read_only;
    if (read_only && !run("SET SESSION TRANSACTION READ ONLY", ignored, error)) return false;
    // MariaDB: max_statement_time in seconds; MySQL: max_execution_time in ms.
    std::string e;
    if (!run("SET SESSION max_statement_time = " + std::to_string(statement_timeout_ms / 1000.0), ignored,
             e) &&
        !run("SET SESSION max_execution_time = " + std::to_string(statement_timeout_ms), ignored, error))
      return false;
    return !read_only || begin(error);
  }

  bool query(const std::string& sql, Rows& out, std::string& error) override {
    if (run(sql, out, error)) return true;
    if (!read_only_) return false;
    // Start a fresh read-only transaction for the next query.
    Rows ignored;
    std::string e;
    run("ROLLBACK", ignored, e);
    begin(e);
    return false;
  }

 private:
  bool begin(std::string& error) {
    Rows ignored;
    return run("START TRANSACTION READ ONLY", ignored, error);
  }
  std::string scrub(std::string message) const {
    for (const auto& s : secrets_)
      for (size_t at = message.find(s); !s.empty() && at != std::string::npos; at = message.find(s, at + 3))
        message.replace(at, s.size(), "***");
    return message;
  }
  bool run(const std::string& sql, Rows& out, std::string& error) {
    const Libmariadb& m = libmariadb();
    out = {};
    if (m.real_query(conn_, sql.data(), sql.size()) != 0) {
      error = scrub(m.error(conn_));
      return false;
    }
    MYSQL_RES* res = m.store_result(conn_);
    if (res == nullptr) return true;  // no result set (SET, START TRANSACTION)
    const unsigned n = m.num_fields(res);
    for (unsigned c = 0; c < n; ++c) out.columns.emplace_back(m.fetch_field_direct(res, c)->name);
    while (MYSQL_ROW row = m.fetch_row(res)) {
      const unsigned long* lengths = m.fetch_lengths(res);
      auto& line = out.rows.emplace_back();
      for (unsigned c = 0; c < n; ++c)
        line.push_back(row[c] == nullptr ? std::nullopt
                                         : std::optional<std::string>(std::string(row[c], lengths[c])));
    }
    m.free_result(res);
    return true;
  }

  MYSQL* conn_;
  std::vector<std::string> secrets_;
  bool read_only_ = true;
};

}  // namespace

std::unique_ptr<Session> open_mysql(const std::string& dsn, int connect_timeout_s, int statement_timeout_ms,
                                    std::string& error, bool read_only) {
  Target t;
  if (dsn.empty()) {
    if (!env("MYSQL_HOST").empty()) t.host = env("MYSQL_HOST");
    if (!env("MYSQL_TCP_PORT").empty())
      t.port = static_cast<unsigned>(std::strtoul(env("MYSQL_TCP_PORT").c_str(), nullptr, 10));
    t.user = !env("MYSQL_USER").empty() ? env("MYSQL_USER") : env("USER");
    t.password = env("MYSQL_PWD");
    t.database = env("MYSQL_DATABASE");
  } else if (!parse_url(dsn, t, error)) {
    return nullptr;
  }
  const Libmariadb& m = libmariadb();
  if (!m.load_error.empty()) {
    error = m.load_error;
    return nullptr;
  }
  MYSQL* conn = m.init(nullptr);
  if (conn == nullptr) {
    error = "out of memory";
    return nullptr;
  }
  const unsigned timeout = static_cast<unsigned>(connect_timeout_s);
  m.options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  std::vector<std::string> secrets;
  if (!t.password.empty()) secrets.push_back(t.password);
  const std::string where = dsn.empty() ? "the database named by MYSQL_* variables" : redact_dsn(dsn);
  if (m.real_connect(conn, t.host.c_str(), t.user.c_str(), t.password.c_str(),
                     t.database.empty() ? nullptr : t.database.c_str(), t.port, nullptr, 0) == nullptr) {
    std::string message = m.error(conn);
    for (const auto& s : secrets)
      for (size_t at = message.find(s); at != std::string::npos; at = message.find(s, at + 3))
        message.replace(at, s.size(), "***");
    error = "cannot connect to " + where + ": " + message;
    m.close(conn);
    return nullptr;
  }
  auto session = std::make_unique<MySession>(conn, std::move(secrets));
  if (!session->setup(statement_timeout_ms, read_only, error)) {
    error = std::string("cannot open a ") + (read_only ? "read-only " : "") + "session on " + where + ": " +
            error;
    return nullptr;
  }
  return session;
}

}  // namespace ddlint::db
