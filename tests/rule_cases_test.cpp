// Data-driven rule tests over testdata/rules/<rule-id>/ (the format is in
// testdata/rules/README.md and tests/support/rule_case.h):
//   x.pg.sql / x.mysql.sql     cases, read with the PostgreSQL / MySQL front-end
//   x.pg.fixed.sql             the case's text with its fixes applied (golden)
//   -- ddlint-test: pg_version=11 assume_in_transaction=true rules=other-rule fixes=safe
//   -- expect: rule-id@column ["message fragment"][, rule-id@column ...]
//   -- expect-next: rule-id@column      (the next non-blank line)
// Only the folder's rule (plus rules=) is enabled. Every finding must be
// expected at its line and column and every expectation met; a case that does
// not parse fails unless it enables and expects syntax-error; a file the
// harness does not understand fails. DDLINT_UPDATE_GOLDENS=1 rewrites the
// fix goldens.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "rules/column_types.h"
#include "rules/helpers.h"
#include "support/diff.h"
#include "support/harness.h"
#include "support/rule_case.h"

namespace fs = std::filesystem;
using namespace ddlint;

TEST_SUITE("rules") {
  TEST_CASE("every rule case meets its inline expectations") {
    const fs::path root = test::source_dir() / "testdata" / "rules";
    REQUIRE(fs::is_directory(root));
    size_t folders = 0;
    for (const auto& dir : fs::directory_iterator(root)) {
      if (!dir.is_directory()) {
        CHECK_MESSAGE(dir.path().filename() == "README.md", "not a rule folder: " << dir.path().string());
        continue;
      }
      ++folders;
      for (const auto& failure : test::check_rule_folder(dir.path())) FAIL_CHECK(failure);
    }
    CHECK(folders > 40);
  }
}

