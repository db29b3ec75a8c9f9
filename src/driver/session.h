#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/migration_facts.h"
#include "core/byte_buffer.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "ir/parsed_file.h"

namespace ddlint::driver {

// One lint run, whatever starts it: `ddlint check` (and `--fix`), the
// language server, the bench. The driver owns what a run needs beyond one
// file: the configuration of each file (nearest .ddlint.toml, or --config,
// with the command-line layer on top), the dialect, the history replay
// (schema model over the run's migrations in order, a --schema-dump first),
// the change set (--changed-since), the down migration paired with each up
// migration, the fix loop, and the order results are delivered in. Callers
// only turn options into a Session, hand it inputs and print what comes out.

// One file to lint.
struct Input {
  std::string display_path;         // as reported (for stdin: --stdin-filename or "<stdin>")
  std::string fs_path;              // where it lives on disk; empty for stdin or an unsaved buffer
  bool is_stdin = false;            // read from standard input (unless `text` is given)
  std::optional<std::string> text;  // the bytes, when the caller has them (editor buffer)
  bool history = false;             // an earlier migration: replayed for the schema model, not reported
  std::optional<uint64_t> size =
      std::nullopt;  // the file's size when the caller knows it (no stat to learn it)
};

// Parse results of files on disk kept across runs: the language server lints
// one buffer many times with the same earlier migrations as history. An entry
// serves a file whose text, dialect and parse settings are unchanged.
class ParseCache;
std::shared_ptr<ParseCache> make_parse_cache();
class FolderListings;  // driver/inputs.h

struct Options {
  engine::Config cli;                                // command-line layer: wins over every file
  std::optional<std::filesystem::path> config_file;  // --config: this file for every input
  // Where the configuration search and the paired down migration start for
  // stdin (--stdin-filename); empty: the working directory, no down migration.
  std::string stdin_filename;
  std::string schema_dump;  // replayed before the first migration; empty: none
  // --changed-since: only these files (absolute, normalised paths) are
  // linted, as one change set; the other inputs are history. Unset: all.
  std::optional<std::set<std::string>> change_set;
  bool fix = false;               // apply safe fixes, re-lint, repeat
  bool unsafe_fixes = false;      // with fix: unsafe fixes too
  bool write_fixes = true;        // with fix: write changed files in place (never stdin)
  bool statement_ranges = false;  // fill FileOutcome::statements (the language server's ignore actions)
  unsigned jobs = 0;              // threads; 0: every core the process may run on
  // A run of at least this many inputs (history included) on one thread puts
  // the heap on transparent huge pages (heap_huge_pages); 0: never.
  size_t huge_pages_from = 0;
  std::shared_ptr<ParseCache> parse_cache;  // history files' parse results across runs; null: none
  // The folders listed for this run so far (add_history's), shared; null: the session lists its own.
  std::shared_ptr<FolderListings> listings;
  // The process exits once the run is done (the command line): what only the
  // run's last files used (their windows, the schema model) is left to the
  // process's exit instead of freed, so the last report is not held back by
  // frees (about 5 ms of a PostgreSQL corpus run). Left, not lost: it stays
  // reachable (see leave_for_exit) for leak checkers. A language server,
  // which runs again, keeps this false.
  bool exit_after = false;
};

// What went wrong outside the SQL itself. Syntax errors are findings, never problems.
struct Problem {
  enum class Kind { Io, Config };
  Kind kind;
  std::string message;  // without the "ddlint: " prefix
};

// The result of one linted file.
struct FileOutcome {
  engine::FileResult result;             // findings (sorted; suppressed ones included), source, stats
  Severity fail_on = Severity::Warning;  // this file's own threshold (its config, or --fail-on)
  std::string fs_path;                   // empty for stdin / a buffer
  bool is_stdin = false;
  size_t fixes_applied = 0;  // --fix: fixes applied over all rounds
  bool changed = false;      // --fix: the text differs from what was read
  // --fix: why the fixed text could not be written (then `result` holds the
  // findings of the text on disk, and no fix counts as applied).
  std::string write_error;
  std::vector<TextRange> statements;  // parsed and failed statements in source order (statement_ranges)
  // Why the file was read as its dialect (result.source->dialect()): "--dialect",
  // a config path (with its [paths."glob"]), "detected: <signs>" or "default: ...".
  std::string dialect_from;
  ByteBuffer rendered;  // what Sink::prepare made of it for the report
};

// Receives a run's results in input order, as soon as each is final.
class Sink {
 public:
  virtual ~Sink() = default;
  // Called on the thread that linted the file, before file() and possibly
  // while other threads call it for other files: a sink may do here what
  // depends on the file alone (rendering its part of the report into
  // outcome.rendered), so that file() has less to do.
  virtual void prepare(FileOutcome& /*outcome*/) const {}
  virtual void file(FileOutcome&& outcome) = 0;
  virtual void problem(const Problem& problem) = 0;
};

// A sink that keeps everything (the reporters print whole documents).
class Collect : public Sink {
 public:
  void file(FileOutcome&& outcome) override { files.push_back(std::move(outcome)); }
  void problem(const Problem& p) override { problems.push_back(p); }
  std::vector<FileOutcome> files;
  std::vector<Problem> problems;
  // Every linted file's result, in order (what the reporters take).
  std::vector<engine::FileResult> results() const;
  bool has(Problem::Kind kind) const;
};

// Counts over a run, for the caller's summary line and exit code.
struct RunTotals {
  size_t files = 0;           // files linted (outside a change set: not counted)
  size_t fixes_applied = 0;   // --fix
  size_t files_fixed = 0;     // --fix: files whose text changed
  size_t unsafe_left = 0;     // --fix without --unsafe-fixes: unsafe fixes not applied
  bool write_failed = false;  // --fix: a fixed file could not be written
  // Schema snapshots among the inputs (a dump header, or config schema_files):
  // the file as shown and why; replayed into the schema model, not linted.
  std::vector<std::pair<std::string, std::string>> snapshots;
};

class Session {
 public:
  // Throws engine::ConfigError when the --config file is unreadable or invalid.
  explicit Session(Options options, const engine::Catalog& catalog = engine::Catalog::instance());

