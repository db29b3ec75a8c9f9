#pragma once
// Child lookups for the generated MySQL parser's context accessors
// (ctx->ident(), ctx->COMMA(i), ...). The ANTLR 4.9 runtime finds a child
// by trying dynamic_cast on every child in turn, which took about a fifth of
// the front-end's time; these find it by what the child is instead: a
// terminal node is a TerminalNodeImpl or an ErrorNodeImpl, anything else is
// a rule context, and a rule context of rule R is R's context class or one of
// its labelled alternatives (same rule index). Only terminals of the wanted
// kind are still cast (TerminalNode is a virtual base of the node classes). cmake/FastChildren.cmake
// rewrites the generated accessors to call them; tests/mysql_lexer_test.cpp
// and the parser goldens check the trees are read as before.
#include <cstddef>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "antlr4-runtime.h"

namespace ddlint_fast {

inline bool is_terminal(antlr4::tree::ParseTree* t) {
  const std::type_info& type = typeid(*t);
  return type == typeid(antlr4::tree::TerminalNodeImpl) || type == typeid(antlr4::tree::ErrorNodeImpl);
}

// `p` as T when T is its class, else null (also for a null `p`): for a
// class nothing derives from (a labelled alternative's context, or the
// context of a rule without labels), what dynamic_cast<T*> answers, by one
// comparison of types instead of a walk of the class hierarchy.
template <class T, class B>
T* exact(B* p) {
  // Marked final by cmake/FastChildren.cmake when nothing derives from it.
  static_assert(std::is_final_v<T>, "exact<T>: a class other classes derive from (use of_rule)");
  return p != nullptr && typeid(*p) == typeid(T) ? static_cast<T*>(p) : nullptr;
}

// `t` as T when it is a context of rule `rule` (T's rule, whose labelled
// alternatives derive from T), else null.
template <class T>
T* of_rule(antlr4::tree::ParseTree* t, size_t rule) {
  if (t == nullptr || is_terminal(t)) return nullptr;
  auto* rc = static_cast<antlr4::ParserRuleContext*>(t);
  return rc->getRuleIndex() == rule ? static_cast<T*>(rc) : nullptr;
}

// Appends what t->getText() returns, the texts of the tree's tokens end to
// end, without the std::stringstream the runtime's RuleContext::getText
// builds for every rule context on the way.
inline void append_text(antlr4::tree::ParseTree* t, std::string& out) {
  if (is_terminal(t)) {
    out += t->getText();
    return;
  }
  for (antlr4::tree::ParseTree* child : t->children) append_text(child, out);
}

// The i-th child that is a context of rule `rule` (class T or a labelled alternative of it).
template <class T>
T* rule_child(antlr4::ParserRuleContext* ctx, size_t rule, size_t i) {
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (is_terminal(child)) continue;
    auto* rc = static_cast<antlr4::ParserRuleContext*>(child);
    if (rc->getRuleIndex() == rule && i-- == 0) return static_cast<T*>(rc);
  }
  return nullptr;
}

template <class T>
std::vector<T*> rule_children(antlr4::ParserRuleContext* ctx, size_t rule) {
  std::vector<T*> out;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (is_terminal(child)) continue;
    auto* rc = static_cast<antlr4::ParserRuleContext*>(child);
    if (rc->getRuleIndex() == rule) out.push_back(static_cast<T*>(rc));
  }
  return out;
}

// The i-th terminal child of token type `type`.
inline antlr4::tree::TerminalNode* token_child(antlr4::ParserRuleContext* ctx, size_t type, size_t i) {
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (!is_terminal(child)) continue;
    auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);  // a virtual base: no static_cast
    if (t->getSymbol()->getType() == type && i-- == 0) return t;
  }
  return nullptr;
}

inline std::vector<antlr4::tree::TerminalNode*> token_children(antlr4::ParserRuleContext* ctx, size_t type) {
  std::vector<antlr4::tree::TerminalNode*> out;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (!is_terminal(child)) continue;
    auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (t->getSymbol()->getType() == type) out.push_back(t);
  }
  return out;
}

}  // namespace ddlint_fast