namespace {

// A scratch testdata/rules/<rule>/ folder for the harness's own tests.
struct ScratchFolder {
  fs::path root;
  fs::path dir;
  explicit ScratchFolder(const std::string& rule)
      : root(fs::temp_directory_path() / ("ddlint-cases-" + std::to_string(::getpid()))), dir(root / rule) {
    fs::remove_all(root);
    fs::create_directories(dir);
  }
  ~ScratchFolder() { fs::remove_all(root); }
  fs::path add(const std::string& name, const std::string& text) const {
    test::write(dir / name, text);
    return dir / name;
  }
  std::string path(const std::string& name) const { return (dir / name).generic_string(); }
};

// Failures one per line, so that doctest prints them when a check fails.
std::string joined(const std::vector<std::string>& failures) {
  std::string out;
  for (const auto& f : failures) out += f + "\n";
  return out;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("the harness fails a case that is wrong, naming its file and line") {
    SUBCASE("a MySQL case for a rule whose page does not list mysql") {
      // prefer-identity is about PostgreSQL's serial types: PostgreSQL only.
      ScratchFolder f("prefer-identity");
      const auto file = f.add("serial.mysql.sql",
                              "CREATE TABLE t (id INT AUTO_INCREMENT); -- expect: prefer-identity@20\n");
      const auto r = test::run_rule_case(file, "prefer-identity");
      CHECK(joined(r.failures) ==
            f.path("serial.mysql.sql") +
                ":1: rule prefer-identity does not support mysql (rules.d/prefer-identity.md: dialects = "
                "[\"postgres\"])" +
                "\n");
    }
    SUBCASE("a near miss that does not parse") {
      ScratchFolder f("drop-column");
      const auto file = f.add("near-miss.pg.sql", "-- Clean.\nALTER TABLE t ADD COLUMN c int NOT NUL;\n");
      const auto r = test::run_rule_case(file, "drop-column");
      CHECK_FALSE(r.fires);
      CHECK(joined(r.failures) ==
            f.path("near-miss.pg.sql") +
                ":2:36: does not parse: syntax error at or near \"NUL\" (a case about a syntax error "
                "sets rules=syntax-error and expects it)" +
                "\n");
    }
    SUBCASE("an expectation with the wrong column") {
      ScratchFolder f("drop-column");
      const auto file = f.add("drop.pg.sql", "ALTER TABLE t DROP COLUMN c; -- expect: drop-column@1\n");
      const auto r = test::run_rule_case(file, "drop-column");
      CHECK(joined(r.failures) ==
            f.path("drop.pg.sql") +
                ":1: drop-column starts at column 15, expected @1: dropping column `c` of `t` destroys its "
                "data for good, and code already deployed that reads or writes it breaks\n");
    }
    SUBCASE("a fix golden with the wrong text, and a fix without a golden") {
      ScratchFolder f("drop-index-non-concurrently");
      const std::string sql = "DROP INDEX users_email_idx; -- expect: drop-index-non-concurrently@12\n";
      const auto file = f.add("drop.pg.sql", sql);
      auto r = test::run_rule_case(file, "drop-index-non-concurrently");
      CHECK(joined(r.failures) == f.path("drop.pg.sql") + ":1: 1 fix(es) apply but there is no " +
                                      f.path("drop.pg.fixed.sql") +
                                      " (write it with DDLINT_UPDATE_GOLDENS=1 and review it)\n");
      f.add("drop.pg.fixed.sql",
            "DROP INDEX users_email_idx CONCURRENTLY; -- expect: drop-index-non-concurrently@12\n");
      r = test::run_rule_case(file, "drop-index-non-concurrently");
      CHECK(joined(r.failures) ==
            f.path("drop.pg.fixed.sql") + ": the fixed text differs from the golden:\n" + "--- " +
                f.path("drop.pg.fixed.sql") + "\n+++ " + f.path("drop.pg.sql") +
                " with fixes applied\n"
                "@@ -1,1 +1,1 @@\n"
                "-DROP INDEX users_email_idx CONCURRENTLY; -- expect: drop-index-non-concurrently@12\n"
                "+DROP INDEX CONCURRENTLY users_email_idx; -- expect: drop-index-non-concurrently@12\n"
                "\n");
      f.add("drop.pg.fixed.sql",
            "DROP INDEX CONCURRENTLY users_email_idx; -- expect: drop-index-non-concurrently@12\n");
      r = test::run_rule_case(file, "drop-index-non-concurrently");
      CHECK(joined(r.failures).empty());
      CHECK(r.fires);
    }
    SUBCASE("a target version of the other dialect, a dialect key, a bad mysql_version") {
      ScratchFolder f("drop-column");
      const auto pg = f.add("a.pg.sql",
                            "-- ddlint-test: mysql_version=5.7 dialect=mysql\n"
                            "ALTER TABLE t DROP COLUMN c; -- expect: drop-column@15\n");
      CHECK(joined(test::run_rule_case(pg, "drop-column").failures) ==
            f.path("a.pg.sql") + ":1: ddlint-test: dialect is set by the file name (.pg.sql, .mysql.sql)\n" +
                f.path("a.pg.sql") + ":1: ddlint-test: mysql_version in a .pg.sql case\n");
      const auto my = f.add("b.mysql.sql",
                            "-- ddlint-test: mysql_version=mysql-4.1\n-- ddlint-test: pg_version=11\n"
                            "ALTER TABLE t DROP COLUMN c; -- expect: drop-column@15\n");
      // (then whatever the rule says of the case itself)
      CHECK(joined(test::run_rule_case(my, "drop-column").failures)
                .starts_with(
                    f.path("b.mysql.sql") +
                    ":1: ddlint-test: unknown or invalid ddlint-test option mysql_version=mysql-4.1\n" +
                    f.path("b.mysql.sql") + ":2: ddlint-test: pg_version in a .mysql.sql case\n"));
    }
    SUBCASE("a typo in one case's header or expectation fails that case, with its line") {
      ScratchFolder f("drop-column");
      f.add("a.pg.sql", "ALTER TABLE t DROP COLUMN c; -- expect: drop-column@15\n");
      f.add("b.pg.sql",
            "-- ddlint-test: pg_verison=11 runner=gose assume_in_transaction=yes\n"
            "-- ddlint-test: pg_version=eleven fixes=all drop-column.nope=1 rules=no-such-rule\n"
            "ALTER TABLE t DROP COLUMN c; -- expect: drop-column\n"
            "ALTER TABLE t DROP COLUMN d; -- expect: drop-colum@15, drop-column@x, drop-column@15 "
            "\"unterminated\n"
            "ALTER TABLE t DROP COLUMN e; -- expect: drop-column@15 trailing\n");
      f.add("c.pg.sql", "-- Clean.\nALTER TABLE t ADD COLUMN c int;\n");
      f.add("notes.txt", "not a case\n");
      f.add("orphan.pg.fixed.sql", "SELECT 1;\n");
      const auto failures = test::check_rule_folder(f.dir);
      const std::string b = f.path("b.pg.sql");
      CHECK(joined(failures) ==
            b + ":1: ddlint-test: unknown or invalid ddlint-test option pg_verison=11\n" + b +
                ":1: ddlint-test: unknown or invalid ddlint-test option runner=gose\n" + b +
                ":1: ddlint-test: unknown or invalid ddlint-test option assume_in_transaction=yes\n" + b +
                ":2: ddlint-test: unknown or invalid ddlint-test option pg_version=eleven\n" + b +
                ":2: ddlint-test: fixes=all: expected fixes=safe or fixes=unsafe\n" + b +
                ":2: ddlint-test: unknown or invalid ddlint-test option drop-column.nope=1\n" + b +
                ":2: ddlint-test: unknown or invalid ddlint-test option rules=no-such-rule\n" + b +
                ":3: expectation `drop-column` needs a column: rule-id@column\n" + b +
                ":4: expectation with an unterminated \"fragment\"\n" + b +
                ":5: expectation `drop-column@15 trailing`: after the column only a \"message fragment\" may "
                "follow\n" +
                b +
                ":3:15: unexpected drop-column: dropping column `c` of `t` destroys its data for good, and "
                "code already deployed that reads or writes it breaks\n" +
                b +
                ":4:15: unexpected drop-column: dropping column `d` of `t` destroys its data for good, and "
                "code already deployed that reads or writes it breaks\n" +
                b +
                ":5:15: unexpected drop-column: dropping column `e` of `t` destroys its data for good, and "
                "code already deployed that reads or writes it breaks\n" +
                f.path("notes.txt") +
                ": not a case file (a case folder holds <name>.pg.sql, <name>.mysql.sql and their "
                "<name>.pg.fixed.sql / <name>.mysql.fixed.sql fix goldens)\n" +
                f.path("orphan.pg.fixed.sql") + ": fix golden without its case orphan.pg.sql\n");
    }
  }

  TEST_CASE("MySQL findings that rest on an unknown column definition are marked conditional") {
    analysis::Settings settings;
    settings.dialect = Dialect::MySql;
    const std::string sql =
        "ALTER TABLE orders MODIFY total BIGINT NOT NULL;\n"
        "ALTER TABLE orders DROP PRIMARY KEY;\n"
        "ALTER TABLE orders MODIFY amount BIGINT NOT NULL, ALGORITHM=INPLACE;\n"
        "ALTER TABLE orders DROP PRIMARY KEY, ALGORITHM=INPLACE;\n";
    const auto r =
        test::lint("t.mysql.sql", sql, {"alter-requires-table-copy", "online-ddl-unsupported"}, settings);
    std::string got;
    for (const auto& d : r.diagnostics)
      got += d.rule + " " + std::to_string(r.source->lines().position(d.range.begin).line) +
             (d.conditional ? " conditional" : "") + "\n";
    CHECK(got ==
          "alter-requires-table-copy 1 conditional\nalter-requires-table-copy 2\n"
          "online-ddl-unsupported 3 conditional\nonline-ddl-unsupported 4\n");
  }

  TEST_CASE(
      "builtin_spelling: a dot before any ( or [ names a schema, which only pg_catalog keeps built in") {
    CHECK(rules::builtin_spelling(""));
    CHECK(rules::builtin_spelling("text"));
    CHECK(rules::builtin_spelling("varchar(20)"));
    CHECK(rules::builtin_spelling("int[]"));
    CHECK(rules::builtin_spelling("numeric(10.5)"));
    CHECK(rules::builtin_spelling("varchar[2].x"));
    CHECK(rules::builtin_spelling("pg_catalog.int4"));
    CHECK(rules::builtin_spelling("PG_Catalog.varchar(20)"));
    CHECK_FALSE(rules::builtin_spelling("myschema.json"));
    CHECK_FALSE(rules::builtin_spelling("a.b[1]"));
    CHECK_FALSE(rules::builtin_spelling("x.varchar(20)"));
    CHECK_FALSE(rules::builtin_spelling("pg_cat.x"));
    CHECK_FALSE(rules::builtin_spelling("\"my.type\""));
    CHECK_FALSE(rules::builtin_spelling("."));
  }

  TEST_CASE("quoted and relation_name: a name in backquotes, schema-qualified when it has a schema") {
    const ir::QualifiedName plain{"", "users", {}};
    const ir::QualifiedName qualified{"app", "orders_created_at_index_long_name", {}};
    CHECK(rules::quoted(std::string("email")) == "`email`");
    CHECK(rules::quoted(std::string()) == "``");
    CHECK(rules::quoted(plain) == "`users`");
    CHECK(rules::quoted(qualified) == "`app.orders_created_at_index_long_name`");
    CHECK(rules::quoted(qualified) == "`" + qualified.display() + "`");
    CHECK(rules::relation_name(ir::ObjectKind::Table, plain) == "`users`");
    CHECK(rules::relation_name(ir::ObjectKind::Index, qualified) ==
          "the table of index `app.orders_created_at_index_long_name`");
    CHECK(rules::relation_name(ir::ObjectKind::View, plain) == "view `users`");
    CHECK(rules::relation_name(ir::ObjectKind::MaterializedView, qualified) ==
          "materialized view `app.orders_created_at_index_long_name`");
    CHECK(rules::quoted_after("column ", "", "id") == "column `id`");
  }

  TEST_CASE(
      "column_is: a convention rule's message starts with the column, its table and its type as written") {
    const ir::QualifiedName table{"app", "users", {}};
    const std::string column = "name";
    const ir::TypeName type;
    const rules::ColumnType c{table, column, type, nullptr};
    // Comments dropped (type_text blanks them), runs of white space as one space.
    const std::string text = "VarChar (20)\t/* note */ []";
    const std::string blanked = "varchar (20)\t           []";
    REQUIRE(blanked.size() == text.size());
    CHECK(rules::column_is(c, text, blanked, 0) == "column `name` of `app.users` is `VarChar (20) []`");
    const ir::QualifiedName plain{"", "t", {}};
    const rules::ColumnType p{plain, column, type, nullptr};
    std::string m = rules::column_is(p, "int", "int", 5);
    CHECK(m == "column `name` of `t` is `int`");
    CHECK(m.capacity() >= m.size() + 5);
    std::string out = "was ";
    rules::append_written_type(out, "timestamp\n  (3)", "timestamp\n  (3)");
    CHECK(out == "was `timestamp (3)`");
  }

  TEST_CASE("missing-lock-timeout: each file reads its own maximum and dialect, one file after another") {
    // The wording of a file's findings is kept from the file before while
    // the dialect and max_lock_timeout stay the same, and redone when either changes.
    const std::string sql = "ALTER TABLE users ADD COLUMN nickname text;\n";
    analysis::Settings mysql;
    mysql.dialect = Dialect::MySql;
    engine::RuleOptions ten;
    ten["missing-lock-timeout"]["max_lock_timeout"] = "10s";
    engine::RuleOptions half;
    half["missing-lock-timeout"]["max_lock_timeout"] = "500ms";
    struct Run {
      const analysis::Settings* settings;
      const engine::RuleOptions* options;
      std::string set;  // what the fix inserts; empty: no fix
      std::string title;
    };
    const analysis::Settings pg;
    const engine::RuleOptions none;
    const std::vector<Run> runs = {
        {&pg, &none, "SET lock_timeout = '5s';\n", "Set lock_timeout to 5s before this statement"},
        {&pg, &none, "SET lock_timeout = '5s';\n", "Set lock_timeout to 5s before this statement"},
        {&pg, &ten, "SET lock_timeout = '10s';\n", "Set lock_timeout to 10s before this statement"},
        {&mysql, &ten, "SET SESSION lock_wait_timeout = 10;\n",
         "Set lock_wait_timeout to 10s before this statement"},
        {&mysql, &half, "", ""},
        {&pg, &half, "SET lock_timeout = '500ms';\n", "Set lock_timeout to 500ms before this statement"},
        {&pg, &none, "SET lock_timeout = '5s';\n", "Set lock_timeout to 5s before this statement"},
    };
    for (const auto& run : runs) {
      const bool my = run.settings->dialect == Dialect::MySql;
      const auto r = test::lint(my ? "t.mysql.sql" : "t.sql", sql, {"missing-lock-timeout"}, *run.settings,
                                *run.options);
      REQUIRE(r.diagnostics.size() == 1);
      const auto& d = r.diagnostics[0];
      const std::string setting = my ? "lock_wait_timeout" : "lock_timeout";
      CHECK(d.message == (my ? "waits for the exclusive metadata lock on `users` with no " + setting +
                                   " set: while a long-running transaction holds the table, this statement "
                                   "waits and all later reads and writes on `users` queue behind it, for as "
                                   "long as it waits"
                             : "waits for ACCESS EXCLUSIVE on `users` with no " + setting +
                                   " set: while a long-running transaction holds the table, this statement "
                                   "waits and all later reads and writes on `users` queue behind it, for as "
                                   "long as it waits"));
      const std::string shown =
          run.set.empty() ? "SET SESSION lock_wait_timeout = 1;" : run.set.substr(0, run.set.size() - 1);
      CHECK(d.help ==
            (my ? "Put `" + shown +
                      "` before this statement and retry the migration when it times out (error 1205); "
                      "every ALTER takes an exclusive metadata lock at its start and end, even with "
                      "ALGORITHM=INSTANT or LOCK=NONE."
                : "Put `" + shown +
                      "` before this statement (`SET LOCAL` inside a transaction) and retry the "
                      "migration when it times out."));
      if (run.set.empty()) {
        CHECK(!d.fix);
        continue;
      }
      REQUIRE(d.fix);
      CHECK(d.fix->title == run.title);
      REQUIRE(d.fix->edits.size() == 1);
      CHECK(d.fix->edits[0].replacement == run.set);
    }
  }

  TEST_CASE("unified_diff: hunks with three lines of context, a missing final newline marked") {
    CHECK(test::unified_diff("a\n", "a\n", "x", "y").empty());
    const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16";
    CHECK(test::unified_diff(before, after, "golden", "actual") ==
          "--- golden\n+++ actual\n"
          "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
          "@@ -13,3 +13,4 @@\n 13\n 14\n 15\n+16\n\\ No newline at end of file\n");
    CHECK(test::unified_diff("", "x\n", "a", "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n");
  }
}
