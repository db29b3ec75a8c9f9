#include "parser/postgres/pg_scan.h"

#include <pg_query.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

namespace ddlint::parser::pg {

namespace {

// Minimal reader for the two messages of pg_query.proto that the scanner
// returns (ScanResult, ScanToken). Both use only varint and length-delimited
// fields, so a full protobuf runtime is not needed.
class ProtoReader {
 public:
  ProtoReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}
  bool done() const { return p_ >= end_; }
  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && p_ < end_; shift += 7) {
      const uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool skip(int wire) {
    uint64_t v = 0;
    switch (wire) {
      case 0:
        return varint(v);
      case 1:
        return advance(8);
      case 2:
        return varint(v) && advance(v);
      case 5:
        return advance(4);
      default:
        return false;
    }
  }
  bool bytes(const uint8_t*& data, size_t& len) {
    uint64_t v = 0;
    if (!varint(v) || static_cast<uint64_t>(end_ - p_) < v) return false;
    data = p_;
    len = v;
    p_ += v;
    return true;
  }

 private:
  bool advance(uint64_t k) {
    if (static_cast<uint64_t>(end_ - p_) < k) return false;
    p_ += k;
    return true;
  }
  const uint8_t* p_;
  const uint8_t* end_;
};

constexpr int kSqlComment = 275;
constexpr int kCComment = 276;

// ---- the native scanner ------------------------------------------------------
//
// libpg_query's scanner hands its tokens over as a protobuf message, after
// lexing the text twice (once to count the tokens): about a quarter of a
// check run's time. The front-end needs token boundaries for every
// statement, and token kinds only for punctuation and operators (the nesting
// bound) and for statements that fail to parse (recovery). NativeScanner
// follows PostgreSQL 15's scan.l for the constructs migrations are made of
// and declines (returns false) at anything else: bit, hex and
// Unicode-escape strings, octal, hex and Unicode escapes in an E'' string, trailing junk
// after a number or parameter, unterminated quotes and comments, characters
// the grammar has no token for. The caller then uses scan().

// What each byte can be, as bits: the scanner asks a table, not a chain of comparisons.
enum ByteClass : uint8_t {
  kSpaceByte = 1,
  kIdentStartByte = 2,
  kIdentContByte = 4,
  kOpByte = 8,         // ~!@#^&|`?+-*/%<>=
  kLineStopByte = 16,  // \n, \r and NUL (the end of a std::string's text)
  kWordByte = 32       // what goes on in a word but $
};
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> m{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'}) m[c] = kSpaceByte;
  for (size_t c = 0; c < m.size(); ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
      m[c] = kIdentStartByte | kIdentContByte;
    if ((c >= '0' && c <= '9') || c == '$') m[c] = kIdentContByte;
    if ((m[c] & kIdentContByte) != 0 && c != '$') m[c] |= kWordByte;
  }
  for (const unsigned char c : std::string_view("~!@#^&|`?+-*/%<>=")) m[c] |= kOpByte;
  for (const unsigned char c : {'\n', '\r', '\0'}) m[c] |= kLineStopByte;
  return m;
}();
bool is_space(unsigned char c) { return (kByteClass[c] & kSpaceByte) != 0; }
bool is_newline(unsigned char c) { return c == '\n' || c == '\r'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(unsigned char c) { return (kByteClass[c] & kIdentStartByte) != 0; }
bool is_ident_cont(unsigned char c) { return (kByteClass[c] & kIdentContByte) != 0; }
bool is_op_char(unsigned char c) { return (kByteClass[c] & kOpByte) != 0; }

// What a token (or the text between tokens) starting with each byte is: one
// table lookup and a switch instead of a chain of tests per token.
enum Start : uint8_t {
  kStartBad = 0,    // a character the grammar has no token for, or \v (a space from 16 on)
  kStartSpace,      // whitespace
  kStartWord,       // an identifier or keyword
  kStartWordQuote,  // e, n, b, x, u (either case): a word, or a prefix of a quoted string
  kStartDigit,
  kStartDot,        // . .. or a number .5
  kStartMinus,      // -- comment, or an operator
  kStartSlash,      // /* comment */, or an operator
  kStartOp,         // any other operator character
  kStartQuote,      // '
  kStartDQuote,     // "
  kStartDollar,     // $1 or $tag$...$tag$
  kStartColon,      // : :: :=
  kStartSelf,       // , ( ) [ ] ;
  kStartBackslash,  // no token; in psql mode a meta-command
};
constexpr std::array<Start, 256> kStart = [] {
  std::array<Start, 256> m{};
  for (size_t c = 0; c < m.size(); ++c) {
    if ((kByteClass[c] & kSpaceByte) != 0) m[c] = kStartSpace;
    if ((kByteClass[c] & kIdentStartByte) != 0) m[c] = kStartWord;
    if ((kByteClass[c] & kOpByte) != 0) m[c] = kStartOp;
    if (c >= '0' && c <= '9') m[c] = kStartDigit;
  }
  for (const unsigned char c : std::string_view("eEnNbBxXuU")) m[c] = kStartWordQuote;
  for (const unsigned char c : std::string_view(",()[];")) m[c] = kStartSelf;
  m['.'] = kStartDot;
  m['-'] = kStartMinus;
  m['/'] = kStartSlash;
  m['\''] = kStartQuote;
  m['"'] = kStartDQuote;
  m['$'] = kStartDollar;
  m['\\'] = kStartBackslash;
  m[':'] = kStartColon;
  return m;
}();

bool is_self(unsigned char c) {
  switch (c) {
    case ',':
    case '(':
    case ')':
    case '[':
    case ']':
    case '.':
    case ';':
    case ':':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^':
    case '<':
    case '>':
    case '=':
      return true;
    default:
      return false;
  }
}

class NativeScanner {
 public:
  explicit NativeScanner(const std::string& text, PsqlMarks* marks = nullptr)
      : t_(text), n_(text.size()), marks_(marks) {}

  // kMarks: psql mode (marks_ is set).
  template <bool kMarks>
  bool run(std::vector<Token>& out) {
    size_t i = 0;
    // The text is a std::string's: text[n_] is its NUL, which ends every run
    // of spaces, identifier bytes or comment bytes without a bound check.
    const auto* const text = reinterpret_cast<const unsigned char*>(t_.data());
    while (i < n_) {
      const unsigned char c = text[i];
      switch (kStart[c]) {
        case kStartSpace:
          ++i;
          if (is_space(text[i])) {  // a run of two or more: long ones 8 spaces at a time
            do {
              ++i;
              while (i + 8 <= n_ && eight_spaces(text + i)) i += 8;
            } while (is_space(text[i]));
          }
          break;
        case kStartMinus:
          if (text[i + 1] == '-') {
            const size_t b = i;
            i = line_comment_end(i);
            if constexpr (kMarks)
              marks_->comments.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
            break;
          }
          if (!op_token(out, i)) return false;
          break;
        case kStartSlash:
          if (text[i + 1] == '*') {
            const size_t b = i;
            if (!block_comment(i)) return false;
            if constexpr (kMarks)
              marks_->comments.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
            break;
          }
          if (!op_token(out, i)) return false;
          break;
        case kStartOp:
          if (!op_token(out, i)) return false;
          break;
        case kStartQuote: {
          const size_t b = i;
          if (!string_literal(i, false)) return false;
          push(out, b, i, kSConst);
          // A quote right after an e: psql's lexer may read an E'' string there.
          if constexpr (kMarks)
            if (b > 0 && (text[b - 1] == 'e' || text[b - 1] == 'E'))
              marks_->e_strings.push_back(static_cast<uint32_t>(out.size() - 1));
          break;
        }
        case kStartDQuote: {
          const size_t b = i;
          if (!quoted_ident(i)) return false;
          push(out, b, i, kIdent);
          break;
        }
        case kStartWordQuote: {
          const size_t b = i;
          const unsigned char next = text[i + 1];
          if ((c == 'e' || c == 'E') && next == '\'') {
            ++i;
            if (!string_literal(i, true)) return false;
            push(out, b, i, kSConst);
            if constexpr (kMarks) marks_->e_strings.push_back(static_cast<uint32_t>(out.size() - 1));
            break;
          }
          if ((c == 'n' || c == 'N') && next == '\'') {
            // A national string: scan.l gives the N alone (the keyword NCHAR),
            // then the quoted string as any other.
            push(out, b, i + 1, kIdent, kMaybeKeyword);
            ++i;
            break;
          }
          if (next == '\'' && (c == 'b' || c == 'B' || c == 'x' || c == 'X')) return false;
          if ((c == 'u' || c == 'U') && next == '&' && (at(i + 2) == '\'' || at(i + 2) == '"')) return false;
          i = word_end<kMarks>(i + 1);
          push(out, b, i, kIdent, kMaybeKeyword);
          break;
        }
        case kStartWord: {
          const size_t b = i;
          i = word_end<kMarks>(i + 1);
          push(out, b, i, kIdent, kMaybeKeyword);
          break;
        }
        case kStartDot:
          if (!is_digit(text[i + 1])) {
            const bool dots = text[i + 1] == '.';
            push(out, i, i + (dots ? 2 : 1), dots ? kDotDot : '.');
            i += dots ? 2 : 1;
            break;
          }
          [[fallthrough]];
        case kStartDigit: {
          const size_t b = i;
          int kind = kIConst;
          if (!number(i, kind)) return false;
          push(out, b, i, kind);
          break;
        }
        case kStartDollar: {
          const size_t b = i;
          if (is_digit(text[i + 1])) {
            ++i;
            while (i < n_ && is_digit(at(i))) ++i;
            if (i < n_ && is_ident_cont(at(i))) return false;  // trailing junk
            push(out, b, i, kParam);
          } else {
            if (!dollar_quoted(i)) return false;
            push(out, b, i, kSConst);
          }
          break;
        }
        case kStartColon: {
          const unsigned char next = text[i + 1];
          const int kind = next == ':' ? kTypecast : next == '=' ? kColonEquals : ':';
          const size_t len = kind == ':' ? 1 : 2;
          push(out, i, i + len, kind);
          i += len;
          break;
        }
        case kStartSelf:
          push(out, i, i + 1, c);
          if constexpr (kMarks)
            if (!mark_self(c, out)) return false;
          ++i;
          break;
        case kStartBad:
          return false;  // a character the grammar has no token for, or \v (a space from 16 on)
        case kStartBackslash:
          if constexpr (kMarks) {  // a psql meta-command (`\c db`, `\set x 1`): the rest of its line
            i = meta_command(i);
            break;
          } else {
            return false;  // no token starts with a backslash
          }
      }
    }
    return true;
  }

 private:
  unsigned char at(size_t i) const { return i < n_ ? static_cast<unsigned char>(t_[i]) : 0; }

  static void push(std::vector<Token>& out, size_t b, size_t e, int kind, int keyword = 0) {
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind, keyword});
  }

