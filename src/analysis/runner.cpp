#include "analysis/runner.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/runner_marker.h"

namespace ddlint::analysis {

std::string_view file_base_name(std::string_view path) {
  // Not find_last_of("/\\"): it looks each character up in the set with a
  // library call, a thousand instructions for a path of a hundred
  // characters, and the runner's plan asks for the name of a file many times.
  // memrchr reads many bytes per step; the name starts after the later of
  // the last '/' and the last '\\'.
  if (path.empty()) return path;
  const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
  const char* from = slash != nullptr ? slash + 1 : path.data();
  const size_t rest = path.size() - static_cast<size_t>(from - path.data());
  if (const auto* back = static_cast<const char*>(::memrchr(from, '\\', rest)); back != nullptr)
    from = back + 1;
  return path.substr(static_cast<size_t>(from - path.data()));
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

// The folder a file is in ("db/deploy/x.sql" -> "deploy").
std::string_view parent_name(std::string_view path) {
  const std::string_view name = file_base_name(path);
  std::string_view dir = path.substr(0, path.size() - name.size());
  if (dir.empty()) return {};
  dir.remove_suffix(1);
  return file_base_name(dir);
}

}  // namespace

bool up_down_layout(std::string_view path) {
  const std::string_view name = file_base_name(path);
  if (!name.ends_with(".up.sql") && !name.ends_with(".down.sql")) return false;
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  return digits > 0 && digits < name.size() && name[digits] == '_';
}

std::optional<SplitStep> split_step(std::string_view path) {
  std::string_view name = file_base_name(path);
  SplitStep s;
  if (name.ends_with(".up.sql")) {
    name.remove_suffix(7);
  } else if (name.ends_with(".down.sql")) {
    name.remove_suffix(9);
    s.up = false;
  } else {
    return std::nullopt;
  }
  if (name.size() < 22 || name[20] != '_') return std::nullopt;
  for (size_t i = 0; i < 20; ++i)
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
  s.timestamp = name.substr(0, 14);
  s.step = name.substr(14, 6);
  s.name = name.substr(21);
  return s;
}

char flyway_kind(std::string_view path) {
  const std::string_view name = file_base_name(path);
  if (name.size() < 8 || !name.ends_with(".sql")) return 0;
  const size_t sep = name.find("__");
  if (sep == std::string_view::npos || sep + 2 >= name.size() - 4) return 0;
  if (name[0] == 'R') return sep == 1 ? 'R' : 0;
  if (name[0] != 'V' && name[0] != 'U') return 0;
  // The version: digits separated by dots or single underscores.
  const std::string_view version = name.substr(1, sep - 1);
  if (version.empty() || version.front() < '0' || version.front() > '9') return 0;
  for (char c : version)
    if ((c < '0' || c > '9') && c != '.' && c != '_') return 0;
  return name[0];
}

std::string_view flyway_version(std::string_view path) {
  const char kind = flyway_kind(path);
  if (kind != 'V' && kind != 'U') return {};
  const std::string_view name = file_base_name(path);
  return name.substr(1, name.find("__") - 1);
}

bool prisma_layout(std::string_view path) {
  if (file_base_name(path) != "migration.sql") return false;
  std::string_view dir = path.substr(0, path.size() - std::string_view("migration.sql").size());
  if (dir.empty()) return false;
  dir.remove_suffix(1);  // the slash
  const std::string_view folder = file_base_name(dir);
  // <timestamp>_<name>: Prisma's stamps are 14 digits (YYYYMMDDHHMMSS);
  // a folder of renumbered ones (01_init) is Prisma's inside migrations/.
  size_t digits = 0;
  while (digits < folder.size() && folder[digits] >= '0' && folder[digits] <= '9') ++digits;
  if (digits == 0 || digits + 1 >= folder.size() || folder[digits] != '_') return false;
  return digits == 14 || parent_name(dir) == "migrations";
}

std::pair<size_t, std::string_view> sqitch_folder(std::string_view path) {
  size_t end = path.find_last_of("/\\");  // the file's own name is no folder
  while (end != std::string_view::npos && end > 0) {
    const size_t start = path.find_last_of("/\\", end - 1);
    const size_t begin = start == std::string_view::npos ? 0 : start + 1;
    const std::string_view folder = path.substr(begin, end - begin);
    if (folder == "deploy" || folder == "revert" || folder == "verify") return {begin, folder};
    end = start;
  }
  return {std::string_view::npos, {}};
}

std::vector<std::string> sqitch_plan_order(std::string_view plan) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < plan.size()) {
    size_t eol = plan.find('\n', pos);
    if (eol == std::string_view::npos) eol = plan.size();
    std::string_view line = plan.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    // Older plans mark deploys with '+' (and reverts with '-').
    if (line.starts_with("+")) line.remove_prefix(1);
    if (line.empty() || line.front() == '%' || line.front() == '#' || line.front() == '@' ||
        line.front() == '-' || line.front() == '\r')
      continue;
    const std::string name(line.substr(0, line.find_first_of(" \t\r[")));
    if (name.empty()) continue;
    std::erase(out, name);
    out.push_back(name);
  }
  return out;
}

