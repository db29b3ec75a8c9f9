#pragma once
// Small helpers shared by rules (naming and message formatting only; all
// dialect knowledge lives in the front-ends and the lock models).
#include <string>
#include <string_view>

#include "analysis/migration_facts.h"
#include "ir/ir.h"

namespace ddlint::rules {

// `prefix` then the name in backquotes, appended to `out`.
inline void append_quoted_after(std::string& out, std::string_view prefix, std::string_view schema,
                                std::string_view name) {
  out += prefix;
  out += '`';
  if (!schema.empty()) {
    out += schema;
    out += '.';
  }
  out += name;
  out += '`';
}

// The same, built in one string of its final size (messages name tables and
// columns this way tens of thousands of times in a run).
inline std::string quoted_after(std::string_view prefix, std::string_view schema, std::string_view name) {
  std::string out;
  out.reserve(prefix.size() + schema.size() + name.size() + 3);
  append_quoted_after(out, prefix, schema, name);
  return out;
}

inline std::string quoted(const std::string& s) { return quoted_after({}, {}, s); }
// "`schema.name`" (ir::QualifiedName::display in backquotes).
inline std::string quoted(const ir::QualifiedName& n) { return quoted_after({}, n.schema, n.name); }

// What precedes the name of a relation a lock falls on (relation_name()).
inline std::string_view relation_prefix(ir::ObjectKind kind) {
  switch (kind) {
    case ir::ObjectKind::Index:
      return "the table of index ";
    case ir::ObjectKind::View:
      return "view ";
    case ir::ObjectKind::MaterializedView:
      return "materialized view ";
    default:
      return {};
  }
}

// How messages name a relation a lock falls on: "`users`" for a table,
// "view `v`", "materialized view `m`", and "the table of index `i`" when only
// the index is known.
inline std::string relation_name(ir::ObjectKind kind, const ir::QualifiedName& n) {
  return quoted_after(relation_prefix(kind), n.schema, n.name);
}

// relation_name(), appended to `out`.
inline void append_relation_name(std::string& out, ir::ObjectKind kind, const ir::QualifiedName& n) {
  append_quoted_after(out, relation_prefix(kind), n.schema, n.name);
}

// BEGIN/COMMIT/SAVEPOINT ... or a SET: statements that neither lock nor
// change the schema themselves.
inline bool is_transaction_control_or_setting(const ir::Statement& st) {
  return st.as<ir::Transaction>() != nullptr || st.as<ir::SetSetting>() != nullptr;
}

// Tables that record which migrations ran (`ttrss_version`, `ofVersion`,
// `schema_migrations`, `flyway_schema_history`): writing them is bookkeeping.
inline bool bookkeeping_table(const ir::QualifiedName& t) {
  std::string n = t.name;
  for (char& c : n)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  auto ends = [&](std::string_view s) {
    return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
  };
  return ends("version") || ends("schema_migrations") || ends("schema_history");
}

// Where a statement's transaction comes from, for messages ("runs inside
// ..."); empty outside a transaction.
inline std::string transaction_where(const analysis::StatementFacts& f) {
  switch (f.tx) {
    case analysis::TxSource::Explicit:
      return "inside the BEGIN ... COMMIT block of this file";
    case analysis::TxSource::Runner:
      return "inside the transaction the migration runner opens";
    case analysis::TxSource::Implicit:
      return "inside the implicit transaction PostgreSQL opens for a query string of several statements (the "
             "runner sends this migration as one string)";
    case analysis::TxSource::None:
      break;
  }
  return "";
}

}  // namespace ddlint::rules
