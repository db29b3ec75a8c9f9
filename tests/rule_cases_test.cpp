// Data-driven rule tests over testdata/rules/<rule-id>/*.pg.sql.
// Expectations are SQL comments on the line a diagnostic starts:
//   -- expect: rule-id ["message fragment"][, rule-id ...]
//   -- expect-next: rule-id      (applies to the next non-blank line)
//   -- ddlint-test: pg_version=11 assume_in_transaction=true rules=other-rule
// Only the folder's rule (plus rules=) is enabled. Every diagnostic must be
// expected and every expectation met.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <sstream>

#include "engine/catalog.h"
#include "engine/fixes.h"
#include "support/harness.h"

namespace fs = std::filesystem;
using namespace ddlint;

namespace {

struct Expectation {
  uint32_t line = 0;
  std::string rule;
  std::string fragment;
  bool met = false;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      out.push_back(cur);
      cur.clear();
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      cur += text[i];
    }
  }
  out.push_back(cur);
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

void parse_list(const std::string& spec, uint32_t line, std::vector<Expectation>& out) {
  size_t i = 0;
  while (i < spec.size()) {
    while (i < spec.size() && (spec[i] == ' ' || spec[i] == ',')) ++i;
    size_t j = i;
    while (j < spec.size() && spec[j] != ' ' && spec[j] != ',' && spec[j] != '"') ++j;
    if (j == i) break;
    Expectation e{line, spec.substr(i, j - i), "", false};
    i = j;
    while (i < spec.size() && spec[i] == ' ') ++i;
    if (i < spec.size() && spec[i] == '"') {
      const auto close = spec.find('"', i + 1);
      e.fragment = spec.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
      i = close == std::string::npos ? spec.size() : close + 1;
    }
    out.push_back(e);
  }
}

struct Case {
  std::vector<Expectation> expectations;
  std::map<std::string, std::string> options;
};

Case parse_case(const std::string& text) {
  Case c;
  const auto lines = lines_of(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    const auto line_no = static_cast<uint32_t>(i + 1);
    if (auto p = l.find("-- ddlint-test:"); p != std::string::npos) {
      std::istringstream words(l.substr(p + 15));
      std::string w;
      while (words >> w) {
        const auto eq = w.find('=');
        if (eq != std::string::npos) c.options[w.substr(0, eq)] = w.substr(eq + 1);
      }
    }
    if (auto p = l.find("-- expect-next:"); p != std::string::npos) {
      uint32_t target = line_no + 1;
      while (target <= lines.size() && trim(lines[target - 1]).empty()) ++target;
      parse_list(l.substr(p + 15), target, c.expectations);
    } else if (auto q = l.find("-- expect:"); q != std::string::npos) {
      parse_list(l.substr(q + 10), line_no, c.expectations);
    }
  }
  return c;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("every rule case meets its inline expectations") {
    const fs::path root = test::source_dir() / "testdata" / "rules";
    REQUIRE(fs::is_directory(root));
    size_t folders = 0;
    for (const auto& dir : fs::directory_iterator(root)) {
      if (!dir.is_directory()) continue;
      ++folders;
      const std::string rule = dir.path().filename().string();
      CAPTURE(rule);
      const auto files = test::files_with_suffix(dir.path(), ".pg.sql");
      size_t firing = 0;
      size_t clean = 0;
      for (const auto& file : files) {
        const std::string name = file.filename().string();
        CAPTURE(name);
        const std::string sql = test::read(file);
        Case c = parse_case(sql);
        std::vector<std::string> rules{rule};
        analysis::Settings settings;
        engine::RuleOptions options;
        test::apply_options(c.options, settings, rules, options);
        const auto result = test::lint(file.string(), sql, rules, settings, options);
        (c.expectations.empty() ? clean : firing)++;
        for (const auto& d : result.diagnostics) {
          if (d.suppressed) continue;
          const auto line = result.source->lines().position(d.range.begin).line;
          bool matched = false;
          for (auto& e : c.expectations) {
            if (!e.met && e.line == line && e.rule == d.rule &&
                (e.fragment.empty() || d.message.find(e.fragment) != std::string::npos)) {
              e.met = matched = true;
              break;
            }
          }
          if (!matched) FAIL_CHECK("unexpected " << d.rule << " at line " << line << ": " << d.message);
        }
        // Fixes must re-parse and silence the finding they fix, and applying
        // fixes again must change nothing.
        const auto outcome = engine::apply_fixes(sql, result.diagnostics, /*unsafe=*/true);
        const std::string& fixed = outcome.text;
        if (outcome.applied > 0) {
          const auto again = test::lint(file.string(), fixed, rules, settings, options);
          CHECK_MESSAGE(again.stats.syntax_errors == result.stats.syntax_errors,
                        "fixed text does not parse:\n"
                            << fixed);
          size_t fixable = 0;
          for (const auto& d : again.diagnostics) fixable += d.rule == rule && d.fix && !d.suppressed;
          CHECK_MESSAGE(fixable == 0, "fixes did not silence " << rule << ":\n" << fixed);
          CHECK(engine::apply_fixes(fixed, again.diagnostics, true).text == fixed);
        }
        for (const auto& e : c.expectations)
          if (!e.met)
            FAIL_CHECK("expected " << e.rule << (e.fragment.empty() ? "" : " \"" + e.fragment + "\"")
                                   << " at line " << e.line << " was not reported");
      }
      CHECK_MESSAGE(firing >= 1, "testdata/rules/" << rule << " needs a case that fires");
      CHECK_MESSAGE(clean >= 1, "testdata/rules/" << rule << " needs a near-miss case that stays clean");
    }
    CHECK(folders > 0);
  }
}
