// Golden files: IR dumps (testdata/parser/postgres) and reporter outputs
// (testdata/reporters). DDLINT_UPDATE_GOLDENS=1 rewrites them; review the diff.
// A mismatch prints a unified diff from the golden to the actual output.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <thread>

#include "engine/catalog.h"
#include "ir/dump.h"
#include "parser/parser.h"
#include "report/reporter.h"
#include "rules/registry.h"
#include "support/harness.h"

namespace fs = std::filesystem;
using namespace ddlint;

namespace {

void compare(const fs::path& golden, const std::string& actual) {
  CAPTURE(golden.string());
  if (test::update_goldens()) {
    test::write(golden, actual);
    return;
  }
  if (const auto mismatch = test::golden_mismatch(golden, actual); !mismatch.empty()) FAIL_CHECK(mismatch);
}

}  // namespace

namespace {

// Fingerprints of every SARIF result, by rule id, in report order.
std::vector<std::pair<std::string, std::string>> fingerprints(const std::string& sql) {
  const auto& catalog = engine::Catalog::instance();
  std::vector<std::string> all;
  for (const auto& r : catalog.rules()) all.push_back(r.id);
  std::vector<engine::FileResult> results;
  results.push_back(test::lint("db/001.sql", sql, all));
  report::ReportInput in{results, catalog, all, "0.0.0-test", false, false, "/project"};
  std::ostringstream out;
  report::write_sarif(in, out);
  // Pull "ruleId" and the fingerprint value out of the text in order.
  std::vector<std::pair<std::string, std::string>> fps;
  const std::string s = out.str();
  size_t pos = 0;
  while ((pos = s.find("\"ruleId\": \"", pos)) != std::string::npos) {
    pos += 11;
    const std::string rule = s.substr(pos, s.find('"', pos) - pos);
    const size_t fp = s.find("\"ddlintFingerprint/v1\": \"", pos);
    REQUIRE(fp != std::string::npos);
    const size_t v = fp + 25;
    fps.emplace_back(rule, s.substr(v, s.find('"', v) - v));
  }
  return fps;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("SARIF fingerprints survive unrelated edits elsewhere in the file") {
    const std::string body =
        "CREATE INDEX users_email_idx ON users (email);\n"
        "ALTER TABLE users DROP COLUMN legacy;\n"
        "ALTER TABLE orders DROP COLUMN legacy;\n";
    const auto before = fingerprints(body);
    const auto after = fingerprints("-- a new comment\nSELECT 1;\n\n" + body + "SELECT 2;\n");
    REQUIRE(before.size() >= 3);
    CHECK(before == after);
    // Different findings get different fingerprints.
    std::set<std::string> distinct;
    for (const auto& [rule, fp] : before) distinct.insert(fp);
    CHECK(distinct.size() == before.size());
  }

  TEST_CASE("IR dumps") {
    for (const auto dialect : {Dialect::Postgres, Dialect::MySql}) {
      const auto dir =
          test::source_dir() / "testdata" / "parser" / (dialect == Dialect::MySql ? "mysql" : "postgres");
      const auto files = test::files_with_suffix(dir, ".sql");
      CHECK(!files.empty());
      for (const auto& f : files) {
        const SourceFile source(f.filename().string(), test::read(f), dialect);
        const auto parsed = parser::parse(source, dialect);
        std::string out = ir::dump(parsed.statements, source.text());
        for (const auto& e : parsed.errors) {
          const auto pos = source.lines().position(e.range.begin);
          out +=
              "error " + std::to_string(pos.line) + ":" + std::to_string(pos.column) + " " + e.message + "\n";
        }
        for (const auto& s : parsed.skipped) {
          const auto pos = source.lines().position(s.range.begin);
          out += "skipped " + std::to_string(pos.line) + ":" + std::to_string(pos.column) + " " +
                 s.description + "\n";
        }
        auto golden = f;
        golden.replace_extension(".ir.txt");
        compare(golden, out);
      }
    }
  }

  TEST_CASE("MySQL front-end: exact ranges of errors, comments and skipped input") {
    const std::string sql =
        "-- head\n"
        "CREATE TABLE a (id INT); # trailing\n"
        "ALTER TABLE a ADD COLUMN c INT NOT NULL DEFALT 0;\n"
        "DELIMITER //\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; END//\n"
        "DELIMITER ;\n"
        "source other.sql\n"
        "/* block */ DROP TABLE a;\n"
        "/*!40101 SET sql_mode = '' */;\n"
        "EXECUTE nowhere;\n";
    const SourceFile source("t.sql", sql, Dialect::MySql);
    const auto parsed = parser::parse(source, Dialect::MySql);
    auto at = [&](const std::string& needle) {
      const auto b = static_cast<uint32_t>(sql.find(needle));
      REQUIRE(b != static_cast<uint32_t>(std::string::npos));
      return TextRange{b, b + static_cast<uint32_t>(needle.size())};
    };
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].range == at("DEFALT"));
    CHECK(parsed.errors[0].statement == at("ALTER TABLE a ADD COLUMN c INT NOT NULL DEFALT 0"));
    CHECK(parsed.errors[0].message == "syntax error at or near \"DEFALT\"");
    REQUIRE(parsed.statements.size() == 5);
    CHECK(parsed.statements[0].range == at("CREATE TABLE a (id INT)"));
    CHECK(parsed.statements[0].kind() == ir::StmtKind::CreateTable);
    CHECK(parsed.statements[1].range == at("CREATE PROCEDURE p() BEGIN SELECT 1; END"));
    CHECK(parsed.statements[1].kind() == ir::StmtKind::Opaque);
    CHECK(parsed.statements[2].range == at("DROP TABLE a"));
    CHECK(parsed.statements[2].kind() == ir::StmtKind::Drop);
    CHECK(parsed.statements[3].range == at("SET sql_mode = ''"));
    CHECK(parsed.statements[3].kind() == ir::StmtKind::SetSetting);
    REQUIRE(parsed.comments.size() == 3);
    CHECK(parsed.comments[0] == at("-- head"));
    CHECK(parsed.comments[1] == at("# trailing"));
    CHECK(parsed.comments[2] == at("/* block */"));
    CHECK(parsed.statements[4].range == at("EXECUTE nowhere"));
    // DELIMITER is understood, not skipped; `source` and SQL ddlint cannot see are.
    REQUIRE(parsed.skipped.size() == 2);
    CHECK(parsed.skipped[0].range == at("source other.sql"));
    CHECK(parsed.skipped[0].kind == ir::SkippedKind::ClientInput);
    CHECK(parsed.skipped[1].range == at("EXECUTE nowhere"));
    CHECK(parsed.skipped[1].kind == ir::SkippedKind::DynamicSql);
  }

  TEST_CASE("MySQL front-end: executable comments run on the servers that run them") {
    const std::string sql =
        "/*!ALTER TABLE t ADD COLUMN a INT*/;\n"
        "/*!50100 ALTER TABLE t ADD COLUMN b INT */;\n"
        "/*!80016 ALTER TABLE t ADD COLUMN c INT */;\n"
        "/*!90000 ALTER TABLE t ADD COLUMN d INT */;\n"
        "/*M!100500 ALTER TABLE t ADD COLUMN e INT */;\n"
        "/*M!ALTER TABLE t ADD COLUMN f INT */;\n"
        "/*M!999999\\- enable the sandbox mode */\n"
        "CREATE TABLE /*!32312 IF NOT EXISTS*/ u (id INT);\n";
    const SourceFile source("t.sql", sql, Dialect::MySql);
    // The added columns, in order, and whether u's CREATE kept IF NOT EXISTS.
    auto run = [&](uint32_t version_id, bool mariadb) {
      const auto parsed = parser::parse(source, Dialect::MySql, {version_id, mariadb});
      CHECK(parsed.errors.empty());
      std::string columns;
      for (const auto& st : parsed.statements) {
        if (const auto* alter = st.as<ir::AlterTable>())
          for (const auto& a : alter->actions) columns += a.column;
        if (const auto* create = st.as<ir::CreateTable>()) columns += create->if_not_exists ? "+u?" : "+u";
      }
      return columns;
    };
    CHECK(run(0, false) == "abcdef+u?");      // unknown server: every one runs (not the sandbox line)
    CHECK(run(50744, false) == "ab+u?");      // MySQL 5.7.44
    CHECK(run(80036, false) == "abc+u?");     // MySQL 8.0.36
    CHECK(run(80499, false) == "abc+u?");     // MySQL 8.4
    CHECK(run(100499, true) == "abcdf+u?");   // MariaDB 10.4: its ids are above MySQL's
    CHECK(run(101106, true) == "abcdef+u?");  // MariaDB 10.11.6
  }

  TEST_CASE("MySQL front-end: parallel parses give the same IR") {
    // The CLI parses files on several threads; ANTLR's prediction caches are
    // shared between parser instances.
    const auto dir = test::source_dir() / "testdata" / "parser" / "mysql";
    std::vector<std::string> texts;
    for (const auto& f : test::files_with_suffix(dir, ".sql")) texts.push_back(test::read(f));
    REQUIRE(texts.size() >= 5);
    auto dump_all = [&] {
      std::string all;
      for (const auto& t : texts) {
        const SourceFile source("t.sql", t, Dialect::MySql);
        const auto parsed = parser::parse(source, Dialect::MySql);
        all += ir::dump(parsed.statements, source.text()) + std::to_string(parsed.errors.size()) + "\n";
      }
      return all;
    };
    const std::string expected = dump_all();
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < got.size(); ++i)
      threads.emplace_back([&, i] {
        for (int round = 0; round < 3; ++round) got[i] = dump_all();
      });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
  }

  TEST_CASE("JSON reporters replace bytes that are not UTF-8 in messages") {
    // A message may quote source text that is not UTF-8 (found by the MySQL
    // fuzz target: DROP SCHEMA with a Latin-1 byte in the name); the GitLab
    // report used to throw from the JSON library.
    const auto& catalog = engine::Catalog::instance();
    const std::vector<std::string> ids = {"drop-table"};
    std::vector<engine::FileResult> results;
    results.push_back(test::lint("db/001.sql", "DROP TABLE users;\n", ids));
    REQUIRE(results[0].diagnostics.size() == 1);
    results[0].diagnostics[0].message = std::string("dropping `old_sche") + '\xb7' + "a`";
    const report::ReportInput in{results, catalog, ids, "0.0.0-test", false, false, "/project"};
    for (const auto write : {&report::write_gitlab, &report::write_json, &report::write_sarif}) {
      std::ostringstream out;
      REQUIRE_NOTHROW(write(in, out));
      CHECK(out.str().find(std::string("old_sche") + "\xef\xbf\xbd" + "a") != std::string::npos);  // U+FFFD
    }
  }

  TEST_CASE("JSON and SARIF mark a conditional finding, and only that one") {
    const auto& catalog = engine::Catalog::instance();
    const std::vector<std::string> ids = {"drop-table"};
    std::vector<engine::FileResult> results;
    results.push_back(test::lint("db/001.sql", "DROP TABLE users;\nDROP TABLE orders;\n", ids));
    REQUIRE(results[0].diagnostics.size() == 2);
    results[0].diagnostics[1].conditional = true;
    const report::ReportInput in{results, catalog, ids, "0.0.0-test", false, false, "/project"};
    std::ostringstream json;
    report::write_json(in, json);
    const std::string j = json.str();
    const size_t first = j.find("`users`");
    const size_t second = j.find("`orders`");
    const size_t mark = j.find("\"conditional\": true");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    REQUIRE(mark != std::string::npos);
    CHECK(mark > second);  // on the second finding only
    CHECK(j.find("\"conditional\"", mark + 1) == std::string::npos);
    std::ostringstream sarif;
    report::write_sarif(in, sarif);
    const std::string s = sarif.str();
    const size_t prop = s.find("\"conditional\": true");
    REQUIRE(prop != std::string::npos);
    CHECK(prop > s.find("`orders`"));
    CHECK(s.find("\"conditional\"", prop + 1) == std::string::npos);
  }

  TEST_CASE("reporters: text, json, sarif") {
    const auto dir = test::source_dir() / "testdata" / "reporters";
    const auto files = test::files_with_suffix(dir, ".sql");
    CHECK(!files.empty());
    const auto& catalog = engine::Catalog::instance();
    std::vector<std::string> all;
    for (const auto& r : catalog.rules()) all.push_back(r.id);
    for (const auto& f : files) {
      std::vector<engine::FileResult> results;
      results.push_back(test::lint(f.filename().string(), test::read(f), all));
      for (const char* fmt : {"txt", "json", "sarif", "github", "gitlab", "gcc"}) {
        report::ReportInput in{results, catalog, all, "0.0.0-test", false, true, "/project"};
        std::ostringstream out;
        if (std::string(fmt) == "txt")
          report::write_text(in, out);
        else if (std::string(fmt) == "json")
          report::write_json(in, out);
        else if (std::string(fmt) == "github")
          report::write_github(in, out);
        else if (std::string(fmt) == "gitlab")
          report::write_gitlab(in, out);
        else if (std::string(fmt) == "gcc")
          report::write_gcc(in, out);
        else
          report::write_sarif(in, out);
        auto golden = f;
        golden.replace_extension(std::string(".") + fmt);
        compare(golden, out.str());
      }
    }
  }
}
