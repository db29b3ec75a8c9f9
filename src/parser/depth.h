#pragma once
#include <cstdint>
#include <string>

namespace ddlint::parser {

// How deep a statement may nest (parentheses, brackets, chained operators)
// before a front-end declines to analyse it. Front-ends recurse once per
// level; PostgreSQL's own grammar stops near this depth of parentheses
// ("memory exhausted"), and real migrations stay far below it.
constexpr uint32_t kMaxNesting = 10000;

// The finding for such a statement: a depth limit, not a syntax error.
inline std::string too_deep_message() {
  return "statement too deeply nested to analyse: more than " + std::to_string(kMaxNesting) +
         " levels of parentheses, brackets or chained operators (it is not checked)";
}

}  // namespace ddlint::parser