  // The end of the word whose bytes go on at i (the text's NUL ends it).
  template <bool kMarks>
  size_t word_end(size_t i) {
    const auto* const text = reinterpret_cast<const unsigned char*>(t_.data());
    for (;;) {
      while ((kByteClass[text[i]] & kWordByte) != 0) ++i;
      if (text[i] != '$') return i;
      if constexpr (kMarks)
        if (text[i - 1] == '$') marks_->dollar_pair = true;
      ++i;
    }
  }

  // psql mode: a `;` (and whether it stands inside parentheses, counted
  // from the last `;`), an opening or closing parenthesis. False (the scan
  // declines) at the `;` of a statement whose first token is COPY: COPY ...
  // FROM stdin data may follow, which the pre-pass skips (one pass leaves
  // COPY to it), so its lines are not scanned as SQL.
  bool mark_self(unsigned char c, const std::vector<Token>& out) {
    const size_t index = out.size() - 1;
    if (c == ';') {
      const size_t first = marks_->semicolons.empty() ? 0 : marks_->semicolons.back() + 1;
      if (first < index && out[first].end - out[first].begin == 4 && copy_word(out[first])) return false;
      marks_->semicolons.push_back(static_cast<uint32_t>(index));
      if (depth_ > 0) marks_->semicolon_in_parens = true;
      depth_ = 0;
    } else if (c == '(') {
      ++depth_;
    } else if (c == ')' && depth_ > 0) {
      --depth_;
    }
    return true;
  }

