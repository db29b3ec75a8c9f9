#include "parser/postgres/pg_frontend.h"

#include <pg_query.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "parser/depth.h"
#include "parser/postgres/pg_format.h"
#include "parser/postgres/pg_json.h"
#include "parser/postgres/pg_lower.h"
#include "parser/postgres/pg_recover.h"
#include "parser/postgres/pg_scan.h"
#include "parser/postgres/pg_tree.h"
#include "parser/postgres/psql_input.h"

#ifdef DDLINT_PG_RAW_PARSE
// libpg_query's parse steps, as pg_query/pg_query_internal.h declares them
// (that header needs PostgreSQL's server headers, which are not installed:
// the list of statements and the memory context are taken as pointers).
extern "C" {
struct PgQueryRawParseResult {
  void* tree;  // List* of RawStmt
  char* stderr_buffer;
  PgQueryError* error;
};
PgQueryRawParseResult pg_query_raw_parse(const char* input);
void pg_query_free_error(PgQueryError* error);
void* pg_query_enter_memory_context();
void pg_query_exit_memory_context(void* ctx);
char* pg_query_nodes_to_json(const void* obj);
}
#endif

namespace ddlint::parser::pg {

namespace {

// One parse of a NUL-terminated text with libpg_query: its error, or its
// parse tree as JSON, valid while the object lives. With DDLINT_PG_RAW_PARSE
// the steps of pg_query_parse are run here and the JSON is read where
// libpg_query wrote it, in the parse's memory context (pg_query_parse
// copies it out with strdup: 20 M instructions over the PostgreSQL
// corpus); the context is deleted when the object dies. The error is the
// same either way (pg_query_parse returns raw_parse's).
class TreeParse {
  static constexpr size_t kJsonFirst = size_t{8} << 10;
  static inline thread_local size_t t_json_bytes = 0;

 public:
  explicit TreeParse(const char* text) {
#ifdef DDLINT_PG_RAW_PARSE
    context_ = pg_query_enter_memory_context();
    const PgQueryRawParseResult r = pg_query_raw_parse(text);
    stderr_buffer_ = r.stderr_buffer;
    error_ = r.error;
    if (error_ == nullptr) {
      // The JSON takes about 4 bytes per byte of text (8 or fewer for 95%
      // of the corpus's parses): room for 8 at once instead of doubling
      // from 1 KB (18.7 M instructions over the corpus, in repalloc).
      // The tree read without its JSON text where this build can (pg_tree.h),
      // once this thread has parsed kJsonFirst bytes: that reading first
      // makes a plan of each message type it meets (about 0.1 M
      // instructions for a small file's), which it saves back only after a
      // few KB of text (about 30 instructions a byte), so a small file's
      // run (pre-commit, an editor) reads the JSON.
      const size_t size = std::strlen(text);
      if (t_json_bytes >= kJsonFirst && tree_values(r.tree, root_)) {
        has_root_ = true;
      } else {
        t_json_bytes += size;
        reserve_output(size * 8);
        tree_ = pg_query_nodes_to_json(r.tree);
        reserve_output(0);
      }
    }
#else
    result_ = pg_query_parse(text);
    error_ = result_.error;
    if (error_ == nullptr) tree_ = result_.parse_tree;
#endif
  }
  ~TreeParse() {
#ifdef DDLINT_PG_RAW_PARSE
    pg_query_exit_memory_context(context_);
    if (error_ != nullptr) pg_query_free_error(error_);
    std::free(stderr_buffer_);  // NOLINT(cppcoreguidelines-no-malloc): libpg_query's malloc
#else
    pg_query_free_parse_result(result_);
#endif
  }
  TreeParse(const TreeParse&) = delete;
  TreeParse& operator=(const TreeParse&) = delete;

  // The error, or null when the text parsed.
  const PgQueryError* error() const { return error_; }
  // The parse tree (when the text parsed) as JSON text, or null when it
  // was read without (root()).
  const char* tree() const { return tree_; }
  // The parse tree's values when they were read without JSON text.
  bool has_root() const { return has_root_; }
  json::Element root() const { return root_; }

