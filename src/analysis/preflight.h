#pragma once
// `ddlint preflight`: for each change of a migration whose success depends on
// the rows already in the table (SET NOT NULL, ADD COLUMN ... NOT NULL
// without a default, a new UNIQUE or PRIMARY KEY, a validated CHECK or
// FOREIGN KEY, a narrower column type, enum values removed, a MySQL
// strict-mode conversion to a number or a date), the read-only query that
// finds the rows that would make it fail.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/migration_facts.h"
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

struct PreflightCheck {
  size_t statement = 0;
  TextRange range;       // the clause whose success depends on the data
  std::string change;    // "SET NOT NULL on `users`.`email`"
  std::string fails_if;  // "a row has `email` NULL"
  // What count_sql counts: "row", "duplicate key", or "" when it only says
  // whether the table has a row at all (0 or 1).
  std::string unit = "row";
  std::string count_sql;   // one row, one number: how many rows (or groups) are in the way
  std::string sample_sql;  // the first few of them (LIMIT 5)
};

// The checks of one file, in statement order. Only tables that exist before
// the statement (not created earlier in the file) can hold rows in the way.
// `text` is the file's text (CHECK expressions are copied from it).
std::vector<PreflightCheck> preflight_checks(const ir::ParsedFile& file, const MigrationFacts& facts,
                                             std::string_view text, Dialect dialect);

}  // namespace ddlint::analysis
