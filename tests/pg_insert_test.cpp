// INSERTs of constant rows are read from their tokens (the PostgreSQL
// front-end's Lowerer::simple_insert) instead of being parsed: the file must
// give the same statements, ranges and errors as when every statement is
// parsed (DDLINT_PG_NO_SIMPLE_INSERTS=1).
#include <doctest/doctest.h>
#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): setenv, unsetenv

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/source.h"
#include "ir/dump.h"
#include "parser/parser.h"
#include "parser/postgres/pg_lower.h"
#include "parser/postgres/pg_scan.h"
#include "parser/postgres/psql_input.h"

namespace {

// The statements and errors of `text`, with the fast path or without it.
std::string parsed(const std::string& text, bool fast) {
  if (fast)
    ::unsetenv("DDLINT_PG_NO_SIMPLE_INSERTS");
  else
    ::setenv("DDLINT_PG_NO_SIMPLE_INSERTS", "1", 1);
  const ddlint::SourceFile source("t.sql", text, ddlint::Dialect::Postgres);
  const auto file = ddlint::parser::parse(source);
  ::unsetenv("DDLINT_PG_NO_SIMPLE_INSERTS");
  std::string out = ddlint::ir::dump(file.statements, source.text());
  for (const auto& e : file.errors)
    out += "error [" + std::to_string(e.range.begin) + "," + std::to_string(e.range.end) + ") in [" +
           std::to_string(e.statement.begin) + "," + std::to_string(e.statement.end) + "): " + e.message +
           " newer " + std::to_string(e.newer_version) + "\n";
  return out;
}

// Whether the fast path reads the first statement of `text` (never when
// the native scanner declines the text).
bool read_from_tokens(const std::string& text) {
  const auto input = ddlint::parser::pg::prepare_psql_input(text);
  std::vector<ddlint::parser::pg::Token> tokens;
  if (!ddlint::parser::pg::scan_native(input.text, tokens)) return false;
  REQUIRE_FALSE(input.statements.empty());
  const ddlint::parser::pg::Lowerer lowerer(input.text, tokens);
  return lowerer.simple_insert(input.statements.front()).has_value();
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every .sql file under `dir` gives the same statements both ways; the
// number of files compared.
size_t compare_tree(const std::filesystem::path& dir) {
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
    const std::string text = file_text(e.path());
    if (text.find("INSERT") == std::string::npos && text.find("insert") == std::string::npos) continue;
    CAPTURE(e.path().string());
    CHECK(parsed(text, true) == parsed(text, false));
    ++files;
  }
  return files;
}

}  // namespace

