#pragma once
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/annotations.h"
#include "analysis/change_set.h"
#include "analysis/column_mentions.h"
#include "analysis/down_migration.h"
#include "analysis/migration_facts.h"
#include "analysis/postgres/pg_types.h"
#include "analysis/schema_model.h"
#include "analysis/settings.h"
#include "analysis/suppressions.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "engine/catalog.h"
#include "engine/rule.h"
#include "engine/rule_context.h"
#include "ir/parsed_file.h"

namespace ddlint::engine {

struct FileStats {
  size_t statements = 0;                             // statements seen (parsed + failed)
  size_t syntax_errors = 0;                          // statements that failed to parse
  size_t skipped = 0;                                // psql meta-commands and COPY data blocks
  size_t opaque = 0;                                 // parsed statements of a kind ddlint does not model
  analysis::Runner runner = analysis::Runner::None;  // the runner the file was read for
  std::string_view runner_from;                      // "configured", or what detected it
  bool not_a_migration = false;  // the runner does not apply the file (sqitch verify/): not linted
};

struct FileResult {
  std::string path;
  std::shared_ptr<const SourceFile> source;
  std::vector<Diagnostic> diagnostics;  // sorted by position; includes suppressed ones
  FileStats stats;
};

// The rules of one rule set (`enabled`), in registry order, with their
// catalogue entries (null: none) and whether each runs on a file's down
// statements under each DownPolicy: worked out once per rule set, not per
// file (a run over thousands of files has a few rule sets).
struct RuleSelection {
  std::vector<size_t> entries;  // indexes into the registry
  std::vector<const RuleInfo*> infos;
  std::vector<Severity> severities;          // each rule's, as `enabled` says
  std::array<std::vector<char>, 3> on_down;  // by DownPolicy
  std::vector<HookSet> hooks;                // each rule's (its entry's)
  // By a statement node's index (ir::StatementNode): the rules, in order
  // (indexes into `entries`), whose hook for that kind is among their hooks.
  std::array<std::vector<uint32_t>, std::variant_size_v<ir::StatementNode>> by_node;
  // The same for the file hooks: the rules with a start hook (onFileStart,
  // onSyntaxError or onSkippedInput), with onFileEnd, with onSuppressionsApplied.
  std::vector<uint32_t> at_start, at_end, after_suppressions;
  // By a statement node's index: the rules, in order, whose onStatement is
  // called for statements of that kind (RuleEntry::observed).
  std::array<std::vector<uint32_t>, std::variant_size_v<ir::StatementNode>> observing;
  std::vector<HookSet> observed;  // each rule's (its entry's; 0 without onStatement)
  // Each rule's id and severity, as RuleContext names the rule that reports.
  std::vector<RuleContext::ActiveRule> active;
};
RuleSelection select_rules(const std::vector<RuleEntry>& registry,
                           const std::map<std::string, Severity>& enabled, const Catalog& catalog);

// A file's findings in report order: by where they start, then by rule id;
// findings equal in both keep the order they were reported in. Sorted by
// index, so that each finding is moved once (none when already in order).
void sort_findings(std::vector<Diagnostic>& findings);

// What linting a file needs to know of its statements before the rules
// visit the first: a first pass over them, statement by statement, so that a
// file read a group of statements at a time keeps only this of the
// statements not in its group (about 20 bytes a statement).
struct FileOutline {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  // `settings` and `plan` must outlive add(). `targets`: whether the file
  // may hold an ignore comment (analysis::may_suppress); without one,
  // `ranges` keeps only the first range.
  FileOutline(const analysis::Settings& settings, const analysis::RunnerPlan& plan, bool targets = true)
      : counts(settings, plan), plan_(&plan), targets_(targets) {}
  // The file's next statement (recovered ones too).
  void add(const ir::Statement& st);
  // After the last statement: the statements of `errors` join the ranges,
  // and the ranges are sorted by start.
  void finish(const std::vector<ir::ParseError>& errors);

  size_t size = 0;          // statements added
  size_t statements = 0;    // ... not recovered
  size_t opaque = 0;        // ... of a kind ddlint does not model
  HookSet present = 0;      // the kinds of the statements (onStatement's, recovered ones too)
  HookSet called = 0;       // the kinds of those not recovered (their hooks are called)
  size_t last_any = kNone;  // the last statement not recovered
  size_t last_up = kNone;   // ... and not in a down section
  // The statements not recovered and the statements of syntax errors: the
  // targets of ignore comments (sorted by start once finished); without
  // `targets`, only the first of them (what annotations come before).
  std::vector<TextRange> ranges;
  analysis::MigrationFacts::SectionCounts counts;
  analysis::ColumnMentions mentions;  // what its statements name of columns

