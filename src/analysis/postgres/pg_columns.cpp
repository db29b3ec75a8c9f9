#include "analysis/postgres/pg_columns.h"

#include <algorithm>
#include <iterator>

#include "analysis/schema_model.h"

namespace ddlint::analysis {

bool pg_is_volatile_function(std::string_view name) {
  // Checked against pg_proc.provolatile on a live server (core, pgcrypto,
  // uuid-ossp). Functions that look per-row but are stable, and so are
  // evaluated once for the whole table, are deliberately absent: now(),
  // statement_timestamp(), transaction_timestamp(), CURRENT_TIMESTAMP,
  // CURRENT_DATE, LOCALTIMESTAMP, current_user, txid_current(),
  // pg_current_xact_id(). So are uuid_generate_v3/v5 (immutable).
  static const std::string_view kVolatile[] = {
      // random values
      "random", "random_normal", "setseed", "gen_random_uuid", "gen_random_bytes", "gen_salt",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "pgp_sym_encrypt",
      "pgp_sym_encrypt_bytea", "pgp_pub_encrypt", "pgp_pub_encrypt_bytea",
      // the wall clock, read on every call
      "clock_timestamp", "timeofday",
      // sequences
      "nextval", "currval", "lastval", "setval",
      // session state and side effects
      "current_query", "set_config", "lo_creat", "lo_create", "lo_import", "lo_from_bytea"};
  return std::find(std::begin(kVolatile), std::end(kVolatile), name) != std::end(kVolatile);
}

bool pg_is_serial_type(const ir::TypeName& type) {
  const auto& n = type.name;
  // Every spelling starts with `s` or `b` and has six letters or more: most
  // columns are told apart by their first byte (rules ask of every column).
  if (type.array || n.size() < 6 || (n[0] != 's' && n[0] != 'b')) return false;
  return n == "serial" || n == "bigserial" || n == "smallserial" || n == "serial2" || n == "serial4" ||
         n == "serial8";
}

AddColumnCost pg_add_column_cost(const ir::ColumnDef& c, const Settings& s,
                                 std::span<const KnownFunction> declared) {
  auto is_volatile = [&](const std::string& f) {
    for (const auto& d : declared)
      if (d.name == f) return d.volatility == ir::Volatility::Volatile;
    return pg_is_volatile_function(f);
  };
  using K = ir::ConstraintKind;
  using R = AddColumnCost::Reason;
  AddColumnCost cost;
  auto rewrite = [&](R reason, std::string detail = {}) {
    if (cost.rewrite) return;  // the first, most specific reason wins
    cost.rewrite = true;
    cost.reason = reason;
    cost.detail = std::move(detail);
  };

  bool generated = false;
  bool stored = false;
  bool identity = false;
  for (const auto& k : c.constraints) {
    generated |= k.kind == K::Generated;
    stored |= k.kind == K::Generated && k.stored;
    identity |= k.kind == K::Identity;
    // Inline constraints are checked against every existing row, or build an index over them.
    if (k.kind == K::Check || k.kind == K::ForeignKey || k.kind == K::Unique || k.kind == K::PrimaryKey ||
        k.kind == K::Exclusion)
      cost.scan = true;
  }
  const bool serial = pg_is_serial_type(c.type);
  const bool has_default = c.default_value && !c.default_value->is_null;

  // Stored generated columns never use the catalog's "missing value" shortcut.
  if (stored) rewrite(R::StoredGenerated);
  if (identity) rewrite(R::Identity);
  if (serial) rewrite(R::Serial, c.type.name);
  if (c.default_value)
    for (const auto& f : c.default_value->functions)
      if (is_volatile(f)) rewrite(R::VolatileDefault, f);
  // PostgreSQL 11 stores a non-volatile default once in the catalog; before
  // that every row gets the value written into it.
  if (has_default && s.pg_version < 11) rewrite(R::DefaultBeforePg11);

  // NOT NULL without a value to fill in: PostgreSQL reads the table to prove
  // it is empty (and fails if it is not).
  if (c.not_null && !has_default && !generated && !identity && !serial) cost.scan = true;
  return cost;
}

}  // namespace ddlint::analysis
