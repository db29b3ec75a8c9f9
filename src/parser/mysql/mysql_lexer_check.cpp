// Checks of the hand-written MySQL lexer against the generated one, and of
// the front-end's error strategy against ANTLR's default one, for the tests
// (a run never builds the generated lexer).
#include "parser/mysql/mysql_lexer_check.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>

#include "MySqlLexer.h"
#include "MySqlParser.h"
#include "parser/mysql/error_strategies.h"
#include "parser/mysql/mysql_input.h"
#include "parser/mysql/mysql_keywords.h"
#include "parser/mysql/mysql_lexer.h"

namespace ddlint::parser::mysql {

using L = ddlint_mysql_grammar::MySqlLexer;
using P = ddlint_mysql_grammar::MySqlParser;

namespace {

// What the front-end kept of the default strategy's reports: the first.
class FirstReport final : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* symbol, size_t /*line*/,
                   size_t /*column*/, const std::string& /*msg*/, std::exception_ptr /*e*/) override {
    if (!seen) {
      seen = true;
      offending = symbol;
    }
  }
  bool seen = false;
  antlr4::Token* offending = nullptr;
};

// Whether a full-LL parse of `text` reports an error, and where: "ok", or
// "error at token N" (N the offending token's index in the statement).
std::string first_error(std::string_view text, bool default_strategy) {
  FastLexer lexer(text);
  FastTokenStream tokens(&lexer, text.size());
  tokens.fill();
  P parser(&tokens);
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  bool seen = false;
  antlr4::Token* offending = nullptr;
  if (default_strategy) {
    FirstReport report;
    parser.addErrorListener(&report);
    parser.statement();
    seen = report.seen;
    offending = report.offending;
  } else {
    auto strategy = std::make_shared<StopAtFirstError>();
    parser.setErrorHandler(strategy);
    try {
      parser.statement();
    } catch (const antlr4::ParseCancellationException&) {
      if (!strategy->seen) return "cancelled without an error";
    }
    seen = strategy->seen;
    offending = strategy->offending;
  }
  if (!seen) return "ok";
  if (offending == nullptr) return "error at no token";
  return "error at token " + std::to_string(offending->getTokenIndex()) + " `" + offending->getText() + "`";
}

// The front-end's first stage: whether SLL prediction parses `text`.
bool parses_with_sll(std::string_view text) {
  FastLexer lexer(text);
  FastTokenStream tokens(&lexer, text.size());
  tokens.fill();
  P parser(&tokens);
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<Bail>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  try {
    parser.statement();
  } catch (const antlr4::ParseCancellationException&) {
    return false;
  }
  return true;
}

// The generated parser with the runtime's own rule entries
// (antlr4::Parser::enterRule and enterOuterAlt) instead of the ones the
// grammar gives it. Its rule exits are the grammar's (exitRule is not
// virtual: the generated rule functions call MySqlParser's).
class RuntimeEntries final : public P {
 public:
  using P::P;
  void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t ruleIndex) override {
    antlr4::Parser::enterRule(localctx, state, ruleIndex);  // NOLINT(bugprone-parent-virtual-call)
  }
  void enterOuterAlt(antlr4::ParserRuleContext* localctx, size_t altNum) override {
    antlr4::Parser::enterOuterAlt(localctx, altNum);  // NOLINT(bugprone-parent-virtual-call)
  }
};

// The tree under `t`: each rule context's rule, class, start and stop tokens
// and children, each terminal's token; "!" where a child's parent is not
// the node that lists it.
void dump_tree(antlr4::tree::ParseTree* t, std::string& out) {
  auto index = [](const antlr4::Token* k) {
    return k == nullptr ? std::string("-") : std::to_string(k->getTokenIndex());
  };
  if (auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(t)) {
    out += ' ' + index(term->getSymbol());
    return;
  }
  auto* rc = dynamic_cast<antlr4::ParserRuleContext*>(t);
  out += " (" + std::to_string(rc->getRuleIndex()) + ':' + typeid(*rc).name() + ' ' + index(rc->start) + '-' +
         index(rc->stop);
  for (auto* child : rc->children) {
    if (child->parent != rc) out += " !";
    dump_tree(child, out);
  }
  out += ')';
}