size_t RunnerPlan::section_at(uint32_t offset) const {
  // Sections are few (one, or an up and a down): a linear scan is fastest.
  for (size_t i = sections.size(); i-- > 1;)
    if (offset >= sections[i].range.begin) return i;
  return 0;
}

namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  return text.size() == word.size() || text[word.size()] == ' ' || text[word.size()] == '\t' ||
         text[word.size()] == '\r' || text[word.size()] == '\n';
}

// The text of a line comment after `--` and blanks.
std::string_view comment_body(std::string_view comment) {
  if (!comment.starts_with("--")) return {};
  comment.remove_prefix(2);
  while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) comment.remove_prefix(1);
  return comment;
}

// Liquibase's formatted SQL starts with `--liquibase formatted sql`.
bool liquibase_formatted(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view body = comment_body(text.substr(0, text.find('\n')));
  return starts_with_word(body, "liquibase") && body.find("formatted") != std::string_view::npos;
}

// The value of `name:value` among a directive's words (empty when absent).
std::string_view attribute(std::string_view body, std::string_view name) {
  for (size_t at = body.find(name); at != std::string_view::npos; at = body.find(name, at + 1)) {
    const bool starts = at == 0 || body[at - 1] == ' ' || body[at - 1] == '\t';
    if (!starts || at + name.size() >= body.size() || body[at + name.size()] != ':') continue;
    std::string_view v = body.substr(at + name.size() + 1);
    return v.substr(0, v.find_first_of(" \t\r\n"));
  }
  return {};
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::optional<std::string> liquibase_rollback(std::string_view text, const std::vector<TextRange>& comments) {
  std::optional<std::string> out;
  for (const auto& c : comments) {
    const std::string_view comment = text.substr(c.begin, c.end - c.begin);
    std::string_view sql;
    if (comment.starts_with("/*")) {
      std::string_view body = comment.substr(2, comment.size() >= 4 ? comment.size() - 4 : 0);
      while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
      if (!starts_with_word(body, "liquibase")) continue;
      body.remove_prefix(std::string_view("liquibase").size());
      while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
      if (!starts_with_word(body, "rollback")) continue;
      sql = body.substr(std::string_view("rollback").size());
    } else {
      const std::string_view body = comment_body(comment);
      if (!starts_with_word(body, "rollback")) continue;
      sql = body.substr(std::string_view("rollback").size());
    }
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) sql.remove_suffix(1);
    if (!out) out.emplace();
    if (equals_ci(sql, "empty") || equals_ci(sql, "not required")) continue;
    *out += std::string(sql) + "\n";
  }
  return out;
}

