#include "cli/app.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "analysis/down_migration.h"
#include "analysis/preflight.h"
#include "analysis/runner.h"
#include "cli/probe_command.h"
#include "db/pg_client.h"
#include "db/trace.h"
#include "driver/inputs.h"
#include "driver/session.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "ir/dump.h"
#include "report/locks_report.h"
#include "report/preflight_report.h"
#include "report/reporter.h"
#include "report/trace_report.h"

#ifndef DDLINT_VERSION
#define DDLINT_VERSION "0.0.0"
#endif

namespace ddlint::cli {

namespace fs = std::filesystem;

const char* version() { return DDLINT_VERSION; }

namespace {

// Files a check run on one thread reads (history included) from which its
// heap is put on huge pages: at 300 files (the first of the PostgreSQL
// corpus) a run took 10% less wall time with them, at about 50 (one file of
// a project and its history) the same time and 4 to 6 MB more memory
// (farm-bench, pinned to one core).
constexpr size_t kHugePageFiles = 256;

// Builds the CLI layer of configuration (flags win over every file).
engine::Config cli_config(const CheckOptions& o, const engine::Catalog& catalog) {
  engine::Config c;
  if (!o.select.empty()) c.select = engine::resolve_rule_list(o.select, catalog, "--select");
  c.ignore = engine::resolve_rule_list(o.ignore, catalog, "--ignore");
  if (o.pg_version) {
    if (*o.pg_version < 10 || *o.pg_version > 18)
      throw engine::ConfigError("--pg-version must be from 10 to 18");
    c.pg_version = *o.pg_version;
  }
  if (!o.fail_on.empty()) {
    auto s = parse_severity(o.fail_on);
    if (!s) throw engine::ConfigError("--fail-on must be error, warning or info");
    c.fail_on = *s;
  }
  if (o.assume_in_transaction) c.assume_in_transaction = *o.assume_in_transaction;
  if (o.schema_complete) c.schema_complete = *o.schema_complete;
  if (!o.schema_dump.empty()) c.schema_complete = true;
  if (!o.runner.empty()) {
    c.runner = analysis::parse_runner(o.runner);
    if (!c.runner)
      throw engine::ConfigError(
          "--runner must be auto, none, goose, dbmate, golang-migrate, sqlx, flyway, prisma, atlas, "
          "liquibase or "
          "sqitch");
  }
  if (!o.down_migrations.empty()) {
    c.down_migrations = analysis::parse_down_policy(o.down_migrations);
    if (!c.down_migrations) throw engine::ConfigError("--down-migrations must be relaxed, strict or skip");
  }
  if (o.dialect == "postgres" || o.dialect == "postgresql") c.dialect = Dialect::Postgres;
  if (o.dialect == "mysql" || o.dialect == "mariadb") c.dialect = Dialect::MySql;
  if (o.dialect == "mariadb") c.mysql_target = analysis::parse_mysql_target("mariadb");
  if (!o.table_stats.empty()) c.table_stats = engine::load_table_stats(o.table_stats, o.table_stats);
  if (!o.mysql_version.empty()) {
    c.mysql_target = analysis::parse_mysql_target(o.mysql_version);
    if (!c.mysql_target)
      throw engine::ConfigError("--mysql-version: `" + o.mysql_version +
                                "` is not a MySQL or MariaDB version (expected 5.7, 8.0, 8.0.28, 8.4, "
                                "mariadb-10.6, mariadb-10.11, mariadb-11.4, ...)");
  }
  return c;
}

}  // namespace

bool known_report_format(const std::string& format, std::ostream& err) {
  if (format == "text" || format == "json" || format == "sarif" || format == "github" || format == "gitlab" ||
      format == "gcc")
    return true;
  err << "ddlint: unknown --format `" << format << "` (expected text, json, sarif, github, gitlab or gcc)\n";
  return false;
}

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  const auto& catalog = engine::Catalog::instance();
  if (!catalog.errors().empty()) {
    for (const auto& e : catalog.errors()) err << "ddlint: rule catalogue: " << e << "\n";
    return kExitError;
  }
  if (!known_report_format(o.format, err)) return kExitError;
  if (!o.dialect.empty() && o.dialect != "postgres" && o.dialect != "postgresql" && o.dialect != "mysql" &&
      o.dialect != "mariadb") {
    err << "ddlint: unknown --dialect `" << o.dialect << "` (expected postgres, mysql or mariadb)\n";
    return kExitError;
  }

