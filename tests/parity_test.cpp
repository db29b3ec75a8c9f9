// Parity: the same change written in PostgreSQL and in MySQL lowers to the
// same dialect-neutral facts (testdata/parity/pairs.txt, src/ir/facts.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ir/facts.h"
#include "parser/parser.h"
#include "support/harness.h"

using namespace ddlint;

namespace {

struct Pair {
  size_t line = 0;  // of the block's first line
  std::string pg, mysql, expected;
};

std::vector<Pair> read_pairs(const std::string& text) {
  std::vector<Pair> out;
  std::istringstream in(text);
  std::string line;
  size_t n = 0;
  Pair cur;
  auto flush = [&] {
    if (!cur.pg.empty() || !cur.mysql.empty() || !cur.expected.empty()) out.push_back(cur);
    cur = Pair{};
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    if (cur.line == 0) cur.line = n;
    if (line.rfind("pg: ", 0) == 0) {
      REQUIRE_MESSAGE(cur.pg.empty(), "pairs.txt:" << n << ": a second pg: line in one block");
      cur.pg = line.substr(4);
    } else if (line.rfind("mysql: ", 0) == 0) {
      REQUIRE_MESSAGE(cur.mysql.empty(), "pairs.txt:" << n << ": a second mysql: line in one block");
      cur.mysql = line.substr(7);
    } else if (line.rfind("= ", 0) == 0) {
      cur.expected += line.substr(2) + "\n";
    } else {
      FAIL("pairs.txt:" << n << ": a line must start with `pg: `, `mysql: `, `= ` or `#`: " << line);
    }
  }
  flush();
  return out;
}

std::string facts_of(const std::string& sql, Dialect dialect, size_t line) {
  const SourceFile source("pair.sql", sql, dialect);
  const auto parsed = parser::parse(source);
  for (const auto& e : parsed.errors)
    FAIL_CHECK("pairs.txt:" << line << ": " << (dialect == Dialect::MySql ? "mysql" : "pg")
                            << " side does not parse: " << e.message);
  std::vector<ir::Fact> all;
  for (const auto& st : parsed.statements)
    for (auto& f : ir::facts(st)) {
      // MigrationFacts looks for these among the facts of ALTER TABLE and
      // RENAME statements only.
      if (f.kind == ir::FactKind::AddColumn || f.kind == ir::FactKind::RenameColumn ||
          f.kind == ir::FactKind::RenameTable)
        CHECK_MESSAGE((st.as<ir::AlterTable>() != nullptr || st.as<ir::Rename>() != nullptr),
                      "pairs.txt:" << line << ": " << ir::to_string(f.kind) << " from another statement");
      all.push_back(std::move(f));
    }
  return ir::dump_facts(all, source.text());
}

}  // namespace

