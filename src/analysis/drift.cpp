#include "analysis/drift.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analysis/migration_facts.h"
#include "core/ascii.h"

namespace ddlint::analysis {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

// `word` appears in `text` (lower-case) as a whole word.
bool mentions(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool before = at == 0 || !word_char(text[at - 1]);
    const bool after = at + word.size() >= text.size() || !word_char(text[at + word.size()]);
    if (before && after) return true;
  }
  return false;
}

// Whitespace outside quotes removed and the rest lower-case (types and
// defaults compare in this form).
std::string squeeze(std::string_view s) {
  std::string out;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      out += c;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string where_of(const SourceFile& source, uint32_t offset) {
  return source.path() + ":" + std::to_string(source.lines().position(offset).line);
}

// Opaque statements that create or change no table, index, constraint or
// enum type the comparison looks at.
bool harmless(std::string_view node) {
  static const char* const kNodes[] = {"AlterDefaultPrivilegesStmt",
                                       "AlterOwnerStmt",
                                       "AlterPolicyStmt",
                                       "AlterRoleStmt",
                                       "AlterSeqStmt",
                                       "CommentStmt",
                                       "CompositeTypeStmt",
                                       "CreateCastStmt",
                                       "CreateDatabaseStmt",
                                       "CreateEventStmt",
                                       "CreateEventTrigStmt",
                                       "CreateExtensionStmt",
                                       "CreateFunctionStmt",
                                       "CreatePolicyStmt",
                                       "CreateProcedureStmt",
                                       "CreateRoleStmt",
                                       "CreateSchemaStmt",
                                       "CreateSeqStmt",
                                       "CreateSequenceStmt",
                                       "CreateStatsStmt",
                                       "CreateTrigStmt",
                                       "CreateTriggerStmt",
                                       "CreateUserStmt",
                                       "CreateViewStmt",
                                       "DefineStmt",
                                       "ExplainStmt",
                                       "GrantRoleStmt",
                                       "GrantStmt",
                                       "NotifyStmt",
                                       "RevokeStmt",
                                       "RuleStmt",
                                       "SelectStmt",
                                       "SetStmt",
                                       "UseStmt",
                                       "VariableSetStmt",
                                       "ViewStmt",
                                       "CreateFunctionStmt",
                                       "AlterFunctionStmt",
                                       "CommentOnStmt",
                                       "CreateEnumStmt",
                                       "DropStmt",
                                       "ShowStmt",
                                       "DoNothing"};
  return std::any_of(std::begin(kNodes), std::end(kNodes), [&](const char* n) { return node == n; });
}

const std::string& mod(const ir::TypeName& t, size_t i) {
  static const std::string kEmpty;
  return i < t.modifiers.size() ? t.modifiers[i] : kEmpty;
}

std::string mods(const ir::TypeName& t) {
  return t.modifiers.empty() ? std::string() : "(" + join(t.modifiers, ",") + ")";
}

}  // namespace

const DriftColumn* DriftTable::column(std::string_view n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

std::string pg_catalog_type(const ir::TypeName& t) {
  const std::string& n = t.name;
  std::string base;
  auto with_tz = [&](const char* kind, bool tz) {
    const std::string p = t.modifiers.empty() ? std::string() : "(" + mod(t, 0) + ")";
    return std::string(kind) + p + (tz ? " with time zone" : " without time zone");
  };
  if (n == "int2" || n == "smallint" || n == "smallserial" || n == "serial2")
    base = "smallint";
  else if (n == "int4" || n == "int" || n == "integer" || n == "serial" || n == "serial4")
    base = "integer";
  else if (n == "int8" || n == "bigint" || n == "bigserial" || n == "serial8")
    base = "bigint";
  else if (n == "float4" || n == "real")
    base = "real";
  else if (n == "float8" || n == "double precision")
    base = "double precision";
  else if (n == "numeric" || n == "decimal")
    base = "numeric" + mods(t);
  else if (n == "varchar" || n == "character varying")
    base = "character varying" + mods(t);
  else if (n == "bpchar" || n == "character")
    base = "character" + (t.modifiers.empty() ? "(1)" : mods(t));
  else if (n == "bool" || n == "boolean")
    base = "boolean";
  else if (n == "timestamp")
    base = with_tz("timestamp", false);
  else if (n == "timestamptz")
    base = with_tz("timestamp", true);
  else if (n == "time")
    base = with_tz("time", false);
  else if (n == "timetz")
    base = with_tz("time", true);
  else if (n == "bit")
    base = "bit" + (t.modifiers.empty() ? "(1)" : mods(t));
  else if (n == "varbit")
    base = "bit varying" + mods(t);
  else if (n == "interval" && t.modifiers.empty())
    base = "interval";
  else if (t.modifiers.empty() &&
           (n == "text" || n == "date" || n == "bytea" || n == "json" || n == "jsonb" || n == "uuid" ||
            n == "inet" || n == "cidr" || n == "macaddr" || n == "money" || n == "xml" || n == "tsvector" ||
            n == "oid"))
    base = n;
  else
    return {};
  return t.array ? base + "[]" : base;
}

std::string mysql_catalog_type(const ir::TypeName& t) {
  const std::string n = ascii_lower(t.name);
  std::string out;
  static const char* const kInts[] = {"tinyint", "smallint", "mediumint", "int", "bigint"};
  if (n == "integer") {
    out = "int";
  } else if (n == "bool" || n == "boolean") {
    out = "tinyint";
  } else if (std::any_of(std::begin(kInts), std::end(kInts), [&](const char* k) { return n == k; })) {
    out = n;  // display widths are left out (MySQL 8 prints none)
  } else if (n == "decimal" || n == "numeric" || n == "dec" || n == "fixed") {
    out = "decimal(" + (t.modifiers.empty() ? std::string("10") : mod(t, 0)) + "," +
          (t.modifiers.size() > 1 ? mod(t, 1) : std::string("0")) + ")";
  } else if (n == "char" || n == "binary") {
    out = n + (t.modifiers.empty() ? std::string("(1)") : mods(t));
  } else if (n == "varchar" || n == "varbinary" || n == "bit") {
    out = n + mods(t);
  } else if (n == "datetime" || n == "timestamp" || n == "time") {
    out = n + (t.modifiers.empty() || mod(t, 0) == "0" ? std::string() : mods(t));
  } else if (n == "enum" || n == "set") {
    out = n + mods(t);
  } else if (t.modifiers.empty() &&
             (n == "text" || n == "tinytext" || n == "mediumtext" || n == "longtext" || n == "blob" ||
              n == "tinyblob" || n == "mediumblob" || n == "longblob" || n == "date" || n == "year" ||
              n == "double" || n == "float" || n == "json")) {
    out = n;
  } else {
    return {};
  }
  if (t.is_unsigned) out += " unsigned";
  return squeeze(out);
}

std::string normal_default(std::string_view expr) {
  std::string s = squeeze(expr);
  for (bool again = true; again;) {
    again = false;
    // A cast of the whole expression: 'x'::text, 'a'::character varying.
    char quote = 0;
    int depth = 0;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      const char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') quote = c;
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (depth == 0 && c == ':' && s[i + 1] == ':') {
        s.resize(i);
        again = true;
        break;
      }
    }
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
      int d = 0;
      bool outer = true;
      for (size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '(') ++d;
        if (s[i] == ')') --d;
        if (d == 0) outer = false;
      }
      if (outer) {
        s = s.substr(1, s.size() - 2);
        again = true;
      }
    }
  }
  if (s == "now()" || s == "current_timestamp()" || s == "localtimestamp" || s == "localtimestamp()")
    s = "current_timestamp";
  // A quoted number reads as the number ('0' for an int column is 0).
  if (s.size() >= 3 && s.front() == '\'' && s.back() == '\'') {
    const std::string inner = s.substr(1, s.size() - 2);
    if (!inner.empty() && inner.find_first_not_of("0123456789.-") == std::string::npos) s = inner;
  }
  if (s == "null") s.clear();
  return s;
}

