#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"

namespace ddlint::ir {

// Stable, human-readable dump of IR statements (`ddlint debug ir`, golden
// tests). Ranges are printed as byte offsets [begin,end) with the text they
// cover, so a dump shows exactly what each range points at.
std::string dump(const std::vector<Statement>& statements, std::string_view source_text);

}  // namespace ddlint::ir
