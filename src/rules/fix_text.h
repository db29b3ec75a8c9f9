#pragma once
// Writing SQL into fixes that add whole statements (the multi-step rewrites
// of add-foreign-key-validated, add-check-validated, set-not-null,
// add-unique-constraint, add-primary-key and missing-lock-timeout): where the
// new statements go, how they are laid out next to the user's own, and how
// PostgreSQL names and quotes what they create.
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/migration_facts.h"
#include "core/diagnostic.h"
#include "core/sql_text.h"
#include "engine/rule_context.h"
#include "rules/statement_snippet.h"

namespace ddlint::rules {

// The line break the file uses: CRLF when its first line ends with one.
inline std::string_view line_break(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The blanks that start the line of `at` when nothing else precedes `at` on
// it; nullopt when the line has other text before `at`.
inline std::optional<std::string> line_indent(std::string_view text, uint32_t at) {
  size_t start = at;
  while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r') --start;
  for (size_t i = start; i < at; ++i)
    if (!is_blank(text[i])) return std::nullopt;
  return std::string(text.substr(start, at - start));
}

// Inserts `lines` (whole statements or `--` comments) before the statement
// that starts at `begin`: each on its own line with the statement's
// indentation, or on the statement's line when it shares it with other text.
inline Edit insert_before_statement(std::string_view text, uint32_t begin,
                                    const std::vector<std::string>& lines) {
  const auto indent = line_indent(text, begin);
  std::string out;
  for (const auto& l : lines) {
    // A comment needs its own line, whatever follows.
    const bool comment = l.starts_with("--");
    out += l;
    out += indent || comment ? std::string(line_break(text)) + indent.value_or("") : " ";
  }
  return {{begin, begin}, std::move(out)};
}

// insert_before_statement() for one statement (not a `--` comment), taken
// over rather than copied: `statement` and what follows it (a line break
// and the indentation, or a space) become the insertion.
inline Edit insert_statement_before(std::string_view text, uint32_t begin, std::string statement) {
  if (const auto indent = line_indent(text, begin)) {
    statement += line_break(text);
    statement += *indent;
  } else {
    statement += ' ';
  }
  return {{begin, begin}, std::move(statement)};
}

// Inserts `lines` after the statement `statement` (its range ends before its
// ';'): at the end of its line when only blanks or a `--` comment follow the
// ';' there (the comment stays with the statement it was written for), else
// right after the ';'. A statement without a ';' gets one (before such a
// comment).
inline std::vector<Edit> insert_after_statement(std::string_view text, TextRange statement,
                                                const std::vector<std::string>& lines) {
  std::vector<Edit> edits;
  uint32_t p = statement.end;
  while (p < text.size() && is_blank(text[p])) ++p;
  uint32_t at = p;
  if (p < text.size() && text[p] == ';') {
    at = p + 1;
  } else {
    edits.push_back({{statement.end, statement.end}, ";"});
    at = statement.end;
  }
  // The rest of the line: blanks and a comment stay before the new lines.
  uint32_t q = at;
  while (q < text.size() && is_blank(text[q])) ++q;
  if (q + 1 < text.size() && text[q] == '-' && text[q + 1] == '-')
    while (q < text.size() && text[q] != '\n' && text[q] != '\r') ++q;
  bool own_line = q >= text.size() || text[q] == '\n' || text[q] == '\r';
  if (own_line) at = q;
  // Text after the ';' on its line: it follows the new statements, on a line
  // of its own after a comment.
  const bool text_follows = !own_line;
  const auto indent = line_indent(text, statement.begin).value_or("");
  std::string out;
  for (const auto& l : lines) {
    const bool comment = l.starts_with("--");
    out += own_line || comment ? std::string(line_break(text)) + indent : " ";
    out += l;
    own_line = own_line || comment;
  }
  if (text_follows && own_line)
    out += std::string(line_break(text)) + indent;
  else if (text_follows && !is_blank(text[at]))
    out += " ";
  edits.push_back({{at, at}, std::move(out)});
  return edits;
}

// Edits of one fix, with insertions at the same point joined in the order
// given (apply_fixes orders edits by position only).
inline std::vector<Edit> joined_edits(std::vector<Edit> edits) {
  std::vector<Edit> out;
  for (auto& e : edits) {
    bool merged = false;
    for (auto& o : out)
      if (o.range.empty() && e.range.empty() && o.range.begin == e.range.begin) {
        o.replacement += e.replacement;
        merged = true;
      }
    if (!merged) out.push_back(std::move(e));
  }
  return out;
}

// Blanks and line breaks folded to single spaces, ends trimmed; nullopt when
// the text holds a comment (folding would change what it comments out).
inline std::optional<std::string> folded(std::string_view text) {
  if (text.find("--") != std::string_view::npos || text.find("/*") != std::string_view::npos)
    return std::nullopt;
  return fold_blanks(text);
}

// "ALTER TABLE [IF EXISTS] [ONLY] name" as the statement writes it before its
// first action, for further statements on the same table.
inline std::optional<std::string> alter_table_prefix(const engine::RuleContext& ctx, TextRange statement,
                                                     TextRange action) {
  if (action.begin < statement.begin) return std::nullopt;
  return folded(ctx.text({statement.begin, action.begin}));
}

// PostgreSQL's spelling of an identifier: bare when it reads back the same
// (lower-case letters, digits, `_`, `$`, not starting with a digit or `$`),
// double-quoted otherwise. Only for names ddlint composes itself (`orders_
// user_id_fkey`), which can never be a reserved word; a name the user wrote
// is copied as written.
inline std::string pg_ident(std::string_view name) {
  bool bare = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name[0] != '$';
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) bare = false;
  if (bare) return std::string(name);
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// PostgreSQL's makeObjectName: `name1_name2_label`, the longer of the two
// names cut (at a UTF-8 character boundary) until the whole fits in 63
// bytes (NAMEDATALEN - 1), as the server names an unnamed constraint.
inline std::string pg_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
  constexpr size_t kMax = 63;
  const size_t overhead = label.size() + 1 + (name2.empty() ? 0 : 1);
  size_t n1 = name1.size();
  size_t n2 = name2.size();
  const size_t avail = kMax > overhead ? kMax - overhead : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2)
      --n1;
    else
      --n2;
  }
  auto clip = [](std::string_view s, size_t n) {
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n));
  };
  std::string out = clip(name1, n1);
  if (!name2.empty()) out += "_" + clip(name2, n2);
  return out + "_" + std::string(label);
}