  // psql mode: the meta-command at i (a backslash), to its line's end,
  // marked; the end. (Out of line: rare, and the scan loop keeps its
  // registers.)
  [[gnu::noinline]] size_t meta_command(size_t i) {
    const size_t end = line_comment_end(i);
    marks_->meta_commands.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
    return end;
  }

  // Whether a word token of four bytes spells COPY (any case).
  [[gnu::noinline]] bool copy_word(const Token& t) const {
    if (t.keyword_kind != kMaybeKeyword) return false;
    for (uint32_t k = 0; k < 4; ++k)
      if ((static_cast<unsigned char>(t_[t.begin + k]) | 0x20) != static_cast<unsigned char>("copy"[k]))
        return false;
    return true;
  }

  // Whether the 8 bytes at p are all spaces.
  static bool eight_spaces(const unsigned char* p) {
    uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    return w == 0x2020202020202020ULL;
  }

  bool op_token(std::vector<Token>& out, size_t& i) const {
    const size_t b = i;
    int kind = kOp;
    if (!op(i, kind)) return false;
    push(out, b, i, kind);
    return true;
  }

  // The line end (or the text's end) after a -- comment's start.
  size_t line_comment_end(size_t i) const {
    const auto* const text = reinterpret_cast<const unsigned char*>(t_.data());
    for (;;) {
      while ((kByteClass[text[i]] & kLineStopByte) == 0) ++i;
      if (text[i] != '\0' || i >= n_) return i;
      ++i;  // a NUL inside the comment
    }
  }

