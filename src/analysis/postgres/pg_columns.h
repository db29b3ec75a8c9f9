#pragma once
// PostgreSQL knowledge about adding a column to a table that has rows: does
// ALTER TABLE ... ADD COLUMN rewrite the table, or read it, and why. The lock
// model and the rules ask the same function, so they cannot disagree.
#include <span>
#include <string>
#include <string_view>

#include "analysis/settings.h"
#include "ir/ir.h"

namespace ddlint::analysis {

struct AddColumnCost {
  bool rewrite = false;  // every row is written into a new heap (indexes rebuilt)
  bool scan = false;     // every row is read (NOT NULL check, inline CHECK/FK, UNIQUE/PK index build)
  // Why the table is rewritten (None when it is not).
  enum class Reason {
    None,
    StoredGenerated,    // GENERATED ALWAYS AS (...) STORED: computed for every row
    Identity,           // GENERATED ... AS IDENTITY: a sequence value for every row
    Serial,             // serial types: DEFAULT nextval(...) for every row
    VolatileDefault,    // the DEFAULT calls a volatile function: evaluated for every row
    DefaultBeforePg11,  // before PostgreSQL 11 any non-null DEFAULT is written into every row
  };
  Reason reason = Reason::None;
  std::string detail;  // the volatile function, or the serial type name, as the IR names it
};

// A built-in or common-extension function PostgreSQL marks volatile
// (pg_proc.provolatile = 'v'): its value may differ on every call. Stable
// functions such as now(), CURRENT_TIMESTAMP or statement_timestamp() are not
// volatile: a DEFAULT calling them is evaluated once. `name` is lower-case and
// unqualified, as in ir::Expr::functions.
bool pg_is_volatile_function(std::string_view name);

// serial, bigserial, smallserial and their serial2/4/8 spellings.
bool pg_is_serial_type(const ir::TypeName& type);

// The cost of ADD COLUMN `column` on a table that has rows. `declared`: the
// functions the history or the file declares (CREATE FUNCTION); their
// declared volatility wins over the built-in list.
struct KnownFunction;
AddColumnCost pg_add_column_cost(const ir::ColumnDef& column, const Settings& settings,
                                 std::span<const KnownFunction> declared = {});

}  // namespace ddlint::analysis
