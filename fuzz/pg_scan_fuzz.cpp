// libFuzzer target: the PostgreSQL front-end's own token scanner
// (scan_native) must give exactly libpg_query's tokens for any text it does
// not decline, and never crash. Much faster per input than the pipeline
// targets, so it reaches far more scanner states; not among fuzz/run's
// defaults (run it by name: docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/source.h"
#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The text the front-end scans: the file's parse copy (invalid UTF-8
  // and NUL bytes replaced), after the psql pre-pass.
  const ddlint::SourceFile source("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size),
                                  ddlint::Dialect::Postgres);
  bool declined = false;
  const std::string diff = ddlint::parser::check_token_scanner(source, ddlint::Dialect::Postgres, declined);
  if (!diff.empty()) {
    std::fprintf(stderr, "scan_native differs from libpg_query's scanner: %s\n", diff.c_str());
    std::abort();
  }
  return 0;
}
