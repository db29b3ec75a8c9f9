#pragma once
#include <cstddef>
#include <functional>
#include <vector>

#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser::pg {

// PostgreSQL front-end: libpg_query's parse tree (JSON, read by pg_json.h)
// lowered into IR with precise byte ranges. Never throws on bad input: a
// statement that does not parse becomes a ParseError and every other statement
// is still lowered. With max_errors > 0, parsing stops once that many
// statements failed (ParseOptions::max_errors).
ir::ParsedFile parse(const SourceFile& source, size_t max_errors = 0);

// A file read a group of statements at a time (about 64 KB of text each),
// so that only one group's statements are held: `head` gets the file's
// comments and skipped input, then on_head(head) is called, then
// on_group(statements, index of the first) for each group in file order.
// The statements are those parse() gives when it reads the file in groups
// (a large file whose every group parses). False when the file is not read
// this way (its text needs psql's pre-pass or holds a psql meta-command, a
// statement nested too deep, an INSERT of constant rows, a group that does
// not parse) or a callback returned false: what was handed on until then must be dropped.
// `groups`: empty, it gets the groups' text ranges; given (what a call for
// the same file filled in), the file is read in those groups without the
// first checks, and `head` and on_head are left alone.
bool parse_groups(const SourceFile& source, ir::ParsedFile& head,
                  const std::function<bool(const ir::ParsedFile&)>& on_head,
                  const std::function<bool(std::vector<ir::Statement>&, size_t)>& on_group,
                  std::vector<TextRange>& groups);
// The size of the chunks parse_groups' first pass reads a file in (1 MiB;
// at least 1 byte): tests set a small one to cut a file at every statement.
void set_first_pass_chunk_bytes(size_t bytes);

// Frees libpg_query's memory for the calling thread. Call on the main thread
// at exit; a no-op when this thread never parsed (libpg_query crashes then).
void shutdown();

}  // namespace ddlint::parser::pg
