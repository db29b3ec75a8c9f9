#include "parser/mysql/mysql_frontend.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "MySqlLexer.h"
#include "MySqlParser.h"
#include "antlr4-runtime.h"
#include "parser/depth.h"
#include "parser/mysql/error_strategies.h"
#include "parser/mysql/mysql_input.h"
#include "parser/mysql/mysql_lexer.h"
#include "parser/mysql/mysql_lower.h"

namespace ddlint::parser::mysql {

namespace {

using L = ddlint_mysql_grammar::MySqlLexer;
using P = ddlint_mysql_grammar::MySqlParser;

std::string upper_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string camel(const std::string& upper) {
  std::string out;
  bool start = true;
  for (char c : upper) {
    if (c == '_') {
      start = true;
      continue;
    }
    out += start ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = false;
  }
  return out;
}

// What the front-end does with a statement, decided from its first words.
struct Plan {
  bool parse = false;
  bool unknown = false;  // the first word starts no MySQL/MariaDB statement
  ir::Opaque opaque;
  std::optional<ir::LockTable> lock;         // LOCK TABLES, read from its tokens
  std::vector<ir::SetSetting> own_settings;  // LOCK TABLES ... WAIT n: lock_wait_timeout n
};

class Classifier {
 public:
  explicit Classifier(const std::vector<antlr4::Token*>& tokens) : t_(tokens), n_(tokens.size() - 1) {}

  // Upper-case word at token i, or "" for punctuation, literals and the end.
  std::string word(size_t i) const {
    if (i >= n_) return {};
    const size_t type = t_[i]->getType();
    if (type != L::ID && !(type >= L::ACTION && type <= L::ZEROFILL)) return {};
    return upper_ascii(t_[i]->getText());
  }
  bool is(size_t i, std::initializer_list<const char*> words) const {
    const std::string w = word(i);
    for (const char* x : words)
      if (w == x) return true;
    return false;
  }

  // The object word of CREATE/ALTER/DROP ... after definer clauses and the
  // like; its index in `at`.
  std::string object(size_t from, size_t& at) const {
    static const std::initializer_list<const char*> kObjects = {
        "DATABASE", "SCHEMA",   "VIEW",     "PROCEDURE", "FUNCTION",   "TRIGGER", "EVENT",
        "USER",     "ROLE",     "SEQUENCE", "SERVER",    "TABLESPACE", "LOGFILE", "PACKAGE",
        "RESOURCE", "INSTANCE", "TABLE",    "INDEX",     "UNDO",       "SPATIAL"};
    for (size_t i = from; i < n_ && i < from + 24; ++i)
      if (is(i, kObjects)) {
        at = i;
        return word(i);
      }
    at = n_;
    return {};
  }

