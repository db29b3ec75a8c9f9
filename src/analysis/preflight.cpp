#include "analysis/preflight.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/ascii.h"
#include "ir/facts.h"

namespace ddlint::analysis {

namespace {

class Builder {
 public:
  Builder(const ir::ParsedFile& file, const MigrationFacts& facts, std::string_view text, Dialect dialect)
      : file_(file), facts_(facts), text_(text), mysql_(dialect == Dialect::MySql) {}

  std::vector<PreflightCheck> run() {
    for (size_t i = 0; i < file_.statements.size(); ++i) {
      const auto& st = file_.statements[i];
      if (st.recovered || facts_.at(i).down) continue;
      const std::vector<ir::Fact> all = ir::facts(st);
      for (const auto& f : all) {
        if (f.table_name.empty() || !facts_.is_existing(f.table_name, i)) continue;
        switch (f.kind) {
          case ir::FactKind::SetNotNull:
            set_not_null(i, f);
            break;
          case ir::FactKind::AddColumn:
            add_column(i, st, f);
            break;
          case ir::FactKind::AddConstraint:
          case ir::FactKind::AddIndex:
            if (f.constraint) constraint(i, f, *f.constraint);
            break;
          case ir::FactKind::ValidateConstraint:
            validate(i, f);
            break;
          case ir::FactKind::SetType:
            set_type(i, f);
            break;
          default:
            break;
        }
      }
      remember(all);
      remember_enum(st);
    }
    return std::move(out_);
  }

 private:
  // Identifiers are always quoted: the names ddlint holds are the ones the
  // server stores (PostgreSQL folds unquoted names to lower case).
  std::string id(std::string_view name) const {
    const char q = mysql_ ? '`' : '"';
    std::string s(1, q);
    for (char c : name) {
      if (c == q) s += q;
      s += c;
    }
    return s + q;
  }
  std::string table(const ir::QualifiedName& t) const {
    return t.schema.empty() ? id(t.name) : id(t.schema) + "." + id(t.name);
  }
  static std::string quoted(std::string_view s) { return "`" + std::string(s) + "`"; }
  static std::string quoted(const ir::QualifiedName& t) { return "`" + t.display() + "`"; }

  void add(size_t i, const ir::Fact& f, std::string change, std::string fails_if, std::string count_sql,
           std::string sample_sql, std::string unit = "row") {
    PreflightCheck c;
    c.unit = std::move(unit);
    c.statement = i;
    c.range = f.range.empty() ? file_.statements[i].range : f.range;
    c.change = std::move(change);
    c.fails_if = std::move(fails_if);
    c.count_sql = std::move(count_sql) + ";";
    c.sample_sql = std::move(sample_sql) + " LIMIT 5;";
    out_.push_back(std::move(c));
  }

  // Rows matching `where`: how many, and the first ones.
  void rows(size_t i, const ir::Fact& f, std::string change, std::string fails_if, const std::string& where) {
    const std::string from = " FROM " + table(f.table_name) + " WHERE " + where;
    add(i, f, std::move(change), std::move(fails_if), "SELECT count(*)" + from, "SELECT *" + from);
  }

  void set_not_null(size_t i, const ir::Fact& f) {
    // A MySQL MODIFY/CHANGE restating NOT NULL changes nothing when the
    // column already is NOT NULL.
    if (f.restated) {
      const KnownColumn* old = facts_.at(i).old_column(f.action);
      if (old != nullptr && old->not_null_known && old->not_null) return;
    }
    rows(i, f, "NOT NULL on " + quoted(f.table_name) + "." + quoted(f.name),
         "a row has " + quoted(f.name) + " NULL", id(f.name) + " IS NULL");
  }

  void add_column(size_t i, const ir::Statement& st, const ir::Fact& f) {
    // MySQL fills a new NOT NULL column with its type's implicit default;
    // PostgreSQL refuses it on a table with rows.
    if (mysql_ || !f.not_null || f.value) return;
    if (f.type && (f.type->kind == ir::TypeKind::Serial || f.type->kind == ir::TypeKind::BigSerial ||
                   f.type->kind == ir::TypeKind::SmallSerial))
      return;
    if (const auto* at = st.as<ir::AlterTable>(); at && f.action < at->actions.size()) {
      const auto& def = at->actions[f.action].column_def;
      if (def)
        for (const auto& k : def->constraints)
          if (k.kind == ir::ConstraintKind::Identity || k.kind == ir::ConstraintKind::Generated ||
              k.kind == ir::ConstraintKind::Default)
            return;
    }
    const std::string t = table(f.table_name);
    add(i, f, "ADD COLUMN " + quoted(f.name) + " NOT NULL without a default to " + quoted(f.table_name),
        quoted(f.table_name) + " has any row",
        "SELECT count(*) FROM (SELECT 1 FROM " + t + " LIMIT 1) AS any_row", "SELECT * FROM " + t, "");
  }

