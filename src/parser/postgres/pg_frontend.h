#pragma once
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser::pg {

// PostgreSQL front-end: libpg_query's parse tree (JSON, read with simdjson)
// lowered into IR with precise byte ranges. Never throws on bad input: a
// statement that does not parse becomes a ParseError and every other statement
// is still lowered.
ir::ParsedFile parse(const SourceFile& source);

}  // namespace ddlint::parser::pg
