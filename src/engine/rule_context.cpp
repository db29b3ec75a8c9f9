#include "engine/rule_context.h"

#include <algorithm>

namespace ddlint::engine {

DiagnosticBuilder RuleContext::report(TextRange range, std::string message) {
  Diagnostic d;
  d.rule = std::string(rule_);
  d.range = range;
  d.message = std::move(message);
  sink_.push_back(std::move(d));
  return DiagnosticBuilder(sink_.back());
}

bool RuleContext::rule_enabled(std::string_view id) const {
  return enabled_ && std::find(enabled_->begin(), enabled_->end(), id) != enabled_->end();
}

}  // namespace ddlint::engine
