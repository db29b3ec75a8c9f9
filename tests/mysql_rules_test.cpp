// MySQL/MariaDB column rules: a finding that rests on an old column
// definition ddlint does not know is marked conditional, one it knows is not.
#include <doctest/doctest.h>

#include "support/harness.h"

using namespace ddlint;

namespace {

struct Found {
  std::string rule;
  uint32_t begin;
  bool conditional;
};

std::vector<Found> run(const std::string& sql, const std::vector<std::string>& rules) {
  analysis::Settings settings;
  settings.dialect = Dialect::MySql;
  std::vector<Found> out;
  for (const auto& d : test::lint("case.sql", sql, rules, settings).diagnostics)
    out.push_back({d.rule, d.range.begin, d.conditional});
  return out;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("MySQL restated columns: conditional exactly where the old definition is unknown") {
    const std::string sql =
        "ALTER TABLE users MODIFY email VARCHAR(100) NOT NULL;\n"  // unknown: conditional
        "ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n"
        "ALTER TABLE users MODIFY nick VARCHAR(20) NOT NULL;\n";  // known nullable: a fact
    const auto found = run(sql, {"set-not-null"});
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == "set-not-null");
    CHECK(found[0].begin == sql.find("NOT NULL"));
    CHECK(found[0].conditional);
    CHECK(found[1].begin == sql.rfind("NOT NULL"));
    CHECK_FALSE(found[1].conditional);
  }

  TEST_CASE("MySQL type and nullability restated: conditional only for the unknown column") {
    const std::string sql =
        "ALTER TABLE t ADD COLUMN a INT NOT NULL DEFAULT 0;\n"
        "ALTER TABLE t MODIFY a BIGINT, MODIFY b BIGINT;\n";
    const auto found = run(sql, {"alter-column-type", "drop-not-null"});
    REQUIRE(found.size() == 4);
    const size_t a = sql.find("a BIGINT"), b = sql.find("b BIGINT");
    int known = 0, unknown = 0;
    for (const auto& f : found) {
      CAPTURE(f.rule);
      CAPTURE(f.begin);
      if (f.begin == a || f.begin == a + 2) {
        CHECK_FALSE(f.conditional);
        ++known;
      } else {
        CHECK((f.begin == b || f.begin == b + 2));
        CHECK(f.conditional);
        ++unknown;
      }
    }
    CHECK(known == 2);
    CHECK(unknown == 2);
  }
}