  driver::Options options;
  options.stdin_filename = o.stdin_filename;
  options.schema_dump = o.schema_dump;
  options.fix = o.fix;
  options.unsafe_fixes = o.unsafe_fixes;
  options.jobs = o.jobs;
  options.huge_pages_from = kHugePageFiles;
  options.exit_after = o.exit_after;
  if (!o.config.empty()) options.config_file = o.config;
  if (!o.changed_since.empty()) {
    std::set<std::string> changed;
    std::string error;
    if (!driver::changed_since(o.changed_since, changed, error)) {
      err << "ddlint: " << error << "\n";
      return kExitError;
    }
    options.change_set = std::move(changed);
  }
  // The folders the run lists: add_history's listings serve the session too.
  auto listings = std::make_shared<driver::FolderListings>();
  options.listings = listings;
  std::optional<driver::Session> session;
  try {
    options.cli = cli_config(o, catalog);
    session.emplace(std::move(options), catalog);
  } catch (const engine::ConfigError& e) {
    err << "ddlint: " << e.what() << "\n";
    return kExitError;
  }

  std::vector<std::string> problems;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) paths.push_back(".");
  std::vector<driver::Input> inputs;
  // Files named one by one (pre-commit's staged files) get the migrations
  // before them as history (their folders are listed for it); a change set
  // names its own history.
  const bool with_history = o.history && o.changed_since.empty();
  auto collected = driver::collect_inputs(paths, o.stdin_filename, problems, listings.get(), with_history);
  std::vector<driver::HistoryRead> history;
  if (with_history) collected = driver::add_history(std::move(collected), history, listings.get());
  if (o.verbose)
    for (const auto& h : history)
      err << "ddlint: history: " << h.files << " earlier " << (h.files == 1 ? "migration" : "migrations")
          << " of " << h.folder << "/ replayed (not reported)\n";
  inputs.reserve(collected.size());
  bool fixes_stdin = false;
  for (auto& in : collected) {
    fixes_stdin = fixes_stdin || (o.fix && in.is_stdin);
    inputs.push_back(
        {std::move(in.display_path), std::move(in.fs_path), in.is_stdin, std::nullopt, in.history, in.size});
  }

  // Problems are printed as they come; each file's findings are reported as
  // soon as its result is final (in input order), and the result is then
  // dropped: a run holds one file's result, not the whole history's.
  struct Printer : driver::Sink {
    Printer(std::ostream& e, std::ostream& o, bool fix_stdin, bool verbose)
        : err(e), out(o), fix_stdin(fix_stdin), verbose(verbose) {}
    void problem(const driver::Problem& p) override {
      problems.push_back(p);
      err << "ddlint: " << p.message << "\n";
    }
    void file(driver::FileOutcome&& f) override {
      if (fix_stdin && f.is_stdin) {
        out << f.result.source->text();
        out.flush();
      }
      if (verbose)
        read_as.push_back(
            "ddlint: " + f.result.path + ": read as " +
            (f.result.source->dialect() == Dialect::MySql ? "MySQL/MariaDB" : "PostgreSQL") + " (" +
            f.dialect_from + ")" +
            (f.result.stats.runner == analysis::Runner::None
                 ? std::string()
                 : "; runner " + std::string(analysis::runner_name(f.result.stats.runner)) +
                       (f.result.stats.runner_from == "configured"
                            ? std::string(" (configured)")
                            : " (detected: " + std::string(f.result.stats.runner_from) + ")")) +
            (f.result.stats.not_a_migration ? "; a verify script, not a migration: not linted" : "") + "\n");
      // Each finding is judged by its own file's threshold (--fail-on overrides all).
      for (const auto& d : f.result.diagnostics)
        if (!d.suppressed && d.severity >= f.fail_on) failing = true;
      report->file(f.result, std::move(f.rendered));
    }
    void prepare(driver::FileOutcome& f) const override {
      if (report) f.rendered = report->render(f.result);
    }
    bool has(driver::Problem::Kind kind) const {
      return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.kind == kind; });
    }
    std::ostream& err;
    std::ostream& out;
    bool fix_stdin;
    bool verbose;
    report::ReportStream* report = nullptr;  // set before the first file
    std::vector<driver::Problem> problems;
    std::vector<std::string> read_as;  // --verbose: how each file was read, printed after the run
    bool failing = false;
  };
  Printer sink(err, out, fixes_stdin, o.verbose);
  for (const auto& p : problems) sink.problem({driver::Problem::Kind::Io, p});
  // A broken configuration file fails the run before any report is written.
  if (!session->configs_readable(inputs, sink)) return kExitError;

  // With stdin the fixed SQL goes to stdout (an editor's format-on-save
  // pipe), so the report moves to stderr unless --output names a file; it is
  // then written after the summary of the fixes.
  const bool report_to_stderr = fixes_stdin && o.output.empty();
  std::ofstream file;
  std::ostringstream deferred;
  std::ostream* sink_stream = report_to_stderr ? static_cast<std::ostream*>(&deferred) : &out;
  if (!o.output.empty()) {
    errno = 0;
    file.open(o.output, std::ios::binary);
    if (!file) {
      err << "ddlint: cannot write " << o.output
          << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
      return kExitError;
    }
    sink_stream = &file;
  }
  static const std::vector<engine::FileResult> kNoFiles;
  const report::ReportInput settings{kNoFiles,
                                     catalog,
                                     {},
                                     version(),
                                     o.color && o.output.empty() && o.format == "text",
                                     o.verbose || (o.terminal && o.output.empty()),
                                     fs::current_path().string(),
                                     {},
                                     &err};

  errno = 0;  // a failed write leaves its reason here
  const auto stream = report::open_report(o.format, settings, *sink_stream);
  sink.report = stream.get();
  const auto totals = session->lint(inputs, sink);

  if (o.fix) {
    err << "ddlint: applied " << totals.fixes_applied << (totals.fixes_applied == 1 ? " fix" : " fixes")
        << " in " << totals.files_fixed << (totals.files_fixed == 1 ? " file" : " files");
    if (totals.unsafe_left > 0)
      err << " (" << totals.unsafe_left << " unsafe " << (totals.unsafe_left == 1 ? "fix" : "fixes")
          << " left: review, then --unsafe-fixes)";
    err << "\n";
  }
  if (o.verbose)
    for (const auto& [path, why] : totals.snapshots)
      err << "ddlint: " << path << ": a schema snapshot (" << why
          << "): read into the schema model at its place, not linted\n";
  for (const auto& line : sink.read_as) err << line;

  report::ReportInput end{kNoFiles, catalog, session->enabled_rules(), version(), false, false, {}};
  for (const auto& p : sink.problems) end.problems.push_back(p.message);
  stream->finish(end);
  if (report_to_stderr) err << deferred.str();
  sink_stream->flush();
  if (!*sink_stream) {
    // A report that did not reach its destination is an I/O error, never a pass.
    err << "ddlint: cannot write the report to " << (o.output.empty() ? "standard output" : o.output)
        << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
    return kExitError;
  }

  // An unreadable input: the run did not check everything it was asked to.
  if (sink.has(driver::Problem::Kind::Config) || sink.has(driver::Problem::Kind::Io)) return kExitError;
  if (sink.failing) return kExitFindings;
  return kExitClean;
}

