#pragma once
// Shared by the convention rules (prefer-*, char-field, json-column): every
// place a migration chooses a column's type, so each rule only says which
// types it flags.
#include <cctype>
#include <string>
#include <string_view>

#include "engine/rule_context.h"
#include "ir/ir.h"

namespace ddlint::rules {

// One column type written in a statement.
struct ColumnType {
  const ir::QualifiedName& table;
  const std::string& column;
  const ir::TypeName& type;
  const ir::ColumnDef* def;  // CREATE TABLE / ADD COLUMN; null for ALTER COLUMN ... TYPE
};

// Style advice is about the schema a migration moves to. A down migration
// restores the type the up migration replaced, so it is only checked when the
// down policy asks for every rule.
inline bool convention_applies(const engine::RuleContext& ctx) {
  return !ctx.here().down || ctx.settings().down == analysis::DownPolicy::Strict;
}

// Whether the type is PostgreSQL's own: unqualified (or quoted) names resolve
// to pg_catalog first, but `myschema.json` is a user-defined type (a dot
// before any `(` or `[`). Read in one pass over the bytes: every convention
// rule asks it of every column (find_first_of looks each byte up in its set
// with a library call).
inline bool builtin_spelling(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && text[i] != '.' && text[i] != '(' && text[i] != '[') ++i;
  if (i == text.size() || text[i] != '.') return true;
  static constexpr std::string_view kCatalog = "pg_catalog.";
  if (text.size() < kCatalog.size()) return false;
  for (size_t i = 0; i < kCatalog.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != kCatalog[i]) return false;
  return true;
}

// Calls f(ColumnType) for each column of a permanent table (temporary tables
// are scratch space; foreign tables must mirror the remote side) whose type
// passes `keep`, the rule's own test of a type (f sees no other): asked
// before the type's text is read for its spelling, which most columns, of
// types a rule does not flag, then need not be (each convention rule
// visits every column).
template <class Keep, class F>
void each_column_type(const ir::CreateTable& s, const engine::RuleContext& ctx, Keep&& keep, F&& f) {
  if (s.temporary || s.object != ir::ObjectKind::Table || !convention_applies(ctx)) return;
  for (const auto& c : s.columns) {
    if (c.type.name.empty() || c.type.range.empty() || !keep(c.type) ||
        !builtin_spelling(ctx.text(c.type.range)))
      continue;
    f(ColumnType{s.table, c.name, c.type, &c});
  }
}

// ALTER TABLE ... ADD COLUMN, ALTER COLUMN ... TYPE and MySQL's MODIFY /
// CHANGE, which state a whole column definition.
template <class Keep, class F>
void each_column_type(const ir::AlterTable& s, const engine::RuleContext& ctx, Keep&& keep, F&& f) {
  if (s.object != ir::ObjectKind::Table || !convention_applies(ctx)) return;
  for (const auto& a : s.actions) {
    const ir::TypeName* t = nullptr;
    const ir::ColumnDef* def = nullptr;
    if ((a.kind == ir::AlterKind::AddColumn || a.kind == ir::AlterKind::ModifyColumn ||
         a.kind == ir::AlterKind::ChangeColumn) &&
        a.column_def) {
      def = &*a.column_def;
      t = &def->type;
    } else if (a.kind == ir::AlterKind::AlterColumnType && a.new_type) {
      t = &*a.new_type;
    }
    if (t == nullptr || t->name.empty() || t->range.empty() || !keep(*t) ||
        !builtin_spelling(ctx.text(t->range)))
      continue;
    f(ColumnType{s.table, def ? def->name : a.column, *t, def});
  }
}

// The type's text, lower-cased, with comments blanked out (same length, so
// offsets still point into the source): a type can span lines with a comment
// between `timestamp(6)` and `without time zone`.
// (Byte tests, not substring compares and the C library's tolower, which
// in the C locale ddlint runs in lowers A-Z alone: a finding reads the
// text of its type two or three times.)
inline std::string type_text(const engine::RuleContext& ctx, TextRange range) {
  std::string out(ctx.text(range));
  const size_t size = out.size();
  for (size_t i = 0; i < size; ++i) {
    const char c = out[i];
    if (c == '-' && i + 1 < size && out[i + 1] == '-') {
      while (i < size && out[i] != '\n') out[i++] = ' ';
    } else if (c == '/' && i + 1 < size && out[i + 1] == '*') {
      const auto close = out.find("*/", i + 2);
      const size_t end = close == std::string::npos ? size : close + 2;
      for (; i < end; ++i) out[i] = ' ';
      --i;
    } else if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

inline std::string type_text(const engine::RuleContext& ctx, const ir::TypeName& t) {
  return type_text(ctx, t.range);
}

// The type as written, for messages: `varchar(20)` (comments dropped, runs of
// white space as one space), appended to `out`. `text`: the type's text;
// `blanked`: type_text() of it, when the caller has it for its own use too.
inline void append_written_type(std::string& out, std::string_view text, std::string_view blanked) {
  out.reserve(out.size() + text.size() + 2);
  out += '`';
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char b = blanked[i];  // white space as std::isspace has it in the C locale
    if (b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[i];
  }
  out += '`';
}

// The type written at `range`.
inline std::string written_type(const engine::RuleContext& ctx, TextRange range) {
  std::string out;
  append_written_type(out, ctx.text(range), type_text(ctx, range));
  return out;
}
inline std::string written_type(const engine::RuleContext& ctx, const ir::TypeName& t) {
  return written_type(ctx, t.range);
}

// "column `c` of `t` is `varchar(20)`", the start of the convention rules'
// messages, in one string with room for `rest` more bytes.
inline std::string column_is(const ColumnType& c, std::string_view text, std::string_view blanked,
                             size_t rest) {
  std::string out;
  out.reserve(22 + c.column.size() + c.table.schema.size() + c.table.name.size() + text.size() + rest);
  out += "column `";
  out += c.column;
  out += "` of `";
  if (!c.table.schema.empty()) {
    out += c.table.schema;
    out += '.';
  }
  out += c.table.name;
  out += "` is ";
  append_written_type(out, text, blanked);
  return out;
}

// The whole message: column_is() of the column's type, then `why`.
inline std::string column_message(const engine::RuleContext& ctx, const ColumnType& c, std::string_view why) {
  std::string out = column_is(c, ctx.text(c.type.range), type_text(ctx, c.type), why.size());
  out += why;
  return out;
}

}  // namespace ddlint::rules