TEST_SUITE("parity") {
  TEST_CASE("the same change in PostgreSQL and MySQL gives the same facts") {
    const auto pairs = read_pairs(test::read(test::source_dir() / "testdata" / "parity" / "pairs.txt"));
    REQUIRE(pairs.size() >= 30);
    for (const auto& p : pairs) {
      CAPTURE(p.line);
      REQUIRE_MESSAGE(!p.pg.empty(), "pairs.txt:" << p.line << ": no pg: line");
      REQUIRE_MESSAGE(!p.mysql.empty(), "pairs.txt:" << p.line << ": no mysql: line");
      REQUIRE_MESSAGE(!p.expected.empty(), "pairs.txt:" << p.line << ": no expected facts (= lines)");
      CHECK(facts_of(p.pg, Dialect::Postgres, p.line) == p.expected);
      CHECK(facts_of(p.mysql, Dialect::MySql, p.line) == p.expected);
    }
  }

  TEST_CASE("types are compared by kind and size, never by spelling") {
    auto kind_of = [](const std::string& sql, Dialect d) {
      const SourceFile source("t.sql", sql, d);
      const auto parsed = parser::parse(source);
      REQUIRE(parsed.errors.empty());
      REQUIRE(parsed.statements.size() == 1);
      const auto f = ir::facts(parsed.statements[0]);
      REQUIRE(f.size() == 1);
      REQUIRE(f[0].type);
      return *f[0].type;
    };
    for (const char* spelling : {"int4", "integer", "int"}) {
      const auto t = kind_of(std::string("ALTER TABLE t ADD COLUMN c ") + spelling + ";", Dialect::Postgres);
      CHECK(t.kind == ir::TypeKind::Integer);
      CHECK(t.spelling != "");
    }
    for (const char* spelling : {"INT", "int(11)", "INTEGER"}) {
      const auto t = kind_of(std::string("ALTER TABLE t ADD COLUMN c ") + spelling + ";", Dialect::MySql);
      CHECK(t.kind == ir::TypeKind::Integer);
    }
    const auto u = kind_of("ALTER TABLE t ADD COLUMN c INT UNSIGNED;", Dialect::MySql);
    CHECK(u.kind == ir::TypeKind::Integer);
    CHECK(u.is_unsigned);
    const auto a = kind_of("ALTER TABLE t ADD COLUMN c int[];", Dialect::Postgres);
    CHECK(a.kind == ir::TypeKind::Integer);
    CHECK(a.array);
    // MySQL's BOOLEAN is TINYINT(1); any other TINYINT is a one-byte integer.
    CHECK(kind_of("ALTER TABLE t ADD COLUMN c TINYINT(4);", Dialect::MySql).kind == ir::TypeKind::TinyInt);
    CHECK(kind_of("ALTER TABLE t ADD COLUMN c BOOLEAN;", Dialect::MySql).kind == ir::TypeKind::Boolean);
  }

  TEST_CASE("type_kind is normalize's kind, for any case of every spelling and the special cases") {
    auto type = [](std::string name, std::vector<std::string> modifiers = {}, bool is_unsigned = false) {
      ir::TypeName t;
      t.name = std::move(name);
      t.modifiers = std::move(modifiers);
      t.is_unsigned = is_unsigned;
      return t;
    };
    const std::pair<ir::TypeName, ir::TypeKind> cases[] = {
        {type("int4"), ir::TypeKind::Integer},
        {type("INTEGER"), ir::TypeKind::Integer},
        {type("Character Varying", {"20"}), ir::TypeKind::Varchar},
        {type("character varying!"), ir::TypeKind::Other},  // one byte past the longest spelling
        {type("DOUBLE PRECISION"), ir::TypeKind::Double},
        {type("bpchar"), ir::TypeKind::Char},
        {type("character"), ir::TypeKind::Char},
        {type("char", {"10"}), ir::TypeKind::Char},
        {type("char"), ir::TypeKind::Other},  // PostgreSQL's one-byte "char"
        {type("CHAR"), ir::TypeKind::Other},
        {type("tinyint", {"1"}), ir::TypeKind::Boolean},
        {type("TINYINT", {"1"}, true), ir::TypeKind::TinyInt},
        {type("tinyint", {"4"}), ir::TypeKind::TinyInt},
        {type("serial"), ir::TypeKind::Serial},
        {type("timestamptz"), ir::TypeKind::TimestampTz},
        {type("myschema.json"), ir::TypeKind::Other},
        {type(""), ir::TypeKind::Other},
        {type("zzz"), ir::TypeKind::Other},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first.name);
      CHECK(ir::type_kind(c.first) == c.second);
      CHECK(ir::normalize(c.first).kind == c.second);
    }
    CHECK(ir::normalize(type("bpchar")).length == 1);
    CHECK(!ir::normalize(type("char")).length);
    CHECK(ir::normalize(type("varchar", {"20"})).length == 20);
  }

  TEST_CASE("drop_facts gives what facts gives of DropConstraint and DropIndex, in order") {
    // Every fact field down-migration-incomplete reads (name, table, order),
    // and the rest that identifies it.
    auto show = [](const std::vector<ir::Fact>& facts, bool drops_only) {
      std::string out;
      for (const auto& f : facts) {
        if (drops_only && f.kind != ir::FactKind::DropConstraint && f.kind != ir::FactKind::DropIndex)
          continue;
        out += std::string(ir::to_string(f.kind)) + " " + f.name + " on " + f.table_name.display() + " @" +
               std::to_string(f.table_name.range.begin) + " action " + std::to_string(f.action) + " range " +
               std::to_string(f.range.begin) + ".." + std::to_string(f.range.end) + "\n";
      }
      return out;
    };
    size_t drops = 0;
    auto compare = [&](const std::string& name, const std::string& sql, Dialect dialect) {
      const SourceFile source(name, sql, dialect);
      const auto parsed = parser::parse(source);
      for (const auto& st : parsed.statements) {
        const auto expected = show(ir::facts(st), true);
        INFO(name << ": " << source.slice(st.range));
        CHECK(show(ir::drop_facts(st), false) == expected);
        drops += static_cast<size_t>(std::count(expected.begin(), expected.end(), '\n'));
      }
    };
    compare("pg.sql",
            "ALTER TABLE t DROP CONSTRAINT c, ADD COLUMN x int, DROP CONSTRAINT IF EXISTS d;\n"
            "DROP INDEX a, s.b;\nDROP TABLE t;\nALTER INDEX i RENAME TO j;\n",
            Dialect::Postgres);
    compare("my.sql",
            "ALTER TABLE t DROP INDEX i, ADD COLUMN x int, DROP FOREIGN KEY f, DROP CHECK k;\n"
            "DROP INDEX i ON orders;\n",
            Dialect::MySql);
    CHECK(drops == 8);
    // And every statement of the parser goldens.
    for (const char* dir : {"postgres", "mysql"})
      for (const auto& e :
           std::filesystem::directory_iterator(test::source_dir() / "testdata" / "parser" / dir)) {
        if (e.path().extension() != ".sql") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        compare(e.path().string(), text.str(),
                std::string(dir) == "mysql" ? Dialect::MySql : Dialect::Postgres);
      }
    CHECK(drops > 8);
  }

  TEST_CASE("a MySQL index drop carries its table; a MODIFY's facts say they are restated") {
    const SourceFile source("t.sql", "DROP INDEX i ON orders;\nALTER TABLE t MODIFY c INT NOT NULL FIRST;\n",
                            Dialect::MySql);
    const auto parsed = parser::parse(source);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.statements.size() == 2);
    const auto drop = ir::facts(parsed.statements[0]);
    REQUIRE(drop.size() == 1);
    CHECK(drop[0].kind == ir::FactKind::DropIndex);
    CHECK(drop[0].table == "orders");
    const auto modify = ir::facts(parsed.statements[1]);
    REQUIRE(modify.size() == 4);
    CHECK(modify[0].kind == ir::FactKind::SetType);
    CHECK(modify[0].restated);
    CHECK(modify[1].kind == ir::FactKind::SetNotNull);
    CHECK(modify[2].kind == ir::FactKind::DropDefault);
    CHECK(modify[3].kind == ir::FactKind::SetPosition);
    CHECK(modify[3].position == "FIRST");
    // The type fact points at the type as written, for messages and fixes.
    CHECK(source.slice(modify[0].range) == "INT");
  }
}