  std::string part(const std::string& c) const { return id(c); }
  // `a IS NULL OR b IS NULL` / `a IS NOT NULL AND b IS NOT NULL`; nullopt
  // when a key part is an expression (the IR does not keep its text).
  std::optional<std::string> each(const std::vector<std::string>& cols, const char* test,
                                  const char* join) const {
    if (cols.empty()) return std::nullopt;
    std::string s;
    for (const auto& c : cols) {
      if (c.empty() || c.front() == '(') return std::nullopt;
      if (!s.empty()) s += join;
      s += part(c) + test;
    }
    return s;
  }
  std::string list(const std::vector<std::string>& cols) const {
    std::string s;
    for (const auto& c : cols) s += (s.empty() ? "" : ", ") + part(c);
    return s;
  }
  static std::string names(const std::vector<std::string>& cols) {
    std::string s;
    for (const auto& c : cols) s += (s.empty() ? "" : ", ") + c;
    return "(" + s + ")";
  }

  void constraint(size_t i, const ir::Fact& f, const ir::Constraint& k) {
    if (k.not_valid || k.not_enforced) return;
    const std::string what = k.name.empty() ? std::string() : " " + quoted(k.name);
    switch (k.kind) {
      case ir::ConstraintKind::Unique:
      case ir::ConstraintKind::PrimaryKey: {
        if (!k.using_index.empty()) return;  // the index exists and is unique already
        const bool pk = k.kind == ir::ConstraintKind::PrimaryKey;
        const auto present = each(k.columns, " IS NOT NULL", " AND ");
        if (!present) return;
        const std::string change = std::string(pk ? "PRIMARY KEY" : "UNIQUE") + what + " " +
                                   names(k.columns) + " on " + quoted(f.table_name);
        const std::string dup = "SELECT " + list(k.columns) + ", count(*) AS copies FROM " +
                                table(f.table_name) + " WHERE " + *present + " GROUP BY " + list(k.columns) +
                                " HAVING count(*) > 1";
        add(i, f, change, "two rows share a key", "SELECT count(*) FROM (" + dup + ") AS duplicates", dup,
            "duplicate key");
        if (pk) rows(i, f, change, "a key column is NULL", *each(k.columns, " IS NULL", " OR "));
        return;
      }
      case ir::ConstraintKind::Check: {
        if (!k.expr || k.expr->range.empty()) return;
        const std::string expr(text_.substr(k.expr->range.begin, k.expr->range.end - k.expr->range.begin));
        // A CHECK passes when its expression is true or NULL.
        rows(i, f, "CHECK" + what + " on " + quoted(f.table_name), "a row makes `" + expr + "` false",
             "NOT (" + expr + ")");
        return;
      }
      case ir::ConstraintKind::ForeignKey: {
        // The referenced key must be written (not the referenced table's
        // primary key, which ddlint may not know).
        if (k.ref_columns.empty() || k.ref_columns.size() != k.columns.size()) return;
        const auto present = each(k.columns, " IS NOT NULL", " AND ");
        if (!present) return;
        std::string match;
        for (size_t c = 0; c < k.columns.size(); ++c)
          match += (c ? " AND " : "") + std::string("p.") + id(k.ref_columns[c]) + " = c." + id(k.columns[c]);
        std::string child;
        for (const auto& c : k.columns) child += (child.empty() ? "c." : " AND c.") + id(c) + " IS NOT NULL";
        const std::string from = " FROM " + table(f.table_name) + " AS c WHERE " + child +
                                 " AND NOT EXISTS (SELECT 1 FROM " + table(k.ref_table) + " AS p WHERE " +
                                 match + ")";
        add(i, f,
            "FOREIGN KEY" + what + " " + names(k.columns) + " on " + quoted(f.table_name) + " referencing " +
                quoted(k.ref_table),
            "a row's key has no match in " + quoted(k.ref_table), "SELECT count(*)" + from,
            "SELECT c.*" + from);
        return;
      }
      default:
        return;
    }
  }