std::string DriftReplay::fold(const std::string& s) const {
  return dialect_ == Dialect::MySql ? ascii_lower(s) : s;
}

std::string DriftReplay::key(const ir::QualifiedName& n) const {
  if (dialect_ == Dialect::MySql || n.schema.empty() || n.schema == "public") return fold(n.name);
  return n.schema + "." + n.name;
}

void DriftReplay::drop_table(const std::string& k) {
  schema_.tables.erase(k);
  std::erase_if(schema_.indexes, [&](const DriftIndex& i) { return i.table == k; });
  std::erase_if(schema_.constraints, [&](const DriftConstraint& c) { return c.table == k; });
}

void DriftReplay::uncertain_mentions(std::string_view statement_text, const std::string& where) {
  schema_.unreadable.push_back(where + "\t" + ascii_lower(statement_text));
}

void DriftReplay::add_column(DriftTable& t, const ir::ColumnDef& def, std::string_view text,
                             DriftOrigin origin) {
  DriftColumn c;
  c.name = fold(def.name);
  c.type = dialect_ == Dialect::MySql ? mysql_catalog_type(def.type) : pg_catalog_type(def.type);
  c.type_text = std::string(text.substr(def.type.range.begin, def.type.range.size()));
  c.not_null = def.not_null;
  if (def.default_value && !def.default_value->is_null)
    c.default_value =
        std::string(text.substr(def.default_value->range.begin, def.default_value->range.size()));
  const std::string tn = ascii_lower(def.type.name);
  if (tn.find("serial") != std::string::npos) c.default_known = false;
  for (const auto& k : def.constraints) {
    if (k.kind == ir::ConstraintKind::Generated || k.kind == ir::ConstraintKind::Identity)
      c.default_known = false;
    if (k.kind == ir::ConstraintKind::PrimaryKey) c.not_null = true;
  }
  // A MySQL TIMESTAMP's implicit defaults depend on server settings.
  if (dialect_ == Dialect::MySql && tn == "timestamp") c.default_known = false;
  c.origin = {origin.file, def.range};
  std::erase_if(t.columns, [&](const DriftColumn& o) { return o.name == c.name; });
  t.columns.push_back(std::move(c));
  for (const auto& k : def.constraints)
    add_constraint(t.name, k, fold(def.name), text, {origin.file, k.range});
}

void DriftReplay::add_constraint(const std::string& table, const ir::Constraint& c, const std::string& column,
                                 std::string_view text, DriftOrigin origin) {
  std::vector<std::string> cols;
  for (const auto& col : c.columns) cols.push_back(fold(col));
  if (cols.empty() && !column.empty()) cols.push_back(column);
  std::string def(text.substr(c.range.begin, c.range.size()));
  const std::string low = ascii_lower(def);
  const bool mysql = dialect_ == Dialect::MySql;
  auto quoted_cols = [&] {
    std::vector<std::string> q;
    q.reserve(cols.size());
    for (const auto& col : cols) q.push_back(mysql ? "`" + col + "`" : col);
    return join(q, ", ");
  };
  const bool index_kind = c.kind == ir::ConstraintKind::Index || c.kind == ir::ConstraintKind::Fulltext ||
                          c.kind == ir::ConstraintKind::Spatial;
  if (index_kind && !mysql) return;
  if (mysql && (index_kind || c.kind == ir::ConstraintKind::Unique)) {
    // MySQL keeps UNIQUE constraints as unique indexes; an unnamed one is
    // named after its first column (`c_2` when that name is taken).
    DriftIndex i;
    i.name = fold(c.name.empty() && !cols.empty() ? cols[0] : c.name);
    i.table = table;
    i.columns = cols;
    i.unique = c.kind == ir::ConstraintKind::Unique;
    i.origin = origin;
    if (c.name.empty()) {
      std::set<std::string> taken;
      for (const auto& o : schema_.indexes)
        if (o.table == table) taken.insert(o.name);
      const std::string base = i.name;
      for (int n = 2; taken.count(i.name); ++n) i.name = base + "_" + std::to_string(n);
    }
    i.definition = std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX `" + i.name + "` ON `" +
                   table + "` (" + quoted_cols() + ")";
    schema_.indexes.push_back(std::move(i));
    return;
  }
  DriftConstraint k;
  k.table = table;
  k.name = fold(c.name);
  k.columns = cols;
  k.origin = origin;
  k.validated = !c.not_valid;
  switch (c.kind) {
    case ir::ConstraintKind::PrimaryKey:
      k.kind = DriftConstraintKind::PrimaryKey;
      // A primary key makes its columns NOT NULL.
      if (auto it = schema_.tables.find(table); it != schema_.tables.end())
        for (auto& col : it->second.columns)
          if (std::find(cols.begin(), cols.end(), col.name) != cols.end()) col.not_null = true;
      if (mysql) k.name = "primary";
      if (low.rfind("primary", 0) == 0) def = "PRIMARY KEY (" + quoted_cols() + ")";
      break;
    case ir::ConstraintKind::Unique:
      k.kind = DriftConstraintKind::Unique;
      if (low.rfind("unique", 0) == 0 && !column.empty() && c.columns.empty())
        def = "UNIQUE (" + quoted_cols() + ")";
      break;
    case ir::ConstraintKind::ForeignKey:
      k.kind = DriftConstraintKind::ForeignKey;
      k.ref_table = key(c.ref_table);
      if (low.rfind("references", 0) == 0) def = "FOREIGN KEY (" + quoted_cols() + ") " + def;
      break;
    case ir::ConstraintKind::Check:
      k.kind = DriftConstraintKind::Check;
      if (c.not_enforced) return;
      if (mariadb_ && k.name.empty() && !column.empty() && c.columns.empty()) k.name = column;
      break;
    case ir::ConstraintKind::Exclusion:
      k.kind = DriftConstraintKind::Exclusion;
      break;
    default:
      return;  // NOT NULL, DEFAULT, identity, generated: column facts
  }
  k.definition = def;
  schema_.constraints.push_back(std::move(k));
}

