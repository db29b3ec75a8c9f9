#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ir/parsed_file.h"
#include "parser/postgres/pg_scan.h"

namespace ddlint::parser::pg {

// Result of the psql pre-pass: the text with psql-only input blanked out
// (offsets unchanged), what was blanked, and every comment found.
struct PsqlInput {
  std::string text;
  std::vector<ir::SkippedInput> skipped;
  std::vector<TextRange> comments;
  // Every statement's raw extent (without its terminator), split where psql
  // would send the query buffer: at `;` outside quotes and comments, and at a
  // meta-command. Pieces holding only whitespace and comments are left out.
  std::vector<TextRange> statements;
  // Lexical errors psql itself would hit (an unterminated block comment).
  std::vector<ir::ParseError> errors;
};

// Lexes SQL the way psql does (quotes, dollar quotes, nested comments) and
// blanks psql meta-command lines (`\set`, `\c`, `\i`, ...) and the data block
// that follows `COPY ... FROM stdin` up to its `\.` terminator, so the SQL
// parser only ever sees SQL.
PsqlInput prepare_psql_input(std::string_view text);

// prepare_psql_input's result for a text the native scanner took as a whole
// in psql mode, read from its tokens and marks instead of the bytes: `out`
// holds the text and its comments (the marks'), and gets the statements and
// the meta-commands (the marks'), blanked in its text and skipped as the
// pre-pass skips them. False (`out`'s statements, skipped input and text
// then meaningless) when the text holds anything else the pre-pass treats
// apart from the scanner: a runner directive, a `;` inside parentheses
// (CREATE RULE), COPY, an E'' string or a word with `$$` the two read
// differently. The text holds no unterminated quote or comment (the
// scanner declines those): nothing is an error.
bool psql_input_from_tokens(const std::vector<Token>& tokens, const PsqlMarks& marks, PsqlInput& out);

}  // namespace ddlint::parser::pg
