#include "analysis/preflight.h"

#include <optional>

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

  void set_type(size_t i, const ir::Fact& f) {
    if (!f.type) return;
    const ir::NormalType& to = *f.type;
    const KnownColumn* old = facts_.at(i).old_column(f.action);
    const std::optional<ir::NormalType> from =
        old != nullptr ? std::optional<ir::NormalType>(ir::normalize(old->type)) : std::nullopt;
    const std::string change =
        "changing " + quoted(f.table_name) + "." + quoted(f.name) + " to " +
        quoted(to.spelling + (to.length ? "(" + std::to_string(*to.length) + ")" : ""));
    if ((to.kind == ir::TypeKind::Varchar || to.kind == ir::TypeKind::Char) && to.length) {
      // Narrower than before, or from a type ddlint does not know.
      if (from && (from->kind == ir::TypeKind::Varchar || from->kind == ir::TypeKind::Char) && from->length &&
          *from->length <= *to.length)
        return;
      rows(i, f, change, "a value is longer than " + std::to_string(*to.length) + " characters",
           "char_length(" + id(f.name) + ") > " + std::to_string(*to.length));
      return;
    }
    if (!from) return;
    struct Range {
      ir::TypeKind kind;
      int bytes;
      const char* low;
      const char* high;
    };
    static const Range ranges[] = {{ir::TypeKind::TinyInt, 1, "-128", "127"},
                                   {ir::TypeKind::SmallInt, 2, "-32768", "32767"},
                                   {ir::TypeKind::MediumInt, 3, "-8388608", "8388607"},
                                   {ir::TypeKind::Integer, 4, "-2147483648", "2147483647"}};
    auto size = [](ir::TypeKind k) {
      switch (k) {
        case ir::TypeKind::TinyInt:
          return 1;
        case ir::TypeKind::SmallInt:
        case ir::TypeKind::SmallSerial:
          return 2;
        case ir::TypeKind::MediumInt:
          return 3;
        case ir::TypeKind::Integer:
        case ir::TypeKind::Serial:
          return 4;
        case ir::TypeKind::BigInt:
        case ir::TypeKind::BigSerial:
          return 8;
        default:
          return 0;
      }
    };
    for (const auto& r : ranges)
      if (r.kind == to.kind && !to.is_unsigned && size(from->kind) > r.bytes && !from->is_unsigned) {
        rows(i, f, change, std::string("a value is outside ") + r.low + " .. " + r.high,
             id(f.name) + " NOT BETWEEN " + r.low + " AND " + r.high);
        return;
      }
  }

  const ir::ParsedFile& file_;
  const MigrationFacts& facts_;
  std::string_view text_;
  bool mysql_;
  std::vector<std::pair<ir::QualifiedName, ir::Constraint>> added_;
  std::vector<PreflightCheck> out_;
};

}  // namespace

std::vector<PreflightCheck> preflight_checks(const ir::ParsedFile& file, const MigrationFacts& facts,
                                             std::string_view text, Dialect dialect) {
  return Builder(file, facts, text, dialect).run();
}

}  // namespace ddlint::analysis