void DriftReplay::apply(const ir::ParsedFile& parsed, const RunnerPlan& plan, const SourceFile& source,
                        int file) {
  auto down = [&](uint32_t offset) { return plan.sections[plan.section_at(offset)].down; };
  const std::string_view text = source.text();
  for (const auto& st : parsed.statements) {
    if (down(st.range.begin)) continue;
    const std::string where = where_of(source, st.range.begin);
    if (st.recovered) {
      uncertain_mentions(text.substr(st.range.begin, st.range.size()), where);
      continue;
    }
    statement(st, text, where, file);
  }
  for (const auto& e : parsed.errors) {
    if (down(e.statement.begin)) continue;
    uncertain_mentions(text.substr(e.statement.begin, e.statement.size()),
                       where_of(source, e.statement.begin));
  }
  for (const auto& s : parsed.skipped) {
    if (down(s.range.begin) || s.kind == ir::SkippedKind::ClientInput) continue;
    uncertain_mentions(text.substr(s.range.begin, s.range.size()), where_of(source, s.range.begin));
  }
}

void DriftReplay::statement(const ir::Statement& st, std::string_view text, const std::string& where,
                            int file) {
  const DriftOrigin origin{file, st.range};
  const std::string_view stmt_text = text.substr(st.range.begin, st.range.size());
  const bool mysql = dialect_ == Dialect::MySql;
  if (const auto* c = st.as<ir::CreateTable>()) {
    if (c->temporary || c->object != ir::ObjectKind::Table) return;
    const std::string k = key(c->table);
    if (runner_bookkeeping_table(c->table.name)) return;
    if (c->if_not_exists && schema_.tables.count(k)) return;
    drop_table(k);
    DriftTable& t = schema_.tables[k];
    t.name = k;
    t.origin = origin;
    t.columns_known = !c->as_select && !c->like && !c->partition_of;
    if (c->like || c->partition_of) t.uncertain = where;
    for (const auto& col : c->columns) add_column(t, col, text, origin);
    for (const auto& k2 : c->constraints) add_constraint(k, k2, "", text, {file, k2.range});
    if (!mysql) {
      // PostgreSQL builds one index for UNIQUE / PRIMARY KEY constraints of a
      // CREATE TABLE on the same columns: the primary key (else the first) stays.
      std::vector<size_t> keys;
      for (size_t n = 0; n < schema_.constraints.size(); ++n) {
        const auto& kk = schema_.constraints[n];
        if (kk.table == k && kk.origin.file == file && kk.origin.range.begin >= st.range.begin &&
            (kk.kind == DriftConstraintKind::PrimaryKey || kk.kind == DriftConstraintKind::Unique))
          keys.push_back(n);
      }
      std::stable_sort(keys.begin(), keys.end(), [&](size_t a, size_t b) {
        return (schema_.constraints[a].kind == DriftConstraintKind::PrimaryKey) >
               (schema_.constraints[b].kind == DriftConstraintKind::PrimaryKey);
      });
      std::set<std::vector<std::string>> seen;
      std::set<size_t> gone;
      for (size_t n : keys)
        if (!seen.insert(schema_.constraints[n].columns).second) gone.insert(n);
      for (auto it = gone.rbegin(); it != gone.rend(); ++it)
        schema_.constraints.erase(schema_.constraints.begin() + static_cast<std::ptrdiff_t>(*it));
    }
    return;
  }
  if (const auto* a = st.as<ir::AlterTable>()) {
    if (a->object != ir::ObjectKind::Table) return;
    std::string k = key(a->table);
    if (runner_bookkeeping_table(a->table.name)) return;
    if (!schema_.tables.count(k)) {
      DriftTable& t = schema_.tables[k];
      t.name = k;
      t.columns_known = false;
      t.created = false;
      t.origin = origin;
    }
    for (const auto& act : a->actions) {
      DriftTable& t = schema_.tables[k];
      const DriftOrigin at{file, act.range};
      const std::string col = fold(act.column);
      auto* column = [&]() -> DriftColumn* {
        for (auto& c : t.columns)
          if (c.name == col) return &c;
        return nullptr;
      }();
      switch (act.kind) {
        case ir::AlterKind::AddColumn:
          if (act.column_def && !(act.if_exists && t.column(fold(act.column_def->name))))
            add_column(t, *act.column_def, text, at);
          break;
        case ir::AlterKind::ModifyColumn:
        case ir::AlterKind::ChangeColumn:
          if (act.column_def) {
            if (act.kind == ir::AlterKind::ChangeColumn && fold(act.column_def->name) != col) {
              const std::string to = fold(act.column_def->name);
              for (auto& i : schema_.indexes)
                if (i.table == k) std::replace(i.columns.begin(), i.columns.end(), col, to);
              for (auto& c : schema_.constraints)
                if (c.table == k) std::replace(c.columns.begin(), c.columns.end(), col, to);
            }
            std::erase_if(t.columns, [&](const DriftColumn& c) { return c.name == col; });
            if (mariadb_)
              std::erase_if(schema_.constraints, [&](const DriftConstraint& c) {
                return c.table == k && c.kind == DriftConstraintKind::Check && c.name == col;
              });
            add_column(schema_.tables[k], *act.column_def, text, at);
          }
          break;
        case ir::AlterKind::DropColumn:
          std::erase_if(t.columns, [&](const DriftColumn& c) { return c.name == col; });
          // Indexes and constraints on the column go with it, expressions
          // and CHECKs that name it too.
          std::erase_if(schema_.indexes, [&](const DriftIndex& i) {
            return i.table == k &&
                   (std::find(i.columns.begin(), i.columns.end(), col) != i.columns.end() ||
                    (std::find(i.columns.begin(), i.columns.end(), "(expr)") != i.columns.end() &&
                     mentions(ascii_lower(i.definition), ascii_lower(col))));
          });
          std::erase_if(schema_.constraints, [&](const DriftConstraint& c) {
            return c.table == k &&
                   (std::find(c.columns.begin(), c.columns.end(), col) != c.columns.end() ||
                    ((c.kind == DriftConstraintKind::Check || c.kind == DriftConstraintKind::Exclusion) &&
                     mentions(ascii_lower(c.definition), ascii_lower(col))));
          });
          break;
        case ir::AlterKind::AlterColumnType:
          if (column && act.new_type) {
            column->type = mysql ? mysql_catalog_type(*act.new_type) : pg_catalog_type(*act.new_type);
            column->type_text =
                std::string(text.substr(act.new_type->range.begin, act.new_type->range.size()));
          }
          break;
        case ir::AlterKind::SetNotNull:
          if (column) column->not_null = true, column->not_null_known = true;
          break;
        case ir::AlterKind::DropNotNull:
          if (column) column->not_null = false, column->not_null_known = true;
          break;
        case ir::AlterKind::SetDefault:
          if (column) {
            column->default_value.reset();
            if (act.expr && !act.expr->is_null)
              column->default_value = std::string(text.substr(act.expr->range.begin, act.expr->range.size()));
          }
          break;
        case ir::AlterKind::DropDefault:
          if (column) column->default_value.reset();
          break;
        case ir::AlterKind::AddIdentity:
        case ir::AlterKind::SetIdentity:
        case ir::AlterKind::DropIdentity:
        case ir::AlterKind::SetExpression:
        case ir::AlterKind::DropExpression:
          if (column) column->default_known = false;
          break;
        case ir::AlterKind::AddConstraint:
        case ir::AlterKind::AddIndex:
          if (act.constraint) {
            if (act.constraint->using_index.empty()) {
              add_constraint(k, *act.constraint, "", text, at);
            } else {
              // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's.
              const std::string idx = fold(act.constraint->using_index);
              std::erase_if(schema_.indexes, [&](const DriftIndex& i) { return i.name == idx; });
              ir::Constraint copy = *act.constraint;
              add_constraint(k, copy, "", text, at);
            }
          }
          break;
        case ir::AlterKind::DropConstraint: {
          const std::string n = fold(act.name);
          const size_t before = schema_.constraints.size() + schema_.indexes.size();
          std::erase_if(schema_.constraints,
                        [&](const DriftConstraint& c) { return c.table == k && c.name == n; });
          if (mysql)
            std::erase_if(schema_.indexes, [&](const DriftIndex& i) { return i.table == k && i.name == n; });
          if (before == schema_.constraints.size() + schema_.indexes.size() && !act.if_exists)
            t.uncertain = where;  // a constraint the history did not name: which one is not known
          break;
        }
        case ir::AlterKind::DropIndex: {
          const std::string n = fold(act.name);
          std::erase_if(schema_.indexes, [&](const DriftIndex& i) { return i.table == k && i.name == n; });
          break;
        }
        case ir::AlterKind::DropPrimaryKey:
          std::erase_if(schema_.constraints, [&](const DriftConstraint& c) {
            return c.table == k && c.kind == DriftConstraintKind::PrimaryKey;
          });
          break;
        case ir::AlterKind::ValidateConstraint:
          for (auto& c : schema_.constraints)
            if (c.table == k && c.name == fold(act.name)) c.validated = true;
          break;
        case ir::AlterKind::RenameColumn: {
          const std::string to = fold(act.name);
          if (column) column->name = to;
          for (auto& i : schema_.indexes)
            if (i.table == k) std::replace(i.columns.begin(), i.columns.end(), col, to);
          for (auto& c : schema_.constraints)
            if (c.table == k) std::replace(c.columns.begin(), c.columns.end(), col, to);
          break;
        }
        case ir::AlterKind::RenameTable: {
          ir::QualifiedName to;
          to.name = act.name;
          const std::string nk = key(to);
          DriftTable moved = std::move(t);
          schema_.tables.erase(k);
          drop_table(nk);
          moved.name = nk;
          schema_.tables[nk] = std::move(moved);
          for (auto& i : schema_.indexes)
            if (i.table == k) i.table = nk;
          for (auto& c : schema_.constraints)
            if (c.table == k) c.table = nk;
          k = nk;
          break;
        }
        case ir::AlterKind::AlterConstraint:
        case ir::AlterKind::SetTablespace:
        case ir::AlterKind::SetLogged:
        case ir::AlterKind::SetUnlogged:
        case ir::AlterKind::SetAccessMethod:
        case ir::AlterKind::AttachPartition:
        case ir::AlterKind::DetachPartition:
        case ir::AlterKind::SetStatistics:
        case ir::AlterKind::SetStorage:
        case ir::AlterKind::SetCompression:
        case ir::AlterKind::SetOptions:
        case ir::AlterKind::ResetOptions:
        case ir::AlterKind::ClusterOn:
        case ir::AlterKind::SetWithoutCluster:
        case ir::AlterKind::EnableTrigger:
        case ir::AlterKind::DisableTrigger:
        case ir::AlterKind::EnableRule:
        case ir::AlterKind::DisableRule:
        case ir::AlterKind::EnableRowSecurity:
        case ir::AlterKind::DisableRowSecurity:
        case ir::AlterKind::ForceRowSecurity:
        case ir::AlterKind::NoForceRowSecurity:
        case ir::AlterKind::ReplicaIdentity:
        case ir::AlterKind::OwnerTo:
        case ir::AlterKind::Inherit:
        case ir::AlterKind::NoInherit:
        case ir::AlterKind::TableOptions:
          break;
        case ir::AlterKind::ConvertCharset:
        case ir::AlterKind::Other:
          t.uncertain = where;
          break;
      }
    }
    return;
  }
  if (const auto* ci = st.as<ir::CreateIndex>()) {
    const std::string k = key(ci->table);
    const std::string n = fold(ci->name);
    if (ci->if_not_exists && !n.empty() &&
        std::any_of(schema_.indexes.begin(), schema_.indexes.end(),
                    [&](const DriftIndex& i) { return i.name == n; }))
      return;
    DriftIndex i;
    i.name = n;
    i.table = k;
    for (const auto& c : ci->columns) i.columns.push_back(fold(c));
    i.unique = ci->unique;
    i.origin = origin;
    i.definition = std::string(stmt_text);
    schema_.indexes.push_back(std::move(i));
    return;
  }
  if (const auto* d = st.as<ir::Drop>()) {
    for (const auto& n : d->names) {
      switch (d->object) {
        case ir::ObjectKind::Table:
          if (!d->temporary) drop_table(key(n));
          break;
        case ir::ObjectKind::Index: {
          const std::string name = fold(n.name);
          const std::string on = d->on_table.empty() ? std::string() : key(d->on_table);
          std::erase_if(schema_.indexes,
                        [&](const DriftIndex& i) { return i.name == name && (on.empty() || i.table == on); });
          break;
        }
        case ir::ObjectKind::Type:
          schema_.enums.erase(key(n));
          break;
        default:
          break;
      }
    }
    return;
  }
  if (const auto* r = st.as<ir::Rename>()) {
    const std::string k = key(r->target);
    switch (r->object) {
      case ir::ObjectKind::Table: {
        ir::QualifiedName to = r->target;
        to.name = r->new_name;
        const std::string nk = key(to);
        auto it = schema_.tables.find(k);
        if (it == schema_.tables.end()) return;
        DriftTable moved = std::move(it->second);
        schema_.tables.erase(it);
        drop_table(nk);
        moved.name = nk;
        schema_.tables[nk] = std::move(moved);
        for (auto& i : schema_.indexes)
          if (i.table == k) i.table = nk;
        for (auto& c : schema_.constraints)
          if (c.table == k) c.table = nk;
        return;
      }
      case ir::ObjectKind::Column: {
        const std::string from = fold(r->subname);
        const std::string to = fold(r->new_name);
        auto it = schema_.tables.find(k);
        if (it != schema_.tables.end())
          for (auto& c : it->second.columns)
            if (c.name == from) c.name = to;
        for (auto& i : schema_.indexes)
          if (i.table == k) std::replace(i.columns.begin(), i.columns.end(), from, to);
        for (auto& c : schema_.constraints)
          if (c.table == k) std::replace(c.columns.begin(), c.columns.end(), from, to);
        return;
      }
      case ir::ObjectKind::Index: {
        const std::string from = fold(r->target.name);
        for (auto& i : schema_.indexes)
          if (i.name == from) i.name = fold(r->new_name);
        // An index-backed constraint's index is renamed with it (PostgreSQL).
        for (auto& c : schema_.constraints)
          if (c.name == from) c.name = fold(r->new_name);
        return;
      }
      case ir::ObjectKind::Constraint:
        for (auto& c : schema_.constraints)
          if (c.table == k && c.name == fold(r->subname)) c.name = fold(r->new_name);
        return;
      case ir::ObjectKind::Type: {
        auto it = schema_.enums.find(k);
        if (it == schema_.enums.end()) return;
        ir::QualifiedName to = r->target;
        to.name = r->new_name;
        DriftEnum e = std::move(it->second);
        schema_.enums.erase(it);
        e.name = key(to);
        schema_.enums[e.name] = std::move(e);
        return;
      }
      default:
        uncertain_mentions(stmt_text, where);
        return;
    }
  }
  if (const auto* e = st.as<ir::AlterEnum>()) {
    auto it = schema_.enums.find(key(e->type));
    if (it == schema_.enums.end()) return;
    if (e->rename_value) {
      it->second.values_known = false;
    } else if (std::find(it->second.values.begin(), it->second.values.end(), e->value) ==
               it->second.values.end()) {
      it->second.values.push_back(e->value);
    }
    return;
  }
  if (const auto* o = st.as<ir::Opaque>()) {
    if (o->node == "CreateEnumStmt" && !o->creates.empty()) {
      DriftEnum e;
      e.name = key(o->creates);
      e.origin = origin;
      e.values = o->enum_labels;
      e.values_known = true;
      schema_.enums[e.name] = std::move(e);
      return;
    }
    if (!harmless(o->node)) uncertain_mentions(stmt_text, where);
    return;
  }
}

