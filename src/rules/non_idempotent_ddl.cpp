#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
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

// Per byte, what an unquoted name reads it as (folded to lower case or
// not), or -1 for a byte that is no part of one: names are ASCII letters
// and digits, _, $ and the bytes of multibyte characters.
constexpr std::array<int16_t, 256> name_reads(bool fold) {
  std::array<int16_t, 256> out{};
  for (size_t c = 0; c < out.size(); ++c) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool part =
        upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
    out[c] = part ? static_cast<int16_t>(fold && upper ? c - 'A' + 'a' : c) : int16_t{-1};
  }
  return out;
}
constexpr std::array<int16_t, 256> kReads = name_reads(false);
constexpr std::array<int16_t, 256> kReadsFolded = name_reads(true);

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
    const TextRange stmt = ctx.statement().range;
    hold(ctx, s.table.range.end > stmt.begin ? TextRange{stmt.begin, s.table.range.end} : stmt,
         s.object == ir::ObjectKind::MaterializedView ? Kind::CreateMaterializedView : Kind::CreateTable,
         name_of(s.table));
  }

  void onCreateIndex(const ir::CreateIndex& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (s.if_not_exists || !guard_available(ctx) || !exposed(ctx)) return;
    if (!s.name.empty() && dropped_before(ir::ObjectKind::Index, {s.table.schema, s.name, {}})) return;
    const TextRange head{ctx.statement().range.begin, s.keyword_range.end};
    if (s.name.empty()) {
      hold(ctx, head, Kind::IndexWithoutName, name_of(s.table));
      return;
    }
    // The name is written where the fix inserts IF NOT EXISTS.
    const auto at =
        after_words(ctx, {s.keyword_range.begin, ctx.statement().range.end}, {"index", "concurrently"}, true);
    hold(ctx, head, Kind::CreateIndex, {at.value_or(kNowhere), {}, s.name});
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
    // Triggers, rules and policies are named on their table.
    const bool on_table =
        (s.object == ir::ObjectKind::Trigger || s.object == ir::ObjectKind::Other) && !name.schema.empty();
    if (on_table)
      hold(ctx, {stmt.begin, name.range.end}, Kind::Drop, {name.range.begin, {}, name.name},
           {kNowhere, {}, name.schema});
    else
      hold(ctx, {stmt.begin, name.range.end}, Kind::Drop, name_of(name));
  }

  void onAlterTable(const ir::AlterTable& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (s.object != ir::ObjectKind::Table || !guard_available(ctx) || !exposed(ctx)) return;
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    const Name table = name_of(s.table);
    for (const auto& a : s.actions) {
      if (a.if_exists) continue;
      if (mysql && (a.kind == ir::AlterKind::DropConstraint || a.kind == ir::AlterKind::DropIndex)) {
        mysql_drop(ctx, table, a);
        continue;
      }
      if (mysql && a.kind == ir::AlterKind::AddIndex && a.constraint && !a.constraint->name.empty()) {
        // MariaDB ADD INDEX IF NOT EXISTS name (...): the name is written
        // after ADD INDEX or ADD KEY.
        auto at = after_words(ctx, a.range, {"add", "index"});
        if (!at) at = after_words(ctx, a.range, {"add", "key"});
        hold(ctx, a.range, Kind::AddIndex, {at.value_or(kNowhere), {}, a.constraint->name}, table);
        continue;
      }
      if (a.kind == ir::AlterKind::AddColumn && a.column_def) {
        hold(ctx, a.range, Kind::AddColumn, {a.column_def->name_range.begin, {}, a.column_def->name}, table);
      } else if (a.kind == ir::AlterKind::DropColumn) {
        hold(ctx, a.range, Kind::DropColumn,
             {after_words(ctx, a.range, {"drop", "column"}, true).value_or(kNowhere), {}, a.column}, table);
      } else if (a.kind == ir::AlterKind::DropConstraint) {
        hold(ctx, a.range, Kind::DropConstraint,
             {after_words(ctx, a.range, {"drop", "constraint"}).value_or(kNowhere), {}, a.name}, table);
      }
    }
  }

  void onOpaque(const ir::Opaque& s, engine::RuleContext& ctx) override {
    enter(ctx);
    if (!s.if_not_exists || *s.if_not_exists || !exposed(ctx)) return;
    if (!s.creates.empty() && dropped_before(ir::ObjectKind::Sequence, s.creates)) return;
    hold(ctx, ctx.statement().range, Kind::Create, {kNowhere, {}, {}});
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
    dropped_names_.clear();
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
      for (const auto& n : d->names) {
        dropped_.push_back({d->object, static_cast<uint32_t>(dropped_names_.size()),
                            static_cast<uint32_t>(n.schema.size()), static_cast<uint32_t>(n.name.size())});
        dropped_names_ += n.schema;
        dropped_names_ += n.name;
      }
    // Every held finding's own statement is counted: another one makes the
    // section several statements.
    if (holding() && known_without_transaction(ctx) && several_after()) report_held(ctx, true);
  }

  void onFileEnd(engine::RuleContext& ctx) override { settle(ctx); }

  // The section's end: its held findings are reported when the section
  // turned out to run outside a transaction, those that need several
  // statements only when it has them.
  void settle(engine::RuleContext& ctx) {
    if (!holding()) return;
    if (known_without_transaction(ctx)) report_held(ctx, several_after());
    clear_held();
  }

  // Another statement of the same migration section that can fail (SET and
  // transaction control do not count; a statement that does not parse fails
  // when it runs), once each held finding's own statement is counted.
  bool several_after() const { return counted_ > 1 || errors_here_; }

  size_t section_ = SIZE_MAX;           // the runner section of the statements seen last
  size_t counted_ = 0;                  // its statements so far that can fail
  bool errors_here_ = false;            // it has a statement that does not parse
  bool evidence_ = false;               // see known_without_transaction
  std::vector<size_t> error_sections_;  // the runner section of each syntax error

  // An earlier statement of the section drops `name` (DROP ... IF EXISTS x;
  // CREATE ... x): a re-run drops it again before creating it. An
  // unqualified name matches any schema (analysis::same_table).
  bool dropped_before(ir::ObjectKind kind, const ir::QualifiedName& name) const {
    const std::string_view names = dropped_names_;
    for (const auto& d : dropped_) {
      if (d.kind != kind || names.substr(d.at + d.schema, d.name) != name.name) continue;
      if (d.schema == 0 || name.schema.empty() || names.substr(d.at, d.schema) == name.schema) return true;
    }
    return false;
  }
  // A name the section's DROPs so far drop: its schema then its name at `at`
  // in dropped_names_.
  struct Dropped {
    ir::ObjectKind kind;
    uint32_t at;
    uint32_t schema;  // its size
    uint32_t name;    // its size
  };
  std::vector<Dropped> dropped_;
  std::string dropped_names_;

  // Which finding a held candidate is: what its message, help and fix say.
  enum class Kind : uint8_t {
    CreateTable,             // the table
    CreateMaterializedView,  // the view
    IndexWithoutName,        // the table
    CreateIndex,             // the index
    Drop,                    // the name (then its table: triggers, rules, policies)
    AddIndex,                // MariaDB ADD INDEX: the index, then the table
    AddColumn,               // the column, then the table
    DropColumn,              // the same
    DropConstraint,          // the constraint, then the table
    DropNamed,               // MariaDB DROP FOREIGN KEY / INDEX / CONSTRAINT: the name, then the table
    Create,                  // CREATE SCHEMA, SEQUENCE, EXTENSION or DATABASE (no name)
  };

  // A name a finding gives (schema.name, or name alone), and where it is
  // written (kNowhere: not known). The fix of a finding that has one
  // inserts its guard where the first name is written.
  struct Name {
    uint32_t at;
    std::string_view schema;
    std::string_view name;
  };
  static constexpr uint32_t kNowhere = UINT32_MAX;
  static Name name_of(const ir::QualifiedName& n) {
    return {n.range.empty() ? kNowhere : n.range.begin, n.schema, n.name};
  }

  // A finding held until the section's statements decide it: its range,
  // its first name (where it is written when the text there reads as the
  // name, else the offset of its copy in arena_), and its shape. The
  // message, help and fix are written when it is reported, from the source
  // text and these.
  struct Held {
    TextRange range;
    uint32_t first;
    uint32_t shape;  // in shapes_
  };
  static_assert(sizeof(Held) == 16);
  // What consecutive held findings most often share: the kind, the flags
  // and the second name (the table: as the first name, but only its
  // spelling counts).
  struct Shape {
    uint32_t second;
    Kind kind;
    uint8_t flags;
  };
  static constexpr uint8_t kFirstInArena = 1;
  static constexpr uint8_t kSecondInArena = 2;
  static constexpr uint8_t kSecond = 4;      // it has a second name
  static constexpr uint8_t kConcurrent = 8;  // reported outside a transaction even alone
  // One per held finding, 16 bytes each: a first block that grows, then
  // blocks of kBlock (not copied as they grow).
  std::vector<std::vector<Held>> held_;
  static constexpr size_t kBlock = 4096;
  bool holding() const { return !held_.empty() && !held_.front().empty(); }
  std::vector<Shape> shapes_;
  std::string second_;  // the spelling of the last shape's second name
  // The names not read from the source: each is its offset in the source
  // (4 bytes), its size (4 bytes), then its text.
  std::string arena_;

  void clear_held() {
    // The first block stays for the next section's.
    if (!held_.empty()) {
      held_.resize(1);
      held_.front().clear();
    }
    shapes_.clear();
    arena_.clear();
  }

  // Holds a finding of the visited statement (reported once the statements
  // after it decide). Called after exposed(), whose checks of the statement
  // itself passed.
  void hold(const engine::RuleContext& ctx, TextRange range, Kind kind, const Name& first,
            const Name& second = {kNowhere, {}, {}}) {
    const bool fold = ctx.settings().dialect != Dialect::MySql;
    const std::string_view text = ctx.source().text();
    uint8_t flags = 0;
    if (fold && concurrent_build(ctx)) flags |= kConcurrent;
    if (!second.name.empty() || !second.schema.empty()) flags |= kSecond;
    // CREATE SCHEMA and the like name nothing.
    const uint32_t ref = kind == Kind::Create ? kNowhere : name_ref(text, fold, first);
    if (ref != first.at) flags |= kFirstInArena;
    if (shapes_.empty() || shapes_.back().kind != kind || (shapes_.back().flags & ~kSecondInArena) != flags ||
        !spelled(second_, second)) {
      const uint32_t at = flags & kSecond ? name_ref(text, fold, second) : kNowhere;
      if (at != second.at && (flags & kSecond)) flags |= kSecondInArena;
      shapes_.push_back({at, kind, flags});
      second_.assign(second.schema);
      if (!second.schema.empty()) second_ += '.';
      second_ += second.name;
    }
    if (held_.empty() || held_.back().size() == kBlock) {
      held_.emplace_back();
      if (held_.size() > 1) held_.back().reserve(kBlock);
    }
    held_.back().push_back({range, ref, static_cast<uint32_t>(shapes_.size() - 1)});
  }

  // Whether `s` spells the name (schema.name, or name alone).
  static bool spelled(std::string_view s, const Name& n) {
    if (n.schema.empty()) return s == n.name;
    return s.size() == n.schema.size() + 1 + n.name.size() && s.starts_with(n.schema) &&
           s[n.schema.size()] == '.' && s.ends_with(n.name);
  }

  // Where the name is written when the text there reads as it (read_name),
  // else the offset of its copy appended to arena_.
  uint32_t name_ref(std::string_view text, bool fold, const Name& n) {
    if (n.at >= text.size()) return to_arena(n);
    text.remove_prefix(n.at);
    if (written_as(text, n, fold)) return n.at;
    // Quoted or otherwise: read it as the report will.
    const size_t schema = n.schema.size();
    const size_t size = schema == 0 ? n.name.size() : schema + 1 + n.name.size();
    size_t k = 0;
    bool same = true;
    const bool read = read_name(text, fold, [&](char c) {
      same = same && k < size &&
             c == (schema == 0   ? n.name[k]
                   : k < schema  ? n.schema[k]
                   : k == schema ? '.'
                                 : n.name[k - schema - 1]);
      ++k;
    });
    return read && same && k == size ? n.at : to_arena(n);
  }

  // Appends the name to arena_; returns its offset there.
  uint32_t to_arena(const Name& n) {
    const auto at = static_cast<uint32_t>(arena_.size());
    const uint32_t header[2] = {
        n.at, static_cast<uint32_t>(n.schema.empty() ? n.name.size() : n.schema.size() + 1 + n.name.size())};
    arena_.resize(at + sizeof header);
    std::memcpy(arena_.data() + at, header, sizeof header);
    arena_ += n.schema;
    if (!n.schema.empty()) arena_ += '.';
    arena_ += n.name;
    return at;
  }

  // Whether `text` starts with the name written as it is named (most names
  // are): each part unquoted (folded to lower case on PostgreSQL: `fold`) or
  // quoted without a doubled quote, and nothing more of a name after it.
  // read_name() reads it so.
  static bool written_as(std::string_view text, const Name& n, bool fold) {
    size_t p = 0;
    if (!n.schema.empty()) {
      p = part(text, n.schema, fold);
      if (p >= text.size() || text[p] != '.') return false;
      ++p;
    }
    const size_t q = part(text.substr(std::min(p, text.size())), n.name, fold);
    if (q == std::string_view::npos) return false;
    p += q;
    return p == text.size() || (text[p] != '.' && (!name_char(text[p]) || is_quote(text[p - 1])));
  }

  static bool is_quote(char c) { return c == '"' || c == '`'; }

  // The size of `name` written at the start of `text` (read_name() reads
  // it as `name`), unquoted or quoted, or npos.
  static size_t part(std::string_view text, std::string_view name, bool fold) {
    if (name.empty() || text.empty()) return std::string_view::npos;
    if (is_quote(text[0])) {
      const char q = text[0];
      const size_t end = name.size() + 1;  // the closing quote
      if (text.size() <= end || text[end] != q || (end + 1 < text.size() && text[end + 1] == q) ||
          text.substr(1, name.size()) != name || name.find(q) != std::string_view::npos)
        return std::string_view::npos;
      return end + 1;
    }
    if (text.size() < name.size()) return std::string_view::npos;
    const auto& reads = fold ? kReadsFolded : kReads;
    for (size_t i = 0; i < name.size(); ++i)
      if (reads[static_cast<unsigned char>(text[i])] != static_cast<unsigned char>(name[i]))
        return std::string_view::npos;
    return name.size();
  }

  static bool name_char(char c) { return kReads[static_cast<unsigned char>(c)] >= 0; }

  // The (possibly qualified) name written at the start of `text` as the
  // parser names it: put(c) for each character of schema.name; false when
  // nothing there reads as a name. Quoted parts ("x" or `x`, a doubled
  // quote for one) are taken as written, the others folded to lower case
  // when `fold` (PostgreSQL).
  template <typename Put>
  static bool read_name(std::string_view text, bool fold, Put&& put) {
    size_t p = 0;
    for (;;) {
      if (p < text.size() && (text[p] == '"' || text[p] == '`')) {
        const char q = text[p++];
        for (;;) {
          if (p >= text.size()) return false;
          if (text[p] == q) {
            if (p + 1 < text.size() && text[p + 1] == q) {
              put(q);
              p += 2;
              continue;
            }
            ++p;
            break;
          }
          put(text[p++]);
        }
      } else {
        const size_t start = p;
        for (; p < text.size(); ++p) {
          const int16_t c = (fold ? kReadsFolded : kReads)[static_cast<unsigned char>(text[p])];
          if (c < 0) break;
          put(static_cast<char>(c));
        }
        if (p == start) return false;
      }
      if (p >= text.size() || text[p] != '.') return true;
      put('.');
      ++p;
    }
  }

  // A held name's spelling, appended to `out` in backquotes; returns where
  // it is written (kNowhere: not known).
  uint32_t append_name(std::string& out, const engine::RuleContext& ctx, uint32_t ref, bool in_arena) const {
    out += '`';
    if (in_arena) {
      uint32_t header[2];
      std::memcpy(header, arena_.data() + ref, sizeof header);
      out.append(arena_, ref + sizeof header, header[1]);
      out += '`';
      return header[0];
    }
    read_name(ctx.source().text().substr(ref), ctx.settings().dialect != Dialect::MySql,
              [&](char c) { out += c; });
    out += '`';
    return ref;
  }

  void report_held(engine::RuleContext& ctx, bool several) {
    for (const auto& block : held_)
      for (const Held& h : block) {
        const Shape& shape = shapes_[h.shape];
        if (several || (shape.flags & kConcurrent)) report(ctx, h, shape, several);
      }
    clear_held();
  }

  void report(engine::RuleContext& ctx, const Held& h, const Shape& shape, bool several) const {
    const bool mysql = ctx.settings().dialect == Dialect::MySql;
    // The words before IF [NOT] EXISTS in the help, the message's first name
    // and where it is written.
    std::string what;
    std::string named;
    uint32_t at = kNowhere;
    if (shape.kind != Kind::Create) at = append_name(named, ctx, h.first, shape.flags & kFirstInArena);
    if (shape.flags & kSecond) {
      named += shape.kind == Kind::Drop                                        ? " on "
               : shape.kind == Kind::AddIndex || shape.kind == Kind::AddColumn ? " to "
                                                                               : " of ";
      append_name(named, ctx, shape.second, shape.flags & kSecondInArena);
    }
    bool exists = false;  // IF EXISTS (else IF NOT EXISTS)
    const char* because = "it already exists";
    switch (shape.kind) {
      case Kind::CreateTable:
        what = "CREATE TABLE";
        break;
      case Kind::CreateMaterializedView:
        what = "CREATE MATERIALIZED VIEW";
        break;
      case Kind::IndexWithoutName:
        ctx.report(h.range, "CREATE INDEX on " + named + " has no name" +
                                tail(several, mysql, "", "builds a second, duplicate index"))
            .help("Name the index and write `CREATE INDEX IF NOT EXISTS name ON ...`" +
                  std::string(undo(mysql)));
        return;
      case Kind::CreateIndex:
        what = "CREATE INDEX";
        break;
      case Kind::Drop:
      case Kind::DropNamed:
        // The words before the name, as written: DROP MATERIALIZED VIEW, DROP
        // INDEX CONCURRENTLY, DROP FOREIGN KEY ...
        what = words(ctx.text({h.range.begin, at}));
        exists = true;
        because = "it is already gone";
        break;
      case Kind::AddIndex:
        what = "ADD INDEX";
        at = kNowhere;  // no fix
        break;
      case Kind::AddColumn:
        what = "ADD COLUMN";
        because = "the column already exists";
        break;
      case Kind::DropColumn:
        what = "DROP COLUMN";
        exists = true;
        because = "the column is already gone";
        break;
      case Kind::DropConstraint:
        what = "DROP CONSTRAINT";
        exists = true;
        because = "the constraint is already gone";
        break;
      case Kind::Create:
        what = "CREATE";
        for (std::string_view w : {"schema", "sequence", "extension", "database"})
          if (after_words(ctx, h.range, {"create", w})) what += " " + upper(w);
        break;
    }
    std::string message = what;
    if (!named.empty()) message += ' ';
    message += named;
    message += exists ? " has no IF EXISTS" : " has no IF NOT EXISTS";
    auto d = ctx.report(h.range, std::move(message) + tail(several, mysql, because, "fails"));
    std::string help = "Write `" + what + (exists ? " IF EXISTS`" : " IF NOT EXISTS`") + undo(mysql);
    if (shape.kind == Kind::CreateIndex && !mysql)
      help += " With CONCURRENTLY, also drop an INVALID index a failed build left behind before retrying.";
    d.help(std::move(help));
    if (at != kNowhere)
      d.fix(exists ? "Add IF EXISTS" : "Add IF NOT EXISTS", Applicability::Unsafe,
            {{{at, at}, exists ? "IF EXISTS " : "IF NOT EXISTS "}});
  }

  // Whether the target has an IF [NOT] EXISTS form for indexes and ALTER
  // TABLE actions: PostgreSQL and MariaDB do; MySQL has none (CREATE/DROP
  // TABLE, VIEW and DATABASE have one everywhere), so there a migration of
  // several statements is left to non-atomic-migration.
  static bool guard_available(const engine::RuleContext& ctx) {
    return ctx.settings().dialect != Dialect::MySql || ctx.settings().mysql.mariadb();
  }

  // MariaDB `DROP FOREIGN KEY fk`, `DROP INDEX i`, `DROP CONSTRAINT c` in
  // ALTER TABLE, named by the words written before the name.
  void mysql_drop(const engine::RuleContext& ctx, const Name& table, const ir::AlterAction& a) {
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
    if (words(text.substr(0, at)) == "DROP CHECK") return;  // MySQL's spelling, which has no IF EXISTS form
    hold(ctx, a.range, Kind::DropNamed, {a.range.begin + static_cast<uint32_t>(at), {}, a.name}, table);
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
