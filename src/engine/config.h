#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/settings.h"
#include "core/diagnostic.h"
#include "engine/catalog.h"

namespace ddlint::engine {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One .ddlint.toml (or the CLI flags layered on top of it). Unset fields
// inherit the defaults.
struct Config {
  std::string path;                                // where it was read from; empty for defaults/CLI
  std::optional<std::vector<std::string>> select;  // canonical ids (or "all")
  std::vector<std::string> ignore;                 // canonical ids
  std::map<std::string, Severity> severity;        // per-rule override
  RuleOptions options;                             // [rules.<id>] option = value
  std::vector<std::string> off;                    // severity = "off"
  std::optional<int> pg_version;
  std::optional<bool> assume_in_transaction;
  std::optional<analysis::Runner> runner;
  std::optional<analysis::DownPolicy> down_migrations;
  std::optional<bool> schema_complete;
  std::optional<Severity> fail_on;
  std::optional<Dialect> dialect;
  std::optional<analysis::MySqlTarget> mysql_target;  // mysql_version (or dialect = "mariadb")
  // placeholders = ["${NAME}", "$%NAME%$"]: forms a runner substitutes before
  // running a file (core/source.h); unset: the default ["${NAME}"].
  std::optional<std::vector<std::string>> placeholders;
  // schema_files = ["db/schema.sql"]: globs (relative to the config's folder,
  // as [paths]) of schema snapshots among the migrations: read into the
  // schema model at their place, not linted.
  std::vector<std::string> schema_files;
  // table_stats = "table-stats.json" (relative to the config's folder), read
  // with the config; the thresholds and throughput figures that use it.
  std::shared_ptr<const analysis::TableStats> table_stats;
  std::optional<int64_t> large_table_rows;
  std::optional<int64_t> safe_below_rows;
  std::optional<int64_t> rewrite_bytes_per_second;  // config: rewrite_mb_per_second
  std::optional<int64_t> scan_bytes_per_second;     // config: scan_mb_per_second
  std::optional<int64_t> index_bytes_per_second;    // config: index_mb_per_second

  // [paths."<glob>"]: settings for the files the glob matches, relative to
  // the config file's folder (`*` stays within one folder, `**` crosses
  // folders; a folder name matches everything under it). Later tables win.
  struct PathOverride {
    std::string glob;
    std::optional<Dialect> dialect;
    std::optional<analysis::MySqlTarget> mysql_target;
    std::optional<int> pg_version;
  };
  std::vector<PathOverride> paths;
};

// `pattern` matches `path` (both with `/` separators): `*` and `?` never
// match `/`, `**` matches any run of folders; a pattern that matches a
// leading folder of `path` matches the whole path.
bool glob_match(std::string_view pattern, std::string_view path);

// Reads and validates a config file. Unknown keys and unknown rule ids are
// errors (a typo must not silently disable a rule).
Config load_config(const std::filesystem::path& file, const Catalog& catalog);

// Validates a value for a declared rule option; the problem when invalid.
std::optional<std::string> check_option(const RuleOption& decl, const std::string& value);

// Reads a table-stats file (`ddlint stats` output: {"dialect", "tables":
// [{"schema", "name", "rows", "bytes"}]}); throws ConfigError naming the file
// and what is wrong. `shown` is the path for messages.
std::shared_ptr<const analysis::TableStats> load_table_stats(const std::filesystem::path& file,
                                                             const std::string& shown);

// Nearest .ddlint.toml walking up from `start` (a file or directory).
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);
// The same, remembering the answer of every directory it looks at in
// `cache` (keyed by absolute path): a run over a tree looks in each
// directory once, whatever the number of files and folders below it.
// `start_is_file`: the caller knows `start` is a file (or no folder): the
// search starts in its folder without asking. `may_hold(dir)`: false when
// `dir` is known to have no entry .ddlint.toml (its listing), so it is not
// looked up; empty: every directory is asked.
using ConfigSearchCache = std::unordered_map<std::string, std::optional<std::filesystem::path>>;
std::optional<std::filesystem::path> find_config(
    const std::filesystem::path& start, ConfigSearchCache& cache, bool start_is_file = false,
    const std::function<bool(const std::string& dir)>& may_hold = {});
// The same from the folder `dir` (absolute, spelled as a path's
// parent_path() gives it): the search of a file's configuration without a
// path object until one is found.
std::optional<std::filesystem::path> find_config_from_folder(
    std::string dir, ConfigSearchCache& cache,
    const std::function<bool(const std::string& dir)>& may_hold = {});

// Resolves ids/aliases; throws ConfigError naming `where` for unknown ones.
std::vector<std::string> resolve_rule_list(const std::vector<std::string>& ids, const Catalog& catalog,
                                           const std::string& where);

// The effective rule set and settings for one file: defaults, then the
// file's config, then the CLI flags.
struct Effective {
  analysis::Settings settings;
  // canonical id -> severity; files with the same rule set share one map (a
  // run over thousands of files holds every file's settings at once).
  std::shared_ptr<const std::map<std::string, Severity>> enabled;
  RuleOptions options;
  Severity fail_on = Severity::Warning;
  // Where the dialect came from: "--dialect", the config file (its path, and
  // the [paths] glob when one matched), or empty when nothing set it (the
  // caller detects it from the file's text and calls with_dialect).
  std::string dialect_from;
  // Why the file is a schema snapshot by the configuration (`CONFIG:
  // schema_files "GLOB"`); empty when no schema_files glob matches it.
  std::string schema_file;
};
// `file` (a filesystem path; empty for stdin) selects the [paths] tables of
// the file's config that apply.
Effective effective(const Catalog& catalog, const Config* file_config, const Config& cli,
                    const std::filesystem::path& file = {});
// The same settings read as `dialect` (rules that do not support it are
// turned off, the others back on): for a dialect detected from the text.
Effective with_dialect(const Catalog& catalog, const Config* file_config, const Config& cli,
                       const std::filesystem::path& file, Dialect dialect, std::string from);

}  // namespace ddlint::engine