// ---- comparison -------------------------------------------------------------

namespace {

struct Writer {
  Dialect dialect;
  std::string q(std::string_view name) const {
    if (dialect == Dialect::MySql) return "`" + std::string(name) + "`";
    static const char* const kReserved[] = {"user",       "order", "group",  "table",   "select",
                                            "where",      "from",  "check",  "default", "primary",
                                            "references", "limit", "offset", "column",  "constraint",
                                            "index",      "key",   "end",    "desc",    "asc"};
    bool plain = !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_');
    for (char c : name)
      if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
            c == '_'))
        plain = false;
    if (plain &&
        std::none_of(std::begin(kReserved), std::end(kReserved), [&](const char* r) { return name == r; }))
      return std::string(name);
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }
  // A table key (`name` or `schema.name`) quoted.
  std::string table(const std::string& key) const {
    const size_t dot = dialect == Dialect::MySql ? std::string::npos : key.find('.');
    if (dot == std::string::npos) return q(key);
    return q(key.substr(0, dot)) + "." + q(key.substr(dot + 1));
  }
  std::string column_def(const DriftColumn& c, bool live) const {
    std::string s = q(c.name) + " " + (live || c.type_text.empty() ? c.type : c.type_text);
    if (c.not_null) s += " NOT NULL";
    if (c.default_value) s += " DEFAULT " + *c.default_value;
    return s;
  }
  std::string drop_index(const DriftIndex& i) const {
    if (dialect == Dialect::MySql) return "DROP INDEX " + q(i.name) + " ON " + table(i.table) + ";";
    const size_t dot = i.table.find('.');
    const std::string schema = dot == std::string::npos ? "" : q(i.table.substr(0, dot)) + ".";
    return "DROP INDEX " + schema + q(i.name) + ";";
  }
  std::string drop_constraint(const DriftConstraint& c) const {
    if (dialect == Dialect::MySql) {
      if (c.kind == DriftConstraintKind::PrimaryKey)
        return "ALTER TABLE " + table(c.table) + " DROP PRIMARY KEY;";
      if (c.kind == DriftConstraintKind::ForeignKey)
        return "ALTER TABLE " + table(c.table) + " DROP FOREIGN KEY " + q(c.name) + ";";
      return "ALTER TABLE " + table(c.table) + " DROP CONSTRAINT " + q(c.name) + ";";
    }
    return "ALTER TABLE " + table(c.table) + " DROP CONSTRAINT " + q(pg_name(c)) + ";";
  }
  // The name PostgreSQL gives a constraint the migration left unnamed.
  static std::string pg_name(const DriftConstraint& c) {
    if (!c.name.empty()) return c.name;
    std::string base = c.table.substr(c.table.find('.') == std::string::npos ? 0 : c.table.find('.') + 1);
    switch (c.kind) {
      case DriftConstraintKind::PrimaryKey:
        return base + "_pkey";
      case DriftConstraintKind::Unique:
        return base + "_" + join(c.columns, "_") + "_key";
      case DriftConstraintKind::ForeignKey:
        return base + "_" + join(c.columns, "_") + "_fkey";
      case DriftConstraintKind::Check:
        return base + (c.columns.size() == 1 ? "_" + c.columns[0] : std::string()) + "_check";
      case DriftConstraintKind::Exclusion:
        return base + "_excl";
    }
    return base;
  }
  std::string add_constraint(const DriftConstraint& c) const {
    std::string def = c.definition;
    const std::string low = ascii_lower(def);
    if (low.rfind("constraint", 0) == 0 || c.name.empty() ||
        (dialect == Dialect::MySql && c.kind == DriftConstraintKind::PrimaryKey))
      return "ALTER TABLE " + table(c.table) + " ADD " + def + ";";
    return "ALTER TABLE " + table(c.table) + " ADD CONSTRAINT " + q(c.name) + " " + def + ";";
  }
};