  // Lints `inputs` as one run: they are migrations in the given order (the
  // caller sorts directory walks). Results reach `sink` in input order.
  RunTotals lint(const std::vector<Input>& inputs, Sink& sink);

  // The effective configuration of a file (defaults < nearest .ddlint.toml
  // or --config < command line). A broken config file is reported to `sink`
  // once and the file is linted with the defaults.
  engine::Effective effective_for(const Input& input, Sink& sink);
  // Finds and reads the configuration of every input, reporting each broken
  // configuration file to `sink` once; false when one is broken. A caller
  // that must not start a report for a run that will fail calls this first
  // (each folder's configuration is read once per session either way).
  bool configs_readable(const std::vector<Input>& inputs, Sink& sink);

  // Canonical ids of the rules enabled for at least one linted file (the
  // defaults and command line when nothing was linted), sorted.
  std::vector<std::string> enabled_rules() const;

 private:
  const engine::Config* config_for(const Input& input, Sink& sink);
  // The config a search found (null for none), loaded once per file; a
  // config that cannot be loaded is reported to `sink`.
  const engine::Config* config_found(const std::optional<std::filesystem::path>& found, Sink& sink);
  // The path a file's config [paths] globs are matched against.
  std::filesystem::path config_path_of(const Input& input) const;

  Options options_;
  const engine::Catalog& catalog_;
  std::optional<engine::Config> explicit_config_;
  std::shared_ptr<FolderListings> listings_;  // the run's folder listings
  // The config search's answer per directory (a hash map: the folders of a
  // run share long prefixes, which every comparison of an ordered map reads
  // again).
  std::unordered_map<std::string, std::optional<std::filesystem::path>> found_in_dir_;
  // The previous named file's text up to its last '/' (it had no empty
  // component) and its folder's answer: the next file of that folder takes it.
  std::string last_config_prefix_;
  const std::optional<std::filesystem::path>* last_config_found_ = nullptr;
  engine::ConfigSearchCache config_search_;  // every directory the config search looked in
  std::map<std::string, std::optional<engine::Config>> configs_;  // loaded, per config file
  std::set<std::string> enabled_;
  std::vector<std::shared_ptr<const std::map<std::string, Severity>>> merged_;  // rule sets in enabled_
  std::vector<std::unique_ptr<engine::RuleSelection>> selections_;              // the rules of each, by index
  bool linted_any_ = false;
};

// A file read and parsed the way `ddlint check` reads it.
struct ParsedSource {
  std::shared_ptr<const SourceFile> source;
  ir::ParsedFile parsed;
};
// `mysql`: the target server, which decides which MySQL executable comments
// (`/*!80016 ... */`) run; none: every one runs.
ParsedSource parse_source(std::string path, std::string bytes, Dialect dialect,
                          const analysis::MySqlTarget* mysql = nullptr);

// A file with the facts the analysis derives for it, statement by statement
// (`ddlint locks`). Settings come from the caller; no history.
struct AnalysedSource {
  ParsedSource file;
  std::unique_ptr<analysis::MigrationFacts> facts;
};
AnalysedSource analyse_source(std::string path, std::string bytes, const analysis::Settings& settings);

// Frees the parsers' per-thread memory; call on the main thread at exit.
void shutdown();

}  // namespace ddlint::driver
