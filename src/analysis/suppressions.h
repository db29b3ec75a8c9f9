#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace ddlint::analysis {

// One `-- ddlint-ignore rule[, rule] -- reason` (next statement) or
// `-- ddlint-ignore-file rule[, rule]` comment. Rule names are kept as written;
// the engine resolves aliases.
struct Suppression {
  TextRange comment;
  bool file_level = false;
  bool all_rules = false;          // no rule listed
  std::vector<std::string> rules;  // as written, lower-case
  std::vector<TextRange> rule_ranges;
  std::vector<bool> used;  // per rule (or [0] for all_rules)
  std::string reason;
  TextRange target;  // the statement a next-statement ignore covers
};

// Finds ignore comments. `statements` are the sorted ranges of every
// statement (parsed or not) so an ignore knows its target: the statement that
// ends on the same line just before the comment (a trailing comment), else the
// next statement. `text` is the file's text.
std::vector<Suppression> parse_suppressions(
    const std::vector<std::pair<TextRange, std::string_view>>& comments,
    const std::vector<TextRange>& statements, std::string_view text);

// Whether any of `comments` (ranges of `text`) may be an ignore comment (it
// holds `ddlint-ignore`): without one, parse_suppressions finds none, and
// the statements' ranges need not be kept for it.
bool may_suppress(const std::vector<TextRange>& comments, std::string_view text);

}  // namespace ddlint::analysis
