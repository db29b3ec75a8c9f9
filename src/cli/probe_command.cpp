// `ddlint trace` on MySQL/MariaDB: the ALTER probe (src/db/my_probe.h) beside
// the lock model's verdict for each ALTER TABLE, CREATE INDEX and DROP INDEX.
#include "cli/probe_command.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <nlohmann/json.hpp>

#include "analysis/locks.h"
#include "analysis/migration_facts.h"
#include "analysis/runner.h"
#include "analysis/schema_model.h"
#include "analysis/settings.h"
#include "cli/app.h"
#include "core/ascii.h"
#include "core/sql_text.h"
#include "db/my_probe.h"
#include "db/pg_client.h"
#include "driver/session.h"
#include "report/locks_report.h"
#include "report/trace_report.h"

namespace ddlint::cli {

namespace {

bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// `text` without the ranges `cuts` (byte offsets into it), then without the
// commas they leave stranded: doubled, trailing, or right after `at` (the
// place after the table name). `at` follows the text it points into.
std::string remove_clauses(const std::string& text, std::vector<std::pair<size_t, size_t>> cuts, size_t& at) {
  std::sort(cuts.begin(), cuts.end());
  std::string out;
  size_t pos = 0, shifted = at;
  auto drop = [&](size_t b, size_t e) {
    if (at >= e) shifted -= e - b;
  };
  for (auto [b, e] : cuts) {
    b = std::max(b, pos);
    if (e <= b) continue;
    out += text.substr(pos, b - pos);
    drop(b, e);
    pos = e;
  }
  out += text.substr(pos);
  at = shifted;
  if (cuts.empty()) return out;
  // A comma followed, after blanks, by another comma or the end goes, and
  // so does one with nothing but blanks between `at` and it.
  std::string clean;
  size_t clean_at = std::string::npos;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i == at) clean_at = clean.size();
    if (out[i] == ',') {
      size_t j = i + 1;
      while (j < out.size() && space(out[j])) ++j;
      const bool stranded = j == out.size() || out[j] == ',';
      bool leading = clean_at != std::string::npos;
      for (size_t k = clean_at; leading && k < clean.size(); ++k) leading = space(clean[k]);
      if (stranded || leading) continue;
    }
    clean += out[i];
  }
  at = clean_at == std::string::npos ? clean.size() : clean_at;
  while (!clean.empty() && space(clean.back())) clean.pop_back();
  at = std::min(at, clean.size());
  return clean;
}

// The probe's variants of an ALTER TABLE, CREATE INDEX or DROP INDEX.
db::ProbeStatement probe_statement(std::string_view text, uint32_t base, const ir::Statement& st) {
  db::ProbeStatement p;
  p.as_written = std::string(text);
  const auto* alter = st.as<ir::AlterTable>();
  const auto* index = st.as<ir::CreateIndex>();
  const ir::QualifiedName& table = alter != nullptr ? alter->table : index->table;
  p.table = table.name;
  p.algorithm = alter != nullptr ? alter->algorithm : index->algorithm;
  p.lock = alter != nullptr ? alter->lock : index->lock;
  if (p.algorithm == "DEFAULT") p.algorithm.clear();
  if (p.lock == "DEFAULT") p.lock.clear();
  for (const auto& t : analysis::referenced_tables(st))
    if (t.name != table.name) p.related.push_back(t.name);
  std::vector<std::pair<size_t, size_t>> cuts;
  for (const TextRange r : {alter != nullptr ? alter->algorithm_range : index->algorithm_range,
                            alter != nullptr ? alter->lock_range : index->lock_range})
    if (r.end > r.begin) cuts.emplace_back(r.begin - base, r.end - base);
  // ALTER TABLE t <clause>, <actions>: right after the table name, except
  // before partition clauses (which take no comma and must come last);
  // CREATE INDEX takes the clause at the end. MariaDB's DROP INDEX takes no
  // clause: it is probed as the ALTER TABLE ... DROP INDEX it stands for.
  const bool alter_form = ascii_upper(text.substr(0, 5)) == "ALTER";
  std::string written = p.as_written;
  size_t at = alter_form ? table.range.end - base : text.size();
  if (!alter_form && alter != nullptr && alter->actions.size() == 1) {
    const TextRange a = alter->actions[0].range;
    const std::string name(text.substr(table.range.begin - base, table.range.size()));
    written = "ALTER TABLE " + name + " " + std::string(text.substr(a.begin - base, a.size()));
    cuts.clear();
    at = 12 + name.size();
  }
  p.base.sql = remove_clauses(written, cuts, at);
  p.base.insert_at = at;
  if (at < p.base.sql.size()) {
    std::string rest = ascii_upper(p.base.sql.substr(at));
    rest.erase(0, rest.find_first_not_of(" \t\r\n"));
    p.base.comma =
        !rest.empty() && rest.rfind("PARTITION BY", 0) != 0 && rest.rfind("REMOVE PARTITIONING", 0) != 0;
  }
  p.plain = p.base;
  // ALTER ONLINE TABLE: ALTER TABLE with LOCK=NONE.
  const std::string head = ascii_upper(p.base.sql.substr(0, std::min<size_t>(p.base.sql.size(), 20)));
  if (head.rfind("ALTER ONLINE ", 0) == 0) {
    p.plain.sql.erase(6, 7);
    p.plain.insert_at -= 7;
  }
  return p;
}