 private:
#ifdef DDLINT_PG_RAW_PARSE
  void* context_ = nullptr;
  char* stderr_buffer_ = nullptr;
#else
  PgQueryParseResult result_{};
#endif
  PgQueryError* error_ = nullptr;
  const char* tree_ = nullptr;
  json::Element root_;
  bool has_root_ = false;
};

struct Context {
  std::string_view text;  // psql-prepared text, same offsets as the file
  std::vector<Token>& tokens;
  Lowerer& lowerer;
  ir::ParsedFile& out;
  json::Parser& json;
  const PsqlInput& input;
  bool exact = false;     // tokens from scan(), with every kind (else from scan_native)
  size_t max_errors = 0;  // ParseOptions::max_errors
  // Whether parsing stops here: max_errors statements failed (the result is
  // then marked partial).
  bool stop() {
    if (max_errors == 0 || out.errors.size() < max_errors) return false;
    out.partial = true;
    return true;
  }
};

// libpg_query's tokens for the whole text: the file at once, or piece by
// piece when the scanner rejects the file (e.g. an unterminated quote), so
// ranges stay precise for every statement around the bad one.
void exact_scan(const PsqlInput& input, std::vector<Token>& tokens) {
  tokens.clear();
  if (scan(input.text, 0, tokens)) {
    tokens.clear();
    for (const auto& piece : input.statements) {
      std::vector<Token> part;
      scan(std::string_view(input.text).substr(piece.begin, piece.size()), piece.begin, part);
      tokens.insert(tokens.end(), part.begin(), part.end());
    }
  }
}

// Recovery and the exact nesting bound read keyword kinds, which only
// scan() gives: the same offsets, so ranges already taken stay valid.
void need_exact(Context& c) {
  if (c.exact) return;
  exact_scan(c.input, c.tokens);
  c.exact = true;
}

// The same for the tokens in [begin, end) only (a statement's: token
// boundaries, where a scan of the range alone gives the file's tokens):
// scans that range with libpg_query and takes its kinds when its tokens are
// where scan_native put them, else scans the whole file.
void need_exact(Context& c, uint32_t begin, uint32_t end) {
  if (c.exact) return;
  std::vector<Token> part;
  if (!scan(c.text.substr(begin, end - begin), begin, part)) {
    auto first = std::lower_bound(c.tokens.begin(), c.tokens.end(), begin,
                                  [](const Token& t, uint32_t off) { return t.begin < off; });
    auto last = first;
    while (last != c.tokens.end() && last->end <= end) ++last;
    bool same = static_cast<size_t>(last - first) == part.size();
    for (size_t k = 0; same && k < part.size(); ++k)
      same = first[static_cast<std::ptrdiff_t>(k)].begin == part[k].begin &&
             first[static_cast<std::ptrdiff_t>(k)].end == part[k].end;
    if (same) {
      std::copy(part.begin(), part.end(), first);
      return;
    }
  }
  need_exact(c);
}

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

constexpr uint32_t kMaxDepth = kMaxNesting;
// The parse tree's JSON nests about two levels per expression level.
constexpr size_t kMaxJsonDepth = 4 * kMaxDepth + 1024;

// Keywords that nest the expressions around them like an operator
// (`a IS NOT NULL`, `x NOT LIKE y`, `t AT TIME ZONE z`); every other keyword
// starts a sibling expression (`AND`/`OR` lists are flat in the parse tree,
// `WHERE`, `THEN`, `FROM` start new clauses).
bool operator_keyword(std::string_view word) {
  static constexpr std::string_view kWords[] = {"not",  "is",      "isnull",  "notnull",
                                                "like", "ilike",   "similar", "between",
                                                "in",   "collate", "at",      "operator"};
  if (word.size() > 8) return false;
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  const std::string_view w(lower, word.size());
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// The first token at which the statement's tokens in [begin, end) of `text`
// nest deeper than kMaxDepth, counting each open parenthesis or bracket and,
// in every open group, each binary operator or cast since the last comma or
// clause keyword (a chain `a + b + c` nests one level per operator in the
// parse tree). An upper bound of the parse tree's depth; null when within
// the limit.
const Token* too_deep(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                             [](const Token& t, uint32_t off) { return t.begin < off; });
  // Each token adds at most one level: fewer tokens than the limit cannot pass it.
  const auto stop =
      std::lower_bound(it, tokens.end(), end, [](const Token& t, uint32_t off) { return t.begin < off; });
  if (stop - it <= static_cast<std::ptrdiff_t>(kMaxDepth)) return nullptr;
  // Nor can a run of up to kMaxDepth tokens between two `;` (each starts the
  // count afresh): most texts are told so by the kinds alone.
  {
    uint32_t run = 0;
    auto k = it;
    for (; k != stop; ++k) {
      if (k->kind == ';')
        run = 0;
      else if (++run > kMaxDepth)
        break;
    }
    if (k == stop) return nullptr;
  }
  std::vector<uint32_t> groups{0};  // operators since the last separator, per open group
  uint64_t depth = 0;               // open groups + every group's operators
  auto separate = [&] {
    depth -= groups.back();
    groups.back() = 0;
  };
  for (; it != tokens.end() && it->begin < end; ++it) {
    switch (it->kind) {
      case '(':
      case '[':
        groups.push_back(0);
        ++depth;
        break;
      case ')':
      case ']':
        if (groups.size() > 1) {
          depth -= groups.back() + 1;
          groups.pop_back();
        }
        break;
      case ',':
        separate();
        break;
      case ';':  // the next statement starts afresh
        groups.assign(1, 0);
        depth = 0;
        break;
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '^':
      case '<':
      case '>':
      case '=':
      case kOp:
      case kTypecast:
      case kLessEquals:
      case kGreaterEquals:
      case kNotEquals:
        ++groups.back();
        ++depth;
        break;
      default:
        if (it->keyword_kind == kMaybeKeyword) {  // counted as an operator keyword: an upper bound
          ++groups.back();
          ++depth;
        } else if (it->keyword_kind != 0) {
          if (operator_keyword(text.substr(it->begin, it->end - it->begin))) {
            ++groups.back();
            ++depth;
          } else {
            separate();
          }
        }
        break;
    }
    if (depth > kMaxDepth) return &*it;
  }
  return nullptr;
}

// libpg_query's parser reports its own stack limit as "memory exhausted":
// that is a depth limit, not a syntax error.
std::string parse_error_message(const char* msg) {
  if (msg && std::strncmp(msg, "memory exhausted", 16) == 0) return too_deep_message();
  return first_line(msg);
}

// too_deep() over exact tokens: with scan_native's tokens every word counts
// as an operator keyword, a bound above the exact one, so only a statement
// over the limit needs libpg_query's tokens to tell.
const Token* too_deep_in(Context& c, uint32_t begin, uint32_t end) {
  const Token* deep = too_deep(c.text, c.tokens, begin, end);
  if (deep == nullptr || c.exact) return deep;
  need_exact(c, begin, end);
  return too_deep(c.text, c.tokens, begin, end);
}

// Lowers every RawStmt of a successful parse of text[base, base+len), read
// from its values, or from its JSON text.
bool lower_json(Context& c, const TreeParse& r, uint32_t base, uint32_t len) {
  element root;
  if (r.has_root())
    root = r.root();
  else if (!c.json.parse(r.tree(), root))
    return false;
  json::Array stmts;
  if (!root["stmts"].get(stmts)) return true;  // empty input
  for (element raw : stmts) {
    // The RawStmt's fields in one pass (the first of a repeated key, as a
    // lookup finds it).
    int64_t loc = 0;
    int64_t slen = 0;
    element stmt;
    bool seen_loc = false;
    bool seen_len = false;
    bool seen_stmt = false;
    bool has_len = false;
    json::Object fields;
    raw.get(fields);
    for (const auto f : fields) {
      if (!seen_stmt && f.key == "stmt") {
        seen_stmt = true;
        stmt = f.value;
      } else if (!seen_loc && f.key == "stmt_location") {
        seen_loc = true;
        if (!f.value.get(loc)) loc = 0;
      } else if (!seen_len && f.key == "stmt_len") {
        seen_len = true;
        has_len = f.value.get(slen);
      }
    }
    if (!has_len || slen == 0) slen = static_cast<int64_t>(len) - loc;
    const uint32_t b = base + static_cast<uint32_t>(loc);
    const TextRange range = c.lowerer.trim_to_tokens(b, b + static_cast<uint32_t>(slen));
    if (!seen_stmt) continue;
    c.out.statements.push_back(c.lowerer.lower(stmt, base, range));
  }
  return true;
}

// What the tokens of the rejected statement of `e` still tell: newer syntax
// (on `e`) and a recovered statement.
void recover_statement(Context& c, ir::ParseError& e, std::string_view message) {
  need_exact(c, e.statement.begin, e.statement.end);
  const auto first = std::lower_bound(c.tokens.begin(), c.tokens.end(), e.statement.begin,
                                      [](const Token& t, uint32_t off) { return t.begin < off; });
  auto last = first;
  while (last != c.tokens.end() && last->end <= e.statement.end) ++last;
  // (No tokens when the scanner rejected the statement, e.g. `1_000` before 16.)
  const std::span<const Token> tokens(first == last ? nullptr : &*first, static_cast<size_t>(last - first));
  size_t error = 0;
  while (error < tokens.size() && tokens[error].end <= e.range.begin) ++error;
  if (e.range.begin >= e.statement.end || message.find("at end of input") != std::string_view::npos)
    error = tokens.size();
  const NewerSyntax newer = newer_syntax(c.text, tokens, error, message);
  e.newer_version = newer.version;
  e.newer_syntax = std::string(newer.what);
  if (newer.version) e.parser_version = grammar_version();
  if (tokens.empty()) return;
  if (auto node = recover(c.text, tokens)) {
    ir::Statement st;
    st.range = e.statement;
    st.node = std::move(*node);
    st.recovered = true;
    c.out.statements.push_back(std::move(st));
  }
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
  if (const Token* deep = too_deep_in(c, stmt.begin, stmt.end)) {
    c.out.errors.push_back({{deep->begin, deep->end}, stmt, too_deep_message()});
    return;
  }
  const std::string piece(c.text.substr(loc, len));
  const TreeParse r(piece.c_str());
  if (const PgQueryError* error = r.error()) {
    const uint32_t off = loc + cursor_to_byte(piece, error->cursorpos);
    ir::ParseError e{token_range_at(c.tokens, off, stmt), stmt, parse_error_message(error->message)};
    recover_statement(c, e, error->message ? error->message : "");
    c.out.errors.push_back(std::move(e));
  } else if (!lower_json(c, r, loc, len)) {
    c.out.errors.push_back({stmt, stmt, "internal error: unreadable parse tree"});
  }
}

// A large file parsed a group of the pre-pass's statements at a time (about
// kGroupBytes of text each, so one JSON document stays small), each group
// with one pg_query_parse. A group that does not parse (a `;` the pre-pass
// took for a statement's end inside a BEGIN ATOMIC body, a runner marker
// between two statements without `;`, or a syntax error) returns false and
// the caller parses the file the exact way; when every group parses, the
// statements and their ranges are those of one parse of the whole file (the
// grammar ends a statement at each `;` the pre-pass split at, and every range
// is trimmed to its tokens). A group's tree, its protobuf copy and its JSON
// values stay in the core's cache at 16 KiB of text: on one core the
// PostgreSQL corpus took about 1% less time than with 64 KiB groups
// (farm-bench, 31 pairs: A/B 0.989), and the 50 MB migration 4.45 s
// instead of 4.5 s (its peak 63 MB instead of 60 MB); fewer bytes per group
// cost more parse calls (8 KiB: no faster).
constexpr size_t kGroupBytes = size_t{16} << 10;

// Parses text[begin, end) with one pg_query_parse and lowers its statements;
// false when it does not parse.
bool parse_group(Context& c, uint32_t begin, uint32_t end) {
  const std::string group(c.text.substr(begin, end - begin));
  const TreeParse r(group.c_str());
  return !r.error() && lower_json(c, r, begin, end - begin);
}

bool parse_in_groups(Context& c) {
  const auto& pieces = c.input.statements;
  // About one statement per piece: the list is allocated once, at its size,
  // instead of doubling (a file of a million statements would otherwise
  // hold up to twice the room it needs, and both copies while it grows).
  c.out.statements.reserve(pieces.size());
  for (size_t first = 0; first < pieces.size();) {
    size_t last = first;
    while (last + 1 < pieces.size() && pieces[last + 1].end - pieces[first].begin <= kGroupBytes) ++last;
    if (!parse_group(c, pieces[first].begin, pieces[last].end)) return false;
    first = last + 1;
  }
  return true;
}

// The INSERT of constant rows `piece` holds, when it stands between two `;`
// (or the start or end of the text), where the grammar ends a statement
// whatever the pieces around it hold.
[[gnu::always_inline]] inline std::optional<ir::Statement> simple_insert_between(Context& c,
                                                                                 const TextRange& piece) {
  const auto& tokens = c.tokens;
  auto first_token = [&](const TextRange& p) {
    return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), p.begin,
                                                [](const Token& t, uint32_t off) { return t.begin < off; }) -
                               tokens.begin());
  };
  auto is = [&](size_t k, char p) {
    return k < tokens.size() && tokens[k].end == tokens[k].begin + 1 && c.text[tokens[k].begin] == p;
  };
  auto st = c.lowerer.simple_insert(piece);
  if (!st) return st;
  const size_t k = first_token(piece);
  if (k > 0 && !is(k - 1, ';')) return std::nullopt;
  // The first token past the piece (the tokens end in order).
  const auto after = static_cast<size_t>(
      std::lower_bound(tokens.begin() + static_cast<std::ptrdiff_t>(k), tokens.end(), piece.end,
                       [](const Token& t, uint32_t off) { return t.end <= off; }) -
      tokens.begin());
  if (after < tokens.size() && !is(after, ';')) return std::nullopt;
  return st;
}

