#pragma once
#include <string_view>

namespace ddlint {

// Line comments that migration runners read as directives. The parser uses
// them as statement boundaries; analysis uses them to find up and down
// sections and each section's transaction mode.
enum class RunnerMarker {
  None,
  GooseUp,              // -- +goose Up
  GooseDown,            // -- +goose Down
  GooseNoTransaction,   // -- +goose NO TRANSACTION
  GooseStatementBegin,  // -- +goose StatementBegin
  GooseStatementEnd,    // -- +goose StatementEnd
  GooseOther,           // another -- +goose directive (ENVSUB ON, ...)
  DbmateUp,             // -- migrate:up [transaction:false]
  DbmateDown,           // -- migrate:down [transaction:false]
};

struct RunnerMarkerInfo {
  RunnerMarker kind = RunnerMarker::None;
  bool transaction_false = false;  // dbmate option `transaction:false`
};

// Classifies one comment (the text from `--` to the end of the line).
// Directive words are matched case-insensitively; block comments and any
// other text give RunnerMarker::None.
RunnerMarkerInfo classify_runner_comment(std::string_view comment);

// True for markers that end the current statement (every goose directive,
// and dbmate's section markers).
inline bool is_statement_boundary(RunnerMarker m) { return m != RunnerMarker::None; }

}  // namespace ddlint