  // VALIDATE CONSTRAINT of a constraint added NOT VALID earlier in the file.
  void validate(size_t i, const ir::Fact& f) {
    for (const auto& [t, k] : added_)
      if (k.name == f.name && t.name == f.table_name.name && t.schema == f.table_name.schema) {
        ir::Constraint now = k;
        now.not_valid = false;
        constraint(i, f, now);
        return;
      }
  }
  void remember(const std::vector<ir::Fact>& all) {
    for (const auto& f : all)
      if (f.kind == ir::FactKind::AddConstraint && f.constraint && f.constraint->not_valid &&
          !f.constraint->name.empty())
        added_.emplace_back(f.table_name, *f.constraint);
  }

  // PostgreSQL: the labels of CREATE TYPE ... AS ENUM ('a', 'b') earlier in
  // the file, by type name.
  void remember_enum(const ir::Statement& st) {
    const auto* o = st.as<ir::Opaque>();
    if (o == nullptr || o->node != "CreateEnumStmt" || o->creates.empty()) return;
    enums_[o->creates.name] = o->enum_labels;
  }
  static std::string literal(std::string_view v) {
    std::string s = "'";
    for (char c : v) s += c == '\'' ? std::string("''") : std::string(1, c);
    return s + "'";
  }
  // A MySQL ENUM value as written ('a' or "a"), without its quotes.
  static std::string unquote(std::string_view v) {
    if (v.size() < 2 || (v.front() != '\'' && v.front() != '"')) return std::string(v);
    const char q = v.front();
    std::string s;
    for (size_t k = 1; k + 1 < v.size(); ++k) {
      if (v[k] == q && v[k + 1] == q) ++k;
      s += v[k];
    }
    return s;
  }

  static std::string type_text(const ir::NormalType& t, const ir::TypeName* written) {
    std::string s = t.spelling;
    if (t.kind == ir::TypeKind::Enum && written != nullptr) {
      std::string v;
      for (const auto& m : written->modifiers) v += (v.empty() ? "" : ",") + m;
      s += "(" + v + ")";
    } else if (t.length) {
      s += "(" + std::to_string(*t.length) + ")";
    } else if (t.kind == ir::TypeKind::Decimal && t.precision) {
      s += "(" + std::to_string(*t.precision) + (t.scale ? "," + std::to_string(*t.scale) : "") + ")";
    }
    return t.is_unsigned ? s + " unsigned" : s;
  }

  static bool is_int(ir::TypeKind k) {
    return k == ir::TypeKind::TinyInt || k == ir::TypeKind::SmallInt || k == ir::TypeKind::MediumInt ||
           k == ir::TypeKind::Integer || k == ir::TypeKind::BigInt || k == ir::TypeKind::Serial ||
           k == ir::TypeKind::BigSerial || k == ir::TypeKind::SmallSerial;
  }
  static bool is_string(ir::TypeKind k) {
    return k == ir::TypeKind::Char || k == ir::TypeKind::Varchar || k == ir::TypeKind::Text;
  }
  static bool is_number(ir::TypeKind k) {
    return is_int(k) || k == ir::TypeKind::Decimal || k == ir::TypeKind::Real || k == ir::TypeKind::Double;
  }
  // The range of an integer type: bytes, and the bounds as SQL literals.
  struct IntRange {
    int bytes = 0;
    const char* low = "";
    const char* high = "";
  };
  static IntRange int_range(ir::TypeKind k, bool is_unsigned) {
    int b = 0;
    switch (k) {
      case ir::TypeKind::TinyInt:
        b = 1;
        break;
      case ir::TypeKind::SmallInt:
      case ir::TypeKind::SmallSerial:
        b = 2;
        break;
      case ir::TypeKind::MediumInt:
        b = 3;
        break;
      case ir::TypeKind::Integer:
      case ir::TypeKind::Serial:
        b = 4;
        break;
      default:
        b = 8;
        break;
    }
    static const char* const kSigned[][2] = {{"-128", "127"},
                                             {"-32768", "32767"},
                                             {"-8388608", "8388607"},
                                             {"-2147483648", "2147483647"},
                                             {"-9223372036854775808", "9223372036854775807"}};
    static const char* const kUnsigned[] = {"255", "65535", "16777215", "4294967295", "18446744073709551615"};
    const int row = b == 8 ? 4 : b - 1;
    return is_unsigned ? IntRange{b, "0", kUnsigned[row]} : IntRange{b, kSigned[row][0], kSigned[row][1]};
  }
  // Decimal digits before the point the type can hold.
  static int int_digits(const ir::NormalType& t) {
    if (t.kind == ir::TypeKind::Decimal) return t.precision.value_or(10) - t.scale.value_or(0);
    static const int kDigits[] = {3, 5, 7, 10, 19};
    const IntRange r = int_range(t.kind, t.is_unsigned);
    const int d = kDigits[r.bytes == 8 ? 4 : r.bytes - 1];
    return r.bytes == 8 && t.is_unsigned ? 20 : d;
  }

