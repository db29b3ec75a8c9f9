#pragma once
// The lock model's verdict for a table, as rules quote it in messages. Rules
// never compare these strings: they only repeat what the model decided.
#include <string>

#include "analysis/migration_facts.h"

namespace ddlint::rules {

// The verdict for `table` in the statement `f` describes; null when the model
// says nothing about it.
inline const analysis::TableEffect* effect_on(const analysis::StatementFacts& f,
                                              const ir::QualifiedName& table) {
  for (const auto& e : f.effect.tables)
    if (e.object == ir::ObjectKind::Table && analysis::same_table(e.table, table)) return &e;
  return nullptr;
}

// MySQL/MariaDB: how the server runs the statement on the table, e.g.
// "ALGORITHM=COPY, LOCK=SHARED: blocks writes"; empty when the model gives no
// algorithm.
inline std::string online_ddl_text(const analysis::TableEffect* e) {
  if (e == nullptr || e->algorithm().empty()) return "";
  return "ALGORITHM=" + e->algorithm() + ", LOCK=" + e->lock() + ": " +
         std::string(analysis::describe(e->blocks));
}

// " (ALGORITHM=COPY, LOCK=SHARED: blocks writes)", or "" without a verdict.
inline std::string online_ddl_note(const analysis::StatementFacts& f, const ir::QualifiedName& table) {
  const std::string t = online_ddl_text(effect_on(f, table));
  return t.empty() ? "" : " (" + t + ")";
}

}  // namespace ddlint::rules