  Plan plan() const {
    Plan p;
    const std::string w0 = word(0);
    if (n_ > 0 && t_[0]->getType() == L::LPAREN) return opaque("SelectStmt");
    if (w0 == "CREATE") {
      size_t j = 1;
      if (is(j, {"OR"}) && is(j + 1, {"REPLACE"})) j += 2;
      size_t k = j;
      if (is(k, {"TEMPORARY"})) ++k;
      if (is(k, {"TABLE"})) return parse();
      k = j;
      if (is(k, {"ONLINE", "OFFLINE"})) ++k;
      if (is(k, {"UNIQUE", "FULLTEXT", "SPATIAL"})) ++k;
      if (is(k, {"INDEX"})) return parse();
      size_t at = 0;
      const std::string obj = object(j, at);
      Plan o = opaque("Create" + camel(obj) + "Stmt");
      o.opaque.or_replace = j == 3;  // CREATE OR REPLACE
      if (obj == "TRIGGER") trigger(at, o.opaque);
      if (obj == "DATABASE" || obj == "SCHEMA" || obj == "SEQUENCE" || obj == "VIEW" || obj == "PROCEDURE" ||
          obj == "FUNCTION" || obj == "TRIGGER" || obj == "EVENT") {
        size_t m = at + 1;
        const bool ine = is(m, {"IF"}) && is(m + 1, {"NOT"}) && is(m + 2, {"EXISTS"});
        if (ine) m += 3;
        // What non-idempotent-ddl checks: the objects it names IF NOT EXISTS for.
        if (obj == "DATABASE" || obj == "SCHEMA" || obj == "SEQUENCE") o.opaque.if_not_exists = ine;
        // A view shares the tables' namespace; a routine or trigger does not.
        ir::QualifiedName& name =
            obj == "PROCEDURE" || obj == "FUNCTION" || obj == "TRIGGER" || obj == "EVENT" ? o.opaque.routine
                                                                                          : o.opaque.creates;
        if (m < n_) {
          name.name = name_text(m);
          name.range = {static_cast<uint32_t>(t_[m]->getStartIndex()),
                        static_cast<uint32_t>(t_[m]->getStopIndex() + 1)};
          if (m + 2 < n_ && t_[m + 1]->getType() == L::DOT) {
            name.schema = name.name;
            name.name = name_text(m + 2);
            name.range.end = static_cast<uint32_t>(t_[m + 2]->getStopIndex() + 1);
          }
        }
      }
      return o;
    }
    if (w0 == "ALTER") {
      size_t j = 1;
      while (is(j, {"ONLINE", "OFFLINE", "IGNORE"})) ++j;
      if (is(j, {"TABLE"})) return parse();
      size_t at = 0;
      return opaque("Alter" + camel(object(j, at)) + "Stmt");
    }
    if (w0 == "DROP") {
      size_t j = 1;
      if (is(j, {"TEMPORARY"})) ++j;
      if (is(j, {"TABLE", "TABLES", "INDEX", "DATABASE", "SCHEMA", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER",
                 "EVENT"}))
        return parse();
      return opaque("Drop" + camel(word(j)) + "Stmt");
    }
    if (w0 == "RENAME")
      return is(1, {"TABLE", "TABLES"}) ? parse() : opaque("Rename" + camel(word(1)) + "Stmt");
    if (w0 == "SET") {
      if (is(1, {"PASSWORD", "ROLE", "DEFAULT", "STATEMENT", "RESOURCE"}))
        return opaque("Set" + camel(word(1)) + "Stmt");
      return parse();
    }
    if (w0 == "START") return is(1, {"TRANSACTION"}) ? parse() : opaque("Start" + camel(word(1)) + "Stmt");
    if (w0 == "BEGIN") return n_ == 1 || (n_ == 2 && is(1, {"WORK"})) ? parse() : opaque("CompoundStmt");
    if (w0 == "RELEASE") return parse();
    if (w0 == "OPTIMIZE" && (is(1, {"TABLE", "TABLES"}) || is(2, {"TABLE", "TABLES"}))) return parse();
    if (w0 == "TRUNCATE" || w0 == "UPDATE" || w0 == "DELETE" || w0 == "INSERT" || w0 == "REPLACE" ||
        w0 == "COMMIT" || w0 == "ROLLBACK" || w0 == "SAVEPOINT" || w0 == "USE")
      return parse();
    static const std::initializer_list<const char*> kOther = {
        "ANALYZE",   "BACKUP",     "BINLOG",   "CACHE",   "CALL",     "CHANGE",  "CHECK",   "CHECKSUM",
        "CLONE",     "DEALLOCATE", "DECLARE",  "DESC",    "DESCRIBE", "DO",      "EXECUTE", "EXPLAIN",
        "FLUSH",     "GET",        "GRANT",    "HANDLER", "HELP",     "IMPORT",  "INSTALL", "KILL",
        "LOAD",      "LOCK",       "OPTIMIZE", "PREPARE", "PURGE",    "REPAIR",  "RESET",   "RESIGNAL",
        "RESTART",   "REVOKE",     "SELECT",   "SHOW",    "SHUTDOWN", "SIGNAL",  "STOP",    "TABLE",
        "UNINSTALL", "UNLOCK",     "VALUES",   "WITH",    "XA",       "SHUTDOWN"};
    if (w0 == "LOCK" && is(1, {"TABLE", "TABLES"})) {
      Plan o = opaque("LockStmt");
      o.lock = lock_tables(o.own_settings);
      return o;
    }
    if (is(0, kOther)) return opaque(camel(w0) + "Stmt");
    p.unknown = true;
    return p;
  }

