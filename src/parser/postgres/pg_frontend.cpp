#include "parser/postgres/pg_frontend.h"

#include <pg_query.h>
#include <simdjson.h>

#include <algorithm>
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

void parse_region(Context& c, uint32_t begin, uint32_t end);

// Parses one statement-sized piece on its own.
void parse_piece(Context& c, uint32_t loc, uint32_t len) {
  const std::string piece = c.text.substr(loc, len);
  PgQueryParseResult r = pg_query_parse(piece.c_str());
  const TextRange stmt = c.lowerer.trim_to_tokens(loc, loc + len);
  if (r.error) {
    const uint32_t off = loc + cursor_to_byte(piece, r.error->cursorpos);
    c.out.errors.push_back({token_range_at(c.tokens, off, stmt), stmt, first_line(r.error->message)});
  } else if (!lower_json(c, r.parse_tree, loc, len)) {
    c.out.errors.push_back({stmt, stmt, "internal error: unreadable parse tree"});
  }
  pg_query_free_parse_result(r);
}

// Statement-level recovery: split with the scanner and parse each piece.
void parse_region(Context& c, uint32_t begin, uint32_t end) {
  const std::string region = c.text.substr(begin, end - begin);
  PgQuerySplitResult split = pg_query_split_with_scanner(region.c_str());
  if (split.error) {
    // The scanner itself failed (e.g. an unterminated quote): keep what comes
    // before the failing statement, report one error for the rest.
    const uint32_t err = begin + cursor_to_byte(region, split.error->cursorpos);
    const std::string message = first_line(split.error->message);
    pg_query_free_split_result(split);
    uint32_t cut = err;
    while (cut > begin && c.text[cut - 1] != ';') --cut;
    if (cut > begin) parse_region(c, begin, cut);
    TextRange stmt = c.lowerer.trim_to_tokens(cut, end);
    if (stmt.empty()) stmt = {cut, end};
    // Skip leading whitespace for the statement start.
    while (stmt.begin < err && (c.text[stmt.begin] == ' ' || c.text[stmt.begin] == '\n' ||
                                c.text[stmt.begin] == '\r' || c.text[stmt.begin] == '\t'))
      ++stmt.begin;
    c.out.errors.push_back({{err, std::min(end, err + 1)}, stmt, message});
    return;
  }
  for (int i = 0; i < split.n_stmts; ++i) {
    const auto* s = split.stmts[i];
    parse_piece(c, begin + static_cast<uint32_t>(s->stmt_location), static_cast<uint32_t>(s->stmt_len));
  }
  pg_query_free_split_result(split);
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

  std::vector<Token> tokens;
  tokens.reserve(input.text.size() / 4);
  if (scan(input.text, 0, tokens)) {
    // The whole-file scan failed; scan piece by piece so ranges stay precise
    // for every statement before and after the bad one.
    tokens.clear();
    PgQuerySplitResult split = pg_query_split_with_scanner(input.text.c_str());
    if (!split.error) {
      for (int i = 0; i < split.n_stmts; ++i) {
        const auto* s = split.stmts[i];
        std::vector<Token> piece;
        scan(std::string_view(input.text).substr(s->stmt_location, s->stmt_len),
             static_cast<uint32_t>(s->stmt_location), piece);
        tokens.insert(tokens.end(), piece.begin(), piece.end());
      }
    } else {
      const uint32_t err = cursor_to_byte(input.text, split.error->cursorpos);
      scan(std::string_view(input.text).substr(0, err), 0, tokens);
    }
    pg_query_free_split_result(split);
  }

  static thread_local simdjson::dom::parser json;
  Lowerer lowerer(input.text, tokens);
  Context c{input.text, tokens, lowerer, out, json};
  PgQueryParseResult r = pg_query_parse(input.text.c_str());
  const bool ok = !r.error && lower_json(c, r.parse_tree, 0, static_cast<uint32_t>(input.text.size()));
  pg_query_free_parse_result(r);
  if (!ok) {
    out.statements.clear();
    parse_region(c, 0, static_cast<uint32_t>(input.text.size()));
  }
  return out;
}

}  // namespace ddlint::parser::pg
