#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace ddlint::parser::pg {

// One token of libpg_query's scanner, with byte offsets into the scanned text.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  int kind = 0;          // libpg_query Token enum value (ASCII value for punctuation)
  int keyword_kind = 0;  // 0 = not a keyword; kMaybeKeyword from scan_native
};

// libpg_query's token kinds (PostgreSQL 15's grammar) that the front-end
// reads; punctuation is its ASCII value, a keyword its own kind.
constexpr int kIdent = 258;   // IDENT: an identifier, quoted or not
constexpr int kUIdent = 259;  // UIDENT: U&"..."
constexpr int kFConst = 260;
constexpr int kSConst = 261;
constexpr int kOp = 265;  // any operator without a kind of its own, e.g. ||
constexpr int kIConst = 266;
constexpr int kParam = 267;
constexpr int kTypecast = 268;  // ::
constexpr int kDotDot = 269;
constexpr int kColonEquals = 270;
constexpr int kEqualsGreater = 271;
constexpr int kLessEquals = 272;
constexpr int kGreaterEquals = 273;
constexpr int kNotEquals = 274;  // <> and !=

// scan_native's keyword_kind for a word: it does not look words up, so a
// word may be a keyword or an identifier (its kind is then IDENT, 258).
constexpr int kMaybeKeyword = -1;

struct ScanError {
  std::string message;
  uint32_t offset = 0;  // byte offset
};

// Scans `text` (which must be NUL-free) into tokens, comments excluded.
// Offsets are shifted by `base`. Returns the error when the scanner fails.
std::optional<ScanError> scan(std::string_view text, uint32_t base, std::vector<Token>& out);

// Scans `text` as scan() does, without libpg_query, for the constructs
// migrations are usually made of; returns false (and no tokens) at anything
// it does not reproduce exactly, and then scan() must be used. Offsets and
// the kinds of punctuation, operators, strings and numbers are scan()'s; a
// word's kind is IDENT with keyword_kind kMaybeKeyword. (A std::string: its
// terminating NUL ends the scanner's runs of bytes without a bound check.)
bool scan_native(const std::string& text, std::vector<Token>& out);
// What psql's lexer (the front-end's pre-pass) reads apart from the tokens,
// marked by scan_native's psql mode.
struct PsqlMarks {
  std::vector<TextRange> comments;   // every comment, in order
  std::vector<uint32_t> semicolons;  // the index of every `;` token
  // The index of every string token psql may read as E'': E'...', and a
  // quote right after an e (`a$e'...'`).
  std::vector<uint32_t> e_strings;
  // Every psql meta-command: a backslash where a token would start, to its
  // line's end (no tokens are read there).
  std::vector<TextRange> meta_commands;
  bool dollar_pair = false;          // a word holds `$$` (`a$$b`: psql sees a dollar quote open)
  bool semicolon_in_parens = false;  // a `;` inside parentheses opened since the last `;`
};
// scan_native, also marking what psql's lexer reads apart (`marks`).
bool scan_native(const std::string& text, std::vector<Token>& out, PsqlMarks& marks);

// Scans `text` with scan_native and with scan() and returns the first
// difference ("token 3: kind 258 ... vs libpg_query ..."), or "" when both
// give the same tokens or scan_native declines (`declined` says which). For
// tests.
std::string compare_native_scan(std::string_view text, bool& declined);

// Converts libpg_query's 1-based character cursor position into a byte offset.
uint32_t cursor_to_byte(std::string_view text, int cursorpos);

}  // namespace ddlint::parser::pg
