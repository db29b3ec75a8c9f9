#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/preflight.h"
#include "core/source.h"

namespace ddlint::report {

// What a check found on a live database (`ddlint preflight --dsn`).
struct PreflightOutcome {
  bool ran = false;
  long long count = 0;  // rows or duplicate keys in the way
  // The first rows in the way: column, value (nullopt: NULL).
  std::vector<std::vector<std::pair<std::string, std::optional<std::string>>>> sample;
  std::string error;  // the query failed (password removed)
};

// `ddlint preflight`: the checks of one file, with positions, and with
// `outcomes` (one per check) what they found on a database.
struct PreflightInput {
  const std::string& path;  // as the user gave it
  const SourceFile& source;
  const std::vector<analysis::PreflightCheck>& checks;
  const std::vector<PreflightOutcome>* outcomes = nullptr;
};
// FILE:LINE:COL: CHANGE fails if ..., then the count and sample queries.
void write_preflight_text(const PreflightInput& in, std::ostream& out);
// The members of one entry of the JSON report's "checks" array per check.
void write_preflight_json(const std::vector<PreflightInput>& files, std::ostream& out);

}  // namespace ddlint::report
