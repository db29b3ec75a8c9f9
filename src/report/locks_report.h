#pragma once
#include <ostream>
#include <string>
#include <string_view>

#include "analysis/migration_facts.h"
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::report {

// `ddlint locks`: the lock plan of one file, statement by statement (lock
// mode per table, what it blocks, rewrite/scan, transaction-block
// restrictions; MySQL/MariaDB: algorithm, LOCK=, implicit commit, refusal).
struct LocksInput {
  const std::string& path;  // as the user gave it
  const SourceFile& source;
  const ir::ParsedFile& parsed;
  const analysis::MigrationFacts& facts;
  int pg_version = 15;
  // With --table-stats: sizes and throughput for duration estimates.
  const analysis::SizePolicy* sizes = nullptr;
};
void write_locks_text(const LocksInput& in, std::ostream& out);
void write_locks_json(const LocksInput& in, std::ostream& out);
// Statements that could not be analysed (did not parse), one line each.
void write_locks_errors(const LocksInput& in, std::ostream& err);

// A statement's text on one line, whitespace runs collapsed (the lock plan
// and the trace print statements so).
std::string one_line(std::string_view s);

}  // namespace ddlint::report