  void set_type(size_t i, const ir::Fact& f) {
    if (!f.type) return;
    const ir::NormalType& to = *f.type;
    const KnownColumn* old = facts_.at(i).old_column(f.action);
    const std::optional<ir::NormalType> from =
        old != nullptr ? std::optional<ir::NormalType>(ir::normalize(old->type)) : std::nullopt;
    const ir::TypeName* written = nullptr;
    const ir::Expr* using_expr = nullptr;
    if (const auto* at = file_.statements[i].as<ir::AlterTable>(); at && f.action < at->actions.size()) {
      const auto& a = at->actions[f.action];
      if (a.column_def)
        written = &a.column_def->type;
      else if (a.new_type)
        written = &*a.new_type;
      if (a.expr) using_expr = &*a.expr;
    }
    const std::string change =
        "changing " + quoted(f.table_name) + "." + quoted(f.name) + " to " + quoted(type_text(to, written));
    if ((to.kind == ir::TypeKind::Varchar || to.kind == ir::TypeKind::Char) && to.length) {
      // Narrower than before, or from a type ddlint does not know.
      if (from && (from->kind == ir::TypeKind::Varchar || from->kind == ir::TypeKind::Char) && from->length &&
          *from->length <= *to.length)
        return;
      rows(i, f, change, "a value is longer than " + std::to_string(*to.length) + " characters",
           "char_length(" + id(f.name) + ") > " + std::to_string(*to.length));
      return;
    }
    if (mysql_) {
      mysql_conversion(i, f, change, to, from, old, written);
      return;
    }
    if (written != nullptr && !written->array && enums_.count(written->name) != 0) {
      pg_enum(i, f, change, written->name, using_expr);
      return;
    }
    if (!from || !is_int(to.kind) || !is_int(from->kind)) return;
    const IntRange r = int_range(to.kind, false);
    if (int_range(from->kind, false).bytes > r.bytes)
      rows(i, f, change, std::string("a value is outside ") + r.low + " .. " + r.high,
           id(f.name) + " NOT BETWEEN " + r.low + " AND " + r.high);
  }

