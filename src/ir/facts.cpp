#include "ir/facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <iterator>
#include <sstream>
#include <type_traits>
#include <vector>

#include "core/ascii.h"

namespace ddlint::ir {

std::string_view to_string(TypeKind k) {
  switch (k) {
    case TypeKind::Boolean:
      return "boolean";
    case TypeKind::TinyInt:
      return "tinyint";
    case TypeKind::SmallInt:
      return "smallint";
    case TypeKind::MediumInt:
      return "mediumint";
    case TypeKind::Integer:
      return "integer";
    case TypeKind::BigInt:
      return "bigint";
    case TypeKind::Serial:
      return "serial";
    case TypeKind::BigSerial:
      return "bigserial";
    case TypeKind::SmallSerial:
      return "smallserial";
    case TypeKind::Decimal:
      return "decimal";
    case TypeKind::Real:
      return "real";
    case TypeKind::Double:
      return "double";
    case TypeKind::Char:
      return "char";
    case TypeKind::Varchar:
      return "varchar";
    case TypeKind::Text:
      return "text";
    case TypeKind::Binary:
      return "binary";
    case TypeKind::Date:
      return "date";
    case TypeKind::Time:
      return "time";
    case TypeKind::Timestamp:
      return "timestamp";
    case TypeKind::TimestampTz:
      return "timestamptz";
    case TypeKind::Interval:
      return "interval";
    case TypeKind::Json:
      return "json";
    case TypeKind::Jsonb:
      return "jsonb";
    case TypeKind::Uuid:
      return "uuid";
    case TypeKind::Enum:
      return "enum";
    case TypeKind::Other:
      break;
  }
  return "other";
}

std::string_view to_string(FactKind k) {
  switch (k) {
    case FactKind::CreateTable:
      return "create-table";
    case FactKind::DropTable:
      return "drop-table";
    case FactKind::RenameTable:
      return "rename-table";
    case FactKind::TruncateTable:
      return "truncate-table";
    case FactKind::AddColumn:
      return "add-column";
    case FactKind::DropColumn:
      return "drop-column";
    case FactKind::RenameColumn:
      return "rename-column";
    case FactKind::SetType:
      return "set-type";
    case FactKind::SetNotNull:
      return "set-not-null";
    case FactKind::DropNotNull:
      return "drop-not-null";
    case FactKind::SetDefault:
      return "set-default";
    case FactKind::DropDefault:
      return "drop-default";
    case FactKind::SetPosition:
      return "set-position";
    case FactKind::AddIndex:
      return "add-index";
    case FactKind::DropIndex:
      return "drop-index";
    case FactKind::AddConstraint:
      return "add-constraint";
    case FactKind::DropConstraint:
      return "drop-constraint";
    case FactKind::ValidateConstraint:
      return "validate-constraint";
    case FactKind::DropPrimaryKey:
      return "drop-primary-key";
    case FactKind::Other:
      break;
  }
  return "other";
}

namespace {

std::optional<int> number(const std::string& s) {
  int v = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

struct Spelling {
  std::string_view name;
  TypeKind kind;
};

// Base names as the two front-ends lower them (PostgreSQL's catalog names
// and SQL-standard aliases; MySQL/MariaDB names), lower-case.
constexpr Spelling kSpellings[] = {
    {"bool", TypeKind::Boolean},
    {"boolean", TypeKind::Boolean},
    {"tinyint", TypeKind::TinyInt},
    {"int1", TypeKind::TinyInt},
    {"int2", TypeKind::SmallInt},
    {"smallint", TypeKind::SmallInt},
    {"mediumint", TypeKind::MediumInt},
    {"int3", TypeKind::MediumInt},
    {"middleint", TypeKind::MediumInt},
    {"int4", TypeKind::Integer},
    {"int", TypeKind::Integer},
    {"integer", TypeKind::Integer},
    {"int8", TypeKind::BigInt},
    {"bigint", TypeKind::BigInt},
    {"serial", TypeKind::Serial},
    {"serial4", TypeKind::Serial},
    {"bigserial", TypeKind::BigSerial},
    {"serial8", TypeKind::BigSerial},
    {"smallserial", TypeKind::SmallSerial},
    {"serial2", TypeKind::SmallSerial},
    {"numeric", TypeKind::Decimal},
    {"decimal", TypeKind::Decimal},
    {"dec", TypeKind::Decimal},
    {"fixed", TypeKind::Decimal},
    {"float4", TypeKind::Real},
    {"real", TypeKind::Real},
    {"float", TypeKind::Real},
    {"float8", TypeKind::Double},
    {"double", TypeKind::Double},
    {"double precision", TypeKind::Double},
    {"bpchar", TypeKind::Char},
    {"char", TypeKind::Char},
    {"character", TypeKind::Char},
    {"nchar", TypeKind::Char},
    {"varchar", TypeKind::Varchar},
    {"character varying", TypeKind::Varchar},
    {"nvarchar", TypeKind::Varchar},
    {"text", TypeKind::Text},
    {"tinytext", TypeKind::Text},
    {"mediumtext", TypeKind::Text},
    {"longtext", TypeKind::Text},
    {"bytea", TypeKind::Binary},
    {"blob", TypeKind::Binary},
    {"tinyblob", TypeKind::Binary},
    {"mediumblob", TypeKind::Binary},
    {"longblob", TypeKind::Binary},
    {"binary", TypeKind::Binary},
    {"varbinary", TypeKind::Binary},
    {"date", TypeKind::Date},
    {"time", TypeKind::Time},
    {"timetz", TypeKind::Time},
    {"timestamp", TypeKind::Timestamp},
    {"datetime", TypeKind::Timestamp},
    {"timestamptz", TypeKind::TimestampTz},
    {"interval", TypeKind::Interval},
    {"json", TypeKind::Json},
    {"jsonb", TypeKind::Jsonb},
    {"uuid", TypeKind::Uuid},
    {"enum", TypeKind::Enum},
};

}  // namespace

namespace {

// The kind of a type by its name (lower-cased, in a buffer: the longest
// spelling has 17 bytes, and a longer name is none of them) and, for the
// names whose meaning depends on them, its modifiers.
TypeKind kind_of(const TypeName& type) {
  constexpr size_t kLongest = 17;  // "character varying"
  static_assert(std::all_of(std::begin(kSpellings), std::end(kSpellings), [](const Spelling& sp) {
    return !sp.name.empty() && sp.name.size() <= kLongest;
  }));
  const std::string& written = type.name;
  if (written.size() > kLongest) return TypeKind::Other;
  char buffer[kLongest];
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view name(buffer, written.size());
  // The spellings by length, each name once (the last spelling of a name in
  // kSpellings decides): a lookup compares the few of the same length, and
  // their bytes only when the first byte matches (rules ask for the kind of
  // every column they look at).
  static const auto kByLength = [] {
    std::array<std::vector<Spelling>, kLongest + 1> v;
    for (const Spelling& sp : kSpellings) {
      auto& same = v[sp.name.size()];
      const auto known =
          std::find_if(same.begin(), same.end(), [&](const Spelling& o) { return o.name == sp.name; });
      if (known != same.end())
        known->kind = sp.kind;
      else
        same.push_back(sp);
    }
    return v;
  }();
  if (name.empty()) return TypeKind::Other;
  TypeKind kind = TypeKind::Other;
  for (const Spelling& sp : kByLength[name.size()])
    if (sp.name[0] == name[0] && sp.name == name) {
      kind = sp.kind;
      break;
    }
  if (kind == TypeKind::Other) return kind;
  const auto& mods = type.modifiers;
  // CHAR without a length is CHAR(1) in both dialects, and both front-ends
  // write the 1 out (PostgreSQL's bpchar(1), MySQL's char(1), as the servers
  // show it); a bare `char` is PostgreSQL's one-byte internal "char" type,
  // which is not a padded string.
  if (kind == TypeKind::Char && mods.empty() && name == "char") return TypeKind::Other;
  // MySQL's BOOLEAN is TINYINT(1); a display width is not a size otherwise.
  if (kind == TypeKind::TinyInt && mods.size() == 1 && mods[0] == "1" && !type.is_unsigned)
    return TypeKind::Boolean;
  return kind;
}

}  // namespace

TypeKind type_kind(const TypeName& type) { return kind_of(type); }

NormalType normalize(const TypeName& type) {
  NormalType n;
  n.spelling = type.name;
  n.array = type.array;
  n.is_unsigned = type.is_unsigned;
  n.charset = type.charset();
  n.kind = kind_of(type);
  const auto& mods = type.modifiers;
  switch (n.kind) {
    case TypeKind::Char:
    case TypeKind::Varchar:
    case TypeKind::Binary:
      if (!mods.empty()) n.length = number(mods[0]);
      if (n.kind == TypeKind::Char && mods.empty()) n.length = 1;  // not a bare `char` (kind_of)
      break;
    case TypeKind::Decimal:
      if (!mods.empty()) n.precision = number(mods[0]);
      if (mods.size() > 1) n.scale = number(mods[1]);
      break;
    default:
      break;
  }
  return n;
}

namespace {

// A new fact at the end of `out`, made in place (a Fact is costly to move:
// its strings, type and boxes), for the caller to fill in.
Fact& add(std::vector<Fact>& out, FactKind kind, const QualifiedName& table, TextRange range) {
  Fact& f = out.emplace_back();
  f.kind = kind;
  f.table = table.name;
  f.table_name = table;
  f.range = range;
  return f;
}

// A column definition's facts when it restates a whole column (MySQL
// MODIFY/CHANGE): type, nullability, default, position.
void restate(std::vector<Fact>& out, const QualifiedName& table, const std::string& column,
             const ColumnDef& def, const AlterAction& a) {
  Fact& t = add(out, FactKind::SetType, table, def.type.range);
  t.name = column;
  t.type = normalize(def.type);
  t.restated = true;
  // NOT NULL where it is written (or the PRIMARY KEY that implies it); the
  // whole definition when nullability is left out.
  TextRange null_range = def.range;
  for (const auto& k : def.constraints)
    if (def.not_null && (k.kind == ConstraintKind::NotNull || k.kind == ConstraintKind::PrimaryKey) &&
        !k.range.empty()) {
      null_range = k.range;
      break;
    }
  Fact& n = add(out, def.not_null ? FactKind::SetNotNull : FactKind::DropNotNull, table, null_range);
  n.name = column;
  n.restated = true;
  Fact& d = add(out, def.default_value ? FactKind::SetDefault : FactKind::DropDefault, table,
                def.default_value ? def.default_value->range : def.range);
  d.name = column;
  d.value = def.default_value;
  d.restated = true;
  if (!a.position.empty()) {
    Fact& p = add(out, FactKind::SetPosition, table, a.range);
    p.name = column;
    p.position = a.position;
  }
}

bool is_index(ConstraintKind k) {
  return k == ConstraintKind::Index || k == ConstraintKind::Fulltext || k == ConstraintKind::Spatial;
}

// The fact of a DROP CONSTRAINT or DROP INDEX action of an ALTER TABLE of
// `table` (facts() and drop_facts()).
void add_drop(std::vector<Fact>& out, const QualifiedName& table, const AlterAction& a) {
  Fact& f = add(out, a.kind == AlterKind::DropConstraint ? FactKind::DropConstraint : FactKind::DropIndex,
                table, a.range);
  f.name = a.name;
}

// The fact of an index a DROP INDEX names (on no table: the statement does
// not say which).
void add_dropped_index(std::vector<Fact>& out, const QualifiedName& index) {
  Fact& f = add(out, FactKind::DropIndex, QualifiedName{}, index.range);
  f.name = index.name;
}

void alter_facts(const AlterTable& s, std::vector<Fact>& out) {
  out.reserve(out.size() + s.actions.size());
  for (size_t index = 0; index < s.actions.size(); ++index) {
    const auto& a = s.actions[index];
    const size_t first = out.size();
    // Every fact this action gives points back at it.
    struct Tag {
      std::vector<Fact>& out;
      size_t first, index;
      ~Tag() {
        for (size_t i = first; i < out.size(); ++i) out[i].action = index;
      }
    } tag{out, first, index};
    switch (a.kind) {
      case AlterKind::AddColumn: {
        if (!a.column_def) break;
        Fact& f = add(out, FactKind::AddColumn, s.table, a.range);
        f.name = a.column_def->name;
        f.type = normalize(a.column_def->type);
        f.not_null = a.column_def->not_null;
        f.value = a.column_def->default_value;
        break;
      }
      case AlterKind::DropColumn: {
        Fact& f = add(out, FactKind::DropColumn, s.table, a.range);
        f.name = a.column;
        break;
      }
      case AlterKind::AlterColumnType: {
        if (!a.new_type) break;
        Fact& f = add(out, FactKind::SetType, s.table, a.range);
        f.name = a.column;
        f.type = normalize(*a.new_type);
        break;
      }
      case AlterKind::SetNotNull:
      case AlterKind::DropNotNull: {
        Fact& f = add(out, a.kind == AlterKind::SetNotNull ? FactKind::SetNotNull : FactKind::DropNotNull,
                      s.table, a.range);
        f.name = a.column;
        break;
      }
      case AlterKind::SetDefault:
      case AlterKind::DropDefault: {
        Fact& f = add(out, a.kind == AlterKind::SetDefault ? FactKind::SetDefault : FactKind::DropDefault,
                      s.table, a.range);
        f.name = a.column;
        if (a.kind == AlterKind::SetDefault) f.value = a.expr;
        break;
      }
      case AlterKind::ModifyColumn:
        if (a.column_def) restate(out, s.table, a.column, *a.column_def, a);
        break;
      case AlterKind::ChangeColumn: {
        if (!a.column_def) break;
        if (a.column_def->name != a.column) {
          Fact& r = add(out, FactKind::RenameColumn, s.table, a.range);
          r.name = a.column;
          r.new_name = a.column_def->name;
        }
        restate(out, s.table, a.column_def->name, *a.column_def, a);
        break;
      }
      case AlterKind::RenameColumn: {
        Fact& f = add(out, FactKind::RenameColumn, s.table, a.range);
        f.name = a.column;
        f.new_name = a.name;
        break;
      }
      case AlterKind::RenameTable: {
        Fact& f = add(out, FactKind::RenameTable, s.table, a.range);
        f.new_name = a.name;
        break;
      }
      case AlterKind::AddConstraint:
      case AlterKind::AddIndex: {
        if (!a.constraint) break;
        const bool index = is_index(a.constraint->kind);
        Fact& f = add(out, index ? FactKind::AddIndex : FactKind::AddConstraint, s.table, a.range);
        f.name = a.constraint->name;
        f.constraint = a.constraint;
        break;
      }
      case AlterKind::DropConstraint:
      case AlterKind::DropIndex:
        add_drop(out, s.table, a);
        break;
      case AlterKind::ValidateConstraint: {
        Fact& f = add(out, FactKind::ValidateConstraint, s.table, a.range);
        f.name = a.name;
        break;
      }
      case AlterKind::DropPrimaryKey:
        add(out, FactKind::DropPrimaryKey, s.table, a.range);
        break;
      default: {
        Fact& f = add(out, FactKind::Other, s.table, a.range);
        f.name = std::string(to_string(a.kind));
        break;
      }
    }
  }
}

}  // namespace

std::vector<Fact> facts(const Statement& st) {
  std::vector<Fact> out;
  visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, AlterTable>) {
          if (s.object == ObjectKind::Table) alter_facts(s, out);
        } else if constexpr (std::is_same_v<T, CreateTable>) {
          if (s.object == ObjectKind::Table) add(out, FactKind::CreateTable, s.table, s.table.range);
        } else if constexpr (std::is_same_v<T, Drop>) {
          for (const auto& n : s.names) {
            if (s.object == ObjectKind::Table) {
              add(out, FactKind::DropTable, n, n.range);
            } else if (s.object == ObjectKind::Index) {
              add_dropped_index(out, n);
            }
          }
        } else if constexpr (std::is_same_v<T, Truncate>) {
          for (const auto& t : s.tables) add(out, FactKind::TruncateTable, t, t.range);
        } else if constexpr (std::is_same_v<T, Rename>) {
          if (s.object == ObjectKind::Table) {
            Fact& f = add(out, FactKind::RenameTable, s.target, s.range.empty() ? st.range : s.range);
            f.new_name = s.new_name;
          } else if (s.object == ObjectKind::Column) {
            Fact& f = add(out, FactKind::RenameColumn, s.target, st.range);
            f.name = s.subname;
            f.new_name = s.new_name;
          }
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          Fact& f = add(out, FactKind::AddIndex, s.table, st.range);
          f.name = s.name;
          Constraint c;
          c.kind = s.unique ? ConstraintKind::Unique : s.mysql_kind;
          c.name = s.name;
          c.columns = s.columns;
          f.constraint = std::move(c);
        }
      },
      st.node);
  return out;
}

