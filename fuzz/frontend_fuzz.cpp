// libFuzzer target: any bytes through the whole pipeline (source, PostgreSQL
// front-end, analysis, every rule, every reporter) must not crash.
// Build: cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DDDLINT_FUZZ=ON
// Run:   build-fuzz/fuzz/frontend_fuzz -max_len=4096 SEED_DIR
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "engine/catalog.h"
#include "engine/linter.h"
#include "parser/parser.h"
#include "report/reporter.h"
#include "rules/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ddlint;
  const auto& catalog = engine::Catalog::instance();
  static const auto enabled = [&] {
    std::map<std::string, Severity> m;
    for (const auto& r : catalog.rules()) m[r.id] = r.default_severity;
    return m;
  }();
  static const std::vector<std::string> ids = [&] {
    std::vector<std::string> v;
    for (const auto& r : catalog.rules()) v.push_back(r.id);
    return v;
  }();
  auto source =
      std::make_shared<const SourceFile>("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size));
  const auto parsed = parser::parse(*source);
  for (const bool in_tx : {false, true}) {
    analysis::Settings settings;
    settings.assume_in_transaction = in_tx;
    settings.pg_version = in_tx ? 11 : 15;
    std::vector<engine::FileResult> results;
    results.push_back(engine::lint_file(source, parsed, settings, enabled, rules::registry(), catalog));
    report::ReportInput in{results, catalog, ids, "fuzz", false, true, "/fuzz"};
    std::ostringstream out;
    report::write_text(in, out);
    report::write_json(in, out);
    report::write_sarif(in, out);
  }
  return 0;
}
