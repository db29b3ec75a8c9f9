#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
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
  Sqlx,  // NAME.up.sql / NAME.down.sql, each in a transaction unless it starts with -- no-transaction
};

// How the statements of a section are sent to the server.
enum class TxMode {
  Unknown,     // runner not known: Settings::assume_in_transaction decides
  Wrapped,     // the runner opens a transaction around the section
  Autocommit,  // the runner sends each statement on its own, no transaction
  // The runner sends the whole section as one query string: PostgreSQL runs
  // a string of more than one statement as one implicit transaction block.
  SingleQuery,
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

struct RunnerPlan {
  Runner runner = Runner::None;         // the runner the file is read for
  bool detected = false;                // found from directives or file names, not configured
  std::string_view evidence;            // when detected: what it was detected by
  std::vector<RunnerSection> sections;  // in order, covering the file; never empty
  // Index of the section that holds `offset`.
  size_t section_at(uint32_t offset) const;
};

// Works out the runner plan of one file from its path (its name tells
// up/down files and Flyway undo scripts), its text and its comments, for the
// configured runner. Auto detects: goose and dbmate by their directives, sqlx
// by its `-- no-transaction` first line, and a file named NAME.up.sql /
// NAME.down.sql as `layout` (golang-migrate or sqlx, which share the names;
// the driver tells them apart by the project).
RunnerPlan plan_runner(std::string_view path, std::string_view text, const std::vector<TextRange>& comments,
                       Runner configured, Runner layout = Runner::GolangMigrate);

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
