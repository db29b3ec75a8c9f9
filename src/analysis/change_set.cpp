#include "analysis/change_set.h"

namespace ddlint::analysis {

void collect_created(const ir::ParsedFile& file, const RunnerPlan& plan, std::vector<CreatedObject>& out) {
  for (const auto& st : file.statements) {
    if (plan.sections[plan.section_at(st.range.begin)].down) continue;
    if (const auto* c = st.as<ir::CreateTable>()) {
      if (!c->temporary) out.push_back({c->table, {}, false});
    } else if (const auto* o = st.as<ir::Opaque>()) {
      if (!o->creates.empty()) out.push_back({o->creates, {}, false});
    } else if (const auto* i = st.as<ir::CreateIndex>()) {
      if (!i->name.empty()) out.push_back({{i->table.schema, i->name, {}}, i->table, true});
    }
  }
}

}  // namespace ddlint::analysis