TEST_SUITE("pg-lexer") {
  TEST_CASE("INSERTs of constant rows read from their tokens give the parser's statements") {
    const std::string long_name(64, 'n');  // PostgreSQL truncates it to 63 bytes
    struct Case {
      std::string sql;
      bool from_tokens;
    };
    const std::vector<Case> cases = {
        {"INSERT INTO t VALUES (1);", true},
        {"insert into Public.Users (Id, \"Name\", email) values (1, 'a''b', NULL), (-2, 'x', DEFAULT), "
         "(3.5e2, '', TRUE), (-0.5, 'é', false);",
         true},
        {"INSERT INTO \"My Table\" (\"select\") VALUES (FALSE);", true},
        // Unreserved and column-name keywords are names here.
        {"INSERT INTO name (type, position, value, \"user\") VALUES ('a', 'b', 1, 2);", true},
        {"INSERT INTO t VALUES ('a'\n'b');", true},  // one string, continued on the next line
        {"INSERT INTO t VALUES (1), (1, 2)",
         true},  // rows of different lengths: an analysis error, not a syntax error
        {"INSERT INTO s . t VALUES (1);", true},
        // Names of every identifier byte class, folded to lower case byte by byte (UTF-8 kept).
        {"INSERT INTO Sch_9.Tab$1 (COL_2, _x, \"MiXed\", \xc3\x9cn\xc3\xaf, aZ$9_) VALUES (1, 2, 3, 4, 5);",
         true},
        {"INSERT INTO t (1a) VALUES (1);", false},
        {"INSERT INTO t (a-b) VALUES (1);", false},
        {"INSERT INTO T\xc3\xa9 VALUES (f\xc3\xa9(1), N$o$w());", true},
        {"INSERT INTO " + std::string(63, 'n') + " VALUES (1);", true},
        {"INSERT INTO t VALUES (nextval('s'), now(), f(1, -2, 'x', NULL, g()), version (), f(f(f(f(1)))));",
         true},
        // Functions: keywords with grammars of their own, special arguments.
        {"INSERT INTO t VALUES (coalesce(1, 2));", false},
        {"INSERT INTO t VALUES (extract(epoch from now()));", false},
        {"INSERT INTO t VALUES (current_timestamp);", true},
        {"INSERT INTO t VALUES (f(DEFAULT));", false},
        {"INSERT INTO t VALUES (count(*));", false},
        {"INSERT INTO t VALUES (f(DISTINCT 1));", false},
        {"INSERT INTO t VALUES (f(a => 1));", false},
        {"INSERT INTO t VALUES (f(1,));", false},
        {"INSERT INTO t VALUES (f(1)(2));", false},
        {"INSERT INTO t VALUES (s.f(1));", false},
        {"INSERT INTO t VALUES (\"f\"(1));", false},
        {"INSERT INTO t VALUES (f(f(f(f(f(1))))));", false},
        {"INSERT INTO t VALUES (values(1));", false},
        // Left to the parser.
        {"INSERT INTO t VALUES (now());", true},
        {"INSERT INTO t VALUES ('a'::text);", false},
        // Escape strings whose escapes stand for ASCII, national strings.
        {"INSERT INTO t VALUES (E'a\\nb', e'\\\\', E'it\\'s', E'\\q', E'a''b', E'x'\n'y');", true},
        {"INSERT INTO t VALUES (N'a', n'b''c', N'x'\n'y', N'');", true},
        {"INSERT INTO t VALUES (E'\\101');", false},
        {"INSERT INTO t VALUES (E'\\377');", false},
        {"INSERT INTO t VALUES (E'\\x41');", false},
        {"INSERT INTO t VALUES (E'\\u00e9');", false},
        {"INSERT INTO t VALUES (E'\\U000000e9');", false},
        {"INSERT INTO t VALUES (E'\\\xc3\xa9');", false},
        {"INSERT INTO t VALUES (N 'a');", false},
        {"INSERT INTO t VALUES (NN'a');", false},
        {"INSERT INTO t VALUES (N);", false},
        {"INSERT INTO t VALUES (N'a'::text);", false},
        {"INSERT INTO t VALUES (B'101');", false},
        {"INSERT INTO t VALUES ($$a$$, $x$it's $$ here$x$, f($$b$$));", true},
        {"INSERT INTO t VALUES (current_timestamp, current_date, current_time, localtimestamp, localtime, "
         "current_user, session_user, current_role, current_catalog, CURRENT_SCHEMA, f(Current_Date));",
         true},
        {"INSERT INTO t VALUES (current_timestamp(3));", false},
        {"INSERT INTO t VALUES (current_date());", false},
        {"INSERT INTO t VALUES (current_schema());", false},
        {"INSERT INTO t VALUES (user);", false},
        {"INSERT INTO t VALUES (\"current_date\");", false},
        {"INSERT INTO t VALUES ($1);", false},
        {"INSERT INTO t VALUES (+1);", false},
        {"INSERT INTO t VALUES (- 'a');", false},
        {"INSERT INTO t SELECT 1;", false},
        {"INSERT INTO t DEFAULT VALUES;", false},
        {"INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;", false},
        {"INSERT INTO t VALUES (1) RETURNING id;", false},
        {"INSERT INTO t AS x VALUES (1);", false},
        {"WITH x AS (SELECT 1) INSERT INTO t VALUES (1);", false},
        {"INSERT INTO a.b.c VALUES (1);", false},
        {"INSERT INTO t (a.b) VALUES (1);", false},
        {"INSERT INTO t (a[1]) VALUES (1);", false},
        {"INSERT INTO " + long_name + " VALUES (1);", false},
        {"INSERT INTO t (\"" + long_name + "\") VALUES (1);", false},
        {"INSERT INTO \"a\"\"b\" VALUES (1);", false},
        {"INSERT INTO U&\"t\" VALUES (1);", false},
        // Syntax errors: reserved keywords as names, broken lists.
        {"INSERT INTO user VALUES (1);", false},
        {"INSERT INTO t (select) VALUES (1);", false},
        {"INSERT INTO t VALUES (1 2);", false},
        {"INSERT INTO t VALUES (1,);", false},
        {"INSERT INTO t VALUES (1),;", false},
        {"INSERT INTO t VALUES ();", false},
        {"INSERT INTO t VALUES 1;", false},
        {"INSERT INTO t VALUES (1abc);", false},
        {"INSERT t VALUES (1);", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.sql);
      CHECK(read_from_tokens(c.sql) == c.from_tokens);
      // The statement alone, between others, repeated, in a transaction,
      // after a statement without `;` (one syntax error either way), and
      // inside a function body of BEGIN ATOMIC (not a statement of its own).
      for (const std::string& file :
           {c.sql, "CREATE TABLE t (id int);\n" + c.sql + "\nSELECT 1;\n", c.sql + "\n" + c.sql + "\n",
            "BEGIN;\n-- seed\n" + c.sql + "\nCOMMIT;", "SELECT 1\n" + c.sql + "\nSELECT 2;",
            "CREATE FUNCTION f() RETURNS void LANGUAGE sql BEGIN ATOMIC\n" + c.sql + "\nEND;\nSELECT 3;",
            // Split before it by a psql meta-command or a script runner's
            // separator line, not by `;`.
            "SELECT 1\n\\g\n" + c.sql, "CREATE TABLE t (id int)\nGO\n" + c.sql + "\nGO\nSELECT 2;"}) {
        CAPTURE(file);
        CHECK(parsed(file, true) == parsed(file, false));
      }
    }
  }

  // An INSERT whose tokens from the table name to VALUES spell those of the
  // INSERT read before it takes that one's names; any other is read anew.
  TEST_CASE("an INSERT after one read from tokens: its names read as they are spelt") {
    struct Case {
      std::string first;
      std::string second;
      bool second_from_tokens;
    };
    const std::vector<Case> cases = {
        {"INSERT INTO t VALUES (1);", "INSERT INTO t VALUES (2), (3);", true},
        {"INSERT INTO t VALUES (1);", "INSERT INTO t (a) VALUES (2);", true},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t VALUES (2);", true},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t (a, b) VALUES (2, 3);", true},
        {"INSERT INTO t (a, b) VALUES (1, 2);", "INSERT INTO t (a) VALUES (2);", true},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t (a, select) VALUES (2, 3);", false},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t (a) SELECT 2;", false},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t (a) VALUES;", false},
        {"INSERT INTO s.t (a) VALUES (1);", "INSERT INTO s.t (a) VALUES (2);", true},
        {"INSERT INTO s.t (a) VALUES (1);", "INSERT INTO s . t (a) VALUES (2);", true},
        {"INSERT INTO s.t (a) VALUES (1);", "INSERT INTO s.u (a) VALUES (2);", true},
        {"INSERT INTO T (A) VALUES (1);", "insert into t (a) values (2);", true},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO \"t\" (a) VALUES (2);", true},
        {"INSERT INTO t (a) VALUES (1);", "INSERT INTO t (a)", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first);
      CAPTURE(c.second);
      const std::string file = c.first + "\n" + c.second;
      const auto input = ddlint::parser::pg::prepare_psql_input(file);
      std::vector<ddlint::parser::pg::Token> tokens;
      REQUIRE(ddlint::parser::pg::scan_native(input.text, tokens));
      REQUIRE(input.statements.size() == 2);
      const ddlint::parser::pg::Lowerer lowerer(input.text, tokens);
      const auto first = lowerer.simple_insert(input.statements[0]);
      REQUIRE(first.has_value());
      const auto second = lowerer.simple_insert(input.statements[1]);
      CHECK(second.has_value() == c.second_from_tokens);
      if (second) {
        // The table and range of the second as read alone.
        const ddlint::parser::pg::Lowerer alone(input.text, tokens);
        const auto expected = alone.simple_insert(input.statements[1]);
        REQUIRE(expected.has_value());
        CHECK(ddlint::ir::dump({*second}, file) == ddlint::ir::dump({*expected}, file));
      }
      CHECK(parsed(file, true) == parsed(file, false));
    }
  }

  TEST_CASE(
      "every example and test case file gives the same statements without reading INSERTs from tokens") {
    const std::filesystem::path root(DDLINT_SOURCE_DIR);
    size_t files = 0;
    for (const char* dir : {"examples", "testdata"}) files += compare_tree(root / dir);
    MESSAGE(files << " files with INSERT compared");
    CHECK(files > 10);
  }

  TEST_CASE(
      "every file of the PostgreSQL corpus gives the same statements without reading INSERTs from tokens") {
    const std::filesystem::path corpus =
        std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "postgres";
    if (!std::filesystem::is_directory(corpus)) {
      MESSAGE("skipped: " << corpus.string() << " is absent");
      return;
    }
    const size_t files = compare_tree(corpus);
    MESSAGE(files << " files with INSERT compared");
    CHECK(files > 400);
  }
}
