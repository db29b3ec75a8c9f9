#pragma once
#include <ostream>
#include <string_view>

#include "cli/app.h"

namespace ddlint::cli {

// A mysql:// or mariadb:// URL.
bool is_mysql_dsn(std::string_view dsn);

// `ddlint trace` on MySQL/MariaDB. DDL commits at once there, so nothing
// runs on the DSN's database: its tables' definitions (or the --history
// files) are copied into a scratch database, the migrations run there, and
// each ALTER TABLE, CREATE INDEX and DROP INDEX is probed on a copy of its
// table for the cheapest ALGORITHM, the weakest LOCK and the rebuild the
// server uses, beside the lock model's verdict; each disagreement is a
// `trace-mismatch`. Exit 1 with findings, 0 without, 2 on a connection or
// usage error.
int run_mysql_trace(const TraceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ddlint::cli
