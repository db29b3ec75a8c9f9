#pragma once
#include <string>
#include <vector>

#include "core/text.h"
#include "ir/ir.h"

namespace ddlint::ir {

// A statement the parser rejected. The range covers the offending token.
struct ParseError {
  TextRange range;
  TextRange statement;  // the statement the error belongs to
  std::string message;
  // The statement uses syntax of a newer PostgreSQL release than the
  // parser's grammar, recognised from its tokens: the first major version
  // that accepts it and what it is (e.g. "a subquery in FROM without an
  // alias"); 0 and empty when not recognised.
  int newer_version = 0;
  std::string newer_syntax = {};
  int parser_version = 0;  // with newer_version: the major version of the parser's grammar
};

// What kind of input a front-end read past without analysing it.
enum class SkippedKind {
  ClientInput,  // for the client program, not SQL: psql meta-commands, COPY ... FROM stdin data, mysql
                // `source`
  DynamicSql,   // SQL built at run time (PREPARE ... FROM @var, EXECUTE IMMEDIATE) that ddlint cannot read
  Routine,      // a CALL of a stored procedure whose body changes tables, or that ddlint has not seen
};

// Input the front-end deliberately skipped without analysing it.
struct SkippedInput {
  TextRange range;
  std::string description;
  SkippedKind kind = SkippedKind::ClientInput;
};

// What a front-end hands to analysis: every statement it could lower (in
// source order), every error, every skipped block and every comment.
struct ParsedFile {
  std::vector<Statement> statements;
  std::vector<ParseError> errors;
  std::vector<SkippedInput> skipped;
  std::vector<TextRange> comments;  // `-- ...` and `/* ... */`, in source order
  // The front-end stopped at ParseOptions::max_errors failed statements: the
  // lists hold only what it read before (never analysed or linted).
  bool partial = false;
  // Two statements' texts overlap without one holding the other (never seen
  // from ddlint's front ends): Statement::held_by is then not set, and what
  // needs it reads the statements' ranges.
  bool irregular_nesting = false;
};

// Sets each statement's held_by (or irregular_nesting): parser::parse does
// for every file it parses.
void mark_held(ParsedFile& file);

}  // namespace ddlint::ir