int run_rules(std::ostream& out, std::ostream&) {
  const auto& catalog = engine::Catalog::instance();
  size_t width = 0;
  for (const auto& r : catalog.rules()) width = std::max(width, r.id.size());
  for (const auto& r : catalog.rules()) {
    std::string sev(to_string(r.default_severity));
    out << r.id << std::string(width + 2 - r.id.size(), ' ') << sev << std::string(9 - sev.size(), ' ')
        << (r.default_enabled ? "" : "(opt-in) ") << r.summary << "\n";
  }
  return kExitClean;
}

int run_explain(const std::string& id, std::ostream& out, std::ostream& err) {
  const auto& catalog = engine::Catalog::instance();
  const auto canonical = catalog.resolve(id);
  if (!canonical) {
    err << "ddlint: unknown rule `" << id << "` (see `ddlint rules`)\n";
    return kExitError;
  }
  const auto* r = catalog.find(*canonical);
  out << "# " << r->id << "\n\n" << r->summary << "\n\n";
  out << "Default severity: " << to_string(r->default_severity) << (r->default_enabled ? "" : " (opt-in)")
      << "\n";
  if (!r->dialects.empty()) {
    out << "Dialects:";
    for (const auto& d : r->dialects) out << " " << d;
    out << "\n";
  }
  if (!r->aliases.empty()) {
    out << "Aliases:";
    for (const auto& a : r->aliases) out << " " << a;
    out << "\n";
  }
  for (const auto& opt : r->options)
    out << "Option: " << opt.name << " (" << opt.type << ", default "
        << (opt.default_value.empty() ? "none" : opt.default_value) << ")"
        << (opt.help.empty() ? "" : ": " + opt.help) << "\n";
  out << "\n" << r->body;
  if (!r->body.empty() && r->body.back() != '\n') out << "\n";
  return kExitClean;
}

