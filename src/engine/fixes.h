#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace ddlint::engine {

struct FixOutcome {
  std::string text;
  size_t applied = 0;  // fixes applied (each with all its edits)
};

// Applies the fixes of unsuppressed findings to `text`: safe ones, and unsafe
// ones too when `unsafe` is set. A fix is all or nothing: one whose edits
// overlap an edit already taken is left for the next round (the caller
// re-lints and applies again). Edit ranges are byte offsets into `text`.
FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe);

}  // namespace ddlint::engine
