#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "analysis/postgres/pg_settings.h"
#include "analysis/settings.h"

namespace ddlint::analysis {

std::optional<MySqlTarget> parse_mysql_target(std::string_view text) {
  std::string s;
  for (char c : text) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  MySqlTarget t;
  bool flavor_named = false;
  // A flavor word before the version: "mysql-8.0", "mariadb 10.11", "mariadb".
  for (std::string_view word : {"mariadb", "mysql"}) {
    if (s.rfind(word, 0) == 0) {
      t.flavor = word == "mariadb" ? MySqlFlavor::MariaDb : MySqlFlavor::MySql;
      flavor_named = true;
      s.erase(0, word.size());
      while (!s.empty() && (s[0] == '-' || s[0] == ' ' || s[0] == ':' || s[0] == '@' || s[0] == '_'))
        s.erase(0, 1);
      break;
    }
  }
  // MariaDB's protocol handshake prefixes its version with "5.5.5-".
  if (s.rfind("5.5.5-", 0) == 0 && s.find("mariadb") != std::string::npos) s.erase(0, 6);
  if (s.empty()) {
    if (!flavor_named) return std::nullopt;
    if (t.mariadb()) t.major = 10, t.minor = 11;
    return t;
  }
  // major.minor[.patch], then anything ("-MariaDB-0+deb12u1", "-log").
  int parts[3] = {0, 0, MySqlTarget::kLatestPatch};
  const char* p = s.data();
  const char* end = s.data() + s.size();
  int n = 0;
  for (; n < 3; ++n) {
    auto [q, ec] = std::from_chars(p, end, parts[n]);
    if (ec != std::errc()) break;
    p = q;
    if (n < 2 && (p == end || *p != '.')) {
      ++n;
      break;
    }
    if (n < 2) ++p;
  }
  if (n < 2) return std::nullopt;
  const std::string_view rest(p, static_cast<size_t>(end - p));
  if (!rest.empty() && rest[0] != '-' && rest[0] != ' ' && rest[0] != '+') return std::nullopt;
  t.major = parts[0];
  t.minor = parts[1];
  t.patch = parts[2];
  if (rest.find("mariadb") != std::string_view::npos || (!flavor_named && t.major >= 10))
    t.flavor = MySqlFlavor::MariaDb;
  if (t.mysql() && (t.major < 5 || t.major > 9)) return std::nullopt;
  if (t.mariadb() && (t.major < 10 || t.major > 12)) return std::nullopt;
  return t;
}

std::string mysql_target_name(const MySqlTarget& t) {
  std::string r = t.mariadb() ? "MariaDB " : "MySQL ";
  r += std::to_string(t.major) + "." + std::to_string(t.minor);
  if (t.patch != MySqlTarget::kLatestPatch) r += "." + std::to_string(t.patch);
  return r;
}

std::string_view lock_timeout_setting(Dialect d) {
  return d == Dialect::MySql ? "lock_wait_timeout" : "lock_timeout";
}

std::string set_lock_timeout_sql(Dialect d, double seconds) {
  if (d == Dialect::MySql)
    return "SET SESSION lock_wait_timeout = " + std::to_string(std::max(1L, std::lround(seconds))) + ";";
  return "SET lock_timeout = '" + format_seconds(seconds) + "';";
}

}  // namespace ddlint::analysis