  // A /* comment */, nested as PostgreSQL nests them.
  bool block_comment(size_t& i) const {
    int depth = 0;
    while (i < n_) {
      if (at(i) == '/' && at(i + 1) == '*') {
        ++depth;
        i += 2;
      } else if (at(i) == '*' && at(i + 1) == '/') {
        i += 2;
        if (--depth == 0) return true;
      } else {
        ++i;
      }
    }
    return false;
  }

  // '...' (or the body of E'...' when `escapes`), with '' inside and the
  // continuation of a string on a later line ('a'<newline>'b' is one token).
  bool string_literal(size_t& i, bool escapes) const {
    ++i;  // the opening quote
    for (;;) {
      if (!escapes) {  // nothing but a quote ends or continues the string
        const void* quote = std::memchr(t_.data() + i, '\'', n_ - std::min(i, n_));
        if (quote == nullptr) return false;
        i = static_cast<size_t>(static_cast<const char*>(quote) - t_.data());
      }
      if (i >= n_) return false;
      const auto c = static_cast<unsigned char>(t_[i]);
      if (c == '\'') {
        if (at(i + 1) == '\'') {
          i += 2;
          continue;
        }
        ++i;
        const size_t next = continuation(i);
        if (next == kDecline) return false;
        if (next == 0) return true;
        i = next + 1;
        continue;
      }
      if (escapes && c == '\\') {
        // \' is allowed by libpg_query's settings (backslash_quote is
        // safe_encoding, the encoding UTF-8); octal, hex and Unicode escapes
        // can make an invalid string (an error): leave them to scan().
        const unsigned char e = at(i + 1);
        if (i + 1 >= n_ || is_digit(e) || e == 'x' || e == 'u' || e == 'U') return false;
        i += 2;
        continue;
      }
      ++i;
    }
  }

  // After a closing quote at i-1: the offset of the quote that continues the
  // string (spaces with a newline among them, then a quote), 0 when nothing
  // continues it, kDecline at a -- comment in between (libpg_query's
  // scanner does not follow scan.l's pattern there: left to it).
  static constexpr size_t kDecline = static_cast<size_t>(-1);
  size_t continuation(size_t i) const {
    bool newline = false;
    for (;; ++i) {
      const unsigned char c = at(i);
      if (i >= n_ || !is_space(c)) {
        if (c == '-' && at(i + 1) == '-') return kDecline;
        return newline && c == '\'' && i < n_ ? i : 0;
      }
      newline = newline || is_newline(c);
    }
  }

  bool quoted_ident(size_t& i) const {
    const size_t b = i++;
    for (;;) {
      if (i >= n_) return false;
      if (at(i) == '"') {
        if (at(i + 1) == '"') {
          i += 2;
          continue;
        }
        ++i;
        return i - b > 2;  // "" is an error
      }
      ++i;
    }
  }

