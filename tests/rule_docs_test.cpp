// rules.d pages: required sections, and every example is a test
// (incorrect blocks must trigger the rule, correct blocks must not).
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/catalog.h"
#include "engine/config.h"
#include "rules/registry.h"
#include "support/harness.h"

using namespace ddlint;

TEST_SUITE("docs") {
  TEST_CASE("rule catalogue pages parse") {
    const auto& catalog = engine::Catalog::instance();
    for (const auto& e : catalog.errors()) FAIL_CHECK(e);
    CHECK(catalog.rules().size() == rules::registry().size());
  }

  TEST_CASE("rule pages have the required sections and runnable examples") {
    const auto& catalog = engine::Catalog::instance();
    for (const auto& info : catalog.rules()) {
      CAPTURE(info.id);
      CHECK_FALSE(info.summary.empty());
      for (const char* s : {"What it does", "Why it is risky", "Example", "Use instead"})
        CHECK_MESSAGE(!info.section(s).empty(), "missing section: " << s);
      if (!info.options.empty())
        CHECK_MESSAGE(!info.section("Options").empty(), "rule with options needs Options");
      for (const auto& opt : info.options) {
        CAPTURE(opt.name);
        CHECK_FALSE(engine::check_option(opt, opt.default_value).has_value());
      }
      if (info.fix != "none")
        CHECK_MESSAGE(!info.section("Fix safety").empty(), "fixable rule needs Fix safety");
      size_t incorrect = 0;
      size_t correct = 0;
      for (const auto& ex : info.examples()) {
        CAPTURE(ex.sql);
        analysis::Settings settings;
        // A page for MySQL alone runs its examples as MySQL; on a page for
        // both dialects a MySQL example says `dialect=mysql`.
        const auto lists = [&](const char* d) {
          return std::find(info.dialects.begin(), info.dialects.end(), d) != info.dialects.end();
        };
        if (!info.dialects.empty() && !lists("postgres")) settings.dialect = Dialect::MySql;
        std::vector<std::string> rules{info.id};
        engine::RuleOptions options;
        test::apply_options(ex.attributes, settings, rules, options);
        CHECK_MESSAGE(
            (info.dialects.empty() || lists(settings.dialect == Dialect::MySql ? "mysql" : "postgres")),
            "example for a dialect the page does not list");
        const auto result = test::lint(info.id + ".md", ex.sql, {info.id}, settings, options);
        if (settings.dialect == Dialect::MySql && info.id != "syntax-error")
          CHECK_MESSAGE(result.stats.syntax_errors == 0, "MySQL example does not parse");
        size_t hits = 0;
        for (const auto& d : result.diagnostics) {
          if (d.rule != info.id || d.suppressed) continue;
          ++hits;
          if (info.fix == "none") CHECK_MESSAGE(!d.fix, "fix = \"none\" but the rule emitted a fix");
          if (info.fix == "always")
            CHECK_MESSAGE(d.fix.has_value(), "fix = \"always\" but a finding has no fix");
        }
        if (ex.incorrect) {
          ++incorrect;
          CHECK_MESSAGE(hits > 0, "incorrect example does not trigger " << info.id);
        } else {
          ++correct;
          CHECK_MESSAGE(hits == 0, "correct example triggers " << info.id);
        }
      }
      // A rule whose findings come from a live database (`ddlint drift`)
      // shows a session instead: a file alone never triggers it.
      const bool from_database =
          std::find(info.categories.begin(), info.categories.end(), "database") != info.categories.end();
      if (from_database)
        CHECK_MESSAGE(incorrect == 0, "a database rule's incorrect example cannot trigger it");
      else
        CHECK_MESSAGE(incorrect > 0, "no ```sql incorrect example");
      CHECK_MESSAGE(correct > 0, "no ```sql correct example");
    }
  }
}