  // PostgreSQL ALTER COLUMN ... TYPE new_enum [USING expr::new_enum]: a row
  // whose value (as text) is not a label of the new type fails the cast.
  void pg_enum(size_t i, const ir::Fact& f, const std::string& change, const std::string& type,
               const ir::Expr* using_expr) {
    const auto& labels = enums_.at(type);
    std::string in;
    for (const auto& l : labels) in += (in.empty() ? "" : ", ") + literal(l);
    std::string value = id(f.name);
    if (using_expr != nullptr && !using_expr->range.empty()) {
      // The value cast to the new type: the USING expression without its
      // final `::type`; any other USING form is not checked.
      std::string e(text_.substr(using_expr->range.begin, using_expr->range.end - using_expr->range.begin));
      const std::string low = ascii_lower(e);
      const size_t cast = low.rfind("::");
      if (cast == std::string::npos) return;
      std::string target = low.substr(cast + 2);
      if (const size_t dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
      if (!target.empty() && target.front() == '"') target = target.substr(1, target.size() - 2);
      if (target != type) return;
      const std::string inner = e.substr(0, cast);
      std::string bare = ascii_lower(inner);
      for (const std::string_view suffix : {"::text", "::varchar"})
        if (bare.ends_with(suffix)) {
          bare.resize(bare.size() - suffix.size());
          break;
        }
      const std::string name = ascii_lower(f.name);
      value = bare == name || bare == "\"" + name + "\"" ? id(f.name) : "(" + inner + ")";
    }
    rows(i, f, change, "a value is not a label of `" + type + "` (" + in + ")",
         value + " IS NOT NULL AND " + value + "::text NOT IN (" + in + ")");
  }

  // MySQL/MariaDB MODIFY/CHANGE: in strict mode (the default) a value that
  // does not convert to the new type, or does not fit it, fails the ALTER.
  void mysql_conversion(size_t i, const ir::Fact& f, const std::string& change, const ir::NormalType& to,
                        const std::optional<ir::NormalType>& from, const KnownColumn* old,
                        const ir::TypeName* written) {
    const std::string c = id(f.name);
    // Unknown old type: the check is listed as if it held strings (a
    // string column accepts anything; the query is also right for integers).
    const bool strings = !from || is_string(from->kind);
    const std::string assume =
        from ? "" : " (assuming " + quoted(f.name) + " holds strings: its old type is not known)";
    if (to.kind == ir::TypeKind::Enum) {
      if (written == nullptr || written->modifiers.empty()) return;
      if (from && from->kind == ir::TypeKind::Enum && old != nullptr) {
        // Only values added: every old value is still there.
        bool kept = true;
        for (const auto& o : old->type.modifiers) {
          bool found = false;
          for (const auto& n : written->modifiers)
            found = found || ascii_lower(unquote(o)) == ascii_lower(unquote(n));
          kept = kept && found;
        }
        if (kept) return;
      }
      std::string in;
      for (const auto& m : written->modifiers) in += (in.empty() ? "" : ", ") + literal(unquote(m));
      rows(i, f, change, "a value is not one of " + in + " (compared in the column's collation)",
           c + " IS NOT NULL AND " + c + " NOT IN (" + in + ")");
      return;
    }
    static const char* const kNumber = "'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$'";
    if (is_int(to.kind)) {
      const IntRange r = int_range(to.kind, to.is_unsigned);
      const std::string range = c + " NOT BETWEEN " + r.low + " AND " + r.high;
      if (strings) {
        rows(i, f, change,
             std::string("a value is not a whole number or is outside ") + r.low + " .. " + r.high + assume,
             c + " IS NOT NULL AND (" + c + " NOT REGEXP '^[+-]?[0-9]+$' OR " + range + ")");
        return;
      }
      if (!is_number(from->kind)) return;
      if (is_int(from->kind)) {
        const IntRange was = int_range(from->kind, from->is_unsigned);
        const bool fits = from->is_unsigned == to.is_unsigned ? was.bytes <= r.bytes
                          : from->is_unsigned                 ? was.bytes < r.bytes
                                                              : false;
        if (fits) return;
      }
      rows(i, f, change, std::string("a value is outside ") + r.low + " .. " + r.high, range);
      return;
    }
    if (to.kind == ir::TypeKind::Decimal) {
      const int digits = int_digits(to);
      const std::string limit = "1" + std::string(static_cast<size_t>(std::max(digits, 0)), '0');
      const std::string range =
          "ABS(" + c + ") >= " + limit + (to.is_unsigned ? " OR " + c + " < 0" : std::string());
      const std::string what = "a value has more than " + std::to_string(digits) +
                               " digits before the point" + (to.is_unsigned ? " or is negative" : "");
      if (strings) {
        rows(i, f, change, "a value is not a number or " + what.substr(8) + assume,
             c + " IS NOT NULL AND (" + c + " NOT REGEXP " + kNumber + " OR " + range + ")");
        return;
      }
      if (!is_number(from->kind)) return;
      if ((is_int(from->kind) || from->kind == ir::TypeKind::Decimal) && int_digits(*from) <= digits &&
          (from->is_unsigned || !to.is_unsigned))
        return;
      rows(i, f, change, what, c + " IS NOT NULL AND (" + range + ")");
      return;
    }
    if (to.kind == ir::TypeKind::Real || to.kind == ir::TypeKind::Double) {
      if (!strings) return;
      rows(i, f, change, "a value is not a number" + assume,
           c + " IS NOT NULL AND " + c + " NOT REGEXP " + kNumber);
      return;
    }
    if (to.kind == ir::TypeKind::Date || to.kind == ir::TypeKind::Timestamp ||
        to.kind == ir::TypeKind::TimestampTz) {
      if (!strings) return;
      const std::string as = to.kind == ir::TypeKind::Date ? "DATE" : "DATETIME";
      rows(i, f, change, "a value is not a valid " + ascii_lower(as) + assume,
           c + " IS NOT NULL AND CAST(" + c + " AS " + as + ") IS NULL");
    }
  }

  const ir::ParsedFile& file_;
  const MigrationFacts& facts_;
  std::string_view text_;
  bool mysql_;
  std::vector<std::pair<ir::QualifiedName, ir::Constraint>> added_;
  std::map<std::string, std::vector<std::string>> enums_;  // PostgreSQL enum labels by type name
  std::vector<PreflightCheck> out_;
};

}  // namespace

std::vector<PreflightCheck> preflight_checks(const ir::ParsedFile& file, const MigrationFacts& facts,
                                             std::string_view text, Dialect dialect) {
  return Builder(file, facts, text, dialect).run();
}

}  // namespace ddlint::analysis
