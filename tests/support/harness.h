#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis/settings.h"
#include "engine/catalog.h"
#include "engine/linter.h"

namespace ddlint::test {

std::filesystem::path source_dir();
std::string read(const std::filesystem::path& p);
void write(const std::filesystem::path& p, const std::string& text);
bool update_goldens();  // DDLINT_UPDATE_GOLDENS=1
// Empty when `golden` holds exactly `actual`; otherwise says how to
// regenerate it and shows a unified diff from the golden to `actual`.
std::string golden_mismatch(const std::filesystem::path& golden, const std::string& actual);
// Runs a shell command, capturing its stdout; returns its exit code (128 +
// signal when killed).
int run_command(const std::string& command, std::string& out);

// Options of the harness itself travel in RuleOptions under this key.
inline constexpr const char* kHarnessOptions = "ddlint-test";

// What a case is linted as: down_file=NAME.down.EXT (an option of the
// harness) makes it NAME.up.sql with that unreadable down migration beside
// it; the harness's own options are taken out of the rule options.
struct LintTarget {
  std::string path;
  std::string unreadable_down;
  engine::RuleOptions options;
};
LintTarget lint_target(const std::string& path, const engine::RuleOptions& options);

// Lints `sql` with exactly the `rules` enabled (default severities).
engine::FileResult lint(const std::string& path, const std::string& sql,
                        const std::vector<std::string>& rules, const analysis::Settings& settings = {},
                        const engine::RuleOptions& options = {});

// Parses "key=value key=value" options: pg_version, mysql_version (as
// analysis::parse_mysql_target reads it), dialect (postgres, mysql),
// assume_in_transaction, runner, down_migrations, schema_complete,
// rules=a,b (extra enabled rules), rule-id.option=value (rule options) and
// down_file=NAME.down.EXT (linted as NAME.up.sql whose down migration is a
// file ddlint cannot read).
void apply_options(const std::map<std::string, std::string>& opts, analysis::Settings& settings,
                   std::vector<std::string>& rules, engine::RuleOptions& options);

std::vector<std::filesystem::path> files_with_suffix(const std::filesystem::path& dir,
                                                     const std::string& suffix);

}  // namespace ddlint::test
