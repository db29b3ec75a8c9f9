#include "cli/app.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>

#include "analysis/change_set.h"
#include "analysis/down_migration.h"
#include "analysis/migration_facts.h"
#include "cli/sources.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "engine/fixes.h"
#include "engine/linter.h"
#include "ir/dump.h"
#include "parser/parser.h"
#include "report/reporter.h"
#include "rules/registry.h"

#ifndef DDLINT_VERSION
#define DDLINT_VERSION "0.0.0"
#endif

namespace ddlint::cli {

namespace fs = std::filesystem;

const char* version() { return DDLINT_VERSION; }

namespace {

// Builds the CLI layer of configuration (flags win over every file).
engine::Config cli_config(const CheckOptions& o, const engine::Catalog& catalog) {
  engine::Config c;
  if (!o.select.empty()) c.select = engine::resolve_rule_list(o.select, catalog, "--select");
  c.ignore = engine::resolve_rule_list(o.ignore, catalog, "--ignore");
  if (o.pg_version) {
    if (*o.pg_version < 10 || *o.pg_version > 17)
      throw engine::ConfigError("--pg-version must be from 10 to 17");
    c.pg_version = *o.pg_version;
  }
  if (!o.fail_on.empty()) {
    auto s = parse_severity(o.fail_on);
    if (!s) throw engine::ConfigError("--fail-on must be error, warning or info");
    c.fail_on = *s;
  }
  if (o.assume_in_transaction) c.assume_in_transaction = *o.assume_in_transaction;
  if (o.schema_complete) c.schema_complete = *o.schema_complete;
  if (!o.schema_dump.empty()) c.schema_complete = true;
  if (!o.runner.empty()) {
    c.runner = analysis::parse_runner(o.runner);
    if (!c.runner) throw engine::ConfigError("--runner must be auto, none, goose, dbmate or golang-migrate");
  }
  if (!o.down_migrations.empty()) {
    c.down_migrations = analysis::parse_down_policy(o.down_migrations);
    if (!c.down_migrations) throw engine::ConfigError("--down-migrations must be relaxed, strict or skip");
  }
  if (o.dialect == "postgres" || o.dialect == "postgresql") c.dialect = Dialect::Postgres;
  return c;
}

}  // namespace

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  const auto& catalog = engine::Catalog::instance();
  if (!catalog.errors().empty()) {
    for (const auto& e : catalog.errors()) err << "ddlint: rule catalogue: " << e << "\n";
    return kExitError;
  }
  if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "github" &&
      o.format != "gitlab" && o.format != "gcc") {
    err << "ddlint: unknown --format `" << o.format
        << "` (expected text, json, sarif, github, gitlab or gcc)\n";
    return kExitError;
  }
  if (!o.dialect.empty() && o.dialect != "postgres" && o.dialect != "postgresql") {
    if (o.dialect == "mysql" || o.dialect == "mariadb")
      err << "ddlint: the MySQL/MariaDB dialect is not supported yet\n";
    else
      err << "ddlint: unknown --dialect `" << o.dialect << "` (expected postgres or mysql)\n";
    return kExitError;
  }

  engine::Config cli;
  std::optional<engine::Config> explicit_config;
  try {
    cli = cli_config(o, catalog);
    if (!o.config.empty()) explicit_config = engine::load_config(o.config, catalog);
  } catch (const engine::ConfigError& e) {
    err << "ddlint: " << e.what() << "\n";
    return kExitError;
  }

  std::vector<std::string> problems;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) paths.push_back(".");
  auto inputs = collect_inputs(paths, o.stdin_filename, problems);
  // --changed-since: lint only what changed; those files are one change set,
  // deployed together in path order. The other files are still read, as the
  // history before it.
  const bool change_set = !o.changed_since.empty();
  std::set<std::string> changed;
  if (change_set) {
    std::string error;
    if (!changed_since(o.changed_since, changed, error)) {
      err << "ddlint: " << error << "\n";
      return kExitError;
    }
  }
  auto in_change_set = [&](const InputFile& in) {
    return !change_set || in.is_stdin || changed.count(normal_path(in.fs_path)) > 0;
  };

  std::map<std::string, std::optional<engine::Config>> config_cache;  // by config file path
  std::vector<engine::FileResult> results;
  std::set<std::string> enabled_union;
  Severity fail_on = Severity::Warning;
  bool io_error = !problems.empty();
  bool config_error = false;
  for (const auto& p : problems) err << "ddlint: " << p << "\n";

  std::map<std::string, std::optional<fs::path>> found_in_dir;
  auto config_for = [&](const InputFile& in) -> const engine::Config* {
    if (explicit_config) return &*explicit_config;
    const fs::path start = in.is_stdin
                               ? (o.stdin_filename.empty() ? fs::current_path() : fs::path(o.stdin_filename))
                               : fs::path(in.fs_path);
    // Files of one directory share the answer: look each directory up once
    // (stdin's start may be a directory itself: keyed apart).
    const std::string dir = in.is_stdin ? "-\n" + start.string() : start.parent_path().string();
    auto cached = found_in_dir.find(dir);
    if (cached == found_in_dir.end()) cached = found_in_dir.emplace(dir, engine::find_config(start)).first;
    const auto& found = cached->second;
    if (!found) return nullptr;
    const std::string key = found->string();
    auto it = config_cache.find(key);
    if (it == config_cache.end()) {
      std::optional<engine::Config> loaded;
      try {
        loaded = engine::load_config(*found, catalog);
      } catch (const engine::ConfigError& e) {
        err << "ddlint: " << e.what() << "\n";
        config_error = true;
      }
      it = config_cache.emplace(key, std::move(loaded)).first;
    }
    return it->second ? &*it->second : nullptr;
  };

  // Read every input and resolve its settings on this thread, then parse and
  // lint in parallel (libpg_query keeps per-thread state); results keep input order.
  struct Job {
    std::shared_ptr<const SourceFile> source;
    engine::Effective eff;
    std::string fs_path;  // empty for stdin
    size_t fixes = 0;     // fixes applied (--fix)
    // The down migration paired by name (NAME.up.sql -> NAME.down.sql), when it exists.
    std::shared_ptr<const SourceFile> down_source;
    std::optional<ir::ParsedFile> down;
    std::optional<ir::ParsedFile> parsed;
    std::span<const analysis::CreatedObject> earlier;  // created by earlier files of the change set
    std::vector<analysis::KnownTable> history;  // what the migrations before it say of the tables it names
    bool lint = true;                           // false: history only (outside the change set)
  };
  std::vector<Job> jobs;
  for (const auto& in : inputs) {
    std::string bytes;
    if (in.is_stdin) {
      bytes = read_stdin();
    } else {
      std::string error;
      if (!read_file(in.fs_path, bytes, error)) {
        err << "ddlint: " << error << "\n";
        io_error = true;
        continue;
      }
    }
    const engine::Config* file_config = config_for(in);
    auto eff = engine::effective(catalog, file_config, cli);
    if (eff.settings.dialect == Dialect::MySql) {
      err << "ddlint: " << (file_config ? file_config->path : std::string("config"))
          << ": the MySQL/MariaDB dialect is not supported yet\n";
      config_error = true;
      continue;
    }
    const bool lint_it = in_change_set(in);
    if (lint_it) {
      fail_on = eff.fail_on;
      for (const auto& [id, sev] : eff.enabled) enabled_union.insert(id);
    }
    Job job;
    job.lint = lint_it;
    job.source = std::make_shared<const SourceFile>(in.display_path, std::move(bytes), Dialect::Postgres);
    job.eff = std::move(eff);
    job.fs_path = in.fs_path;
    jobs.push_back(std::move(job));
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> write_error{false};
  auto lint = [&](Job& job) {
    return engine::lint_file(job.source, *job.parsed, job.eff.settings, job.eff.enabled, rules::registry(),
                             catalog, job.eff.options, job.down ? &*job.down : nullptr, job.earlier,
                             job.history);
  };
  // Reads and parses the paired down migration of an up migration file (for
  // stdin, of the --stdin-filename); a missing one is simply absent.
  auto load_down = [&](Job& job) {
    const std::string base = job.fs_path.empty() ? o.stdin_filename : job.fs_path;
    const std::string path = analysis::paired_down_path(base);
    std::string bytes;
    std::string error;
    if (path.empty() || !fs::is_regular_file(path) || !read_file(path, bytes, error)) return;
    job.down_source = std::make_shared<const SourceFile>(path, std::move(bytes), Dialect::Postgres);
    job.down = parser::parse(*job.down_source);
  };
  // Runs `fn` over every job on a few threads (libpg_query keeps per-thread
  // state; the main thread works too).
  auto parallel = [&](auto fn) {
    next = 0;
    auto work = [&] {
      for (size_t i = next++; i < jobs.size(); i = next++) fn(i);
    };
    const size_t threads =
        std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), jobs.size() / 8 + 1);
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  };
  parallel([&](size_t i) {
    load_down(jobs[i]);
    jobs[i].parsed = parser::parse(*jobs[i].source);
  });
  // Files are migrations in path order: replay them for column types (so an
  // ALTER COLUMN ... TYPE can be judged from its old type), and in a change
  // set, what an earlier file creates is new (and empty) for the files after it.
  std::vector<analysis::CreatedObject> created;
  std::vector<size_t> ends;
  analysis::SchemaModel columns;
  if (!o.schema_dump.empty()) {
    // The dump is the schema before the first migration.
    std::string bytes;
    std::string error;
    if (!read_file(o.schema_dump, bytes, error)) {
      err << "ddlint: --schema-dump: " << error << "\n";
      return kExitError;
    }
    const SourceFile dump(o.schema_dump, std::move(bytes), Dialect::Postgres);
    const ir::ParsedFile parsed = parser::parse(dump);
    for (const auto& st : parsed.statements) columns.apply(st);
  }
  for (auto& job : jobs) {
    const auto plan = analysis::plan_runner(job.source->path(), job.source->text(), job.parsed->comments,
                                            job.eff.settings.runner);
    job.history = columns.needed_by(*job.parsed);
    columns.apply(*job.parsed, plan);
    ends.push_back(created.size());
    if (change_set && job.lint) analysis::collect_created(*job.parsed, plan, created);
  }
  if (change_set) {
    for (size_t i = 0; i < jobs.size(); ++i) jobs[i].earlier = {created.data(), ends[i]};
    std::erase_if(jobs, [](const Job& j) { return !j.lint; });
  }
  results.resize(jobs.size());
  parallel([&](size_t i) {
    {
      Job& job = jobs[i];
      // The change set's view of earlier files stays as it was: fixes do
      // not change what a file creates.
      results[i] = lint(job);
      if (!o.fix) return;
      // Apply, re-lint, repeat: a fix deferred because it overlapped another
      // gets its turn in the next round. The report shows what is left.
      const std::string original(job.source->text());
      for (int round = 0; round < 10; ++round) {
        auto outcome = engine::apply_fixes(job.source->text(), results[i].diagnostics, o.unsafe_fixes);
        if (outcome.applied == 0 || outcome.text == job.source->text()) break;
        job.fixes += outcome.applied;
        job.source = std::make_shared<const SourceFile>(job.source->path(), std::move(outcome.text),
                                                        Dialect::Postgres);
        job.parsed = parser::parse(*job.source);
        results[i] = lint(job);
      }
      if (job.fs_path.empty() || job.source->text() == original) return;
      std::ofstream f(job.fs_path, std::ios::binary | std::ios::trunc);
      f << job.source->text();
      f.flush();
      if (!f) write_error = true;
    }
  });
  if (config_error) return kExitError;
  bool report_to_stderr = false;
  if (o.fix) {
    // With stdin the fixed SQL goes to stdout (an editor's format-on-save
    // pipe), so the report moves to stderr unless --output names a file.
    for (const auto& j : jobs)
      if (j.fs_path.empty()) {
        out << j.source->text();
        out.flush();
        report_to_stderr = true;
      }
  }
  if (write_error) {
    err << "ddlint: could not write a fixed file\n";
    io_error = true;
  }
  if (o.fix) {
    size_t fixes = 0;
    size_t files = 0;
    for (const auto& j : jobs) {
      fixes += j.fixes;
      files += j.fixes > 0;
    }
    size_t unsafe = 0;  // left for --unsafe-fixes
    if (!o.unsafe_fixes)
      for (const auto& r : results)
        for (const auto& d : r.diagnostics)
          unsafe += d.fix && !d.suppressed && d.fix->applicability == Applicability::Unsafe;
    err << "ddlint: applied " << fixes << (fixes == 1 ? " fix" : " fixes") << " in " << files
        << (files == 1 ? " file" : " files");
    if (unsafe > 0)
      err << " (" << unsafe << " unsafe " << (unsafe == 1 ? "fix" : "fixes")
          << " left: review, then --unsafe-fixes)";
    err << "\n";
  }
  if (jobs.empty() && !io_error) {
    const auto eff = engine::effective(catalog, explicit_config ? &*explicit_config : nullptr, cli);
    fail_on = eff.fail_on;
    for (const auto& [id, sev] : eff.enabled) enabled_union.insert(id);
  }

  report::ReportInput input{results,
                            catalog,
                            {enabled_union.begin(), enabled_union.end()},
                            version(),
                            o.color && o.output.empty() && o.format == "text",
                            o.verbose || (o.terminal && o.output.empty()),
                            fs::current_path().string()};
  std::ofstream file;
  std::ostream* sink = report_to_stderr ? &err : &out;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary);
    if (!file) {
      err << "ddlint: cannot write " << o.output << "\n";
      return kExitError;
    }
    sink = &file;
  }
  if (o.format == "json")
    report::write_json(input, *sink);
  else if (o.format == "sarif")
    report::write_sarif(input, *sink);
  else if (o.format == "github")
    report::write_github(input, *sink);
  else if (o.format == "gitlab")
    report::write_gitlab(input, *sink);
  else if (o.format == "gcc")
    report::write_gcc(input, *sink);
  else
    report::write_text(input, *sink);
  sink->flush();

  if (io_error) return kExitError;
  for (const auto& r : results)
    for (const auto& d : r.diagnostics)
      if (!d.suppressed && d.severity >= fail_on) return kExitFindings;
  return kExitClean;
}

