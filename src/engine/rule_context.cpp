#include "engine/rule_context.h"

#include <algorithm>

#include "analysis/annotations.h"
#include "engine/catalog.h"

namespace ddlint::engine {

DiagnosticBuilder RuleContext::report(TextRange range, std::string message) {
  // Made in place: a Diagnostic is costly to move (its strings and fix).
  Diagnostic& d = sink_.emplace_back();
  d.rule = rule_->id;
  d.severity = rule_->severity;
  d.range = range;
  d.message = std::move(message);
  return DiagnosticBuilder(d);
}

std::string RuleContext::option(std::string_view name) const {
  // No options configured (the common case): no key to build.
  if (options_ && !options_->empty()) {
    auto r = options_->find(std::string(rule_->id));
    if (r != options_->end()) {
      auto o = r->second.find(std::string(name));
      if (o != r->second.end()) return o->second;
    }
  }
  if (const auto* info = catalog_.find(rule_->id))
    if (const auto* decl = info->option(name)) return decl->default_value;
  return {};
}

std::optional<double> RuleContext::option_seconds(std::string_view name) const {
  return analysis::parse_duration_seconds(option(name));
}

bool RuleContext::rule_enabled(std::string_view id) const {
  return enabled_ && enabled_->count(std::string(id)) > 0;
}

bool RuleContext::statements_nested() const {
  if (nested_) return *nested_;
  const auto& stmts = file_.statements;
  std::vector<TextRange> ranges;
  ranges.reserve(stmts.size());
  for (const auto& st : stmts) ranges.push_back(st.range);
  std::sort(ranges.begin(), ranges.end(),
            [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
  bool nested = false;
  for (size_t k = 0; k < ranges.size() && !nested; ++k)
    nested = ranges[k].begin >= ranges[k].end || (k > 0 && ranges[k - 1].end > ranges[k].begin);
  nested_ = nested;
  return nested;
}

const std::vector<ir::Fact>& RuleContext::statement_facts() const {
  if (facts_cache_for_ != statement_) {
    facts_cache_ = ir::facts(statement());
    facts_cache_for_ = statement_;
  }
  return facts_cache_;
}

}  // namespace ddlint::engine
