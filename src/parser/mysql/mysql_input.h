#pragma once
#include <cstdint>
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
// their content is SQL for the servers that run it) and the client's
// `DELIMITER xx` command. `/*!NNNNN` (five or six digits) runs from server
// version id NNNNN on; `/*M!` only on MariaDB; one that does not run for
// `version_id` (0: unknown, every one runs) and `mariadb` is a comment.
// `/*M!999999` (mariadb-dump's sandbox line) never runs.
MySqlInput prepare_mysql_input(std::string_view text, uint32_t version_id = 0, bool mariadb = false);

}  // namespace ddlint::parser::mysql