// A file that holds INSERTs of constant rows (seed data: about a quarter of
// the text of the PostgreSQL corpus) reads those from their tokens
// (Lowerer::simple_insert) and parses the statements between them a group at
// a time, as parse_in_groups does. Only where the result is the whole-file
// parse's: the text scans cleanly (the native scanner took all of it, and
// psql's pre-pass met no lexical error), and such an INSERT stands between
// two `;` (or the start or end of the text), where the grammar ends a
// statement whatever the pieces around it hold. Returns false when a group
// does not parse (the caller then parses the file the usual way); with no
// such INSERT, false and nothing done.
bool parse_with_simple_inserts(Context& c) {
  if (c.exact || !c.input.errors.empty()) return false;
  const auto& pieces = c.input.statements;
  const auto simple = [&](const TextRange& piece) { return simple_insert_between(c, piece); };
  // Only the pieces read from tokens are kept (most files have none).
  std::vector<std::pair<size_t, ir::Statement>> fast;
  for (size_t i = 0; i < pieces.size(); ++i)
    if (auto st = simple(pieces[i])) fast.emplace_back(i, std::move(*st));
  if (fast.empty()) return false;
  c.out.statements.reserve(pieces.size());
  size_t next_fast = 0;
  constexpr size_t kNone = SIZE_MAX;
  size_t group = kNone;  // the first piece of the group being gathered
  for (size_t i = 0; i <= pieces.size(); ++i) {
    const bool at_end = i == pieces.size();
    const bool is_fast = next_fast < fast.size() && fast[next_fast].first == i;
    if (group != kNone && (at_end || is_fast || pieces[i].end - pieces[group].begin > kGroupBytes)) {
      if (!parse_group(c, pieces[group].begin, pieces[i - 1].end)) return false;
      group = kNone;
    }
    if (at_end) break;
    if (is_fast)
      c.out.statements.push_back(std::move(fast[next_fast++].second));
    else if (group == kNone)
      group = i;
  }
  return true;
}

