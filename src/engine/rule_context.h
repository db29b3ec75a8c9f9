#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/annotations.h"
#include "analysis/down_migration.h"
#include "analysis/migration_facts.h"
#include "analysis/settings.h"
#include "analysis/suppressions.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "ir/facts.h"
#include "ir/parsed_file.h"

namespace ddlint::engine {

class Catalog;
// Its address names the per-file value of type T (RuleContext::per_file).
template <class T>
inline constexpr char kPerFileKey = 0;
using RuleOptions = std::map<std::string, std::map<std::string, std::string>>;

// Adds help and fixes to a reported diagnostic.
class DiagnosticBuilder {
 public:
  explicit DiagnosticBuilder(Diagnostic& d) : d_(d) {}
  DiagnosticBuilder& help(std::string text) {
    d_.help = std::move(text);
    return *this;
  }
  // The finding depends on something ddlint does not know; the message
  // must say what ("... unless the column is already ...").
  DiagnosticBuilder& conditional(bool yes = true) {
    d_.conditional = d_.conditional || yes;
    return *this;
  }
  // The rule's graver case: one severity level above the rule's configured
  // one (its rules.d page says when).
  DiagnosticBuilder& escalate() {
    d_.escalated = true;
    return *this;
  }
  DiagnosticBuilder& fix(std::string title, Applicability applicability, std::vector<Edit> edits) {
    d_.fix = Fix{std::move(title), applicability, std::move(edits)};
    return *this;
  }

 private:
  Diagnostic& d_;
};

// A rule's whole view of the world: the file, settings, facts computed by
// analysis, the statement being visited, and report().
class RuleContext {
 public:
  RuleContext(const SourceFile& source, const ir::ParsedFile& file, const analysis::Settings& settings,
              const analysis::MigrationFacts& facts, const analysis::Annotations& annotations,
              const Catalog& catalog, std::vector<Diagnostic>& sink)
      : source_(source),
        file_(file),
        settings_(settings),
        facts_(facts),
        annotations_(annotations),
        catalog_(catalog),
        sink_(sink) {}

  const SourceFile& source() const { return source_; }
  const ir::ParsedFile& file() const { return file_; }
  const analysis::Settings& settings() const { return settings_; }
  const analysis::MigrationFacts& facts() const { return facts_; }
  const analysis::Annotations& annotations() const { return annotations_; }
  const Catalog& catalog() const { return catalog_; }
  std::string_view text(TextRange r) const { return source_.slice(r); }

  // The statement being visited (valid inside statement hooks).
  size_t statement_index() const { return statement_; }
  // False when no statement's range holds another's (every range is
  // non-empty and they do not overlap): the usual file, where no statement
  // is read from inside another (MySQL dynamic SQL). Computed once per file.
  bool statements_nested() const;
  const ir::Statement& statement() const { return visited_ ? *visited_ : file_.statements.at(statement_); }
  // ir::facts(statement()), worked out once per statement for all rules
  // (the engine visits a statement with every rule before the next one).
  const std::vector<ir::Fact>& statement_facts() const;
  const analysis::StatementFacts& here() const { return facts_.at(statement_); }
  // Not created earlier in this file (RULES.md: "existing table").
  bool is_existing_table(const ir::QualifiedName& t) const { return facts_.is_existing(t, statement_); }

  // The down migration paired with this file's up migration.
  const analysis::DownMigration& down_migration() const { return *down_; }

  // Suppressions after they were applied (onSuppressionsApplied only).
  const std::vector<analysis::Suppression>& suppressions() const { return *suppressions_; }
  // Whether a rule id is enabled for this file.
  bool rule_enabled(std::string_view id) const;

  // The current rule's option from config, else its rules.d default.
  std::string option(std::string_view name) const;
  // A duration option in seconds (unset when the value cannot be read).
  std::optional<double> option_seconds(std::string_view name) const;

  DiagnosticBuilder report(TextRange range, std::string message);

  // A value worked out from the file alone (never from the rule that asks),
  // made by `make()` for the first rule that asks and shared by the others
  // that ask for the same type: a summary several rules read costs one pass.
  template <class T, class Make>
  const T& per_file(Make&& make) const {
    for (const auto& [key, value] : per_file_)
      if (key == &kPerFileKey<T>) return *static_cast<const T*>(value.get());
    auto value = std::make_shared<const T>(make());
    const T& out = *value;
    per_file_.emplace_back(&kPerFileKey<T>, std::move(value));
    return out;
  }

  // engine use
  // The rule whose hooks run next: its id and the severity its findings
  // get. Held by address (the engine switches rules for every statement).
  struct ActiveRule {
    std::string_view id;
    Severity severity = Severity::Warning;
  };
  void set_rule(const ActiveRule* rule) { rule_ = rule; }
  // The same for a rule id alone, with the default severity (warning).
  void set_rule(std::string_view id) {
    own_rule_ = {id, Severity::Warning};
    rule_ = &own_rule_;
  }
  // The statement index the file hooks see (statement() reads it from the
  // file's statements).
  void set_statement(size_t i) {
    statement_ = i;
    visited_ = nullptr;
  }
  // The statement the statement hooks visit next: statement i, `st` (the
  // file's own, or its group's when the file is read a group at a time).
  void set_statement(size_t i, const ir::Statement& st) {
    statement_ = i;
    visited_ = &st;
  }
  void set_suppressions(const std::vector<analysis::Suppression>* s) { suppressions_ = s; }
  void set_enabled(const std::map<std::string, Severity>* enabled) { enabled_ = enabled; }
  void set_options(const RuleOptions* options) { options_ = options; }
  void set_down_migration(const analysis::DownMigration* d) { down_ = d; }

 private:
  const SourceFile& source_;
  const ir::ParsedFile& file_;
  const analysis::Settings& settings_;
  const analysis::MigrationFacts& facts_;
  const analysis::Annotations& annotations_;
  const Catalog& catalog_;
  std::vector<Diagnostic>& sink_;
  ActiveRule own_rule_;
  const ActiveRule* rule_ = &own_rule_;
  size_t statement_ = 0;
  const ir::Statement* visited_ = nullptr;
  const std::vector<analysis::Suppression>* suppressions_ = nullptr;
  const std::map<std::string, Severity>* enabled_ = nullptr;
  const RuleOptions* options_ = nullptr;
  const analysis::DownMigration* down_ = nullptr;
  mutable std::optional<bool> nested_;
  mutable std::vector<ir::Fact> facts_cache_;
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> per_file_;
  mutable size_t facts_cache_for_ = static_cast<size_t>(-1);
};

}  // namespace ddlint::engine
