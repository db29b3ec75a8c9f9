#include "parser/mysql/mysql_lexer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "MySqlLexer.h"
#include "parser/mysql/mysql_keywords.h"

namespace ddlint::parser::mysql {

namespace {

using L = ddlint_mysql_grammar::MySqlLexer;

bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool id_start(unsigned char c) { return letter(c) || c == '_' || c == '$' || c >= 0x80; }
bool id_char(unsigned char c) { return id_start(c) || digit(c); }
bool var_char(unsigned char c) { return letter(c) || digit(c) || c == '_' || c == '$' || c == '.'; }
bool hex(unsigned char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
unsigned char upper(unsigned char c) { return c >= 'a' && c <= 'z' ? static_cast<unsigned char>(c - 32) : c; }

size_t keyword_type(std::string_view word) {
  // The keyword tokens, each spelled in upper case, sorted for a
  // case-insensitive binary search (mysql_keywords.h).
  const std::span<const Keyword> table = keyword_table();
  auto less = [](const Keyword& k, std::string_view w) {
    const size_t n = std::min(k.spelling.size(), w.size());
    for (size_t i = 0; i < n; ++i) {
      const unsigned char a = static_cast<unsigned char>(k.spelling[i]);
      const unsigned char b = upper(static_cast<unsigned char>(w[i]));
      if (a != b) return a < b;
    }
    return k.spelling.size() < w.size();
  };
  auto it = std::lower_bound(table.begin(), table.end(), word, less);
  if (it == table.end() || it->spelling.size() != word.size()) return 0;
  for (size_t i = 0; i < word.size(); ++i)
    if (static_cast<unsigned char>(it->spelling[i]) != upper(static_cast<unsigned char>(word[i]))) return 0;
  return it->type;
}

// Length of a quoted token starting at `p` (the quote): the longest prefix
// that closes, where a doubled quote inside is one character and, with
// `backslash`, a backslash escapes the next character. 0 when none closes.
size_t quoted(std::string_view s, size_t p, char q, bool backslash) {
  size_t complete = 0;
  size_t i = p + 1;
  while (i < s.size()) {
    const char c = s[i];
    if (backslash && c == '\\') {
      if (i + 1 >= s.size()) break;
      i += 2;
      continue;
    }
    if (c == q) {
      complete = i + 1 - p;
      if (i + 1 < s.size() && s[i + 1] == q) {
        i += 2;
        continue;
      }
      break;
    }
    ++i;
  }
  return complete;
}

size_t exponent(std::string_view s, size_t i) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return 0;
  size_t j = i + 1;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  const size_t d = j;
  while (j < s.size() && digit(static_cast<unsigned char>(s[j]))) ++j;
  return j > d ? j - i : 0;
}

}  // namespace

std::pair<size_t, size_t> FastLexer::scan() const {
  const std::string_view s = text_;
  const size_t p = pos_;
  auto at = [&](size_t i) -> unsigned char { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; };
  const unsigned char c = at(p);
  if (space(c)) {
    size_t i = p;
    while (i < s.size() && space(at(i))) ++i;
    return {L::WS, i - p};
  }
  // Candidates in rule order; the longest wins, the earlier rule on a tie.
  size_t best_type = L::OTHER;
  size_t best_len = 1;
  auto offer = [&](size_t type, size_t len) {
    if (len > best_len || (len == best_len && len > 0 && type < best_type)) {
      best_type = type;
      best_len = len;
    }
  };
  if (digit(c) || id_start(c) || c == '.') {
    // ID: DIGIT* id_start id_char*; a keyword when the whole word is one.
    size_t i = p;
    while (digit(at(i))) ++i;
    const size_t digits_end = i;
    if (id_start(at(i))) {
      ++i;
      while (i < s.size() && id_char(at(i))) ++i;
      const size_t kw = digits_end == p ? keyword_type(s.substr(p, i - p)) : 0;
      offer(kw != 0 ? kw : static_cast<size_t>(L::ID), i - p);
    }
    if (digit(c)) {
      // HEX_NUMBER: '0' [xX] hex+
      if (c == '0' && (at(p + 1) == 'x' || at(p + 1) == 'X') && hex(at(p + 2))) {
        size_t j = p + 2;
        while (hex(at(j))) ++j;
        offer(L::HEX_NUMBER, j - p);
      }
      // NUMBER: DIGIT+ ('.' DIGIT*)? EXPONENT?
      size_t j = digits_end;
      if (at(j) == '.') {
        ++j;
        while (digit(at(j))) ++j;
      }
      j += exponent(s, j);
      offer(L::NUMBER, j - p);
    } else if (c == '.' && digit(at(p + 1))) {
      // NUMBER: '.' DIGIT+ EXPONENT?
      size_t j = p + 1;
      while (digit(at(j))) ++j;
      j += exponent(s, j);
      offer(L::NUMBER, j - p);
    }
  }
  switch (c) {
    case '`':
      offer(L::BQ_ID, quoted(s, p, '`', false));
      break;
    case '\'':
      offer(L::STRING, quoted(s, p, '\'', true));
      break;
    case '"':
      offer(L::DQ_STRING, quoted(s, p, '"', true));
      break;
    case '@': {
      if (at(p + 1) == '@') {
        size_t j = p + 2;
        while (var_char(at(j))) ++j;
        if (j > p + 2) offer(L::SYS_VAR, j - p);
        if (at(p + 2) == '`') {
          const size_t q = quoted(s, p + 2, '`', false);
          if (q > 0) offer(L::SYS_VAR, 2 + q);
        }
      }
      size_t j = p + 1;
      while (var_char(at(j))) ++j;
      if (j > p + 1) offer(L::USER_VAR, j - p);
      size_t q = 0;
      if (at(p + 1) == '`') q = quoted(s, p + 1, '`', false);
      if (at(p + 1) == '\'') q = quoted(s, p + 1, '\'', true);
      if (at(p + 1) == '"') q = quoted(s, p + 1, '"', true);
      if (q > 0) offer(L::USER_VAR, 1 + q);
      break;
    }
    case '(':
      offer(L::LPAREN, 1);
      break;
    case ')':
      offer(L::RPAREN, 1);
      break;
    case ',':
      offer(L::COMMA, 1);
      break;
    case '.':
      offer(L::DOT, 1);
      break;
    case ';':
      offer(L::SEMI, 1);
      break;
    case ':':
      if (at(p + 1) == '=') offer(L::ASSIGN, 2);
      break;
    case '=':
      offer(L::EQ, 1);
      break;
    case '-':
      offer(L::MINUS, 1);
      break;
    case '+':
      offer(L::PLUS, 1);
      break;
    default:
      break;
  }
  return {best_type, best_len};
}

namespace {

// Token memory: every token of a statement is allocated while it is lexed
// and freed together when its token stream goes, thousands per statement.
// Blocks come from a per-thread free list fed by large chunks; a thread
// that ends with every block back hands its chunks to the next thread
// (parse threads are short-lived), one that does not keeps them (a block
// still in use is never reused).
class TokenPool {
 public:
  static constexpr size_t kBlock = 64;  // >= sizeof(SliceToken), checked below
  static constexpr size_t kPerChunk = 4096;

