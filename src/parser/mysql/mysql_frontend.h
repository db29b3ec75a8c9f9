#pragma once
#include <cstdint>

#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::parser::mysql {

// MySQL/MariaDB front-end: the script is split into statements the way the
// mysql client splits it (quotes, comments, `/*! */` executable comments,
// DELIMITER), each statement of a kind the IR models is parsed by the ANTLR4
// grammar in this directory and lowered into IR with byte ranges; every other
// statement becomes ir::Opaque. Never throws on bad input: a statement that
// does not parse becomes one ParseError at the offending token and every other
// statement is still lowered. `version_id` (80400, 101106; 0 when unknown)
// and `mariadb` decide which executable comments run (prepare_mysql_input).
// With max_errors > 0, parsing stops once that many statements failed
// (ParseOptions::max_errors).
ir::ParsedFile parse(const SourceFile& source, uint32_t version_id = 0, bool mariadb = false,
                     size_t max_errors = 0);

}  // namespace ddlint::parser::mysql