  // An integer, a decimal or a real; declines trailing junk and a dangling
  // exponent.
  bool number(size_t& i, int& kind) const {
    // The text's NUL ends every run (at(i) without the bound check).
    const auto* const text = reinterpret_cast<const unsigned char*>(t_.data());
    while (is_digit(text[i])) ++i;
    if (text[i] == '.' && text[i + 1] == '.') return true;  // 1..: an integer, then ..
    if (text[i] == '.') {
      kind = kFConst;
      ++i;
      while (is_digit(text[i])) ++i;
    }
    if (text[i] == 'e' || text[i] == 'E') {
      size_t k = i + 1;
      if (text[k] == '+' || text[k] == '-') ++k;
      if (!is_digit(text[k])) return false;
      while (is_digit(text[k])) ++k;
      i = k;
      kind = kFConst;
    }
    return !is_ident_cont(text[i]);
  }

  // $tag$ ... $tag$ (tag possibly empty).
  bool dollar_quoted(size_t& i) const {
    size_t k = i + 1;
    if (k < n_ && at(k) != '$') {
      if (!is_ident_start(at(k))) return false;
      while (k < n_ && (is_ident_start(at(k)) || is_digit(at(k)))) ++k;
    }
    if (at(k) != '$' || k >= n_) return false;
    const std::string_view delim = t_.substr(i, k + 1 - i);
    const size_t close = t_.find(delim, k + 1);
    if (close == std::string_view::npos) return false;
    i = close + delim.size();
    return true;
  }

  // A run of operator characters, cut as scan.l cuts it: before a comment
  // start, and without trailing + or - unless it holds one of ~!@#^&|`?%.
  bool op(size_t& i, int& kind) const {
    const size_t b = i;
    size_t e = i;
    while (e < n_ && is_op_char(at(e))) ++e;
    size_t len = e - b;
    for (size_t k = b; k + 1 < e; ++k) {
      if ((at(k) == '/' && at(k + 1) == '*') || (at(k) == '-' && at(k + 1) == '-')) {
        len = k - b;
        break;
      }
    }
    if (len > 1 && (at(b + len - 1) == '+' || at(b + len - 1) == '-')) {
      bool keep = false;
      for (size_t k = b; k + 1 < b + len; ++k) {
        switch (at(k)) {
          case '~':
          case '!':
          case '@':
          case '#':
          case '^':
          case '&':
          case '|':
          case '`':
          case '?':
          case '%':
            keep = true;
            break;
          default:
            break;
        }
      }
      if (!keep) {
        do {
          --len;
        } while (len > 1 && (at(b + len - 1) == '+' || at(b + len - 1) == '-'));
      }
    }
    if (len >= 64) return false;  // longer than an identifier may be: an error
    i = b + len;
    if (len == 1 && is_self(at(b))) {
      kind = at(b);
    } else if (len == 2) {
      const unsigned char x = at(b);
      const unsigned char y = at(b + 1);
      if (x == '=' && y == '>')
        kind = kEqualsGreater;
      else if (x == '>' && y == '=')
        kind = kGreaterEquals;
      else if (x == '<' && y == '=')
        kind = kLessEquals;
      else if ((x == '<' && y == '>') || (x == '!' && y == '='))
        kind = kNotEquals;
    }
    return true;
  }

  std::string_view t_;
  size_t n_;
  PsqlMarks* marks_;
  int depth_ = 0;  // psql mode: parentheses open since the last `;`
};
}  // namespace

uint32_t cursor_to_byte(std::string_view text, int cursorpos) {
  if (cursorpos <= 1) return 0;
  int chars = 0;
  size_t i = 0;
  // Whole words of 8 bytes that end before the character sought: a
  // character starts at each byte but a continuation byte (10xxxxxx, bit 7
  // set and bit 6 clear; x << 1 moves each byte's bit 6 to its bit 7).
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, text.data() + i, 8);
    const int continuations = std::popcount(x & ~(x << 1) & UINT64_C(0x8080808080808080));
    const int starts = 8 - continuations;
    if (chars + starts > cursorpos - 1) break;
    chars += starts;
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == cursorpos - 1) return static_cast<uint32_t>(i);
      ++chars;
    }
  }
  return static_cast<uint32_t>(text.size());
}