// Statement-level recovery over the pre-pass's pieces [first, last]: each
// piece parsed alone (one ParseError for each that does not parse, every
// other statement lowered). Parsing pieces one at a time costs several times
// a parse of the same text at once, so a run of pieces (up to kGroupBytes)
// is parsed as one text and taken when it gives one statement inside each
// piece, the statement parsing the piece alone gives. When the run does not
// parse, the pieces before the one holding the error are parsed the same way
// and that piece alone, and the rest goes on after it. `error_at`: where a
// parse of [first, last] as one text already failed (npos: not known).
void parse_pieces(Context& c, size_t first, size_t last, size_t error_at) {
  const auto& pieces = c.input.statements;
  while (first <= last) {
    if (c.stop()) return;
    if (first == last) {
      parse_piece(c, pieces[first].begin, pieces[first].size());
      return;
    }
    size_t end_piece = first;
    while (end_piece < last && pieces[end_piece + 1].end - pieces[first].begin <= kGroupBytes) ++end_piece;
    const uint32_t begin = pieces[first].begin;
    const uint32_t end = pieces[end_piece].end;
    bool taken = false;
    size_t failed_at = std::string::npos;
    if (error_at != std::string::npos && end_piece == last) {
      failed_at = error_at;  // the caller's parse of exactly this run
    } else if (too_deep_in(c, begin, end) == nullptr) {
      const size_t before = c.out.statements.size();
      const std::string text(c.text.substr(begin, end - begin));
      const TreeParse r(text.c_str());
      if (r.error()) {
        failed_at = begin + cursor_to_byte(text, r.error()->cursorpos);
      } else if (lower_json(c, r, begin, end - begin)) {
        taken = c.out.statements.size() - before == end_piece - first + 1;
        for (size_t k = 0; taken && k <= end_piece - first; ++k) {
          const TextRange range = c.out.statements[before + k].range;
          taken = range.begin >= pieces[first + k].begin && range.end <= pieces[first + k].end;
        }
        if (!taken)
          c.out.statements.erase(c.out.statements.begin() + static_cast<std::ptrdiff_t>(before),
                                 c.out.statements.end());
      }
    }
    error_at = std::string::npos;
    if (taken) {
      first = end_piece + 1;
      continue;
    }
    // The piece holding the error: the pieces before it parse as one text.
    size_t bad = first;
    while (failed_at != std::string::npos && bad < end_piece && pieces[bad + 1].begin <= failed_at) ++bad;
    if (failed_at == std::string::npos || bad == first) {
      // No position (or the first piece): each piece of the run alone.
      for (size_t k = first; k <= end_piece && !c.stop(); ++k)
        parse_piece(c, pieces[k].begin, pieces[k].size());
      first = end_piece + 1;
      continue;
    }
    parse_pieces(c, first, bad - 1, std::string::npos);
    if (c.stop()) return;
    parse_piece(c, pieces[bad].begin, pieces[bad].size());
    first = bad + 1;
  }
}

