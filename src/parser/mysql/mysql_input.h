#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ir/parsed_file.h"

namespace ddlint::parser::mysql {

// Result of the mysql-client pre-pass: a parse copy of the text with the same
// offsets (comments, `/*!` markers and client commands blanked, non-ASCII
// bytes replaced by '_'), every statement's extent, and what was skipped.
struct MySqlInput {
  std::string text;
  // Every statement's raw extent (without its terminator), split where the
  // mysql client would send it: at the current delimiter outside quotes and
  // comments, and at a DELIMITER command. Pieces holding only whitespace and
  // comments are left out, and so is a piece with an unterminated quote (it
  // is reported in `errors`).
  std::vector<TextRange> statements;
  std::vector<ir::SkippedInput> skipped;
  std::vector<TextRange> comments;  // `-- `, `#`, `/* */` (not `/*! */`, whose content is SQL)
  std::vector<ir::ParseError> errors;
};

// Lexes a MySQL/MariaDB script the way the mysql client does: quotes ('...',
// "..." with backslash escapes, `...`), comments (`-- `, `#`, `/* */`),
// executable comments (`/*! ... */`, `/*!50001 ... */`, MariaDB `/*M! ... */`:
// their content is SQL) and the client's `DELIMITER xx` command.
MySqlInput prepare_mysql_input(std::string_view text);

}  // namespace ddlint::parser::mysql
