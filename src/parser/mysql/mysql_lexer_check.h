#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ddlint::parser::mysql {

// Lexes `text` (one statement piece, as the front-end prepares it) with the
// hand-written FastLexer and with the generated MySqlLexer and returns the
// first difference ("token 3: ID `abc` @4..7 vs generated ..."), or "" when
// both give the same tokens. For tests.
std::string compare_with_generated_lexer(std::string_view text);

// Compares the keyword table built into the binary (keyword_table(), written
// at build time) with the generated lexer's keywords probed now
// (probe_keywords()) and returns the first difference ("entry 3: ..."), or ""
// when they are the same, entry for entry. For tests.
std::string compare_keyword_table_with_probing();

// Parses each statement of a MySQL script (split as the front-end splits it)
// as the front-end's first stage does (SLL prediction, bailing out) and each
// one that fails there with full LL prediction twice: with ANTLR's default
// error strategy and the first error it reports (as the front-end read errors
// before), and with the front-end's StopAtFirstError. Returns the first
// statement where they differ (whether there is an error, and at which token),
// or "" when they agree on every one; counts the statements read and those
// with an error in full LL. For tests.
std::string compare_first_errors(std::string_view script, size_t& statements, size_t& failing);

// Parses each statement of a MySQL script (split as the front-end splits it)
// with full LL prediction and the default error strategy, once with the
// grammar's rule entries (MySqlParser::enterRule and enterOuterAlt, which
// skip the runtime's dynamic_cast) and once with the runtime's, and returns
// the first statement whose trees differ (rules, classes, start and stop
// tokens, children, parent links), or "" when they agree on every one;
// counts the statements read. For tests.
std::string compare_trees_with_runtime_entries(std::string_view script, size_t& statements);

}  // namespace ddlint::parser::mysql
