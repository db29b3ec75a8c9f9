#pragma once
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser::pg {

// PostgreSQL front-end: libpg_query's parse tree (JSON, read by pg_json.h)
// lowered into IR with precise byte ranges. Never throws on bad input: a
// statement that does not parse becomes a ParseError and every other statement
// is still lowered. With max_errors > 0, parsing stops once that many
// statements failed (ParseOptions::max_errors).
ir::ParsedFile parse(const SourceFile& source, size_t max_errors = 0);

// Frees libpg_query's memory for the calling thread. Call on the main thread
// at exit; a no-op when this thread never parsed (libpg_query crashes then).
void shutdown();

}  // namespace ddlint::parser::pg
