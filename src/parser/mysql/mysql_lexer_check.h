#pragma once
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

}  // namespace ddlint::parser::mysql
