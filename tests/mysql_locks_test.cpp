// Unit tests for the MySQL/MariaDB lock model (src/analysis/mysql_locks.cpp),
// on IR built by hand. Sections cited are of reference/locks.md; MariaDB 10.11
// cases are also measured on a real server by tests/mariadb_locks_test.sh.
#include <doctest/doctest.h>

#include "analysis/locks.h"
#include "support/mysql_ir.h"

using namespace ddlint;
using namespace ddlint::testing::my;
using K = ir::AlterKind;
using CK = ir::ConstraintKind;

namespace {

analysis::Settings target(std::string_view t) {
  analysis::Settings s;
  s.dialect = Dialect::MySql;
  s.mysql = *analysis::parse_mysql_target(t);
  return s;
}

struct Verdict {
  std::string algorithm;
  std::string lock;
  bool rewrite = false;
  bool fails = false;
  analysis::StatementEffect effect;
};

Verdict run(const ir::Statement& st, std::string_view t, bool fk_checks = true) {
  const auto ctx = fixture(fk_checks);
  Verdict v;
  v.effect = analysis::mysql_statement_effect(st, target(t), &ctx);
  REQUIRE(!v.effect.tables.empty());
  v.algorithm = v.effect.tables[0].algorithm();
  v.lock = v.effect.tables[0].lock();
  v.rewrite = v.effect.tables[0].rewrite;
  v.fails = v.effect.fails;
  return v;
}

ir::Statement add_phone(std::string position = {}, std::string algorithm = {}, std::string lock = {}) {
  return alter("users", {add_column(column("phone", type("varchar", {"40"})), std::move(position))},
               std::move(algorithm), std::move(lock));
}

ir::Statement modify_to(const char* col, ir::TypeName t, bool not_null = false) {
  return alter("users", {modify(col, column(col, std::move(t), not_null))});
}

}  // namespace

