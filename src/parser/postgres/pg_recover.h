#pragma once
// What the tokens of a statement the parser rejected can still tell.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ir/ir.h"
#include "parser/postgres/pg_scan.h"

namespace ddlint::parser::pg {

// The major PostgreSQL version whose grammar the linked libpg_query parses.
int grammar_version();
// "libpg_query, PostgreSQL 15.1 grammar".
std::string grammar_description();

// Syntax of a PostgreSQL release newer than the parser's grammar, recognised
// from the rejected statement's tokens and the parser's message.
struct NewerSyntax {
  int version = 0;        // first major version that accepts it; 0: not recognised
  std::string_view what;  // e.g. "a subquery in FROM without an alias"
};

// `tokens`: the statement's tokens; `error`: index in `tokens` of the token
// the parser stopped at (tokens.size() when it stopped at the end).
NewerSyntax newer_syntax(std::string_view text, std::span<const Token> tokens, size_t error,
                         std::string_view message);

// The statement a token scan can read with certainty from a statement the
// parser rejected: the object a CREATE TABLE / MATERIALIZED VIEW / INDEX
// creates (without columns), and PostgreSQL 18's `ALTER TABLE t ADD
// [CONSTRAINT name] NOT NULL column`. (DROP and ALTER ... RENAME are never
// rejected with a target that is certain: their grammar has nothing after
// the names.) Nothing when the tokens say anything less certain.
std::optional<ir::StatementNode> recover(std::string_view text, std::span<const Token> tokens);

}  // namespace ddlint::parser::pg