// PostgreSQL's ChooseForeignKeyConstraintNameAddition /
// ChooseIndexNameAddition: the column names joined by `_`, stopping once 64
// bytes are reached.
inline std::string pg_name_addition(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += '_';
    out += c.substr(0, 63);
    if (out.size() >= 64) break;
  }
  return out;
}

// The constraint name as written after `ADD CONSTRAINT` at the start of
// `action` (quotes kept); nullopt when the action does not start so.
inline std::optional<std::string> written_constraint_name(std::string_view action) {
  auto skip = [&](size_t i) {
    while (i < action.size() && (is_blank(action[i]) || action[i] == '\n' || action[i] == '\r')) ++i;
    return i;
  };
  auto word = [&](size_t i, std::string_view w) {
    if (action.size() - i < w.size()) return false;
    for (size_t k = 0; k < w.size(); ++k)
      if ((action[i + k] | 0x20) != w[k]) return false;
    const size_t e = i + w.size();
    return e == action.size() || is_blank(action[e]) || action[e] == '\n' || action[e] == '\r';
  };
  size_t i = skip(0);
  if (!word(i, "add")) return std::nullopt;
  i = skip(i + 3);
  if (!word(i, "constraint")) return std::nullopt;
  i = skip(i + 10);
  if (i >= action.size()) return std::nullopt;
  size_t e = i;
  if (action[i] == '"') {
    e = quoted_end(action, i, false);
    if (e == std::string_view::npos) return std::nullopt;
  } else {
    while (e < action.size() && !is_blank(action[e]) && action[e] != '\n' && action[e] != '\r' &&
           action[e] != '(')
      ++e;
  }
  if (e == i) return std::nullopt;
  return std::string(action.substr(i, e - i));
}

