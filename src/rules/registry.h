#pragma once
#include <vector>

#include "engine/rule.h"

namespace ddlint::rules {

// Every rule ddlint has, sorted by id (from rule_list.inc).
const std::vector<engine::RuleEntry>& registry();

}  // namespace ddlint::rules

// Defines the factory a rule file exports, and the hooks its class declares;
// used once at the end of each rule file.
#define DDLINT_DEFINE_RULE(Class)                                                              \
  std::unique_ptr<::ddlint::engine::Rule> make_##Class() { return std::make_unique<Class>(); } \
  ::ddlint::engine::HookSet hooks_of_##Class() { return ::ddlint::engine::hooks_of<Class>(); } \
  ::ddlint::engine::HookSet observed_of_##Class() { return ::ddlint::engine::observed_of<Class>(); }
