#pragma once

// libpg_query writes its parse trees as JSON through PostgreSQL's
// appendStringInfo (a printf into a growing buffer): about 1.7 million calls
// over the PostgreSQL corpus, each through the general printf machinery,
// about a sixth of a run's instructions. When the build wraps that
// function (DDLINT_PG_FAST_FORMAT, on by default: the linker's --wrap),
// pg_format.cpp formats the conversions the JSON output uses itself (%d,
// %u, %s, %c, %%, without flags, width or precision) and hands every other
// format to PostgreSQL's own code, so the bytes are the same either way.

#include <cstddef>
#include <cstdint>

namespace ddlint::parser::pg {

// Whether the build routes appendStringInfo through pg_format.cpp.
bool fast_format_built();

// Turns the fast path off (every call then takes PostgreSQL's formatting) or
// back on; for tests that compare the two. Not meant to change during a parse.
void set_fast_format(bool on);

// How many appendStringInfo calls of this thread ddlint's formatter wrote
// (the others went to PostgreSQL's); for tests.
uint64_t fast_format_calls();

// Asks that the next buffer of this thread the formatter enlarges (the JSON
// output about to be written: call this just before it, and with 0 just
// after) be given room for `bytes` at once, instead of doubling from 1 KB
// (each doubling copies what the buffer holds). Only the buffer's size
// changes; without DDLINT_PG_FAST_FORMAT (or with the fast path off) nothing.
void reserve_output(size_t bytes);

}  // namespace ddlint::parser::pg