  static TokenPool& local() {
    thread_local TokenPool pool;
    return pool;
  }
  void* get() {
    if (free_ == nullptr) refill();
    Free* b = free_;
    free_ = b->next;
    ++live_;
    return b;
  }
  void put(void* p) {
    auto* b = static_cast<Free*>(p);
    b->next = free_;
    free_ = b;
    --live_;
  }
  TokenPool() = default;
  TokenPool(const TokenPool&) = delete;
  TokenPool& operator=(const TokenPool&) = delete;
  ~TokenPool() {
    if (live_ != 0) return;  // a block is elsewhere: keep (leak) the chunks
    const std::lock_guard<std::mutex> lock(stash_mutex());
    for (auto& c : chunks_) stash().push_back(std::move(c));
  }

 private:
  struct Free {
    Free* next;
  };
  static std::mutex& stash_mutex() {
    static std::mutex m;
    return m;
  }
  static std::vector<std::unique_ptr<std::byte[]>>& stash() {
    static auto* chunks = new std::vector<std::unique_ptr<std::byte[]>>();  // outlives thread pools
    return *chunks;
  }
  void refill() {
    std::unique_ptr<std::byte[]> chunk;
    {
      const std::lock_guard<std::mutex> lock(stash_mutex());
      if (!stash().empty()) {
        chunk = std::move(stash().back());
        stash().pop_back();
      }
    }
    if (!chunk) chunk = std::make_unique_for_overwrite<std::byte[]>(kBlock * kPerChunk);
    for (size_t i = kPerChunk; i-- > 0;) put(chunk.get() + i * kBlock);
    live_ += static_cast<std::ptrdiff_t>(kPerChunk);
    chunks_.push_back(std::move(chunk));
  }
  Free* free_ = nullptr;
  std::ptrdiff_t live_ = 0;  // blocks handed out minus blocks put back on this thread
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
};

// A token that points into the lexed text instead of copying it.
class SliceToken final : public antlr4::WritableToken {
 public:
  SliceToken(antlr4::TokenSource* source, std::string_view text, size_t type, size_t start)
      : source_(source),
        text_(text),
        start_(static_cast<uint32_t>(start)),
        type_(static_cast<uint32_t>(type)) {}

