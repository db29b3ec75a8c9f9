// The down migration of this up migration is a file ddlint cannot read
// (NAME.down.go beside NAME.up.sql): said once, so that the silence of the
// other down-migration rules is not taken for a check that passed.
#include <optional>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class DownMigrationUnreadable final : public engine::Rule {
  // The ranges of the file's first statement (recovered or not) and of its
  // first syntax error's statement, once seen: the finding is at the first
  // statement, else at the first error.
  std::optional<TextRange> first_statement_;
  std::optional<TextRange> first_error_;

  void onSyntaxError(const ir::ParseError& e, engine::RuleContext&) override {
    if (!first_error_) first_error_ = e.statement;
  }

  void onStatement(const ir::Statement& st, engine::RuleContext&) override {
    if (!first_statement_) first_statement_ = st.range;
  }

  void onFileEnd(engine::RuleContext& ctx) override {
    const auto& down = ctx.down_migration();
    if (down.unreadable.empty()) return;
    TextRange at{0, 0};
    if (first_statement_)
      at = *first_statement_;
    else if (first_error_)
      at = *first_error_;
    ctx.report(at,
               "the down migration of this migration is " + down.where +
                   ", which is not SQL: ddlint cannot check that it undoes this migration or that a rollback "
                   "keeps the data")
        .help(
            "Review the down migration by hand (drop-breaks-down-migration, down-migration-incomplete and "
            "missing-down-migration do not look at it), or write it in SQL as NAME.down.sql.");
  }
};

DDLINT_DEFINE_RULE(DownMigrationUnreadable)

}  // namespace ddlint::rules