int run_rules(std::ostream& out, std::ostream&) {
  const auto& catalog = engine::Catalog::instance();
  size_t width = 0;
  for (const auto& r : catalog.rules()) width = std::max(width, r.id.size());
  for (const auto& r : catalog.rules()) {
    std::string sev(to_string(r.default_severity));
    out << r.id << std::string(width + 2 - r.id.size(), ' ') << sev << std::string(9 - sev.size(), ' ')
        << (r.default_enabled ? "" : "(opt-in) ") << r.summary << "\n";
  }
  return kExitClean;
}

int run_explain(const std::string& id, std::ostream& out, std::ostream& err) {
  const auto& catalog = engine::Catalog::instance();
  const auto canonical = catalog.resolve(id);
  if (!canonical) {
    err << "ddlint: unknown rule `" << id << "` (see `ddlint rules`)\n";
    return kExitError;
  }
  const auto* r = catalog.find(*canonical);
  out << "# " << r->id << "\n\n" << r->summary << "\n\n";
  out << "Default severity: " << to_string(r->default_severity) << (r->default_enabled ? "" : " (opt-in)")
      << "\n";
  if (!r->dialects.empty()) {
    out << "Dialects:";
    for (const auto& d : r->dialects) out << " " << d;
    out << "\n";
  }
  if (!r->aliases.empty()) {
    out << "Aliases:";
    for (const auto& a : r->aliases) out << " " << a;
    out << "\n";
  }
  for (const auto& opt : r->options)
    out << "Option: " << opt.name << " (" << opt.type << ", default "
        << (opt.default_value.empty() ? "none" : opt.default_value) << ")"
        << (opt.help.empty() ? "" : ": " + opt.help) << "\n";
  out << "\n" << r->body;
  if (!r->body.empty() && r->body.back() != '\n') out << "\n";
  return kExitClean;
}

