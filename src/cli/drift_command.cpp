#include "cli/drift_command.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "analysis/drift.h"
#include "analysis/runner.h"
#include "cli/app.h"
#include "db/pg_client.h"
#include "driver/inputs.h"
#include "driver/session.h"
#include "engine/catalog.h"
#include "report/reporter.h"

namespace ddlint::cli {

namespace {

using analysis::DriftColumn;
using analysis::DriftConstraint;
using analysis::DriftConstraintKind;
using analysis::DriftIndex;
using analysis::DriftSchema;

// Lists of names come back as one string separated by the unit separator.
std::vector<std::string> split_list(const std::optional<std::string>& s) {
  std::vector<std::string> out;
  if (!s || s->empty()) return out;
  size_t from = 0;
  for (size_t at = s->find('\x1f');; at = s->find('\x1f', from)) {
    out.push_back(s->substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 1;
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string pg_key(const std::optional<std::string>& schema, const std::optional<std::string>& name) {
  const std::string n = name.value_or("");
  if (!schema || *schema == "public") return n;
  return *schema + "." + n;
}

const char* const kPgUserSchemas =
    "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
    "AND n.nspname NOT LIKE 'pg\\_temp%'";

// Relations and types that belong to an extension (CREATE EXTENSION made them).
std::string not_extension(const char* catalog, const char* oid) {
  return std::string("NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '") + catalog +
         "'::regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
}

bool read_pg(db::Session& s, DriftSchema& live, std::string& error) {
  const std::string rel_filter =
      std::string(kPgUserSchemas) + " AND c.relkind IN ('r', 'p') AND " + not_extension("pg_class", "c.oid");
  db::Rows rows;
  if (!s.query("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE " +
                   rel_filter,
               rows, error))
    return false;
  for (const auto& r : rows.rows) {
    auto& t = live.tables[pg_key(r[0], r[1])];
    t.name = pg_key(r[0], r[1]);
  }
  if (!s.query("SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
               "pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text "
               "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
               "JOIN pg_namespace n ON n.oid = c.relnamespace "
               "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
               "WHERE a.attnum > 0 AND NOT a.attisdropped AND " +
                   rel_filter + " ORDER BY 1, 2, a.attnum",
               rows, error))
    return false;
  for (const auto& r : rows.rows) {
    auto it = live.tables.find(pg_key(r[0], r[1]));
    if (it == live.tables.end()) continue;
    DriftColumn c;
    c.name = r[2].value_or("");
    c.type = r[3].value_or("");
    c.not_null = r[4].value_or("") == "t";
    c.default_value = r[5];
    c.default_known = r[6].value_or("").empty() && r[7].value_or("").empty();
    it->second.columns.push_back(std::move(c));
  }
  if (!s.query(
          "SELECT n.nspname, t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid), "
          "(SELECT string_agg(CASE WHEN u.k = 0 THEN '(expr)' ELSE (SELECT a.attname FROM pg_attribute a "
          "WHERE a.attrelid = t.oid AND a.attnum = u.k) END, chr(31) ORDER BY u.o) "
          "FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS u(k, o) WHERE u.o <= ix.indnkeyatts) "
          "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
          "JOIN pg_namespace n ON n.oid = t.relnamespace "
          "WHERE " +
              std::string(kPgUserSchemas) + " AND t.relkind IN ('r', 'p') AND " +
              not_extension("pg_class", "t.oid") +
              " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid "
              "AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x'))",
          rows, error))
    return false;
  for (const auto& r : rows.rows) {
    DriftIndex i;
    i.table = pg_key(r[0], r[1]);
    i.name = r[2].value_or("");
    i.unique = r[3].value_or("") == "t";
    i.definition = r[4].value_or("");
    i.columns = split_list(r[5]);
    live.indexes.push_back(std::move(i));
  }
  if (!s.query(
          "SELECT n.nspname, c.relname, k.conname, k.contype::text, k.convalidated, "
          "pg_get_constraintdef(k.oid), (SELECT string_agg(a.attname, chr(31) ORDER BY u.o) "
          "FROM unnest(k.conkey) WITH ORDINALITY AS u(k, o) JOIN pg_attribute a ON a.attrelid = k.conrelid "
          "AND a.attnum = u.k), rn.nspname, rc.relname "
          "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
          "JOIN pg_namespace n ON n.oid = c.relnamespace "
          "LEFT JOIN pg_class rc ON rc.oid = k.confrelid LEFT JOIN pg_namespace rn ON rn.oid = "
          "rc.relnamespace "
          "WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND " +
              rel_filter,
          rows, error))
    return false;
  for (const auto& r : rows.rows) {
    DriftConstraint k;
    k.table = pg_key(r[0], r[1]);
    k.name = r[2].value_or("");
    const std::string type = r[3].value_or("");
    k.kind = type == "p"   ? DriftConstraintKind::PrimaryKey
             : type == "u" ? DriftConstraintKind::Unique
             : type == "f" ? DriftConstraintKind::ForeignKey
             : type == "c" ? DriftConstraintKind::Check
                           : DriftConstraintKind::Exclusion;
    k.validated = r[4].value_or("t") == "t";
    k.definition = r[5].value_or("");
    k.columns = split_list(r[6]);
    if (r[8]) k.ref_table = pg_key(r[7], r[8]);
    live.constraints.push_back(std::move(k));
  }
  if (!s.query(
          "SELECT n.nspname, t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
          "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " +
              std::string(kPgUserSchemas) + " AND " + not_extension("pg_type", "t.oid") +
              " ORDER BY 1, 2, e.enumsortorder",
          rows, error))
    return false;
  for (const auto& r : rows.rows) {
    auto& e = live.enums[pg_key(r[0], r[1])];
    e.name = pg_key(r[0], r[1]);
    e.values.push_back(r[2].value_or(""));
  }
  return true;
}

// MySQL's COLUMN_TYPE without integer display widths (MariaDB and MySQL 5.7
// print them, MySQL 8 does not) and ZEROFILL.
std::string mysql_live_type(std::string t) {
  t = lower(t);
  static const char* const kInts[] = {"tinyint", "smallint", "mediumint", "int", "bigint"};
  for (const char* k : kInts) {
    const std::string p = std::string(k) + "(";
    if (t.rfind(p, 0) == 0) {
      const size_t close = t.find(')');
      if (close != std::string::npos) t = k + t.substr(close + 1);
      break;
    }
  }
  if (const size_t z = t.find(" zerofill"); z != std::string::npos) t.erase(z, 9);
  std::string out;
  for (char c : t)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  return out;
}

bool read_mysql(db::Session& s, DriftSchema& live, bool& mariadb, std::string& error) {
  db::Rows rows;
  if (!s.query("SELECT VERSION()", rows, error)) return false;
  mariadb =
      !rows.rows.empty() && rows.rows[0][0] && lower(*rows.rows[0][0]).find("mariadb") != std::string::npos;
  if (!s.query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
               "AND TABLE_TYPE = 'BASE TABLE'",
               rows, error))
    return false;
  for (const auto& r : rows.rows) {
    auto& t = live.tables[lower(r[0].value_or(""))];
    t.name = lower(r[0].value_or(""));
  }
  if (!s.query("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, DATA_TYPE "
               "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
               "ORDER BY TABLE_NAME, ORDINAL_POSITION",
               rows, error))
    return false;
  for (const auto& r : rows.rows) {
    auto it = live.tables.find(lower(r[0].value_or("")));
    if (it == live.tables.end()) continue;
    DriftColumn c;
    c.name = lower(r[1].value_or(""));
    c.type = mysql_live_type(r[2].value_or(""));
    c.not_null = r[3].value_or("") == "NO";
    const std::string extra = lower(r[5].value_or(""));
    std::optional<std::string> def = r[4];
    if (def && *def == "NULL") def.reset();  // MariaDB: NULL written out
    if (def && !mariadb && extra.find("default_generated") == std::string::npos) {
      // MySQL prints a literal default unquoted.
      const bool number = !def->empty() && def->find_first_not_of("0123456789.-") == std::string::npos;
      if (!number) {
        std::string q = "'";
        for (char ch : *def) q += ch == '\'' ? std::string("''") : std::string(1, ch);
        def = q + "'";
      }
    }
    c.default_value = def;
    c.default_known =
        extra.find("auto_increment") == std::string::npos && extra.find("generated") == std::string::npos &&
        extra.find("virtual") == std::string::npos && extra.find("persistent") == std::string::npos &&
        lower(r[6].value_or("")) != "timestamp";
    it->second.columns.push_back(std::move(c));
  }
  if (!s.query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM "
               "information_schema.STATISTICS "
               "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
               rows, error))
    return false;
  std::map<std::pair<std::string, std::string>, DriftIndex> indexes;
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> shown_columns;
  for (const auto& r : rows.rows) {
    const std::string table = lower(r[0].value_or(""));
    const std::string name = lower(r[1].value_or(""));
    if (name == "primary") continue;
    const auto k = std::make_pair(table, name);
    auto [it, fresh] = indexes.try_emplace(k);
    if (fresh) {
      order.push_back(k);
      it->second.table = table;
      it->second.name = name;
      it->second.unique = r[2].value_or("1") == "0";
    }
    it->second.columns.push_back(r[3] ? lower(*r[3]) : "(expr)");
    shown_columns[k].push_back("`" + r[3].value_or("") + "`" + (r[4] ? "(" + *r[4] + ")" : std::string()));
  }
  for (const auto& k : order) {
    DriftIndex& i = indexes[k];
    std::string cols;
    for (const auto& c : shown_columns[k]) cols += (cols.empty() ? "" : ", ") + c;
    i.definition = std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX `" + i.name + "` ON `" +
                   i.table + "` (" + cols + ")";
    live.indexes.push_back(std::move(i));
  }
  // Primary keys and foreign keys with their columns.
  // KEY_COLUMN_USAGE alone: MariaDB shows TABLE_CONSTRAINTS only to users
  // with more than SELECT on the tables.
  if (!s.query(
          "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, "
          "CASE WHEN CONSTRAINT_NAME = 'PRIMARY' THEN 'PRIMARY KEY' ELSE 'FOREIGN KEY' END "
          "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() "
          "AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL) "
          "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
          rows, error))
    return false;
  std::map<std::pair<std::string, std::string>, DriftConstraint> keys;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> refs;
  std::vector<std::pair<std::string, std::string>> key_order;
  for (const auto& r : rows.rows) {
    const std::string table = lower(r[0].value_or(""));
    const std::string name = lower(r[1].value_or(""));
    const auto k = std::make_pair(table, name);
    auto [it, fresh] = keys.try_emplace(k);
    if (fresh) {
      key_order.push_back(k);
      it->second.table = table;
      it->second.name = name;
      it->second.kind = r[5].value_or("") == "PRIMARY KEY" ? DriftConstraintKind::PrimaryKey
                                                           : DriftConstraintKind::ForeignKey;
      if (r[3]) it->second.ref_table = lower(*r[3]);
    }
    it->second.columns.push_back(lower(r[2].value_or("")));
    if (r[4]) refs[k].push_back("`" + *r[4] + "`");
  }
  for (const auto& k : key_order) {
    DriftConstraint& c = keys[k];
    std::string cols;
    for (const auto& col : c.columns) cols += (cols.empty() ? "`" : ", `") + col + "`";
    if (c.kind == DriftConstraintKind::PrimaryKey) {
      c.definition = "PRIMARY KEY (" + cols + ")";
    } else {
      std::string rc;
      for (const auto& col : refs[k]) rc += (rc.empty() ? "" : ", ") + col;
      c.definition = "FOREIGN KEY (" + cols + ") REFERENCES `" + c.ref_table + "` (" + rc + ")";
    }
    live.constraints.push_back(std::move(c));
  }
  // CHECK constraints (MySQL 8.0.16+, MariaDB 10.2+); MariaDB's view names the table.
  const std::string checks_mariadb =
      "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
      "WHERE CONSTRAINT_SCHEMA = DATABASE()";
  const std::string checks_mysql =
      "SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS c "
      "JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
      "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK' "
      "WHERE c.CONSTRAINT_SCHEMA = DATABASE()";
  if (!s.query(mariadb ? checks_mariadb : checks_mysql, rows, error)) return false;
  for (const auto& r : rows.rows) {
    DriftConstraint c;
    c.table = lower(r[0].value_or(""));
    c.name = lower(r[1].value_or(""));
    c.kind = DriftConstraintKind::Check;
    c.definition = "CHECK (" + r[2].value_or("") + ")";
    live.constraints.push_back(std::move(c));
  }
  return true;
}

}  // namespace

int run_drift(const DriftOptions& o, std::ostream& out, std::ostream& err) {
  const auto& catalog = engine::Catalog::instance();
  const bool mysql = o.dialect == "mysql" || o.dialect == "mariadb";
  if (!mysql && o.dialect != "postgres" && o.dialect != "postgresql") {
    err << "ddlint: unknown --dialect `" << o.dialect << "` (expected postgres, mysql or mariadb)\n";
    return kExitError;
  }
  if (!known_report_format(o.format, err)) return kExitError;
  const Dialect dialect = mysql ? Dialect::MySql : Dialect::Postgres;

  // The history: every migration of the folders in runner order, up sections only.
  std::vector<std::string> problems;
  const auto inputs = driver::collect_inputs(o.paths, "", problems);
  for (const auto& p : problems) err << "ddlint: " << p << "\n";
  if (!problems.empty()) return kExitError;
  // The live schema, in one read-only transaction.
  std::string error;
  std::unique_ptr<db::Session> session = mysql
                                             ? db::open_mysql(o.dsn, 10, o.statement_timeout_ms, error)
                                             : db::PgSession::open(o.dsn, 10, o.statement_timeout_ms, error);
  if (!session) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  DriftSchema live;
  bool mariadb = false;
  if (!(mysql ? read_mysql(*session, live, mariadb, error) : read_pg(*session, live, error))) {
    err << "ddlint: reading the schema: " << error << "\n";
    return kExitError;
  }
  session.reset();

  analysis::DriftReplay replay(dialect, mariadb);
  std::vector<driver::ParsedSource> files;
  files.reserve(inputs.size());
  const auto target = mysql ? analysis::parse_mysql_target(o.dialect == "mariadb" ? "mariadb" : "8.4")
                            : std::optional<analysis::MySqlTarget>();
  for (const auto& in : inputs) {
    if (in.is_stdin) continue;
    std::string bytes;
    std::string error;
    if (!driver::read_file(in.fs_path, bytes, error)) {
      err << "ddlint: " << error << "\n";
      return kExitError;
    }
    auto parsed =
        driver::parse_source(in.display_path, std::move(bytes), dialect, target ? &*target : nullptr);
    const auto plan = analysis::plan_runner(parsed.source->path(), parsed.source->text(),
                                            parsed.parsed.comments, analysis::Runner::Auto);
    if (plan.not_a_migration) continue;
    replay.apply(parsed.parsed, plan, *parsed.source, static_cast<int>(files.size()));
    files.push_back(std::move(parsed));
  }

  std::vector<std::string_view> texts;
  texts.reserve(files.size());
  for (const auto& f : files) texts.push_back(f.source->text());
  const auto drifts = analysis::compare_schemas(replay.schema(), live, dialect, texts);

  // Findings go to the file of the statement that defined the object; the
  // others to the folder.
  const std::string folder = o.paths.empty() ? "." : o.paths.front();
  const auto* info = catalog.find("schema-drift");
  const Severity severity = info ? info->default_severity : Severity::Error;
  std::vector<engine::FileResult> results(files.size() + 1);
  results[0].path = folder;
  results[0].source = std::make_shared<const SourceFile>(folder, std::string(), dialect);
  for (size_t i = 0; i < files.size(); ++i) {
    results[i + 1].path = files[i].source->path();
    results[i + 1].source = files[i].source;
  }
  for (const auto& d : drifts) {
    Diagnostic diag;
    diag.rule = "schema-drift";
    diag.severity = severity;
    diag.message = d.message;
    diag.conditional = d.conditional;
    diag.help =
        "Write the change into a migration (`ddlint drift --write-migration FILE`), or revert it in the "
        "database (the statements are in that file's comment).";
    auto& r = results[d.origin.file < 0 ? 0 : static_cast<size_t>(d.origin.file) + 1];
    if (d.origin.file >= 0) diag.range = d.origin.range;
    r.diagnostics.push_back(std::move(diag));
  }
  std::vector<engine::FileResult> reported;
  for (auto& r : results) {
    if (r.diagnostics.empty()) continue;
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
    reported.push_back(std::move(r));
  }
  static const std::vector<engine::FileResult> kNoFiles;
  const report::ReportInput settings{
      kNoFiles, catalog, {}, version(), false, false, std::filesystem::current_path().string(), {}, &err};
  const auto stream = report::open_report(o.format, settings, out);
  for (const auto& r : reported) stream->file(r);
  report::ReportInput end{kNoFiles, catalog, {"schema-drift"}, version(), false, false, {}};
  stream->finish(end);

  const std::string where = o.dsn.empty() ? std::string(mysql ? "the MYSQL_* database" : "the PG* database")
                                          : db::redact_dsn(o.dsn);
  err << "ddlint: " << drifts.size() << (drifts.size() == 1 ? " difference" : " differences") << " between "
      << files.size() << (files.size() == 1 ? " migration" : " migrations") << " and " << where << "\n";
  for (const auto& u : replay.schema().unreadable)
    err << "ddlint: " << u.substr(0, u.find('\t'))
        << ": a statement ddlint could not read; the tables it names are not compared\n";

  if (!o.write_migration.empty()) {
    errno = 0;
    std::ofstream f(o.write_migration, std::ios::binary | std::ios::trunc);
    if (f) f << analysis::drift_migration(drifts, dialect, where);
    f.flush();
    if (!f) {
      err << "ddlint: cannot write " << o.write_migration
          << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
      return kExitError;
    }
  }
  return drifts.empty() ? kExitClean : kExitFindings;
}

}  // namespace ddlint::cli
