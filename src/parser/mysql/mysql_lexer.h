#pragma once
// A hand-written lexer for the MySQL grammar: the same tokens as the
// generated MySqlLexer (MySqlLexer.g4), produced by one pass over the bytes
// with no per-character locking or UTF-32 conversion. The front-end feeds its
// tokens to the generated parser; each token points into the text and lives in
// a per-thread pool (no copy of its text, no allocation of its own).
// tests/mysql_lexer_test.cpp checks that both lexers give the same tokens
// (types, offsets, text) on every statement of the test inputs and of the
// MySQL corpus.
#include <memory>
#include <string>
#include <string_view>

#include "antlr4-runtime.h"
#include "parser/mysql/mysql_lexer_check.h"

namespace ddlint::parser::mysql {

class FastLexer final : public antlr4::TokenSource {
 public:
  // `text` must outlive the lexer; offsets are byte offsets into it (the
  // front-end blanks comments and replaces non-ASCII bytes before lexing).
  explicit FastLexer(std::string_view text) : text_(text) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() override { return pos_; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "<mysql>"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  // The token type and length of the token at pos_ (pos_ < size).
  std::pair<size_t, size_t> scan() const;
  std::string_view text_;
  size_t pos_ = 0;
};

// The token stream over a FastLexer: fetches its tokens directly (the
// runtime's stream asks each token whether it is writable through a
// dynamic_cast and calls the lexer through a virtual call), with room for
// them reserved from the text's length.
class FastTokenStream final : public antlr4::CommonTokenStream {
 public:
  FastTokenStream(FastLexer* lexer, size_t text_size);

 protected:
  size_t fetch(size_t n) override;

 private:
  FastLexer* lexer_;
};

}  // namespace ddlint::parser::mysql
