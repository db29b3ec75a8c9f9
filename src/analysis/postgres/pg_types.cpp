#include "analysis/postgres/pg_types.h"

#include <cctype>
#include <charconv>

namespace ddlint::analysis {

namespace {

std::optional<long> number(const std::string& s) {
  long v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool same(const ir::TypeName& a, const ir::TypeName& b) {
  return a.name == b.name && a.modifiers == b.modifiers && a.array == b.array;
}

// numeric(p) is numeric(p,0); unconstrained numeric has no typmod.
bool numeric_widening(const ir::TypeName& from, const ir::TypeName& to) {
  if (to.modifiers.empty()) return true;  // to unconstrained numeric
  if (from.modifiers.empty()) return false;
  const auto p1 = number(from.modifiers[0]);
  const auto p2 = number(to.modifiers[0]);
  const auto s1 = from.modifiers.size() > 1 ? number(from.modifiers[1]) : std::optional<long>(0);
  const auto s2 = to.modifiers.size() > 1 ? number(to.modifiers[1]) : std::optional<long>(0);
  return p1 && p2 && s1 && s2 && *p2 >= *p1 && *s1 == *s2;
}

bool length_widening(const ir::TypeName& from, const ir::TypeName& to) {
  if (to.modifiers.empty()) return true;  // the limit removed
  if (from.modifiers.empty()) return false;
  const auto n = number(from.modifiers[0]);
  const auto m = number(to.modifiers[0]);
  return n && m && *m >= *n;
}

// The datetime types whose typmod is a fractional-seconds precision (0-6).
bool datetime_with_precision(const std::string& name) {
  return name == "timestamp" || name == "timestamptz" || name == "time" || name == "timetz";
}

// timestamp(p) -> timestamp(q) and the same for timestamptz, time and timetz:
// the server keeps the stored values (no rewrite, indexes stay) when the new
// precision is unlimited, the maximum (6), or at least the old one; only a
// precision decrease rounds the values and rewrites.
bool precision_widening(const ir::TypeName& from, const ir::TypeName& to) {
  if (to.modifiers.empty()) return true;
  const auto q = number(to.modifiers[0]);
  if (!q) return false;
  if (*q >= 6) return true;
  if (from.modifiers.empty()) return false;
  const auto p = number(from.modifiers[0]);
  return p && *q >= *p;
}

}  // namespace

TypeChange pg_type_change(const ir::TypeName& from, const ir::TypeName& to, bool has_using,
                          bool utc_session) {
  if (has_using) return TypeChange::Rewrite;
  if (same(from, to)) return TypeChange::NoRewrite;
  if (from.array != to.array || from.array) return TypeChange::Rewrite;
  const std::string& a = from.name;
  const std::string& b = to.name;
  // PostgreSQL 12+: with the session in UTC the conversion changes no stored
  // value, so the server skips the rewrite (a precision change still runs it).
  if (utc_session && from.modifiers == to.modifiers &&
      ((a == "timestamp" && b == "timestamptz") || (a == "timestamptz" && b == "timestamp")))
    return TypeChange::NoRewrite;
  if (a == "varchar" && (b == "text" || (b == "varchar" && length_widening(from, to))))
    return TypeChange::NoRewrite;
  if (a == "text" && b == "varchar" && to.modifiers.empty()) return TypeChange::NoRewrite;
  if ((a == "varbit" && b == "varbit") && length_widening(from, to)) return TypeChange::NoRewrite;
  if (a == "numeric" && b == "numeric" && numeric_widening(from, to)) return TypeChange::NoRewrite;
  if (a == b && datetime_with_precision(a) && precision_widening(from, to)) return TypeChange::NoRewrite;
  // interval's typmod also holds its fields; only removing it is known to keep
  // every value.
  if (a == "interval" && b == "interval" && to.modifiers.empty()) return TypeChange::NoRewrite;
  return TypeChange::Rewrite;
}

std::string pg_no_rewrite_sources(const ir::TypeName& to, bool utc_session) {
  const std::string self = "`" + display(to) + "`";
  if (to.array) return self;
  const std::string& b = to.name;
  const bool limited = !to.modifiers.empty();
  if (utc_session && (b == "timestamp" || b == "timestamptz")) {
    ir::TypeName other = to;
    other.name = b == "timestamp" ? "timestamptz" : "timestamp";
    return self + " or `" + display(other) + "`";
  }
  if (b == "text") return "`text` or `varchar`";
  if (b == "varchar")
    return limited ? self + " or `varchar(n)` with n <= " + to.modifiers[0]
                   : "`varchar` of any length or `text`";
  if (b == "varbit") return limited ? self + " or `varbit(n)` with n <= " + to.modifiers[0] : "any `varbit`";
  if (b == "numeric") {
    if (!limited) return "any `numeric`";
    const std::string scale = to.modifiers.size() > 1 ? to.modifiers[1] : "0";
    return self + " or `numeric(p," + scale + ")` with p <= " + to.modifiers[0];
  }
  if (datetime_with_precision(b)) {
    const auto q = limited ? number(to.modifiers[0]) : std::optional<long>(6);
    if (q && *q >= 6) return "`" + b + "` of any precision";
    if (q) return self + " or `" + b + "(p)` with p <= " + to.modifiers[0];
  }
  if (b == "interval" && !limited) return "any `interval`";
  return self;
}

bool pg_utc_time_zone(std::string_view value) {
  std::string v;
  for (char c : value)
    if (c != ' ' && c != '\t') v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.starts_with("etc/")) v.erase(0, 4);
  // Zone names the tz database links to UTC, and a number of hours that is zero.
  static const std::string_view utc[] = {"utc",   "uct",  "gmt",       "gmt0",      "gmt+0",
                                         "gmt-0", "zulu", "universal", "greenwich", "0",
                                         "+0",    "-0",   "00",        "+00",       "-00"};
  for (auto u : utc)
    if (v == u) return true;
  return false;
}

std::string display(const ir::TypeName& t) {
  // The names people write for PostgreSQL's internal ones.
  static const std::pair<std::string_view, std::string_view> spelled[] = {
      {"int2", "smallint"},           {"int4", "integer"}, {"int8", "bigint"}, {"float4", "real"},
      {"float8", "double precision"}, {"bpchar", "char"},  {"bool", "boolean"}};
  std::string out = t.name;
  for (const auto& [internal, written] : spelled)
    if (out == internal) out = written;
  if (!t.modifiers.empty()) {
    out += '(';
    for (size_t i = 0; i < t.modifiers.size(); ++i) out += (i ? "," : "") + t.modifiers[i];
    out += ')';
  }
  if (t.array) out += "[]";
  return out;
}

}  // namespace ddlint::analysis
