#pragma once
#include <string>
#include <string_view>

#include "core/source.h"

namespace ddlint::parser {

// The dialect a migration file is written in, guessed from its text when no
// configuration says: MySQL/MariaDB signs (backtick-quoted names, ENGINE=,
// AUTO_INCREMENT, UNSIGNED, DELIMITER, `#` comments, /*! ... */, MODIFY /
// CHANGE COLUMN, MySQL-only types and session variables) against PostgreSQL
// signs (`::` casts, $$ bodies, CONCURRENTLY, serial types, jsonb,
// timestamptz, bytea, plpgsql, CREATE EXTENSION, ALTER COLUMN ... TYPE,
// NOT VALID). Comments (except MySQL's executable ones) and string literals
// are skipped. A file with no sign either way, or as many of each, is
// PostgreSQL.
struct DialectGuess {
  Dialect dialect = Dialect::Postgres;
  int mysql_signs = 0;
  int postgres_signs = 0;
  std::string evidence;  // the first signs of the chosen dialect, e.g. "backtick-quoted names, ENGINE="

  // Signs of the chosen dialect (0: chosen by default).
  int signs() const { return dialect == Dialect::MySql ? mysql_signs : postgres_signs; }
  // The text holds syntax only the chosen dialect accepts (backticks,
  // DELIMITER, ENGINE=, AUTO_INCREMENT; `::`, $$ bodies, CONCURRENTLY, plpgsql).
  bool decisive() const { return signs() >= kDecisiveSign; }
  static constexpr int kDecisiveSign = 10;
};
// `path`: the file's path, whose name and last folders may name the dialect
// (`x.mysql.sql`, `migrations/postgres/`); a weaker sign than the text's.
DialectGuess detect_dialect(std::string_view text, std::string_view path = {});

}  // namespace ddlint::parser
