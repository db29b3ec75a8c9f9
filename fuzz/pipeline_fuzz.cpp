// libFuzzer target: any bytes through the whole pipeline (source, the
// dialect's front-end through parser::parse, analysis, every rule, every
// reporter) must not crash, hang or trip ASan/UBSan. Built twice by
// fuzz/CMakeLists.txt: ddlint_fuzz_pg (PostgreSQL) and ddlint_fuzz_mysql
// (MySQL/MariaDB). How to build and run: docs/fuzzing.md. The PostgreSQL
// target also checks that the front-end's own token scanner gives exactly
// libpg_query's tokens whenever it does not decline the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/settings.h"
#include "core/source.h"
#include "engine/catalog.h"
#include "engine/linter.h"
#include "parser/parser.h"
#include "report/reporter.h"
#include "rules/registry.h"

namespace {

#if defined(DDLINT_FUZZ_DIALECT_MYSQL)
constexpr ddlint::Dialect kDialect = ddlint::Dialect::MySql;
#elif defined(DDLINT_FUZZ_DIALECT_PG)
constexpr ddlint::Dialect kDialect = ddlint::Dialect::Postgres;
#else
#error "define DDLINT_FUZZ_DIALECT_PG or DDLINT_FUZZ_DIALECT_MYSQL"
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ddlint;
  const auto& catalog = engine::Catalog::instance();
  static const auto enabled = [&] {
    std::map<std::string, Severity> m;
    for (const auto& r : catalog.rules()) m[r.id] = r.default_severity;
    return m;
  }();
  auto source = std::make_shared<const SourceFile>(
      "fuzz.sql", std::string(reinterpret_cast<const char*>(data), size), kDialect);
  const auto parsed = parser::parse(*source, kDialect);
  {
    bool declined = false;
    const std::string diff = parser::check_token_scanner(*source, kDialect, declined);
    if (!diff.empty()) {
      std::fprintf(stderr, "the front-end's token scanner differs from its library's: %s\n", diff.c_str());
      std::abort();
    }
  }
  for (const bool in_tx : {false, true}) {
    analysis::Settings settings;
    settings.dialect = kDialect;
    settings.assume_in_transaction = in_tx;
    settings.pg_version = in_tx ? 11 : 15;
    std::vector<engine::FileResult> results;
    results.push_back(engine::lint_file(source, parsed, settings, enabled, rules::registry(), catalog));
    // The reporters describe only the rules that fired: SARIF's description
    // of every rule in the catalog does not depend on the input and would
    // take most of each run.
    std::set<std::string> fired;
    for (const auto& d : results.front().diagnostics) fired.insert(d.rule);
    report::ReportInput in{results, catalog, {fired.begin(), fired.end()}, "fuzz", false, true, "/fuzz"};
    std::ostringstream out;
    report::write_text(in, out);
    report::write_json(in, out);
    report::write_sarif(in, out);
    report::write_github(in, out);
    report::write_gcc(in, out);
    report::write_gitlab(in, out);
  }
  return 0;
}
