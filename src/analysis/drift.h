#pragma once
// Schema drift (`ddlint drift`): the schema a migration history builds,
// replayed from its statements with the place that defined each object, and
// its comparison with the schema a live database has (read by the caller from
// the catalogs). Both sides are described by the same dialect-neutral
// `DriftSchema`; each difference is one `Drift` with the statements that bring
// the history to the live schema and those that would revert the database.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/runner.h"
#include "core/source.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// Where the history defines an object: a file of the replay and the
// statement's range in it. `file` < 0: not known (a live object).
struct DriftOrigin {
  int file = -1;
  TextRange range;
};

struct DriftColumn {
  std::string name;
  // The type as the dialect's catalog spells it (PostgreSQL format_type:
  // `integer`, `character varying(20)`; MySQL COLUMN_TYPE: `int(11)`,
  // `varchar(20)`); empty when not known.
  std::string type;
  std::string type_text;  // as written in the migration (for the SQL ddlint writes)
  bool not_null = false;
  bool not_null_known = true;
  std::optional<std::string> default_value;  // the expression as written/read; none: no default
  bool default_known = true;                 // false: serial, identity, generated, or not tracked
  DriftOrigin origin;
};

enum class DriftConstraintKind { PrimaryKey, Unique, ForeignKey, Check, Exclusion };

struct DriftConstraint {
  std::string name;  // empty: unnamed in the migration (the server chose its name)
  std::string table;
  DriftConstraintKind kind = DriftConstraintKind::Check;
  std::vector<std::string> columns;  // empty when not known
  std::string ref_table;             // FOREIGN KEY
  bool validated = true;             // false: NOT VALID
  std::string definition;            // the definition as written / as the catalog prints it
  DriftOrigin origin;
};

struct DriftIndex {
  std::string name;  // empty: unnamed (PostgreSQL chose its name)
  std::string table;
  std::vector<std::string> columns;  // "(expr)" for an expression
  bool unique = false;
  std::string definition;  // live: the CREATE INDEX statement; history: the statement as written
  DriftOrigin origin;
};

struct DriftTable {
  std::string name;  // the key: `name` in the default schema, `schema.name` elsewhere
  std::vector<DriftColumn> columns;
  bool columns_known = true;  // the column list is complete (CREATE TABLE with a column list)
  bool created = true;        // the history creates it (false: only altered)
  // A statement ddlint could not read may have changed it: not compared.
  std::string uncertain;  // why (file:line), empty when certain
  DriftOrigin origin;
  const DriftColumn* column(std::string_view name) const;
};

struct DriftEnum {
  std::string name;
  std::vector<std::string> values;
  bool values_known = true;
  DriftOrigin origin;
};

struct DriftSchema {
  std::map<std::string, DriftTable> tables;
  std::vector<DriftIndex> indexes;
  std::vector<DriftConstraint> constraints;
  std::map<std::string, DriftEnum> enums;
  // Statements ddlint could not read that may create objects anywhere (file:line):
  // objects of the live schema unknown to the history are then not reported.
  std::vector<std::string> unreadable;
};

// Replays a migration history in runner order (up sections only).
class DriftReplay {
 public:
  // `mariadb`: the server is MariaDB, which names a column's unnamed CHECK
  // after the column and drops it when MODIFY or CHANGE restates the column.
  explicit DriftReplay(Dialect dialect, bool mariadb = false) : dialect_(dialect), mariadb_(mariadb) {}
  // `file`: the file's index among the replayed files (DriftOrigin::file);
  // `display`: its path for messages.
  void apply(const ir::ParsedFile& parsed, const RunnerPlan& plan, const SourceFile& source, int file);
  const DriftSchema& schema() const { return schema_; }

 private:
  void statement(const ir::Statement& st, std::string_view text, const std::string& where, int file);
  void add_constraint(const std::string& table, const ir::Constraint& c, const std::string& column,
                      std::string_view text, DriftOrigin origin);
  void add_column(DriftTable& t, const ir::ColumnDef& def, std::string_view text, DriftOrigin origin);
  void drop_table(const std::string& key);
  void uncertain_mentions(std::string_view statement_text, const std::string& where);
  std::string key(const ir::QualifiedName& n) const;
  std::string fold(const std::string& s) const;
  Dialect dialect_;
  bool mariadb_ = false;
  DriftSchema schema_;
};

struct Drift {
  std::string message;
  DriftOrigin origin;        // file < 0: the history as a whole
  int phase = 0;             // order of `incorporate` in the written migration
  std::string incorporate;   // SQL that brings the history to the live schema (with `;`)
  std::string revert;        // SQL that brings the database back to the history
  bool conditional = false;  // the message says "unless ..."
};

// Compares the replayed history with the live schema. `texts`: each replayed
// file's text, for the statements written back in SQL.
std::vector<Drift> compare_schemas(const DriftSchema& history, const DriftSchema& live, Dialect dialect,
                                   const std::vector<std::string_view>& texts);

// The migration `ddlint drift --write-migration` writes: the statements that
// bring the history to the live schema, then a comment block with the
// statements that would revert the drift instead.
std::string drift_migration(const std::vector<Drift>& drifts, Dialect dialect, std::string_view source);

// PostgreSQL's name of a type as format_type() prints it (`int4` ->
// `integer`, `varchar(20)` -> `character varying(20)`); empty when ddlint
// does not know the spelling (a user-defined type).
std::string pg_catalog_type(const ir::TypeName& t);
// MySQL/MariaDB COLUMN_TYPE spelling, lower-case (`int` -> `int`, display
// widths left out); empty when not known.
std::string mysql_catalog_type(const ir::TypeName& t);
// A default as the catalogs print it, reduced to compare: casts of a
// literal and outer parentheses removed, keywords lower-case.
std::string normal_default(std::string_view expr);

}  // namespace ddlint::analysis
