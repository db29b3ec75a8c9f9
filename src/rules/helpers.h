#pragma once
// Small helpers shared by rules (naming and message formatting only; all
// dialect knowledge lives in the front-ends and the lock models).
#include <string>

#include "ir/ir.h"

namespace ddlint::rules {

inline std::string quoted(const std::string& s) { return "`" + s + "`"; }
inline std::string quoted(const ir::QualifiedName& n) { return "`" + n.display() + "`"; }

}  // namespace ddlint::rules