 private:
  static Plan parse() {
    Plan p;
    p.parse = true;
    return p;
  }
  static Plan opaque(std::string node) {
    Plan p;
    p.opaque.node = std::move(node);
    return p;
  }
  // CREATE ... TRIGGER [IF NOT EXISTS] name {BEFORE | AFTER} {INSERT |
  // UPDATE | DELETE} ON table ...: the name and the table (ranges relative to
  // the piece). MySQL triggers are row triggers.
  void trigger(size_t at, ir::Opaque& o) const {
    size_t m = at + 1;
    if (is(m, {"IF"}) && is(m + 1, {"NOT"}) && is(m + 2, {"EXISTS"})) m += 3;
    if (m >= n_) return;
    std::string name = name_text(m);
    if (m + 2 < n_ && t_[m + 1]->getType() == L::DOT) name = name_text(m += 2);
    size_t on = m + 1;
    while (on < n_ && on < m + 6 && !is(on, {"ON"})) ++on;
    if (on + 1 >= n_ || !is(on, {"ON"})) return;
    for (size_t e = m + 1; e < on; ++e)
      o.trigger_events |= is(e, {"INSERT"})   ? ir::kTriggerInsert
                          : is(e, {"UPDATE"}) ? ir::kTriggerUpdate
                          : is(e, {"DELETE"}) ? ir::kTriggerDelete
                                              : 0;
    size_t k = on + 1;
    ir::QualifiedName table;
    table.name = name_text(k);
    size_t last = k;
    if (k + 2 < n_ && t_[k + 1]->getType() == L::DOT) {
      table.schema = table.name;
      table.name = name_text(k + 2);
      last = k + 2;
    }
    table.range = {static_cast<uint32_t>(t_[k]->getStartIndex()),
                   static_cast<uint32_t>(t_[last]->getStopIndex() + 1)};
    o.trigger = std::move(name);
    o.on_table = std::move(table);
  }

  // LOCK TABLE[S] name [[AS] alias] {READ [LOCAL] | [LOW_PRIORITY] WRITE
  // [CONCURRENT]} [, ...] [WAIT n | NOWAIT] (the last two MariaDB): the
  // tables with the mode of each, ranges relative to the piece (WAIT n goes
  // to `own`). Nothing when the words do not read so (the statement stays
  // opaque).
  std::optional<ir::LockTable> lock_tables(std::vector<ir::SetSetting>& own) const {
    ir::LockTable l;
    size_t i = 2;
    auto range = [&](size_t a, size_t b) {
      return TextRange{static_cast<uint32_t>(t_[a]->getStartIndex()),
                       static_cast<uint32_t>(t_[b]->getStopIndex() + 1)};
    };
    while (i < n_) {
      if (word(i).empty() && t_[i]->getType() != L::ID && t_[i]->getText().front() != '`')
        return std::nullopt;
      ir::QualifiedName name;
      name.name = name_text(i);
      size_t last = i;
      if (i + 2 < n_ && t_[i + 1]->getType() == L::DOT) {
        name.schema = name.name;
        name.name = name_text(i + 2);
        last = i + 2;
      }
      name.range = range(i, last);
      i = last + 1;
      if (is(i, {"AS"}))
        i += 2;
      else if (!is(i, {"READ", "WRITE", "LOW_PRIORITY"}) && i < n_ && t_[i]->getType() != L::COMMA)
        ++i;  // alias
      std::string mode;
      while (is(i, {"READ", "LOCAL", "WRITE", "LOW_PRIORITY", "CONCURRENT"})) {
        if (!mode.empty()) mode += ' ';
        mode += word(i++);
      }
      if (mode.empty()) return std::nullopt;
      l.tables.push_back(std::move(name));
      l.table_modes.push_back(mode);
      if (i < n_ && t_[i]->getType() == L::COMMA) {
        ++i;
        continue;
      }
      break;
    }
    if (is(i, {"NOWAIT"})) {
      l.nowait = true;
      ++i;
    } else if (is(i, {"WAIT"}) && i + 1 < n_ && t_[i + 1]->getType() == L::NUMBER) {
      ir::SetSetting wait;
      wait.name = "lock_wait_timeout";
      wait.value = t_[i + 1]->getText();
      own.push_back(std::move(wait));
      i += 2;
    }
    if (i != n_ || l.tables.empty()) return std::nullopt;
    // The strongest mode names the statement's mode.
    l.mode = "READ";
    for (const auto& m : l.table_modes)
      if (m.find("WRITE") != std::string::npos) l.mode = "WRITE";
    return l;
  }

  std::string name_text(size_t i) const {
    std::string s = t_[i]->getText();
    if (s.size() >= 2 && s.front() == '`') {
      std::string out;
      for (size_t k = 1; k + 1 < s.size(); ++k) {
        if (s[k] == '`' && k + 2 < s.size() && s[k + 1] == '`') ++k;
        out += s[k];
      }
      return out;
    }
    return s;
  }

