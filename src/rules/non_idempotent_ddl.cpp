#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

// The offset just after `words` (case-insensitive, separated by whitespace)
// at the start of `r`, or nothing when the text does not read so.
std::optional<uint32_t> after_words(const engine::RuleContext& ctx, TextRange r,
                                    std::initializer_list<std::string_view> words,
                                    bool last_optional = false) {
  const std::string_view text = ctx.text(r);
  size_t pos = 0;
  size_t n = 0;
  for (std::string_view w : words) {
    ++n;
    size_t p = pos;
    while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
    bool match =
        p + w.size() <= text.size() &&
        (p + w.size() == text.size() || !std::isalnum(static_cast<unsigned char>(text[p + w.size()])));
    for (size_t k = 0; match && k < w.size(); ++k)
      match = std::tolower(static_cast<unsigned char>(text[p + k])) == w[k];
    if (!match) {
      if (last_optional && n == words.size()) break;
      return std::nullopt;
    }
    pos = p + w.size();
  }
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return r.begin + static_cast<uint32_t>(pos);
}

}  // namespace

// A statement that commits on its own (no transaction around it) in a
// migration section that is not atomic (several statements, or a concurrent
// index build): when the migration fails part-way, what ran stays applied,
// and re-running it fails on this statement.
class NonIdempotentDdl final : public engine::Rule {
  void onFileStart(engine::RuleContext&) override { evidence_.clear(); }
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    if (s.if_not_exists || s.temporary || !exposed(ctx) || dropped_before(ctx, s.object, s.table)) return;
    // SELECT ... INTO has no IF NOT EXISTS form.
    if (!after_words(ctx, ctx.statement().range, {"create"})) return;
    const std::string what =
        s.object == ir::ObjectKind::MaterializedView ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE";
    const TextRange stmt = ctx.statement().range;
    auto d =
        ctx.report(s.table.range.end > stmt.begin ? TextRange{stmt.begin, s.table.range.end} : stmt,
                   what + " " + quoted(s.table) + " has no IF NOT EXISTS" + tail(ctx, "it already exists"));
    d.help("Write `" + what + " IF NOT EXISTS`" + undo(ctx));
    if (!s.table.range.empty())
      d.fix("Add IF NOT EXISTS", Applicability::Unsafe,
            {{{s.table.range.begin, s.table.range.begin}, "IF NOT EXISTS "}});
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    if (s.if_not_exists || !guard_available(ctx) || !exposed(ctx)) return;
    if (!s.name.empty() && dropped_before(ctx, ir::ObjectKind::Index, {s.table.schema, s.name, {}})) return;
    const TextRange head{ctx.statement().range.begin, s.keyword_range.end};
    if (s.name.empty()) {
      ctx.report(head, "CREATE INDEX on " + quoted(s.table) + " has no name" +
                           tail(ctx, "", "builds a second, duplicate index"))
          .help("Name the index and write `CREATE INDEX IF NOT EXISTS name ON ...`" + undo(ctx));
      return;
    }
    auto d = ctx.report(
        head, "CREATE INDEX " + quoted(s.name) + " has no IF NOT EXISTS" + tail(ctx, "it already exists"));
    d.help(
        "Write `CREATE INDEX IF NOT EXISTS`" + undo(ctx) +
        (ctx.settings().dialect == Dialect::MySql
             ? ""
             : " With CONCURRENTLY, also drop an INVALID index a failed build left behind before retrying."));
    const auto at =
        after_words(ctx, {s.keyword_range.begin, ctx.statement().range.end}, {"index", "concurrently"}, true);
    if (at) d.fix("Add IF NOT EXISTS", Applicability::Unsafe, {{{*at, *at}, "IF NOT EXISTS "}});
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    if (s.if_exists || s.names.empty() || !exposed(ctx)) return;
    // Routines are not checked (PostgreSQL names them by signature; the
    // page says so), on MySQL as well.
    if (s.object == ir::ObjectKind::Function || s.object == ir::ObjectKind::Procedure) return;
    if (s.object == ir::ObjectKind::Index && !guard_available(ctx)) return;
    // Dropping what this section created earlier is safe: a re-run creates
    // it again before it gets here.
    bool all_created = true;
    for (const auto& n : s.names) {
      const bool created = s.object == ir::ObjectKind::Index
                               ? ctx.facts().created_index_table(n, ctx.statement_index()) != nullptr
                               : ctx.facts().created_before(n, ctx.statement_index());
      all_created &= created;
    }
    if (all_created) return;
    const auto& name = s.names.front();
    const TextRange stmt = ctx.statement().range;
    if (name.range.empty() || name.range.begin <= stmt.begin) return;
    // The words before the name, as written: DROP MATERIALIZED VIEW, DROP
    // INDEX CONCURRENTLY, DROP POLICY ...
    const std::string head = words(ctx.text({stmt.begin, name.range.begin}));
    // Triggers, rules and policies are named on their table.
    const bool on_table =
        (s.object == ir::ObjectKind::Trigger || s.object == ir::ObjectKind::Other) && !name.schema.empty();
    const std::string shown = on_table ? quoted(name.name) + " on " + quoted(name.schema) : quoted(name);
    auto d = ctx.report({stmt.begin, name.range.end},
                        head + " " + shown + " has no IF EXISTS" + tail(ctx, "it is already gone"));
    d.help("Write `" + head + " IF EXISTS`" + undo(ctx));
    d.fix("Add IF EXISTS", Applicability::Unsafe, {{{name.range.begin, name.range.begin}, "IF EXISTS "}});
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    if (s.object != ir::ObjectKind::Table || !guard_available(ctx) || !exposed(ctx)) return;
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    for (const auto& a : s.actions) {
      if (a.if_exists) continue;
      if (mysql && (a.kind == ir::AlterKind::DropConstraint || a.kind == ir::AlterKind::DropIndex)) {
        mysql_drop(ctx, s, a);
        continue;
      }
      if (mysql && a.kind == ir::AlterKind::AddIndex && a.constraint && !a.constraint->name.empty()) {
        // MariaDB ADD INDEX IF NOT EXISTS name (...).
        ctx.report(a.range, "ADD INDEX " + quoted(a.constraint->name) + " to " + quoted(s.table) +
                                " has no IF NOT EXISTS" + tail(ctx, "it already exists"))
            .help("Write `ADD INDEX IF NOT EXISTS`" + undo(ctx));
        continue;
      }
      if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        ctx.report(a.range, "ADD COLUMN " + quoted(a.column_def->name) + " to " + quoted(s.table) +
                                " has no IF NOT EXISTS" + tail(ctx, "the column already exists"))
            .help("Write `ADD COLUMN IF NOT EXISTS`" + undo(ctx))
            .fix("Add IF NOT EXISTS", Applicability::Unsafe,
                 {{{a.column_def->name_range.begin, a.column_def->name_range.begin}, "IF NOT EXISTS "}});
      } else if (a.kind == ir::AlterKind::DropColumn || a.kind == ir::AlterKind::DropConstraint) {
        const bool column = a.kind == ir::AlterKind::DropColumn;
        const std::string what =
            column ? "DROP COLUMN " + quoted(a.column) : "DROP CONSTRAINT " + quoted(a.name);
        auto d = ctx.report(
            a.range, what + " of " + quoted(s.table) + " has no IF EXISTS" +
                         tail(ctx, column ? "the column is already gone" : "the constraint is already gone"));
        d.help("Write `" + std::string(column ? "DROP COLUMN" : "DROP CONSTRAINT") + " IF EXISTS`" +
               undo(ctx));
        const auto at = column ? after_words(ctx, a.range, {"drop", "column"}, true)
                               : after_words(ctx, a.range, {"drop", "constraint"});
        if (at) d.fix("Add IF EXISTS", Applicability::Unsafe, {{{*at, *at}, "IF EXISTS "}});
      }
    }
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    if (!s.if_not_exists || *s.if_not_exists || !exposed(ctx)) return;
    if (!s.creates.empty() && dropped_before(ctx, ir::ObjectKind::Sequence, s.creates)) return;
    const auto range = ctx.statement().range;
    std::string what = "CREATE";
    for (std::string_view w : {"schema", "sequence", "extension", "database"})
      if (after_words(ctx, range, {"create", w})) what += " " + upper(w);
    ctx.report(range, what + " has no IF NOT EXISTS" + tail(ctx, "it already exists"))
        .help("Write `" + what + " IF NOT EXISTS`" + undo(ctx));
  }

  // Another statement of the same migration section that can fail (SET and
  // transaction control do not count; a statement that does not parse fails
  // when it runs).
  bool several(const engine::RuleContext& ctx) {
    const size_t section = ctx.here().section;
    if (counted_.empty()) {
      // Per section, once per file: its statements that can fail, and its
      // statements that do not parse.
      const size_t sections = ctx.facts().plan().sections.size();
      counted_.assign(sections, 0);
      errors_.assign(sections, 0);
      const auto& stmts = ctx.file().statements;
      for (size_t k = 0; k < stmts.size(); ++k)
        if (!is_transaction_control_or_setting(stmts[k])) ++counted_[ctx.facts().at(k).section];
      for (const auto& e : ctx.file().errors) {
        const size_t at = ctx.facts().plan().section_at(e.range.begin);
        if (at < sections) ++errors_[at];
      }
    }
    const size_t self = is_transaction_control_or_setting(ctx.statement()) ? 0 : 1;
    return counted_[section] > self || errors_[section] > 0;
  }
  std::vector<size_t> counted_;  // per runner section, computed once per file
  std::vector<size_t> errors_;   // the same, syntax errors

  // An earlier statement of the section drops `name` (DROP ... IF EXISTS x;
  // CREATE ... x): a re-run drops it again before creating it.
  bool dropped_before(const engine::RuleContext& ctx, ir::ObjectKind kind, const ir::QualifiedName& name) {
    const size_t i = ctx.statement_index();
    const size_t section = ctx.here().section;
    const auto& stmts = ctx.file().statements;
    if (!drops_built_) {
      // The DROP statements by the names they drop, in source order.
      drops_built_ = true;
      for (size_t k = 0; k < stmts.size(); ++k)
        if (const auto* d = stmts[k].as<ir::Drop>())
          for (const auto& n : d->names) {
            auto& list = drops_[n.name];
            if (list.empty() || list.back() != k) list.push_back(k);
          }
    }
    const auto it = drops_.find(name.name);
    if (it == drops_.end()) return false;
    for (const size_t k : it->second) {
      if (k >= i) break;
      if (ctx.facts().at(k).section != section) continue;
      const auto* d = stmts[k].as<ir::Drop>();
      if (d->object != kind) continue;
      for (const auto& n : d->names)
        if (analysis::same_table(n, name)) return true;
    }
    return false;
  }
  bool drops_built_ = false;
  std::unordered_map<std::string, std::vector<size_t>> drops_;

  // Whether the target has an IF [NOT] EXISTS form for indexes and ALTER
  // TABLE actions: PostgreSQL and MariaDB do; MySQL has none (CREATE/DROP
  // TABLE, VIEW and DATABASE have one everywhere), so there a migration of
  // several statements is left to non-atomic-migration.
  static bool guard_available(const engine::RuleContext& ctx) {
    return ctx.settings().dialect != Dialect::MySql || ctx.settings().mysql.mariadb();
  }

  // MariaDB `DROP FOREIGN KEY fk`, `DROP INDEX i`, `DROP CONSTRAINT c` in
  // ALTER TABLE, named by the words written before the name.
  void mysql_drop(engine::RuleContext& ctx, const ir::AlterTable& s, const ir::AlterAction& a) {
    const std::string_view text = ctx.text(a.range);
    if (a.name.empty()) return;
    size_t at = std::string_view::npos;
    for (size_t k = text.size() - std::min(text.size(), a.name.size()); k != std::string_view::npos && k > 0;
         --k) {
      bool match = true;
      for (size_t m = 0; match && m < a.name.size(); ++m)
        match = std::tolower(static_cast<unsigned char>(text[k + m])) ==
                std::tolower(static_cast<unsigned char>(a.name[m]));
      if (match) {
        at = text[k - 1] == '`' ? k - 1 : k;
        break;
      }
    }
    if (at == std::string_view::npos || at == 0) return;
    const std::string head = words(text.substr(0, at));
    if (head == "DROP CHECK") return;  // MySQL's spelling, which has no IF EXISTS form
    const auto pos = a.range.begin + static_cast<uint32_t>(at);
    ctx.report(a.range, head + " " + quoted(a.name) + " of " + quoted(s.table) + " has no IF EXISTS" +
                            tail(ctx, "it is already gone"))
        .help("Write `" + head + " IF EXISTS`" + undo(ctx))
        .fix("Add IF EXISTS", Applicability::Unsafe, {{{pos, pos}, "IF EXISTS "}});
  }

  // How the help ends: PostgreSQL can also undo a failed migration with a
  // transaction; MySQL commits each DDL statement on its own.
  static std::string undo(const engine::RuleContext& ctx) {
    if (ctx.settings().dialect == Dialect::MySql)
      return ", so that re-running the migration after a failure part-way skips it (MySQL commits each DDL "
             "statement on its own: no transaction can undo it).";
    return ", or run the migration in one transaction so that a failure undoes it.";
  }

  static bool concurrent_build(const engine::RuleContext& ctx) {
    const auto* ci = ctx.statement().as<ir::CreateIndex>();
    return ci && ci->concurrently;
  }

  // Outside any transaction, in a migration section that is not atomic: it
  // has several statements, or this one is a concurrent index build (which
  // leaves an INVALID index behind when it fails).
  bool exposed(const engine::RuleContext& ctx) {
    // MySQL commits every DDL statement on its own: no transaction can undo
    // it, whatever the runner does.
    if (ctx.settings().dialect == Dialect::MySql) return ctx.here().effect.implicit_commit && several(ctx);
    if (ctx.here().tx != analysis::TxSource::None || !known_without_transaction(ctx)) return false;
    return concurrent_build(ctx) || several(ctx);
  }

  // Whether the section is known to run outside a transaction. With a known
  // runner the facts say so directly. When the runner is not known (and
  // assume_in_transaction is off), most runners still wrap each file in a
  // transaction, so only the section's own evidence counts: transaction
  // control of its own (statements outside its blocks commit one by one), or
  // a statement that cannot run in a transaction block.
  bool known_without_transaction(const engine::RuleContext& ctx) {
    const auto& facts = ctx.facts();
    const size_t section = ctx.here().section;
    if (facts.plan().sections[section].tx != analysis::TxMode::Unknown) return true;
    if (evidence_.size() != facts.plan().sections.size()) {
      evidence_.assign(facts.plan().sections.size(), 0);
      const auto& stmts = ctx.file().statements;
      for (size_t k = 0; k < stmts.size(); ++k) {
        const auto& f = facts.at(k);
        if (stmts[k].as<ir::Transaction>() ||
            (f.effect.no_transaction_block && f.tx == analysis::TxSource::None))
          evidence_[f.section] = 1;
      }
    }
    return evidence_[section] != 0;
  }
  std::vector<char> evidence_;  // per runner section, computed once per file

  std::string tail(const engine::RuleContext& ctx, const std::string& because,
                   const std::string& rerun = "fails") {
    const std::string why = because.empty() ? "" : " here because " + because;
    if (!several(ctx))
      return " and runs outside a transaction: a failed concurrent build leaves an INVALID index behind, and "
             "re-running the migration " +
             rerun + why;
    if (ctx.settings().dialect == Dialect::MySql)
      return " in a migration of several statements, and MySQL commits each DDL statement on its own: when "
             "the "
             "migration fails part-way, what already ran stays applied, and re-running it " +
             rerun + why;
    return " and runs outside a transaction in a migration of several statements: when the migration fails "
           "part-way, what already ran stays applied, and re-running it " +
           rerun + why;
  }

  // Upper-case words separated by single spaces.
  static std::string words(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
  }

  static std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (c == '-') c = ' ';
    }
    return out;
  }
};

DDLINT_DEFINE_RULE(NonIdempotentDdl)

}  // namespace ddlint::rules
