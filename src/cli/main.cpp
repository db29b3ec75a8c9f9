// ddlint command line. The only file that includes CLI11.
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.h"
#include "cli/drift_command.h"
#include "core/mapped_file.h"
#include "driver/session.h"
#include "lsp/server.h"
#include "parser/parser.h"

// jemalloc's settings, read at its start when ddlint links it (any other
// malloc ignores the name): a thread cache's garbage collection, which
// flushes cached objects back to the shared bins, runs once per MiB
// allocated instead of once per 64 KiB, and not again for a bin until
// another MiB after it flushed that bin. ddlint allocates and frees many
// small objects per statement; on one core the corpus took about 2.5% less
// time (farm-bench, pinned, 41 pairs, twice).
extern "C" {
const char* malloc_conf = "tcache_gc_incr_bytes:1048576,tcache_gc_delay_bytes:1048576";
}

namespace {

// The subcommands, as the top-level help lists them.
const std::vector<std::string_view> kCommands = {"check", "rules", "explain", "locks", "preflight",
                                                 "stats", "trace", "drift",   "lsp",   "debug"};

// The names --runner accepts (analysis::runner_name).
const std::vector<std::string> kRunners = {"auto",   "none",   "goose", "dbmate",    "golang-migrate", "sqlx",
                                           "flyway", "prisma", "atlas", "liquibase", "sqitch"};

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DDLINT_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define DDLINT_ASAN 1
#endif

// A check run allocates and frees parser tokens and trees file after file.
// glibc hands free memory above 128 KiB at the top of a heap back to the
// kernel and maps blocks over its adaptive threshold one by one, so every
// large statement faults its pages in again. The run is short: keep what it
// freed for the next file and the process gives it all back at exit.
// Each thread keeps its own arena (glibc's default): threads sharing one
// arena wait on its lock at every allocation, and on the PostgreSQL corpus
// two threads took longer than one (2.6 s against 2.1 s wall, twice the CPU
// time, 15,000 futex waits); with an arena each, 1.6 s.
void keep_freed_memory() {
#if defined(__GLIBC__) && !defined(DDLINT_ASAN)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

int run(int argc, char** argv) {
  using namespace ddlint::cli;
  CLI::App app{"ddlint: static safety analysis for SQL migrations", "ddlint"};
  app.set_version_flag("--version", std::string("ddlint ") + version() +
                                        "\nPostgreSQL parser: " + ddlint::parser::postgres_grammar() +
                                        "\nMySQL/MariaDB parser: ddlint's own grammar (ANTLR 4)");
  app.require_subcommand(1);

  // Only the subcommands named on the command line get their options: setting
  // up every option of every subcommand was a tenth of a small file's run.
  // A subcommand is parsed only when its name is an argument, and the
  // top-level help lists subcommands without their options.
  const std::vector<std::string_view> words(argv + std::min(argc, 1), argv + argc);
  auto named = [&](std::string_view name) {
    return std::find(words.begin(), words.end(), name) != words.end();
  };
  // Within `check`, only the options on the command line are set up too
  // (CLI11 spends about 15,000 instructions on each): an option is set up
  // when one of its names is an argument or starts one (`--format=json`).
  // Every option is set up when the line asks for help or has a word with
  // one dash and more than one letter (short options run together, `-j2`).
  const bool all_options = std::any_of(words.begin(), words.end(), [](std::string_view w) {
    return w == "-h" || w == "--help" || (w.size() > 2 && w[0] == '-' && w[1] != '-');
  });
  auto want = [&](std::string_view names) {
    if (all_options) return true;
    for (size_t begin = 0; begin <= names.size();) {
      size_t end = names.find(',', begin);
      if (end == std::string_view::npos) end = names.size();
      const std::string_view name = names.substr(begin, end - begin);
      if (name.empty() || name[0] != '-') return true;  // a positional
      for (std::string_view w : words)
        if (w == name || (name.size() > 2 && w.size() > name.size() && w.substr(0, name.size()) == name &&
                          w[name.size()] == '='))
          return true;
      begin = end + 1;
    }
    return false;
  };
  // Only the subcommand the line starts with is set up (CLI11 spends about
  // 18,000 instructions on each): every one when the first word is not a
  // subcommand (help, --version, an unknown word) or the line asks for help.
  const std::string_view first = argc > 1 ? std::string_view(argv[1]) : std::string_view();
  const bool help =
      std::any_of(words.begin(), words.end(), [](std::string_view w) { return w == "-h" || w == "--help"; });
  const bool known = std::find(kCommands.begin(), kCommands.end(), first) != kCommands.end();
  auto sub = [&](CLI::App& parent, const std::string& name, const std::string& description) -> CLI::App* {
    if (&parent == &app && known && !help && first != name) return nullptr;
    return parent.add_subcommand(name, description);
  };
  // Whether a subcommand was set up and named.
  auto ran = [](const CLI::App* cmd) { return cmd != nullptr && cmd->parsed(); };
  bool assume_tx = false;
  bool no_assume_tx = false;
  bool schema_complete = false;
  bool no_history = false;
  std::string ir_dialect = "postgres";
  CheckOptions check;
  auto* cmd_check = sub(app, "check", "Lint migration files and directories (`-` reads stdin)");
  if (cmd_check && named("check")) {
    if (want("paths"))
      cmd_check->add_option("paths", check.paths, "Files or directories (walked for *.sql); `-` for stdin");
    if (want("--format"))
      cmd_check
          ->add_option("--format", check.format, "Output format: text, json, sarif, github, gitlab or gcc")
          ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "gcc"}));
    if (want("-o,--output"))
      cmd_check->add_option("-o,--output", check.output, "Write the report to FILE instead of stdout");
    if (want("--config"))
      cmd_check->add_option("--config", check.config,
                            "Use this config file instead of the nearest .ddlint.toml");
    if (want("--select"))
      cmd_check
          ->add_option("--select", check.select,
                       "Enable only these rules (ids or aliases, comma-separated; `all`)")
          ->delimiter(',')
          ->allow_extra_args(false);
    if (want("--ignore"))
      cmd_check->add_option("--ignore", check.ignore, "Disable these rules (ids or aliases, comma-separated)")
          ->delimiter(',')
          ->allow_extra_args(false);
    if (want("--fail-on"))
      cmd_check
          ->add_option("--fail-on", check.fail_on,
                       "Exit 1 when a finding is at or above: error, warning, info")
          ->check(CLI::IsMember({"error", "warning", "info"}));
    if (want("--pg-version"))
      cmd_check->add_option("--pg-version", check.pg_version, "Target PostgreSQL major version (10 to 18)")
          ->check(CLI::Range(10, 18));
    if (want("--dialect"))
      cmd_check->add_option(
          "--dialect", check.dialect,
          "SQL dialect: postgres, mysql or mariadb (default: the config's, else detected per file)");
    if (want("--mysql-version"))
      cmd_check->add_option(
          "--mysql-version", check.mysql_version,
          "Target MySQL/MariaDB version (5.7, 8.0, 8.0.28, 8.4, mariadb-10.11, ...; default 8.4)");
    if (want("--stdin-filename"))
      cmd_check->add_option("--stdin-filename", check.stdin_filename, "Name to report for `-` (stdin)");
    if (want("--assume-in-transaction"))
      cmd_check->add_flag("--assume-in-transaction", assume_tx,
                          "Treat each file as wrapped in a transaction");
    if (want("--no-assume-in-transaction"))
      cmd_check->add_flag("--no-assume-in-transaction", no_assume_tx, "Do not assume a runner transaction");
    if (want("--runner"))
      cmd_check
          ->add_option("--runner", check.runner,
                       "Migration runner: auto (detect from directives, file names and marker files), none, "
                       "goose, dbmate, "
                       "golang-migrate, sqlx, flyway, prisma, atlas, liquibase, sqitch")
          ->check(CLI::IsMember(kRunners));
    if (want("--down-migrations"))
      cmd_check
          ->add_option("--down-migrations", check.down_migrations,
                       "Rules for down migrations: relaxed (no data-loss/compatibility rules), strict, skip")
          ->check(CLI::IsMember({"relaxed", "strict", "skip"}));
    if (want("--schema-complete"))
      cmd_check->add_flag("--schema-complete", schema_complete,
                          "The files (in path order) are the whole history from an empty database");
    if (want("--schema-dump"))
      cmd_check->add_option(
          "--schema-dump", check.schema_dump,
          "A schema dump (pg_dump -s) to replay before the migrations; implies --schema-complete");
    if (want("--table-stats"))
      cmd_check->add_option("--table-stats", check.table_stats,
                            "Table sizes (`ddlint stats` output): raise findings on large tables, estimate "
                            "durations (wins over config table_stats)");
    if (want("--changed-since"))
      cmd_check->add_option("--changed-since", check.changed_since,
                            "Lint only the files changed since this git ref (merge base), as one change set");
    if (want("--fix"))
      cmd_check->add_flag(
          "--fix", check.fix,
          "Apply safe fixes to the files (with `-`: write the fixed SQL to stdout, the report to stderr)");
    if (want("--unsafe-fixes"))
      cmd_check->add_flag("--unsafe-fixes", check.unsafe_fixes, "With --fix, apply unsafe fixes too");
    if (want("-v,--verbose"))
      cmd_check->add_flag("-v,--verbose", check.verbose, "Show source excerpts and help for every finding");
    if (want("--no-history"))
      cmd_check->add_flag(
          "--no-history", no_history,
          "Lint files named one by one without reading the migrations before them in their folder");
    if (want("-j,--jobs"))
      cmd_check
          ->add_option(
              "-j,--jobs", check.jobs,
              "Threads to lint with (default: every core this process may use); the output is the same "
              "for any number")
          ->check(CLI::Range(1u, 1024u));
  }

  auto* cmd_rules = sub(app, "rules", "List every rule with its default severity");
  std::string explain_id;
  auto* cmd_explain = sub(app, "explain", "Show a rule's documentation");
  if (cmd_explain && named("explain")) {
    cmd_explain->add_option("rule", explain_id, "Rule id or alias")->required();
  }
  LocksOptions locks;
  auto* cmd_locks = sub(app, "locks", "Print the lock plan of a migration, statement by statement");
  if (cmd_locks && named("locks")) {
    cmd_locks->add_option("file", locks.path, "SQL file (`-` for stdin)")->required();
    cmd_locks->add_option("--format", locks.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd_locks->add_option("--dialect", locks.dialect, "SQL dialect: postgres, mysql or mariadb")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
    cmd_locks->add_option("--mysql-version", locks.mysql_version,
                          "Target MySQL/MariaDB version with --dialect mysql (8.0, 8.4, mariadb-10.11, ...)");
    cmd_locks->add_option("--pg-version", locks.pg_version, "Target PostgreSQL major version (10 to 18)")
        ->check(CLI::Range(10, 18));
    cmd_locks->add_option("--table-stats", locks.table_stats,
                          "Table sizes (`ddlint stats` output): show rows, bytes and estimated durations");
    cmd_locks->add_option(
        "--config", locks.config,
        "A .ddlint.toml whose table_stats and throughput figures (rewrite_mb_per_second, ...) apply");
    cmd_locks->add_flag("--assume-in-transaction", locks.assume_in_transaction,
                        "Treat the file as wrapped in a transaction");
    cmd_locks
        ->add_option(
            "--runner", locks.runner,
            "Migration runner: auto, none, goose, dbmate, golang-migrate, sqlx, flyway, prisma, atlas, "
            "liquibase, sqitch")
        ->check(CLI::IsMember(kRunners));
  }
  PreflightOptions preflight;
  auto* cmd_preflight = sub(
      app, "preflight",
      "Print, per data-dependent change, the read-only query that finds the rows that would make it fail");
  if (cmd_preflight && named("preflight")) {
    cmd_preflight->add_option("files", preflight.paths, "SQL files (`-` for stdin); each is read alone")
        ->required();
    cmd_preflight->add_option("--format", preflight.format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd_preflight->add_option("--dialect", preflight.dialect, "SQL dialect: postgres, mysql or mariadb")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
    cmd_preflight
        ->add_option(
            "--dsn", preflight.dsn,
            "Run the queries read-only on this PostgreSQL database (URL or key=value; without a value: "
            "the PG* environment variables)")
        ->expected(0, 1);
    cmd_preflight
        ->add_option("--statement-timeout", preflight.statement_timeout_ms,
                     "With --dsn: milliseconds each query may run (default 30000)")
        ->check(CLI::Range(1, 86400000));
  }
  StatsOptions stats;
  auto* cmd_stats = sub(
      app, "stats",
      "Print rows and bytes per table of a PostgreSQL or MySQL/MariaDB database (read-only) as table-stats "
      "JSON");
  if (cmd_stats && named("stats")) {
    cmd_stats->add_option(
        "--dsn", stats.dsn,
        "The database: postgresql:// URL or key=value, or mysql://user:password@host:port/db "
        "(without it: the PG* or MYSQL_* environment variables)");
    cmd_stats->add_option("--dialect", stats.dialect, "SQL dialect: postgres, mysql or mariadb")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
  }
  TraceOptions trace;
  auto* cmd_trace = sub(
      app, "trace",
      "Run migrations statement by statement in one transaction on a PostgreSQL database, compare the locks "
      "and rewrites with the lock model, and roll back; on MySQL/MariaDB, probe each ALTER on scratch copies "
      "of the tables for the ALGORITHM, LOCK and rebuild the server uses");
  if (cmd_trace && named("trace")) {
    cmd_trace->add_option("files", trace.paths, "SQL files (`-` for stdin), run in this order")->required();
    cmd_trace
        ->add_option("--dsn", trace.dsn,
                     "PostgreSQL database (URL or key=value; without it: the PG* environment variables), or "
                     "mysql://user:password@host:port/db (MySQL/MariaDB: the ALTER probe)")
        ->expected(0, 1);
    cmd_trace->add_option("--dialect", trace.dialect, "postgres, or mysql/mariadb with the MYSQL_* variables")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
    cmd_trace->add_option(
        "--mysql-version", trace.mysql_version,
        "MySQL/MariaDB: the version the lock model predicts for (default: the server's), e.g. "
        "mysql-8.0 or mariadb-10.6");
    cmd_trace->add_option("--format", trace.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd_trace->add_flag("--commit", trace.commit, "Commit the transaction instead of rolling it back");
    cmd_trace
        ->add_option("--lock-timeout", trace.lock_timeout_ms,
                     "Milliseconds a statement may wait for a lock (default 10000; 0: no limit)")
        ->check(CLI::Range(0, 86400000));
    cmd_trace
        ->add_option("--statement-timeout", trace.statement_timeout_ms,
                     "Milliseconds a statement may run (default 0: no limit)")
        ->check(CLI::Range(0, 86400000));
    cmd_trace->add_flag(
        "--scratch", trace.scratch,
        "Run in a throw-away database (ddlint_trace_<pid>: a copy of the DSN's database, or with "
        "--history an empty one), dropped afterwards");
    cmd_trace
        ->add_option(
            "--history", trace.history,
            "With --scratch: a migration to replay (committed) into an empty scratch database first; "
            "repeat it for several, in order")
        ->allow_extra_args(false);
    cmd_trace
        ->add_option(
            "--runner", trace.runner,
            "Migration runner for the lock model: auto, none, goose, dbmate, golang-migrate, sqlx, flyway, "
            "prisma, atlas, liquibase, sqitch")
        ->check(CLI::IsMember(kRunners));
  }
  DriftOptions drift;
  auto* cmd_drift =
      sub(app, "drift", "Compare a live database's schema (read-only) with the schema its migrations build");
  if (cmd_drift && named("drift")) {
    cmd_drift->add_option("paths", drift.paths, "Migration folders (or files), replayed in runner order")
        ->required();
    cmd_drift
        ->add_option("--dsn", drift.dsn,
                     "The database (postgresql:// or mysql:// URL, or key=value; empty: the PG* or MYSQL_* "
                     "environment variables)")
        ->required();
    cmd_drift->add_option("--dialect", drift.dialect, "SQL dialect: postgres, mysql or mariadb")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
    cmd_drift->add_option("--format", drift.format, "text, json, sarif, github, gitlab or gcc")
        ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "gcc"}));
    cmd_drift->add_option(
        "--write-migration", drift.write_migration,
        "Write the migration that brings the history to the live schema (with the statements "
        "that would revert the drift instead, in a comment)");
    cmd_drift
        ->add_option("--statement-timeout", drift.statement_timeout_ms,
                     "Milliseconds each catalog query may run (default 30000)")
        ->check(CLI::Range(1, 86400000));
  }
  auto* cmd_lsp =
      sub(app, "lsp", "Run the language server on stdin/stdout (lints documents on open, change and save)");
  auto* cmd_debug = sub(app, "debug", "Developer tools");
  std::vector<std::string> ir_paths;
  auto* cmd_ir = cmd_debug ? sub(*cmd_debug, "ir", "Print the IR of files") : nullptr;
  if (cmd_ir && named("ir")) {
    cmd_ir
        ->add_option("files", ir_paths,
                     "SQL files (`-` for stdin); with several, each dump starts with `== FILE`")
        ->required();
    cmd_ir->add_option("--dialect", ir_dialect, "SQL dialect: postgres or mysql")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb"}));
  }
  if (cmd_debug) cmd_debug->require_subcommand(1);

  // Name an unknown first word instead of CLI11's "A subcommand is required".
  if (argc > 1) {
    const std::string first = argv[1];
    const bool option = !first.empty() && first[0] == '-';
    const auto subcommands = app.get_subcommands([&](CLI::App* sub) { return sub->get_name() == first; });
    if (!option && subcommands.empty()) {
      std::cerr
          << "ddlint: unknown command `" << first
          << "` (expected check, rules, explain, locks, preflight, stats, trace, drift, lsp or debug; see "
             "ddlint --help)\n";
      return kExitError;
    }
    if (option && first != "-h" && first != "--help" && first != "--version") {
      std::cerr << "ddlint: unknown option `" << first
                << "` (options follow a command: ddlint check [OPTIONS] PATHS; see ddlint --help)\n";
      return kExitError;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    ddlint::driver::shutdown();
    return code == 0 ? 0 : kExitError;
  }

  int rc = kExitClean;
  if (ran(cmd_check)) {
    if (assume_tx) check.assume_in_transaction = true;
    if (no_assume_tx) check.assume_in_transaction = false;
    if (schema_complete) check.schema_complete = true;
    if (no_history) check.history = false;
    check.terminal = isatty(STDOUT_FILENO) != 0;
    check.color = check.terminal && std::getenv("NO_COLOR") == nullptr;
    keep_freed_memory();
    check.exit_after = true;  // main returns the exit code right after the run
    // The report is written file by file as results arrive; messages on
    // stderr must not flush it line by line (stderr is tied to stdout by
    // default), so a short report still follows the messages when both go
    // to one terminal or log.
    std::cerr.tie(nullptr);
    rc = run_check(check, std::cout, std::cerr);
  } else if (ran(cmd_rules)) {
    rc = run_rules(std::cout, std::cerr);
  } else if (ran(cmd_explain)) {
    rc = run_explain(explain_id, std::cout, std::cerr);
  } else if (ran(cmd_locks)) {
    rc = run_locks(locks, std::cout, std::cerr);
  } else if (ran(cmd_drift)) {
    rc = run_drift(drift, std::cout, std::cerr);
  } else if (ran(cmd_stats)) {
    rc = run_stats(stats, std::cout, std::cerr);
  } else if (ran(cmd_trace)) {
    rc = run_trace(trace, std::cout, std::cerr);
  } else if (ran(cmd_preflight)) {
    preflight.live = cmd_preflight->count("--dsn") > 0;
    rc = run_preflight(preflight, std::cout, std::cerr);
  } else if (ran(cmd_ir)) {
    rc = run_debug_ir(ir_paths, ir_dialect, std::cout, std::cerr);
  } else if (ran(cmd_lsp)) {
    std::ios::sync_with_stdio(false);
    rc = ddlint::lsp::serve(std::cin, std::cout, version());
  }
  std::cout.flush();
  ddlint::driver::shutdown();
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  ddlint::report_truncated_mappings(ddlint::cli::kExitError);
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ddlint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "ddlint: internal error\n";
  }
  return ddlint::cli::kExitError;
}
