// newer-syntax: a statement the build's parser rejects that is valid for the
// target PostgreSQL version (rules.d/newer-syntax.md).
#include <cstdint>
#include <string>
#include <vector>

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
  // The findings of the file's syntax errors (the engine gives them before
  // any statement), each completed by what the statement recovered from its
  // tokens tells (the first recovered statement that starts where the error's
  // statement does), and reported at the end of the file in error order.
  struct Pending {
    TextRange range;
    uint32_t statement_begin;
    std::string message;
    bool completed = false;
  };
  std::vector<Pending> pending_;
  size_t open_ = 0;  // pending_ entries not completed yet

  void onSyntaxError(const ir::ParseError& e, engine::RuleContext& ctx) override {
    if (e.newer_version == 0 || ctx.settings().pg_version < e.newer_version) return;
    pending_.push_back({e.range, e.statement.begin,
                        e.newer_syntax + " is PostgreSQL " + std::to_string(e.newer_version) +
                            " syntax, newer than this build's parser (PostgreSQL " +
                            std::to_string(e.parser_version) + " grammar): the statement is not analysed"});
    ++open_;
  }

  void onStatement(const ir::Statement& st, engine::RuleContext&) override {
    if (open_ == 0 || !st.recovered) return;
    for (auto& p : pending_)
      if (!p.completed && p.statement_begin == st.range.begin) {
        p.completed = true;
        --open_;
        const std::string facts = recovered_facts(st);
        if (!facts.empty()) p.message += "; from its tokens, it " + facts;
      }
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    for (auto& p : pending_)
      ctx.report(p.range, std::move(p.message))
          .help(
              "Check this statement by hand (locks, rewrites, data loss): ddlint did not. A build of ddlint "
              "with a "
              "newer libpg_query analyses it (`ddlint --version` names the parser's grammar).");
  }
};

DDLINT_DEFINE_RULE(NewerSyntax)

}  // namespace ddlint::rules
