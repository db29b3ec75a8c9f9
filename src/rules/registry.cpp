#include "rules/registry.h"

namespace ddlint::rules {

#define DDLINT_RULE(Class, id)                  \
  std::unique_ptr<engine::Rule> make_##Class(); \
  engine::HookSet hooks_of_##Class();           \
  engine::HookSet observed_of_##Class();
#include "rules/rule_list.inc"
#undef DDLINT_RULE

const std::vector<engine::RuleEntry>& registry() {
  static const std::vector<engine::RuleEntry> entries = {
#define DDLINT_RULE(Class, id) {id, &make_##Class, hooks_of_##Class(), observed_of_##Class()},
#include "rules/rule_list.inc"
#undef DDLINT_RULE
  };
  return entries;
}

}  // namespace ddlint::rules
