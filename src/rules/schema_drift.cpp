// schema-drift is reported by `ddlint drift` (src/analysis/drift.cpp), which
// compares a live database with the schema its migrations build: a file
// alone never shows it. The rule is registered so that its id, severity,
// page and SARIF metadata come from the catalogue like every other rule's.
#include "engine/rule_context.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SchemaDrift final : public engine::Rule {};

DDLINT_DEFINE_RULE(SchemaDrift)

}  // namespace ddlint::rules