bool read_input(const std::string& path, std::string& bytes, std::ostream& err) {
  if (path == "-") {
    bytes = driver::read_stdin();
    return true;
  }
  std::string error;
  if (driver::read_file(path, bytes, error)) return true;
  err << "ddlint: " << error << "\n";
  return false;
}

int run_locks(const LocksOptions& o, std::ostream& out, std::ostream& err) {
  std::string bytes;
  if (!read_input(o.path, bytes, err)) return kExitError;
  const bool mysql = o.dialect == "mysql" || o.dialect == "mariadb";
  analysis::Settings settings;
  if (mysql) {
    settings.dialect = Dialect::MySql;
    if (!o.mysql_version.empty()) {
      const auto target = analysis::parse_mysql_target(o.mysql_version);
      if (!target) {
        err << "ddlint: --mysql-version: `" << o.mysql_version
            << "` is not a MySQL or MariaDB version (e.g. 8.0, 8.4, mariadb-10.11)\n";
        return kExitError;
      }
      settings.mysql = *target;
    } else if (o.dialect == "mariadb") {
      settings.mysql = *analysis::parse_mysql_target("mariadb");
    }
  }
  settings.pg_version = o.pg_version;
  settings.assume_in_transaction = o.assume_in_transaction;
  if (auto r = analysis::parse_runner(o.runner)) settings.runner = *r;
  try {
    if (!o.config.empty()) {
      const engine::Config c = engine::load_config(o.config, engine::Catalog::instance());
      auto& z = settings.sizes;
      if (c.table_stats) z.stats = c.table_stats;
      if (c.large_table_rows) z.large_table_rows = *c.large_table_rows;
      if (c.rewrite_bytes_per_second) z.rewrite_bytes_per_second = *c.rewrite_bytes_per_second;
      if (c.scan_bytes_per_second) z.scan_bytes_per_second = *c.scan_bytes_per_second;
      if (c.index_bytes_per_second) z.index_bytes_per_second = *c.index_bytes_per_second;
    }
    if (!o.table_stats.empty()) settings.sizes.stats = engine::load_table_stats(o.table_stats, o.table_stats);
  } catch (const engine::ConfigError& e) {
    err << "ddlint: " << e.what() << "\n";
    return kExitError;
  }
  const auto analysed = driver::analyse_source(o.path, std::move(bytes), settings);
  report::LocksInput input{o.path, *analysed.file.source, analysed.file.parsed, *analysed.facts,
                           o.pg_version};
  if (settings.sizes.stats) input.sizes = &settings.sizes;
  if (o.format == "json")
    report::write_locks_json(input, out);
  else
    report::write_locks_text(input, out);
  report::write_locks_errors(input, err);
  return kExitClean;
}

