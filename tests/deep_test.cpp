// Deeply nested statements: valid SQL well inside the limit parses, a
// statement beyond it is reported once with its own message at the token
// where the limit is crossed, and nothing else in the file is lost. Both
// dialects, through the parser switch, the CLI and the language server.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "lsp/server.h"
#include "parser/depth.h"
#include "parser/parser.h"
#include "support/harness.h"

using namespace ddlint;

namespace {

std::string chain(size_t terms) {
  std::string s = "1";
  s.reserve(terms * 2);
  for (size_t i = 1; i < terms; ++i) s += "+1";
  return s;
}

std::string parens(size_t depth) { return std::string(depth, '(') + "1" + std::string(depth, ')'); }

struct Parsed {
  ir::ParsedFile file;
  std::shared_ptr<const SourceFile> source;
};

Parsed parse(const std::string& sql, Dialect dialect) {
  auto source = std::make_shared<const SourceFile>("deep.sql", sql, dialect);
  return {parser::parse(*source), source};
}

// `sql` + a statement after it: the deep one gives exactly one error at
// `column` (1-based, line 1) with the depth message, the next one parses.
void check_too_deep(const std::string& sql, Dialect dialect, uint32_t column) {
  const auto p = parse(sql + ";\nDROP TABLE users;\n", dialect);
  REQUIRE(p.file.errors.size() == 1);
  const auto& e = p.file.errors[0];
  CHECK(e.message == parser::too_deep_message());
  const auto pos = p.source->lines().position(e.range.begin);
  CHECK(pos.line == 1);
  CHECK(pos.column == column);
  CHECK(e.statement.begin == 0);
  REQUIRE(p.file.statements.size() == 1);
  CHECK(p.file.statements[0].kind() == ir::StmtKind::Drop);
  CHECK(p.source->lines().position(p.file.statements[0].range.begin).line == 2);
}

void check_parses(const std::string& sql, Dialect dialect, ir::StmtKind kind) {
  const auto p = parse(sql + ";\nDROP TABLE users;\n", dialect);
  CHECK(p.file.errors.empty());
  REQUIRE(p.file.statements.size() == 2);
  CHECK(p.file.statements[0].kind() == kind);
  CHECK(p.file.statements[1].kind() == ir::StmtKind::Drop);
}

}  // namespace

