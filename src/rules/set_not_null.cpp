#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/effect_text.h"
#include "rules/fix_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class SetNotNull final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (!ctx.is_existing_table(s.table)) return;
    for (const auto& f : ctx.statement_facts()) {
      if (f.kind != ir::FactKind::SetNotNull) continue;
      if (f.restated) {
        restated(s, f, ctx);
        continue;
      }
      const bool can_skip_scan = ctx.settings().pg_version >= 12;
      // PostgreSQL 12+ skips the scan when a validated CHECK proves the column non-null.
      if (can_skip_scan && ctx.facts().not_null_proven(s.table, f.name, ctx.statement_index())) continue;
      auto d = ctx.report(f.range, "SET NOT NULL on " + quoted(s.table) + "." + quoted(f.name) +
                                       " scans the whole table under an ACCESS EXCLUSIVE lock that blocks "
                                       "reads and writes");
      d.help(can_skip_scan
                 ? "Add CHECK (" + f.name +
                       " IS NOT NULL) NOT VALID, VALIDATE it in a separate transaction, "
                       "then SET NOT NULL (PostgreSQL skips the scan) and drop the CHECK."
                 : "Before PostgreSQL 12 the scan cannot be avoided: keep the CHECK (" + f.name +
                       " IS NOT NULL) constraint, added NOT VALID and validated, instead of SET NOT NULL.");
      if (can_skip_scan && ctx.settings().dialect == Dialect::Postgres)
        if (auto fix = proven_first_fix(s, f, ctx))
          d.fix(std::move(fix->title), fix->applicability, std::move(fix->edits));
    }
  }

  // PostgreSQL 12+: prove the column non-null with a CHECK added NOT VALID and
  // validated (a scan that lets reads and writes continue), so that SET NOT
  // NULL skips its scan, then drop the CHECK. The CHECK is not named
  // <table>_<column>_not_null: PostgreSQL 18 gives that name to the NOT NULL
  // constraint SET NOT NULL creates (which would become ..._not_null1).
  static std::optional<Fix> proven_first_fix(const ir::AlterTable& s, const ir::Fact& f,
                                             const engine::RuleContext& ctx) {
    if (s.actions.size() != 1 || f.action != 0 || held_by(ctx)) return std::nullopt;
    const TextRange statement = ctx.statement().range;
    const auto prefix = alter_table_prefix(ctx, statement, s.actions[0].range);
    if (!prefix) return std::nullopt;
    const std::string check = pg_ident(pg_object_name(s.table.name, f.name, "not_null_check"));
    std::vector<std::string> before;
    if (fix_runs_in_transaction(ctx))
      before.push_back(
          "-- Run each of these steps in its own transaction (one migration each, or a migration without a "
          "transaction): in one transaction the lock ADD CONSTRAINT takes is held through the VALIDATE "
          "scan.");
    before.push_back(*prefix + " ADD CONSTRAINT " + check + " CHECK (" + pg_ident(f.name) +
                     " IS NOT NULL) NOT VALID;");
    before.push_back(*prefix + " VALIDATE CONSTRAINT " + check + ";");
    std::vector<Edit> edits{insert_before_statement(ctx.source().text(), statement.begin, before)};
    for (auto& e : insert_after_statement(ctx.source().text(), statement,
                                          {*prefix + " DROP CONSTRAINT " + check + ";"}))
      edits.push_back(std::move(e));
    return Fix{"Prove the column non-null with a validated CHECK first, then drop the CHECK",
               Applicability::Unsafe, joined_edits(std::move(edits))};
  }

  // A whole-column redefinition (MySQL MODIFY/CHANGE) that states NOT NULL:
  // a change only when the column was nullable.
  static void restated(const ir::AlterTable& s, const ir::Fact& f, engine::RuleContext& ctx) {
    const analysis::KnownColumn* old = ctx.here().old_column(f.action);
    const bool known = old != nullptr && old->not_null_known;
    if (known && old->not_null) return;  // restated unchanged
    // A CHANGE that renames: the column that exists now is the old name.
    const std::string& name = s.actions[f.action].column.empty() ? f.name : s.actions[f.action].column;
    const std::string col =
        quoted(s.table) + "." + quoted(name) + (name != f.name ? " (renamed " + quoted(f.name) + ")" : "");
    const std::string rebuilds = " rebuilds " + quoted(s.table) + online_ddl_note(ctx.here(), s.table);
    const std::string cost =
        ": with a strict sql_mode the ALTER fails on the first NULL after reading the whole table, otherwise "
        "NULLs silently become the type's implicit default (0, '', ...)";
    auto d = ctx.report(f.range, known ? "making " + col + " NOT NULL" + rebuilds + cost
                                       : "restating " + col + " as NOT NULL" + rebuilds + " unless " +
                                             quoted(name) + " is already NOT NULL" + cost);
    d.help(
        "Backfill the NULLs in batches first (UPDATE ... WHERE " + f.name +
        " IS NULL LIMIT n), then make the column NOT NULL; on a large table use an online schema change tool "
        "(gh-ost, pt-online-schema-change). If the column is already NOT NULL, keep NOT NULL in the "
        "definition and say so in an ignore comment.");
    if (!known) d.conditional();
  }
};

DDLINT_DEFINE_RULE(SetNotNull)

}  // namespace ddlint::rules