int run_preflight(const PreflightOptions& o, std::ostream& out, std::ostream& err) {
  const bool mysql = o.dialect == "mysql" || o.dialect == "mariadb";
  analysis::Settings settings;
  if (mysql) {
    settings.dialect = Dialect::MySql;
    if (o.dialect == "mariadb") settings.mysql = *analysis::parse_mysql_target("mariadb");
  }
  struct Done {
    driver::AnalysedSource analysed;
    std::vector<analysis::PreflightCheck> checks;
  };
  std::vector<Done> done;
  done.reserve(o.paths.size());
  int rc = kExitClean;
  size_t count = 0;
  for (const auto& path : o.paths) {
    std::string bytes;
    if (!read_input(path, bytes, err)) {
      rc = kExitError;
      continue;
    }
    auto analysed = driver::analyse_source(path, std::move(bytes), settings);
    auto checks = analysis::preflight_checks(analysed.file.parsed, *analysed.facts,
                                             analysed.file.source->text(), settings.dialect);
    count += checks.size();
    done.push_back({std::move(analysed), std::move(checks)});
  }
  // With --dsn: run every check's queries in one read-only session.
  std::vector<std::vector<report::PreflightOutcome>> outcomes(done.size());
  size_t violations = 0;
  if (o.live && count > 0) {
    std::string error;
    std::unique_ptr<db::Session> session =
        mysql ? db::open_mysql(o.dsn, 10, o.statement_timeout_ms, error)
              : db::PgSession::open(o.dsn, 10, o.statement_timeout_ms, error);
    if (!session) {
      err << "ddlint: " << error << "\n";
      return kExitError;
    }
    for (size_t f = 0; f < done.size(); ++f)
      for (const auto& c : done[f].checks) {
        auto& out_c = outcomes[f].emplace_back();
        db::Rows rows;
        if (!session->query(c.count_sql, rows, out_c.error)) continue;
        out_c.ran = true;
        if (!rows.rows.empty() && !rows.rows[0].empty() && rows.rows[0][0])
          out_c.count = std::stoll(*rows.rows[0][0]);
        if (out_c.count == 0) continue;
        ++violations;
        if (!session->query(c.sample_sql, rows, out_c.error)) continue;
        for (const auto& r : rows.rows) {
          auto& line = out_c.sample.emplace_back();
          for (size_t k = 0; k < r.size() && k < rows.columns.size(); ++k)
            line.emplace_back(rows.columns[k], r[k]);
        }
      }
    for (const auto& per_file : outcomes)
      for (const auto& oc : per_file)
        if (!oc.error.empty()) rc = kExitError;
    if (violations > 0 && rc == kExitClean) rc = kExitFindings;
  }
  std::vector<report::PreflightInput> inputs;
  for (size_t k = 0; k < done.size(); ++k)
    inputs.push_back({done[k].analysed.file.source->path(), *done[k].analysed.file.source, done[k].checks,
                      o.live ? &outcomes[k] : nullptr});
  if (o.format == "json") {
    report::write_preflight_json(inputs, out);
  } else {
    for (const auto& in : inputs) report::write_preflight_text(in, out);
    err << "ddlint: " << count << (count == 1 ? " data-dependent change" : " data-dependent changes")
        << " in " << inputs.size() << (inputs.size() == 1 ? " file" : " files");
    if (o.live)
      err << "; " << violations << " would fail on "
          << (o.dsn.empty() ? std::string(mysql ? "the MYSQL_* database" : "the PG* database")
                            : db::redact_dsn(o.dsn));
    err << "\n";
  }
  for (const auto& d : done)
    for (const auto& e : d.analysed.file.parsed.errors) {
      const auto pos = d.analysed.file.source->lines().position(e.range.begin);
      err << d.analysed.file.source->path() << ":" << pos.line << ":" << pos.column
          << ": not analysed: " << e.message << "\n";
    }
  return rc;
}

// Rows: the planner's estimate from the last ANALYZE (or autovacuum); a
// table never analysed (reltuples -1) below 100 MB is counted instead, and a
// larger one has no row figure.
static const char* const kPgStatsSql =
    "SELECT n.nspname, c.relname, CASE WHEN c.reltuples >= 0 THEN 'estimate' "
    "WHEN pg_relation_size(c.oid) < 104857600 THEN 'count' END, "
    "CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END, pg_total_relation_size(c.oid) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY n.nspname COLLATE "
    "\"C\", c.relname COLLATE \"C\"";

// MySQL/MariaDB: the tables of the session's database. TABLE_ROWS is InnoDB's
// estimate (exact for MyISAM and Aria); a table without one (NULL) below
// 100 MB is counted instead.
static const char* const kMyStatsSql =
    "SELECT TABLE_SCHEMA, TABLE_NAME, CASE WHEN TABLE_ROWS IS NOT NULL THEN 'estimate' "
    "WHEN DATA_LENGTH < 104857600 THEN 'count' END, TABLE_ROWS, "
    "COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES "
    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') "
    "ORDER BY BINARY TABLE_NAME";

