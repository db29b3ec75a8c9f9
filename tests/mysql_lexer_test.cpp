// The hand-written MySQL lexer gives exactly the generated lexer's tokens, and
// its keyword table (written at build time) is the one the generated lexer gives;
// the front-end's error strategy finds the first syntax error of a statement
// where ANTLR's default strategy does; the grammar's rule entries build the
// trees the runtime's build.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parser/mysql/mysql_lexer_check.h"

namespace {

using ddlint::parser::mysql::compare_first_errors;
using ddlint::parser::mysql::compare_keyword_table_with_probing;
using ddlint::parser::mysql::compare_with_generated_lexer;

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Calls f(path, text) for each *.sql file under the shared MySQL corpus;
// false (and a message) when the corpus is absent.
template <class F>
bool for_each_mysql_corpus_file(F&& f) {
  const std::filesystem::path corpus =
      std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "mysql";
  if (!std::filesystem::is_directory(corpus)) {
    MESSAGE("skipped: " << corpus.string() << " is absent");
    return false;
  }
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus))
    if (e.is_regular_file() && e.path().extension() == ".sql") f(e.path(), read(e.path()));
  return true;
}

}  // namespace

TEST_SUITE("mysql-lexer") {
  TEST_CASE("the keyword table written at build time is the generated lexer's, entry for entry") {
    CHECK(compare_keyword_table_with_probing() == "");
  }

  TEST_CASE("the front-end's full-LL parse stops at the first error the default strategy reports") {
    // Statements with errors of every kind the default strategy reports: a
    // failed match (deletion, insertion, neither), a sync() before a block
    // or loop, no viable alternative, at the end of input.
    const std::string inputs =
        "CREATE TABLE t (a int,, b int);\n"
        "CREATE TABLE t (a int b int);\n"
        "CREATE TABLE t a int);\n"
        "CREATE TABLE (a int);\n"
        "CREATE TABLE t (a int\n;\n"
        "ALTER TABLE t ADD COLUMN;\n"
        "ALTER TABLE t ALTER COLUMN a TYPE bigint;\n"
        "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\n"
        "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);\n"
        "CREATE INDEX i ON t USING gin (a);\n"
        "DROP TABLE IF t;\n"
        "INSERT INTO t VALUES (1), (2) RETURNING id;\n"
        "UPDATE t SET a = 1 FROM u WHERE t.id = u.id;\n"
        "RENAME TABLE a TO;\n"
        "CREATE TABLE t (id serial PRIMARY KEY, d timestamptz DEFAULT now(), x text[]);\n"
        "CREATE TABLE t (a int) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
        "ALTER TABLE t ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=NONE;\n";
    size_t statements = 0;
    size_t failing = 0;
    CHECK(compare_first_errors(inputs, statements, failing) == "");
    CHECK(statements == 17);
    CHECK(failing == 13);
  }

  TEST_CASE("so it does on every statement of both corpora") {
    // The PostgreSQL corpus read as MySQL: thousands of statements that fail.
    const std::filesystem::path corpora =
        std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
    if (!std::filesystem::is_directory(corpora / "mysql") ||
        !std::filesystem::is_directory(corpora / "postgres")) {
      MESSAGE("skipped: " << corpora.string() << " is absent");
      return;
    }
    size_t statements = 0;
    size_t failing = 0;
    for (const char* corpus : {"mysql", "postgres"}) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(corpora / corpus)) {
        if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
        const std::string diff = compare_first_errors(read(e.path()), statements, failing);
        INFO(e.path().string());
        CHECK(diff == "");
      }
    }
    CHECK(failing > 10000);
    CHECK(statements > 50000);
  }

  TEST_CASE("the grammar's rule entries build the trees the runtime's build") {
    // Statements with labelled alternatives (column attributes, constraints,
    // ALTER TABLE items, SET, transactions) and with syntax errors (trees
    // with error nodes and recovered rules).
    const std::string inputs =
        "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, a varchar(10) DEFAULT 'x' COMMENT 'c',\n"
        "  CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (a), UNIQUE KEY ua (a), CHECK (id > 0)) "
        "ENGINE=InnoDB;\n"
        "ALTER TABLE t ADD COLUMN b int AFTER a, DROP INDEX ua, MODIFY a text, ALGORITHM=INPLACE, "
        "LOCK=NONE;\n"
        "ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 4;\n"
        "SET @x = 1, SESSION sql_mode = 'STRICT_ALL_TABLES';\n"
        "START TRANSACTION;\nCOMMIT;\nROLLBACK TO SAVEPOINT s;\n"
        "INSERT INTO t (a) SELECT a FROM u;\n"
        "CREATE TABLE t (a int,, b int);\n"
        "ALTER TABLE t ADD COLUMN;\n"
        "CREATE TABLE t a int);\n";
    size_t statements = 0;
    CHECK(ddlint::parser::mysql::compare_trees_with_runtime_entries(inputs, statements) == "");
    CHECK(statements == 11);
    // Every statement of the MySQL corpus, when it is there.
    size_t corpus_statements = 0;
    if (for_each_mysql_corpus_file([&](const std::filesystem::path& path, const std::string& text) {
          INFO(path.string());
          CHECK(ddlint::parser::mysql::compare_trees_with_runtime_entries(text, corpus_statements) == "");
        }))
      CHECK(corpus_statements > 20000);
  }

  TEST_CASE("edge cases lex as the generated lexer does") {
    const std::vector<std::string> inputs = {
        "SELECT 1",
        "create table t (a varchar(255) default '', b timestamp(3) NULL, c INT DEFAULT NULL)",
        "ALTER TABLE `we``ird` ADD COLUMN `a` INT AFTER b",
        "x 'it''s' 'a\\'b' \"q\"\"r\" \"e\\\"f\" 'unterminated",
        "`unterminated  \"unterminated",
        "1 1.5 .5 1e5 1e+5 1.e-3 1e 1ex 0x1F 0x 0xG 0X1fz 12abc 9_ $x a$b",
        "@x @@session.sql_mode @@`weird` @'u' @\"v\" @`w` @ @@ @@ x",
        "a:=1 b: c = -d+e; f.g.h (i, j) * / % ! ~ ^ & | < > ? [ ] { }",
        "\t\n\r\f\v  trailing   ",
        "",
        "AUTO_INCREMENT auto_increment Auto_Increment KEY_BLOCK_SIZE key_block_sizes",
        "NULL null Null NULLS TRUE FALSE DEFAULT NOT UNIQUE ZEROFILL",
        "_ __ _1 a_ 1_ 1.5x 1.5e5e5 ..5 5.. a..b",
        "'\\\\' '\\' x",
    };
    for (const auto& in : inputs) {
      INFO(in);
      CHECK(compare_with_generated_lexer(in) == "");
    }
  }

  TEST_CASE("every statement file of the MySQL corpus lexes as the generated lexer does") {
    size_t files = 0;
    if (for_each_mysql_corpus_file([&](const std::filesystem::path& path, std::string text) {
          // As the front-end prepares a piece: non-ASCII bytes are '_'.
          for (char& c : text)
            if (static_cast<unsigned char>(c) >= 0x80) c = '_';
          const std::string diff = compare_with_generated_lexer(text);
          INFO(path.string());
          CHECK(diff == "");
          ++files;
        }))
      CHECK(files > 1000);
  }
}
