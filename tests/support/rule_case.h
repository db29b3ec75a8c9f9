#pragma once
// The rule-case harness: runs the SQL cases of testdata/rules/<rule-id>/.
// The case-file format is described in testdata/rules/README.md:
//   <name>.pg.sql            a case, read with the PostgreSQL front-end
//   <name>.mysql.sql         a case, read with the MySQL/MariaDB front-end
//   <name>.pg.fixed.sql      the case's text after its fixes (fix golden)
//   <name>.mysql.fixed.sql
//   -- ddlint-test: key=value ...              options for the case
//   -- expect: rule-id@column ["fragment"], ...  findings starting on this line
//   -- expect-next: rule-id@column ...           ... on the next non-blank line
// Any other file in a case folder is an error.
#include <filesystem>
#include <string>
#include <vector>

namespace ddlint::test {

enum class CaseFileKind { PgCase, MySqlCase, PgFixed, MySqlFixed, Unknown };
CaseFileKind classify_case_file(const std::string& name);

struct CaseResult {
  bool fires = false;                 // the case expects at least one finding
  std::vector<std::string> failures;  // "path:line: message"; empty when the case passes
};

// Runs one case with the folder's `rule` (plus the header's rules=) enabled:
// header and expectations well formed, every finding expected at its line and
// column and every expectation met, no syntax error unless the case enables
// and expects syntax-error, and when fixes apply, the fixed text equal to the
// .fixed.sql golden, re-parsed, clean for `rule` and idempotent.
// DDLINT_UPDATE_GOLDENS=1 (re)writes the fix golden instead of comparing.
CaseResult run_rule_case(const std::filesystem::path& file, const std::string& rule);

// Runs every file of testdata/rules/<rule-id>/ (`dir`): each case, plus the
// folder checks (a firing case and a near miss, no file the harness does not
// understand, no fix golden without its case).
std::vector<std::string> check_rule_folder(const std::filesystem::path& dir);

}  // namespace ddlint::test
