// Precompiled header of ddlint_rules (CMakeLists.txt, DDLINT_PCH): what nearly
// every rule file includes. Rule files still include what they use; this
// only makes compiling them faster.
#pragma once
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"