std::vector<Fact> drop_facts(const Statement& st) {
  std::vector<Fact> out;
  if (const auto* a = st.as<AlterTable>(); a && a->object == ObjectKind::Table) {
    for (size_t index = 0; index < a->actions.size(); ++index) {
      const auto& act = a->actions[index];
      if (act.kind != AlterKind::DropConstraint && act.kind != AlterKind::DropIndex) continue;
      add_drop(out, a->table, act);
      out.back().action = index;
    }
  } else if (const auto* d = st.as<Drop>(); d && d->object == ObjectKind::Index) {
    for (const auto& n : d->names) add_dropped_index(out, n);
  }
  return out;
}

namespace {

// An expression's text with whitespace collapsed (the dump compares values).
std::string expr_text(const Box<Expr>& e, std::string_view source) {
  if (!e || e->range.end > source.size() || e->range.end < e->range.begin) return "";
  std::string out;
  bool space = false;
  for (char c : source.substr(e->range.begin, e->range.size())) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string type_text(const NormalType& t) {
  std::string s(to_string(t.kind));
  if (t.length) s += "(" + std::to_string(*t.length) + ")";
  if (t.precision)
    s += "(" + std::to_string(*t.precision) + (t.scale ? "," + std::to_string(*t.scale) : "") + ")";
  if (t.array) s += "[]";
  if (t.is_unsigned) s += " unsigned";
  if (!t.charset.empty()) s += " charset " + t.charset;
  return s;
}

}  // namespace

std::string dump_facts(const std::vector<Fact>& facts, std::string_view source) {
  std::ostringstream out;
  for (const auto& f : facts) {
    out << to_string(f.kind);
    if (!f.table.empty() && f.kind != FactKind::DropIndex) out << " table=" << ascii_lower(f.table);
    if (!f.name.empty()) out << " name=" << ascii_lower(f.name);
    if (!f.new_name.empty()) out << " new=" << ascii_lower(f.new_name);
    // PostgreSQL's DROP INDEX does not name the table: an index drop is
    // compared by name (the fact carries the table when the statement says).
    if (f.type) out << " type=" << type_text(*f.type);
    if (f.kind == FactKind::AddColumn && f.not_null) out << " not-null";
    if (f.value) out << " value=" << expr_text(f.value, source);
    if (!f.position.empty()) out << " position=" << ascii_lower(f.position);
    if (f.constraint) {
      const auto& c = *f.constraint;
      out << " constraint=" << to_string(c.kind);
      if (!c.columns.empty()) {
        out << " columns=";
        for (size_t i = 0; i < c.columns.size(); ++i) out << (i ? "," : "") << ascii_lower(c.columns[i]);
      }
      if (!c.ref_table.empty()) {
        out << " references=" << ascii_lower(c.ref_table.name);
        for (size_t i = 0; i < c.ref_columns.size(); ++i)
          out << (i ? "," : "(") << ascii_lower(c.ref_columns[i]);
        if (!c.ref_columns.empty()) out << ")";
      }
      if (c.not_valid) out << " not-valid";
      if (c.not_enforced) out << " not-enforced";
      if (c.expr && c.kind == ConstraintKind::Check) out << " check=" << expr_text(c.expr, source);
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace ddlint::ir
