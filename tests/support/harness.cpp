#include "support/harness.h"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/catalog.h"
#include "engine/config.h"
#include "parser/parser.h"
#include "rules/registry.h"
#include "support/diff.h"

namespace ddlint::test {

std::filesystem::path source_dir() { return DDLINT_SOURCE_DIR; }

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

bool update_goldens() {
  const char* v = std::getenv("DDLINT_UPDATE_GOLDENS");
  return v && std::string(v) == "1";
}

std::string golden_mismatch(const std::filesystem::path& golden, const std::string& actual) {
  const std::string name = golden.lexically_relative(source_dir()).generic_string();
  if (!std::filesystem::exists(golden))
    return name + ": missing golden; run with DDLINT_UPDATE_GOLDENS=1 and review it";
  const std::string expected = read(golden);
  if (expected == actual) return "";
  return name + " differs from the output (DDLINT_UPDATE_GOLDENS=1 rewrites it; review the diff):\n" +
         unified_diff(expected, actual, name, "actual output");
}

LintTarget lint_target(const std::string& path, const engine::RuleOptions& options) {
  LintTarget t{path, {}, options};
  if (auto h = t.options.find(kHarnessOptions); h != t.options.end()) {
    if (auto d = h->second.find("down_file"); d != h->second.end()) {
      t.unreadable_down = d->second;
      t.path = t.unreadable_down.substr(0, t.unreadable_down.find(".down.")) + ".up.sql";
    }
    t.options.erase(h);
  }
  return t;
}

engine::FileResult lint(const std::string& path, const std::string& sql,
                        const std::vector<std::string>& rules, const analysis::Settings& settings,
                        const engine::RuleOptions& options) {
  const auto& catalog = engine::Catalog::instance();
  std::map<std::string, Severity> enabled;
  for (const auto& id : rules) {
    const auto* info = catalog.find(id);
    enabled[id] = info ? info->default_severity : Severity::Warning;
  }
  const LintTarget target = lint_target(path, options);
  auto source = std::make_shared<const SourceFile>(target.path, sql, settings.dialect);
  const auto parsed = parser::parse(*source, settings.dialect);
  engine::FileContext context;
  context.options = &target.options;
  context.unreadable_down = target.unreadable_down;
  return engine::lint_file(source, parsed, settings, enabled, rules::registry(), catalog, std::move(context));
}

int run_command(const std::string& command, std::string& out) {
  out.clear();
  FILE* p = popen(command.c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void apply_options(const std::map<std::string, std::string>& opts, analysis::Settings& settings,
                   std::vector<std::string>& rules, engine::RuleOptions& options) {
  const auto& catalog = engine::Catalog::instance();
  auto invalid = [](const std::string& k, const std::string& v) {
    return std::runtime_error("unknown or invalid ddlint-test option " + k + "=" + v);
  };
  auto boolean = [&](const std::string& k, const std::string& v) {
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    throw invalid(k, v);
  };
  for (const auto& [k, v] : opts) {
    if (const auto dot = k.find('.'); dot != std::string::npos) {
      // rule-id.option=value: a declared option of a known rule, with a valid value.
      const auto* info = catalog.find(k.substr(0, dot));
      const auto* decl = info ? info->option(k.substr(dot + 1)) : nullptr;
      if (!decl || engine::check_option(*decl, v)) throw invalid(k, v);
      options[k.substr(0, dot)][k.substr(dot + 1)] = v;
      continue;
    }
    if (k == "mysql_version") {
      // As --mysql-version / config mysql_version read it: 5.7, 8.0.28, mariadb-10.6 ...
      const auto t = analysis::parse_mysql_target(v);
      if (!t) throw invalid(k, v);
      settings.mysql = *t;
    } else if (k == "dialect") {
      if (v == "mysql")
        settings.dialect = Dialect::MySql;
      else if (v == "postgres")
        settings.dialect = Dialect::Postgres;
      else
        throw invalid(k, v);
    } else if (k == "pg_version") {
      if (v.empty() || v.size() > 2 || v.find_first_not_of("0123456789") != std::string::npos)
        throw invalid(k, v);
      settings.pg_version = std::stoi(v);
    } else if (k == "assume_in_transaction") {
      settings.assume_in_transaction = boolean(k, v);
    } else if (k == "runner" && analysis::parse_runner(v)) {
      settings.runner = *analysis::parse_runner(v);
    } else if (k == "down_migrations" && analysis::parse_down_policy(v)) {
      settings.down = *analysis::parse_down_policy(v);
    } else if (k == "down_file") {
      const auto dot = v.find(".down.");
      if (dot == std::string::npos || dot == 0 || v.ends_with(".down.sql") ||
          v.find('/') != std::string::npos)
        throw invalid(k, v);
      options[kHarnessOptions]["down_file"] = v;
    } else if (k == "schema_complete") {
      settings.schema_complete = boolean(k, v);
    } else if (k == "rules") {
      std::stringstream ss(v);
      std::string id;
      while (std::getline(ss, id, ',')) {
        if (id.empty() || !catalog.find(id)) throw invalid(k, v);
        if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.push_back(id);
      }
    } else {
      throw invalid(k, v);
    }
  }
}

std::vector<std::filesystem::path> files_with_suffix(const std::filesystem::path& dir,
                                                     const std::string& suffix) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (e.is_regular_file() && name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ddlint::test
