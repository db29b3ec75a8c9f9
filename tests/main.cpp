#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "parser/parser.h"

int main(int argc, char** argv) {
  doctest::Context context;
  context.applyCommandLine(argc, argv);
  const int rc = context.run();
  ddlint::parser::shutdown();  // main thread only
  return rc;
}
