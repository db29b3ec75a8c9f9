#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_buffer.h"
#include "engine/catalog.h"
#include "engine/linter.h"

namespace ddlint::report {

// Totals over a whole run; every format prints them.
struct Summary {
  size_t files = 0;
  size_t statements = 0;
  size_t errors = 0;  // unsuppressed findings per severity
  size_t warnings = 0;
  size_t infos = 0;
  size_t suppressed = 0;
  size_t syntax_errors = 0;          // statements that failed to parse
  size_t unanalysed_statements = 0;  // failed to parse + skipped psql input
  size_t opaque_statements = 0;      // parsed, of a kind ddlint does not model
  size_t postgres_files = 0;         // files read as PostgreSQL
  size_t mysql_files = 0;            // files read as MySQL/MariaDB
  // Per folder (the files' directory, "." for none): files read for each runner.
  std::map<std::string, std::map<std::string, size_t>> runners;
};
Summary summarize(const std::vector<engine::FileResult>& files);
// Adds one file to running totals.
void add_to_summary(Summary& s, const engine::FileResult& f);

// 1-based start and exclusive end of a range, for the machine formats.
struct Span {
  LineColumn start;
  LineColumn end;
};
// A finding's span: an empty range is widened to the character at its start
// (a CRLF pair or a UTF-8 sequence counts as one) so every finding covers
// something where the file allows; the end is never before the start.
Span finding_span(const SourceFile& src, TextRange r);
// A fix edit's span is exact: an empty range is an insertion point.
Span edit_span(const SourceFile& src, TextRange r);

// A linted file's path as the machine formats give it: relative paths stay
// relative (normalised: no "./", no "a/../"); absolute paths are made
// relative to `root`, with "../" when outside it. Only without a root (or
// across Windows drives) does a path stay absolute. Forward slashes.
struct ReportPath {
  std::string path;
  bool relative = true;
};
ReportPath report_path(const std::string& path, const std::filesystem::path& root);
// `root` made absolute and normalised, without a trailing slash; empty stays empty.
std::filesystem::path normal_root(const std::string& root);

// The source lines a finding covers, whitespace runs collapsed to one space.
std::string fingerprint_text(const LineIndex& lines, const Span& s);
// Stable across edits elsewhere in the file: no line number goes in, only
// the rule, the file, the text of the flagged lines and how many identical
// (rule, text) findings precede this one in the file. 16 hex digits.
std::string fingerprint(const std::string& rule, const std::string& file, const std::string& text,
                        size_t occurrence);

struct ReportInput {
  const std::vector<engine::FileResult>& files;
  const engine::Catalog& catalog;
  std::vector<std::string> enabled_rules;  // sorted canonical ids enabled for at least one file
  std::string tool_version;
  bool color = false;    // ANSI colours (text, on a terminal)
  bool verbose = false;  // source excerpt + help (text; always on a terminal)
  std::string root;      // absolute directory that relative paths are relative to (SARIF %SRCROOT%)
  // What went wrong outside the SQL (a path that could not be read): the
  // run did not check everything it was asked to (SARIF executionSuccessful).
  std::vector<std::string> problems = {};
  // Where a format says what its consumer will do with the report (GitHub
  // code scanning's limits); null: nowhere.
  std::ostream* notes = nullptr;
};

// A report written as a run's results arrive, one file at a time in input
// order, so that a run holds one file's result, not all of them: text, json,
// gcc and github write each file's findings at once. SARIF and GitLab are
// single documents (SARIF's rule list comes before its results, and puts the
// most severe results first when GitHub would cut them): those keep the
// files' results and write the document at the end.
class ReportStream {
 public:
  virtual ~ReportStream() = default;
  virtual void file(const engine::FileResult& f) = 0;
  // What file(f) would write, made ahead on any thread (it reads no state of
  // the stream, so several threads may call it at once), and given back to
  // file(f, rendered) in the files' order. Streams that do not render ahead
  // return nothing here, and file(f, {}) is file(f).
  virtual ByteBuffer render(const engine::FileResult& /*f*/) const { return {}; }
  virtual void file(const engine::FileResult& f, ByteBuffer&& /*rendered*/) { file(f); }
  // After the last file: what only the end of a run knows (ReportInput's
  // enabled_rules and problems; its `files` are ignored).
  virtual void finish(const ReportInput& end) = 0;
};
// `settings`: everything of a ReportInput but files, enabled_rules and
// problems. `format`: text, json, sarif, github, gitlab or gcc.
std::unique_ptr<ReportStream> open_report(std::string_view format, const ReportInput& settings,
                                          std::ostream& out);

void write_text(const ReportInput& in, std::ostream& out);
void write_json(const ReportInput& in, std::ostream& out);
void write_sarif(const ReportInput& in, std::ostream& out);
void write_github(const ReportInput& in, std::ostream& out);  // GitHub Actions annotations
void write_gcc(const ReportInput& in, std::ostream& out);     // file:line:col: severity: message [rule]
void write_gitlab(const ReportInput& in, std::ostream& out);  // GitLab Code Quality report

}  // namespace ddlint::report