int run_locks(const LocksOptions& o, std::ostream& out, std::ostream& err) {
  std::string bytes;
  std::string error;
  if (o.path == "-") {
    bytes = read_stdin();
  } else if (!read_file(o.path, bytes, error)) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  const bool mysql = o.dialect == "mysql" || o.dialect == "mariadb";
  analysis::Settings settings;
  if (mysql) {
    settings.dialect = Dialect::MySql;
    if (!o.mysql_version.empty()) {
      const auto target = analysis::parse_mysql_target(o.mysql_version);
      if (!target) {
        err << "ddlint: --mysql-version: `" << o.mysql_version
            << "` is not a MySQL or MariaDB version (e.g. 8.0, 8.4, mariadb-10.11)\n";
        return kExitError;
      }
      settings.mysql = *target;
    } else if (o.dialect == "mariadb") {
      settings.mysql = *analysis::parse_mysql_target("mariadb");
    }
  }
  const SourceFile source(o.path, std::move(bytes), mysql ? Dialect::MySql : Dialect::Postgres);
  const auto parsed = parser::parse(source);
  settings.pg_version = o.pg_version;
  settings.assume_in_transaction = o.assume_in_transaction;
  if (auto r = analysis::parse_runner(o.runner)) settings.runner = *r;
  const analysis::MigrationFacts facts(
      parsed, settings,
      analysis::plan_runner(source.path(), source.text(), parsed.comments, settings.runner));
  auto one_line = [](std::string_view s) {
    std::string r;
    bool space = false;
    for (char c : s) {
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
        space = true;
        continue;
      }
      if (space && !r.empty()) r += ' ';
      space = false;
      r += c;
    }
    return r;
  };
  nlohmann::ordered_json doc;
  if (o.format == "json") {
    doc["file"] = o.path;
    doc["pg_version"] = o.pg_version;
    doc["runner"] = std::string(analysis::runner_name(facts.plan().runner));
    doc["statements"] = nlohmann::ordered_json::array();
  }
  auto tx_name = [](analysis::TxSource t) {
    switch (t) {
      case analysis::TxSource::Explicit:
        return "explicit";
      case analysis::TxSource::Runner:
        return "runner";
      case analysis::TxSource::Implicit:
        return "implicit";
      case analysis::TxSource::None:
        break;
    }
    return "none";
  };
  size_t section = SIZE_MAX;
  for (size_t i = 0; i < parsed.statements.size(); ++i) {
    const auto& st = parsed.statements[i];
    const auto& f = facts.at(i);
    if (o.format != "json" && f.section != section && (facts.plan().sections.size() > 1 || f.down)) {
      // A heading per runner section: each runs separately.
      const auto& sec = facts.plan().sections[f.section];
      out << "-- " << (f.down ? "down" : "up") << " migration";
      if (facts.plan().runner != analysis::Runner::None)
        out << " (" << analysis::runner_name(facts.plan().runner) << ", " << analysis::tx_mode_name(sec.tx)
            << ")";
      out << "\n";
    }
    section = f.section;
    const auto pos = source.lines().position(st.range.begin);
    const std::string text = one_line(source.slice(st.range));
    if (o.format == "json") {
      nlohmann::ordered_json s;
      s["line"] = pos.line;
      s["column"] = pos.column;
      s["kind"] = std::string(ir::to_string(st.kind()));
      s["text"] = text;
      s["in_transaction"] = f.in_transaction;
      s["transaction"] = tx_name(f.tx);
      s["down"] = f.down;
      s["no_transaction_block"] = f.effect.no_transaction_block;
      if (f.effect.no_transaction_block) s["no_transaction_reason"] = f.effect.no_transaction_reason;
      // MySQL/MariaDB only: implicit commit, a statement the server refuses.
      if (f.effect.implicit_commit) s["implicit_commit"] = true;
      if (f.effect.fails) s["fails"] = f.effect.fail_reason;
      s["tables"] = nlohmann::ordered_json::array();
      for (const auto& t : f.effect.tables) {
        nlohmann::ordered_json j = {{"schema", t.table.schema},
                                    {"name", t.table.name},
                                    {"object", std::string(ir::to_string(t.object))},
                                    {"mode", t.mode},
                                    {"blocks", std::string(analysis::to_string(t.blocks))},
                                    {"rewrite", t.rewrite},
                                    {"scan", t.scan},
                                    {"existing", facts.is_existing(t.table, i)}};
        if (!t.algorithm.empty()) j["algorithm"] = t.algorithm;  // MySQL/MariaDB
        if (!t.lock.empty()) j["lock"] = t.lock;
        s["tables"].push_back(std::move(j));
      }
      doc["statements"].push_back(std::move(s));
      continue;
    }
    out << o.path << ":" << pos.line << ":" << pos.column << ": "
        << (text.size() > 72 ? text.substr(0, 69) + "..." : text) << "\n";
    if (f.effect.tables.empty() && !f.effect.no_transaction_block) out << "    no table locks\n";
    for (const auto& t : f.effect.tables) {
      out << "    " << t.table.display() << ": " << t.mode << " (" << analysis::describe(t.blocks) << ")";
      if (!t.algorithm.empty()) out << ", ALGORITHM=" << t.algorithm;
      if (t.rewrite) out << ", rewrites";
      if (t.scan) out << ", scans";
      if (!facts.is_existing(t.table, i)) out << ", created in this file";
      out << "\n";
    }
    if (f.effect.fails) out << "    the server refuses it: " << f.effect.fail_reason << "\n";
    if (f.effect.no_transaction_block)
      out << "    cannot run inside a transaction block (" << f.effect.no_transaction_reason << ")"
          << (f.in_transaction ? " but runs inside one" : "") << "\n";
  }
  if (o.format == "json") out << doc.dump(2) << "\n";
  for (const auto& e : parsed.errors) {
    const auto pos = source.lines().position(e.range.begin);
    err << o.path << ":" << pos.line << ":" << pos.column << ": not analysed: " << e.message << "\n";
  }
  return kExitClean;
}