std::string describe(const DriftConstraint& c) {
  const std::string cols = c.columns.empty() ? std::string() : " (" + join(c.columns, ", ") + ")";
  if (!c.name.empty() && c.kind != DriftConstraintKind::PrimaryKey) return "constraint `" + c.name + "`";
  switch (c.kind) {
    case DriftConstraintKind::PrimaryKey:
      return "the primary key of `" + c.table + "`" + cols;
    case DriftConstraintKind::Unique:
      return "the unique constraint on `" + c.table + "`" + cols;
    case DriftConstraintKind::ForeignKey:
      return "the foreign key of `" + c.table + "`" + cols + " to `" + c.ref_table + "`";
    case DriftConstraintKind::Check:
      return "a check constraint on `" + c.table + "`" + cols;
    case DriftConstraintKind::Exclusion:
      return "an exclusion constraint on `" + c.table + "`";
  }
  return "a constraint";
}

std::string describe(const DriftIndex& i) {
  if (!i.name.empty()) return "index `" + i.name + "`";
  return std::string("the ") + (i.unique ? "unique " : "") + "index on `" + i.table + " (" +
         join(i.columns, ", ") + ")`";
}

// A default the comparison judges: a literal (number, string, boolean) or
// the current time; other expressions print differently in the catalogs.
bool simple_default(const std::string& s) {
  if (s.empty() || s == "true" || s == "false" || s == "current_timestamp") return true;
  if (s.front() == '\'' && s.back() == '\'' && s.size() >= 2) return true;
  return s.find_first_not_of("0123456789.-") == std::string::npos;
}