// Where the outermost other statement whose text holds the visited
// statement's starts (MySQL dynamic SQL: a statement read from the string
// literal of a `SET @v = '...'` that a later EXECUTE runs), if any.
// Statements written next to such a statement would land inside the
// literal. The parser works it out (ir::Statement::held_by); in a file whose
// statements overlap without one holding the other (never seen), the
// statements' ranges are read here.
inline std::optional<uint32_t> held_by(const engine::RuleContext& ctx) {
  if (!ctx.file().irregular_nesting) {
    const uint32_t at = ctx.statement().held_by;
    return at == ir::Statement::kNotHeld ? std::nullopt : std::optional<uint32_t>(at);
  }
  if (!ctx.statements_nested()) return std::nullopt;
  const auto& all = ctx.file().statements;
  const size_t i = ctx.statement_index();
  const TextRange r = all[i].range;
  size_t out = SIZE_MAX;
  for (size_t k = 0; k < all.size(); ++k) {
    const TextRange o = all[k].range;
    if (k == i || o.begin > r.begin || o.end < r.end || (o.begin == r.begin && o.end == r.end)) continue;
    if (out == SIZE_MAX || (o.begin <= all[out].range.begin && o.end >= all[out].range.end)) out = k;
  }
  return out == SIZE_MAX ? std::nullopt : std::optional<uint32_t>(all[out].range.begin);
}

// Whether statements a fix writes next to the current statement run inside
// a transaction: one the file opens, the runner's, or the implicit one of a
// migration sent as one query string (which it becomes once it holds more
// than one statement).
inline bool fix_runs_in_transaction(const engine::RuleContext& ctx) {
  const auto& f = ctx.here();
  if (f.in_transaction) return true;
  const auto& sections = ctx.facts().plan().sections;
  return f.section < sections.size() && sections[f.section].tx == analysis::TxMode::SingleQuery;
}

// The fix of a validated FOREIGN KEY or CHECK added by ALTER TABLE: the
// constraint is added NOT VALID and validated by name in the next
// statement. `composed_name` names an unnamed constraint (PostgreSQL's own
// choice, written out so that VALIDATE can refer to it); empty when the name
// PostgreSQL would choose is not known, and then there is no fix. Only for a
// statement with this one action; inside a transaction the VALIDATE gets a
// comment saying it must run in its own.
inline std::optional<Fix> validate_separately_fix(const engine::RuleContext& ctx, const ir::AlterTable& s,
                                                  const ir::AlterAction& a,
                                                  const std::string& composed_name) {
  if (s.actions.size() != 1 || !a.constraint || held_by(ctx)) return std::nullopt;
  const TextRange statement = ctx.statement().range;
  const auto prefix = alter_table_prefix(ctx, statement, a.range);
  if (!prefix) return std::nullopt;
  std::vector<Edit> edits;
  std::string name;
  if (!a.constraint->name.empty()) {
    const auto written = written_constraint_name(ctx.text(a.range));
    if (!written) return std::nullopt;
    name = *written;
  } else {
    if (composed_name.empty()) return std::nullopt;
    name = pg_ident(composed_name);
    edits.push_back({{a.constraint->range.begin, a.constraint->range.begin}, "CONSTRAINT " + name + " "});
  }
  edits.push_back({{a.range.end, a.range.end}, " NOT VALID"});
  std::vector<std::string> lines;
  if (fix_runs_in_transaction(ctx))
    lines.push_back(
        "-- Run VALIDATE CONSTRAINT in its own transaction (after this one commits, or in a later "
        "migration): "
        "in this one it checks every row under the lock ADD CONSTRAINT holds until commit.");
  lines.push_back(*prefix + " VALIDATE CONSTRAINT " + name + ";");
  for (auto& e : insert_after_statement(ctx.source().text(), statement, lines)) edits.push_back(std::move(e));
  return Fix{"Add the constraint NOT VALID and validate it in a separate statement", Applicability::Unsafe,
             joined_edits(std::move(edits))};
}