bool is_mysql_ddl_to_probe(const ir::Statement& st, const analysis::StatementFacts& f) {
  if (st.as<ir::AlterTable>() == nullptr && st.as<ir::CreateIndex>() == nullptr) return false;
  return std::any_of(f.effect.tables.begin(), f.effect.tables.end(),
                     [](const auto& e) { return !e.algorithm().empty(); });
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

// The first `a.b` of `text` outside strings and comments whose `a` is not a
// trigger's NEW or OLD or a session variable's @@SESSION / @@LOCAL: a name
// that may reach another database (or, @@GLOBAL.x, the whole server).
// Empty: none.
std::string qualified_name_in(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  // Reads an identifier (plain or in backquotes) at `i`; empty when none.
  auto ident = [&](size_t& at) -> std::string {
    if (at < n && text[at] == '`') {
      const size_t end = quoted_end(text, at, /*backslash_escapes=*/false);
      if (end == std::string_view::npos) return {};
      std::string id(text.substr(at, end - at));
      at = end;
      return id;
    }
    const size_t start = at;
    while (at < n && ident_char(text[at])) ++at;
    if (at == start || std::isdigit(static_cast<unsigned char>(text[start])) != 0) return {};
    return std::string(text.substr(start, at - start));
  };
  while (i < n) {
    const char c = text[i];
    if (c == '\'' || c == '"') {  // a string (MySQL's default: backslash escapes)
      const size_t end = quoted_end(text, i, /*backslash_escapes=*/true);
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    if (c == '#' || (c == '-' && i + 2 < n && text[i + 1] == '-' &&
                     std::isspace(static_cast<unsigned char>(text[i + 2])) != 0)) {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? n : end + 2;
      continue;
    }
    if (c == '`' || (ident_char(c) && std::isdigit(static_cast<unsigned char>(c)) == 0)) {
      const bool variable = i >= 2 && text[i - 1] == '@' && text[i - 2] == '@';  // @@session.x
      std::string first = ident(i);
      if (first.empty()) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && std::isspace(static_cast<unsigned char>(text[j])) != 0) ++j;
      if (j < n && text[j] == '.') {
        size_t k = j + 1;
        while (k < n && std::isspace(static_cast<unsigned char>(text[k])) != 0) ++k;
        const std::string second = ident(k);
        const std::string word = ascii_upper(first);
        const bool allowed =
            word == "NEW" || word == "OLD" || (variable && (word == "SESSION" || word == "LOCAL"));
        if (!second.empty() && !allowed) return first + "." + second;
      }
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {  // a number, 1.5 included
      while (i < n && (ident_char(text[i]) || text[i] == '.')) ++i;
      continue;
    }
    ++i;
  }
  return {};
}

// Why the probe does not run a statement on its scratch copy; empty: it does.
std::string not_run_reason(const ir::Statement& st, std::string_view text) {
  if (const std::string q = qualified_name_in(text); !q.empty())
    return "names `" + q +
           "`, which may be in another database: the probe runs only statements on the unqualified names of "
           "its scratch copy";
  switch (st.kind()) {
    case ir::StmtKind::CreateTable:
    case ir::StmtKind::AlterTable:
    case ir::StmtKind::CreateIndex:
    case ir::StmtKind::Rename:
    case ir::StmtKind::Truncate:
    case ir::StmtKind::SetSetting:
      return {};
    case ir::StmtKind::Drop: {
      const auto* d = st.as<ir::Drop>();
      if (d->object == ir::ObjectKind::Schema || d->object == ir::ObjectKind::Database)
        return "drops a database (the probe runs only on its scratch copy)";
      for (const auto& n : d->names)
        if (!n.schema.empty()) return "names an object of database `" + n.schema + "`";
      return {};
    }
    case ir::StmtKind::Transaction:
      return "transaction control (DDL commits at once on MySQL/MariaDB)";
    case ir::StmtKind::Insert:
    case ir::StmtKind::Update:
    case ir::StmtKind::Delete:
      return "changes rows (the scratch copy holds the tables' definitions, not their rows)";
    case ir::StmtKind::Opaque: {
      const auto* o = st.as<ir::Opaque>();
      static const char* const kRun[] = {"CreateViewStmt",     "AlterViewStmt",       "CreateTriggerStmt",
                                         "CreateFunctionStmt", "CreateProcedureStmt", "CreateSequenceStmt",
                                         "AlterSequenceStmt"};
      if (std::find(std::begin(kRun), std::end(kRun), o->node) != std::end(kRun)) {
        if (!o->creates.schema.empty()) return "names an object of database `" + o->creates.schema + "`";
        return {};
      }
      return "not a table, index, view, trigger or routine definition (the probe runs only those, and "
             "session SET, on its scratch copy)";
    }
    default:
      return "not a table, index, view, trigger or routine definition (the probe runs only those, and "
             "session SET, on its scratch copy)";
  }
}

struct Verdict {
  bool fails = false;
  std::string algorithm, lock;
  bool rewrite = false;
  std::string unless;  // the model's verdict rests on this
};

Verdict model_verdict(const analysis::StatementFacts& f, const std::string& table) {
  Verdict v;
  v.fails = f.effect.fails;
  for (const auto& e : f.effect.tables) {
    if (e.algorithm().empty()) continue;
    if (e.table.name != table && !v.algorithm.empty()) continue;
    v.algorithm = e.algorithm();
    v.lock = e.lock();
    v.rewrite = e.rewrite;
    v.unless = e.unless();
    if (v.unless.empty() && !e.assumed_columns().empty()) {
      for (const auto& c : e.assumed_columns()) v.unless += (v.unless.empty() ? "`" : ", `") + c + "`";
      v.unless += " changing type";
    }
  }
  return v;
}

std::string describe(bool accepted, const std::string& algorithm, const std::string& lock,
                     std::optional<bool> rebuild, bool unmeasured = false) {
  std::string s = accepted ? "" : "refused; ";
  s += "ALGORITHM=" + (algorithm.empty() ? std::string("?") : algorithm) +
       ", LOCK=" + (lock.empty() ? std::string("?") : lock);
  if (rebuild) s += *rebuild ? ", rebuilds the table" : ", no rebuild";
  if (unmeasured) s += ", rebuild not measured";
  return s;
}

using Finding = report::TraceFinding;

struct Row {
  std::string path;
  LineColumn at;
  std::string text;
  std::string status;  // probed | ran | failed | not run
  std::string reason;  // not run: why; failed: the error
  bool probed = false;
  db::ProbeResult server;
  Verdict model;
  bool has_model = false;
  std::string table;
};

}  // namespace

bool is_mysql_dsn(std::string_view dsn) {
  return dsn.rfind("mysql://", 0) == 0 || dsn.rfind("mariadb://", 0) == 0;
}

int run_mysql_trace(const TraceOptions& o, std::ostream& out, std::ostream& err) {
  if (o.format != "text" && o.format != "json") {
    err << "ddlint: unknown --format `" << o.format << "` (expected text or json)\n";
    return kExitError;
  }
  if (o.commit) {
    err << "ddlint: --commit: on MySQL/MariaDB the trace probes scratch copies of the tables (DDL commits at "
           "once there, so nothing runs on the database itself); there is nothing to commit\n";
    return kExitError;
  }
  std::vector<std::pair<std::string, std::string>> files, history;
  for (const auto& path : o.paths) {
    std::string bytes;
    if (!read_input(path, bytes, err)) return kExitError;
    files.emplace_back(path, std::move(bytes));
  }
  for (const auto& path : o.history) {
    std::string bytes;
    if (!read_input(path, bytes, err)) return kExitError;
    history.emplace_back(path, std::move(bytes));
  }
  std::string error;
  auto probe = db::Probe::begin(o.dsn, 10, o.statement_timeout_ms, history.empty(), error);
  if (!probe) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  analysis::Settings settings;
  settings.dialect = Dialect::MySql;
  const auto target =
      analysis::parse_mysql_target(o.mysql_version.empty() ? probe->version() : o.mysql_version);
  if (!target) {
    err << "ddlint: cannot read the MySQL/MariaDB version `"
        << (o.mysql_version.empty() ? probe->version() : o.mysql_version) << "`\n";
    return kExitError;
  }
  settings.mysql = *target;
  if (auto r = analysis::parse_runner(o.runner)) settings.runner = *r;
  const std::string where =
      o.dsn.empty() ? std::string("the server named by MYSQL_* variables") : db::redact_dsn(o.dsn);
  std::string target_text =
      "scratch database " + probe->scratch() + " (" +
      (history.empty() ? std::to_string(probe->copied_tables()) + " table definitions of " +
                             (probe->source().empty() ? std::string("no database") : probe->source())
                       : std::to_string(history.size()) +
                             (history.size() == 1 ? " history file" : " history files") + " replayed") +
      ") on " + where;

  // What the lock model is told of the database: the copied definitions, or
  // the history replayed.
  analysis::SchemaModel model;
  if (history.empty()) {
    const auto live = driver::parse_source("<" + probe->source() + ">", probe->copied_ddl(), Dialect::MySql,
                                           &settings.mysql);
    for (const auto& st : live.parsed.statements) model.apply(st);
  }
  for (auto& [path, bytes] : history) {
    const auto file = driver::parse_source(path, std::move(bytes), Dialect::MySql, &settings.mysql);
    const SourceFile& src = *file.source;
    const auto plan = analysis::plan_runner(src.path(), src.text(), file.parsed.comments, settings.runner,
                                            settings.runner_layout);
    const analysis::MigrationFacts facts(file.parsed, settings, plan);
    for (size_t i = 0; i < file.parsed.statements.size(); ++i) {
      const auto& st = file.parsed.statements[i];
      if (facts.at(i).down || !not_run_reason(st, src.slice(st.range)).empty()) continue;
      if (!probe->run(std::string(src.slice(st.range)), error)) {
        const auto pos = src.lines().position(st.range.begin);
        err << path << ":" << pos.line << ":" << pos.column
            << ": replaying the history into the scratch database failed: " << error << "\n";
        return kExitError;
      }
    }
    model.apply(file.parsed, plan);
    model.end_session();
  }

  std::vector<Row> rows;
  std::vector<Finding> findings;
  size_t probed = 0, ran = 0, not_run = 0, failed = 0;
  std::vector<driver::ParsedSource> kept;
  for (auto& [path, bytes] : files) {
    auto& file =
        kept.emplace_back(driver::parse_source(path, std::move(bytes), Dialect::MySql, &settings.mysql));
    const SourceFile& src = *file.source;
    const auto plan = analysis::plan_runner(src.path(), src.text(), file.parsed.comments, settings.runner,
                                            settings.runner_layout);
    const auto known = model.needed_by(file.parsed);
    const analysis::MigrationFacts facts(file.parsed, settings, plan, {}, known);
    struct Unit {
      size_t index;
      TextRange range;
    };
    std::vector<Unit> units;
    for (size_t i = 0; i < file.parsed.statements.size(); ++i)
      units.push_back({i, file.parsed.statements[i].range});
    for (const auto& e : file.parsed.errors)
      if (std::none_of(units.begin(), units.end(),
                       [&](const auto& u) { return u.range.begin == e.range.begin; }))
        units.push_back({SIZE_MAX, e.range});
    std::sort(units.begin(), units.end(),
              [](const auto& x, const auto& y) { return x.range.begin < y.range.begin; });
    for (const auto& u : units) {
      Row r;
      r.path = path;
      r.at = src.lines().position(u.range.begin);
      r.text = report::one_line(src.slice(u.range));
      const ir::Statement* st = u.index != SIZE_MAX ? &file.parsed.statements[u.index] : nullptr;
      const analysis::StatementFacts* f = st != nullptr ? &facts.at(u.index) : nullptr;
      if (st == nullptr || st->recovered) {
        r.reason = "ddlint cannot read it (the probe runs only statements it can check are safe to run)";
      } else if (f->down) {
        r.reason = "part of the down migration";
      } else {
        r.reason = not_run_reason(*st, src.slice(u.range));
      }
      if (!r.reason.empty()) {
        r.status = "not run";
        ++not_run;
        rows.push_back(std::move(r));
        continue;
      }
      const std::string text(src.slice(u.range));
      if (is_mysql_ddl_to_probe(*st, *f)) {
        const auto ps = probe_statement(text, u.range.begin, *st);
        r.table = ps.table;
        r.server = probe->measure(ps);
        r.model = model_verdict(*f, ps.table);
        r.has_model = true;
        r.probed = true;
        r.status = "probed";
        ++probed;
        std::vector<std::string> problems;
        if (r.server.accepted == r.model.fails)
          problems.push_back(r.server.accepted ? "the server accepts the statement, the model says it fails"
                                               : "the server refuses the statement (" + r.server.error +
                                                     "), the model says it runs");
        if (r.server.algorithm != r.model.algorithm)
          problems.push_back("ALGORITHM: server " +
                             (r.server.algorithm.empty() ? "none" : r.server.algorithm) + ", model " +
                             r.model.algorithm);
        if (r.server.lock != r.model.lock)
          problems.push_back("LOCK: server " + (r.server.lock.empty() ? "none" : r.server.lock) + ", model " +
                             r.model.lock);
        if (r.server.rebuild && *r.server.rebuild != r.model.rewrite)
          problems.push_back(std::string("rebuild: server ") + (*r.server.rebuild ? "yes" : "no") +
                             ", model " + (r.model.rewrite ? "yes" : "no"));
        if (!problems.empty()) {
          std::string m = "`" + ps.table + "`: the server does not do what the lock model predicts: ";
          for (size_t i = 0; i < problems.size(); ++i) m += (i > 0 ? "; " : "") + problems[i];
          if (!r.model.unless.empty()) m += " (the model's verdict assumed " + r.model.unless + ")";
          findings.push_back({path, r.at, "trace-mismatch", m});
        }
      } else if (probe->run(text, error)) {
        r.status = "ran";
        ++ran;
      } else {
        r.status = "failed";
        r.reason = error;
        ++failed;
        findings.push_back({path, r.at, "trace-error", "the statement failed on the scratch copy: " + error});
      }
      rows.push_back(std::move(r));
    }
    model.apply(file.parsed, plan);
    model.end_session();
  }

  const std::string server_name = analysis::mysql_target_name(settings.mysql);
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["database"] = target_text;
    doc["server_version"] = probe->version();
    doc["model_target"] = server_name;
    doc["statements"] = nlohmann::ordered_json::array();
    for (const auto& r : rows) {
      nlohmann::ordered_json s;
      s["file"] = r.path;
      s["line"] = r.at.line;
      s["column"] = r.at.column;
      s["text"] = r.text;
      s["status"] = r.status;
      if (!r.reason.empty()) s[r.status == "failed" ? "error" : "reason"] = r.reason;
      if (r.probed) {
        s["table"] = r.table;
        nlohmann::ordered_json sv;
        sv["accepted"] = r.server.accepted;
        if (!r.server.accepted) sv["error"] = r.server.error;
        sv["algorithm"] = r.server.algorithm.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(r.server.algorithm);
        sv["lock"] =
            r.server.lock.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.server.lock);
        sv["rebuild"] =
            r.server.rebuild ? nlohmann::ordered_json(*r.server.rebuild) : nlohmann::ordered_json(nullptr);
        if (!r.server.rebuild_unmeasured.empty()) sv["rebuild_unmeasured"] = r.server.rebuild_unmeasured;
        s["server"] = std::move(sv);
        s["model"] = {{"fails", r.model.fails},
                      {"algorithm", r.model.algorithm},
                      {"lock", r.model.lock},
                      {"rebuild", r.model.rewrite}};
        if (!r.model.unless.empty()) s["model"]["assumes"] = r.model.unless;
      }
      doc["statements"].push_back(std::move(s));
    }
    doc["findings"] = report::trace_findings_json(findings);
    out << doc.dump(2) << "\n";
  } else {
    for (const auto& r : rows) {
      out << r.path << ":" << r.at.line << ":" << r.at.column << ": "
          << (r.text.size() > 72 ? r.text.substr(0, 69) + "..." : r.text);
      if (r.status == "not run") {
        out << "\n    not run: " << r.reason << "\n";
      } else if (r.status == "failed") {
        out << "\n    failed: " << r.reason << "\n";
      } else if (r.status == "ran") {
        out << " (ran)\n";
      } else {
        out << "\n    " << r.table << ": server "
            << describe(r.server.accepted, r.server.algorithm, r.server.lock, r.server.rebuild,
                        !r.server.rebuild_unmeasured.empty())
            << "; model " << describe(!r.model.fails, r.model.algorithm, r.model.lock, r.model.rewrite)
            << (r.model.unless.empty() ? "" : " (assumes " + r.model.unless + ")") << "\n";
        if (!r.server.accepted) out << "    the server refuses it: " << r.server.error << "\n";
      }
      for (const auto& f : findings)
        if (f.path == r.path && f.at.line == r.at.line && f.at.column == r.at.column)
          report::write_trace_finding(f, out);
    }
  }
  const size_t mismatches = static_cast<size_t>(std::count_if(
      findings.begin(), findings.end(), [](const auto& f) { return f.rule == "trace-mismatch"; }));
  err << "ddlint: probed " << probed << (probed == 1 ? " statement" : " statements") << " on " << target_text
      << " (" << probe->version() << "; model: " << server_name << ")";
  if (ran > 0) err << ", ran " << ran << " more";
  if (not_run > 0) err << ", " << not_run << " not run";
  if (failed > 0) err << ", " << failed << " failed";
  err << "; " << mismatches << (mismatches == 1 ? " mismatch" : " mismatches")
      << " with the lock model; scratch databases dropped\n";
  const auto unmeasured = std::find_if(rows.begin(), rows.end(),
                                       [](const Row& r) { return !r.server.rebuild_unmeasured.empty(); });
  if (unmeasured != rows.end())
    err << "ddlint: rebuilds were not measured: " << unmeasured->server.rebuild_unmeasured << "\n";
  return findings.empty() ? kExitClean : kExitFindings;
}

}  // namespace ddlint::cli
