#pragma once
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser {

// The one place that picks a front-end: PostgreSQL (libpg_query) or
// MySQL/MariaDB (the ANTLR4 grammar in parser/mysql). Everything above
// src/parser/ calls this and never names a dialect's front-end. Never throws
// on bad input: a statement that does not parse becomes one ParseError and
// every other statement is still lowered.
ir::ParsedFile parse(const SourceFile& source, Dialect dialect);

// The dialect the source was read as (SourceFile::dialect()).
inline ir::ParsedFile parse(const SourceFile& source) { return parse(source, source.dialect()); }

// Frees the front-ends' per-thread memory. Call on the main thread at exit.
void shutdown();

}  // namespace ddlint::parser
