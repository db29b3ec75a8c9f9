#pragma once
// `ddlint trace`: what a real PostgreSQL server did for each statement (the
// relation locks it took, rewrites, rows, time) beside what the lock model
// (`ddlint locks`) predicts, and each disagreement as a `trace-mismatch`
// finding.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/migration_facts.h"
#include "core/source.h"
#include "db/trace.h"
#include "ir/parsed_file.h"

namespace ddlint::report {

struct TraceStatement {
  size_t index = SIZE_MAX;  // into the file's parsed statements; SIZE_MAX: did not parse (no prediction)
  TextRange range;          // the statement in the file
  enum class Status { Ran, Failed, NotRun } status = Status::NotRun;
  std::string not_run;  // why it was not run
  db::StatementRun run;
  // Relations the model names that the database does not have (after the
  // statement): no lock is expected on them.
  std::vector<std::string> absent;
};

struct TraceFile {
  std::string path;
  const SourceFile* source = nullptr;
  const ir::ParsedFile* parsed = nullptr;
  const analysis::MigrationFacts* facts = nullptr;
  std::vector<TraceStatement> statements;
};

// One line of the comparison for one relation of one statement.
struct TraceRelation {
  std::string name;           // schema.name as the server calls it (the model's spelling when not found)
  std::string observed;       // strongest mode the statement took or already held; empty: none
  bool already_held = false;  // the mode was held before the statement (granted at once)
  std::string predicted;      // the model's mode; empty: the model predicts no lock
  bool rewrite_observed = false;
  bool rewrite_predicted = false;
  std::string rewrite_unless;  // the predicted rewrite rests on this
  std::string note;            // "created in this transaction", "no such relation", ...
};

struct TraceFinding {
  std::string path;
  LineColumn at;
  std::string rule;  // trace-mismatch | trace-error
  std::string message;
};

// The comparison of one statement (empty for one not run).
std::vector<TraceRelation> compare_statement(const TraceFile& file, const TraceStatement& st,
                                             std::vector<TraceFinding>* findings);

struct TraceRun {
  std::vector<TraceFile> files;
  std::string target;  // the database as shown (DSN redacted)
  int server_major = 0;
  bool committed = false;
};

// Text: per statement its place and text, what ran, each relation's
// observed and predicted lock, then the findings as gcc-style lines
// (`file:line:col: error: message [trace-mismatch]`). Returns the findings.
std::vector<TraceFinding> write_trace_text(const TraceRun& run, std::ostream& out);
// One finding as a gcc-style line: `file:line:col: error: message [rule]`.
void write_trace_finding(const TraceFinding& f, std::ostream& out);
// The `findings` array of `--format json` (file, line, column, rule,
// severity, message).
nlohmann::ordered_json trace_findings_json(const std::vector<TraceFinding>& findings);
std::vector<TraceFinding> write_trace_json(const TraceRun& run, std::ostream& out);

}  // namespace ddlint::report