// MariaDB stores JSON as LONGTEXT (with a json_valid CHECK).
bool same_type(const std::string& history, const std::string& live) {
  const std::string h = squeeze(history);
  const std::string l = squeeze(live);
  return h == l || (h == "json" && l == "longtext");
}

std::string statement_text(const DriftOrigin& o, const std::vector<std::string_view>& texts) {
  if (o.file < 0 || static_cast<size_t>(o.file) >= texts.size()) return {};
  return std::string(texts[static_cast<size_t>(o.file)].substr(o.range.begin, o.range.size()));
}

}  // namespace

std::vector<Drift> compare_schemas(const DriftSchema& history, const DriftSchema& live, Dialect dialect,
                                   const std::vector<std::string_view>& texts) {
  std::vector<Drift> out;
  const Writer w{dialect};
  const bool mysql = dialect == Dialect::MySql;
  // A table a statement ddlint could not read names: not compared.
  auto unreadable_about = [&](const std::string& table) -> std::string {
    const std::string bare =
        ascii_lower(table.substr(table.find('.') == std::string::npos ? 0 : table.find('.') + 1));
    for (const auto& u : history.unreadable) {
      const size_t tab = u.find('\t');
      if (mentions(std::string_view(u).substr(tab + 1), bare)) return u.substr(0, tab);
    }
    return {};
  };
  std::set<std::string> names;
  for (const auto& [k, t] : history.tables) names.insert(k);
  for (const auto& [k, t] : live.tables) names.insert(k);
  for (const auto& name : names) {
    const std::string bare = name.substr(name.find('.') == std::string::npos ? 0 : name.find('.') + 1);
    if (runner_bookkeeping_table(bare)) continue;
    const auto h = history.tables.find(name);
    const auto l = live.tables.find(name);
    const DriftTable* ht = h == history.tables.end() ? nullptr : &h->second;
    const DriftTable* lt = l == live.tables.end() ? nullptr : &l->second;
    if ((ht && !ht->uncertain.empty()) || !unreadable_about(name).empty()) continue;
    auto indexes_of = [&](const DriftSchema& s) {
      std::vector<const DriftIndex*> v;
      for (const auto& i : s.indexes)
        if (i.table == name) v.push_back(&i);
      return v;
    };
    auto constraints_of = [&](const DriftSchema& s) {
      std::vector<const DriftConstraint*> v;
      for (const auto& c : s.constraints)
        if (c.table == name) v.push_back(&c);
      return v;
    };
    if (!ht || (!ht->created && ht->columns.empty() && !lt)) {
      if (!lt) continue;
      Drift d;
      d.message = "table `" + name + "` exists in the database but not in the migrations";
      if (!history.unreadable.empty()) {
        d.conditional = true;
        d.message += ", unless a statement ddlint could not read creates it (" +
                     history.unreadable.front().substr(0, history.unreadable.front().find('\t')) + ")";
      }
      std::vector<std::string> defs;
      for (const auto& c : lt->columns) defs.push_back("  " + w.column_def(c, true));
      d.incorporate = "CREATE TABLE " + w.table(name) + " (\n" + join(defs, ",\n") + "\n);";
      for (const auto* c : constraints_of(live)) d.incorporate += "\n" + w.add_constraint(*c);
      for (const auto* i : indexes_of(live)) d.incorporate += "\n" + i->definition + ";";
      d.revert = "DROP TABLE " + w.table(name) + ";";
      d.phase = 1;
      out.push_back(std::move(d));
      continue;
    }
    if (!lt) {
      if (!ht->created) continue;
      Drift d;
      d.origin = ht->origin;
      d.message = "table `" + name + "` is created by the migrations but not in the database";
      d.incorporate = "DROP TABLE " + w.table(name) + ";";
      d.revert = statement_text(ht->origin, texts) + ";";
      d.phase = 9;
      out.push_back(std::move(d));
      continue;
    }
    // Columns.
    for (const auto& lc : lt->columns) {
      const DriftColumn* hc = ht->column(lc.name);
      const std::string shown = "`" + name + "." + lc.name + "`";
      if (!hc) {
        if (!ht->columns_known) continue;
        Drift d;
        d.origin = ht->origin;
        d.message = "column " + shown + " exists in the database but not in the migrations";
        d.incorporate = "ALTER TABLE " + w.table(name) + " ADD COLUMN " + w.column_def(lc, true) + ";";
        d.revert = "ALTER TABLE " + w.table(name) + " DROP COLUMN " + w.q(lc.name) + ";";
        d.phase = 2;
        out.push_back(std::move(d));
        continue;
      }
      if (!hc->type.empty() && !lc.type.empty() && !same_type(hc->type, lc.type)) {
        Drift d;
        d.origin = hc->origin;
        d.message = "column " + shown + " is `" + lc.type + "` in the database but `" + hc->type +
                    "` in the migrations";
        const std::string alter =
            "ALTER TABLE " + w.table(name) + (mysql ? " MODIFY COLUMN " : " ALTER COLUMN ");
        if (mysql) {
          d.incorporate = alter + w.column_def(lc, true) + ";";
          d.revert = alter + w.column_def(*hc, false) + ";";
        } else {
          d.incorporate = alter + w.q(lc.name) + " TYPE " + lc.type + ";";
          d.revert = alter + w.q(lc.name) + " TYPE " + hc->type_text + ";";
        }
        d.phase = 3;
        out.push_back(std::move(d));
      }
      if (hc->not_null_known && lc.not_null_known && hc->not_null != lc.not_null) {
        Drift d;
        d.origin = hc->origin;
        d.message = "column " + shown + " is " + (lc.not_null ? "NOT NULL" : "nullable") +
                    " in the database but " + (hc->not_null ? "NOT NULL" : "nullable") + " in the migrations";
        if (mysql) {
          d.incorporate = "ALTER TABLE " + w.table(name) + " MODIFY COLUMN " + w.column_def(lc, true) + ";";
          d.revert = "ALTER TABLE " + w.table(name) + " MODIFY COLUMN " + w.column_def(*hc, false) + ";";
        } else {
          const std::string alter = "ALTER TABLE " + w.table(name) + " ALTER COLUMN " + w.q(lc.name);
          d.incorporate = alter + (lc.not_null ? " SET NOT NULL;" : " DROP NOT NULL;");
          d.revert = alter + (lc.not_null ? " DROP NOT NULL;" : " SET NOT NULL;");
        }
        d.phase = 3;
        out.push_back(std::move(d));
      }
      if (hc->default_known && lc.default_known) {
        const std::string hd = hc->default_value ? normal_default(*hc->default_value) : std::string();
        const std::string ld = lc.default_value ? normal_default(*lc.default_value) : std::string();
        const bool differ =
            hd.empty() != ld.empty() || (simple_default(hd) && simple_default(ld) && hd != ld);
        if (differ) {
          Drift d;
          d.origin = hc->origin;
          if (ld.empty())
            d.message = "column " + shown + " has no default in the database but DEFAULT " +
                        *hc->default_value + " in the migrations";
          else if (hd.empty())
            d.message = "column " + shown + " has DEFAULT " + *lc.default_value +
                        " in the database but no default in the migrations";
          else
            d.message = "column " + shown + " has DEFAULT " + *lc.default_value +
                        " in the database but DEFAULT " + *hc->default_value + " in the migrations";
          const std::string alter = "ALTER TABLE " + w.table(name) + " ALTER COLUMN " + w.q(lc.name);
          d.incorporate = alter + (ld.empty() ? " DROP DEFAULT;" : " SET DEFAULT " + *lc.default_value + ";");
          d.revert = alter + (hd.empty() ? " DROP DEFAULT;" : " SET DEFAULT " + *hc->default_value + ";");
          d.phase = 3;
          out.push_back(std::move(d));
        }
      }
    }
    for (const auto& hc : ht->columns) {
      if (lt->column(hc.name)) continue;
      Drift d;
      d.origin = hc.origin;
      d.message = "column `" + name + "." + hc.name + "` is in the migrations but not in the database";
      d.incorporate = "ALTER TABLE " + w.table(name) + " DROP COLUMN " + w.q(hc.name) + ";";
      d.revert = "ALTER TABLE " + w.table(name) + " ADD COLUMN " + w.column_def(hc, false) + ";";
      d.phase = 8;
      out.push_back(std::move(d));
    }

    // Constraints: by name, then the unnamed ones by kind and columns.
    auto lcs = constraints_of(live);
    auto hcs = constraints_of(history);
    std::vector<bool> lclaimed(lcs.size(), false);
    std::vector<int> hmatch(hcs.size(), -1);
    for (size_t i = 0; i < hcs.size(); ++i) {
      if (hcs[i]->name.empty()) continue;
      for (size_t j = 0; j < lcs.size(); ++j)
        if (!lclaimed[j] && lcs[j]->name == hcs[i]->name) {
          lclaimed[j] = true;
          hmatch[i] = static_cast<int>(j);
          break;
        }
    }
    for (size_t i = 0; i < hcs.size(); ++i) {
      if (hmatch[i] >= 0) continue;
      const auto& hk = *hcs[i];
      for (size_t j = 0; j < lcs.size(); ++j) {
        const auto& lk = *lcs[j];
        if (lclaimed[j] || lk.kind != hk.kind) continue;
        bool same = true;
        switch (hk.kind) {
          case DriftConstraintKind::PrimaryKey:
            break;
          case DriftConstraintKind::Unique:
          case DriftConstraintKind::ForeignKey:
            same = hk.columns.empty() || lk.columns.empty() || hk.columns == lk.columns;
            if (hk.kind == DriftConstraintKind::ForeignKey && !hk.ref_table.empty() && !lk.ref_table.empty())
              same = same && hk.ref_table == lk.ref_table;
            if (!hk.name.empty()) same = false;  // a named one is only its name
            break;
          case DriftConstraintKind::Check:
          case DriftConstraintKind::Exclusion:
            same = hk.name.empty();
            break;
        }
        if (!same) continue;
        lclaimed[j] = true;
        hmatch[i] = static_cast<int>(j);
        break;
      }
    }
    for (size_t i = 0; i < hcs.size(); ++i) {
      const auto& hk = *hcs[i];
      if (hmatch[i] < 0) {
        Drift d;
        d.origin = hk.origin;
        d.message = describe(hk) + " on `" + name + "` is in the migrations but not in the database";
        if (hk.kind == DriftConstraintKind::PrimaryKey || hk.name.empty())
          d.message = describe(hk) + " is in the migrations but not in the database";
        d.incorporate = w.drop_constraint(hk);
        d.revert = w.add_constraint(hk);
        d.phase = 7;
        out.push_back(std::move(d));
        continue;
      }
      const auto& lk = *lcs[static_cast<size_t>(hmatch[i])];
      if (lk.validated == hk.validated) continue;
      Drift d;
      d.origin = hk.origin;
      const std::string what = lk.name.empty() ? describe(hk) : "constraint `" + lk.name + "`";
      const std::string validate =
          "ALTER TABLE " + w.table(name) + " VALIDATE CONSTRAINT " + w.q(lk.name) + ";";
      DriftConstraint not_valid = lk;
      if (ascii_lower(not_valid.definition).find("not valid") == std::string::npos)
        not_valid.definition += " NOT VALID";
      const std::string readd = w.drop_constraint(lk) + "\n" + w.add_constraint(not_valid);
      if (!lk.validated) {
        d.message = what + " is NOT VALID in the database but validated by the migrations";
        d.incorporate = readd;
        d.revert = validate;
      } else {
        d.message = what + " is validated in the database but NOT VALID in the migrations";
        d.incorporate = validate;
        d.revert = readd;
      }
      d.phase = 5;
      out.push_back(std::move(d));
    }
    for (size_t j = 0; j < lcs.size(); ++j) {
      if (lclaimed[j]) continue;
      const auto& lk = *lcs[j];
      // MariaDB's JSON columns carry a CHECK (json_valid(col)) of their own.
      if (mysql && lk.kind == DriftConstraintKind::Check &&
          ascii_lower(lk.definition).find("json_valid(") != std::string::npos)
        continue;
      Drift d;
      d.origin = ht->origin;
      d.message =
          "constraint `" + lk.name + "` on `" + name + "` exists in the database but not in the migrations";
      if (lk.kind == DriftConstraintKind::PrimaryKey)
        d.message = "the primary key of `" + name + "` (" + join(lk.columns, ", ") +
                    ") exists in the database but not in the migrations";
      d.incorporate = w.add_constraint(lk);
      d.revert = w.drop_constraint(lk);
      d.phase = 4;
      out.push_back(std::move(d));
    }

    // Indexes: by name, then the unnamed ones by columns.
    auto lis = indexes_of(live);
    auto his = indexes_of(history);
    std::vector<bool> iclaimed(lis.size(), false);
    std::vector<bool> hfound(his.size(), false);
    for (size_t i = 0; i < his.size(); ++i) {
      if (his[i]->name.empty()) continue;
      for (size_t j = 0; j < lis.size(); ++j)
        if (!iclaimed[j] && lis[j]->name == his[i]->name) {
          iclaimed[j] = hfound[i] = true;
          break;
        }
    }
    for (size_t i = 0; i < his.size(); ++i) {
      if (hfound[i] || !his[i]->name.empty()) continue;
      for (size_t j = 0; j < lis.size(); ++j)
        if (!iclaimed[j] && lis[j]->unique == his[i]->unique && lis[j]->columns == his[i]->columns) {
          iclaimed[j] = hfound[i] = true;
          break;
        }
    }
    for (size_t i = 0; i < his.size(); ++i) {
      if (hfound[i]) continue;
      const auto& hi = *his[i];
      Drift d;
      d.origin = hi.origin;
      d.message = describe(hi) + " on `" + name + "` is in the migrations but not in the database";
      if (hi.name.empty()) d.message = describe(hi) + " is in the migrations but not in the database";
      DriftIndex named = hi;
      if (named.name.empty()) {
        // The name PostgreSQL gives an unnamed index: table_col1_col2_idx.
        std::vector<std::string> parts{
            hi.table.substr(hi.table.find('.') == std::string::npos ? 0 : hi.table.find('.') + 1)};
        for (const auto& c : hi.columns) parts.push_back(c == "(expr)" ? "expr" : c);
        named.name = join(parts, "_") + "_idx";
      }
      d.incorporate = w.drop_index(named);
      d.revert = hi.definition + ";";
      d.phase = 7;
      out.push_back(std::move(d));
    }
    for (size_t j = 0; j < lis.size(); ++j) {
      if (iclaimed[j]) continue;
      const auto& li = *lis[j];
      if (mysql) {
        // The index MySQL creates for a foreign key's columns.
        bool fk_index = false;
        for (const auto* c : lcs)
          if (c->kind == DriftConstraintKind::ForeignKey &&
              (c->name == li.name || (!c->columns.empty() && li.columns.size() >= c->columns.size() &&
                                      std::equal(c->columns.begin(), c->columns.end(), li.columns.begin()))))
            fk_index = true;
        if (fk_index) continue;
      }
      Drift d;
      d.origin = ht->origin;
      d.message =
          "index `" + li.name + "` on `" + name + "` exists in the database but not in the migrations";
      d.incorporate = li.definition + ";";
      d.revert = w.drop_index(li);
      d.phase = 6;
      out.push_back(std::move(d));
    }
  }

  // Enum types (PostgreSQL).
  std::set<std::string> enums;
  for (const auto& [k, e] : history.enums) enums.insert(k);
  for (const auto& [k, e] : live.enums) enums.insert(k);
  for (const auto& name : enums) {
    const auto h = history.enums.find(name);
    const auto l = live.enums.find(name);
    if (!unreadable_about(name).empty()) continue;
    auto quoted = [](const std::string& v) {
      std::string s = "'";
      for (char c : v) s += c == '\'' ? std::string("''") : std::string(1, c);
      return s + "'";
    };
    if (h == history.enums.end()) {
      Drift d;
      d.message = "enum type `" + name + "` exists in the database but not in the migrations";
      std::vector<std::string> vs;
      for (const auto& v : l->second.values) vs.push_back(quoted(v));
      d.incorporate = "CREATE TYPE " + w.table(name) + " AS ENUM (" + join(vs, ", ") + ");";
      d.revert = "DROP TYPE " + w.table(name) + ";";
      d.phase = 0;
      out.push_back(std::move(d));
      continue;
    }
    if (l == live.enums.end()) {
      Drift d;
      d.origin = h->second.origin;
      d.message = "enum type `" + name + "` is created by the migrations but not in the database";
      d.incorporate = "DROP TYPE " + w.table(name) + ";";
      d.revert = statement_text(h->second.origin, texts) + ";";
      d.phase = 9;
      out.push_back(std::move(d));
      continue;
    }
    if (!h->second.values_known) continue;
    const auto& hv = h->second.values;
    const auto& lv = l->second.values;
    for (const auto& v : lv) {
      if (std::find(hv.begin(), hv.end(), v) != hv.end()) continue;
      Drift d;
      d.origin = h->second.origin;
      d.message = "enum type `" + name + "` has the value " + quoted(v) +
                  " in the database but not in the migrations";
      d.incorporate = "ALTER TYPE " + w.table(name) + " ADD VALUE IF NOT EXISTS " + quoted(v) + ";";
      d.revert = "-- PostgreSQL cannot drop the value " + quoted(v) + " of `" + name +
                 "`: re-create the type without it (and change the rows that use it)";
      d.phase = 0;
      out.push_back(std::move(d));
    }
    for (const auto& v : hv) {
      if (std::find(lv.begin(), lv.end(), v) != lv.end()) continue;
      Drift d;
      d.origin = h->second.origin;
      d.message = "enum type `" + name + "` has the value " + quoted(v) +
                  " in the migrations but not in the database";
      d.incorporate = "-- PostgreSQL cannot drop the value " + quoted(v) + " of `" + name +
                      "`: re-create the type without it";
      d.revert = "ALTER TYPE " + w.table(name) + " ADD VALUE IF NOT EXISTS " + quoted(v) + ";";
      d.phase = 0;
      out.push_back(std::move(d));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Drift& a, const Drift& b) { return a.phase < b.phase; });
  return out;
}

std::string drift_migration(const std::vector<Drift>& drifts, Dialect dialect, std::string_view source) {
  std::string out = "-- Schema drift written into the history by `ddlint drift` (" +
                    std::string(dialect == Dialect::MySql ? "MySQL/MariaDB" : "PostgreSQL") + ", " +
                    std::string(source) + ").\n-- Review it before it runs anywhere.\n\n";
  for (const auto& d : drifts) out += "-- " + d.message + "\n" + d.incorporate + "\n\n";
  out += "/*\nTo revert the drift in the database instead (and leave the history as it is), run:\n\n";
  for (auto it = drifts.rbegin(); it != drifts.rend(); ++it) {
    std::string r = it->revert;
    // Keep the block one comment.
    for (size_t at = r.find("*/"); at != std::string::npos; at = r.find("*/", at)) r.replace(at, 2, "* /");
    out += r + "\n";
  }
  out += "*/\n";
  return out;
}

}  // namespace ddlint::analysis