RunnerPlan plan_runner(std::string_view path, std::string_view text, const std::vector<TextRange>& comments,
                       Runner configured, const RunnerLayout& layout) {
  RunnerPlan plan;
  const auto size = static_cast<uint32_t>(text.size());

  struct Mark {
    uint32_t at;
    RunnerMarkerInfo info;
    bool changeset = false;  // Liquibase --changeset
    bool no_transaction = false;
  };
  std::vector<Mark> marks;
  bool goose = false;
  bool dbmate = false;
  bool no_transaction = false;
  bool atlas = false;
  std::string_view atlas_txmode;
  const bool liquibase = liquibase_formatted(text);
  for (const auto& c : comments) {
    const std::string_view comment = text.substr(c.begin, c.end - c.begin);
    const RunnerMarkerInfo m = classify_runner_comment(comment);
    switch (m.kind) {
      case RunnerMarker::None: {
        const std::string_view body = comment_body(comment);
        if (liquibase && starts_with_word(body, "changeset")) {
          marks.push_back({c.begin, m, true, equals_ci(attribute(body, "runInTransaction"), "false")});
        } else if (body.starts_with("atlas:")) {
          atlas = true;
          if (body.starts_with("atlas:txmode")) {
            atlas_txmode = body.substr(std::string_view("atlas:txmode").size());
            while (!atlas_txmode.empty() && (atlas_txmode.front() == ' ' || atlas_txmode.front() == '\t'))
              atlas_txmode.remove_prefix(1);
            atlas_txmode = atlas_txmode.substr(0, atlas_txmode.find_first_of(" \t\r\n"));
          }
        }
        continue;
      }
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
  const char flyway = flyway_kind(path);
  Runner runner = configured;
  if (runner == Runner::Auto) {
    if (goose) {
      runner = Runner::Goose;
      plan.evidence = "-- +goose directives";
    } else if (dbmate) {
      runner = Runner::Dbmate;
      plan.evidence = "-- migrate: directives";
    } else if (liquibase) {
      runner = Runner::Liquibase;
      plan.evidence = "--liquibase formatted sql first line";
    } else if (up_down_layout(path)) {
      runner = sqlx_no_tx ? Runner::Sqlx : layout.up_down;
      plan.evidence = sqlx_no_tx ? "-- no-transaction first line, NAME.up.sql / NAME.down.sql"
                      : layout.up_down == Runner::Sqlx
                          ? "NAME.up.sql / NAME.down.sql in a Rust (Cargo) project"
                          : "NAME.up.sql / NAME.down.sql";
    } else if (atlas) {
      runner = Runner::Atlas;
      plan.evidence = "-- atlas: directives";
    } else if (flyway != 0) {
      runner = Runner::Flyway;
      static constexpr std::string_view kinds[2][3] = {
          {"V<version>__<description>.sql", "U<version>__<description>.sql (undo)",
           "R__<description>.sql (repeatable)"},
          {"V<version>__<description>.sql, executeInTransaction=false",
           "U<version>__<description>.sql (undo), executeInTransaction=false",
           "R__<description>.sql (repeatable), executeInTransaction=false"}};
      plan.evidence = kinds[layout.no_transaction ? 1 : 0][flyway == 'V' ? 0 : flyway == 'U' ? 1 : 2];
    } else if (prisma_layout(path)) {
      runner = Runner::Prisma;
      plan.evidence = "migrations/<timestamp>_<name>/migration.sql";
    } else if (layout.marked != Runner::None) {
      runner = layout.marked;
      plan.evidence = layout.marked_by;
    } else {
      runner = Runner::None;
    }
    plan.detected = runner != Runner::None;
  }
  plan.runner = runner;

  bool down_file = down_file_name(path);
  TxMode file_mode = TxMode::Unknown;
  switch (runner) {
    case Runner::Goose:
      file_mode = no_transaction ? TxMode::Autocommit : TxMode::Wrapped;
      break;
    case Runner::Dbmate:
      file_mode = TxMode::Wrapped;
      break;
    case Runner::GolangMigrate:
      file_mode = TxMode::SingleQuery;
      break;
    case Runner::Sqlx:
      // Without its transaction sqlx sends the file as one query string.
      file_mode = sqlx_no_tx ? TxMode::SingleQuery : TxMode::Wrapped;
      break;
    case Runner::Flyway:
      // Flyway wraps a migration in a transaction unless one of its
      // statements cannot run in one; executeInTransaction=false turns the
      // transaction off. A migration with both kinds of statement is
      // refused unless `mixed` is set (then it runs without a transaction).
      file_mode = layout.no_transaction ? TxMode::Autocommit : TxMode::ByContent;
      plan.refuses_mixed = !layout.mixed;
      plan.paired_downs = layout.undo_scripts;
      break;
    case Runner::Prisma:
      // Prisma sends a migration.sql to the server as one script.
      file_mode = TxMode::SingleQuery;
      plan.paired_downs = false;
      break;
    case Runner::Atlas:
      // A transaction per file by default; `-- atlas:txmode none` runs the
      // file's statements one by one without one.
      file_mode = equals_ci(atlas_txmode, "none") ? TxMode::Autocommit : TxMode::Wrapped;
      plan.paired_downs = false;
      break;
    case Runner::Liquibase:
      // A transaction per changeset; `--rollback` lines are comments, which
      // is what they are to the forward migration.
      file_mode = TxMode::Wrapped;
      break;
    case Runner::Sqitch: {
      // sqitch runs each script with psql: statements autocommit unless the
      // script opens its own transaction (most do: BEGIN ... COMMIT).
      file_mode = TxMode::Autocommit;
      const std::string_view folder = sqitch_folder(path).second;
      down_file = folder == "revert";
      plan.not_a_migration = folder == "verify";
      break;
    }
    default:
      break;
  }

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
    } else if (runner == Runner::Liquibase && m.changeset) {
      // Each changeset is a unit of its own; runInTransaction:false runs
      // its statements one by one without a transaction.
      down = false;
      if (m.no_transaction) mode = TxMode::Autocommit;
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
    case Runner::Flyway:
      return "flyway";
    case Runner::Prisma:
      return "prisma";
    case Runner::Atlas:
      return "atlas";
    case Runner::Liquibase:
      return "liquibase";
    case Runner::Sqitch:
      return "sqitch";
  }
  return "none";
}

std::optional<Runner> parse_runner(std::string_view name) {
  for (Runner r :
       {Runner::Auto, Runner::None, Runner::Goose, Runner::Dbmate, Runner::GolangMigrate, Runner::Sqlx,
        Runner::Flyway, Runner::Prisma, Runner::Atlas, Runner::Liquibase, Runner::Sqitch})
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
    case TxMode::ByContent:
      return "runner transaction unless a statement cannot run in one";
  }
  return "unknown";
}

}  // namespace ddlint::analysis