thread_local bool g_used = false;

// Allocated once per thread for the deepest tree ddlint analyses; the
// capacity grows with the documents (the depth set here stays).
json::Parser& thread_json() {
  static thread_local json::Parser json(kMaxJsonDepth);
  return json;
}

// The parser keeps its buffers for the next file of this thread, but not
// those one large file needed (a copy of its strings and 16 bytes per JSON
// value): a run's memory must not stay at the size of its largest file.
void trim_buffers(json::Parser& json) {
  constexpr size_t kKeepCapacity = size_t{1} << 20;
  if (json.capacity() > kKeepCapacity) json.release();
  trim_tree_values(kKeepCapacity);
}

// Files larger than this are parsed statement by statement (see parse()).
constexpr size_t kPiecewiseBytes = size_t{256} << 10;

}  // namespace

void shutdown() {
  if (g_used) pg_query_exit();
  g_used = false;
}

ir::ParsedFile parse(const SourceFile& source, size_t max_errors) {
  // shutdown() frees libpg_query's memory of this thread, which only exists
  // once a pg_query_* call made it: a file of INSERTs read from their tokens
  // calls none, and pg_query_exit then crashed.
  if (!g_used) pg_query_init();
  g_used = true;
  ir::ParsedFile out;
  // Most files hold nothing the psql pre-pass treats apart from the scanner
  // but meta-commands, which the scanner marks (no COPY data, runner
  // directive, CREATE RULE): one pass of the native scanner over the text
  // gives both the tokens and the pre-pass's pieces, comments and skipped
  // meta-commands. Any other file (or one the scanner declines) is prepared
  // by the pre-pass and scanned after it.
  PsqlInput input;
  input.text.assign(source.parse_text());
  std::vector<Token> tokens;
  tokens.reserve(input.text.size() / 4);
  PsqlMarks marks;
  bool exact = false;
  // The developer switches DDLINT_PG_NO_ONE_PASS and DDLINT_PG_PIECEWISE are
  // read once per run (DDLINT_PG_NO_SIMPLE_INSERTS at each file: a test
  // turns it on and off between files).
  static const bool no_one_pass = std::getenv("DDLINT_PG_NO_ONE_PASS") != nullptr;
  static const bool piecewise = std::getenv("DDLINT_PG_PIECEWISE") != nullptr;
  if (no_one_pass || !scan_native(input.text, tokens, marks) ||
      !psql_input_from_tokens(tokens, marks, input)) {
    input = prepare_psql_input(source.parse_text());
    exact = !scan_native(input.text, tokens);
    if (exact) exact_scan(input, tokens);
  } else {
    input.comments = std::move(marks.comments);
  }
  out.skipped = std::move(input.skipped);
  out.comments = std::move(input.comments);
  out.errors = std::move(input.errors);

  json::Parser& json = thread_json();
  Lowerer lowerer(input.text, tokens);
  Context c{input.text, tokens, lowerer, out, json, input, exact, max_errors};
  // A statement nested beyond the limit is never handed to libpg_query (its
  // output recurses once per level): parse statement by statement instead.
  const bool shallow = too_deep_in(c, 0, static_cast<uint32_t>(input.text.size())) == nullptr;
  bool ok = false;
  size_t whole_error_at = std::string::npos;  // where a parse of the whole text failed
  // A large file's parse tree as one JSON document takes about ten bytes per
  // byte of JSON (dozens of MB for a 1 MB migration): parse it a group of
  // statements at a time, or, when a group does not parse, split it with
  // the parser itself (the same statement boundaries as a whole-file parse,
  // no tree built) and lower statement by statement, so memory stays at the
  // size of its largest group or statement.
  const size_t large = piecewise ? 0 : kPiecewiseBytes;
  bool done = false;  // the statements are read
  if (shallow && !std::getenv("DDLINT_PG_NO_SIMPLE_INSERTS")) {
    done = ok = parse_with_simple_inserts(c);
    if (!ok) out.statements.clear();
  }
  if (!done && shallow && input.text.size() > large) {
    ok = parse_in_groups(c);
  }
  if (!done && shallow && input.text.size() > large && !ok) {
    out.statements.clear();
    PgQuerySplitResult split = pg_query_split_with_parser(input.text.c_str());
    if (!split.error) {
      ok = true;
      const auto size = static_cast<uint32_t>(input.text.size());
      // One statement per piece: the list is allocated once instead of
      // being copied as it doubles.
      out.statements.reserve(static_cast<size_t>(split.n_stmts));
      for (int i = 0; i < split.n_stmts && !c.stop(); ++i) {
        const auto loc = static_cast<uint32_t>(split.stmts[i]->stmt_location);
        const auto len =
            split.stmts[i]->stmt_len == 0 ? size - loc : static_cast<uint32_t>(split.stmts[i]->stmt_len);
        parse_piece(c, loc, len);
      }
    }
    pg_query_free_split_result(split);
  } else if (!done && shallow && input.text.size() <= large) {
    const TreeParse r(input.text.c_str());
    ok = !r.error() && lower_json(c, r, 0, static_cast<uint32_t>(input.text.size()));
    if (r.error()) whole_error_at = cursor_to_byte(input.text, r.error()->cursorpos);
  }
  if (!ok) {
    // Statement-level recovery: parse each piece the psql pre-pass found.
    out.statements.clear();
    if (!input.statements.empty()) parse_pieces(c, 0, input.statements.size() - 1, whole_error_at);
  }
  trim_buffers(json);
  return out;
}

