#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/parsed_file.h"

namespace ddlint::analysis {

// What ALTER COLUMN ... TYPE costs in PostgreSQL, given the old type
// (reference/locks.md §A.5).
enum class TypeChange {
  NoRewrite,  // binary-coercible or a widening typmod: catalog change (indexes may be rebuilt)
  Rewrite,    // every row is rewritten under ACCESS EXCLUSIVE
};
// `has_using`: the change has a USING expression (values are recomputed).
// `utc_session`: the server is PostgreSQL 12 or later and the session's
// TimeZone is UTC, where timestamp <-> timestamptz (same precision) keeps
// every stored value as it is.
TypeChange pg_type_change(const ir::TypeName& from, const ir::TypeName& to, bool has_using,
                          bool utc_session = false);
// The old types from which a change to `to` (without USING) needs no
// rewrite, for messages: "`numeric(20,2)` or `numeric(p,2)` with p <= 20".
std::string pg_no_rewrite_sources(const ir::TypeName& to, bool utc_session = false);
// A TimeZone value (SET timezone / SET TIME ZONE) that is UTC at every
// instant: 'UTC', 'Etc/UTC', 'GMT', 'Zulu', 0 ... (case-insensitive).
bool pg_utc_time_zone(std::string_view value);
// "varchar(20)", "numeric(10,2)[]", "bigint" (not int8): as people write them.
std::string display(const ir::TypeName& t);

}  // namespace ddlint::analysis
