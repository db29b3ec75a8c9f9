#pragma once
#include "core/source.h"

namespace ddlint::analysis {

// Settings that change what a statement does to a live database. Filled from
// .ddlint.toml and CLI flags; rules read them through the rule context.
struct Settings {
  Dialect dialect = Dialect::Postgres;
  int pg_version = 15;                 // 10..17
  bool assume_in_transaction = false;  // the runner wraps each file in a transaction
};

}  // namespace ddlint::analysis
