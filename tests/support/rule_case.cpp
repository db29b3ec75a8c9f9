#include "support/rule_case.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "engine/catalog.h"
#include "engine/fixes.h"
#include "engine/linter.h"
#include "parser/parser.h"
#include "rules/registry.h"
#include "support/diff.h"
#include "support/harness.h"

namespace fs = std::filesystem;

namespace ddlint::test {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return std::string_view(s).ends_with(suffix);
}

// Paths in messages are relative to the project when they are inside it.
std::string shown(const fs::path& p) {
  const auto rel = p.lexically_relative(source_dir());
  return !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : p.generic_string();
}

struct Expectation {
  uint32_t line = 0;        // where the finding starts
  uint32_t column = 0;      // 1-based, as the reporters count it
  uint32_t written_at = 0;  // the line of the expect comment
  std::string rule;
  std::string fragment;
  bool met = false;
};

struct Header {
  std::map<std::string, std::string> options;
  std::map<std::string, uint32_t> option_line;
  bool unsafe_fixes = true;
};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

bool is_rule_id(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Splits an expectation list on commas outside double quotes.
std::optional<std::vector<std::string>> split_items(std::string_view spec) {
  std::vector<std::string> items;
  std::string cur;
  bool quoted = false;
  for (const char c : spec) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      items.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (quoted) return std::nullopt;
  items.push_back(trim(cur));
  return items;
}

// One item: rule-id@column ["fragment"]. Returns an error message when malformed.
std::optional<std::string> parse_item(const std::string& item, Expectation& e) {
  const auto at = item.find('@');
  const auto space = item.find_first_of(" \t\"");
  if (at == std::string::npos || (space != std::string::npos && space < at))
    return "expectation `" + item + "` needs a column: rule-id@column";
  e.rule = item.substr(0, at);
  if (!is_rule_id(e.rule)) return "expectation `" + item + "`: `" + e.rule + "` is not a rule id";
  if (!engine::Catalog::instance().find(e.rule))
    return "expectation `" + item + "`: no rule `" + e.rule + "`";
  size_t i = at + 1;
  size_t j = i;
  while (j < item.size() && std::isdigit(static_cast<unsigned char>(item[j]))) ++j;
  if (j == i || j - i > 6) return "expectation `" + item + "`: the column after @ must be a number";
  e.column = static_cast<uint32_t>(std::stoul(item.substr(i, j - i)));
  if (e.column == 0) return "expectation `" + item + "`: columns are 1-based";
  const std::string rest = trim(std::string_view(item).substr(j));
  if (rest.empty()) return std::nullopt;
  if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"' || rest.find('"', 1) != rest.size() - 1)
    return "expectation `" + item + "`: after the column only a \"message fragment\" may follow";
  e.fragment = rest.substr(1, rest.size() - 2);
  if (e.fragment.empty()) return "expectation `" + item + "`: empty message fragment";
  return std::nullopt;
}

struct ParsedCase {
  Header header;
  std::vector<Expectation> expectations;
  std::vector<std::string> failures;
};

ParsedCase read_case(const SourceFile& source, const std::string& where) {
  ParsedCase c;
  const auto& lines = source.lines();
  const std::string_view text = source.text();
  for (uint32_t n = 1; n <= lines.line_count(); ++n) {
    const uint32_t b = lines.line_start(n);
    uint32_t e = n < lines.line_count() ? lines.line_start(n + 1) : static_cast<uint32_t>(text.size());
    while (e > b && (text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
    const std::string_view l = text.substr(b, e - b);
    auto fail = [&](const std::string& msg) {
      c.failures.push_back(where + ":" + std::to_string(n) + ": " + msg);
    };
    if (const auto p = l.find("-- ddlint-test:"); p != std::string_view::npos) {
      std::istringstream words{std::string(l.substr(p + 15))};
      std::string w;
      bool any = false;
      while (words >> w) {
        any = true;
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == w.size()) {
          fail("ddlint-test: `" + w + "` is not key=value");
          continue;
        }
        const std::string key = w.substr(0, eq);
        const std::string value = w.substr(eq + 1);
        if (c.header.options.count(key) || (key == "fixes" && c.header.option_line.count(key))) {
          fail("ddlint-test: `" + key + "` is set twice");
          continue;
        }
        if (key == "fixes") {
          if (value != "safe" && value != "unsafe")
            fail("ddlint-test: fixes=" + value + ": expected fixes=safe or fixes=unsafe");
          c.header.unsafe_fixes = value == "unsafe";
          c.header.option_line[key] = n;
          continue;
        }
        if (key == "dialect") {
          fail("ddlint-test: dialect is set by the file name (.pg.sql, .mysql.sql)");
          continue;
        }
        // Each option on its own, so that a bad one names itself.
        analysis::Settings s;
        std::vector<std::string> r;
        engine::RuleOptions o;
        try {
          apply_options({{key, value}}, s, r, o);
        } catch (const std::exception& ex) {
          fail(std::string("ddlint-test: ") + ex.what());
          continue;
        }
        c.header.options[key] = value;
        c.header.option_line[key] = n;
      }
      if (!any) fail("ddlint-test: no options");
    }
    const bool next = l.find("-- expect-next:") != std::string_view::npos;
    const auto p = next ? l.find("-- expect-next:") : l.find("-- expect:");
    if (p == std::string_view::npos) continue;
    uint32_t target = n;
    if (next) {
      // The next line with something on it.
      for (target = n + 1; target <= lines.line_count(); ++target) {
        const uint32_t tb = lines.line_start(target);
        const uint32_t te =
            target < lines.line_count() ? lines.line_start(target + 1) : static_cast<uint32_t>(text.size());
        if (!trim(text.substr(tb, te - tb)).empty() &&
            text.substr(tb, te - tb).find_first_not_of(" \t\r\n") != std::string_view::npos)
          break;
      }
      if (target > lines.line_count()) {
        fail("expect-next: no line follows");
        continue;
      }
    }
    const auto spec = l.substr(p + (next ? 15 : 10));
    const auto items = split_items(spec);
    if (!items) {
      fail("expectation with an unterminated \"fragment\"");
      continue;
    }
    for (const auto& item : *items) {
      if (item.empty()) {
        fail(std::string(next ? "expect-next" : "expect") + ": empty expectation");
        continue;
      }
      Expectation x;
      x.line = target;
      x.written_at = n;
      if (const auto err = parse_item(item, x)) {
        fail(*err);
        continue;
      }
      c.expectations.push_back(x);
    }
  }
  return c;
}

struct Linted {
  engine::FileResult result;
  ir::ParsedFile parsed;
};

Linted run_lint(const std::string& path, const std::string& sql, const std::vector<std::string>& rules,
                const analysis::Settings& settings, const engine::RuleOptions& options) {
  const auto& catalog = engine::Catalog::instance();
  std::map<std::string, Severity> enabled;
  for (const auto& id : rules) {
    const auto* info = catalog.find(id);
    enabled[id] = info ? info->default_severity : Severity::Warning;
  }
  // The file keeps its own path in messages unless the case is linted as
  // an up migration with an unreadable down migration beside it.
  const LintTarget target = lint_target(path, options);
  auto source = std::make_shared<const SourceFile>(target.unreadable_down.empty() ? path : target.path, sql,
                                                   settings.dialect);
  Linted out;
  out.parsed = parser::parse(*source, settings.dialect);
  engine::FileContext context;
  context.options = &target.options;
  context.unreadable_down = target.unreadable_down;
  out.result = engine::lint_file(source, out.parsed, settings, enabled, rules::registry(), catalog,
                                 std::move(context));
  return out;
}

std::string at(const engine::FileResult& r, uint32_t offset) {
  const auto pos = r.source->lines().position(offset);
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

bool applies(const Diagnostic& d, bool unsafe) {
  return d.fix && !d.suppressed && (unsafe || d.fix->applicability == Applicability::Safe);
}

}  // namespace

CaseFileKind classify_case_file(const std::string& name) {
  auto stem_ok = [&](std::string_view suffix) {
    return name.size() > suffix.size() && ends_with(name, suffix) &&
           name.find('.') == name.size() - suffix.size();
  };
  if (stem_ok(".pg.fixed.sql")) return CaseFileKind::PgFixed;
  if (stem_ok(".mysql.fixed.sql")) return CaseFileKind::MySqlFixed;
  if (stem_ok(".pg.sql")) return CaseFileKind::PgCase;
  if (stem_ok(".mysql.sql")) return CaseFileKind::MySqlCase;
  return CaseFileKind::Unknown;
}

CaseResult run_rule_case(const fs::path& file, const std::string& rule) {
  CaseResult out;
  const std::string where = shown(file);
  const std::string name = file.filename().string();
  const auto kind = classify_case_file(name);
  if (kind != CaseFileKind::PgCase && kind != CaseFileKind::MySqlCase) {
    out.failures.push_back(where + ": not a case file (cases end in .pg.sql or .mysql.sql)");
    return out;
  }
  const bool mysql = kind == CaseFileKind::MySqlCase;
  const std::string dialect = mysql ? "mysql" : "postgres";
  const auto* info = engine::Catalog::instance().find(rule);
  if (!info) {
    out.failures.push_back(where + ":1: no rule `" + rule + "` (the folder name is the rule id)");
    return out;
  }
  const std::string sql = read(file);
  const SourceFile source(where, sql, mysql ? Dialect::MySql : Dialect::Postgres);
  ParsedCase c = read_case(source, where);
  out.fires = !c.expectations.empty();
  out.failures = c.failures;
  // A target version of the other dialect would silently test nothing.
  if (const char* other = mysql ? "pg_version" : "mysql_version"; c.header.options.count(other))
    out.failures.push_back(where + ":" + std::to_string(c.header.option_line[other]) + ": ddlint-test: " +
                           other + " in a " + (mysql ? ".mysql.sql" : ".pg.sql") + " case");
  if (!info->dialects.empty() &&
      std::find(info->dialects.begin(), info->dialects.end(), dialect) == info->dialects.end()) {
    std::string listed;
    for (const auto& d : info->dialects) listed += (listed.empty() ? "\"" : ", \"") + d + "\"";
    out.failures.push_back(where + ":1: rule " + rule + " does not support " + dialect + " (rules.d/" + rule +
                           ".md: dialects = [" + listed + "])");
    return out;
  }

  std::vector<std::string> rules{rule};
  analysis::Settings settings;
  engine::RuleOptions options;
  apply_options(c.header.options, settings, rules, options);  // each option was checked above
  settings.dialect = mysql ? Dialect::MySql : Dialect::Postgres;
  const auto linted = run_lint(where, sql, rules, settings, options);
  const auto& result = linted.result;

  // A case that does not parse tests nothing else; one that tests a syntax
  // error enables syntax-error and expects it like any other finding (or,
  // for syntax of a newer PostgreSQL than the parser's that the target
  // accepts, newer-syntax, the rule that reports it then).
  auto enabled = [&](std::string_view id) {
    return std::find(rules.begin(), rules.end(), id) != rules.end();
  };
  for (const auto& e : linted.parsed.errors) {
    const bool newer = e.newer_version != 0 && settings.pg_version >= e.newer_version;
    if (newer ? enabled("newer-syntax") || enabled("syntax-error") : enabled("syntax-error")) continue;
    out.failures.push_back(where + ":" + at(result, e.range.begin) + ": does not parse: " + e.message +
                           (newer ? " (a case about newer syntax sets rules=newer-syntax and expects it)"
                                  : " (a case about a syntax error sets rules=syntax-error and expects it)"));
  }

  for (const auto& d : result.diagnostics) {
    if (d.suppressed) continue;
    const auto pos = result.source->lines().position(d.range.begin);
    bool matched = false;
    for (auto& e : c.expectations) {
      if (!e.met && e.line == pos.line && e.column == pos.column && e.rule == d.rule &&
          (e.fragment.empty() || d.message.find(e.fragment) != std::string::npos)) {
        e.met = matched = true;
        break;
      }
    }
    if (matched) continue;
    // Say so when only the column is wrong.
    Expectation* near = nullptr;
    for (auto& e : c.expectations)
      if (!e.met && e.line == pos.line && e.rule == d.rule &&
          (e.fragment.empty() || d.message.find(e.fragment) != std::string::npos))
        near = &e;
    if (near) {
      near->met = true;  // reported here, not again as missing
      out.failures.push_back(where + ":" + std::to_string(pos.line) + ": " + d.rule + " starts at column " +
                             std::to_string(pos.column) + ", expected @" + std::to_string(near->column) +
                             ": " + d.message);
    } else {
      out.failures.push_back(where + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                             ": unexpected " + d.rule + ": " + d.message);
    }
  }
  for (const auto& e : c.expectations)
    if (!e.met)
      out.failures.push_back(where + ":" + std::to_string(e.written_at) + ": expected " + e.rule + "@" +
                             std::to_string(e.column) +
                             (e.fragment.empty() ? "" : " \"" + e.fragment + "\"") + " at line " +
                             std::to_string(e.line) + " was not reported");

  // Fixes: the same function --fix uses, safe ones only when the header says
  // fixes=safe; the result is a golden beside the case.
  const bool unsafe = c.header.unsafe_fixes;
  const auto outcome = engine::apply_fixes(sql, result.diagnostics, unsafe);
  fs::path golden = file;
  golden.replace_filename(name.substr(0, name.size() - 4) + ".fixed.sql");
  const std::string golden_shown = shown(golden);
  if (outcome.applied == 0) {
    if (fs::exists(golden)) {
      if (update_goldens())
        fs::remove(golden);
      else
        out.failures.push_back(golden_shown + ": fix golden, but no fix applies to " + where);
    }
    return out;
  }
  if (update_goldens()) {
    write(golden, outcome.text);
  } else if (!fs::exists(golden)) {
    out.failures.push_back(where + ":1: " + std::to_string(outcome.applied) +
                           " fix(es) apply but there is no " + golden_shown +
                           " (write it with DDLINT_UPDATE_GOLDENS=1 and review it)");
  } else if (const std::string expected = read(golden); expected != outcome.text) {
    out.failures.push_back(golden_shown + ": the fixed text differs from the golden:\n" +
                           unified_diff(expected, outcome.text, golden_shown, where + " with fixes applied"));
  }
  const auto again = run_lint(golden_shown, outcome.text, rules, settings, options);
  if (again.parsed.errors.size() != linted.parsed.errors.size())
    out.failures.push_back(golden_shown + ": the fixed text does not parse (" +
                           std::to_string(again.parsed.errors.size()) + " syntax errors, the case has " +
                           std::to_string(linted.parsed.errors.size()) + ")");
  // Clean for the rule: only the findings that had no (applicable) fix remain.
  size_t unfixed = 0;
  for (const auto& d : result.diagnostics) unfixed += d.rule == rule && !d.suppressed && !applies(d, unsafe);
  size_t remaining = 0;
  for (const auto& d : again.result.diagnostics) {
    if (d.rule != rule || d.suppressed) continue;
    ++remaining;
    if (applies(d, unsafe))
      out.failures.push_back(golden_shown + ":" + at(again.result, d.range.begin) +
                             ": the fixed text still has a fixable " + rule + ": " + d.message);
  }
  if (remaining != unfixed)
    out.failures.push_back(golden_shown + ": the fixed text has " + std::to_string(remaining) + " " + rule +
                           " finding(s); the case had " + std::to_string(unfixed) + " without a fix");
  if (engine::apply_fixes(outcome.text, again.result.diagnostics, unsafe).text != outcome.text)
    out.failures.push_back(golden_shown +
                           ": applying the fixes again changes the fixed text (not idempotent)");
  return out;
}

std::vector<std::string> check_rule_folder(const fs::path& dir) {
  std::vector<std::string> failures;
  const std::string rule = dir.filename().string();
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  std::set<std::string> names;
  for (const auto& p : entries) names.insert(p.filename().string());
  size_t firing = 0;
  size_t clean = 0;
  for (const auto& p : entries) {
    const std::string name = p.filename().string();
    if (!fs::is_regular_file(p)) {
      failures.push_back(shown(p) + ": not a case file (case folders hold files only)");
      continue;
    }
    switch (classify_case_file(name)) {
      case CaseFileKind::PgCase:
      case CaseFileKind::MySqlCase: {
        auto r = run_rule_case(p, rule);
        (r.fires ? firing : clean)++;
        failures.insert(failures.end(), r.failures.begin(), r.failures.end());
        break;
      }
      case CaseFileKind::PgFixed:
      case CaseFileKind::MySqlFixed: {
        const std::string case_name = name.substr(0, name.size() - 10) + ".sql";
        if (!names.count(case_name))
          failures.push_back(shown(p) + ": fix golden without its case " + case_name);
        break;
      }
      case CaseFileKind::Unknown:
        failures.push_back(shown(p) +
                           ": not a case file (a case folder holds <name>.pg.sql, <name>.mysql.sql and their "
                           "<name>.pg.fixed.sql / <name>.mysql.fixed.sql fix goldens)");
        break;
    }
  }
  // A rule whose findings come from a live database (category `database`,
  // reported by `ddlint drift`) never fires on a file: its folder holds near
  // misses only, and the real-server tests make it fire.
  const auto* info = engine::Catalog::instance().find(rule);
  const bool from_database = info && std::find(info->categories.begin(), info->categories.end(),
                                               "database") != info->categories.end();
  if (firing == 0 && !from_database) failures.push_back(shown(dir) + ": needs a case that fires");
  if (firing > 0 && from_database) failures.push_back(shown(dir) + ": a database rule fired on a file");
  if (clean == 0) failures.push_back(shown(dir) + ": needs a near-miss case that stays clean");
  return failures;
}

}  // namespace ddlint::test