namespace {

size_t g_first_pass_chunk = size_t{1} << 20;

// parse_groups' first pass: the file's pieces, comments and groups, read a
// chunk of about g_first_pass_chunk bytes at a time, so that only one
// chunk's tokens are held. A chunk ends right after a `;` followed by a line
// end: the scanner takes the rest of the file there in the state it starts
// a file in (nothing open, no parenthesis counted: both are reset at `;`),
// and the pre-pass starts its next piece there, so each chunk gives the
// whole file's tokens, pieces and comments at its offsets. A cut that falls
// inside a comment, quote or string (the chunk then does not scan, or does
// not end with that `;`) is retried with a chunk twice as long; the last
// chunk ends at the file's end. False for what parse() does not read the
// same way: the native scanner or the pre-pass's reading from its tokens
// declines the text, a psql meta-command (blanked by the pre-pass), a
// statement that may be nested beyond the limit (telling needs libpg_query's
// tokens), an INSERT of constant rows read from its tokens.
bool first_pass(const SourceFile& source, json::Parser& json, ir::ParsedFile& head,
                std::vector<TextRange>& groups) {
  const std::string_view text = source.parse_text();
  const size_t n = text.size();
  PsqlInput chunk;
  std::vector<Token> tokens;
  PsqlMarks marks;
  ir::ParsedFile unused;
  TextRange open{};  // the group being gathered (empty: none)
  size_t step = g_first_pass_chunk;
  for (size_t begin = 0; begin < n;) {
    size_t end = n;
    if (n - begin > step) {
      const size_t semicolon = text.find(";\n", begin + step - 1);
      if (semicolon != std::string_view::npos) end = semicolon + 1;
    }
    chunk.text.assign(text.substr(begin, end - begin));
    const auto size = static_cast<uint32_t>(chunk.text.size());
    bool scanned = scan_native(chunk.text, tokens, marks);
    if (scanned && end < n)
      scanned = !tokens.empty() && tokens.back().kind == ';' && tokens.back().end == size;
    if (!scanned) {
      if (end == n) return false;
      step *= 2;
      continue;
    }
    step = g_first_pass_chunk;
    if (!marks.meta_commands.empty() || !psql_input_from_tokens(tokens, marks, chunk) ||
        !chunk.errors.empty() || !chunk.skipped.empty() || too_deep(chunk.text, tokens, 0, size))
      return false;
    Lowerer lowerer(chunk.text, tokens);
    Context c{chunk.text, tokens, lowerer, unused, json, chunk, false, 0};
    const auto base = static_cast<uint32_t>(begin);
    for (const auto& piece : chunk.statements) {
      if (simple_insert_between(c, piece)) return false;
      const TextRange at{piece.begin + base, piece.end + base};
      if (open.end > open.begin && at.end - open.begin <= kGroupBytes) {
        open.end = at.end;
      } else {
        if (open.end > open.begin) groups.push_back(open);
        open = at;
      }
    }
    for (const auto& comment : marks.comments)
      head.comments.push_back({comment.begin + base, comment.end + base});
    source.release({base, static_cast<uint32_t>(end)});
    begin = end;
  }
  if (open.end > open.begin) groups.push_back(open);
  return true;
}

}  // namespace

