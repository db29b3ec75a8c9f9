#include "analysis/runner.h"

#include <algorithm>

#include "core/runner_marker.h"

namespace ddlint::analysis {

std::string_view file_base_name(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

namespace {

// golang-migrate (and tools that share its naming) keep the down migration in
// NAME.down.sql, Diesel in a directory per migration with up.sql and
// down.sql; Flyway's undo scripts are U<version>__<description>.sql.
bool down_file_name(std::string_view path) {
  const std::string_view name = file_base_name(path);
  if (name == "down.sql" || name.ends_with(".down.sql") || name.ends_with("_down.sql")) return true;
  return name.size() > 2 && name[0] == 'U' && name[1] >= '0' && name[1] <= '9' &&
         name.find("__") != std::string_view::npos;
}

}  // namespace

bool up_down_layout(std::string_view path) {
  const std::string_view name = file_base_name(path);
  if (!name.ends_with(".up.sql") && !name.ends_with(".down.sql")) return false;
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  return digits > 0 && digits < name.size() && name[digits] == '_';
}

size_t RunnerPlan::section_at(uint32_t offset) const {
  // Sections are few (one, or an up and a down): a linear scan is fastest.
  for (size_t i = sections.size(); i-- > 1;)
    if (offset >= sections[i].range.begin) return i;
  return 0;
}

RunnerPlan plan_runner(std::string_view path, std::string_view text, const std::vector<TextRange>& comments,
                       Runner configured, Runner layout) {
  RunnerPlan plan;
  const auto size = static_cast<uint32_t>(text.size());

  struct Mark {
    uint32_t at;
    RunnerMarkerInfo info;
  };
  std::vector<Mark> marks;
  bool goose = false;
  bool dbmate = false;
  bool no_transaction = false;
  for (const auto& c : comments) {
    const RunnerMarkerInfo m = classify_runner_comment(text.substr(c.begin, c.end - c.begin));
    switch (m.kind) {
      case RunnerMarker::None:
        continue;
      case RunnerMarker::DbmateUp:
      case RunnerMarker::DbmateDown:
        dbmate = true;
        break;
      case RunnerMarker::GooseNoTransaction:
        no_transaction = true;
        goose = true;
        break;
      default:
        goose = true;
        break;
    }
    marks.push_back({c.begin, m});
  }

  // sqlx runs a file outside its transaction when its first line says so.
  const bool sqlx_no_tx = text.starts_with("-- no-transaction");
  Runner runner = configured;
  if (runner == Runner::Auto) {
    if (goose) {
      runner = Runner::Goose;
      plan.evidence = "-- +goose directives";
    } else if (dbmate) {
      runner = Runner::Dbmate;
      plan.evidence = "-- migrate: directives";
    } else if (up_down_layout(path)) {
      runner = sqlx_no_tx ? Runner::Sqlx : layout;
      plan.evidence = sqlx_no_tx               ? "-- no-transaction first line, NAME.up.sql / NAME.down.sql"
                      : layout == Runner::Sqlx ? "NAME.up.sql / NAME.down.sql in a Rust (Cargo) project"
                                               : "NAME.up.sql / NAME.down.sql";
    } else {
      runner = Runner::None;
    }
    plan.detected = runner != Runner::None;
  }
  plan.runner = runner;

  const bool down_file = down_file_name(path);
  TxMode file_mode = TxMode::Unknown;
  if (runner == Runner::Goose) file_mode = no_transaction ? TxMode::Autocommit : TxMode::Wrapped;
  if (runner == Runner::Dbmate) file_mode = TxMode::Wrapped;
  if (runner == Runner::GolangMigrate) file_mode = TxMode::SingleQuery;
  // Without its transaction sqlx sends the file as one query string.
  if (runner == Runner::Sqlx) file_mode = sqlx_no_tx ? TxMode::SingleQuery : TxMode::Wrapped;

  // Text before the first section marker belongs to the up migration.
  plan.sections.push_back({{0, size}, down_file, file_mode});
  for (const auto& m : marks) {
    bool down;
    TxMode mode = file_mode;
    if (runner == Runner::Goose &&
        (m.info.kind == RunnerMarker::GooseUp || m.info.kind == RunnerMarker::GooseDown)) {
      down = m.info.kind == RunnerMarker::GooseDown;
    } else if (runner == Runner::Dbmate &&
               (m.info.kind == RunnerMarker::DbmateUp || m.info.kind == RunnerMarker::DbmateDown)) {
      down = m.info.kind == RunnerMarker::DbmateDown;
      // dbmate sends a section with transaction:false as one query string.
      if (m.info.transaction_false) mode = TxMode::SingleQuery;
    } else {
      continue;
    }
    plan.sections.back().range.end = m.at;
    plan.sections.push_back({{m.at, size}, down, mode});
  }
  return plan;
}

std::string_view runner_name(Runner r) {
  switch (r) {
    case Runner::Auto:
      return "auto";
    case Runner::None:
      return "none";
    case Runner::Goose:
      return "goose";
    case Runner::Dbmate:
      return "dbmate";
    case Runner::GolangMigrate:
      return "golang-migrate";
    case Runner::Sqlx:
      return "sqlx";
  }
  return "none";
}

std::optional<Runner> parse_runner(std::string_view name) {
  for (Runner r :
       {Runner::Auto, Runner::None, Runner::Goose, Runner::Dbmate, Runner::GolangMigrate, Runner::Sqlx})
    if (runner_name(r) == name) return r;
  return std::nullopt;
}

std::string_view down_policy_name(DownPolicy p) {
  switch (p) {
    case DownPolicy::Relaxed:
      return "relaxed";
    case DownPolicy::Strict:
      return "strict";
    case DownPolicy::Skip:
      return "skip";
  }
  return "relaxed";
}

std::optional<DownPolicy> parse_down_policy(std::string_view name) {
  for (DownPolicy p : {DownPolicy::Relaxed, DownPolicy::Strict, DownPolicy::Skip})
    if (down_policy_name(p) == name) return p;
  return std::nullopt;
}

std::string_view tx_mode_name(TxMode m) {
  switch (m) {
    case TxMode::Unknown:
      return "unknown";
    case TxMode::Wrapped:
      return "runner transaction";
    case TxMode::Autocommit:
      return "no transaction";
    case TxMode::SingleQuery:
      return "one query string";
  }
  return "unknown";
}

}  // namespace ddlint::analysis
