#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace ddlint {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

enum class Applicability { Safe, Unsafe };

struct Edit {
  TextRange range;  // empty range = insertion
  std::string replacement;
};

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<Edit> edits;
};

struct Diagnostic {
  std::string rule;  // canonical rule id
  Severity severity = Severity::Warning;
  TextRange range;
  std::string message;
  std::string help;
  std::optional<Fix> fix;
  // Set when an inline ignore comment covers the finding; reporters still
  // see it (SARIF lists it with `suppressions`) but it never fails a run.
  bool suppressed = false;
  std::string suppression_reason;
  // The verdict rests on something ddlint cannot know (an old column
  // definition, a table's engine): the message says "unless ...". JSON and
  // SARIF carry it as `conditional: true`.
  bool conditional = false;
  // The rule's graver case (its rules.d page says which): reported one
  // severity level above the rule's configured severity, at most error.
  bool escalated = false;
};

}  // namespace ddlint