int run_debug_ir(const std::string& path, const std::string& dialect, std::ostream& out, std::ostream& err) {
  const bool mysql = dialect == "mysql" || dialect == "mariadb";
  if (!mysql && !dialect.empty() && dialect != "postgres" && dialect != "postgresql") {
    err << "ddlint: unknown --dialect `" << dialect << "` (expected postgres or mysql)\n";
    return kExitError;
  }
  std::string bytes;
  std::string error;
  if (path == "-") {
    bytes = read_stdin();
  } else if (!read_file(path, bytes, error)) {
    err << "ddlint: " << error << "\n";
    return kExitError;
  }
  const SourceFile source(path, std::move(bytes), mysql ? Dialect::MySql : Dialect::Postgres);
  const auto parsed = parser::parse(source);
  out << ir::dump(parsed.statements, source.text());
  for (const auto& e : parsed.errors) {
    const auto pos = source.lines().position(e.range.begin);
    out << "error " << pos.line << ":" << pos.column << " " << e.message << "\n";
  }
  for (const auto& s : parsed.skipped) {
    const auto pos = source.lines().position(s.range.begin);
    out << "skipped " << pos.line << ":" << pos.column << " " << s.description << "\n";
  }
  return kExitClean;
}

}  // namespace ddlint::cli
