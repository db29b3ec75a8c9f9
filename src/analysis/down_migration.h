#pragma once
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/runner.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

// What one statement of a down migration does to the schema, reduced to what
// the down-migration rules compare against the up migration.
struct DownEffect {
  enum class Verb {
    CreateRelation,  // CREATE TABLE / MATERIALIZED VIEW ... (name = the relation)
    DropObject,      // DROP TABLE / INDEX / TYPE / ... (name = the object)
    CreateObject,    // CREATE INDEX, CREATE TYPE / SEQUENCE (name = the object)
    AddColumn,       // table, column
    DropColumn,      // table, column
    DropConstraint,  // table, name
    AlterColumnType,
    DropNotNull,
    SetNotNull,
    RenameColumn,  // table, column = old name, to = new name
    RenameRelation,
    CopyRows,    // INSERT INTO table ... SELECT: rows restored from somewhere
    UpdateRows,  // UPDATE table: values restored (or backfilled) from somewhere
  };
  Verb verb;
  ir::QualifiedName table;  // the table, or the object itself
  std::string column;       // column, constraint or old name
  std::string to;           // new name (renames)
};

// The down migration that belongs to an up migration: the Down section of a
// goose or dbmate file, or the sibling NAME.down.sql of NAME.up.sql (for a
// step of a split version, all the version's down steps).
struct DownMigration {
  bool supported = false;  // the runner (or the file naming) has down migrations
  bool present = false;    // and this up migration has one with at least one statement
  // The down migration exists but is not SQL (NAME.down.go beside
  // NAME.up.sql): ddlint cannot read it, so it is neither missing nor
  // compared; down-migration-unreadable says so once.
  std::string unreadable;
  std::string where;  // how messages name it: "the `-- +goose Down` section", "x.down.sql"
  std::vector<DownEffect> effects;

  bool has(DownEffect::Verb verb, const ir::QualifiedName& table, std::string_view column = {},
           std::string_view to = {}) const;
  // The down migration drops the relation (so whatever was added to it goes too).
  bool drops(const ir::QualifiedName& object) const { return has(DownEffect::Verb::DropObject, object); }
  // The down migration brings `relation` into being: CREATE TABLE of it, or
  // a rename of another relation to its name (the copy-and-rename that
  // restores a table: CREATE TABLE t_tmp ...; DROP TABLE t; ALTER TABLE t_tmp
  // RENAME TO t).
  bool creates(const ir::QualifiedName& relation) const;
  // Indexes `effects` by table name, verb and column so that has() and
  // creates() cost the effects that can match, not all of them
  // (down_migration() calls it when there are more than kScanned; they scan
  // all the effects when there is no index or the effects changed since).
  // The answers are the same either way.
  void index_effects();
  static constexpr size_t kScanned = 16;

 private:
  // Effects by table name and verb, and by table name, verb and column
  // (key()), in order; the renames of relations by the new name's last part.
  std::unordered_map<std::string, std::vector<size_t>> by_verb_;
  std::unordered_map<std::string, std::vector<size_t>> by_column_;
  std::unordered_map<std::string, std::vector<size_t>> renamed_to_;
  size_t indexed_ = 0;  // effects.size() when indexed
  static std::string key(std::string_view name, DownEffect::Verb verb, std::string_view column = {});
  bool has_at(size_t i, DownEffect::Verb verb, const ir::QualifiedName& table, std::string_view column,
              std::string_view to) const;
};

// Path of the down migration paired with an up migration file by name
// (NAME.up.sql -> NAME.down.sql, NAME_up.sql -> NAME_down.sql, Diesel's
// DIR/up.sql -> DIR/down.sql; for Flyway V<version>__NAME.sql ->
// U<version>__NAME.sql, for sqitch deploy/NAME.sql -> revert/NAME.sql);
// empty when the name does not say.
std::string paired_down_path(std::string_view path, Runner runner = Runner::None);

// Builds the view for a file under its runner plan. `statements`: the
// file's statements, or any part of them that holds every statement of its
// down sections (goose, dbmate: a file read in pieces may read those
// first); they are read only for the sections that `plan` says are down
// migrations, not kept. `paired` is the
// parsed file at paired_down_path(path), or null when there is none;
// `unreadable` the path of a down migration in another language found
// instead (empty when none). `split_version`: `path` is a step of a split
// version (RunnerLayout::split_version) and `paired` holds all the version's
// down steps, which roll the version back together. `paired_path`: the file
// `paired` was read from when the driver found it under another name than
// paired_down_path() (the down of the same version number); messages name it.
DownMigration down_migration(std::span<const ir::Statement> statements, const RunnerPlan& plan,
                             std::string_view path, const ir::ParsedFile* paired,
                             std::string_view unreadable = {}, bool split_version = false,
                             std::string_view paired_path = {});

}  // namespace ddlint::analysis
