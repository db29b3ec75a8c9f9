#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
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
  void onCreateTable(const ir::CreateTable& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (s.if_not_exists || s.temporary || !exposed(ctx) || dropped_before(s.object, s.table)) return;
    // SELECT ... INTO has no IF NOT EXISTS form.
    if (!after_words(ctx, ctx.statement().range, {"create"})) return;
    const std::string what =
        s.object == ir::ObjectKind::MaterializedView ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE";
    const TextRange stmt = ctx.statement().range;
    std::optional<uint32_t> at;
    if (!s.table.range.empty()) at = s.table.range.begin;
    hold(ctx, s.table.range.end > stmt.begin ? TextRange{stmt.begin, s.table.range.end} : stmt,
         {quoted(s.table)}, "it already exists", {what}, at);
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (s.if_not_exists || !guard_available(ctx) || !exposed(ctx)) return;
    if (!s.name.empty() && dropped_before(ir::ObjectKind::Index, {s.table.schema, s.name, {}})) return;
    const TextRange head{ctx.statement().range.begin, s.keyword_range.end};
    if (s.name.empty()) {
      hold(ctx, head, {"", " on ", quoted(s.table), " has no name"}, "",
           {"CREATE INDEX", "Name the index and write `", " name ON ..."}, std::nullopt, false,
           "builds a second, duplicate index");
      return;
    }
    hold(ctx, head, {quoted(s.name)}, "it already exists",
         {"CREATE INDEX", "Write `", "",
          ctx.settings().dialect == Dialect::MySql
              ? ""
              : " With CONCURRENTLY, also drop an INVALID index a failed build left behind before retrying."},
         after_words(ctx, {s.keyword_range.begin, ctx.statement().range.end}, {"index", "concurrently"},
                     true));
  }

  void onDrop(const ir::Drop& s, engine::RuleContext& ctx) override {
    enter(ctx);
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
    hold(ctx, {stmt.begin, name.range.end},
         on_table ? Named{quoted(name.name), " on ", quoted(name.schema)} : Named{quoted(name)},
         "it is already gone", {head}, name.range.begin, true);
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    enter(ctx);
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
        hold(ctx, a.range, {quoted(a.constraint->name), " to ", quoted(s.table)}, "it already exists",
             {"ADD INDEX"});
        continue;
      }
      if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        hold(ctx, a.range, {quoted(a.column_def->name), " to ", quoted(s.table)}, "the column already exists",
             {"ADD COLUMN"}, a.column_def->name_range.begin);
      } else if (a.kind == ir::AlterKind::DropColumn || a.kind == ir::AlterKind::DropConstraint) {
        const bool column = a.kind == ir::AlterKind::DropColumn;
        hold(ctx, a.range, {quoted(column ? a.column : a.name), " of ", quoted(s.table)},
             column ? "the column is already gone" : "the constraint is already gone",
             {column ? "DROP COLUMN" : "DROP CONSTRAINT"},
             column ? after_words(ctx, a.range, {"drop", "column"}, true)
                    : after_words(ctx, a.range, {"drop", "constraint"}),
             true);
      }
    }
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (!s.if_not_exists || *s.if_not_exists || !exposed(ctx)) return;
    if (!s.creates.empty() && dropped_before(ir::ObjectKind::Sequence, s.creates)) return;
    const auto range = ctx.statement().range;
    std::string what = "CREATE";
    for (std::string_view w : {"schema", "sequence", "extension", "database"})
      if (after_words(ctx, range, {"create", w})) what += " " + upper(w);
    hold(ctx, range, {}, "it already exists", {what});
  }

  // The visited statement's section: a new one ends the one before (its
  // held findings are decided).
  void enter(engine::RuleContext& ctx) {
    const size_t section = ctx.here().section;
    if (section == section_) return;
    settle(ctx);
    section_ = section;
    counted_ = 0;
    errors_here_ =
        std::find(error_sections_.begin(), error_sections_.end(), section) != error_sections_.end();
    // With a known runner the facts say whether the section runs outside a
    // transaction (see known_without_transaction).
    evidence_ = ctx.facts().plan().sections[section].tx != analysis::TxMode::Unknown;
    dropped_.clear();
  }

  // A statement that does not parse fails when it runs: its section has
  // several statements. Its section is the one that holds where it starts.
  void onSyntaxError(const ir::ParseError& e, engine::RuleContext& ctx) override {
    const size_t at = ctx.facts().plan().section_at(e.range.begin);
    if (at < ctx.facts().plan().sections.size()) error_sections_.push_back(at);
  }

  // Called after the kind hooks for the statement: it counts for the
  // statements after it.
  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    enter(ctx);
    if (!is_transaction_control_or_setting(st)) ++counted_;
    const auto& f = ctx.here();
    if (st.as<ir::Transaction>() || (f.effect.no_transaction_block && f.tx == analysis::TxSource::None))
      evidence_ = true;
    if (const auto* d = st.as<ir::Drop>())
      for (const auto& n : d->names) dropped_.push_back({d->object, {n.schema, n.name, {}}});
    // Every held finding's own statement is counted: another one makes the
    // section several statements.
    if (!held_.empty() && known_without_transaction(ctx) && several_after()) report_held(ctx, true);
  }

  void onFileEnd(engine::RuleContext& ctx) override { settle(ctx); }

  // The section's end: its held findings are reported when the section
  // turned out to run outside a transaction, those that need several
  // statements only when it has them.
  void settle(engine::RuleContext& ctx) {
    if (held_.empty()) return;
    if (known_without_transaction(ctx)) report_held(ctx, several_after());
    held_.clear();
  }

  void report_held(engine::RuleContext& ctx, bool several) {
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    for (auto& h : held_) {
      if (!several && !h.concurrent) continue;
      std::string message = h.help.what;
      if (!h.named.first.empty()) message += ' ';
      message += h.named.first;
      message += h.named.joiner;
      message += h.named.second;
      message += h.named.ending ? h.named.ending : h.exists ? " has no IF EXISTS" : " has no IF NOT EXISTS";
      auto d = ctx.report(h.range, std::move(message) + tail(several, mysql, h.because, h.rerun));
      d.help(h.help.lead + std::move(h.help.what) + (h.exists ? " IF EXISTS" : " IF NOT EXISTS") +
             h.help.inside + "`" + undo(mysql) + h.help.note);
      if (h.fix_at)
        d.fix(h.exists ? "Add IF EXISTS" : "Add IF NOT EXISTS", Applicability::Unsafe,
              {{{*h.fix_at, *h.fix_at}, h.exists ? "IF EXISTS " : "IF NOT EXISTS "}});
    }
    held_.clear();
  }

  // Another statement of the same migration section that can fail (SET and
  // transaction control do not count; a statement that does not parse fails
  // when it runs), once each held finding's own statement is counted.
  bool several_after() const { return counted_ > 1 || errors_here_; }

  // How a held finding's help reads: lead, what, IF [NOT] EXISTS, inside,
  // a backtick, how to undo it (undo), note. Written out when reported.
  struct Help {
    std::string what;  // the words before IF [NOT] EXISTS: CREATE TABLE, DROP COLUMN ...
    const char* lead = "Write `";
    const char* inside = "";
    const char* note = "";
  };

  // What a held finding's message names after help.what: first, joiner,
  // second, then the ending (has no IF [NOT] EXISTS unless given).
  struct Named {
    std::string first;  // `name`
    const char* joiner = "";
    std::string second = {};  // `table`
    const char* ending = nullptr;
  };

  // A finding held until the section's statements decide it: its message up
  // to the tail, the tail's parts, its help and its fix.
  struct Held {
    TextRange range;
    Named named;
    const char* because;
    const char* rerun;
    Help help;
    std::optional<uint32_t> fix_at;  // where the fix inserts IF [NOT] EXISTS
    bool exists = false;             // IF EXISTS (else IF NOT EXISTS)
    bool concurrent = false;         // reported outside a transaction even alone
  };
  std::vector<Held> held_;

  // Holds a finding of the visited statement (reported once the statements
  // after it decide). Called after exposed(), whose checks of the statement
  // itself passed.
  void hold(engine::RuleContext& ctx, TextRange range, Named named, const char* because, Help help,
            std::optional<uint32_t> fix_at = std::nullopt, bool exists = false, const char* rerun = "fails") {
    held_.push_back({range, std::move(named), because, rerun, std::move(help), fix_at, exists,
                     ctx.settings().dialect != Dialect::MySql && concurrent_build(ctx)});
  }

  size_t section_ = SIZE_MAX;           // the runner section of the statements seen last
  size_t counted_ = 0;                  // its statements so far that can fail
  bool errors_here_ = false;            // it has a statement that does not parse
  bool evidence_ = false;               // see known_without_transaction
  std::vector<size_t> error_sections_;  // the runner section of each syntax error

  // An earlier statement of the section drops `name` (DROP ... IF EXISTS x;
  // CREATE ... x): a re-run drops it again before creating it.
  bool dropped_before(ir::ObjectKind kind, const ir::QualifiedName& name) const {
    for (const auto& d : dropped_)
      if (d.kind == kind && analysis::same_table(d.name, name)) return true;
    return false;
  }
  struct Dropped {
    ir::ObjectKind kind;
    ir::QualifiedName name;  // schema and name
  };
  std::vector<Dropped> dropped_;  // the names the section's DROPs so far drop

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
    hold(ctx, a.range, {quoted(a.name), " of ", quoted(s.table)}, "it is already gone", {head},
         a.range.begin + static_cast<uint32_t>(at), true);
  }

  // How the help ends: PostgreSQL can also undo a failed migration with a
  // transaction; MySQL commits each DDL statement on its own.
  static const char* undo(bool mysql) {
    if (mysql)
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
  // leaves an INVALID index behind when it fails). What the statement itself
  // tells: the rest is decided by the section (known_without_transaction,
  // several_after) when its findings are reported.
  static bool exposed(const engine::RuleContext& ctx) {
    // MySQL commits every DDL statement on its own: no transaction can undo
    // it, whatever the runner does.
    if (ctx.settings().dialect == Dialect::MySql) return ctx.here().effect.implicit_commit;
    return ctx.here().tx == analysis::TxSource::None;
  }

  // Whether the section is known to run outside a transaction (always on
  // MySQL). With a known runner the facts say so directly. When the runner
  // is not known (and assume_in_transaction is off), most runners still wrap
  // each file in a transaction, so only the section's own evidence counts:
  // transaction control of its own (statements outside its blocks commit one
  // by one), or a statement that cannot run in a transaction block.
  bool known_without_transaction(const engine::RuleContext& ctx) const {
    return evidence_ || ctx.settings().dialect == Dialect::MySql;
  }

  static std::string tail(bool several, bool mysql, std::string_view because, std::string_view rerun) {
    const std::string why = because.empty() ? "" : " here because " + std::string(because);
    if (!several)
      return " and runs outside a transaction: a failed concurrent build leaves an INVALID index behind, and "
             "re-running the migration " +
             std::string(rerun) + why;
    if (mysql)
      return " in a migration of several statements, and MySQL commits each DDL statement on its own: when "
             "the "
             "migration fails part-way, what already ran stays applied, and re-running it " +
             std::string(rerun) + why;
    return " and runs outside a transaction in a migration of several statements: when the migration fails "
           "part-way, what already ran stays applied, and re-running it " +
           std::string(rerun) + why;
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
