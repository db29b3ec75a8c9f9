#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace ddlint::analysis {

// The migration runner that applies a file: it decides which parts of the
// file are up and down migrations and whether each runs in a transaction.
enum class Runner {
  Auto,           // detect from the file's directives and name (setting only)
  None,           // no runner semantics: the whole file is one up migration
  Goose,          // -- +goose Up / Down, -- +goose NO TRANSACTION
  Dbmate,         // -- migrate:up / down [transaction:false]
  GolangMigrate,  // NAME.up.sql / NAME.down.sql, each sent as one query string
  Sqlx,       // NAME.up.sql / NAME.down.sql, each in a transaction unless it starts with -- no-transaction
  Flyway,     // V<version>__<name>.sql, U<version>__<name>.sql undo scripts, R__<name>.sql repeatables
  Prisma,     // migrations/<timestamp>_<name>/migration.sql, sent as one query string
  Atlas,      // a folder with atlas.sum; -- atlas:txmode none|file|all
  Liquibase,  // --liquibase formatted sql: --changeset sections, --rollback comments
  Sqitch,     // sqitch.plan beside deploy/, revert/ and verify/
};

// How the statements of a section are sent to the server.
enum class TxMode {
  Unknown,     // runner not known: Settings::assume_in_transaction decides
  Wrapped,     // the runner opens a transaction around the section
  Autocommit,  // the runner sends each statement on its own, no transaction
  // The runner sends the whole section as one query string: PostgreSQL runs
  // a string of more than one statement as one implicit transaction block.
  SingleQuery,
  // The runner's transaction unless a statement of the section cannot run
  // in one; then none (each statement on its own). A section that mixes the
  // two is refused unless the runner is told to allow it (Flyway's `mixed`).
  ByContent,
};

// What to do with statements of down migrations.
enum class DownPolicy {
  Relaxed,  // skip rules that are only about data loss, compatibility or annotations
  Strict,   // every rule
  Skip,     // only syntax and meta rules
};

struct RunnerSection {
  TextRange range;  // from its marker (or the file start) to the next marker
  bool down = false;
  TxMode tx = TxMode::Unknown;
};

// What the folder around a file tells of its runner, found by the driver
// (marker files, per-script settings); the defaults describe a file alone.
struct RunnerLayout {
  // What Auto reads a NAME.up.sql / NAME.down.sql file as: golang-migrate,
  // or sqlx in a Rust project.
  Runner up_down = Runner::GolangMigrate;
  // A runner the folder's marker files name (Atlas: atlas.sum; sqitch:
  // sqitch.plan beside deploy/ revert/ verify/; Prisma: migration_lock.toml),
  // None when there is none. Evidence is static text.
  Runner marked = Runner::None;
  std::string_view marked_by;
  bool no_transaction = false;  // Flyway: executeInTransaction=false (the script's .conf or the project's)
  bool mixed = false;           // Flyway: `mixed` allows statements that need no transaction beside others
  bool undo_scripts = false;    // Flyway: the folder has U<version>__ undo scripts
  // The file is one step of a split version (split_step) whose folder holds
  // at least two steps of it: the version's key (the folder and
  // "<timestamp>_<name>"), the same for all its steps; empty otherwise.
  std::string split_version;
};

struct RunnerPlan {
  Runner runner = Runner::None;         // the runner the file is read for
  bool detected = false;                // found from directives or file names, not configured
  std::string_view evidence;            // when detected: what it was detected by
  std::vector<RunnerSection> sections;  // in order, covering the file; never empty
  // The runner refuses a section that has both statements that cannot run
  // in a transaction and others (Flyway unless `mixed` is set).
  bool refuses_mixed = false;
  // Down migrations live in files paired with this one (NAME.down.sql,
  // Flyway's undo scripts, sqitch's revert/): false for runners that have
  // none (Prisma, Atlas) and for Flyway folders without undo scripts.
  bool paired_downs = true;
  // sqitch's verify/ scripts check a deployed change: not migrations.
  bool not_a_migration = false;
  // Index of the section that holds `offset`.
  size_t section_at(uint32_t offset) const;
};

// Works out the runner plan of one file from its path (its name tells
// up/down files and Flyway undo scripts), its text and its comments, for the
// configured runner. Auto detects: goose, dbmate, Liquibase and Atlas by their
// directives, sqlx by its `-- no-transaction` first line, Flyway and Prisma by
// their file names, Atlas, sqitch and Prisma by the folder's marker files
// (`layout`), and a file named NAME.up.sql / NAME.down.sql as
// `layout.up_down` (golang-migrate or sqlx, which share the names; the driver
// tells them apart by the project).
RunnerPlan plan_runner(std::string_view path, std::string_view text, const std::vector<TextRange>& comments,
                       Runner configured, const RunnerLayout& layout = {});

// Flyway's migration names: V<version>__<description>.sql (versioned),
// U<version>__<description>.sql (undo), R__<description>.sql (repeatable).
// Returns 'V', 'U' or 'R', or 0 for other names.
char flyway_kind(std::string_view path);

// The version of a Flyway V or U script ("V1.2__x.sql" -> "1.2"), empty for others.
std::string_view flyway_version(std::string_view path);

// One step of a version split into numbered step files:
// <14-digit timestamp><6-digit step>_<name>.up.sql / .down.sql
// (20210410175418000031_network.postgres.up.sql). All steps of one timestamp
// and name are one version; its down steps are numbered apart from its up
// steps, and rolling the version back runs them all.
struct SplitStep {
  std::string_view timestamp;  // "20210410175418"
  std::string_view step;       // "000031"
  std::string_view name;       // "network.postgres"
  bool up = true;              // .up.sql (false: .down.sql)
};
std::optional<SplitStep> split_step(std::string_view path);

// Prisma's migrations/<timestamp>_<name>/migration.sql.
bool prisma_layout(std::string_view path);

// Liquibase formatted SQL keeps each changeset's down migration in comments:
// `--rollback <sql>` lines and `/* liquibase rollback ... */` blocks. Returns
// their SQL joined (`--rollback empty` / `not required` add none), or
// nullopt when the file has no rollback at all.
std::optional<std::string> liquibase_rollback(std::string_view text, const std::vector<TextRange>& comments);

// Where a sqitch script sits: the position in `path` of its nearest
// `deploy/`, `revert/` or `verify/` folder component (scripts may sit in
// subfolders of them), and which one it is; npos and "" when none.
std::pair<size_t, std::string_view> sqitch_folder(std::string_view path);

// The changes of a sqitch.plan in deploy order (its text: pragmas, tags,
// blank lines and comments skipped). A change reworked after a tag is listed
// where its last version is, since deploy/NAME.sql holds that version. The
// driver can order deploy/NAME.sql (and revert/ NAME.sql) files by it.
std::vector<std::string> sqitch_plan_order(std::string_view plan);

// golang-migrate's and sqlx's reversible migrations: <version>_<name>.up.sql
// and <version>_<name>.down.sql, the version a number.
bool up_down_layout(std::string_view path);

// The last component of a path ("db/001_x.up.sql" -> "001_x.up.sql").
std::string_view file_base_name(std::string_view path);

std::string_view runner_name(Runner r);
std::optional<Runner> parse_runner(std::string_view name);
std::string_view down_policy_name(DownPolicy p);
std::optional<DownPolicy> parse_down_policy(std::string_view name);
std::string_view tx_mode_name(TxMode m);

}  // namespace ddlint::analysis
