#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/locks.h"
#include "core/text.h"

namespace ddlint::analysis {

struct DeclaredLock {
  std::string table;                       // lower-case, as written (may be schema-qualified)
  Blocks blocks = Blocks::ReadsAndWrites;  // no level given counts as the strongest
};

// The migration's own declaration of its cost, read from the comments before
// its first statement (RULES.md "Annotations").
struct Annotations {
  bool has_duration = false;
  std::optional<double> duration_seconds;  // upper bound; unset when unreadable
  std::string duration_text;
  TextRange duration_range;

  bool has_locks = false;
  std::vector<DeclaredLock> locks;  // empty with has_locks = "none"
  TextRange locks_range;
  // Parts of the lock annotation that could not be read ("cannot read the
  // lock level `wrte` of `users`"). With an unreadable table name the list is
  // incomplete: a table missing from it may be the one that could not be read.
  std::vector<std::string> lock_problems;
  bool locks_incomplete = false;

  // `-- Tested on: 2M row table`: the rows the migration was timed on.
  bool has_tested = false;
  std::optional<double> tested_rows;  // unset when unreadable
  std::string tested_text;
  TextRange tested_range;
};

// `comments` are the file's comments in source order with their text;
// `first_statement` is the byte offset of the first statement (comments at or
// after it are not part of the header).
Annotations parse_annotations(const std::vector<std::pair<TextRange, std::string_view>>& comments,
                              uint32_t first_statement);

// Parses a duration such as "5-10 minutes", "30s", "under 1 minute", "1h".
std::optional<double> parse_duration_seconds(std::string_view text);

// Parses a row count such as "2M row table", "2 million rows", "2,000,000",
// "500k", "~1.5M rows".
std::optional<double> parse_row_count(std::string_view text);

}  // namespace ddlint::analysis
