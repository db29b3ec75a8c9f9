#include "engine/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "analysis/annotations.h"
#include "core/path_text.h"

namespace ddlint::engine {

namespace fs = std::filesystem;

std::vector<std::string> resolve_rule_list(const std::vector<std::string>& ids, const Catalog& catalog,
                                           const std::string& where) {
  std::vector<std::string> out;
  for (const auto& raw : ids) {
    std::string id = raw;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    if (id == "all") {
      out.push_back("all");
      continue;
    }
    auto r = catalog.resolve(id);
    if (!r) {
      std::string message = where;
      message += ": unknown rule `" + raw + "` (see `ddlint rules`)";
      throw ConfigError(message);
    }
    out.push_back(*r);
  }
  return out;
}

namespace {

std::vector<std::string> strings(const toml::node& n, const std::string& where) {
  std::vector<std::string> out;
  const auto* arr = n.as_array();
  if (!arr) throw ConfigError(where + " must be an array of strings");
  for (const auto& v : *arr) {
    auto s = v.value<std::string>();
    if (!s) throw ConfigError(where + " must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

}  // namespace

namespace {

// A duration option: a non-negative number and a unit, nothing else
// ("5s", "500ms", "2min", "1.5h"). A bare number is refused: its unit would
// be a guess (PostgreSQL reads a bare lock_timeout as milliseconds, people
// write seconds).
std::optional<double> option_duration_seconds(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  size_t i = 0;
  while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.')) ++i;
  if (i == 0) return std::nullopt;
  const std::string number(v.substr(0, i));
  if (std::count(number.begin(), number.end(), '.') > 1 || number.front() == '.' || number.back() == '.')
    return std::nullopt;
  size_t j = i;
  while (j < v.size() && v[j] == ' ') ++j;
  std::string unit(v.substr(j));
  for (auto& ch : unit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::pair<std::string_view, double> kUnits[] = {
      {"ms", 0.001},   {"s", 1},    {"sec", 1},   {"secs", 1},    {"second", 1},
      {"seconds", 1},  {"m", 60},   {"min", 60},  {"mins", 60},   {"minute", 60},
      {"minutes", 60}, {"h", 3600}, {"hr", 3600}, {"hour", 3600}, {"hours", 3600}};
  for (const auto& [name, factor] : kUnits)
    if (unit == name) return std::stod(number) * factor;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_option(const RuleOption& decl, const std::string& value) {
  if (decl.type == "duration") {
    if (!value.empty() && value.find_first_not_of(' ') != std::string::npos &&
        value[value.find_first_not_of(' ')] == '-')
      return "must not be negative (got `" + value + "`)";
    if (!option_duration_seconds(value))
      return "must be a duration with a unit, such as \"5s\", \"500ms\" or \"2min\" (got `" + value + "`" +
             (value.find_first_not_of("0123456789. ") == std::string::npos ? ": a bare number has no unit"
                                                                           : "") +
             ")";
  }
  if (decl.type == "int" && (value.empty() || value.find_first_not_of("-0123456789") != std::string::npos))
    return "must be an integer (got `" + value + "`)";
  if (decl.type == "bool" && value != "true" && value != "false")
    return "must be true or false (got `" + value + "`)";
  return std::nullopt;
}

namespace {

void read_dialect(const toml::node& node, const std::string& where, std::optional<Dialect>& out,
                  bool& mariadb) {
  auto v = node.value<std::string>();
  if (v && (*v == "postgres" || *v == "postgresql")) {
    out = Dialect::Postgres;
  } else if (v && (*v == "mysql" || *v == "mariadb")) {
    out = Dialect::MySql;
    mariadb = *v == "mariadb";
  } else {
    throw ConfigError(where + " must be \"postgres\", \"mysql\" or \"mariadb\"");
  }
}

analysis::MySqlTarget read_mysql_version(const toml::node& node, const std::string& where) {
  auto v = node.value<std::string>();
  auto t = v ? analysis::parse_mysql_target(*v) : std::nullopt;
  if (!t)
    throw ConfigError(where +
                      " must be a MySQL or MariaDB version string such as \"8.0\", \"8.0.28\", \"5.7\", "
                      "\"mariadb-10.11\"");
  return *t;
}

// `pattern` from `p`, `path` from `s`.
bool glob_at(std::string_view pattern, size_t p, std::string_view path, size_t s) {
  while (p < pattern.size()) {
    if (pattern.compare(p, 2, "**") == 0) {
      size_t next = p + 2;
      if (next < pattern.size() && pattern[next] == '/') ++next;  // `**/` may match no folder
      for (size_t k = s; k <= path.size(); ++k)
        if (glob_at(pattern, next, path, k)) return true;
      return false;
    }
    if (pattern[p] == '*') {
      for (size_t k = s; k <= path.size(); ++k) {
        if (glob_at(pattern, p + 1, path, k)) return true;
        if (k < path.size() && path[k] == '/') break;
      }
      return false;
    }
    if (s >= path.size()) return false;
    if (pattern[p] == '?' ? path[s] == '/' : pattern[p] != path[s]) return false;
    ++p;
    ++s;
  }
  // All of the pattern is used: the whole path, or a leading folder of it.
  return s == path.size() || path[s] == '/';
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.size() > 1 && pattern.back() == '/') pattern.remove_suffix(1);
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return glob_at(pattern, 0, path, 0);
}

Config load_config(const fs::path& file, const Catalog& catalog) {
  Config c;
  c.path = file.string();
  std::string text;
  {
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || in.bad())
      throw ConfigError(c.path + ": cannot read: " +
                        (errno != 0 ? std::string(std::strerror(errno)) : std::string("read error")));
    text = ss.str();
  }
  toml::table t;
  try {
    t = toml::parse(text, c.path);
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    throw ConfigError(c.path + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column) +
                      ": " + std::string(e.description()));
  }
  bool mariadb = false;  // dialect = "mariadb": MariaDB unless mysql_version says which
  for (const auto& [key, node] : t) {
    const std::string k(key.str());
    const std::string where = c.path + ": `" + k + "`";
    if (k == "select") {
      c.select = resolve_rule_list(strings(node, where), catalog, where);
    } else if (k == "ignore") {
      c.ignore = resolve_rule_list(strings(node, where), catalog, where);
    } else if (k == "pg_version") {
      auto v = node.value<int64_t>();
      if (!v || *v < 10 || *v > 18) throw ConfigError(where + " must be an integer from 10 to 18");
      c.pg_version = static_cast<int>(*v);
    } else if (k == "assume_in_transaction") {
      auto v = node.value<bool>();
      if (!v) throw ConfigError(where + " must be true or false");
      c.assume_in_transaction = *v;
    } else if (k == "runner") {
      auto v = node.value<std::string>();
      auto r = v ? analysis::parse_runner(*v) : std::nullopt;
      if (!r)
        throw ConfigError(
            where +
            " must be \"auto\", \"none\", \"goose\", \"dbmate\", \"golang-migrate\", \"sqlx\", \"flyway\", "
            "\"prisma\", \"atlas\", \"liquibase\" or \"sqitch\"");
      c.runner = *r;
    } else if (k == "down_migrations") {
      auto v = node.value<std::string>();
      auto d = v ? analysis::parse_down_policy(*v) : std::nullopt;
      if (!d) throw ConfigError(where + " must be \"relaxed\", \"strict\" or \"skip\"");
      c.down_migrations = *d;
    } else if (k == "schema_complete") {
      auto v = node.value<bool>();
      if (!v) throw ConfigError(where + " must be true or false");
      c.schema_complete = *v;
    } else if (k == "placeholders") {
      c.placeholders = strings(node, where);
      for (const auto& form : *c.placeholders) {
        const size_t at = form.find("NAME");
        if (at == std::string::npos || at == 0 || form.find("NAME", at + 4) != std::string::npos)
          throw ConfigError(
              where + ": \"" + form +
              "\" must be a form with text before one NAME, such as \"${NAME}\" or \"$%NAME%$\"");
      }
    } else if (k == "table_stats") {
      auto v = node.value<std::string>();
      if (!v || v->empty()) throw ConfigError(where + " must be the path of a table-stats JSON file");
      const fs::path p = fs::path(*v).is_absolute() ? fs::path(*v) : file.parent_path() / *v;
      try {
        c.table_stats = load_table_stats(p, (file.parent_path() / *v).string());
      } catch (const ConfigError& e) {
        throw ConfigError(where + ": " + e.what());
      }
    } else if (k == "large_table_rows" || k == "safe_below_rows") {
      auto v = node.value<int64_t>();
      if (!node.is_integer() || !v || *v < (k == "safe_below_rows" ? 0 : 1))
        throw ConfigError(
            where + " must be " +
            (k == "safe_below_rows" ? "an integer, 0 or more (0: off)" : "an integer, 1 or more"));
      (k == "large_table_rows" ? c.large_table_rows : c.safe_below_rows) = *v;
    } else if (k == "rewrite_mb_per_second" || k == "scan_mb_per_second" || k == "index_mb_per_second") {
      auto v = node.value<double>();
      if (!v || !(*v > 0) || *v > 1e6)
        throw ConfigError(where + " must be a positive number of megabytes (10^6 bytes) per second");
      const auto bytes = static_cast<int64_t>(*v * 1e6);
      (k == "rewrite_mb_per_second" ? c.rewrite_bytes_per_second
       : k == "scan_mb_per_second"  ? c.scan_bytes_per_second
                                    : c.index_bytes_per_second) = bytes;
    } else if (k == "schema_files") {
      c.schema_files = strings(node, where);
    } else if (k == "fail_on") {
      auto v = node.value<std::string>();
      auto s = v ? parse_severity(*v) : std::nullopt;
      if (!s) throw ConfigError(where + " must be \"error\", \"warning\" or \"info\"");
      c.fail_on = *s;
    } else if (k == "dialect") {
      read_dialect(node, where, c.dialect, mariadb);
    } else if (k == "mysql_version") {
      c.mysql_target = read_mysql_version(node, where);
    } else if (k == "paths") {
      const auto* paths = node.as_table();
      if (!paths) throw ConfigError(where + " must be a table of [paths.\"<glob>\"] tables");
      for (const auto& [glob, pnode] : *paths) {
        const std::string pwhere = c.path + ": [paths.\"" + std::string(glob.str()) + "\"]";
        const auto* pt = pnode.as_table();
        if (!pt) throw ConfigError(pwhere + " must be a table");
        Config::PathOverride o;
        o.glob = std::string(glob.str());
        bool path_mariadb = false;
        for (const auto& [pk, pv] : *pt) {
          const std::string kwhere = pwhere + ": `" + std::string(pk.str()) + "`";
          if (pk.str() == "dialect") {
            read_dialect(pv, kwhere, o.dialect, path_mariadb);
          } else if (pk.str() == "mysql_version") {
            o.mysql_target = read_mysql_version(pv, kwhere);
          } else if (pk.str() == "pg_version") {
            auto v = pv.value<int64_t>();
            if (!v || *v < 10 || *v > 18) throw ConfigError(kwhere + " must be an integer from 10 to 18");
            o.pg_version = static_cast<int>(*v);
          } else {
            throw ConfigError(kwhere + ": unknown key (expected dialect, mysql_version or pg_version)");
          }
        }
        if (path_mariadb && !o.mysql_target) o.mysql_target = analysis::parse_mysql_target("mariadb");
        c.paths.push_back(std::move(o));
      }
    } else if (k == "rules") {
      const auto* rules = node.as_table();
      if (!rules) throw ConfigError(where + " must be a table of [rules.<rule-id>] tables");
      for (const auto& [rid, rnode] : *rules) {
        const std::string rwhere = c.path + ": [rules." + std::string(rid.str()) + "]";
        const auto id = resolve_rule_list({std::string(rid.str())}, catalog, rwhere).front();
        const auto* rt = rnode.as_table();
        if (!rt) throw ConfigError(rwhere + " must be a table");
        for (const auto& [opt, onode] : *rt) {
          if (opt.str() != "severity") {
            const auto* info = catalog.find(id);
            const RuleOption* decl = info ? info->option(opt.str()) : nullptr;
            if (!decl) throw ConfigError(rwhere + ": unknown option `" + std::string(opt.str()) + "`");
            // The TOML type must be the option's: `true` is not a duration,
            // `5` has no unit.
            std::string value;
            const bool wants_string = decl->type == "duration" || decl->type == "string";
            if (onode.is_string() && wants_string)
              value = *onode.value<std::string>();
            else if (onode.is_integer() && decl->type == "int")
              value = std::to_string(*onode.value<int64_t>());
            else if (onode.is_boolean() && decl->type == "bool")
              value = *onode.value<bool>() ? "true" : "false";
            else if (decl->type == "duration" && (onode.is_integer() || onode.is_floating_point()))
              throw ConfigError(rwhere + ": `" + decl->name +
                                "` must be a duration string with a unit, such as \"5s\", \"500ms\" or "
                                "\"2min\" (a bare number has no unit)");
            else
              throw ConfigError(rwhere + ": `" + decl->name + "` must be " +
                                (decl->type == "duration" ? "a duration string such as \"5s\""
                                 : decl->type == "int"    ? "an integer"
                                 : decl->type == "bool"   ? "true or false"
                                                          : "a string"));
            if (const auto problem = check_option(*decl, value))
              throw ConfigError(rwhere + ": `" + decl->name + "` " + *problem);
            c.options[id][decl->name] = value;
            continue;
          }
          auto v = onode.value<std::string>();
          if (v && *v == "off") {
            c.off.push_back(id);
            continue;
          }
          auto s = v ? parse_severity(*v) : std::nullopt;
          if (!s)
            throw ConfigError(rwhere + ": severity must be \"error\", \"warning\", \"info\" or \"off\"");
          c.severity[id] = *s;
        }
      }
    } else {
      throw ConfigError(c.path + ": unknown key `" + k + "`");
    }
  }
  if (mariadb && !c.mysql_target) c.mysql_target = analysis::parse_mysql_target("mariadb");
  return c;
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / ".ddlint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::optional<fs::path> find_config(const fs::path& start, ConfigSearchCache& cache, bool start_is_file,
                                    const std::function<bool(const std::string& dir)>& may_hold) {
  std::error_code ec;
  const fs::path abs = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  // The folders up from the start as text (each parent_path() of a path
  // object splits its whole text again).
  return find_config_from_folder(
      start_is_file || !fs::is_directory(abs, ec) ? parent_path_text(abs.native()) : abs.native(), cache,
      may_hold);
}

std::optional<fs::path> find_config_from_folder(std::string dir, ConfigSearchCache& cache,
                                                const std::function<bool(const std::string& dir)>& may_hold) {
  std::error_code ec;
  std::vector<std::string> walked;  // directories without an answer yet, nearest first
  std::optional<fs::path> found;
  while (true) {
    if (const auto it = cache.find(dir); it != cache.end()) {
      found = it->second;
      break;
    }
    walked.push_back(dir);
    if (!may_hold || may_hold(dir)) {
      fs::path candidate = fs::path(dir) / ".ddlint.toml";
      if (fs::is_regular_file(candidate, ec)) {
        found = std::move(candidate);
        break;
      }
    }
    std::string parent = parent_path_text(dir);
    if (parent.empty() || parent == dir) break;  // no parent, or the root
    dir = std::move(parent);
  }
  for (auto& key : walked) cache.emplace(std::move(key), found);
  return found;
}

namespace {

// The file's path relative to the folder of its config, with `/`.
std::string relative_to_config(const Config& c, const fs::path& file) {
  if (file.empty() || c.path.empty()) return {};
  std::error_code ec;
  const fs::path base = fs::absolute(fs::path(c.path), ec).parent_path();
  const fs::path abs = fs::absolute(file, ec);
  if (ec) return {};
  return abs.lexically_normal().lexically_relative(base.lexically_normal()).generic_string();
}

// One shared map per distinct rule set: a run has a handful.
std::shared_ptr<const std::map<std::string, Severity>> intern(std::map<std::string, Severity> enabled) {
  static std::mutex mutex;
  static std::vector<std::shared_ptr<const std::map<std::string, Severity>>> seen;
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& s : seen)
    if (*s == enabled) return s;
  if (seen.size() >= 64) seen.erase(seen.begin());  // a long-running server with many configs
  seen.push_back(std::make_shared<const std::map<std::string, Severity>>(std::move(enabled)));
  return seen.back();
}

// The rules on and their severities. A run asks once per file (twice when
// the dialect is detected) with a handful of distinct inputs: the answer is
// kept per input (a catalogue, the select/ignore/off lists, the severities
// and the dialect, written out as one key), so building the map, some
// hundred allocations, happens once per distinct input.
std::shared_ptr<const std::map<std::string, Severity>> enabled_rules(
    const Catalog& catalog, const std::optional<std::vector<std::string>>& select,
    const std::vector<std::string>& ignore, const std::vector<std::string>& off,
    const std::map<std::string, Severity>& severity, Dialect dialect) {
  std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(catalog.rules().data())) + ':' +
                    std::to_string(catalog.rules().size());
  key += dialect == Dialect::MySql ? "|m|" : "|p|";
  auto add = [&key](const std::vector<std::string>& v) {
    for (const auto& x : v) (key += x) += ',';
    key += '|';
  };
  if (select) add(*select);
  key += select ? "s|" : "-|";
  add(ignore);
  add(off);
  for (const auto& [id, sev] : severity) ((key += id) += '=') += std::to_string(static_cast<int>(sev)) + ',';
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const std::map<std::string, Severity>>> known;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = known.find(key); it != known.end()) return it->second;
  }
  auto listed = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  std::map<std::string, Severity> enabled;
  const std::string dialect_name = dialect == Dialect::MySql ? "mysql" : "postgres";
  for (const auto& r : catalog.rules()) {
    bool on = r.default_enabled;
    if (select) on = listed(*select, "all") || listed(*select, r.id);
    if (listed(ignore, r.id) || listed(off, r.id)) on = false;
    // A rule runs only on the dialects its page lists.
    if (!r.dialects.empty() && !listed(r.dialects, dialect_name)) on = false;
    if (!on) continue;
    auto it = severity.find(r.id);
    enabled[r.id] = it != severity.end() ? it->second : r.default_severity;
  }
  auto shared = intern(std::move(enabled));
  const std::lock_guard<std::mutex> lock(mutex);
  if (known.size() >= 64) known.clear();  // a long-running server with many configs
  known.emplace(std::move(key), shared);
  return shared;
}

Effective effective_as(const Catalog& catalog, const Config* file_config, const Config& cli,
                       const fs::path& file, const std::optional<std::pair<Dialect, std::string>>& forced);

// A config path as the user would write it: relative to the working
// directory when it lies below it.
std::string shown_path(const std::string& path) {
  std::error_code ec;
  const fs::path rel = fs::path(path).lexically_normal().lexically_relative(fs::current_path(ec));
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.generic_string();
}

}  // namespace

Effective effective(const Catalog& catalog, const Config* file_config, const Config& cli,
                    const fs::path& file) {
  return effective_as(catalog, file_config, cli, file, std::nullopt);
}

Effective with_dialect(const Catalog& catalog, const Config* file_config, const Config& cli,
                       const fs::path& file, Dialect dialect, std::string from) {
  return effective_as(catalog, file_config, cli, file, std::make_pair(dialect, std::move(from)));
}

namespace {

Effective effective_as(const Catalog& catalog, const Config* file_config, const Config& cli,
                       const fs::path& file, const std::optional<std::pair<Dialect, std::string>>& forced) {
  Effective e;
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;
  std::vector<std::string> off;
  for (const Config* c : {file_config, &cli}) {
    if (!c) continue;
    if (c->select) select = c->select;
    ignore.insert(ignore.end(), c->ignore.begin(), c->ignore.end());
    for (auto& [k, v] : c->severity) severity[k] = v;
    for (auto& [rule, opts] : c->options)
      for (auto& [k, v] : opts) e.options[rule][k] = v;
    off.insert(off.end(), c->off.begin(), c->off.end());
    if (c->pg_version) e.settings.pg_version = *c->pg_version;
    if (c->assume_in_transaction) e.settings.assume_in_transaction = *c->assume_in_transaction;
    if (c->runner) e.settings.runner = *c->runner;
    if (c->down_migrations) e.settings.down = *c->down_migrations;
    if (c->schema_complete) e.settings.schema_complete = *c->schema_complete;
    if (c->fail_on) e.fail_on = *c->fail_on;
    if (c->mysql_target) e.settings.mysql = *c->mysql_target;
    if (c->placeholders) e.settings.placeholders = *c->placeholders;
    if (c->table_stats) e.settings.sizes.stats = c->table_stats;
    if (c->large_table_rows) e.settings.sizes.large_table_rows = *c->large_table_rows;
    if (c->safe_below_rows) e.settings.sizes.safe_below_rows = *c->safe_below_rows;
    if (c->rewrite_bytes_per_second) e.settings.sizes.rewrite_bytes_per_second = *c->rewrite_bytes_per_second;
    if (c->scan_bytes_per_second) e.settings.sizes.scan_bytes_per_second = *c->scan_bytes_per_second;
    if (c->index_bytes_per_second) e.settings.sizes.index_bytes_per_second = *c->index_bytes_per_second;
    if (c->dialect) {
      e.settings.dialect = *c->dialect;
      e.dialect_from = c == &cli ? "--dialect" : shown_path(c->path);
    }
    if (c != file_config) continue;
    const std::string rel = relative_to_config(*c, file);
    if (rel.empty()) continue;
    for (const auto& glob : c->schema_files)
      if (glob_match(glob, rel)) e.schema_file = shown_path(c->path) + ": schema_files \"" + glob + "\"";
    for (const auto& o : c->paths) {
      if (!glob_match(o.glob, rel)) continue;
      if (o.pg_version) e.settings.pg_version = *o.pg_version;
      if (o.mysql_target) e.settings.mysql = *o.mysql_target;
      if (o.dialect) {
        e.settings.dialect = *o.dialect;
        e.dialect_from = shown_path(c->path) + " [paths.\"" + o.glob + "\"]";
      }
    }
  }
  if (forced) {
    e.settings.dialect = forced->first;
    e.dialect_from = forced->second;
  }
  e.enabled = enabled_rules(catalog, select, ignore, off, severity, e.settings.dialect);
  return e;
}

}  // namespace

}  // namespace ddlint::engine
