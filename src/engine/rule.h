#pragma once
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