int run_stats(const StatsOptions& o, std::ostream& out, std::ostream& err) {
  const bool mysql = o.dialect == "mysql" || o.dialect == "mariadb";
  std::string error;
  std::unique_ptr<db::Session> session =
      mysql ? db::open_mysql(o.dsn, 10, 60000, error) : db::PgSession::open(o.dsn, 10, 60000, error);
  if (!session) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  db::Rows tables;
  if (mysql) {
    if (!session->query("SELECT DATABASE()", tables, error)) {
      err << "ddlint: reading table sizes: " << error << "\n";
      return kExitError;
    }
    if (tables.rows.empty() || tables.rows[0].empty() || !tables.rows[0][0]) {
      err << "ddlint: no database selected: name one in the DSN (mysql://user@host/database) or "
             "MYSQL_DATABASE\n";
      return kExitError;
    }
  }
  if (!session->query(mysql ? kMyStatsSql : kPgStatsSql, tables, error)) {
    err << "ddlint: reading table sizes: " << error << "\n";
    return kExitError;
  }
  auto quote = [mysql](const std::string& name) {
    const char q = mysql ? '`' : '"';
    std::string s(1, q);
    for (char c : name) s += c == q ? std::string(2, q) : std::string(1, c);
    return s + q;
  };
  nlohmann::ordered_json doc;
  doc["dialect"] = mysql ? "mysql" : "postgres";
  doc["tables"] = nlohmann::ordered_json::array();
  for (const auto& r : tables.rows) {
    if (r.size() < 5 || !r[0] || !r[1]) continue;
    nlohmann::ordered_json t;
    t["schema"] = *r[0];
    t["name"] = *r[1];
    std::optional<long long> rows;
    const std::string source = r[2].value_or("");
    if (source == "estimate" && r[3]) {
      rows = std::stoll(*r[3]);
    } else if (source == "count") {
      db::Rows counted;
      if (!session->query("SELECT count(*) FROM " + quote(*r[0]) + "." + quote(*r[1]), counted, error)) {
        err << "ddlint: counting the rows of " << *r[0] << "." << *r[1] << ": " << error << "\n";
        return kExitError;
      }
      if (!counted.rows.empty() && counted.rows[0][0]) rows = std::stoll(*counted.rows[0][0]);
    }
    if (rows)
      t["rows"] = *rows;
    else
      t["rows"] = nullptr;
    t["rows_from"] = source.empty() ? "unknown" : source;
    t["bytes"] = r[4] ? std::stoll(*r[4]) : 0;
    doc["tables"].push_back(std::move(t));
  }
  out << doc.dump(2) << "\n";
  return kExitClean;
}

// COPY ... FROM STDIN / TO STDOUT: the data comes from or goes to the client.
static bool copies_with_client(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("stdin") != std::string::npos || lower.find("stdout") != std::string::npos;
}

// `ddlint trace --scratch`: the throw-away database, dropped when this goes
// away (after the trace's own session is closed), whatever happened.
namespace {
std::string quote_ident(const std::string& name) {
  std::string s = "\"";
  for (char c : name) s += c == '"' ? std::string("\"\"") : std::string(1, c);
  return s + "\"";
}
struct ScratchDatabase {
  explicit ScratchDatabase(std::ostream& e) : err(e) {}
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  ~ScratchDatabase() {
    if (!admin || name.empty()) return;
    db::Rows rows;
    db::PgSession::Outcome outcome;
    if (!admin->exec("DROP DATABASE IF EXISTS " + quote_ident(name), rows, outcome))
      err << "ddlint: dropping the scratch database " << name << " failed: " << outcome.error << "\n";
  }
  std::ostream& err;
  std::unique_ptr<db::PgSession> admin;  // autocommit, on the DSN's database
  std::string name;                      // set once created
};
}  // namespace

