#pragma once
#include "analysis/runner.h"
#include "core/source.h"

namespace ddlint::analysis {

// Settings that change what a statement does to a live database. Filled from
// .ddlint.toml and CLI flags; rules read them through the rule context.
struct Settings {
  Dialect dialect = Dialect::Postgres;
  int pg_version = 15;  // 10..17
  // Files whose runner is not known: the runner wraps each file in a
  // transaction. A known runner's own rules (and directives) win.
  bool assume_in_transaction = false;
  Runner runner = Runner::Auto;
  DownPolicy down = DownPolicy::Relaxed;
};

}  // namespace ddlint::analysis