std::optional<ScanError> scan(std::string_view text, uint32_t base, std::vector<Token>& out) {
  const std::string buf(text);
  PgQueryScanResult result = pg_query_scan(buf.c_str());
  std::optional<ScanError> error;
  if (result.error) {
    error = ScanError{result.error->message ? result.error->message : "scanner error",
                      base + cursor_to_byte(text, result.error->cursorpos)};
  } else {
    ProtoReader top(reinterpret_cast<const uint8_t*>(result.pbuf.data), result.pbuf.len);
    while (!top.done()) {
      uint64_t key = 0;
      if (!top.varint(key)) break;
      if ((key >> 3) == 2 && (key & 7) == 2) {
        const uint8_t* data = nullptr;
        size_t len = 0;
        if (!top.bytes(data, len)) break;
        ProtoReader tr(data, len);
        // A field left at its default (0) is not written: a token at the
        // scanned text's first byte has no start field.
        Token tok{base, base, 0, 0};
        while (!tr.done()) {
          uint64_t k = 0;
          uint64_t v = 0;
          if (!tr.varint(k)) break;
          if ((k & 7) != 0) {
            if (!tr.skip(static_cast<int>(k & 7))) break;
            continue;
          }
          if (!tr.varint(v)) break;
          switch (k >> 3) {
            case 1:
              tok.begin = base + static_cast<uint32_t>(v);
              break;
            case 2:
              tok.end = base + static_cast<uint32_t>(v);
              break;
            case 4:
              tok.kind = static_cast<int>(v);
              break;
            case 5:
              tok.keyword_kind = static_cast<int>(v);
              break;
            default:
              break;
          }
        }
        if (tok.kind != kSqlComment && tok.kind != kCComment) out.push_back(tok);
      } else if (!top.skip(static_cast<int>(key & 7))) {
        break;
      }
    }
  }
  pg_query_free_scan_result(result);
  return error;
}

bool scan_native(const std::string& text, std::vector<Token>& out) {
  out.clear();
  if (NativeScanner(text).run<false>(out)) return true;
  out.clear();
  return false;
}

bool scan_native(const std::string& text, std::vector<Token>& out, PsqlMarks& marks) {
  out.clear();
  marks = PsqlMarks{};
  if (NativeScanner(text, &marks).run<true>(out)) return true;
  out.clear();
  return false;
}

std::string compare_native_scan(std::string_view text, bool& declined) {
  std::vector<Token> native;
  declined = !scan_native(std::string(text), native);
  if (declined) return {};
  std::vector<Token> exact;
  if (auto error = scan(text, 0, exact))
    return "scan_native accepted text libpg_query rejects: " + error->message + " at " +
           std::to_string(error->offset);
  auto show = [&](const Token* t) {
    if (t == nullptr) return std::string("(none)");
    return "kind " + std::to_string(t->kind) + " keyword " + std::to_string(t->keyword_kind) + " `" +
           std::string(text.substr(t->begin, t->end - t->begin)) + "` @" + std::to_string(t->begin) + ".." +
           std::to_string(t->end);
  };
  for (size_t k = 0; k < std::max(native.size(), exact.size()); ++k) {
    const Token* a = k < native.size() ? &native[k] : nullptr;
    const Token* b = k < exact.size() ? &exact[k] : nullptr;
    bool same = a != nullptr && b != nullptr && a->begin == b->begin && a->end == b->end;
    if (same) {
      if (a->keyword_kind == kMaybeKeyword)  // a word: an identifier or any keyword
        same = b->kind == kIdent || b->keyword_kind != 0;
      else if (a->kind == kIConst || a->kind == kFConst)  // an integer too large is a float
        same = b->kind == kIConst || b->kind == kFConst;
      else
        same = a->kind == b->kind && a->keyword_kind == b->keyword_kind;
    }
    if (!same) return "token " + std::to_string(k) + ": " + show(a) + " vs libpg_query " + show(b);
  }
  return {};
}

}  // namespace ddlint::parser::pg
