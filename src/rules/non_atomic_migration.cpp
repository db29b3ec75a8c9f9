// non-atomic-migration: several DDL statements in one MySQL/MariaDB migration;
// each commits on its own, so a failure half-way leaves a half-migrated
// schema (rules.d/non-atomic-migration.md).
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// The names a migration's DROP ... IF EXISTS statements drop, found by name
// (a migration may drop and create again tens of thousands of triggers).
class DroppedNames {
 public:
  void add(const ir::QualifiedName& n) {
    auto& e = by_name_[n.name];
    if (n.schema.empty())
      e.unqualified = true;
    else
      e.schemas.insert(n.schema);
  }
  // Whether one of them is `made` (analysis::same_table: a name without a
  // schema matches the name in any schema).
  bool contains(const ir::QualifiedName& made) const {
    const auto it = by_name_.find(made.name);
    if (it == by_name_.end()) return false;
    return made.schema.empty() || it->second.unqualified || it->second.schemas.count(made.schema) != 0;
  }

 private:
  struct Entry {
    bool unqualified = false;
    std::unordered_set<std::string> schemas;
  };
  std::unordered_map<std::string, Entry> by_name_;
};

// Whether the statement succeeds again when the migration is re-run after it
// succeeded: IF [NOT] EXISTS, OR REPLACE, a routine or view created after a
// DROP ... IF EXISTS of its name in the same migration, TRUNCATE.
bool rerunnable(const ir::Statement& st, const DroppedNames& dropped_if_exists) {
  if (const auto* d = st.as<ir::Drop>()) return d->if_exists;
  if (const auto* c = st.as<ir::CreateTable>()) return c->if_not_exists;
  if (const auto* c = st.as<ir::CreateIndex>()) return c->if_not_exists;
  if (st.as<ir::Truncate>() != nullptr) return true;
  if (const auto* a = st.as<ir::AlterTable>())
    return !a->actions.empty() && std::all_of(a->actions.begin(), a->actions.end(),
                                              [](const ir::AlterAction& x) { return x.if_exists; });
  if (const auto* o = st.as<ir::Opaque>()) {
    if (o->or_replace || o->if_not_exists.value_or(false)) return true;
    const ir::QualifiedName& made = o->routine.empty() ? o->creates : o->routine;
    if (made.empty()) return false;
    return dropped_if_exists.contains(made);
  }
  return false;
}

}  // namespace

class NonAtomicMigration final : public engine::Rule {
  // One finding per migration (runner section: goose/dbmate up and down run
  // separately), at the first DDL statement whose failure leaves an earlier
  // one applied that a re-run cannot run again. What the DDL statements of
  // the section being read tell so far; its finding, which counts them all,
  // is made when the next section's first DDL statement comes, or at the end
  // of the file.
  size_t section_ = SIZE_MAX;
  size_t count_ = 0;
  std::optional<TextRange> second_;
  bool exposed_ = false;  // a DDL statement that cannot run twice has run
  DroppedNames dropped_if_exists_;

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    if (ctx.settings().dialect != Dialect::MySql) return;
    const auto& f = ctx.facts().at(ctx.statement_index());
    if (!f.effect.implicit_commit) return;
    if (f.section != section_) {
      report(ctx);
      section_ = f.section;
      count_ = 0;
      second_.reset();
      exposed_ = false;
      dropped_if_exists_ = DroppedNames{};
    }
    ++count_;
    // The first DDL statement whose failure leaves one that cannot run
    // twice applied: a re-run then fails at that one.
    if (exposed_ && !second_) second_ = st.range;
    if (!rerunnable(st, dropped_if_exists_)) exposed_ = true;
    if (const auto* d = st.as<ir::Drop>(); d && d->if_exists)
      for (const auto& n : d->names) dropped_if_exists_.add(n);
  }

  void onFileEnd(engine::RuleContext& ctx) override { report(ctx); }

  // The finding of the section read so far, if it has one.
  void report(engine::RuleContext& ctx) const {
    if (!second_) return;
    ctx.report(*second_,
               "this migration runs " + std::to_string(count_) +
                   " DDL statements and MySQL commits each one on its own (a transaction cannot hold "
                   "them): if this statement or a later one fails, the ones before it stay applied and "
                   "the schema is left half-migrated, with the migration neither done nor safe to re-run")
        .help(
            "Put each DDL statement in a migration of its own (changes to one table can be one ALTER "
            "TABLE with several clauses), so that a failure leaves the schema at a known version; or "
            "make "
            "every statement safe to re-run (IF NOT EXISTS / IF EXISTS).");
  }
};

DDLINT_DEFINE_RULE(NonAtomicMigration)

}  // namespace ddlint::rules