// The text of an ADD [CONSTRAINT name] action after the name: "UNIQUE (a, b)".
inline std::string_view constraint_body(std::string_view action) {
  auto skip = [&](size_t i) {
    while (i < action.size() && (is_blank(action[i]) || action[i] == '\n' || action[i] == '\r')) ++i;
    return i;
  };
  size_t i = skip(0);
  if (action.size() - i >= 3) i = skip(i + 3);  // ADD
  const auto name = written_constraint_name(action);
  if (!name) return action.substr(i);
  const size_t at = action.find(*name, i + 10);
  return at == std::string_view::npos ? std::string_view() : action.substr(skip(at + name->size()));
}

// The columns of a plain `UNIQUE (a, b)` / `PRIMARY KEY (a, b)` body, as
// written (blanks folded); nullopt when the body says anything more (NULLS
// NOT DISTINCT, INCLUDE, WITH, USING INDEX TABLESPACE, DEFERRABLE, ...) that
// CREATE UNIQUE INDEX ... plus ADD ... USING INDEX would have to restate.
inline std::optional<std::string> plain_key_columns(std::string_view body, std::string_view keyword) {
  const auto f = folded(body);
  if (!f || f->size() <= keyword.size()) return std::nullopt;
  for (size_t k = 0; k < keyword.size(); ++k)
    if (std::toupper(static_cast<unsigned char>((*f)[k])) != keyword[k]) return std::nullopt;
  std::string_view rest(*f);
  rest.remove_prefix(keyword.size());
  if (rest.starts_with(' ')) rest.remove_prefix(1);
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
  rest = rest.substr(1, rest.size() - 2);
  if (rest.find_first_of("()") != std::string_view::npos ||
      rest.find_first_not_of(' ') == std::string_view::npos)
    return std::nullopt;
  rest.remove_prefix(rest.find_first_not_of(' '));
  rest.remove_suffix(rest.size() - 1 - rest.find_last_not_of(' '));
  return std::string(rest);
}

// The fix of ADD UNIQUE / ADD PRIMARY KEY (PostgreSQL): build the index with
// CREATE UNIQUE INDEX CONCURRENTLY in a statement before the ALTER, then
// adopt it with ADD CONSTRAINT ... USING INDEX. `keyword` is "UNIQUE" or
// "PRIMARY KEY"; `composed_name` names an unnamed constraint as PostgreSQL
// would. None inside a transaction (CONCURRENTLY fails there), for ONLY or IF
// EXISTS, for any other clause in the constraint, or when the ALTER has
// other actions. `before` lines (comments) go above the CREATE INDEX.
inline std::optional<Fix> index_then_constraint_fix(const engine::RuleContext& ctx, const ir::AlterTable& s,
                                                    const ir::AlterAction& a, std::string_view keyword,
                                                    const std::string& composed_name,
                                                    std::vector<std::string> before = {}) {
  if (s.actions.size() != 1 || !a.constraint || s.only || s.if_exists || fix_runs_in_transaction(ctx) ||
      held_by(ctx))
    return std::nullopt;
  const auto columns = plain_key_columns(constraint_body(ctx.text(a.range)), keyword);
  const auto table = folded(ctx.text(s.table.range));
  if (!columns || !table || table->empty()) return std::nullopt;
  std::string name;
  if (!a.constraint->name.empty()) {
    const auto written = written_constraint_name(ctx.text(a.range));
    if (!written) return std::nullopt;
    name = *written;
  } else {
    name = pg_ident(composed_name);
  }
  before.push_back("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + *table + " (" + *columns + ");");
  const TextRange statement = ctx.statement().range;
  std::vector<Edit> edits{insert_before_statement(ctx.source().text(), statement.begin, before)};
  edits.push_back({a.range, "ADD CONSTRAINT " + name + " " + std::string(keyword) + " USING INDEX " + name});
  return Fix{"Build the index concurrently first, then add the constraint USING INDEX", Applicability::Unsafe,
             joined_edits(std::move(edits))};
}

}  // namespace ddlint::rules
