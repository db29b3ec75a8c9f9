#include <string>
#include <unordered_set>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// The last part of a possibly qualified type name ("public.email" -> "email").
std::string base_name(const std::string& n) {
  const auto dot = n.rfind('.');
  return dot == std::string::npos ? n : n.substr(dot + 1);
}

}  // namespace

// A domain created earlier in the file is only used by columns the file
// itself adds: such a domain is not reported unless one of those columns was
// added to an existing table.
class AlterDomainAddConstraint final : public engine::Rule {
 public:
  static constexpr engine::HookSet kObserved = engine::hook::statement(ir::StmtKind::AlterTable);

 private:
  std::vector<ir::QualifiedName> created_;
  // The type names (their last part) of the columns that statements so far
  // added to tables that existed (up or down, recovered or not).
  std::unordered_set<std::string> added_to_existing_;

  void onCreateDomain(const ir::CreateDomain& s, engine::RuleContext&) override {
    created_.push_back(s.name);
  }

  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const auto* at = st.as<ir::AlterTable>();
    if (!at) return;
    bool existing = false, asked = false;
    for (const auto& a : at->actions) {
      if (a.kind != ir::AlterKind::AddColumn || !a.column_def) continue;
      if (!asked) {
        existing = ctx.facts().is_existing(at->table, ctx.statement_index());
        asked = true;
      }
      if (!existing) return;
      added_to_existing_.insert(base_name(a.column_def->type.name));
    }
  }

  void onAlterDomain(const ir::AlterDomain& s, engine::RuleContext& ctx) override {
    std::string what;
    TextRange range = ctx.statement().range;
    if (s.action == "add-constraint") {
      if (!s.constraint || s.constraint->not_valid) return;  // NOT VALID checks nothing now
      what = "adding a constraint to domain " + quoted(s.name) + " checks";
      if (!s.constraint->range.empty()) range = s.constraint->range;
    } else if (s.action == "validate-constraint") {
      what = "validating a constraint of domain " + quoted(s.name) + " checks";
    } else if (s.action == "set-not-null") {
      what = "SET NOT NULL on domain " + quoted(s.name) + " checks";
    } else {
      return;
    }
    for (const auto& d : created_)
      if (analysis::same_table(d, s.name) && added_to_existing_.count(s.name.name) == 0) return;
    ctx.report(range,
               what +
                   " every column of every table that uses the domain, holding a SHARE lock on each of "
                   "those tables: writes to them are blocked for the whole scan")
        .help(
            "Put the rule on the table columns instead: ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT "
            "VALID, "
            "then VALIDATE CONSTRAINT in a later transaction, which does not block writes; otherwise run "
            "this at "
            "a quiet time with a short lock_timeout.");
  }
};

DDLINT_DEFINE_RULE(AlterDomainAddConstraint)

}  // namespace ddlint::rules