int run_trace(const TraceOptions& o, std::ostream& out, std::ostream& err) {
  if (is_mysql_dsn(o.dsn) || o.dialect == "mysql" || o.dialect == "mariadb") {
    if (!o.dsn.empty() && !is_mysql_dsn(o.dsn)) {
      err << "ddlint: --dialect " << o.dialect << " needs a mysql:// or mariadb:// --dsn\n";
      return kExitError;
    }
    return run_mysql_trace(o, out, err);
  }
  if (o.format != "text" && o.format != "json") {
    err << "ddlint: unknown --format `" << o.format << "` (expected text or json)\n";
    return kExitError;
  }
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  for (const auto& path : o.paths) {
    std::string bytes;
    if (!read_input(path, bytes, err)) return kExitError;
    files.emplace_back(path, std::move(bytes));
  }
  if (!o.history.empty() && !o.scratch) {
    err << "ddlint: --history replays files into a scratch database: it needs --scratch\n";
    return kExitError;
  }
  std::vector<std::pair<std::string, std::string>> history;  // path, bytes
  for (const auto& path : o.history) {
    std::string bytes;
    if (!read_input(path, bytes, err)) return kExitError;
    history.emplace_back(path, std::move(bytes));
  }
  std::string target =
      o.dsn.empty() ? std::string("the database named by PG* variables") : db::redact_dsn(o.dsn);
  std::string error;
  // Declared before the trace, so its session is closed before the drop.
  ScratchDatabase scratch(err);
  if (o.scratch) {
    scratch.admin = db::PgSession::open_writable(o.dsn, 10, error);
    if (!scratch.admin) {
      err << "ddlint: " << error << "\n";
      return kExitError;
    }
    db::Rows rows;
    db::PgSession::Outcome outcome;
    if (!scratch.admin->exec("SELECT current_database()", rows, outcome) || rows.rows.empty()) {
      err << "ddlint: reading the database name: " << outcome.error << "\n";
      return kExitError;
    }
    const std::string source = rows.rows[0][0].value_or("");
    const std::string name = "ddlint_trace_" + std::to_string(getpid());
    if (!scratch.admin->exec("CREATE DATABASE " + quote_ident(name) + " TEMPLATE " +
                                 (history.empty() ? quote_ident(source) : std::string("template0")),
                             rows, outcome)) {
      err << "ddlint: creating the scratch database " << name << ": " << outcome.error << "\n";
      return kExitError;
    }
    scratch.name = name;
    target =
        "scratch database " + name + " (" +
        (history.empty() ? "a copy of " + source
                         : "empty, " + std::to_string(history.size()) +
                               (history.size() == 1 ? " history file" : " history files") + " replayed") +
        ") on " + target;
    if (!history.empty()) {
      auto replay = db::PgSession::open_writable(o.dsn, 10, error, name);
      if (!replay) {
        err << "ddlint: " << error << "\n";
        return kExitError;
      }
      for (auto& [path, bytes] : history) {
        const auto a = driver::analyse_source(path, std::move(bytes), analysis::Settings{});
        const SourceFile& src = *a.file.source;
        for (size_t i = 0; i < a.file.parsed.statements.size(); ++i) {
          const auto& st = a.file.parsed.statements[i];
          const auto* op = st.as<ir::Opaque>();
          if (a.facts->at(i).down ||
              (op != nullptr && op->node == "CopyStmt" && copies_with_client(src.slice(st.range))))
            continue;
          if (!replay->exec(std::string(src.slice(st.range)), rows, outcome)) {
            const auto pos = src.lines().position(st.range.begin);
            err << path << ":" << pos.line << ":" << pos.column
                << ": replaying the history into the scratch database failed: " << outcome.error << "\n";
            return kExitError;
          }
        }
      }
    }
  }
  auto trace = db::Trace::begin(o.dsn, 10, o.lock_timeout_ms, o.statement_timeout_ms, error, scratch.name);
  if (!trace) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  analysis::Settings settings;
  settings.pg_version = std::clamp(trace->server_major(), 10, 18);
  if (auto r = analysis::parse_runner(o.runner)) settings.runner = *r;

  std::vector<driver::AnalysedSource> analysed;
  analysed.reserve(files.size());
  report::TraceRun run;
  run.target = target;
  run.server_major = trace->server_major();
  bool failed = false;
  size_t ran = 0;
  size_t not_run = 0;
  for (auto& [path, bytes] : files) {
    if (failed) break;
    auto& a = analysed.emplace_back(driver::analyse_source(path, std::move(bytes), settings));
    auto& tf = run.files.emplace_back();
    tf.path = path;
    tf.source = a.file.source.get();
    tf.parsed = &a.file.parsed;
    tf.facts = a.facts.get();
    // Every statement, parsed or not (the server judges one ddlint cannot read).
    std::vector<report::TraceStatement> units;
    auto unit = [](size_t index, TextRange range) {
      report::TraceStatement u;
      u.index = index;
      u.range = range;
      return u;
    };
    for (size_t i = 0; i < a.file.parsed.statements.size(); ++i)
      units.push_back(unit(i, a.file.parsed.statements[i].range));
    for (const auto& e : a.file.parsed.errors)
      if (std::none_of(units.begin(), units.end(),
                       [&](const auto& u) { return u.range.begin == e.range.begin; }))
        units.push_back(unit(SIZE_MAX, e.range));
    std::sort(units.begin(), units.end(),
              [](const auto& x, const auto& y) { return x.range.begin < y.range.begin; });
    for (auto& u : units) {
      if (failed) break;
      const ir::Statement* st = u.index != SIZE_MAX ? &a.file.parsed.statements[u.index] : nullptr;
      const analysis::StatementFacts* f = st != nullptr ? &a.facts->at(u.index) : nullptr;
      if (st != nullptr && st->recovered) u.index = SIZE_MAX;  // the model gives it no effect
      const auto* tx = st != nullptr ? st->as<ir::Transaction>() : nullptr;
      if (f != nullptr && f->down) {
        u.not_run = "part of the down migration";
      } else if (tx != nullptr && tx->kind != ir::TransactionKind::Savepoint &&
                 tx->kind != ir::TransactionKind::Release && tx->kind != ir::TransactionKind::RollbackTo) {
        u.not_run = "transaction control (the trace runs everything in one transaction)";
      } else if (const auto* op = st != nullptr ? st->as<ir::Opaque>() : nullptr;
                 op != nullptr && op->node == "CopyStmt" &&
                 copies_with_client(a.file.source->slice(u.range))) {
        u.not_run = "COPY with the client's data (psql sends it; ddlint does not)";
      } else if (f != nullptr && f->effect.no_transaction_block) {
        u.not_run = "cannot run inside a transaction block (" + f->effect.no_transaction_reason() + ")";
      }
      if (!u.not_run.empty()) {
        ++not_run;
        tf.statements.push_back(std::move(u));
        continue;
      }
      u.run = trace->run(std::string(a.file.source->slice(u.range)));
      ++ran;
      if (!u.run.ok) {
        u.status = report::TraceStatement::Status::Failed;
        failed = true;
      } else {
        u.status = report::TraceStatement::Status::Ran;
        // Relations the model names that the database does not have.
        if (f != nullptr && u.index != SIZE_MAX)
          for (const auto& e : f->effect.tables) {
            const bool locked = std::any_of(u.run.locks.begin(), u.run.locks.end(), [&](const auto& l) {
              const bool moved = !l.old_name.empty();
              return (moved ? l.old_name : l.name) == e.table.name &&
                     (e.table.schema.empty() || (moved ? l.old_schema : l.schema) == e.table.schema);
            });
            if (!locked && !trace->relation_exists(e.table.schema, e.table.name))
              u.absent.push_back(e.table.display());
          }
      }
      tf.statements.push_back(std::move(u));
    }
  }
  run.committed = o.commit && !failed;
  if (!trace->finish(run.committed, error)) {
    err << "ddlint: " << (run.committed ? "COMMIT" : "ROLLBACK") << " failed: " << error << "\n";
    return kExitError;
  }
  const auto findings =
      o.format == "json" ? report::write_trace_json(run, out) : report::write_trace_text(run, out);
  const size_t mismatches = static_cast<size_t>(std::count_if(
      findings.begin(), findings.end(), [](const auto& f) { return f.rule == "trace-mismatch"; }));
  err << "ddlint: traced " << ran << (ran == 1 ? " statement" : " statements") << " on " << target
      << " (PostgreSQL " << trace->server_major() << ")";
  if (not_run > 0) err << ", " << not_run << " not run";
  err << "; " << (failed ? "a statement failed, " : "") << mismatches
      << (mismatches == 1 ? " mismatch" : " mismatches") << " with the lock model; "
      << (run.committed ? "committed" : "rolled back") << "\n";
  for (const auto& a : analysed)
    for (const auto& e : a.file.parsed.errors) {
      const auto pos = a.file.source->lines().position(e.range.begin);
      err << a.file.source->path() << ":" << pos.line << ":" << pos.column
          << ": not analysed (run without a prediction): " << e.message << "\n";
    }
  return failed || !findings.empty() ? kExitFindings : kExitClean;
}

