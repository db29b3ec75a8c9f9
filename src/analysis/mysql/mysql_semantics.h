#pragma once
// What a MySQL/MariaDB server does with a column or constraint definition
// (reference/locks.md §B): which type changes copy the table, whether CHECK
// constraints are enforced, what an inline REFERENCES does, which table
// options rebuild. The InnoDB lock model and the rules ask the same
// functions, so they cannot disagree.
#include <string>
#include <string_view>

#include "analysis/settings.h"
#include "ir/ir.h"

namespace ddlint::analysis {

// A column's type changing from one definition to another (MODIFY/CHANGE).
enum class MySqlTypeChange {
  Same,              // the same type (a restated column): no change of the stored data
  VarcharExtension,  // VARCHAR/VARBINARY growth within one length-prefix size: in place, no copy
  EnumAppend,        // ENUM/SET members appended at the end, same storage size: metadata only
  CollationChange,   // MariaDB: only the COLLATE differs (a COLLATE written where there was none counts)
  Copy,              // anything else: the table is copied row by row
};
struct MySqlTypeVerdict {
  MySqlTypeChange change = MySqlTypeChange::Copy;
  std::string what;  // why, for messages: "VARCHAR length prefix grows to 2 bytes"; empty for Same
};
// `table_charset`: the table's default character set (lower-case; empty when
// unknown: 4 bytes per character are assumed); `row_format` upper-case, empty
// for the default (DYNAMIC).
MySqlTypeVerdict mysql_type_change(const MySqlTarget& target, const ir::TypeName& from,
                                   const ir::TypeName& to, std::string_view table_charset = {},
                                   std::string_view row_format = {});

// Maximum bytes per character of a character set (unknown: 4, the widest).
int mysql_charset_maxlen(std::string_view charset);

// A type as MySQL names it, for messages: "varchar(60)", "int unsigned",
// "enum('a','b')", "varchar(20) character set latin1".
std::string mysql_display(const ir::TypeName& type);

// CHECK constraints are enforced (MySQL 8.0.16+, MariaDB 10.2.1+); older
// MySQL parses and ignores them.
bool mysql_enforces_check(const MySqlTarget& target);

// A column's inline `REFERENCES t(c)` creates a foreign key on MariaDB;
// MySQL (5.7 to 8.4) parses and ignores it.
bool mysql_inline_references_create_fk(const MySqlTarget& target);

// ALTER TABLE subcommands that only rebuild the table: `FORCE` and `ENGINE=`
// (the same engine: a null rebuild; another engine: a conversion).
enum class MySqlRebuild { None, Force, Engine };
MySqlRebuild mysql_rebuild_action(const ir::AlterAction& action);

}  // namespace ddlint::analysis
