// newer-syntax: a statement the build's parser rejects that is valid for the
// target PostgreSQL version (rules.d/newer-syntax.md).
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

std::string noun(ir::ObjectKind k) {
  switch (k) {
    case ir::ObjectKind::MaterializedView:
      return "materialized view";
    default:
      return "table";
  }
}

// What ddlint read from the statement's tokens, for the message.
std::string recovered_facts(const ir::Statement& st) {
  if (const auto* c = st.as<ir::CreateTable>()) return "creates " + noun(c->object) + " " + quoted(c->table);
  if (const auto* i = st.as<ir::CreateIndex>())
    return "creates " + (i->name.empty() ? std::string("an index") : "index " + quoted(i->name)) + " on " +
           quoted(i->table);
  if (const auto* a = st.as<ir::AlterTable>(); a && a->actions.size() == 1)
    return "makes " + quoted(a->table) + "." + quoted(a->actions[0].column) + " NOT NULL";
  return {};
}

}  // namespace

class NewerSyntax final : public engine::Rule {
  void onSyntaxError(const ir::ParseError& e, engine::RuleContext& ctx) override {
    if (e.newer_version == 0 || ctx.settings().pg_version < e.newer_version) return;
    std::string message = e.newer_syntax + " is PostgreSQL " + std::to_string(e.newer_version) +
                          " syntax, newer than this build's parser (PostgreSQL " +
                          std::to_string(e.parser_version) + " grammar): the statement is not analysed";
    for (const auto& st : ctx.file().statements)
      if (st.recovered && st.range.begin == e.statement.begin) {
        const std::string facts = recovered_facts(st);
        if (!facts.empty()) message += "; from its tokens, it " + facts;
        break;
      }
    ctx.report(e.range, message)
        .help(
            "Check this statement by hand (locks, rewrites, data loss): ddlint did not. A build of ddlint "
            "with a "
            "newer libpg_query analyses it (`ddlint --version` names the parser's grammar).");
  }
};

DDLINT_DEFINE_RULE(NewerSyntax)

}  // namespace ddlint::rules