int run_debug_ir(const std::vector<std::string>& paths, const std::string& dialect, std::ostream& out,
                 std::ostream& err) {
  const bool mysql = dialect == "mysql" || dialect == "mariadb";
  if (!mysql && !dialect.empty() && dialect != "postgres" && dialect != "postgresql") {
    err << "ddlint: unknown --dialect `" << dialect << "` (expected postgres or mysql)\n";
    return kExitError;
  }
  // Every file is dumped even when an earlier one cannot be read; an
  // unreadable file makes the exit status 2 at the end.
  int rc = kExitClean;
  for (const auto& path : paths) {
    if (paths.size() > 1) out << "== " << path << "\n";
    std::string bytes;
    if (!read_input(path, bytes, err)) {
      rc = kExitError;
      continue;
    }
    const auto file =
        driver::parse_source(path, std::move(bytes), mysql ? Dialect::MySql : Dialect::Postgres);
    const SourceFile& source = *file.source;
    out << ir::dump(file.parsed.statements, source.text());
    for (const auto& e : file.parsed.errors) {
      const auto pos = source.lines().position(e.range.begin);
      out << "error " << pos.line << ":" << pos.column << " " << e.message << "\n";
    }
    for (const auto& s : file.parsed.skipped) {
      const auto pos = source.lines().position(s.range.begin);
      out << "skipped " << pos.line << ":" << pos.column << " " << s.description << "\n";
    }
  }
  return rc;
}

}  // namespace ddlint::cli
