#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser {

// The one place that picks a front-end: PostgreSQL (libpg_query) or
// MySQL/MariaDB (the ANTLR4 grammar in parser/mysql). Everything above
// src/parser/ calls this and never names a dialect's front-end. Never throws
// on bad input: a statement that does not parse becomes one ParseError and
// every other statement is still lowered.
// The server a script is read for. MySQL and MariaDB run the content of an
// executable comment `/*!NNNNN ... */` only from version NNNNN on (MariaDB's
// ids have six digits: 10.11.6 is 101106, so it also runs MySQL 8's
// `/*!80016 ... */`), and `/*M!NNNNNN ... */` only on MariaDB.
struct ParseOptions {
  uint32_t mysql_version_id = 0;  // 0: unknown, run every executable comment
  bool mariadb = false;
  // 0: read the whole file. Otherwise the front-end stops once this many
  // statements failed to parse, and marks the result partial: for a caller
  // that only asks whether a file parses well enough in a dialect (the
  // driver's second look at a file whose guessed dialect floods errors).
  size_t max_errors = 0;
};

ir::ParsedFile parse(const SourceFile& source, Dialect dialect, const ParseOptions& options = {});

// The dialect the source was read as (SourceFile::dialect()).
inline ir::ParsedFile parse(const SourceFile& source, const ParseOptions& options = {}) {
  return parse(source, source.dialect(), options);
}

// The PostgreSQL grammar this build parses, e.g. "libpg_query, PostgreSQL 15.1
// grammar" (the libpg_query found when the build was configured).
// A large PostgreSQL file read a group of statements at a time, so that
// only one group's statements are held (pg::parse_groups: `head` gets the
// comments and skipped input, on_head(head) is called, then on_group for each
// group of statements, with the index of its first). False when the file is
// not read this way (another dialect, text parse() reads otherwise, a group
// that does not parse) or a callback returned false: drop what was handed on.
// `groups`: empty, it gets the groups' text ranges; given (from a call for the
// same file), the file is read in them again, without the first checks
// (`head` and on_head are left alone).
bool parse_groups(const SourceFile& source, ir::ParsedFile& head,
                  const std::function<bool(const ir::ParsedFile&)>& on_head,
                  const std::function<bool(std::vector<ir::Statement>&, size_t)>& on_group,
                  std::vector<TextRange>& groups);

std::string postgres_grammar();

// For tests and fuzzing: the tokens the dialect's front-end scans itself
// against its parser library's scanner, on the source's parse text after
// the front-end's pre-pass. Returns the first difference, or "" when both
// agree or the front-end's scanner declines the text (`declined`; always so
// for a dialect whose front-end has no scanner of its own: MySQL).
std::string check_token_scanner(const SourceFile& source, Dialect dialect, bool& declined);

// Frees the front-ends' per-thread memory. Call on the main thread at exit.
void shutdown();

}  // namespace ddlint::parser