TEST_SUITE("mysql-locks") {
  TEST_CASE("targets: parse and name") {
    using analysis::parse_mysql_target;
    const analysis::MySqlTarget def;
    CHECK(analysis::mysql_target_name(def) == "MySQL 8.4");  // default: current MySQL LTS
    CHECK(analysis::mysql_target_name(*parse_mysql_target("mariadb")) == "MariaDB 10.11");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("8.0.29")) == "MySQL 8.0.29");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("mysql-5.7")) == "MySQL 5.7");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("MariaDB 11.4")) == "MariaDB 11.4");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("10.11.6-MariaDB-0+deb12u1")) == "MariaDB 10.11.6");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("8.0.36-log")) == "MySQL 8.0.36");
    CHECK(parse_mysql_target("10.6")->mariadb());
    CHECK(analysis::mysql_target_name(*parse_mysql_target("5.5.5-10.11.6-MariaDB")) == "MariaDB 10.11.6");
    CHECK(analysis::mysql_target_name(*parse_mysql_target("9.1.0")) == "MySQL 9.1.0");
    CHECK(!parse_mysql_target("postgres"));
    CHECK(!parse_mysql_target("8"));
    CHECK(!parse_mysql_target("mysql-10.11"));
    CHECK(parse_mysql_target("8.0")->at_least(8, 0, 29));  // no patch: the latest of the series
    CHECK(!parse_mysql_target("8.0.28")->at_least(8, 0, 29));
  }

  TEST_CASE("ADD COLUMN: INSTANT by version and position") {
    // B.3 add column: INSTANT default since 8.0.12, any position since 8.0.29.
    CHECK(run(add_phone(), "8.0.12").algorithm == "INSTANT");
    CHECK(run(add_phone(), "8.4").lock == "NONE");
    CHECK_FALSE(run(add_phone(), "8.4").rewrite);
    // B.4: 8.0.12-8.0.28 FIRST/AFTER silently falls back to an INPLACE rebuild.
    auto v = run(add_phone("AFTER email"), "8.0.28");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(v.lock == "NONE");
    CHECK(run(add_phone("FIRST"), "8.0.29").algorithm == "INSTANT");
    // B.4: ... and an error when ALGORITHM=INSTANT is explicit.
    v = run(add_phone("FIRST", "INSTANT"), "8.0.20");
    CHECK(v.fails);
    CHECK(v.effect.fail_reason().find("ALGORITHM=INSTANT") != std::string::npos);
    // B.5: MySQL 5.7 has no INSTANT; ADD COLUMN is an INPLACE rebuild.
    v = run(add_phone(), "5.7");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(run(add_phone("", "INSTANT"), "5.7").fails);
    // B.3 MariaDB column: INSTANT at any position (10.4+) [measured].
    CHECK(run(add_phone("FIRST"), "mariadb-10.11").algorithm == "INSTANT");
    // MySQL with ALGORITHM=INPLACE runs the INPLACE rebuild it asks for.
    v = run(add_phone("", "INPLACE"), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    // MariaDB reads ALGORITHM=INPLACE as "INPLACE or better": INSTANT (B.1).
    v = run(add_phone("", "INPLACE"), "mariadb-10.11");
    CHECK(v.algorithm == "INSTANT");
    CHECK_FALSE(v.rewrite);
  }

  TEST_CASE("ADD COLUMN: stored generated, auto-increment, FULLTEXT tables") {
    // B.3 add STORED generated column: COPY only, LOCK=SHARED.
    const auto stored = alter("users", {add_column(generated(column("g", type("bigint")), true))});
    auto v = run(stored, "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    CHECK(run(stored, "mariadb-10.11").lock == "SHARED");
    // B.1: MariaDB 11.2+ copies online (LOCK=NONE).
    v = run(stored, "mariadb-11.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "NONE");
    // B.3 add VIRTUAL column: INSTANT (5.7: INPLACE without rebuild).
    const auto virt = alter("users", {add_column(generated(column("g", type("bigint")), false))});
    CHECK(run(virt, "8.0").algorithm == "INSTANT");
    v = run(virt, "5.7");
    CHECK(v.algorithm == "INPLACE");
    CHECK_FALSE(v.rewrite);
    // B.3: auto-increment column: no concurrent DML, at least LOCK=SHARED.
    auto ai = column("seq", type("bigint"), true);
    ai.constraints.push_back(constraint(CK::Identity, {}));
    v = run(alter("users", {add_column(ai)}), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    // B.4 [VIT16024]: an expression DEFAULT is not INSTANT in MySQL; CURRENT_TIMESTAMP is a plain default.
    auto expr_col = column("c", type("datetime"));
    expr_col.default_value = ir::Expr{};
    expr_col.default_value->functions = {"date_add"};
    CHECK(run(alter("users", {add_column(expr_col)}), "8.4").algorithm == "INPLACE");
    CHECK(run(alter("users", {add_column(expr_col)}, "INSTANT"), "8.4").fails);
    expr_col.default_value->functions = {"current_timestamp"};
    CHECK(run(alter("users", {add_column(expr_col)}), "8.4").algorithm == "INSTANT");
    CHECK(run(alter("users", {add_column(expr_col)}), "mariadb-10.11").algorithm == "INSTANT");  // measured
    // NOT NULL without DEFAULT: INSTANT too (MariaDB, measured).
    CHECK(run(alter("users", {add_column(column("c", type("int"), true))}), "mariadb-10.11").algorithm ==
          "INSTANT");
    // B.4: no INSTANT ADD COLUMN on a table with a FULLTEXT index.
    auto ctx = fixture();
    for (auto& [n, info] : ctx.tables)
      if (n.name == "users") info.has_fulltext = true;
    const auto e = analysis::mysql_statement_effect(add_phone(), target("8.4"), &ctx);
    CHECK(e.tables[0].algorithm() == "INPLACE");
  }

  TEST_CASE("DROP COLUMN and RENAME COLUMN") {
    const auto drop = alter("users", {action(K::DropColumn, "legacy")});
    // B.3 drop column: INSTANT since 8.0.29, INPLACE rebuild before.
    CHECK(run(drop, "8.0.29").algorithm == "INSTANT");
    auto v = run(drop, "8.0.28");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(run(drop, "mariadb-10.6").algorithm == "INSTANT");
    // B.3 rename column: INSTANT since 8.0.28, INPLACE metadata before.
    const auto rename = alter("users", {action(K::RenameColumn, "score", "points")});
    CHECK(run(rename, "8.0.28").algorithm == "INSTANT");
    v = run(rename, "8.0.27");
    CHECK(v.algorithm == "INPLACE");
    CHECK_FALSE(v.rewrite);
    CHECK(run(rename, "mariadb-10.11").algorithm == "INSTANT");
    // CHANGE old new with the same definition is a rename.
    const auto change = alter("users", {modify("score", column("points", type("int")), "", K::ChangeColumn)});
    CHECK(run(change, "8.4").algorithm == "INSTANT");
  }

  TEST_CASE("MODIFY/CHANGE: type changes are COPY") {
    // B.3 change column data type: COPY only, LOCK=SHARED.
    auto v = run(modify_to("score", type("bigint")), "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    CHECK(analysis::describe(v.effect.tables[0].blocks) == std::string("blocks writes"));
    // Signedness is a type change.
    auto u = type("int");
    u.is_unsigned = true;
    CHECK(run(modify_to("score", u), "8.4").algorithm == "COPY");
    // Integer display width is not.
    CHECK(run(modify_to("score", type("int", {"11"})), "8.4").algorithm == "INSTANT");
    // An inline UNIQUE adds an index: INPLACE without rebuild.
    auto uq = column("score", type("int"));
    uq.constraints.push_back(constraint(CK::Unique, {}));
    v = run(alter("users", {modify("score", uq)}), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK_FALSE(v.rewrite);
    // A column the model does not know: assumed to change type.
    CHECK(run(modify_to("unknown_col", type("int")), "8.4").algorithm == "COPY");
    // B.1: ALGORITHM=INPLACE for a type change fails.
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "INPLACE"), "8.4");
    CHECK(v.fails);
    CHECK(v.effect.fail_reason().find("ALGORITHM=INPLACE is not supported") != std::string::npos);
    // B.1: LOCK=NONE for a COPY fails.
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "", "NONE"), "mariadb-10.11");
    CHECK(v.fails);
    CHECK(v.effect.fail_reason().find("LOCK=NONE") != std::string::npos);
    // B.1: MariaDB 11.2+ online COPY accepts LOCK=NONE.
    CHECK_FALSE(
        run(alter("users", {modify("score", column("score", type("bigint")))}, "", "NONE"), "mariadb-11.4")
            .fails);
  }

  TEST_CASE("MODIFY: VARCHAR extension and the length-prefix byte") {
    // B.3 extend VARCHAR: utf8mb4 = 4 bytes per character. nickname is
    // VARCHAR(20) = 80 bytes, title VARCHAR(40) = 160, bio VARCHAR(100) = 400.
    auto v = run(modify_to("nickname", type("varchar", {"60"})), "8.4");  // 80 -> 240: 1-byte prefix
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    CHECK_FALSE(v.rewrite);
    CHECK(run(modify_to("nickname", type("varchar", {"60"})), "5.7").algorithm == "INPLACE");
    CHECK(run(modify_to("nickname", type("varchar", {"64"})), "8.4").algorithm == "COPY");  // 256 bytes
    CHECK(run(modify_to("bio", type("varchar", {"200"})), "8.4").algorithm == "INPLACE");   // 2-byte prefix
    CHECK(run(modify_to("nickname", type("varchar", {"10"})), "8.4").algorithm == "COPY");  // shrink
    // MariaDB: INSTANT under the same rule [MDB-INS].
    CHECK(run(modify_to("nickname", type("varchar", {"60"})), "mariadb-10.11").algorithm == "INSTANT");
    // MariaDB: <=127 bytes may grow past 255 (80 -> 400) [measured], 128-255 may not (160 -> 320).
    CHECK(run(modify_to("nickname", type("varchar", {"100"})), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(modify_to("title", type("varchar", {"80"})), "mariadb-10.11").algorithm == "COPY");
    // latin1 (1 byte per character): VARCHAR(30) -> VARCHAR(255) stays within 255 bytes.
    CHECK(run(alter("tags", {modify("name", column("name", type("varchar", {"255"}), true))}), "8.4")
              .algorithm == "INPLACE");
    // A charset change is a type change.
    CHECK(run(modify_to("nickname", type("varchar", {"20"}, "latin1")), "8.4").algorithm == "COPY");
  }

  TEST_CASE("MODIFY: NULL / NOT NULL, defaults, reorder, ENUM") {
    // B.3 make column NOT NULL / NULL: INPLACE rebuild, LOCK=NONE.
    auto v = run(modify_to("score", type("int"), true), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(v.lock == "NONE");
    CHECK(v.effect.tables[0].scan);
    v = run(modify_to("kind", type("int")), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    // B.3 set/drop DEFAULT: INSTANT; 5.7: INPLACE metadata.
    const auto set_default = alter("users", {action(K::SetDefault, "score")});
    CHECK(run(set_default, "8.4").algorithm == "INSTANT");
    v = run(set_default, "5.7");
    CHECK(v.algorithm == "INPLACE");
    CHECK_FALSE(v.rewrite);
    CHECK(run(alter("users", {modify("kind", with_default(column("kind", type("int"), true)))}), "8.4")
              .algorithm == "INSTANT");
    // B.3 reorder: MySQL INPLACE rebuild, MariaDB INSTANT.
    const auto reorder = alter("users", {modify("score", column("score", type("int")), "FIRST")});
    v = run(reorder, "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(run(reorder, "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(reorder, "mariadb-10.3").rewrite);  // instant reorder from 10.4
    // B.3 ENUM: appending a member keeps the storage size: INSTANT; in the middle: COPY.
    CHECK(run(modify_to("status", type("enum", {"'active'", "'banned'", "'deleted'"}), true), "8.4")
              .algorithm == "INSTANT");
    CHECK(run(modify_to("status", type("enum", {"'active'", "'deleted'", "'banned'"}), true), "8.4")
              .algorithm == "COPY");
  }

  TEST_CASE("indexes") {
    // B.3 add secondary index: INPLACE, LOCK=NONE; MariaDB NOCOPY [MDB-NOC].
    const auto add_ix = alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))});
    auto v = run(add_ix, "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    CHECK_FALSE(v.rewrite);
    CHECK(v.effect.tables[0].scan);
    CHECK(run(add_ix, "mariadb-10.11").algorithm == "NOCOPY");
    CHECK(run(add_ix, "5.7").algorithm == "INPLACE");
    // B.1: ALGORITHM=INSTANT for ADD INDEX fails; MySQL has no NOCOPY.
    CHECK(run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))}, "INSTANT"), "8.4").fails);
    CHECK(run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))}, "NOCOPY"), "8.4").fails);
    CHECK_FALSE(
        run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))}, "NOCOPY"), "mariadb-10.11").fails);
    // CREATE INDEX is ADD INDEX.
    CHECK(run(create_index("i", "users", {"org_id"}), "mariadb-10.11").algorithm == "NOCOPY");
    CHECK(run(create_index("i", "users", {"org_id"}, CK::Index, true), "8.4").lock == "NONE");
    // B.3 drop index: INPLACE metadata; MariaDB NOCOPY [measured].
    CHECK(run(alter("users", {action(K::DropIndex, "", "users_email_idx")}), "8.4").algorithm == "INPLACE");
    CHECK(run(alter("users", {action(K::DropIndex, "", "users_email_idx")}), "mariadb-10.11").algorithm ==
          "NOCOPY");
    // B.3 FULLTEXT: the first rebuilds (FTS_DOC_ID), LOCK=SHARED; SPATIAL: SHARED.
    v = run(alter("users", {add(constraint(CK::Fulltext, {"body"}, "ft"))}), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    v = run(create_index("ft", "users", {"body"}, CK::Fulltext), "8.4");
    CHECK(v.lock == "SHARED");
    v = run(alter("users", {add(constraint(CK::Spatial, {"pt"}, "sp"))}), "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK(v.lock == "SHARED");
    CHECK_FALSE(v.rewrite);
    // B.1: LOCK=NONE on a FULLTEXT index fails.
    CHECK(run(alter("users", {add(constraint(CK::Fulltext, {"body"}, "ft"))}, "", "NONE"), "8.4").fails);
    // B.4: an INSTANT column change cannot be mixed with ADD INDEX. MariaDB
    // then rebuilds for the column change [measured on 10.11]; MySQL runs
    // the INPLACE rebuild of ADD COLUMN.
    const auto col_and_index =
        alter("users", {add_column(column("c", type("int"))), add(constraint(CK::Index, {"c"}, "ci"))});
    v = run(col_and_index, "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    v = run(col_and_index, "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    auto unique_col = column("c", type("int"));
    unique_col.constraints.push_back(constraint(CK::Unique, {}));
    CHECK(run(alter("users", {add_column(unique_col)}), "mariadb-10.11").rewrite);
    v = run(alter("users", {action(K::DropColumn, "legacy"), add(constraint(CK::Index, {"org_id"}, "i"))}),
            "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    v = run(alter("users", {modify("score", column("score", type("int")), "FIRST"),
                            add(constraint(CK::Index, {"org_id"}, "i"))}),
            "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    // ... but metadata changes and index drops mix with it: NOCOPY [measured].
    v = run(alter("users",
                  {action(K::RenameColumn, "score", "points"), add(constraint(CK::Index, {"org_id"}, "i"))}),
            "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK_FALSE(v.rewrite);
    v = run(
        alter("users", {add_column(column("c", type("int"))), action(K::DropIndex, "", "users_email_idx")}),
        "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK_FALSE(v.rewrite);
    // MariaDB: dropping an indexed column drops its index: NOCOPY [measured].
    v = run(alter("users", {action(K::DropColumn, "email")}), "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK_FALSE(v.rewrite);
    // More than one FULLTEXT index in one statement: COPY [measured; B.3 "one at a time"].
    v = run(alter("users", {add(constraint(CK::Fulltext, {"body"}, "f1")),
                            add(constraint(CK::Fulltext, {"title"}, "f2"))}),
            "mariadb-10.11");
    CHECK(v.algorithm == "COPY");
    // B.3 rename index: INPLACE metadata (MySQL), INSTANT (MariaDB, measured).
    ir::Rename ri;
    ri.object = ir::ObjectKind::Index;
    ri.target = name("users");
    ri.subname = "users_email_idx";
    ri.new_name = "users_mail_idx";
    CHECK(analysis::mysql_statement_effect(statement(ri), target("8.4")).tables[0].algorithm() == "INPLACE");
    CHECK(analysis::mysql_statement_effect(statement(ri), target("mariadb-10.11")).tables[0].algorithm() ==
          "INSTANT");
  }

  TEST_CASE("primary keys") {
    // B.3 add PRIMARY KEY: INPLACE rebuild, LOCK=NONE.
    auto v = run(alter("audit_log", {add(constraint(CK::PrimaryKey, {"id"}), K::AddConstraint)}), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    CHECK(v.lock == "NONE");
    // B.3 drop PRIMARY KEY alone: COPY, LOCK=SHARED.
    v = run(alter("tags", {action(K::DropPrimaryKey)}), "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    // B.3 drop + add PRIMARY KEY in one statement: INPLACE.
    v = run(alter("tags", {action(K::DropPrimaryKey),
                           add(constraint(CK::PrimaryKey, {"id", "name"}), K::AddConstraint)}),
            "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
  }

  TEST_CASE("foreign keys follow foreign_key_checks") {
    auto fk = constraint(CK::ForeignKey, {"org_id"}, "fk");
    fk.ref_table = name("orgs");
    const auto st = alter("users", {add(fk, K::AddConstraint)});
    // B.3 add FOREIGN KEY: COPY with foreign_key_checks=1, INPLACE with 0.
    auto v = run(st, "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    v = run(st, "8.4", false);
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    CHECK_FALSE(v.rewrite);
    // MariaDB 10.11 runs it INSTANT (the reference says NOCOPY; measured).
    CHECK(run(st, "mariadb-10.11", false).algorithm == "INSTANT");
    // B.3 drop FOREIGN KEY: INPLACE (MySQL), INSTANT (MariaDB).
    CHECK(run(alter("users", {action(K::DropConstraint, "", "users_org_fk")}), "8.4").algorithm == "INPLACE");
    CHECK(run(alter("users", {action(K::DropConstraint, "", "users_org_fk")}), "mariadb-10.11").algorithm ==
          "INSTANT");
  }

  TEST_CASE("table-level changes") {
    const auto convert = alter("tags", {action(K::ConvertCharset, "", "utf8mb4")});
    // B.3 CONVERT TO CHARACTER SET: MySQL 8 INPLACE rebuild without DML; 5.7 and MariaDB COPY.
    auto v = run(convert, "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    CHECK(run(convert, "5.7").algorithm == "COPY");
    CHECK(run(convert, "mariadb-10.11").algorithm == "COPY");
    // B.3 ENGINE=InnoDB (null rebuild) / ROW_FORMAT: INPLACE rebuild, LOCK=NONE.
    for (const char* o : {"ENGINE = InnoDB", "ROW_FORMAT = COMPACT", "KEY_BLOCK_SIZE = 8"}) {
      v = run(alter("users", {options(o)}), "8.4");
      CHECK(v.algorithm == "INPLACE");
      CHECK(v.rewrite);
      CHECK(v.lock == "NONE");
    }
    CHECK(run(alter("users", {options("ENGINE = MyISAM")}), "8.4").algorithm == "COPY");
    CHECK(run(alter("users", {options("FORCE")}), "mariadb-10.11").rewrite);  // measured
    auto force = action(K::Other);
    force.native = "FORCE";
    v = run(alter("users", {force}), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.rewrite);
    auto rename_ix = action(K::Other, "", "users_email_idx");
    rename_ix.native = "RENAME INDEX";
    CHECK(run(alter("users", {rename_ix}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(alter("users", {rename_ix}), "8.4").algorithm == "INPLACE");
    auto partition = action(K::Other);
    partition.native = "PARTITION BY";
    CHECK(run(alter("users", {partition}), "8.4").algorithm == "COPY");
    // Table COMMENT / DEFAULT CHARACTER SET: MariaDB INSTANT (measured); MySQL
    // rebuilds for a new default character set (B.3, when the encoding differs).
    CHECK(run(alter("users", {options("COMMENT = 'people'")}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK_FALSE(run(alter("users", {options("COMMENT = 'engine rebuild'")}), "8.4").rewrite);
    CHECK(run(alter("tags", {options("DEFAULT CHARACTER SET = utf8mb4")}), "mariadb-10.11").algorithm ==
          "INSTANT");
    CHECK(run(alter("tags", {options("DEFAULT CHARACTER SET = utf8mb4")}), "8.4").rewrite);
    // B.3 ADD CHECK: COPY (measured on MariaDB).
    auto ck = constraint(CK::Check, {}, "users_score_ck");
    v = run(alter("users", {add(ck, K::AddConstraint)}), "mariadb-10.11");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    // B.3 AUTO_INCREMENT=: INPLACE without rebuild; MariaDB INSTANT.
    v = run(alter("users", {options("AUTO_INCREMENT = 1000")}), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK_FALSE(v.rewrite);
    CHECK(run(alter("users", {options("AUTO_INCREMENT = 1000")}), "mariadb-10.11").algorithm == "INSTANT");
    // B.3 RENAME TO: INSTANT; MariaDB only with LOCK=EXCLUSIVE [MDB-INS, measured].
    v = run(alter("users", {action(K::RenameTable, "", "people")}), "8.4");
    CHECK(v.algorithm == "INSTANT");
    CHECK(v.lock == "NONE");
    v = run(alter("users", {action(K::RenameTable, "", "people")}), "mariadb-10.11");
    CHECK(v.algorithm == "INSTANT");
    CHECK(v.lock == "EXCLUSIVE");
    CHECK(run(alter("users", {action(K::RenameTable, "", "people")}, "", "NONE"), "mariadb-10.11").fails);
  }

  TEST_CASE("table info: FULLTEXT, COMPRESSED, MyISAM (measured on MariaDB 10.11)") {
    const auto add_lang = [](const char* table) {
      return alter(table, {add_column(column("lang", type("char", {"2"})))});
    };
    // A table with a FULLTEXT index: no INSTANT ADD/DROP COLUMN (B.4); MariaDB
    // rebuilds it in place only with LOCK=SHARED.
    auto v = run(add_lang("docs"), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    v = run(alter("docs", {action(K::DropColumn, "title")}), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    auto force = action(K::Other);
    force.native = "FORCE";
    CHECK(run(alter("docs", {force}), "mariadb-10.11").lock == "SHARED");
    CHECK(run(alter("users", {force}), "mariadb-10.11").lock == "NONE");  // near miss: no FULLTEXT
    v = run(add_lang("docs"), "8.4");  // MySQL: not INSTANT (B.4); the lock is not measured there
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    // A further FULLTEXT index: NOCOPY, LOCK=SHARED, no rebuild (B.3).
    v = run(alter("docs", {add(constraint(CK::Fulltext, {"title"}, "docs_title_ft"))}), "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK(v.lock == "SHARED");
    CHECK_FALSE(v.rewrite);
    // ROW_FORMAT=COMPRESSED: no INSTANT ADD COLUMN (B.4): an INPLACE rebuild.
    v = run(add_lang("zipped"), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    CHECK(v.rewrite);
    // MyISAM: no online DDL; a change of the data or the indexes is a COPY,
    // a metadata change stays INSTANT.
    v = run(add_lang("kv"), "mariadb-10.11");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    CHECK(run(alter("kv", {add(constraint(CK::Index, {"v"}, "kv_v_idx"))}), "mariadb-10.11").algorithm ==
          "COPY");
    CHECK(run(alter("kv", {options("AUTO_INCREMENT = 5")}), "mariadb-10.11").algorithm == "COPY");
    CHECK(run(alter("kv", {action(K::RenameColumn, "v", "w")}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(alter("kv", {options("COMMENT = 'kv'")}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(add_lang("kv"), "8.4").algorithm == "COPY");
  }

  TEST_CASE("MariaDB 10.11: expression DEFAULT, inline UNIQUE, collation, system versioning, ALTER INDEX") {
    // ADD COLUMN ... DEFAULT (UUID()): MariaDB copies (ALGORITHM=INPLACE refused, measured);
    // CURRENT_TIMESTAMP is a plain default (INSTANT).
    auto with_expr = [](std::vector<std::string> functions) {
      auto c = column("token", type("char", {"36"}));
      ir::Expr e;
      e.functions = std::move(functions);
      c.default_value = e;
      return alter("users", {add_column(c)});
    };
    auto v = run(with_expr({"uuid"}), "mariadb-10.11");
    CHECK(v.algorithm == "COPY");
    CHECK(v.lock == "SHARED");
    CHECK(run(with_expr({"current_timestamp"}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(with_expr({"uuid"}), "8.4").algorithm == "INPLACE");  // B.4: not INSTANT on MySQL
    // ADD COLUMN ... UNIQUE: the column and its index in place, LOCK=NONE.
    auto handle = column("handle", type("varchar", {"30"}));
    handle.constraints.push_back(constraint(CK::Unique, {}));
    v = run(alter("users", {add_column(handle)}), "mariadb-10.11");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "NONE");
    CHECK(v.rewrite);
    // A collation change: INSTANT, NOCOPY when the column is indexed (its
    // indexes are rebuilt).
    auto bin = [](const char* col, std::vector<std::string> mods, bool not_null) {
      auto t = type("varchar", std::move(mods));
      t.set_collation("utf8mb4_bin");
      return alter("users", {modify(col, column(col, t, not_null))});
    };
    v = run(bin("bio", {"100"}, false), "mariadb-10.11");
    CHECK(v.algorithm == "INSTANT");
    CHECK(v.effect.tables[0].operation() == "MODIFY COLUMN (collation change)");
    v = run(bin("email", {"50"}, true), "mariadb-10.11");
    CHECK(v.algorithm == "NOCOPY");
    CHECK(v.lock == "NONE");
    CHECK_FALSE(v.rewrite);
    CHECK(run(modify_to("bio", type("varchar", {"100"})), "mariadb-10.11").algorithm == "INSTANT");  // same
    // ADD SYSTEM VERSIONING: COPY (ALGORITHM=INSTANT refused, measured); DROP
    // SYSTEM VERSIONING rebuilds in place with LOCK=SHARED (measured), and is
    // not one of the copies 11.2+ runs online (B.1).
    auto add_sv = action(K::Other);
    add_sv.native = "ADD SYSTEM VERSIONING";
    auto drop_sv = action(K::Other);
    drop_sv.native = "DROP SYSTEM VERSIONING";
    CHECK(run(alter("users", {add_sv}), "mariadb-10.11").algorithm == "COPY");
    CHECK(run(alter("users", {add_sv}), "mariadb-11.4").lock == "NONE");
    v = run(alter("users", {drop_sv}), "mariadb-10.11");  // INPLACE rebuild, LOCK=SHARED (measured)
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.lock == "SHARED");
    CHECK(v.rewrite);
    CHECK(run(alter("users", {drop_sv}), "mariadb-11.4").lock == "SHARED");
    auto remove_partitioning = action(K::Other);
    remove_partitioning.native = "REMOVE PARTITIONING";
    CHECK(run(alter("users", {remove_partitioning}), "mariadb-10.11").algorithm == "COPY");
    // ALTER INDEX i [NOT] IGNORED: INSTANT (measured); MySQL's [IN]VISIBLE in place.
    auto alter_index = action(K::Other, "", "users_email_idx");
    alter_index.native = "ALTER INDEX";
    CHECK(run(alter("users", {alter_index}), "mariadb-10.11").algorithm == "INSTANT");
    CHECK(run(alter("users", {alter_index}), "8.4").algorithm == "INPLACE");
    // ALTER ONLINE TABLE (LOCK=NONE) on a COPY: refused, on the LOCK clause.
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "", "NONE"), "mariadb-10.11");
    CHECK(v.fails);
    CHECK(v.effect.failed_clause == analysis::StatementEffect::Clause::Lock);
  }

  TEST_CASE("explicit ALGORITHM= and LOCK=") {
    // B.1: only LOCK=DEFAULT goes with ALGORITHM=INSTANT on MySQL.
    auto v = run(add_phone("", "INSTANT", "NONE"), "8.4");
    CHECK(v.fails);
    CHECK(v.effect.fail_reason().find("LOCK=DEFAULT") != std::string::npos);
    CHECK_FALSE(run(add_phone("", "INSTANT", "DEFAULT"), "8.4").fails);
    CHECK_FALSE(run(add_phone("", "INSTANT", "NONE"), "mariadb-10.11").fails);
    // B.1: a LOCK clause without ALGORITHM moves MySQL off INSTANT.
    v = run(add_phone("", "", "NONE"), "8.4");
    CHECK_FALSE(v.fails);
    CHECK(v.algorithm == "INPLACE");
    // A stronger LOCK than needed is honoured: LOCK=EXCLUSIVE blocks reads and writes.
    v = run(add_phone("", "INPLACE", "EXCLUSIVE"), "8.4");
    CHECK(v.lock == "EXCLUSIVE");
    CHECK(v.effect.tables[0].blocks == analysis::Blocks::ReadsAndWrites);
    // ALGORITHM=COPY forces a copy even where INSTANT is possible.
    v = run(add_phone("", "COPY"), "mariadb-10.11");
    CHECK(v.algorithm == "COPY");
    CHECK(v.rewrite);
    // The failing statement still reports what it would do without the clauses.
    v = run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))}, "INSTANT"), "8.4");
    CHECK(v.algorithm == "INPLACE");
    CHECK(v.fails);
  }

  TEST_CASE("refused clause, pinning clauses, lock asked for, verdicts resting on unknown columns") {
    using Clause = analysis::StatementEffect::Clause;
    // The clause the server refuses.
    auto v = run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i"))}, "INSTANT"), "8.4");
    CHECK(v.effect.failed_clause == Clause::Algorithm);
    CHECK(run(add_phone("", "INSTANT", "NONE"), "8.4").effect.failed_clause == Clause::Algorithm);
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "", "NONE"), "mariadb-10.11");
    CHECK(v.effect.failed_clause == Clause::Lock);
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "COPY", "NONE"), "8.4");
    CHECK(v.effect.failed_clause == Clause::Lock);
    CHECK(run(add_phone(), "8.4").effect.failed_clause == Clause::None);
    // The clauses that pin what the server does without any; MySQL's INSTANT takes no LOCK=.
    CHECK(run(add_phone(), "8.4").effect.online_clauses() == "ALGORITHM=INSTANT");
    CHECK(run(add_phone(), "mariadb-10.11").effect.online_clauses() == "ALGORITHM=INSTANT, LOCK=NONE");
    CHECK(run(add_phone(), "5.7").effect.online_clauses() == "ALGORITHM=INPLACE, LOCK=NONE");
    // ALGORITHM=INSTANT came with MariaDB 10.3.2: 10.2 adds a column by an INPLACE rebuild.
    CHECK(run(add_phone(), "mariadb-10.2").algorithm == "INPLACE");
    CHECK(run(add_phone(), "mariadb-10.3").algorithm == "INSTANT");
    CHECK(run(add_phone("", "INSTANT"), "mariadb-10.2").fails);
    CHECK(run(add_phone("FIRST"), "8.0.28").effect.online_clauses() == "ALGORITHM=INPLACE, LOCK=NONE");
    CHECK(run(modify_to("score", type("bigint")), "8.4").effect.online_clauses() ==
          "ALGORITHM=COPY, LOCK=SHARED");
    // A LOCK= stronger than the operation needs.
    CHECK(run(add_phone("", "INPLACE", "EXCLUSIVE"), "8.4").effect.tables[0].lock_requested);
    CHECK_FALSE(run(add_phone("", "INPLACE", "NONE"), "8.4").effect.tables[0].lock_requested);
    // ALGORITHM=COPY where the operation runs in place: the copy is asked for.
    CHECK(run(add_phone("", "COPY"), "8.4").effect.tables[0].algorithm_requested);
    CHECK_FALSE(run(alter("users", {modify("score", column("score", type("bigint")))}, "COPY"), "8.4")
                    .effect.tables[0]
                    .algorithm_requested);
    // The subcommand that decides the verdict: the one that needs the copy,
    // the one that needs the lock.
    v = run(alter("users", {add_column(column("phone", type("varchar", {"40"}))),
                            modify("score", column("score", type("bigint")))}),
            "8.4");
    CHECK(v.effect.tables[0].action == 1);
    CHECK(v.effect.tables[0].operation() == "MODIFY COLUMN (type change)");
    v = run(alter("users", {add(constraint(CK::Index, {"org_id"}, "i")),
                            add(constraint(CK::Fulltext, {"body"}, "f"))}),
            "8.4");
    CHECK(v.lock == "SHARED");
    CHECK(v.effect.tables[0].action == 1);
    CHECK(v.effect.tables[0].operation() == "ADD FULLTEXT INDEX (first)");
    CHECK(run(add_phone(), "8.4").effect.tables[0].action == 0);
    // COPY because the old definition of `unknown_col` is unknown: were it an
    // INT already, the MODIFY would not copy.
    v = run(modify_to("unknown_col", type("int")), "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.effect.tables[0].assumed_columns() == std::vector<std::string>{"unknown_col"});
    // A known type change stays a plain COPY, even beside an unknown column.
    v = run(alter("users", {modify("score", column("score", type("bigint"))),
                            modify("unknown_col", column("unknown_col", type("int")))}),
            "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.effect.tables[0].assumed_columns().empty());
    // A table the model does not know at all.
    v = run(alter("nowhere", {modify("c", column("c", type("int")))}), "8.4");
    CHECK(v.algorithm == "COPY");
    CHECK(v.effect.tables[0].assumed_columns() == std::vector<std::string>{"c"});
    // The refusal of ALGORITHM=INPLACE rests on the same unknown.
    v = run(alter("nowhere", {modify("c", column("c", type("int")))}, "INPLACE"), "8.4");
    CHECK(v.fails);
    CHECK(v.effect.fail_assumed_columns() == std::vector<std::string>{"c"});
    v = run(alter("users", {modify("score", column("score", type("bigint")))}, "INPLACE"), "8.4");
    CHECK(v.fails);
    CHECK(v.effect.fail_assumed_columns().empty());
  }

  TEST_CASE("other statements: implicit commit, TRUNCATE, DROP, RENAME, DML") {
    // B.6: DDL commits implicitly.
    CHECK(run(add_phone(), "8.4").effect.implicit_commit);
    ir::Truncate tr;
    tr.tables = {name("users")};
    auto e = analysis::mysql_statement_effect(statement(tr), target("8.4"));
    CHECK(e.implicit_commit);
    REQUIRE(e.tables.size() == 1);
    CHECK(e.tables[0].blocks == analysis::Blocks::ReadsAndWrites);
    CHECK(e.tables[0].rewrite);
    ir::Drop dr;
    dr.object = ir::ObjectKind::Table;
    dr.names = {name("users")};
    e = analysis::mysql_statement_effect(statement(dr), target("8.4"));
    CHECK(e.implicit_commit);
    CHECK(e.tables[0].mode == "MDL EXCLUSIVE");
    ir::Rename rn;
    rn.object = ir::ObjectKind::Table;
    rn.target = name("users");
    rn.new_name = "people";
    e = analysis::mysql_statement_effect(statement(rn), target("8.4"));
    CHECK(e.implicit_commit);
    CHECK(e.tables[0].algorithm() == "INSTANT");
    ir::CreateTable ct;
    ct.table = name("t");
    CHECK(analysis::mysql_statement_effect(statement(ct), target("8.4")).implicit_commit);
    ct.temporary = true;
    CHECK_FALSE(analysis::mysql_statement_effect(statement(ct), target("8.4")).implicit_commit);
    // DML: row locks only.
    ir::Update up;
    up.table = name("users");
    e = analysis::mysql_statement_effect(statement(up), target("8.4"));
    CHECK_FALSE(e.implicit_commit);
    REQUIRE(e.tables.size() == 1);
    CHECK(e.tables[0].blocks == analysis::Blocks::Ddl);  // its shared-write metadata lock holds off DDL
    CHECK(e.tables[0].algorithm().empty());
    CHECK(e.tables[0].mode.find("row locks") != std::string::npos);
    // The brief exclusive metadata lock is in the mode of every ALTER.
    CHECK(run(add_phone(), "8.4").effect.tables[0].mode == "MDL EXCLUSIVE (brief), LOCK=NONE");
  }
}
