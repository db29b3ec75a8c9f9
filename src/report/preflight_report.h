#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "analysis/preflight.h"
#include "core/source.h"

namespace ddlint::report {

// `ddlint preflight`: the checks of one file, with positions.
struct PreflightInput {
  const std::string& path;  // as the user gave it
  const SourceFile& source;
  const std::vector<analysis::PreflightCheck>& checks;
};
// FILE:LINE:COL: CHANGE fails if ..., then the count and sample queries.
void write_preflight_text(const PreflightInput& in, std::ostream& out);
// The members of one entry of the JSON report's "checks" array per check.
void write_preflight_json(const std::vector<PreflightInput>& files, std::ostream& out);

}  // namespace ddlint::report
