#pragma once
// Internal to the PostgreSQL front-end: helpers shared by the lowering files
// (pg_lower*.cpp, one per statement family). Accessors over libpg_query's JSON
// tolerate absent fields: libpg_query omits defaults (false, 0, empty).
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"
#include "parser/postgres/pg_lower.h"

namespace ddlint::parser::pg {

using array = json::Array;
using object = json::Object;

// A view compared with a string literal (a node kind, a key, an enum's
// name): the sizes, then the literal's bytes by a memcmp of a constant size
// the compiler inlines. (std::string_view's == goes through compare(), a
// three-way memcmp call, for every test of the lowering's long chains of
// node kinds and keys.) Found before std's by every == and != of the
// lowering between a std::string_view and a literal.
template <size_t N>
inline bool operator==(std::string_view s, const char (&literal)[N]) {
  if constexpr (N == 1) {
    return s.empty();  // (an empty view's data may be null)
  } else {
    return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
  }
}

// Byte classes of the lowering's scans: ASCII case folding (ddlint runs in
// the "C" locale, where std::tolower folds A-Z only) and the identifier
// bytes of PostgreSQL's scanner, as tables instead of libc calls per byte.
struct ByteTable {
  static constexpr uint8_t kIdentStart = 1;  // A-Z a-z _ and bytes >= 0x80
  static constexpr uint8_t kIdentChar = 2;   // those, 0-9 and $
  std::array<char, 256> lower{};
  std::array<uint8_t, 256> ident{};
};
inline constexpr ByteTable kBytes = [] {
  ByteTable t;
  for (size_t c = 0; c < 256; ++c) {
    const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    t.lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (alpha || c == '_' || c >= 0x80) t.ident[c] = ByteTable::kIdentStart | ByteTable::kIdentChar;
    if (c >= '0' && c <= '9') t.ident[c] = ByteTable::kIdentChar;
    if (c == '$') t.ident[c] = ByteTable::kIdentChar;
  }
  return t;
}();
inline char ascii_lower_char(char c) { return kBytes.lower[static_cast<unsigned char>(c)]; }

std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);

// Accessors tolerant of absent fields: libpg_query omits defaults (false, 0,
// empty) from its JSON. Inline: called for many fields of small objects.
inline std::string_view str(element e, std::string_view key) {
  std::string_view v;
  if (!e[key].get(v)) return {};
  return v;
}
inline bool flag(element e, std::string_view key) {
  bool v = false;
  if (!e[key].get(v)) return false;
  return v;
}
inline int64_t num(element e, std::string_view key, int64_t def = 0) {
  int64_t v = 0;
  if (!e[key].get(v)) return def;
  return v;
}
inline bool child(element e, std::string_view key, element& out) { return e[key].get(out) && !out.is_null(); }
inline array items(element e, std::string_view key) {
  array a;
  if (!e[key].get(a)) return {};
  return a;
}
inline bool has(element e, std::string_view key) {
  element x;
  return child(e, key, x);
}
// One pass over an object's fields for a reader of several keys (each
// Element::operator[] scans the fields from the start): `first(key, bit)`
// is true for the first field named `key` only, as a lookup finds the first
// of a repeated key.
class FieldPass {
 public:
  explicit FieldPass(element e) { e.get(o_); }
  object::iterator begin() const { return o_.begin(); }
  object::iterator end() const { return o_.end(); }
  template <size_t N>
  bool first(const object::Field& f, const char (&key)[N], uint32_t bit) {
    // (The bit first: tested after the key, both tests were folded into one
    // of the memcmp's result, which then was called.)
    if ((seen_ & bit) != 0) return false;
    if (!(f.key == key)) return false;
    seen_ |= bit;
    return true;
  }

 private:
  object o_;
  uint32_t seen_ = 0;
};
// The value of a field as the accessors above read it.
inline std::string_view str_of(element v) {
  std::string_view s;
  return v.get(s) ? s : std::string_view{};
}
inline bool flag_of(element v) {
  bool b = false;
  return v.get(b) && b;
}
inline int64_t num_of(element v, int64_t def) {
  int64_t n = 0;
  return v.get(n) ? n : def;
}
inline array items_of(element v) {
  array a;
  return v.get(a) ? a : array{};
}

// {"Kind": {...}} -> Kind and the inner object.
inline std::string_view node_kind(element wrapped, element& inner) {
  object o;
  if (!wrapped.get(o)) return {};
  for (auto field : o) {
    inner = field.value;
    return field.key;
  }
  return {};
}
// A list of {"String": {"sval": ...}} nodes.
std::vector<std::string> strings(array a);

void collect_calls(element e, ir::Expr& out);
bool is_constant(element wrapped, bool& is_null);
// A statement ddlint parses but does not model, named by its front-end node.
inline ir::Opaque opaque(std::string node) {
  ir::Opaque o;
  o.node = std::move(node);
  return o;
}
// True when a SELECT (or a set operation over SELECTs) has LIMIT n or
// FETCH FIRST n ROWS (not LIMIT ALL).
bool select_limited(element wrapped);
// True when an expression can be computed without reading the target row:
// no column references; scalar subqueries only when `allow_scalar_subquery`.
bool row_independent(element e, bool allow_scalar_subquery);

// The tables a PL/pgSQL block (a DO body) updates or deletes from inside a
// LOOP, by a token scan of the body; `base`: the body's byte offset in the
// file (names get ranges there), UINT32_MAX when it is not known.
std::vector<ir::QualifiedName> loop_writes(std::string_view body, uint32_t base);

ir::ObjectKind object_kind(std::string_view t);
ir::AlterKind alter_kind(std::string_view s);
ir::ConstraintKind constraint_kind(std::string_view s);
// Keywords that begin a new column constraint or clause: an element that is
// not parenthesised ends before them.
bool is_clause_keyword(std::string_view w);

}  // namespace ddlint::parser::pg
