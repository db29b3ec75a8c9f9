#pragma once
#include <string>

namespace ddlint::test {

// A unified diff (3 lines of context) from `expected` to `actual`, for golden
// mismatches; empty when the texts are equal. Lines are split on '\n'; a
// missing final newline is marked as `diff -u` marks it.
std::string unified_diff(const std::string& expected, const std::string& actual,
                         const std::string& expected_name, const std::string& actual_name);

}  // namespace ddlint::test