 private:
  void keep(TextRange range);
  const analysis::RunnerPlan* plan_;
  bool targets_;
};

class TableSizes;

// What a file's lint reads besides its text, its parse, its settings and
// the rules: each part may be left out. What the pointers, spans and views
// name must outlive the lint.
struct FileContext {
  const RuleOptions* options = nullptr;  // the rules' options (null: none)
  // The file's down migration, read (paired by name, or a Liquibase
  // changeset's rollback), or the name of one that could not be read, and
  // the path findings name it by.
  const ir::ParsedFile* paired_down = nullptr;
  std::string_view unreadable_down;
  std::string_view down_path;
  // What the migrations before the file created, say of the tables it names
  // (taken over: move it in when the caller does not need it again), and
  // the functions they define.
  std::span<const analysis::CreatedObject> earlier;
  std::vector<analysis::KnownTable> history;
  std::span<const analysis::KnownFunction> functions;
  // select_rules(registry, enabled, catalog), when the caller keeps it.
  const RuleSelection* selection = nullptr;
};

// One file's lint: made with the file's outline (what it needs of every
// statement before the first is visited: kinds, ranges, section counts),
// then visit() for its statements in order, a group at a time or all at
// once, then finish(). `parsed` gives the syntax errors, skipped input and
// comments (its statements are not read); it and the other arguments must
// outlive the object.
class FileLinter {
 public:
  FileLinter(const std::shared_ptr<const SourceFile>& source, const ir::ParsedFile& parsed,
             const FileOutline& outline, std::span<const ir::Statement> statements,
             const analysis::Settings& settings, const std::map<std::string, Severity>& enabled,
             const std::vector<RuleEntry>& registry, const Catalog& catalog, FileContext context,
             const analysis::RunnerPlan& plan);
  // Statements first .. first + group.size() - 1, the next in the file.
  void visit(const std::vector<ir::Statement>& group, size_t first);
  // After visit(), before the group's statements go (a file read a group at
  // a time): the schema model replayed so far is brought to the group's end.
  void leave();
  FileResult finish();
  ~FileLinter();
  FileLinter(const FileLinter&) = delete;
  FileLinter& operator=(const FileLinter&) = delete;

 private:
  static constexpr size_t none = FileOutline::kNone;
  // The last statement rule r visits (none: none).
  size_t last_of(size_t r) const { return (*on_down_)[r] ? outline_.last_any : outline_.last_up; }
  // The statement index rule r's start hooks see: the last statement of the
  // nearest rule before it that visits any (0 when none does). Every rule
  // visits last_any when no statement is down (last_up is then last_any);
  // otherwise those that read down statements do.
  size_t start_at(size_t r) const {
    while (r-- > 0)
      if (const size_t last = last_of(r); last != none) return last;
    return 0;
  }

  FileResult result_;
  const analysis::Settings& settings_;
  const Catalog& catalog_;
  const FileOutline& outline_;
  std::optional<analysis::MigrationFacts> facts_;
  std::optional<analysis::Annotations> annotations_;
  std::vector<analysis::Suppression> suppressions_;
  std::optional<analysis::DownMigration> down_;
  std::optional<RuleContext> ctx_;
  std::optional<RuleSelection> own_selection_;
  const RuleSelection* selection_ = nullptr;
  const std::vector<char>* on_down_ = nullptr;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::unique_ptr<TableSizes> sizes_;
};

// Runs the enabled rules over one parsed file: analysis facts, dispatch in
// source order, file-end hooks, inline suppressions, unused-ignore.
FileResult lint_file(const std::shared_ptr<const SourceFile>& source, const ir::ParsedFile& parsed,
                     const analysis::Settings& settings, const std::map<std::string, Severity>& enabled,
                     const std::vector<RuleEntry>& registry, const Catalog& catalog, FileContext context = {},
                     // analysis::plan_runner(source->path(), source->text(), parsed.comments,
                     // settings.runner, settings.runner_layout), when the caller has it
                     const analysis::RunnerPlan* plan = nullptr);

}  // namespace ddlint::engine
