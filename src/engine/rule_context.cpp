#include "engine/rule_context.h"

#include <algorithm>

#include "analysis/annotations.h"
#include "engine/catalog.h"

namespace ddlint::engine {

DiagnosticBuilder RuleContext::report(TextRange range, std::string message) {
  Diagnostic d;
  d.rule = std::string(rule_);
  d.range = range;
  d.message = std::move(message);
  sink_.push_back(std::move(d));
  return DiagnosticBuilder(sink_.back());
}

std::string RuleContext::option(std::string_view name) const {
  if (options_) {
    auto r = options_->find(std::string(rule_));
    if (r != options_->end()) {
      auto o = r->second.find(std::string(name));
      if (o != r->second.end()) return o->second;
    }
  }
  if (const auto* info = catalog_.find(rule_))
    if (const auto* decl = info->option(name)) return decl->default_value;
  return {};
}

std::optional<double> RuleContext::option_seconds(std::string_view name) const {
  return analysis::parse_duration_seconds(option(name));
}

bool RuleContext::rule_enabled(std::string_view id) const {
  return enabled_ && std::find(enabled_->begin(), enabled_->end(), id) != enabled_->end();
}

}  // namespace ddlint::engine