void set_first_pass_chunk_bytes(size_t bytes) { g_first_pass_chunk = std::max<size_t>(bytes, 1); }

bool parse_groups(const SourceFile& source, ir::ParsedFile& head,
                  const std::function<bool(const ir::ParsedFile&)>& on_head,
                  const std::function<bool(std::vector<ir::Statement>&, size_t)>& on_group,
                  std::vector<TextRange>& groups) {
  if (!g_used) pg_query_init();
  g_used = true;
  // Neither the file's text (the source's is read in place) nor its tokens
  // are held whole: the first pass reads it a chunk at a time, and each
  // group's text is scanned into the token list on its own (a group starts
  // and ends where a statement does, so its tokens are the file's there),
  // with the offsets moved to the file's.
  const std::string_view file = source.parse_text();
  json::Parser& json = thread_json();
  if (groups.empty() && (!first_pass(source, json, head, groups) || !on_head(head))) {
    trim_buffers(json);
    return false;
  }
  const PsqlInput input;
  std::vector<Token> tokens;
  Lowerer lowerer(file, tokens);
  ir::ParsedFile group;
  Context c{file, tokens, lowerer, group, json, input, false, 0};
  bool ok = true;
  size_t index = 0;       // of the group's first statement in the file
  uint32_t released = 0;  // the text before is given back (SourceFile::release)
  std::string text;
  for (size_t g = 0; ok && g < groups.size(); ++g) {
    const uint32_t begin = groups[g].begin;
    const uint32_t end = groups[g].end;
    text.assign(file.substr(begin, end - begin));
    tokens.clear();
    lowerer.tokens_changed();
    ok = scan_native(text, tokens);
    for (auto& t : tokens) {
      t.begin += begin;
      t.end += begin;
    }
    group.statements.clear();
    ok = ok && parse_group(c, begin, end) && group.errors.empty() && on_group(group.statements, index);
    index += group.statements.size();
    source.release({released, end});  // (a page a group ends in goes with the next group's)
    released = end;
  }
  trim_buffers(json);
  return ok;
}

}  // namespace ddlint::parser::pg
