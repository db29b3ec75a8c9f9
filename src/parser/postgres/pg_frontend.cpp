#include "parser/postgres/pg_frontend.h"

#include <pg_query.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "parser/postgres/pg_lower.h"
#include "parser/postgres/pg_scan.h"
#include "parser/postgres/psql_input.h"

namespace ddlint::parser::pg {

namespace {

struct Context {
  const std::string& text;  // psql-prepared text, same offsets as the file
  std::vector<Token>& tokens;
  Lowerer& lowerer;
  ir::ParsedFile& out;
  simdjson::dom::parser& json;
};

std::string first_line(const char* msg) {
  std::string s = msg ? msg : "syntax error";
  const auto nl = s.find('\n');
  if (nl != std::string::npos) s.resize(nl);
  // Keep `at or near "..."` short: after an unterminated quote it would
  // otherwise quote the rest of the file.
  const auto near = s.find(" at or near \"");
  if (near != std::string::npos && s.size() > near + 13 + 40) s = s.substr(0, near + 13 + 37) + "...\"";
  return s;
}

TextRange token_range_at(const std::vector<Token>& tokens, uint32_t offset, TextRange stmt) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, uint32_t off) { return t.end <= off; });
  if (it != tokens.end() && it->begin <= offset + 1 && it->begin < stmt.end + 1 && it->begin >= stmt.begin)
    return {it->begin, it->end};
  // At end of input: point at the statement's last token.
  if (!stmt.empty()) {
    auto last = std::lower_bound(tokens.begin(), tokens.end(), stmt.end,
                                 [](const Token& t, uint32_t off) { return t.end < off; });
    if (last != tokens.end() && last->end == stmt.end) return {last->begin, last->end};
  }
  return {offset, offset + 1};
}

// Lowers every RawStmt of a successful parse of text[base, base+len).
bool lower_json(Context& c, const char* json, uint32_t base, uint32_t len) {
  simdjson::dom::element root;
  if (c.json.parse(json, std::strlen(json)).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::array stmts;
  if (root["stmts"].get(stmts) != simdjson::SUCCESS) return true;  // empty input
  for (simdjson::dom::element raw : stmts) {
    int64_t loc = 0;
    int64_t slen = 0;
    if (raw["stmt_location"].get(loc) != simdjson::SUCCESS) loc = 0;
    if (raw["stmt_len"].get(slen) != simdjson::SUCCESS || slen == 0) slen = static_cast<int64_t>(len) - loc;
    const uint32_t b = base + static_cast<uint32_t>(loc);
    const TextRange range = c.lowerer.trim_to_tokens(b, b + static_cast<uint32_t>(slen));
    simdjson::dom::element stmt;
    if (raw["stmt"].get(stmt) != simdjson::SUCCESS) continue;
    c.out.statements.push_back(c.lowerer.lower(stmt, base, range));
  }
  return true;
}

// Parses one statement-sized piece on its own.
void parse_piece(Context& c, uint32_t loc, uint32_t len) {
  TextRange stmt = c.lowerer.trim_to_tokens(loc, loc + len);
  if (stmt.empty()) {
    // No tokens: either only whitespace/comments (skip) or text the scanner
    // rejected (an unterminated quote): keep its non-blank extent.
    uint32_t b = loc;
    uint32_t e = loc + len;
    while (b < e && std::isspace(static_cast<unsigned char>(c.text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(c.text[e - 1]))) --e;
    if (b == e) return;
    stmt = {b, e};
  }
  const std::string piece = c.text.substr(loc, len);
  PgQueryParseResult r = pg_query_parse(piece.c_str());
  if (r.error) {
    const uint32_t off = loc + cursor_to_byte(piece, r.error->cursorpos);
    c.out.errors.push_back({token_range_at(c.tokens, off, stmt), stmt, first_line(r.error->message)});
  } else if (!lower_json(c, r.parse_tree, loc, len)) {
    c.out.errors.push_back({stmt, stmt, "internal error: unreadable parse tree"});
  }
  pg_query_free_parse_result(r);
}

thread_local bool g_used = false;

}  // namespace

void shutdown() {
  if (g_used) pg_query_exit();
  g_used = false;
}

ir::ParsedFile parse(const SourceFile& source) {
  g_used = true;
  ir::ParsedFile out;
  PsqlInput input = prepare_psql_input(source.parse_text());
  out.skipped = std::move(input.skipped);
  out.comments = std::move(input.comments);
  out.errors = std::move(input.errors);

  std::vector<Token> tokens;
  tokens.reserve(input.text.size() / 4);
  if (scan(input.text, 0, tokens)) {
    // The whole-file scan failed (e.g. an unterminated quote): scan piece by
    // piece so ranges stay precise for every statement around the bad one.
    tokens.clear();
    for (const auto& piece : input.statements) {
      std::vector<Token> part;
      scan(std::string_view(input.text).substr(piece.begin, piece.size()), piece.begin, part);
      tokens.insert(tokens.end(), part.begin(), part.end());
    }
  }

  static thread_local simdjson::dom::parser json;
  Lowerer lowerer(input.text, tokens);
  Context c{input.text, tokens, lowerer, out, json};
  PgQueryParseResult r = pg_query_parse(input.text.c_str());
  const bool ok = !r.error && lower_json(c, r.parse_tree, 0, static_cast<uint32_t>(input.text.size()));
  pg_query_free_parse_result(r);
  if (!ok) {
    // Statement-level recovery: parse each piece the psql pre-pass found.
    out.statements.clear();
    for (const auto& piece : input.statements) parse_piece(c, piece.begin, piece.size());
  }
  return out;
}

}  // namespace ddlint::parser::pg
