#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"

namespace ddlint::ir {

// The dialect-neutral view of what a statement changes: one shape per fact,
// whichever dialect and spelling it came from. A column rename is one
// RenameColumn fact whether PostgreSQL wrote `ALTER TABLE ... RENAME COLUMN`
// (a Rename statement) or MySQL wrote RENAME COLUMN or CHANGE; a MySQL
// MODIFY/CHANGE, which restates a whole column definition, becomes the same
// separate facts (type, nullability, default, position, collation) that
// PostgreSQL writes as separate ALTER COLUMN actions; types are compared by
// their normalised kind and sizes, never by spelling. Rules that reason about
// changes read these facts; the original text and range stay on each fact
// for messages and fixes.

// A column type by what it is, not how it is spelled: `int4`, `integer`,
// `INT` and `int(11)` are all {Integer, 4 bytes}.
enum class TypeKind {
  Boolean,
  TinyInt,    // 1 byte (MySQL TINYINT)
  SmallInt,   // 2 bytes
  MediumInt,  // 3 bytes (MySQL MEDIUMINT)
  Integer,    // 4 bytes
  BigInt,     // 8 bytes
  Serial,     // PostgreSQL serial pseudo-types (an integer with a sequence default)
  BigSerial,
  SmallSerial,
  Decimal,  // numeric / decimal (precision, scale)
  Real,     // 4-byte float
  Double,   // 8-byte float
  Char,     // fixed length
  Varchar,  // variable length with a limit
  Text,     // variable length, no declared limit
  Binary,   // bytea / blob / binary / varbinary
  Date,
  Time,
  Timestamp,    // without time zone (MySQL DATETIME)
  TimestampTz,  // with time zone (PostgreSQL timestamptz; MySQL TIMESTAMP is stored in UTC)
  Interval,
  Json,
  Jsonb,
  Uuid,
  Enum,
  Other
};
std::string_view to_string(TypeKind k);

struct NormalType {
  TypeKind kind = TypeKind::Other;
  std::optional<int> length;     // CHAR/VARCHAR/BINARY length
  std::optional<int> precision;  // DECIMAL precision
  std::optional<int> scale;      // DECIMAL scale
  bool array = false;
  bool is_unsigned = false;
  std::string charset;   // lower-case; empty when not written
  std::string spelling;  // the base name as lowered, e.g. "int4", "int", "bpchar"
};
NormalType normalize(const TypeName& type);
// normalize(type).kind, without the copies of its spelling and character set
// (rules ask it of every column they look at).
TypeKind type_kind(const TypeName& type);

enum class FactKind {
  CreateTable,
  DropTable,
  RenameTable,
  TruncateTable,
  AddColumn,
  DropColumn,
  RenameColumn,
  SetType,
  SetNotNull,
  DropNotNull,
  SetDefault,
  DropDefault,
  SetPosition,
  AddIndex,
  DropIndex,
  AddConstraint,
  DropConstraint,
  ValidateConstraint,
  DropPrimaryKey,
  Other
};
std::string_view to_string(FactKind k);

struct Fact {
  FactKind kind = FactKind::Other;
  std::string table;  // unqualified table name; empty when the statement does not say (PostgreSQL DROP INDEX)
  QualifiedName table_name;        // the table as written (schema, range), for messages and existence checks
  std::string name;                // the column, index or constraint
  std::string new_name;            // renames
  std::optional<NormalType> type;  // AddColumn, SetType
  Box<Constraint> constraint;      // AddIndex, AddConstraint (kind, columns, references, NOT VALID)
  bool not_null = false;           // AddColumn
  Box<Expr> value;                 // SetDefault, AddColumn's default
  std::string position;            // SetPosition: "FIRST" or "AFTER <column>"
  // Restated by a whole-column redefinition (MySQL MODIFY/CHANGE): the
  // statement states it, but it changes something only where the old
  // definition differs (the schema model knows).
  bool restated = false;
  size_t action = SIZE_MAX;  // ALTER TABLE: the index of the action it comes from
  TextRange range;           // where it is written
};

// The facts of one statement, in source order. Statements that change no
// schema object (DML, SET, transactions) have none.
std::vector<Fact> facts(const Statement& statement);
// What facts() gives of kinds DropConstraint and DropIndex only, in the
// same order, without making the others (an ALTER TABLE's added columns
// and their types).
std::vector<Fact> drop_facts(const Statement& statement);

// One line per fact without ranges, spellings or the `restated` flag: equal
// for the same change in either dialect (the parity tests compare these).
std::string dump_facts(const std::vector<Fact>& facts, std::string_view source);

}  // namespace ddlint::ir
