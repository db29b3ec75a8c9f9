#include <algorithm>
#include <string>

#include "analysis/mysql/mysql_semantics.h"
#include "analysis/postgres/pg_types.h"
#include "engine/rule_context.h"
#include "ir/facts.h"
#include "rules/effect_text.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

class AlterColumnType final : public engine::Rule {
  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !ctx.is_existing_table(s.table)) return;
    const auto& f = ctx.here();
    for (const auto& fact : ctx.statement_facts()) {
      if (fact.kind != ir::FactKind::SetType || fact.action >= s.actions.size()) continue;
      if (fact.restated) {
        restated(s, fact, ctx);
        continue;
      }
      const size_t k = fact.action;
      const auto& a = s.actions[k];
      if (a.kind != ir::AlterKind::AlterColumnType || !a.new_type) continue;
      const auto known = std::find_if(f.old_types().begin(), f.old_types().end(),
                                      [&](const auto& p) { return p.first == k; });
      const std::string to = analysis::display(*a.new_type);
      const std::string col = quoted(a.column) + " of " + quoted(s.table);
      const std::string cost =
          " rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and "
          "writes "
          "on " +
          quoted(s.table) + " wait until it finishes";
      const std::string help =
          "Add a column of the new type, fill it in batches, switch the code over and drop the old column "
          "later (expand and contract); to make a varchar or numeric column larger, only widen it "
          "(varchar(n) to varchar(m > n) or text, more numeric precision), which needs no rewrite.";
      // PostgreSQL 12+ in a UTC session: timestamp <-> timestamptz keeps the rows.
      const bool utc = f.utc_session && ctx.settings().pg_version >= 12;
      if (known != f.old_types().end()) {
        if (analysis::pg_type_change(known->second, *a.new_type, a.expr.has_value(), utc) ==
            analysis::TypeChange::NoRewrite)
          continue;
        ctx.report(a.range, "changing column " + col + " from `" + analysis::display(known->second) +
                                "` to `" + to + "`" + (a.expr ? " with USING" : "") + cost)
            .help(help);
      } else if (a.expr) {
        // USING recomputes every value, whatever the old type.
        ctx.report(a.range, "changing column " + col + " to `" + to + "` with USING" + cost).help(help);
      } else {
        // The old type is unknown: the rewrite depends on it (the lock
        // model says the same in `ddlint locks`).
        ctx.report(a.range,
                   "changing column " + col + " to `" + to +
                       "` rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE "
                       "lock unless " +
                       quoted(a.column) + " already is " + analysis::pg_no_rewrite_sources(*a.new_type, utc) +
                       "; ddlint does not know its current type (the migration history or "
                       "--schema-dump makes this certain)")
            .help(help)
            .conditional();
      }
    }
  }

  // A whole-column redefinition (MySQL MODIFY/CHANGE): the type changes only
  // where the old one differs; the InnoDB model says which changes copy.
  static void restated(const ir::AlterTable& s, const ir::Fact& fact, engine::RuleContext& ctx) {
    const auto& a = s.actions[fact.action];
    if (!a.column_def) return;
    const ir::TypeName& to = a.column_def->type;
    // A CHANGE that renames: the column that exists now is the old name.
    const std::string& name = a.column.empty() ? fact.name : a.column;
    const std::string col = quoted(name) + " of " + quoted(s.table) +
                            (name != fact.name ? " (renamed " + quoted(fact.name) + ")" : "");
    const std::string cost = ": " + quoted(s.table) + " is copied row by row" +
                             online_ddl_note(ctx.here(), s.table) + " until the copy ends";
    const std::string help =
        "Add a column of the new type, fill it in batches, switch the code over and drop the old column "
        "later "
        "(expand and contract), or make the change with an online schema change tool (gh-ost, "
        "pt-online-schema-change). Changes that need no copy: a VARCHAR made longer within the same length "
        "prefix (up to 255 bytes, or from 256 bytes on), ENUM/SET members appended at the end.";
    const std::string written = "`" + analysis::mysql_display(to) + "`";
    if (const analysis::KnownColumn* old = ctx.here().old_column(fact.action)) {
      auto v = analysis::mysql_type_change(ctx.settings().mysql, old->type, to);
      if (v.change != analysis::MySqlTypeChange::Copy) return;
      // A character set written on one side only: the other side has the
      // table's default, which ddlint does not know.
      std::string unless;
      if (old->type.charset().empty() != to.charset().empty()) {
        ir::TypeName from = old->type, into = to;
        const std::string cs = old->type.charset().empty() ? to.charset() : old->type.charset();
        from.set_charset(cs);
        into.set_charset(cs);
        const auto same_charset = analysis::mysql_type_change(ctx.settings().mysql, from, into);
        if (same_charset.change == analysis::MySqlTypeChange::Copy)
          v = same_charset;  // a copy either way: say why
        else
          unless = ", unless the table's default character set is `" + cs + "`";
      }
      auto d =
          ctx.report(fact.range, "changing column " + col + " from `" + analysis::mysql_display(old->type) +
                                     "` to " + written + " (" + v.what + ")" + cost + unless);
      d.help(help);
      if (!unless.empty()) d.conditional();
      return;
    }
    // The old type is unknown: the copy depends on it.
    std::string unless = "unless " + quoted(name) + " already is " + written;
    const auto kind = ir::type_kind(to);
    if (kind == ir::TypeKind::Varchar)
      unless += " or a shorter VARCHAR within the same length prefix";
    else if (kind == ir::TypeKind::Enum)
      unless += " or the same members without the last ones";
    ctx.report(fact.range,
               "restating column " + col + " as " + written + " copies the table " + unless + cost)
        .help(help)
        .conditional();
  }
};

DDLINT_DEFINE_RULE(AlterColumnType)

}  // namespace ddlint::rules