TEST_SUITE("deep") {
  TEST_CASE("PostgreSQL: 600 and 9,000 chained terms parse; 70,000 and 1,000,000 are reported once") {
    check_parses("SELECT " + chain(600), Dialect::Postgres, ir::StmtKind::Opaque);
    check_parses("UPDATE t SET a = " + chain(9000) + " WHERE id = " + chain(9000), Dialect::Postgres,
                 ir::StmtKind::Update);
    check_parses("ALTER TABLE t ADD CONSTRAINT c CHECK (a > " + chain(9000) + ")", Dialect::Postgres,
                 ir::StmtKind::AlterTable);
    // "SELECT " is 7 bytes; the 10,001st `+` crosses the limit.
    check_too_deep("SELECT " + chain(70000), Dialect::Postgres, 7 + 2 * 10001);
    check_too_deep("SELECT " + chain(1000000), Dialect::Postgres, 7 + 2 * 10001);
  }

  TEST_CASE("PostgreSQL: statements between ';' of fewer tokens than the limit pass it however many") {
    std::string sql;
    for (int i = 0; i < 5; ++i) sql += "SELECT " + chain(2000) + ";\n";
    const auto p = parse(sql, Dialect::Postgres);
    CHECK(p.file.errors.empty());
    CHECK(p.file.statements.size() == 5);
    // A deep statement after many short ones is reported at its own token.
    std::string before;
    for (int i = 0; i < 2000; ++i) before += "SELECT 1;";  // 9 bytes each
    const auto q = parse(before + "SELECT " + chain(70000) + ";\nDROP TABLE users;\n", Dialect::Postgres);
    REQUIRE(q.file.errors.size() == 1);
    CHECK(q.file.errors[0].message == parser::too_deep_message());
    CHECK(q.source->lines().position(q.file.errors[0].range.begin).column == 2000 * 9 + 7 + 2 * 10001);
    CHECK(q.file.statements.size() == 2001);
  }

  TEST_CASE("PostgreSQL: 5,000 nested parentheses parse; 100,000 are reported once") {
    check_parses("SELECT " + parens(5000), Dialect::Postgres, ir::StmtKind::Opaque);
    check_parses("SELECT " + parens(9000), Dialect::Postgres, ir::StmtKind::Opaque);
    check_too_deep("SELECT " + parens(100000), Dialect::Postgres, 7 + 10001);
    // Near PostgreSQL's own grammar limit its "memory exhausted" is the same
    // depth finding, not a syntax error.
    const auto p = parse("SELECT " + parens(9999) + ";\n", Dialect::Postgres);
    REQUIRE(p.file.errors.size() == 1);
    CHECK(p.file.errors[0].message == parser::too_deep_message());
    CHECK(p.source->lines().position(p.file.errors[0].range.begin).column == 10004);
  }

  TEST_CASE("MySQL: long chains are flat; 5,000 parentheses parse; 100,000 are reported once") {
    check_parses("UPDATE t SET a = " + chain(600) + " WHERE id = 1", Dialect::MySql, ir::StmtKind::Update);
    check_parses("UPDATE t SET a = " + chain(70000) + " WHERE id = 1", Dialect::MySql, ir::StmtKind::Update);
    check_parses("UPDATE t SET a = " + chain(1000000) + " WHERE id = 1", Dialect::MySql,
                 ir::StmtKind::Update);
    check_parses("UPDATE t SET a = " + parens(5000) + " WHERE id = 1", Dialect::MySql, ir::StmtKind::Update);
    // "UPDATE t SET a = " is 17 bytes; the 10,001st `(` crosses the limit.
    check_too_deep("UPDATE t SET a = " + parens(100000) + " WHERE id = 1", Dialect::MySql, 17 + 10001);
  }

  TEST_CASE("ddlint check: a too-deep file costs one finding, the next file is still linted") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("ddlint-deep-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    test::write(dir / "001_deep.sql", "SELECT " + chain(70000) + ";\n");
    test::write(dir / "002_drop.sql", "DROP TABLE users;\n");
    std::string out;
    const int code = test::run_command("'" + std::string(DDLINT_BINARY) + "' check --format gcc --select " +
                                           "syntax-error,drop-table '" + (dir / "001_deep.sql").string() +
                                           "' '" + (dir / "002_drop.sql").string() + "'",
                                       out);
    CHECK(code == 1);
    CHECK(out == (dir / "001_deep.sql").string() + ":1:20009: error: " + parser::too_deep_message() +
                     " [syntax-error]\n" + (dir / "002_drop.sql").string() +
                     ":1:12: warning: dropping table `users` destroys its data for good, and code already "
                     "deployed that uses it breaks [drop-table]\n");
    fs::remove_all(dir);
  }

  TEST_CASE("language server: a too-deep document is published with one finding") {
    lsp::Server s("t");
    s.handle({{"jsonrpc", "2.0"},
              {"id", 1},
              {"method", "initialize"},
              {"params", {{"capabilities", lsp::Json::object()}}}});
    const auto r = s.handle({{"jsonrpc", "2.0"},
                             {"method", "textDocument/didOpen"},
                             {"params",
                              {{"textDocument",
                                {{"uri", "file:///nonexistent/deep.sql"},
                                 {"languageId", "sql"},
                                 {"version", 1},
                                 {"text", "SELECT " + chain(70000) + ";\n"}}}}}});
    REQUIRE(!r.empty());
    const auto& diags = r.back()["params"]["diagnostics"];
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["code"] == "syntax-error");
    CHECK(diags[0]["range"]["start"]["character"] == 20008);
  }
}
