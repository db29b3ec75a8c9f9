#pragma once
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "ir/ir.h"
#include "ir/parsed_file.h"

namespace ddlint::engine {

class RuleContext;

// Base class of every rule. A rule overrides the hooks for the statement
// kinds it cares about; the engine calls them in source order, then
// onFileEnd. Rules only look and report: no I/O, no config, no suppression.
class Rule {
 public:
  virtual ~Rule() = default;
  // Every enabled rule is made anew for each file and gone with it: their
  // memory is kept on a list per thread and size for the next file's rules,
  // so they cost no call to the general allocator once a thread has linted
  // a file (a run over thousands of small files made sixty per file).
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
#define DDLINT_STMT(Kind) \
  virtual void on##Kind(const ir::Kind&, RuleContext&) {}
#include "ir/statements.def"
#undef DDLINT_STMT
  virtual void onFileStart(RuleContext&) {}
  virtual void onSyntaxError(const ir::ParseError&, RuleContext&) {}
  virtual void onSkippedInput(const ir::SkippedInput&, RuleContext&) {}
  virtual void onFileEnd(RuleContext&) {}
  // Called after inline suppressions were applied (for unused-ignore).
  virtual void onSuppressionsApplied(RuleContext&) {}
};

using RuleFactory = std::unique_ptr<Rule> (*)();

struct RuleEntry {
  std::string_view id;
  RuleFactory make;
};

}  // namespace ddlint::engine
