#pragma once
#include <string>
#include <string_view>
#include <unordered_set>

#include "ir/ir.h"

namespace ddlint::analysis {

// What a file's statements name of columns other than by adding them,
// gathered statement by statement by the file's first pass
// (engine::FileOutline) before the rules visit the first one. What is kept
// of a column a statement adds matters only when a later statement can name
// it again: a file of a million ADD COLUMNs that names none of them again
// keeps nothing of them (MigrationFacts' added columns, and the rules that
// remember added columns, ask here first).
class ColumnMentions {
 public:
  void add(const ir::Statement& st);
  // Whether a statement names a column called `column` (ASCII letters of
  // any case) other than by adding it: an ALTER TABLE subcommand's column,
  // its new name, its definition's name (MySQL MODIFY/CHANGE), its
  // constraint's columns, or a column rename's old or new name.
  bool named(std::string_view column) const;
  // Whether a statement drops or renames a column of a table called `table`
  // (the name without its schema; ASCII letters of any case).
  bool freed_in(std::string_view table) const;

 private:
  std::unordered_set<std::string> columns_;  // ASCII lower-case
  std::unordered_set<std::string> tables_;   // ASCII lower-case
};

}  // namespace ddlint::analysis
