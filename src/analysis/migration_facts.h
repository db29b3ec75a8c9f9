#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/annotations.h"
#include "analysis/locks.h"
#include "analysis/settings.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// What is true just before a statement runs.
struct StatementFacts {
  bool in_transaction = false;                   // explicit BEGIN block or the runner's implied one
  bool explicit_transaction = false;             // inside BEGIN ... COMMIT written in the file
  std::optional<std::string> lock_timeout;       // value in effect, if any SET
  std::optional<std::string> statement_timeout;  // value in effect, if any SET
  StatementEffect effect;                        // lock model verdict for this statement
  // First statement of the transaction this statement runs in (the BEGIN,
  // the COMMIT AND CHAIN, or 0 for the runner's); SIZE_MAX outside one.
  size_t transaction_start = SIZE_MAX;
};

// Within-file state computed once per file, before rules run.
class MigrationFacts {
 public:
  MigrationFacts(const ir::ParsedFile& file, const Settings& settings);

  const StatementFacts& at(size_t statement) const { return facts_[statement]; }
  // True when `table` is created by a statement before `statement`.
  bool created_before(const ir::QualifiedName& table, size_t statement) const;
  bool is_existing(const ir::QualifiedName& table, size_t statement) const {
    return !created_before(table, statement);
  }
  // True when BEGIN was never closed by COMMIT/ROLLBACK.
  bool unterminated_transaction() const { return open_at_end_; }
  // True when a validated CHECK (column IS NOT NULL) exists on the table just
  // before `statement` (added without NOT VALID, or validated later, and not
  // dropped yet).
  bool not_null_proven(const ir::QualifiedName& table, const std::string& column, size_t statement) const;
  // The table of an index that CREATE INDEX created before `statement`, or
  // null when the index is not created in this file.
  const ir::QualifiedName* created_index_table(const ir::QualifiedName& index, size_t statement) const;

 private:
  struct Created {
    ir::QualifiedName name;
    size_t statement;
  };
  std::vector<StatementFacts> facts_;
  std::vector<Created> created_;
  struct CreatedIndex {
    ir::QualifiedName name;  // in the schema of its table
    ir::QualifiedName table;
    size_t statement;
  };
  std::vector<CreatedIndex> indexes_;
  struct NotNullCheck {
    ir::QualifiedName table;
    std::string column;
    std::string name;
    size_t validated = SIZE_MAX;  // statement index where it became valid
    size_t dropped = SIZE_MAX;
  };
  std::vector<NotNullCheck> not_null_checks_;
  bool open_at_end_ = false;
};

bool same_table(const ir::QualifiedName& a, const ir::QualifiedName& b);

}  // namespace ddlint::analysis
