#include "analysis/mysql/mysql_semantics.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

#include "core/ascii.h"
namespace ddlint::analysis {

namespace {

std::string base_type(std::string_view name) {
  const std::string n = ascii_lower(name);
  if (n == "integer") return "int";
  if (n == "bool" || n == "boolean") return "tinyint";
  if (n == "dec" || n == "numeric" || n == "fixed") return "decimal";
  if (n == "character varying") return "varchar";
  return n;
}
bool integer_type(std::string_view n) {
  return n == "tinyint" || n == "smallint" || n == "mediumint" || n == "int" || n == "bigint";
}
std::optional<long> number(const std::vector<std::string>& mods) {
  if (mods.size() != 1) return std::nullopt;
  long v = 0;
  const auto& m = mods[0];
  auto [p, ec] = std::from_chars(m.data(), m.data() + m.size(), v);
  if (ec != std::errc() || p != m.data() + m.size()) return std::nullopt;
  return v;
}
// Bytes an ENUM/SET value takes (B.3 ENUM/SET row).
int enum_storage(std::string_view type, size_t members) {
  if (type == "enum") return members <= 255 ? 1 : 2;
  const size_t bytes = (members + 7) / 8;
  return bytes <= 4 ? static_cast<int>(bytes) : 8;
}

}  // namespace

int mysql_charset_maxlen(std::string_view cs) {
  const std::string c = ascii_lower(cs);
  if (c == "latin1" || c == "ascii" || c == "binary" || c == "latin2" || c == "cp1250" || c == "cp1251" ||
      c == "cp1252" || c == "latin5" || c == "latin7" || c == "greek" || c == "hebrew" || c == "koi8r" ||
      c == "koi8u" || c == "tis620" || c == "swe7" || c == "dec8" || c == "hp8" || c == "armscii8" ||
      c == "geostd8" || c == "keybcs2" || c == "macce" || c == "macroman" || c == "cp850" || c == "cp852" ||
      c == "cp866" || c == "cp1256" || c == "cp1257")
    return 1;
  if (c == "ucs2" || c == "big5" || c == "gbk" || c == "sjis" || c == "cp932" || c == "euckr" ||
      c == "gb2312")
    return 2;
  if (c == "utf8" || c == "utf8mb3" || c == "ujis" || c == "eucjpms") return 3;
  return 4;  // utf8mb4, utf16, utf32, gb18030, and unknown: the widest
}

MySqlTypeVerdict mysql_type_change(const MySqlTarget& t, const ir::TypeName& old, const ir::TypeName& to_type,
                                   std::string_view table_charset, std::string_view row_format) {
  using C = MySqlTypeChange;
  const std::string from = base_type(old.name);
  const std::string to = base_type(to_type.name);
  const std::string table_cs = ascii_lower(table_charset);
  const std::string old_cs = !old.charset().empty() ? ascii_lower(old.charset()) : table_cs;
  const std::string new_cs = !to_type.charset().empty() ? ascii_lower(to_type.charset()) : table_cs;
  const bool same_sign = old.is_unsigned == to_type.is_unsigned;
  // MariaDB: a collation change of a column whose type and character set
  // stay. MySQL's handling of a collation-only change is not sourced
  // (reference/locks.md §B): there the collation is not compared.
  if (t.mariadb() && from == to && same_sign && old_cs == new_cs && old.modifiers == to_type.modifiers &&
      !to_type.collation().empty() && ascii_lower(old.collation()) != ascii_lower(to_type.collation()))
    return {C::CollationChange, "collation change"};
  if (from == to && same_sign && old_cs == new_cs &&
      (integer_type(from) || old.modifiers == to_type.modifiers))
    return {C::Same, ""};
  if (from == to && (from == "varchar" || from == "varbinary") && old_cs == new_cs && same_sign) {
    // Extending VARCHAR: cheap while the length prefix keeps its size
    // (1 byte up to 255 bytes, 2 bytes from 256).
    const auto n = number(old.modifiers), m = number(to_type.modifiers);
    const int maxlen = from == "varbinary" ? 1 : mysql_charset_maxlen(old_cs);
    if (n && m && *m > *n) {
      const long ob = *n * maxlen, nb = *m * maxlen;
      bool cheap = (ob <= 255) == (nb <= 255);
      // MariaDB 10.4.3+: any increase for ROW_FORMAT=REDUNDANT; otherwise up
      // to 127 bytes may grow past 255 (the record stores such lengths in one
      // byte either way) [MDB-INS].
      if (t.mariadb() && (row_format == "REDUNDANT" || ob <= 127)) cheap = true;
      if (cheap) return {C::VarcharExtension, "VARCHAR extension"};
      return {C::Copy, "VARCHAR length prefix grows to 2 bytes"};
    }
    return {C::Copy, "VARCHAR shrink"};
  }
  if (from == to && (from == "enum" || from == "set") && old_cs == new_cs &&
      to_type.modifiers.size() > old.modifiers.size() &&
      std::equal(old.modifiers.begin(), old.modifiers.end(), to_type.modifiers.begin()) &&
      enum_storage(from, old.modifiers.size()) == enum_storage(from, to_type.modifiers.size()))
    return {C::EnumAppend, "ENUM/SET members appended"};  // B.3 ENUM/SET row
  return {C::Copy, "type change"};
}

std::string mysql_display(const ir::TypeName& t) {
  std::string s = ascii_lower(t.name);
  if (!t.modifiers.empty()) {
    s += "(";
    for (size_t i = 0; i < t.modifiers.size(); ++i) s += (i ? "," : "") + t.modifiers[i];
    s += ")";
  }
  if (t.is_unsigned) s += " unsigned";
  if (!t.charset().empty()) s += " character set " + t.charset();
  return s;
}

bool mysql_enforces_check(const MySqlTarget& t) {
  return t.mariadb() ? t.at_least(10, 2, 1) : t.at_least(8, 0, 16);
}

bool mysql_inline_references_create_fk(const MySqlTarget& t) { return t.mariadb(); }

MySqlRebuild mysql_rebuild_action(const ir::AlterAction& a) {
  // The words as the front-end keeps them (AlterKind::Other: the leading
  // words; TableOptions: the option as written).
  std::string n;
  for (char c : a.native) n += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (a.kind == ir::AlterKind::Other && n == "FORCE") return MySqlRebuild::Force;
  if (a.kind == ir::AlterKind::TableOptions && n.rfind("ENGINE", 0) == 0) {
    const auto rest = n.find_first_not_of(" \t\r\n", 6);
    if (rest == std::string::npos || n[rest] == '=' || std::isalpha(static_cast<unsigned char>(n[rest])) ||
        n[rest] == '`' || n[rest] == '\'' || n[rest] == '"')
      return MySqlRebuild::Engine;
  }
  return MySqlRebuild::None;
}

}  // namespace ddlint::analysis