// The tree a full-LL parse of `text` builds (with the default error
// strategy: a failing statement's tree has error nodes and recovered rules).
template <class Parser>
std::string parse_tree(std::string_view text) {
  FastLexer lexer(text);
  FastTokenStream tokens(&lexer, text.size());
  tokens.fill();
  Parser parser(&tokens);
  parser.removeErrorListeners();
  parser.template getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  antlr4::ParserRuleContext* root = parser.statement();
  std::string out = root->parent == nullptr ? "" : "! root has a parent";
  dump_tree(root, out);
  return out;
}

}  // namespace

std::string compare_trees_with_runtime_entries(std::string_view script, size_t& statements) {
  const MySqlInput input = prepare_mysql_input(script);
  for (const TextRange piece : input.statements) {
    const std::string_view text = std::string_view(input.text).substr(piece.begin, piece.size());
    if (std::count(text.begin(), text.end(), '(') > 200) continue;  // left to the front-end's own thread
    ++statements;
    const std::string own = parse_tree<P>(text);
    const std::string runtime = parse_tree<RuntimeEntries>(text);
    if (own != runtime) return "statement at " + std::to_string(piece.begin) + ":" + own + "\nvs" + runtime;
  }
  return {};
}

std::string compare_with_generated_lexer(std::string_view text) {
  const std::string copy(text);
  antlr4::ANTLRInputStream stream(copy);
  L generated(&stream);
  generated.removeErrorListeners();
  FastLexer fast(text);
  auto show = [&](const antlr4::Token& t) {
    const size_t type = t.getType();
    std::string name = type == antlr4::Token::EOF ? "EOF" : generated.getVocabulary().getSymbolicName(type);
    return name + " `" + t.getText() + "` @" + std::to_string(t.getStartIndex()) + ".." +
           std::to_string(t.getStopIndex() + 1);
  };
  for (size_t n = 0;; ++n) {
    auto a = fast.nextToken();
    auto b = generated.nextToken();
    if (a->getType() != b->getType() || a->getStartIndex() != b->getStartIndex() ||
        a->getStopIndex() != b->getStopIndex() ||
        (a->getType() != antlr4::Token::EOF && a->getText() != b->getText()))
      return "token " + std::to_string(n) + ": " + show(*a) + " vs generated " + show(*b);
    if (a->getType() == antlr4::Token::EOF) return {};
  }
}

std::string compare_first_errors(std::string_view script, size_t& statements, size_t& failing) {
  const MySqlInput input = prepare_mysql_input(script);
  for (const TextRange piece : input.statements) {
    const std::string_view text = std::string_view(input.text).substr(piece.begin, piece.size());
    // The parse recurses once per parenthesis: a deep one is left to the
    // front-end's own thread.
    uint32_t depth = 0;
    uint32_t deepest = 0;
    for (const char ch : text) {
      if (ch == '(') deepest = std::max(deepest, ++depth);
      if (ch == ')' && depth > 0) --depth;
    }
    if (deepest > 200) continue;
    ++statements;
    if (parses_with_sll(text)) continue;  // the front-end's full-LL stage does not run
    const std::string reference = first_error(text, true);
    const std::string own = first_error(text, false);
    if (reference != "ok") ++failing;
    if (own != reference)
      return "statement at " + std::to_string(piece.begin) + ": " + own + " vs default strategy " + reference;
  }
  return {};
}

std::string compare_keyword_table_with_probing() {
  const auto table = keyword_table();
  const auto probed = probe_keywords();
  auto show = [](std::string_view spelling, size_t type) {
    return std::string(spelling) + " (" + std::to_string(type) + ")";
  };
  for (size_t i = 0; i < table.size() || i < probed.size(); ++i) {
    if (i >= table.size())
      return "entry " + std::to_string(i) + ": none vs probed " + show(probed[i].first, probed[i].second);
    if (i >= probed.size())
      return "entry " + std::to_string(i) + ": " + show(table[i].spelling, table[i].type) + " vs probed none";
    if (table[i].spelling != probed[i].first || table[i].type != probed[i].second)
      return "entry " + std::to_string(i) + ": " + show(table[i].spelling, table[i].type) + " vs probed " +
             show(probed[i].first, probed[i].second);
  }
  return {};
}

}  // namespace ddlint::parser::mysql
