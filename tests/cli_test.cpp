// CLI cases: testdata/cli/<case>/{args, [stdin.sql], expected.stdout, expected.exit}.
// `args` holds the arguments after `ddlint` (shell words); the command runs
// in the source directory with stdout captured and NO_COLOR set.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/harness.h"

namespace fs = std::filesystem;
using namespace ddlint;

namespace {

int run(const std::string& command, std::string& out) { return test::run_command(command, out); }

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("cli cases") {
    const auto root = test::source_dir() / "testdata" / "cli";
    REQUIRE(fs::is_directory(root));
    size_t cases = 0;
    std::vector<fs::path> dirs;
    for (const auto& d : fs::directory_iterator(root))
      if (d.is_directory()) dirs.push_back(d.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
      ++cases;
      const std::string name = dir.filename().string();
      CAPTURE(name);
      const std::string args = trim_newline(test::read(dir / "args"));
      std::string cmd = "cd '" + test::source_dir().string() + "' && NO_COLOR=1 '" +
                        std::string(DDLINT_BINARY) + "' " + args;
      cmd += fs::exists(dir / "stdin.sql") ? " < '" + (dir / "stdin.sql").string() + "'" : " < /dev/null";
      cmd += " 2>&1";
      std::string out;
      const int code = run(cmd, out);
      const auto golden = dir / "expected.stdout";
      if (test::update_goldens()) {
        test::write(golden, out);
        test::write(dir / "expected.exit", std::to_string(code) + "\n");
        continue;
      }
      CHECK(code == std::stoi(test::read(dir / "expected.exit")));
      if (const auto mismatch = test::golden_mismatch(golden, out); !mismatch.empty()) FAIL_CHECK(mismatch);
    }
    CHECK(cases > 0);
  }

  TEST_CASE("--fix rewrites files in place, safe fixes only unless --unsafe-fixes, and is idempotent") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-fix-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "042_orders.sql";
    // A BOM and CRLF line ends must survive the rewrite.
    const std::string original =
        "\xEF\xBB\xBF-- Locks: none\r\n-- Expected duration: 5 minutes\r\nSET lock_timeout = '2s';\r\n"
        "CREATE INDEX orders_customer_idx ON orders (customer_id);\r\nCREATE TABLE notes (body json);\r\n";
    test::write(file, original);
    const std::string bin = "'" + std::string(DDLINT_BINARY) +
                            "' check --select "
                            "create-index-non-concurrently,json-column '" +
                            file.string() + "'";
    std::string out;
    // create-index-non-concurrently's fix is unsafe (the file may need its
    // transaction turned off): --fix alone leaves the file as it is.
    CHECK(run(bin + " --fix 2>&1", out) == 1);
    CHECK(out.find("applied 0 fixes in 0 files (2 unsafe fixes left") != std::string::npos);
    CHECK(test::read(file) == original);
    CHECK(run(bin + " --fix --unsafe-fixes 2>&1", out) == 0);
    CHECK(out.find("applied 2 fixes in 1 file") != std::string::npos);
    const std::string fixed = test::read(file);
    CHECK(
        fixed ==
        "\xEF\xBB\xBF-- Locks: none\r\n-- Expected duration: 5 minutes\r\nSET lock_timeout = '2s';\r\n"
        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\r\nCREATE TABLE notes (body "
        "jsonb);\r\n");
    CHECK(run(bin + " --fix --unsafe-fixes 2>&1", out) == 0);
    CHECK(out.find("applied 0 fixes in 0 files") != std::string::npos);
    CHECK(test::read(file) == fixed);
    fs::remove_all(dir);
  }

  TEST_CASE("large-file parsing gives the bytes of a whole-file parse") {
    // DDLINT_PG_PIECEWISE=1 takes every file as large: parsed a group of
    // statements at a time, or statement by statement where a group does
    // not parse. The rule cases hold syntax errors, runner markers without
    // `;`, CREATE RULE, COPY ... FROM stdin and dollar-quoted bodies.
    const std::string in_tree = "cd '" + std::string(DDLINT_SOURCE_DIR) + "' && ";
    const std::string ddlint = "'" + std::string(DDLINT_BINARY) +
                               "' check --format json --dialect postgres examples testdata/rules 2>/dev/null";
    std::string whole;
    std::string groups;
    CHECK(run(in_tree + ddlint, whole) == 1);
    CHECK(run(in_tree + "DDLINT_PG_PIECEWISE=1 " + ddlint, groups) == 1);
    CHECK(whole.size() > 100000);
    CHECK(whole == groups);
  }

  TEST_CASE("a long history: replayed across every file, the same bytes for any --jobs") {
    // More files than the driver parses and lints at once: the table's
    // column types come from the first file, 1,300 files before their use.
    const fs::path dir = fs::temp_directory_path() / ("ddlint-history-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::write(dir / "0000_t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c int, s text);\n");
    char name[32];
    for (int i = 1; i <= 1300; ++i) {
      std::snprintf(name, sizeof name, "%04d_add.sql", i);
      test::write(dir / name, "ALTER TABLE t ADD COLUMN c" + std::to_string(i) + " int;\n");
    }
    test::write(dir / "1301_type.sql",
                "SET lock_timeout = '2s';\nALTER TABLE t ALTER COLUMN c TYPE bigint;\n"
                "ALTER TABLE t ALTER COLUMN s TYPE varchar(20);\nALTER TABLE t ALTER COLUMN c1300 TYPE "
                "bigint;\n");
    const std::string ddlint = "cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select alter-column-type,unknown-object "
                               "--schema-complete ";
    std::string one;
    std::string all;
    CHECK(run(ddlint + "--jobs 1 . 2>&1", one) == 1);
    CHECK(run(ddlint + ". 2>&1", all) == 1);
    CHECK(one == all);
    // Known old types: each finding is a fact, not an "unless".
    const std::string rewrites =
        "` rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and "
        "writes "
        "on `t` wait until it finishes [alter-column-type]\n";
    CHECK(one == "./1301_type.sql:2:15: error: changing column `c` of `t` from `integer` to `bigint" +
                     rewrites +
                     "./1301_type.sql:3:15: error: changing column `s` of `t` from `text` to `varchar(20)" +
                     rewrites +
                     "./1301_type.sql:4:15: error: changing column `c1300` of `t` from `integer` to `bigint" +
                     rewrites);
    fs::remove_all(dir);
  }