  static void* operator new(size_t size) {
    static_assert(sizeof(SliceToken) <= TokenPool::kBlock);
    return size <= TokenPool::kBlock ? TokenPool::local().get() : ::operator new(size);
  }
  static void operator delete(void* p, size_t size) {
    if (size <= TokenPool::kBlock)
      TokenPool::local().put(p);
    else
      ::operator delete(p);
  }

  std::string getText() const override { return std::string(text_); }
  size_t getType() const override { return type_ == kEof ? antlr4::Token::EOF : type_; }
  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() const override { return start_; }
  size_t getChannel() const override { return channel_; }
  size_t getTokenIndex() const override { return index_ == kNone ? INVALID_INDEX : index_; }
  size_t getStartIndex() const override { return start_; }
  size_t getStopIndex() const override {
    const size_t start = start_;
    return type_ == kEof ? start - 1 : start + text_.size() - 1;  // EOF is empty: it ends before it starts
  }
  antlr4::TokenSource* getTokenSource() const override { return source_; }
  antlr4::CharStream* getInputStream() const override { return nullptr; }
  std::string toString() const override {
    return "[@" + std::to_string(getTokenIndex()) + "," + std::to_string(start_) + ":" +
           std::to_string(getStopIndex()) + "='" + getText() + "',<" + std::to_string(getType()) + ">]";
  }

  // Only the token stream sets the index; nothing renames or retypes a token.
  void setText(const std::string& /*text*/) override {}
  void setType(size_t type) override { type_ = static_cast<uint32_t>(type); }
  void setLine(size_t /*line*/) override {}
  void setCharPositionInLine(size_t /*pos*/) override {}
  void setChannel(size_t channel) override { channel_ = static_cast<uint32_t>(channel); }
  void setTokenIndex(size_t index) override { index_ = static_cast<uint32_t>(index); }

  static constexpr uint32_t kEof = 0xffffffffU;

 private:
  static constexpr uint32_t kNone = 0xffffffffU;
  antlr4::TokenSource* source_;
  std::string_view text_;
  uint32_t start_;
  uint32_t type_;
  uint32_t index_ = kNone;
  uint32_t channel_ = antlr4::Token::DEFAULT_CHANNEL;
};

}  // namespace

std::unique_ptr<antlr4::Token> FastLexer::nextToken() {
  for (;;) {
    if (pos_ >= text_.size())
      // It starts where the text ends and is empty (stop = start - 1).
      return std::unique_ptr<antlr4::Token>(new SliceToken(this, "<EOF>", SliceToken::kEof, pos_));
    const auto [type, len] = scan();
    const size_t start = pos_;
    pos_ += len;
    if (type == L::WS) continue;  // -> skip
    return std::unique_ptr<antlr4::Token>(new SliceToken(this, text_.substr(start, len), type, start));
  }
}

FastTokenStream::FastTokenStream(FastLexer* lexer, size_t text_size)
    : antlr4::CommonTokenStream(lexer), lexer_(lexer) {
  _tokens.reserve(text_size / 4 + 2);  // about one token per 4 bytes of SQL, and the end of input
}

size_t FastTokenStream::fetch(size_t n) {
  if (_fetchedEOF) return 0;
  size_t i = 0;
  while (i < n) {
    std::unique_ptr<antlr4::Token> t = lexer_->nextToken();
    // Every token of a FastLexer is a SliceToken.
    static_cast<SliceToken*>(t.get())->setTokenIndex(_tokens.size());
    const bool eof = static_cast<SliceToken*>(t.get())->getType() == antlr4::Token::EOF;
    _tokens.push_back(std::move(t));
    ++i;
    if (eof) {
      _fetchedEOF = true;
      break;
    }
  }
  return i;
}

}  // namespace ddlint::parser::mysql
