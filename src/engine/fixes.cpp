#include "engine/fixes.h"

#include <algorithm>

namespace ddlint::engine {

FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe) {
  // Take fixes in source order; keep the byte ranges already claimed.
  std::vector<const Fix*> fixes;
  for (const auto& d : diagnostics)
    if (d.fix && !d.suppressed && !d.fix->edits.empty() &&
        (unsafe || d.fix->applicability == Applicability::Safe))
      fixes.push_back(&*d.fix);
  std::vector<const Edit*> taken;
  auto overlaps = [&](const Edit& e) {
    for (const Edit* t : taken) {
      // Two insertions at one point conflict too (their order would be arbitrary).
      if (e.range.begin < t->range.end && t->range.begin < e.range.end) return true;
      if (e.range.begin == t->range.begin || (e.range.empty() && e.range.begin == t->range.end) ||
          (t->range.empty() && t->range.begin == e.range.end))
        return true;
    }
    return false;
  };
  FixOutcome out;
  for (const Fix* f : fixes) {
    bool ok = true;
    for (const auto& e : f->edits)
      if (e.range.end > text.size() || e.range.begin > e.range.end || overlaps(e)) ok = false;
    if (!ok) continue;
    for (const auto& e : f->edits) taken.push_back(&e);
    ++out.applied;
  }
  std::sort(taken.begin(), taken.end(),
            [](const Edit* a, const Edit* b) { return a->range.begin > b->range.begin; });
  out.text.assign(text);
  for (const Edit* e : taken) out.text.replace(e->range.begin, e->range.end - e->range.begin, e->replacement);
  return out;
}

}  // namespace ddlint::engine
