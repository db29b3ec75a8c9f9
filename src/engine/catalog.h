#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace ddlint::engine {

struct EmbeddedPage {
  const char* name;  // file name, e.g. "drop-column.md"
  const char* text;
};
// Generated at build time from rules.d/*.md (cmake/EmbedRulesDocs.cmake).
const std::vector<EmbeddedPage>& embedded_rule_pages();

// A ```sql incorrect / ```sql correct block of a rules.d page.
struct RuleExample {
  bool incorrect = false;
  std::string sql;
  std::map<std::string, std::string> attributes;  // e.g. pg_version=11
};

// Per-rule option values as strings: rule id -> option name -> value.
using RuleOptions = std::map<std::string, std::map<std::string, std::string>>;

// A rule option declared in the front matter:
//   options = [{ name = "max_lock_timeout", type = "duration", default = "5s", help = "..." }]
struct RuleOption {
  std::string name;
  std::string type;  // duration | int | string | bool
  std::string default_value;
  std::string help;
};

// A rule's metadata and documentation, read from its rules.d page.
struct RuleInfo {
  std::string id;
  std::string summary;
  Severity default_severity = Severity::Warning;
  bool default_enabled = true;
  std::vector<std::string> dialects;
  std::vector<std::string> categories;
  std::vector<std::string> aliases;
  std::string lock;
  std::string fix = "none";
  std::string since;
  // Markdown after the front matter: a view of the embedded page (static
  // storage), not a copy of every page made at each start.
  std::string_view body;
  std::vector<RuleOption> options;
  // `size_dependent = true`: the harm of its findings grows with the size of
  // the table (a rewrite, a scan, an index build, a change of every row), so
  // table_stats raises them on large tables and drops them on small ones.
  bool size_dependent = false;

  const RuleOption* option(std::string_view name) const;
  // A "## Name" section of the body ("What it does"), "" when it has none.
  std::string section(std::string_view name) const;
  // The body's ```sql incorrect / ```sql correct blocks, in order.
  const std::vector<RuleExample>& examples() const;
  std::string help_uri() const;

 private:
  // The body split into sections and examples on first use: a lint run
  // rarely needs them, and parsing every page cost a small file's run
  // about a tenth of its time.
  struct Parts {
    std::once_flag once;
    std::map<std::string, std::string> sections;  // "What it does" -> text
    std::vector<RuleExample> examples;
  };
  const Parts& parts() const;
  std::shared_ptr<Parts> parts_ = std::make_shared<Parts>();
};

// Every rule page, parsed once.
class Catalog {
 public:
  static const Catalog& instance();
  // Parses pages; problems (bad front matter, missing fields) go to errors().
  explicit Catalog(const std::vector<EmbeddedPage>& pages);
  // Rules already read from the pages (in id order) and the problems found
  // then: instance() is this catalogue, written out at build time from the
  // embedded pages (reading them cost every run a tenth of a small file's
  // time).
  Catalog(std::vector<RuleInfo> rules, std::vector<std::string> errors);

  // The index of ids and aliases: a rule's position and which of its
  // aliases (kId: its id), sorted by name; the first rule claiming a name
  // holds it. Positions rather than names: nothing is copied, and a copied
  // catalogue keeps a valid index.
  static constexpr uint32_t kId = UINT32_MAX;
  struct Name {
    uint32_t rule;
    uint32_t alias;
  };
  // With the index as `names()` of a catalogue of the same rules gave it
  // (instance() is written out with its index at build time).
  Catalog(std::vector<RuleInfo> rules, std::vector<std::string> errors, std::vector<Name> names);
  const std::vector<Name>& names() const { return names_; }

  const std::vector<RuleInfo>& rules() const { return rules_; }
  const RuleInfo* find(std::string_view id) const;  // canonical id only
  // Canonical id for an id or alias (squawk names included); nullopt if unknown.
  std::optional<std::string> resolve(std::string_view id_or_alias) const;
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<RuleInfo> rules_;
  std::vector<Name> names_;
  std::vector<std::string> errors_;
  std::string_view name(const Name& n) const {
    const RuleInfo& r = rules_[n.rule];
    return n.alias == kId ? std::string_view(r.id) : std::string_view(r.aliases[n.alias]);
  }
  // The index of ids and aliases; with `record_errors`, an alias claimed by
  // two rules is an error.
  void index(bool record_errors);
};

}  // namespace ddlint::engine
