#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

#include "parser/parser.h"

namespace {

// doctest exits 0 when its filters (--test-suite=, --test-case=, ...) match
// nothing, so a typo in a filter (ours or ctest's) would pass silently. This
// listener sees the run's totals; main fails a run in which no test case ran.
// (test_run_end is not called for --list-* / --count / --help / --no-run.)
bool g_ran_empty = false;

struct EmptyRunListener : doctest::IReporter {
  explicit EmptyRunListener(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    g_ran_empty = stats.numTestCasesPassingFilters == 0;
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("empty-run", 1, EmptyRunListener);

int main(int argc, char** argv) {
  doctest::Context context;
  context.applyCommandLine(argc, argv);
  int rc = context.run();
  if (rc == 0 && g_ran_empty) {
    std::cerr << "ddlint_tests: error: no test case matches the filters\n";
    rc = 1;
  }
  ddlint::parser::shutdown();  // main thread only
  return rc;
}
