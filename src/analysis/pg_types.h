#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/runner.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// What ALTER COLUMN ... TYPE costs in PostgreSQL, given the old type
// (reference/locks.md §A.5).
enum class TypeChange {
  NoRewrite,  // binary-coercible or a widening typmod: catalog change (indexes may be rebuilt)
  Rewrite,    // every row is rewritten under ACCESS EXCLUSIVE
};
// `has_using`: the change has a USING expression (values are recomputed).
TypeChange pg_type_change(const ir::TypeName& from, const ir::TypeName& to, bool has_using);
// "varchar(20)", "numeric(10,2)[]", as PostgreSQL names them.
std::string display(const ir::TypeName& t);

// A column's type as known before some point of the migration history.
struct KnownColumnType {
  ir::QualifiedName table;
  std::string column;
  std::optional<ir::TypeName> type;  // nullopt: the column (or its table) was dropped
};

// Column types from CREATE TABLE, ADD COLUMN and ALTER COLUMN ... TYPE,
// replayed in migration order; DROP and RENAME keep it current.
class ColumnTypes {
 public:
  // Applies the up migration of `file` (down sections are left out).
  void apply(const ir::ParsedFile& file, const RunnerPlan& plan);
  void apply(const ir::Statement& st);
  void seed(const KnownColumnType& k);
  // The known type; null when the column was never seen (or was dropped).
  const ir::TypeName* find(const ir::QualifiedName& table, const std::string& column) const;
  // For each ALTER COLUMN ... TYPE in `file`, what is known of the column now.
  std::vector<KnownColumnType> needed_by(const ir::ParsedFile& file) const;

 private:
  struct Table {
    ir::QualifiedName name;
    std::unordered_map<std::string, ir::TypeName> columns;
  };
  Table* table(const ir::QualifiedName& name, bool create);
  const Table* table(const ir::QualifiedName& name) const;
  std::unordered_map<std::string, std::vector<Table>> tables_;  // by table name
};

}  // namespace ddlint::analysis