  const std::vector<antlr4::Token*>& t_;
  size_t n_;
};

// For INSERT/REPLACE ... VALUES|VALUE followed by two or more rows, each a
// balanced parenthesised group separated by commas and nothing after the
// last: the byte offset just after the first row (relative to the piece).
// 0 otherwise (the whole statement is parsed).
size_t first_row_end(const std::vector<antlr4::Token*>& all) {
  const size_t n = all.size() - 1;  // without EOF
  if (n < 8 || (all[0]->getType() != L::INSERT && all[0]->getType() != L::REPLACE)) return 0;
  size_t i = 1;
  int depth = 0;
  for (; i < n; ++i) {
    const size_t type = all[i]->getType();
    if (type == L::LPAREN) ++depth;
    if (type == L::RPAREN) --depth;
    if (depth == 0 && (type == L::VALUES || type == L::VALUE)) break;
  }
  if (i >= n) return 0;
  size_t rows = 0;
  size_t first_end = 0;
  ++i;
  for (;;) {
    if (i >= n || all[i]->getType() != L::LPAREN) return 0;
    depth = 0;
    for (; i < n; ++i) {
      if (all[i]->getType() == L::LPAREN) ++depth;
      if (all[i]->getType() == L::RPAREN && --depth == 0) break;
    }
    if (i >= n) return 0;  // unbalanced
    if (++rows == 1) first_end = all[i]->getStopIndex() + 1;
    ++i;
    if (i == n) break;
    if (all[i]->getType() != L::COMMA) return 0;  // ON DUPLICATE KEY UPDATE, AS alias, ...
    ++i;
  }
  return rows >= 2 ? first_end : 0;
}

// SQL the migration runs without writing it as a statement: text prepared
// from a string (`SET @s = '...'; PREPARE p FROM @s; EXECUTE p;`, MariaDB
// `EXECUTE IMMEDIATE`) and stored procedures it CALLs. What the statements
// read so far reveal.
struct Dynamic {
  // A string literal whose text reads as a statement that changes something.
  struct Literal {
    TextRange inner;     // between the quotes
    bool exact = false;  // no escape sequence: the file's bytes are the SQL the server gets
  };
  struct Source {
    std::vector<Literal> texts;
    std::string shown;     // `PREPARE p FROM @s` as written, for messages
    uint32_t at = 0;       // offset of the statement that set it
    bool seen = false;     // false: a variable no SET of this file assigned
    bool literal = false;  // the text holds a string literal (false: `@other`, `(SELECT ...)`)
  };
  std::map<std::string, Source> vars;      // user variable, lower-case, without `@`
  std::map<std::string, Source> prepared;  // prepared statement name, lower-case
  struct Routine {
    uint32_t at = 0;     // offset of CREATE PROCEDURE
    std::string change;  // the first statement of its body that changes something ("ALTER TABLE"), or ""
    uint32_t change_at = 0;
  };
  std::map<std::string, Routine> routines;  // procedure name, lower-case
  struct Calls {
    size_t skipped = 0;  // the finding, in ParsedFile::skipped
    std::string message;
    size_t count = 0;
  };
  std::map<std::string, Calls> calls;  // procedures reported, lower-case
};

struct Context {
  const SourceFile& source;
  const MySqlInput& input;
  ir::ParsedFile& out;
  Dynamic dynamic;
};

void parse_piece(Context& c, TextRange piece);

std::string lower_ascii(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The first word of `sql` (upper-case) when it starts a statement that
// changes a table or data, else "".
std::string change_verb(std::string_view sql) {
  size_t b = 0;
  while (b < sql.size() && std::isspace(static_cast<unsigned char>(sql[b]))) ++b;
  size_t e = b;
  while (e < sql.size() && std::isalpha(static_cast<unsigned char>(sql[e]))) ++e;
  const std::string w = upper_ascii(std::string(sql.substr(b, e - b)));
  static const std::initializer_list<const char*> kVerbs = {"ALTER",    "CREATE",   "DROP",   "RENAME",
                                                            "TRUNCATE", "UPDATE",   "DELETE", "INSERT",
                                                            "REPLACE",  "OPTIMIZE", "LOCK"};
  for (const char* v : kVerbs)
    if (w == v) return w;
  return {};
}

// The string literals among tokens [from, to) of a piece whose text reads as
// a statement that changes something (`IF(cond, 'ALTER TABLE ...', 'SELECT
// 1')` gives the ALTER).
Dynamic::Source statement_literals(const Context& c, const std::vector<antlr4::Token*>& all, size_t from,
                                   size_t to, uint32_t base) {
  Dynamic::Source out;
  out.seen = true;
  for (size_t i = from; i < to; ++i) {
    const size_t type = all[i]->getType();
    if (type != L::STRING && type != L::DQ_STRING) continue;
    out.literal = true;
    const TextRange inner{base + static_cast<uint32_t>(all[i]->getStartIndex()) + 1,
                          base + static_cast<uint32_t>(all[i]->getStopIndex())};
    const std::string_view sql = c.source.text().substr(inner.begin, inner.size());
    if (change_verb(sql).empty()) continue;
    const char quote = type == L::STRING ? '\'' : '"';
    const bool exact = sql.find('\\') == std::string_view::npos && sql.find(quote) == std::string_view::npos;
    out.texts.push_back({inner, exact});
  }
  return out;
}

// A name token as written without its backquotes, and as a lookup key.
std::string display_name(const antlr4::Token* t) {
  std::string s = t->getText();
  if (s.size() >= 2 && s.front() == '`') s = s.substr(1, s.size() - 2);
  return s;
}
std::string name_of(const antlr4::Token* t) { return lower_ascii(display_name(t)); }

// Lints each exact literal of `src` as a statement of its own, at its place in
// the file, run here. Returns the first statement-like literal it could not
// read (escapes, or a fragment such as CONCAT('ALTER TABLE ', ...)), or
// nothing when every one was linted.
std::optional<Dynamic::Literal> run_dynamic(Context& c, const Dynamic::Source& src) {
  std::optional<Dynamic::Literal> unread;
  for (const auto& lit : src.texts) {
    const size_t statements = c.out.statements.size();
    const size_t errors = c.out.errors.size();
    if (lit.exact) parse_piece(c, lit.inner);
    if (!lit.exact || c.out.errors.size() != errors || c.out.statements.size() == statements) {
      c.out.errors.resize(errors);
      c.out.statements.resize(statements);
      if (!unread) unread = lit;
    }
  }
  return unread;
}

// Records and runs the dynamic SQL and procedure calls of one statement
// (tokens `all` of the piece at `base`, extent `stmt`).
void track_dynamic(Context& c, const std::vector<antlr4::Token*>& all, uint32_t base, TextRange stmt) {
  const size_t n = all.size() - 1;  // without EOF
  auto word = [&](size_t i) { return i < n ? upper_ascii(all[i]->getText()) : std::string(); };
  auto line = [&](uint32_t off) { return std::to_string(c.source.lines().position(off).line); };
  auto text_of = [&](size_t from, size_t to) {
    return std::string(c.source.text().substr(base + all[from]->getStartIndex(),
                                              all[to - 1]->getStopIndex() + 1 - all[from]->getStartIndex()));
  };
  const std::string w0 = word(0);
  Dynamic& d = c.dynamic;
  if (w0 == "SET") {
    // SET @a = expr [, @b := expr ...]: the statement-like literals of each.
    size_t i = 1;
    while (i + 1 < n && all[i]->getType() == L::USER_VAR &&
           (all[i + 1]->getType() == L::EQ || all[i + 1]->getType() == L::ASSIGN)) {
      const std::string var = lower_ascii(all[i]->getText().substr(1));
      size_t e = i + 2;
      for (int depth = 0; e < n; ++e) {
        const size_t type = all[e]->getType();
        if (type == L::LPAREN) ++depth;
        if (type == L::RPAREN) --depth;
        if (type == L::COMMA && depth == 0) break;
      }
      d.vars[var] = statement_literals(c, all, i + 2, e, base);
      d.vars[var].at = stmt.begin;
      i = e + 1;
    }
    return;
  }
  // The SQL a PREPARE or EXECUTE IMMEDIATE takes from token `from` on: what
  // the last SET gave a user variable, or the statement-like literals there.
  auto text_source = [&](size_t from) {
    Dynamic::Source src;
    if (from < n && all[from]->getType() == L::USER_VAR) {
      if (const auto it = d.vars.find(lower_ascii(all[from]->getText().substr(1))); it != d.vars.end())
        src = it->second;
    } else {
      src = statement_literals(c, all, from, n, base);
    }
    src.shown = text_of(0, n);
    src.at = stmt.begin;
    return src;
  };
  if (w0 == "PREPARE" && n >= 4 && word(2) == "FROM") {
    d.prepared[name_of(all[1])] = text_source(3);
    return;
  }
  if (w0 == "EXECUTE" && n >= 2) {
    Dynamic::Source src;
    if (word(1) == "IMMEDIATE") {  // MariaDB: EXECUTE IMMEDIATE 'sql' | @var | expr
      src = text_source(2);
    } else {
      const auto it = d.prepared.find(name_of(all[1]));
      if (it == d.prepared.end()) {
        c.out.skipped.push_back(
            {stmt,
             "`" + text_of(0, n) +
                 "` runs a prepared statement this file does not prepare: ddlint cannot see it",
             ir::SkippedKind::DynamicSql});
        return;
      }
      src = it->second;
    }
    const std::optional<Dynamic::Literal> unread = run_dynamic(c, src);
    // Nothing to say when every statement the text can hold was linted (or
    // it holds none: `SELECT 1`).
    if (src.seen && src.literal && !unread) return;
    const std::string execute = text_of(0, n);
    const std::string what = src.shown == execute
                                 ? "`" + execute + "`"
                                 : "`" + execute + "` (`" + src.shown + "`, line " + line(src.at) + ")";
    std::string starts;
    if (unread)
      starts = " (its text starts `" +
               change_verb(c.source.text().substr(unread->inner.begin, unread->inner.size())) + " ...`)";
    c.out.skipped.push_back({stmt, what + " runs SQL built at run time that ddlint cannot read" + starts,
                             ir::SkippedKind::DynamicSql});
    return;
  }
  if (w0 == "CREATE") {
    size_t i = 1;
    while (i < n && word(i) != "PROCEDURE" && word(i) != "FUNCTION" && i < 12) ++i;
    if (word(i) != "PROCEDURE" || i + 1 >= n) return;
    ++i;
    if (word(i) == "IF" && word(i + 1) == "NOT" && word(i + 2) == "EXISTS") i += 3;
    if (i >= n) return;
    if (i + 2 < n && all[i + 1]->getType() == L::DOT) i += 2;
    Dynamic::Routine r;
    r.at = stmt.begin;
    // The first body statement that changes something: a verb right after
    // `;`, BEGIN, THEN, ELSE, DO, LOOP, REPEAT or a label's `:`.
    for (size_t k = i + 1; k < n; ++k) {
      const std::string w = word(k);
      const std::string prev = word(k - 1);
      const bool starts = all[k - 1]->getType() == L::SEMI || prev == "BEGIN" || prev == "THEN" ||
                          prev == "ELSE" || prev == "DO" || prev == "LOOP" || prev == "REPEAT" ||
                          all[k - 1]->getText() == ":";
      if (!starts) continue;
      if (w == "PREPARE" || (w == "EXECUTE" && word(k + 1) == "IMMEDIATE")) {
        r.change = "dynamic SQL (" + w + ")";
      } else if (w == "ALTER" || w == "CREATE" || w == "DROP" || w == "RENAME" || w == "TRUNCATE") {
        r.change = w + (k + 1 < n ? " " + word(k + 1) : std::string());
      } else {
        continue;
      }
      r.change_at = base + static_cast<uint32_t>(all[k]->getStartIndex());
      break;
    }
    d.routines[name_of(all[i])] = std::move(r);
    return;
  }
  if (w0 == "CALL" && n >= 2) {
    size_t i = 1;
    if (i + 2 < n && all[i + 1]->getType() == L::DOT) i += 2;
    const std::string name = name_of(all[i]);
    // One finding per procedure, at its first call, counting the calls.
    if (const auto seen = d.calls.find(name); seen != d.calls.end()) {
      Dynamic::Calls& k = seen->second;
      c.out.skipped[k.skipped].description =
          k.message + " (" + std::to_string(++k.count) + " calls in this file)";
      return;
    }
    const auto it = d.routines.find(name);
    const std::string shown = "`CALL " + text_of(1, i + 1) + "`";
    std::string message;
    if (it == d.routines.end())
      message = shown + " runs a stored procedure this file does not create: ddlint cannot see what it does";
    else if (!it->second.change.empty())
      message = shown + " runs procedure `" + display_name(all[i]) + "` (created at line " +
                line(it->second.at) + "), whose body runs " + it->second.change + " (line " +
                line(it->second.change_at) + "): ddlint does not analyse procedure bodies";
    if (message.empty()) return;
    d.calls[name] = {c.out.skipped.size(), message, 1};
    c.out.skipped.push_back({stmt, std::move(message), ir::SkippedKind::Routine});
  }
}

// MariaDB `SET STATEMENT var = value [, ...] FOR statement`: the statement is
// parsed and linted as if written alone (its own positions), with the
// settings in effect for it only; the whole text is the statement's range.
// False when the words do not read so (the statement stays opaque).
bool set_statement_for(Context& c, const std::vector<antlr4::Token*>& all, const Classifier& words,
                       TextRange piece, TextRange stmt) {
  const size_t n = all.size() - 1;  // without EOF
  if (words.word(0) != "SET" || words.word(1) != "STATEMENT") return false;
  std::vector<ir::SetSetting> settings;
  size_t i = 2;
  for (;;) {
    if (i + 2 >= n || (words.word(i).empty() && all[i]->getType() != L::BQ_ID)) return false;
    ir::SetSetting set;
    std::string name = all[i]->getText();
    if (name.front() == '`') name = name.substr(1, name.size() - 2);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    set.name = std::move(name);
    if (all[i + 1]->getType() != L::EQ && all[i + 1]->getType() != L::ASSIGN) return false;
    i += 2;
    const size_t value = i;
    int depth = 0;
    for (; i < n; ++i) {
      const size_t type = all[i]->getType();
      if (type == L::LPAREN) ++depth;
      if (type == L::RPAREN) --depth;
      if (depth == 0 && (type == L::COMMA || words.word(i) == "FOR")) break;
    }
    if (i >= n || i == value) return false;
    const std::string text = all[value]->getText();
    if (i == value + 1 && all[value]->getType() == L::DEFAULT) {
      set.reset = true;
    } else if (i == value + 1 &&
               (all[value]->getType() == L::STRING || all[value]->getType() == L::DQ_STRING)) {
      set.value = text.substr(1, text.size() - 2);
    } else {
      set.value =
          std::string(c.input.text.substr(piece.begin + all[value]->getStartIndex(),
                                          all[i - 1]->getStopIndex() + 1 - all[value]->getStartIndex()));
    }
    settings.push_back(std::move(set));
    if (all[i]->getType() == L::COMMA) {
      ++i;
      continue;
    }
    break;  // FOR
  }
  if (i + 1 >= n) return false;
  const size_t before = c.out.statements.size();
  parse_piece(c, {piece.begin + static_cast<uint32_t>(all[i + 1]->getStartIndex()), piece.end});
  for (size_t k = before; k < c.out.statements.size(); ++k) {
    auto& st = c.out.statements[k];
    st.range = stmt;
    st.own_settings.insert(st.own_settings.begin(), settings.begin(), settings.end());
  }
  return true;
}

// Offsets of a piece's tokens are relative to the piece; these shift them.
void parse_piece(Context& c, TextRange piece) {
  const std::string_view text = std::string_view(c.input.text).substr(piece.begin, piece.size());
  FastLexer lexer(text);
  FastTokenStream tokens(&lexer, text.size());
  tokens.fill();
  const std::vector<antlr4::Token*>& all = tokens.getTokens();
  if (all.size() <= 1) return;  // only the end of input
  const uint32_t base = piece.begin;
  auto token_range = [&](antlr4::Token* t) {
    return TextRange{base + static_cast<uint32_t>(t->getStartIndex()),
                     base + static_cast<uint32_t>(t->getStopIndex()) + 1};
  };
  const TextRange stmt{token_range(all.front()).begin, token_range(all[all.size() - 2]).end};
  auto near = [&](antlr4::Token* t) {
    const TextRange r = token_range(t);
    std::string shown(c.source.text().substr(r.begin, r.size()));
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    return ir::ParseError{r, stmt, "syntax error at or near \"" + shown + "\""};
  };

  // The grammar recurses once per parenthesis: a statement nested beyond the
  // limit is reported, not parsed.
  {
    uint32_t depth = 0;
    for (antlr4::Token* t : all) {
      if (t->getType() == L::LPAREN && ++depth > kMaxNesting) {
        c.out.errors.push_back({token_range(t), stmt, too_deep_message()});
        return;
      }
      if (t->getType() == L::RPAREN && depth > 0) --depth;
    }
  }
  Classifier classifier(all);
  if (set_statement_for(c, all, classifier, piece, stmt)) return;
  track_dynamic(c, all, base, stmt);
  Plan plan = classifier.plan();
  if (plan.unknown) {
    c.out.errors.push_back(near(all.front()));
    return;
  }
  if (plan.lock) {
    for (auto& t : plan.lock->tables) {
      t.range.begin += base;
      t.range.end += base;
    }
    c.out.statements.push_back({stmt, std::move(*plan.lock), std::move(plan.own_settings)});
    return;
  }
  if (!plan.parse) {
    if (!plan.opaque.on_table.empty()) {
      plan.opaque.on_table.range.begin += base;
      plan.opaque.on_table.range.end += base;
    }
    // The classifier's ranges are relative to the piece.
    for (ir::QualifiedName* name : {&plan.opaque.creates, &plan.opaque.routine})
      if (!name->empty()) {
        name->range.begin += base;
        name->range.end += base;
      }
    c.out.statements.push_back({stmt, std::move(plan.opaque)});
    return;
  }
  // INSERT/REPLACE ... VALUES (row), (row), ...: a seed file may hold
  // thousands of rows that say nothing to the rules. When every row is a
  // parenthesised group, only the statement up to the first row is parsed.
  std::optional<FastLexer> head_lexer;
  std::optional<FastTokenStream> head_tokens;
  antlr4::CommonTokenStream* stream = &tokens;
  if (const size_t end = first_row_end(all); end != 0) {
    head_lexer.emplace(text.substr(0, end));
    head_tokens.emplace(&*head_lexer, end);
    head_tokens->fill();
    stream = &*head_tokens;
  }
  // Two-stage parse: SLL prediction with bail-out first (fast, right for
  // every valid statement of this grammar in practice), full LL with error
  // reporting only when that fails.
  P parser(stream);
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<Bail>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  P::StatementContext* tree = nullptr;
  try {
    tree = parser.statement();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  // The full-LL stage stops at the first error (error_strategies.h).
  std::shared_ptr<StopAtFirstError> errors;
  if (tree == nullptr) {
    errors = std::make_shared<StopAtFirstError>();
    stream->seek(0);
    parser.reset();
    parser.setErrorHandler(errors);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.statement();
    } catch (const antlr4::ParseCancellationException&) {
      tree = nullptr;
    }
  }
  if (errors && errors->seen) {
    antlr4::Token* t = errors->offending;
    if (t == nullptr || t->getType() == antlr4::Token::EOF) {
      ir::ParseError e = near(all[all.size() - 2]);
      e.message = "syntax error at end of input";
      c.out.errors.push_back(std::move(e));
    } else {
      c.out.errors.push_back(near(t));
    }
    return;
  }
  Lowered lowered = lower(tree, c.source.text(), base, all);
  if (lowered.rejection) {
    antlr4::Token* t = all[lowered.rejection->token];
    const bool at_end = t->getType() == antlr4::Token::EOF;
    ir::ParseError e = near(at_end ? all[all.size() - 2] : t);
    if (at_end) e.message = "syntax error at end of input";
    e.message += ": " + lowered.rejection->reason;
    c.out.errors.push_back(std::move(e));
    return;
  }
  for (auto& node : lowered.nodes) c.out.statements.push_back({stmt, std::move(node), lowered.own_settings});
}

}  // namespace

ir::ParsedFile parse(const SourceFile& source, uint32_t version_id, bool mariadb, size_t max_errors) {
  ir::ParsedFile out;
  const MySqlInput input = prepare_mysql_input(source.parse_text(), version_id, mariadb);
  out.skipped = input.skipped;
  out.comments = input.comments;
  out.errors = input.errors;
  out.statements.reserve(input.statements.size());  // about one per piece
  Context c{source, input, out, {}};
  for (const auto& piece : input.statements) {
    if (max_errors > 0 && out.errors.size() >= max_errors) {
      out.partial = true;
      break;
    }
    parse_piece(c, piece);
  }
  std::stable_sort(
      out.errors.begin(), out.errors.end(),
      [](const ir::ParseError& a, const ir::ParseError& b) { return a.range.begin < b.range.begin; });
  return out;
}

}  // namespace ddlint::parser::mysql