  TEST_CASE("a file without signs is read as the nearest folder above it with signed files votes") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-vote-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "a/p");
    fs::create_directories(dir / "a/q");
    fs::create_directories(dir / "b");
    test::write(dir / "a/m1.sql", "CREATE TABLE `t1` (id INT);\n");
    test::write(dir / "a/m2.sql", "CREATE TABLE t2 (id INT) ENGINE=InnoDB;\n");
    test::write(dir / "a/p/pg1.sql", "SELECT x::text FROM t;\n");
    test::write(dir / "a/p/n1.sql", "CREATE INDEX i ON t (c);\n");   // a/p/ votes
    test::write(dir / "a/q/n2.sql", "CREATE INDEX i2 ON t (c);\n");  // a/q/ has none: a/ votes
    test::write(dir / "b/t1.sql", "SELECT x::text;\n");
    test::write(dir / "b/t2.sql", "CREATE TABLE `x` (a int);\n");
    test::write(dir / "b/n3.sql", "CREATE INDEX i3 ON t (c);\n");  // a tie under b/: the default
    std::string out;
    CHECK(run("cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                  "' check -v --format gcc --select syntax-error a b 2>&1",
              out) == 0);
    CHECK(
        out ==
        "ddlint: a/m1.sql: read as MySQL/MariaDB (detected: backtick-quoted names)\n"
        "ddlint: a/m2.sql: read as MySQL/MariaDB (detected: ENGINE=)\n"
        "ddlint: a/p/n1.sql: read as PostgreSQL (detected: no sign of either dialect in the file; 1 of 1 "
        "files "
        "with signs under a/p/ read as PostgreSQL)\n"
        "ddlint: a/p/pg1.sql: read as PostgreSQL (detected: :: casts)\n"
        "ddlint: a/q/n2.sql: read as MySQL/MariaDB (detected: no sign of either dialect in the file; 2 of 3 "
        "files with signs under a/ read as MySQL/MariaDB)\n"
        "ddlint: b/n3.sql: read as PostgreSQL (default: no sign of either dialect)\n"
        "ddlint: b/t1.sql: read as PostgreSQL (detected: :: casts)\n"
        "ddlint: b/t2.sql: read as MySQL/MariaDB (detected: backtick-quoted names)\n");
    fs::remove_all(dir);
  }

  TEST_CASE("dialect detection read ahead over many chunks: every file's dialect, in input order") {
    // 36 folders of 40 files: more chunks than the workers read ahead. A
    // folder's first file shows MySQL, PostgreSQL or neither; the others
    // show neither (the folder votes); every seventh folder's configuration
    // names the dialect (not read for detection). The first folder's large
    // file keeps one worker busy while the other reads the chunks after it.
    const fs::path dir = fs::temp_directory_path() / ("ddlint-chunks-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    char name[32];
    for (int k = 0; k < 36; ++k) {
      std::snprintf(name, sizeof name, "f%02d", k);
      const fs::path folder = dir / name;
      fs::create_directories(folder);
      if (k % 7 == 3) test::write(folder / ".ddlint.toml", "dialect = \"mysql\"\n");
      for (int i = 0; i < 40; ++i) {
        std::snprintf(name, sizeof name, "%03d_m.sql", i);
        std::string sql = "CREATE INDEX i" + std::to_string(i) + " ON t (c);\n";
        if (i == 0 && k % 3 == 0) sql = "CREATE TABLE `t` (id INT);\n";
        if (i == 0 && k % 3 == 1) sql = "SELECT x::text FROM t;\n";
        if (i == 39 && k == 0) {
          for (int line = 0; line < 60000; ++line) sql += "-- a comment line of some length\n";
        }
        test::write(folder / name, sql);
      }
    }
    const std::string ddlint = "cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check -v --format gcc --select create-index-non-concurrently ";
    std::string one;
    std::string all;
    CHECK(run(ddlint + "--jobs 1 . 2>err1.txt", one) == 1);
    CHECK(run(ddlint + ". 2>err.txt", all) == 1);
    CHECK(one == all);
    const std::string err = test::read(dir / "err.txt");
    CHECK(test::read(dir / "err1.txt") == err);
    // One "read as" line per file, in path order, with the dialect its folder gives it.
    std::vector<std::string> read_as;
    std::istringstream err_lines(err);
    for (std::string line; std::getline(err_lines, line);) {
      CHECK(line.starts_with("ddlint: ./f"));
      CHECK(line.find(": read as ") != std::string::npos);
      read_as.push_back(line);
    }
    size_t findings = 0;
    std::istringstream out_lines(all);
    for (std::string line; std::getline(out_lines, line);)
      findings += line.ends_with(" [create-index-non-concurrently]") ? 1 : 0;
    REQUIRE(read_as.size() == 36 * 40);
    CHECK(std::is_sorted(read_as.begin(), read_as.end()));
    size_t mysql = 0;
    for (int k = 0; k < 36; ++k) {
      for (int i = 0; i < 40; ++i) {
        const std::string& line = read_as[(static_cast<size_t>(k) * 40) + static_cast<size_t>(i)];
        std::snprintf(name, sizeof name, "./f%02d/%03d_m.sql", k, i);
        CAPTURE(line);
        CHECK(line.starts_with("ddlint: " + std::string(name) + ": read as "));
        std::string why;
        if (k % 7 == 3) {
          std::snprintf(name, sizeof name, "f%02d/.ddlint.toml", k);
          why = "MySQL/MariaDB (" + std::string(name) + ")";
        } else if (i == 0 && k % 3 == 0) {
          why = "MySQL/MariaDB (detected: backtick-quoted names)";
        } else if (i == 0 && k % 3 == 1) {
          why = "PostgreSQL (detected: :: casts)";
        } else if (k % 3 == 2) {
          // No signed file in the folder; under ./ as many of each: the default.
          why = "PostgreSQL (default: no sign of either dialect)";
        } else {
          std::snprintf(name, sizeof name, "./f%02d/", k);
          why = std::string(k % 3 == 0 ? "MySQL/MariaDB" : "PostgreSQL") +
                " (detected: no sign of either dialect in the file; 1 of 1 files with signs under " + name +
                " read as " + (k % 3 == 0 ? "MySQL/MariaDB" : "PostgreSQL") + ")";
        }
        CHECK(line.ends_with(": read as " + why));
        mysql += why.starts_with("MySQL") ? 1 : 0;
      }
    }
    // CREATE INDEX without CONCURRENTLY is a finding in every file read as PostgreSQL but the
    // folders' signed files.
    size_t pg_index_files = 0;
    for (int k = 0; k < 36; ++k)
      if (k % 7 != 3 && k % 3 != 0) pg_index_files += k % 3 == 1 ? 39 : 40;
    CHECK(mysql > 0);
    CHECK(findings == pg_index_files);
    fs::remove_all(dir);
  }

  TEST_CASE("hundreds of named paths: the ones that cannot be read are reported in the order named") {
    // Enough names that the inputs are asked about on several threads.
    const fs::path dir = fs::temp_directory_path() / ("ddlint-many-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "m");
    fs::create_directories(dir / "sub");
    std::string args;
    for (int i = 0; i < 1200; ++i) {
      const std::string name = "m/f" + std::to_string(1000 + i) + ".sql";
      test::write(dir / name, "SELECT " + std::to_string(i) + ";\n");
      args += " " + name;
      if (i == 10) args += " m/missing1.sql";
      if (i == 600) args += " m/dangling.sql sub";
      if (i == 1190) args += " m/missing2.sql";
    }
    test::write(dir / "sub/a.sql", "CREATE INDEX i ON t (c);\n");
    fs::create_symlink("nowhere.sql", dir / "m/dangling.sql");
    std::string out;
    CHECK(run("cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                  "' check --format gcc --select create-index-non-concurrently" + args + " 2>err.txt",
              out) == 2);
    CHECK(out ==
          "sub/a.sql:1:1: error: CREATE INDEX without CONCURRENTLY blocks writes to `t` for the whole index "
          "build (SHARE lock) [create-index-non-concurrently]\n");
    CHECK(test::read(dir / "err.txt") ==
          "ddlint: m/missing1.sql: no such file or directory\n"
          "ddlint: m/dangling.sql: dangling symbolic link\n"
          "ddlint: m/missing2.sql: no such file or directory\n");
    fs::remove_all(dir);
  }

  TEST_CASE("the history between named files is replayed in migration order, not name order") {
    // V10 sorts before V2 by name; Flyway runs V1, V2, V3, V4, V10. The named
    // V3 and V10 each see the column as the history before them leaves it.
    const fs::path dir = fs::temp_directory_path() / ("ddlint-between-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "db");
    test::write(dir / "db/V1__create.sql", "CREATE TABLE t (c char(10));\n");
    test::write(dir / "db/V2__widen.sql", "ALTER TABLE t ALTER COLUMN c TYPE char(20);\n");
    test::write(dir / "db/V3__named.sql", "ALTER TABLE t ALTER COLUMN c TYPE char(30);\n");
    test::write(dir / "db/V4__widen.sql", "ALTER TABLE t ALTER COLUMN c TYPE char(40);\n");
    test::write(dir / "db/V10__named.sql", "ALTER TABLE t ALTER COLUMN c TYPE text;\n");
    test::write(dir / "db/V11__later.sql", "DROP TABLE t;\n");
    std::string out;
    CHECK(
        run("cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                "' check -v --format gcc --select alter-column-type db/V10__named.sql db/V3__named.sql 2>&1",
            out) == 1);
    const std::string rewrites =
        "` rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and "
        "writes "
        "on `t` wait until it finishes [alter-column-type]\n";
    CHECK(out ==
          "ddlint: history: 3 earlier migrations of db/ replayed (not reported)\n"
          "ddlint: db/V3__named.sql: read as PostgreSQL (detected: ALTER COLUMN ... TYPE); runner flyway "
          "(detected: V<version>__<description>.sql)\n"
          "ddlint: db/V10__named.sql: read as PostgreSQL (detected: ALTER COLUMN ... TYPE); runner flyway "
          "(detected: V<version>__<description>.sql)\n"
          "db/V3__named.sql:1:15: error: changing column `c` of `t` from `char(20)` to `char(30)" +
              rewrites +
              "db/V10__named.sql:1:15: error: changing column `c` of `t` from `char(40)` to `text" +
              rewrites);
    fs::remove_all(dir);
  }

  TEST_CASE("files named one by one are read with the migrations before them in their folder") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-named-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "db/migrations");
    test::write(dir / "db/migrations/001_users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, u char(36));\n");
    test::write(dir / "db/migrations/002_noop.sql", "SELECT 1;\n");
    test::write(dir / "db/migrations/003_alter.sql", "ALTER TABLE users ALTER COLUMN u TYPE text;\n");
    test::write(dir / "db/migrations/004_drop.sql", "ALTER TABLE users DROP COLUMN u;\n");
    test::write(dir / "db/migrations/005_later.sql", "DROP TABLE users;\n");
    const std::string ddlint = "cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select alter-column-type,drop-column,unknown-object "
                               "--schema-complete ";
    std::string out;
    // Named in any order and spelling: reported in path order, with 001 and
    // 002 as history (not reported), 005 (after the last named file) unread.
    CHECK(run(ddlint + "-v db/migrations/004_drop.sql ./db/migrations/003_alter.sql 2>&1", out) == 1);
    CHECK(out.find("ddlint: history: 2 earlier migrations of db/migrations/ replayed (not reported)\n") !=
          std::string::npos);
    const size_t alter = out.find(
        "./db/migrations/003_alter.sql:1:19: error: changing column `u` of `users` "
        "from `char(36)` to `text` rewrites");
    const size_t drop = out.find("db/migrations/004_drop.sql:1:19: warning: dropping column `u`");
    CHECK(alter != std::string::npos);
    CHECK(drop != std::string::npos);
    CHECK(alter < drop);
    CHECK(out.find("unknown-object") == std::string::npos);
    CHECK(out.find("001_users") == std::string::npos);
    // --no-history: the file alone (the old type unknown, the table too).
    CHECK(run(ddlint + "--no-history db/migrations/003_alter.sql 2>&1", out) == 1);
    CHECK(out.find("unless `u` already is `text` or `varchar`") != std::string::npos);
    CHECK(out.find("[unknown-object]") != std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("a down migration that is also an input is parsed once, and its up migration's findings stay") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-downs-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "pg");
    // 150 pairs (more than one window of files): a third revert everything,
    // a third forget the dropped column, a third have no statement.
    std::string ups;
    char name[64];
    for (int k = 1; k <= 150; ++k) {
      const std::string c = "c" + std::to_string(k);
      const std::string d = "d" + std::to_string(k);
      std::snprintf(name, sizeof name, "pg/%06d_t.up.sql", k);
      test::write(dir / name,
                  "ALTER TABLE t ADD COLUMN " + c + " int;\nALTER TABLE t DROP COLUMN " + d + ";\n");
      ups += std::string(" ") + name;
      std::snprintf(name, sizeof name, "pg/%06d_t.down.sql", k);
      test::write(dir / name, k % 3 == 1 ? "ALTER TABLE t DROP COLUMN " + c + ";\nALTER TABLE t ADD COLUMN " +
                                               d + " int;\n"
                              : k % 3 == 2 ? "ALTER TABLE t DROP COLUMN " + c + ";\n"
                                           : "-- nothing\n");
    }
    const std::string ddlint =
        "cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
        "' check --format gcc --dialect postgres "
        "--select drop-breaks-down-migration,down-migration-incomplete,missing-down-migration,"
        "down-restores-shape-only ";
    std::string one;
    std::string all;
    std::string alone;
    CHECK(run(ddlint + "--jobs 1 pg 2>/dev/null", one) == 1);
    CHECK(run(ddlint + "pg 2>/dev/null", all) == 1);
    CHECK(one == all);
    CHECK(run(ddlint + "--no-history" + ups + " 2>/dev/null", alone) == 1);
    auto up_lines = [](const std::string& out) {
      std::string kept;
      size_t at = 0;
      for (size_t nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1)
        if (out.compare(at, 3, "pg/") == 0 && out.find(".up.sql:", at) < nl)
          kept += out.substr(at, nl + 1 - at);
      return kept;
    };
    CHECK(up_lines(all) == up_lines(alone));
    auto count = [](const std::string& out, const std::string& what) {
      size_t n = 0;
      for (size_t at = out.find(what); at != std::string::npos; at = out.find(what, at + 1)) ++n;
      return n;
    };
    CHECK(count(alone, "[drop-breaks-down-migration]") == 100);
    CHECK(count(alone, "[missing-down-migration]") == 50);
    CHECK(count(alone, "[down-restores-shape-only]") == 50);
    CHECK(alone.find("pg/000002_t.up.sql:2:15: error: this migration drops column `d2` of `t` but "
                     "`000002_t.down.sql` does not re-create it") != std::string::npos);

    // The same down read two ways: as an input with MySQL 5.7 (its versioned
    // comment does not run: no statement), as the up's down with MySQL 8.4
    // (it runs: the down drops the column). Each reading stays its own.
    fs::create_directories(dir / "my");
    test::write(dir / "my/.ddlint.toml",
                "dialect = \"mysql\"\nmysql_version = \"8.4\"\n[paths.\"*.down.sql\"]\nmysql_version = "
                "\"5.7\"\n");
    test::write(dir / "my/000001_t.up.sql", "ALTER TABLE t ADD COLUMN c1 int;\n");
    test::write(dir / "my/000001_t.down.sql", "/*!80000 ALTER TABLE t DROP COLUMN c1 */;\n");
    const std::string my =
        "cd '" + dir.string() + "/my' && '" + std::string(DDLINT_BINARY) + "' check --format gcc ";
    CHECK(run(my + "--jobs 1 . 2>/dev/null", one) == 1);
    CHECK(run(my + ". 2>/dev/null", all) == 1);
    CHECK(one == all);
    CHECK(run(my + "000001_t.up.sql 2>/dev/null", alone) == 1);
    CHECK(alone.find("000001_t.up.sql:1:1: warning: ALTER TABLE `t` has no ALGORITHM= or LOCK= clause") == 0);
    CHECK(alone.find("[missing-down-migration]") == std::string::npos);
    std::string prefixed;
    for (size_t at = 0, nl; (nl = alone.find('\n', at)) != std::string::npos; at = nl + 1)
      prefixed += "./" + alone.substr(at, nl + 1 - at);
    CHECK(one == prefixed);  // and nothing for the down file, read as 5.7
    // Read as 5.7, the up's down has no statement.
    test::write(dir / "my/.ddlint.toml", "dialect = \"mysql\"\nmysql_version = \"5.7\"\n");
    CHECK(run(my + "--select missing-down-migration 000001_t.up.sql 2>/dev/null", alone) == 0);
    CHECK(alone.find("000001_t.up.sql:1:1: note: this migration has no down migration") == 0);
    fs::remove_all(dir);
  }

  TEST_CASE(
      "the histories of many folders (listed on several threads) come in the order the folders were named") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-folders-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    // 40 folders of three migrations; the last of each is named, in reverse
    // order. Each folder's history (001, 002) gives the table its old type.
    std::string named;
    std::string history;
    std::string found;
    for (int i = 40; i >= 1; --i) {
      const std::string f = "app" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "/db";
      fs::create_directories(dir / f);
      test::write(dir / (f + "/001_t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, u char(36));\n");
      test::write(dir / (f + "/002_noop.sql"), "SELECT 1;\n");
      test::write(dir / (f + "/003_alter.sql"), "ALTER TABLE t ALTER COLUMN u TYPE text;\n");
      named += " " + f + "/003_alter.sql";
      history += "ddlint: history: 2 earlier migrations of " + f + "/ replayed (not reported)\n";
    }
    for (int i = 1; i <= 40; ++i)
      found += "app" + std::string(i < 10 ? "0" : "") + std::to_string(i) +
               "/db/003_alter.sql:1:15: error: changing column `u` of `t` from `char(36)` to `text` rewrites";
    const std::string ddlint = "cd '" + dir.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select alter-column-type -v" + named;
    std::string out;
    CHECK(run(ddlint + " 2>&1 >/dev/null | grep history", out) == 0);
    CHECK(out == history);
    CHECK(run(ddlint + " 2>/dev/null | cut -c1-97", out) == 0);
    std::string want;
    for (size_t at = 0; at < found.size(); at += 97) want += found.substr(at, 97) + "\n";
    CHECK(out == want);
    fs::remove_all(dir);
  }

  TEST_CASE(
      "named files: configs, Cargo.toml, .git and down migrations are found through the folders' listings") {
    // Each folder is listed once per run and the listing answers whether a
    // file is there: what the run finds must be what looking each path up finds.
    const fs::path root = fs::temp_directory_path() / ("ddlint-listed-" + std::to_string(::getpid()));
    fs::remove_all(root);
    for (const char* d : {"proj/.git", "proj/svc/db/migrations/003_drop.down.sql", "proj/rs/crate/migrations",
                          "proj/leaf", "real/sql", "other"})
      fs::create_directories(root / d);
    test::write(root / "Cargo.toml", "[package]\n");  // above the repository root: not seen
    test::write(root / "proj/.ddlint.toml",
                "select = [\"missing-down-migration\", \"alter-column-type\", \"drop-table\"]\n");
    test::write(root / "proj/leaf/.ddlint.toml", "select = [\"drop-table\"]\n");
    test::write(root / "proj/leaf/Cargo.toml", "[package]\n");
    test::write(root / "proj/rs/Cargo.toml", "[package]\n");
    const fs::path svc = root / "proj/svc/db/migrations";
    test::write(svc / "001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, u char(36));\n");
    test::write(svc / "001_users.down.sql", "DROP TABLE users;\n");
    test::write(svc / "002_alter.up.sql", "ALTER TABLE users ALTER COLUMN u TYPE text;\n");
    test::write(svc / "002_alter.down.sql", "ALTER TABLE users ALTER COLUMN u TYPE char(36);\n");
    test::write(svc / "003_drop.up.sql", "DROP TABLE users;\n");  // its "down migration" is a folder
    const fs::path rs = root / "proj/rs/crate/migrations";
    test::write(rs / "001_t.up.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    test::write(rs / "001_t.down.sql", "DROP TABLE t;\n");
    test::write(rs / "002_drop.up.sql", "DROP TABLE t;\n");
    test::write(root / "other/t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    fs::create_symlink("../../../../other/t.sql", rs / "002_drop.down.sql");  // a down migration by link
    test::write(root / "proj/leaf/001_x.up.sql", "DROP TABLE x;\n");          // no down: not selected here
    test::write(root / "real/sql/V1__a.sql", "CREATE TABLE a (id int);\n");
    test::write(root / "real/sql/V2__b.sql", "CREATE INDEX CONCURRENTLY a_i ON a (id);\n");
    test::write(root / "real/sql/V2__b.sql.conf", "executeInTransaction=false\n");
    fs::create_directory_symlink("real/sql", root / "fly");  // a folder named through a link
    const std::string ddlint = "'" + std::string(DDLINT_BINARY) + "' check -v --format gcc ";
    std::string out;
    auto has = [&](const std::string& line) { return out.find(line) != std::string::npos; };
    CHECK(run("cd '" + root.string() + "' && " + ddlint +
                  "proj/svc/db/migrations/003_drop.up.sql proj/svc/../svc/db/migrations/002_alter.up.sql "
                  "proj/rs/crate/migrations/002_drop.up.sql proj/leaf/001_x.up.sql fly/V2__b.sql 2>&1",
              out) == 1);
    CHECK(
        has("ddlint: history: 3 earlier migrations of proj/svc/db/migrations/ replayed (not reported)\n"
            "ddlint: history: 2 earlier migrations of proj/rs/crate/migrations/ replayed (not reported)\n"
            "ddlint: history: 1 earlier migration of fly/ replayed (not reported)\n"));
    const std::string sqlx =
        "runner sqlx (detected: NAME.up.sql / NAME.down.sql in a Rust (Cargo) project)\n";
    const std::string go = "runner golang-migrate (detected: NAME.up.sql / NAME.down.sql)\n";
    CHECK(
        has("fly/V2__b.sql: read as PostgreSQL (detected: CONCURRENTLY); runner flyway (detected: "
            "V<version>__<description>.sql, executeInTransaction=false)\n"));
    CHECK(
        has("proj/leaf/001_x.up.sql: read as PostgreSQL (detected: no sign of either dialect in the file; "
            "2 of 2 files with signs under proj/ read as PostgreSQL); " +
            sqlx));
    CHECK(
        has("proj/rs/crate/migrations/002_drop.up.sql: read as PostgreSQL (detected: no sign of either "
            "dialect in the file; 2 of 2 files with signs under proj/ read as PostgreSQL); " +
            sqlx));
    CHECK(
        has("proj/svc/../svc/db/migrations/002_alter.up.sql: read as PostgreSQL (detected: ALTER COLUMN ... "
            "TYPE); " +
            go));
    CHECK(
        has("\nproj/svc/../svc/db/migrations/002_alter.up.sql:1:19: error: changing column `u` of `users` "
            "from `char(36)` to `text` rewrites"));
    CHECK(
        has("\nproj/svc/db/migrations/003_drop.up.sql:1:1: note: this migration has no down migration "
            "(`003_drop.down.sql` is missing or has no statements)"));
    CHECK(has("\nproj/leaf/001_x.up.sql:1:12: warning: dropping table `x`"));
    CHECK(!has("\nproj/leaf/001_x.up.sql:1:1:"));
    CHECK(has("\nproj/rs/crate/migrations/002_drop.up.sql:1:12: warning: dropping table `t`"));
    CHECK(!has("\nproj/rs/crate/migrations/002_drop.up.sql:1:1:"));
    CHECK(has("\nfly/V2__b.sql:1:1: warning: this migration scans `a`"));
    // From below, with paths through "..": the same answers.
    CHECK(run("cd '" + (root / "proj/svc/db").string() + "' && " + ddlint +
                  "migrations/003_drop.up.sql ../../rs/crate/migrations/002_drop.up.sql 2>&1",
              out) == 1);
    CHECK(
        has("ddlint: history: 4 earlier migrations of migrations/ replayed (not reported)\n"
            "ddlint: history: 2 earlier migrations of ../../rs/crate/migrations/ replayed (not reported)\n"));
    CHECK(
        has("ddlint: ../../rs/crate/migrations/002_drop.up.sql: read as PostgreSQL (default: no sign of "
            "either dialect); " +
            sqlx));
    CHECK(
        has("ddlint: migrations/003_drop.up.sql: read as PostgreSQL (detected: no sign of either dialect in "
            "the file; 2 of 2 files with signs under migrations/ read as PostgreSQL); " +
            go));
    CHECK(has("\nmigrations/003_drop.up.sql:1:1: note: this migration has no down migration"));
    CHECK(!has("\n../../rs/crate/migrations/002_drop.up.sql:1:1:"));
    // Without the repository root the Cargo.toml above it is the project's.
    fs::remove(root / "proj/.git");
    CHECK(run("cd '" + root.string() + "' && " + ddlint + "proj/svc/db/migrations/003_drop.up.sql 2>&1",
              out) == 1);
    CHECK(has(
        "ddlint: proj/svc/db/migrations/003_drop.up.sql: read as PostgreSQL (detected: no sign of either "
        "dialect in the file; 2 of 2 files with signs under proj/svc/db/migrations/ read as PostgreSQL); " +
        sqlx));
    fs::remove_all(root);
  }

  TEST_CASE("--changed-since lints only changed files, as one change set in path order") {
    const fs::path repo = fs::temp_directory_path() / ("ddlint-changed-" + std::to_string(::getpid()));
    fs::remove_all(repo);
    fs::create_directories(repo / "migrations");
    const std::string g = "cd '" + repo.string() + "' && git -c user.email=t@example.com -c user.name=t ";
    std::string out;
    test::write(repo / "migrations/001_users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    REQUIRE(run(g + "init -q -b main . && " + g + "add -A && " + g + "commit -q -m one && " + g +
                    "checkout -q -b feature 2>&1",
                out) == 0);
    // The branch adds a table (committed) and indexes (not yet committed).
    test::write(repo / "migrations/002_orders.sql",
                "CREATE TABLE orders (id bigint PRIMARY KEY, ref text);\n");
    REQUIRE(run(g + "add -A && " + g + "commit -q -m two 2>&1", out) == 0);
    test::write(
        repo / "migrations/003_indexes.sql",
        "CREATE INDEX orders_ref_idx ON orders (ref);\nCREATE INDEX users_email_idx ON users (email);\n");
    const std::string ddlint = "cd '" + repo.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select create-index-non-concurrently ";

    // orders is created by an earlier file of the change set: new and empty.
    CHECK(run(ddlint + "--changed-since main migrations 2>&1", out) == 1);
    CHECK(out ==
          "migrations/003_indexes.sql:2:1: error: CREATE INDEX without CONCURRENTLY blocks writes to `users` "
          "for the whole index build (SHARE lock) [create-index-non-concurrently]\n");
    // Files outside the change set are still the history before it: users
    // (from 001, unchanged) exists for 003.
    const std::string complete = "cd '" + repo.string() + "' && '" + std::string(DDLINT_BINARY) +
                                 "' check --format gcc --select unknown-object --schema-complete ";
    CHECK(run(complete + "--changed-since main migrations 2>&1", out) == 0);
    CHECK(out.empty());
    // Without a change set every other file is history: orders exists.
    CHECK(run(ddlint + "migrations 2>&1", out) == 1);
    CHECK(out.find("003_indexes.sql:1:1") != std::string::npos);
    CHECK(out.find("003_indexes.sql:2:1") != std::string::npos);
    // Nothing changed since HEAD but the untracked file.
    CHECK(run(ddlint + "--changed-since HEAD migrations 2>&1", out) == 1);
    CHECK(out.find("003_indexes.sql:1:1") != std::string::npos);  // orders came before the change set
    // Errors are usage errors.
    CHECK(run(ddlint + "--changed-since no-such-ref migrations 2>&1", out) == 2);
    CHECK(out.find("no-such-ref") != std::string::npos);
    CHECK(run(ddlint + "--changed-since 'main;rm' migrations 2>&1", out) == 2);
    CHECK(out.find("is not a git ref") != std::string::npos);
    fs::remove_all(repo);
  }

  TEST_CASE("fail_on: each finding is judged by its own file's configuration, in any order") {
    const fs::path root = fs::temp_directory_path() / ("ddlint-fail-on-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "strict");
    fs::create_directories(root / "plain");
    // Two folders with the same warning (drop-column); `strict` fails only
    // on errors, `plain` has the default threshold (warning).
    test::write(root / "strict/.ddlint.toml", "fail_on = \"error\"\n");
    test::write(root / "plain/.ddlint.toml", "# defaults\n");
    const std::string sql = "ALTER TABLE users DROP COLUMN legacy;\n";
    test::write(root / "strict/001_drop.sql", sql);
    test::write(root / "plain/001_drop.sql", sql);
    const std::string ddlint = "cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select drop-column ";
    std::string out;
    CHECK(run(ddlint + "strict 2>&1", out) == 0);
    CHECK(out ==
          "strict/001_drop.sql:1:19: warning: dropping column `legacy` of `users` destroys its data for "
          "good, and code already deployed that reads or writes it breaks [drop-column]\n");
    CHECK(run(ddlint + "plain 2>&1", out) == 1);
    // The plain folder's warning fails the run whichever folder comes last.
    CHECK(run(ddlint + "strict plain 2>&1", out) == 1);
    CHECK(run(ddlint + "plain strict 2>&1", out) == 1);
    CHECK(run(ddlint + "strict/001_drop.sql plain/001_drop.sql 2>&1", out) == 1);
    CHECK(run(ddlint + "plain/001_drop.sql strict/001_drop.sql 2>&1", out) == 1);
    // --fail-on overrides every file's threshold.
    CHECK(run(ddlint + "--fail-on error strict plain 2>&1", out) == 0);
    CHECK(run(ddlint + "--fail-on error plain strict 2>&1", out) == 0);
    CHECK(run(ddlint + "--fail-on warning strict 2>&1", out) == 1);
    // An error in the strict folder fails it too.
    test::write(root / "strict/002_index.sql", "CREATE INDEX users_email_idx ON users (email);\n");
    CHECK(run("cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) +
                  "' check --format gcc --select drop-column,create-index-non-concurrently plain strict 2>&1",
              out) == 1);
    CHECK(out.find("strict/002_index.sql:1:1: error:") != std::string::npos);
    fs::remove_all(root);
  }

  TEST_CASE("directory walks: symlinked directories, link loops, *.SQL, and every unreadable path named") {
    const fs::path root = fs::temp_directory_path() / ("ddlint-walk-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "real/sub");
    fs::create_directories(root / "links");
    test::write(root / "real/001_a.sql", "DROP TABLE a;\n");
    test::write(root / "real/sub/002_b.SQL", "DROP TABLE b;\n");   // pre-commit passes these too
    fs::create_directory_symlink("..", root / "real/sub/loop");    // a loop: read once
    fs::create_directory_symlink("../real", root / "links/same");  // inside the tree: its own name wins
    fs::create_symlink("missing.sql", root / "links/dangling.sql");
    const std::string ddlint = "cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) +
                               "' check --format gcc --select drop-table ";
    const std::string a =
        "real/001_a.sql:1:12: warning: dropping table `a` destroys its data for good, and code "
        "already deployed that uses it breaks [drop-table]\n";
    const std::string b =
        "real/sub/002_b.SQL:1:12: warning: dropping table `b` destroys its data for good, and "
        "code already deployed that uses it breaks [drop-table]\n";
    std::string out;
    // The dangling link is named (exit 2); everything else is linted once.
    CHECK(run(ddlint + "real links 2>/dev/null", out) == 2);
    CHECK(out == a + b);
    CHECK(run(ddlint + "real links 2>&1 >/dev/null", out) == 2);
    CHECK(out == "ddlint: links/dangling.sql: dangling symbolic link\n");
    // A migrations folder that is a link to elsewhere is followed.
    fs::remove(root / "links/dangling.sql");
    fs::create_directories(root / "app/db");
    fs::create_directory_symlink(root / "real", root / "app/db/migrations");
    CHECK(run(ddlint + "app 2>&1", out) == 1);
    CHECK(out.find("app/db/migrations/001_a.sql:1:12:") == 0);
    CHECK(out.find("app/db/migrations/sub/002_b.SQL:1:12:") != std::string::npos);
    CHECK(run(ddlint + "links/dangling.sql 2>&1", out) == 2);
    CHECK(out == "ddlint: links/dangling.sql: no such file or directory\n");

    // Unreadable paths (as a user without the permission: root reads anything).
    fs::create_directories(root / "secret");
    test::write(root / "secret/003_c.sql", "DROP TABLE c;\n");
    fs::permissions(root / "secret", fs::perms::none);
    fs::permissions(root, fs::perms::all);
    std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    std::string probe;
    if (!as_user.empty() && run(as_user + "true 2>&1", probe) != 0) as_user = "-";
    if (as_user == "-") {
      MESSAGE("skipped the unreadable-directory checks: cannot drop root privileges with setpriv");
    } else {
      const std::string bin = "cd '" + root.string() + "' && " + as_user + "'" + std::string(DDLINT_BINARY) +
                              "' check --format gcc --select drop-table ";
      CHECK(run(bin + "real secret secret/003_c.sql 2>&1 >/dev/null", out) == 2);
      CHECK(out ==
            "ddlint: secret: cannot read directory: Permission denied\nddlint: secret/003_c.sql: Permission "
            "denied\n");
      CHECK(run(bin + "real secret 2>/dev/null", out) == 2);
      CHECK(out == a + b);

      // Files that cannot be read among many (the workers read them, for
      // dialect detection or, with the dialect named, in their window): each
      // is reported once, in input order, and every other file is linted.
      fs::create_directories(root / "many");
      std::string many;
      for (int i = 0; i < 40; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        test::write(root / ("many/0" + n + "_t.sql"), "DROP TABLE t" + n + ";\n");
        if (i != 5 && i != 31)
          many +=
              "many/0" + n + "_t.sql:1:12: warning: dropping table `t" + n +
              "` destroys its data for good, and code already deployed that uses it breaks [drop-table]\n";
      }
      fs::permissions(root / "many/005_t.sql", fs::perms::none);
      fs::permissions(root / "many/031_t.sql", fs::perms::none);
      for (const char* dialect : {"", "--dialect postgres ", "--jobs 1 "}) {
        CAPTURE(dialect);
        CHECK(run(bin + dialect + "many 2>&1 >/dev/null", out) == 2);
        CHECK(out ==
              "ddlint: many/005_t.sql: cannot open: Permission denied\n"
              "ddlint: many/031_t.sql: cannot open: Permission denied\n");
        CHECK(run(bin + dialect + "many 2>/dev/null", out) == 2);
        CHECK(out == many);
      }
    }
    fs::permissions(root / "secret", fs::perms::owner_all);
    fs::remove_all(root);
  }

  TEST_CASE("outputs that fail are errors: a report that cannot be written, a fixed file that cannot be") {
    const fs::path root = fs::temp_directory_path() / ("ddlint-write-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    fs::permissions(root, fs::perms::all);
    test::write(root / "g.sql", "DROP TABLE users;\n");
    const std::string bin = "'" + std::string(DDLINT_BINARY) + "' check ";
    std::string out;
    for (const char* format : {"text", "json", "sarif", "gitlab"}) {
      CAPTURE(format);
      CHECK(run(bin + "--format " + format + " '" + (root / "g.sql").string() + "' 2>&1 >/dev/full", out) ==
            2);
      CHECK(out == "ddlint: cannot write the report to standard output: No space left on device\n");
    }
    CHECK(run(bin + "-o /dev/full '" + (root / "g.sql").string() + "' 2>&1", out) == 2);
    CHECK(out == "ddlint: cannot write the report to /dev/full: No space left on device\n");

    // --fix on a file that cannot be written: named with the reason, the
    // findings reported are those of the text on disk, no fix counts.
    const std::string original = "CREATE TABLE notes (body json);\n";
    test::write(root / "ro.sql", original);
    fs::permissions(root / "ro.sql", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    if (!as_user.empty() && run(as_user + "true 2>&1", out) != 0) {
      MESSAGE("skipped the read-only --fix check: cannot drop root privileges with setpriv");
    } else {
      CHECK(run("cd '" + root.string() + "' && " + as_user + bin +
                    "--fix --unsafe-fixes --select json-column --format gcc ro.sql 2>&1",
                out) == 2);
      CHECK(
          out ==
          "ddlint: ro.sql: cannot write the fixed file: Permission denied\n"
          "ddlint: applied 0 fixes in 0 files\n"
          "ro.sql:1:26: note: column `body` of `notes` is `json`: every read re-parses the stored text, `=`, "
          "DISTINCT, GROUP BY and UNION fail on it (no equality operator), and no B-tree or GIN index can "
          "cover the column [json-column]\n");
      CHECK(test::read(root / "ro.sql") == original);
    }
    fs::remove_all(root);
  }

  TEST_CASE("SARIF: an unreadable path makes the run unsuccessful; over GitHub's limits, most severe first") {
    const fs::path root = fs::temp_directory_path() / ("ddlint-sarif-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    test::write(root / "g.sql", "DROP TABLE users;\n");
    const std::string bin = "cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) + "' check ";
    std::string out;
    CHECK(run(bin + "--format sarif g.sql missing.sql 2>/dev/null", out) == 2);
    auto log = nlohmann::json::parse(out);
    auto& invocation = log["runs"][0]["invocations"][0];
    CHECK(invocation["executionSuccessful"] == false);
    CHECK(invocation["toolExecutionNotifications"] ==
          nlohmann::json::parse(
              R"([{"level":"error","message":{"text":"missing.sql: no such file or directory"}}])"));
    CHECK(run(bin + "--format sarif g.sql 2>/dev/null", out) == 1);
    log = nlohmann::json::parse(out);
    CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
    CHECK(!log["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));

    // 5,001 warnings and one error, last in the file: GitHub shows 5,000.
    std::string many;
    for (int i = 0; i < 5001; ++i) many += "DROP TABLE t" + std::to_string(i) + ";\n";
    many += "CREATE INDEX i ON users (email);\n";
    test::write(root / "many.sql", many);
    CHECK(run(bin + "--format sarif --select drop-table,create-index-non-concurrently many.sql 2>err.txt",
              out) == 1);
    log = nlohmann::json::parse(out);
    const auto& results = log["runs"][0]["results"];
    REQUIRE(results.size() == 5002);
    CHECK(results[0]["ruleId"] == "create-index-non-concurrently");
    CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5002);
    CHECK(results[1]["ruleId"] == "drop-table");
    CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    CHECK(
        test::read(root / "err.txt") ==
        "ddlint: the SARIF report holds 5002 results; GitHub code scanning shows only the first 5000 (ddlint "
        "puts the most severe first): narrow the run with --changed-since REF or --select\n");
    fs::remove_all(root);
  }

  TEST_CASE("rule options: the TOML type, the sign and the unit are checked, naming the key") {
    const fs::path root = fs::temp_directory_path() / ("ddlint-options-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    test::write(root / "a.sql", "SET lock_timeout = '8s';\nALTER TABLE t ADD COLUMN a int;\n");
    const std::string where = ".ddlint.toml: [rules.missing-lock-timeout]: `max_lock_timeout` ";
    const std::string unit = "must be a duration string with a unit, such as \"5s\", \"500ms\" or \"2min\"";
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"true", "must be a duration string such as \"5s\""},
        {"5", unit + " (a bare number has no unit)"},
        {"-5", unit + " (a bare number has no unit)"},
        {"1.5", unit + " (a bare number has no unit)"},
        {"\"5\"",
         "must be a duration with a unit, such as \"5s\", \"500ms\" or \"2min\" (got `5`: a bare number "
         "has no unit)"},
        {"\"-5s\"", "must not be negative (got `-5s`)"},
        {"\"5 parsecs\"",
         "must be a duration with a unit, such as \"5s\", \"500ms\" or \"2min\" (got `5 parsecs`)"},
    };
    const std::string bin = "cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) +
                            "' check --format gcc --select missing-lock-timeout a.sql 2>&1";
    std::string out;
    for (const auto& entry : bad) {
      const std::string& value = entry.first;
      const std::string& message = entry.second;
      CAPTURE(value);
      test::write(root / ".ddlint.toml", "[rules.missing-lock-timeout]\nmax_lock_timeout = " + value + "\n");
      CHECK(run(bin, out) == 2);
      CHECK(out == "ddlint: " + (root / where).string() + message + "\n");
    }
    // The run fails before any report starts: no partial JSON document.
    CHECK(run("cd '" + root.string() + "' && '" + std::string(DDLINT_BINARY) +
                  "' check --format json a.sql 2>/dev/null",
              out) == 2);
    CHECK(out.empty());
    // Good values: 8s is over a 5s budget, within a 10s or 2min one.
    for (const auto& entry : std::vector<std::pair<std::string, int>>{
             {"\"5s\"", 1}, {"\"10s\"", 0}, {"\"2 min\"", 0}, {"\"500ms\"", 1}, {"\"0.5h\"", 0}}) {
      const std::string& value = entry.first;
      const int code = entry.second;
      CAPTURE(value);
      test::write(root / ".ddlint.toml", "[rules.missing-lock-timeout]\nmax_lock_timeout = " + value + "\n");
      CHECK(run(bin, out) == code);
    }
    fs::remove_all(root);
  }
}
