#pragma once
#include <vector>

#include "analysis/runner.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// An object an up migration creates: a table (or materialized view, type,
// sequence) or an index of a table.
struct CreatedObject {
  ir::QualifiedName name;
  ir::QualifiedName table;  // for an index: its table; empty otherwise
  bool index = false;
};

// Appends what the up migration of `file` creates (down sections are left out).
void collect_created(const ir::ParsedFile& file, const RunnerPlan& plan, std::vector<CreatedObject>& out);

}  // namespace ddlint::analysis
