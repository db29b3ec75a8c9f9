#pragma once
#include <string>
#include <string_view>

namespace ddlint::analysis {

// The order a runner applies migration files in, as a byte string that sorts
// like the files: numbers compare by value wherever they appear in the path
// (`2_x.up.sql` before `10_x.up.sql`, `V1.9__` before `V1.10__`), Flyway
// versions compare part by part (`V1__` before `V1.1__` before `V2__`, with
// `.` and `_` alike), Flyway repeatable migrations (`R__name.sql`) come after
// the versioned ones of their folder, and a down or undo migration comes right
// after its own up migration (`NAME.down.sql` after `NAME.up.sql`,
// `DIR/down.sql` after `DIR/up.sql`, `U3__x.sql` after `V3__x.sql`), so it is
// read against the schema its up migration left. Equal keys (one file spelled
// two ways) are left to the caller; the path itself breaks ties.
std::string migration_order_key(std::string_view path);

// migration_order_key(dir + name) in two steps, for the files of one
// folder: the key of `dir` (the path up to and with its last '/', or empty)
// once, then each name's (no '/' in it) appended to a copy of it.
std::string migration_order_folder_key(std::string_view dir);
void append_migration_order_name_key(std::string& key, std::string_view name);

// migration_order_key(a) < migration_order_key(b), then a < b.
bool migration_order_less(std::string_view a, std::string_view b);

}  // namespace ddlint::analysis
