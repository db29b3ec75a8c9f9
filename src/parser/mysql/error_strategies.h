#pragma once
// The error strategies of the front-end's two-stage parse (mysql_frontend.cpp):
// SLL prediction that gives up at the first error, then full LL, which only
// asks where the statement's first syntax error is (the statement becomes one
// ParseError at that token).
#include <exception>

#include "antlr4-runtime.h"

namespace ddlint::parser::mysql {

// The SLL stage: any error ends the attempt, as with ANTLR's
// BailErrorStrategy (at the same points: a failed match, a recognition error
// a rule catches; sync() checks nothing), without what that one does first
// for a caller that reads the abandoned parse: the exception recorded in every
// enclosing context (after a second throw) and the error's message for
// listeners (the stage has none).
class Bail final : public antlr4::DefaultErrorStrategy {
 public:
  void reportError(antlr4::Parser* /*recognizer*/, const antlr4::RecognitionException& /*e*/) override {
    throw antlr4::ParseCancellationException();
  }
  void recover(antlr4::Parser* /*recognizer*/, std::exception_ptr /*e*/) override {
    throw antlr4::ParseCancellationException();
  }
  antlr4::Token* recoverInline(antlr4::Parser* /*recognizer*/) override {
    throw antlr4::ParseCancellationException();
  }
  void sync(antlr4::Parser* /*recognizer*/) override {}
};

// ANTLR's default strategy up to its first report, which it records (the
// token the default strategy hands its listeners) before stopping the parse
// (ParseCancellationException). The default strategy reports its first error
//  - at a failed token match (recoverInline): single-token deletion,
//    insertion or the mismatch it throws all report the current token;
//  - in sync(), before a block or loop the next token can neither start nor
//    skip: singleTokenDeletion() (also the first step of recoverInline),
//    else a mismatch it throws, or reportUnwantedToken() at a loop's end,
//    all at the current token;
//  - for a recognition error a rule catches (reportError(): no viable
//    alternative, a mismatch): at the exception's offending token.
// What the default strategy goes on to do there (expected-token sets for its
// message, recovery through the rest of the statement, later errors) is left
// out. tests/mysql_lexer_test.cpp compares both on every statement of the
// test inputs and of the corpora.
class StopAtFirstError final : public antlr4::DefaultErrorStrategy {
 public:
  void reportError(antlr4::Parser* /*recognizer*/, const antlr4::RecognitionException& e) override {
    stop(e.getOffendingToken());
  }
  antlr4::Token* recoverInline(antlr4::Parser* recognizer) override { stop(recognizer->getCurrentToken()); }

  bool seen = false;
  antlr4::Token* offending = nullptr;

 protected:
  antlr4::Token* singleTokenDeletion(antlr4::Parser* recognizer) override {
    stop(recognizer->getCurrentToken());
  }
  void reportUnwantedToken(antlr4::Parser* recognizer) override { stop(recognizer->getCurrentToken()); }
  void reportMissingToken(antlr4::Parser* recognizer) override { stop(recognizer->getCurrentToken()); }

 private:
  [[noreturn]] void stop(antlr4::Token* t) {
    seen = true;
    offending = t;
    throw antlr4::ParseCancellationException();
  }
};

}  // namespace ddlint::parser::mysql
