// SARIF 2.1.0 for GitHub code scanning first: the output must pass
// `sarif-multitool validate --rule-kind "Gh;Sarif"` with no errors
// (scripts/sarif-validate). Every rule gets full metadata from its rules.d
// page, every result a region, a stable fingerprint and, when the finding is
// suppressed inline, a `suppressions` entry.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "report/reporter.h"

namespace ddlint::report {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kInformationUri = "https://github.com/ddlint/ddlint";
constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr const char* kFingerprintKey = "ddlintFingerprint/v1";

// ---------------------------------------------------------------------------
// Positions

Json region_json(const Span& s) {
  return Json{{"startLine", s.start.line},
              {"startColumn", s.start.column},
              {"endLine", s.end.line},
              {"endColumn", s.end.column}};
}

// ---------------------------------------------------------------------------
// URIs

bool unreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

// RFC 3986 percent-encoding of a UTF-8 path; `keep` lists the reserved
// characters that stay literal.
std::string percent_encode(std::string_view s, std::string_view keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

bool has_drive_letter(std::string_view p) {
  return p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':';
}

// file: URI of an absolute path; a directory gets a trailing slash.
std::string file_uri(std::string path, bool directory) {
  if (directory && (path.empty() || path.back() != '/')) path += '/';
  if (has_drive_letter(path)) path.insert(0, "/");  // file:///C:/...
  return "file://" + percent_encode(path, "/:");
}

struct ArtifactUri {
  std::string uri;       // percent-encoded
  bool relative = true;  // relative to %SRCROOT%
  std::string key;       // forward-slash path before encoding (fingerprints)
};

// Relative paths stay relative (normalised: no "./", no "a/../"); absolute
// paths are made relative to the root, with "../" when outside it: GitHub
// rejects a whole upload that holds an absolute file: URI (GH1006), while a
// relative reference still resolves to the right file. Only without a root
// (or across Windows drives) does a path become an absolute file: URI.
ArtifactUri artifact_uri(const std::string& path, const fs::path& root) {
  ReportPath r = report_path(path, root);
  if (!r.relative) return {file_uri(r.path, false), false, r.path};
  return {percent_encode(r.path, "/"), true, r.path};
}

Json artifact_location(const ArtifactUri& a, size_t index) {
  Json loc{{"uri", a.uri}};
  if (a.relative) loc["uriBaseId"] = kSrcRoot;
  loc["index"] = index;
  return loc;
}

// ---------------------------------------------------------------------------
// Rule metadata

const char* level_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "warning";
}

// "create-index-non-concurrently" -> "CreateIndexNonConcurrently".
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char ch : id) {
    if (ch == '-' || ch == '_' || ch == ' ') {
      upper = true;
      continue;
    }
    const auto c = static_cast<unsigned char>(ch);
    out += upper ? static_cast<char>(std::toupper(c)) : ch;
    upper = false;
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// "[text](url)" -> "text (url)"; everything else is kept.
std::string plain_links(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '[') {
      const size_t close = line.find("](", i);
      const size_t end = close == std::string_view::npos ? close : line.find(')', close + 2);
      if (close != std::string_view::npos && end != std::string_view::npos &&
          line.substr(i + 1, close - i - 1).find('[') == std::string_view::npos) {
        out += line.substr(i + 1, close - i - 1);
        out += " (";
        out += line.substr(close + 2, end - close - 2);
        out += ")";
        i = end + 1;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

// Markdown section -> plain text for consumers that do not render Markdown:
// code fences dropped (code indented by four spaces), headings unmarked,
// links spelled out, runs of blank lines collapsed.
std::string markdown_to_text(std::string_view md) {
  std::string out;
  bool in_code = false;
  bool blank = false;
  size_t pos = 0;
  while (pos <= md.size()) {
    size_t nl = md.find('\n', pos);
    if (nl == std::string_view::npos) nl = md.size();
    std::string_view line = md.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string stripped = trim(line);
    if (stripped.rfind("```", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    std::string text;
    if (in_code) {
      text = line.empty() ? std::string() : "    " + std::string(line);
    } else {
      std::string_view l = line;
      if (!stripped.empty() && stripped[0] == '#') {
        l = stripped;
        while (!l.empty() && l.front() == '#') l.remove_prefix(1);
        while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
      }
      text = plain_links(l);
    }
    if (trim(text).empty()) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += "\n";
    blank = false;
    out += text;
    out += "\n";
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();  // keeps a code block's indent
  return out;
}

Json multiformat(const std::string& text, const std::string& markdown) {
  Json j{{"text", text}};
  if (!markdown.empty()) j["markdown"] = markdown;
  return j;
}

Json rule_descriptor(const std::string& id, const engine::RuleInfo* info, Severity fallback) {
  Json r{{"id", id}, {"name", pascal_case(id)}};
  if (!info) {
    // A diagnostic without a rules.d page (should not happen; the registry
    // test forbids it) still gets the descriptor GitHub requires.
    const std::string text = "ddlint rule " + id;
    r["shortDescription"] = Json{{"text", text}};
    r["fullDescription"] = Json{{"text", text}};
    r["help"] = Json{{"text", text}, {"markdown", text}};
    r["defaultConfiguration"] = Json{{"level", level_of(fallback)}};
    return r;
  }
  const std::string summary = info->summary.empty() ? id : info->summary;
  const std::string why_md = info->section("Why it is risky");
  const std::string what_md = info->section("What it does");
  const std::string instead_md = info->section("Use instead");

  std::string help_text = what_md.empty() ? summary : markdown_to_text(what_md);
  if (!instead_md.empty()) help_text += "\n\nUse instead:\n\n" + markdown_to_text(instead_md);
  std::string help_md = trim(info->body);
  if (help_md.empty()) help_md = help_text;

  r["shortDescription"] = Json{{"text", summary}};
  r["fullDescription"] =
      why_md.empty() ? Json{{"text", summary}} : multiformat(markdown_to_text(why_md), why_md);
  r["help"] = Json{{"text", help_text}, {"markdown", help_md}};
  r["helpUri"] = info->help_uri();
  r["defaultConfiguration"] = Json{{"level", level_of(info->default_severity)}};
  if (!info->categories.empty()) r["properties"] = Json{{"tags", info->categories}};
  return r;
}

// ---------------------------------------------------------------------------

bool is_semver(std::string_view v) {
  int parts = 0;
  size_t i = 0;
  while (parts < 3) {
    const size_t start = i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
    if (i == start || (i - start > 1 && v[start] == '0')) return false;
    ++parts;
    if (parts < 3) {
      if (i >= v.size() || v[i] != '.') return false;
      ++i;
    }
  }
  return i == v.size() || v[i] == '-' || v[i] == '+';
}

Json fix_json(const Fix& fix, const SourceFile& src, const ArtifactUri& artifact, size_t artifact_index) {
  Json replacements = Json::array();
  for (const auto& e : fix.edits) {
    Json rep{{"deletedRegion", region_json(edit_span(src, e.range))}};
    if (!e.replacement.empty()) rep["insertedContent"] = Json{{"text", e.replacement}};
    replacements.push_back(std::move(rep));
  }
  return Json{
      {"description", Json{{"text", fix.title}}},
      {"artifactChanges", Json::array({Json{{"artifactLocation", artifact_location(artifact, artifact_index)},
                                            {"replacements", std::move(replacements)}}})},
      {"properties", Json{{"applicability", fix.applicability == Applicability::Safe ? "safe" : "unsafe"}}}};
}

}  // namespace

void write_sarif(const ReportInput& in, std::ostream& out) {
  const fs::path root = normal_root(in.root);

  // Rules: the enabled ones in order, then any other rule that reported.
  std::vector<std::string> rule_ids = in.enabled_rules;
  std::map<std::string, size_t, std::less<>> rule_index;
  for (size_t i = 0; i < rule_ids.size(); ++i) rule_index.emplace(rule_ids[i], i);
  std::map<std::string, Severity, std::less<>> first_severity;
  for (const auto& f : in.files)
    for (const auto& d : f.diagnostics) {
      first_severity.emplace(d.rule, d.severity);
      if (rule_index.emplace(d.rule, rule_ids.size()).second) rule_ids.push_back(d.rule);
    }
  Json rules = Json::array();
  for (const auto& id : rule_ids) {
    const auto sev = first_severity.find(id);
    rules.push_back(rule_descriptor(id, in.catalog.find(id),
                                    sev == first_severity.end() ? Severity::Warning : sev->second));
  }

  // Artifacts: one per distinct file, in input order.
  Json artifacts = Json::array();
  std::map<std::string, size_t> artifact_index;  // uri -> index
  std::vector<ArtifactUri> file_uris;
  std::vector<size_t> file_artifact;
  for (const auto& f : in.files) {
    ArtifactUri a = artifact_uri(f.path, root);
    auto [it, inserted] = artifact_index.emplace(a.uri, artifacts.size());
    if (inserted) {
      Json loc{{"uri", a.uri}};
      if (a.relative) loc["uriBaseId"] = kSrcRoot;
      artifacts.push_back(Json{{"location", std::move(loc)}, {"sourceLanguage", "sql"}});
    }
    file_artifact.push_back(it->second);
    file_uris.push_back(std::move(a));
  }

  Json results = Json::array();
  for (size_t fi = 0; fi < in.files.size(); ++fi) {
    const auto& f = in.files[fi];
    const ArtifactUri& artifact = file_uris[fi];
    std::map<std::pair<std::string, std::string>, size_t> occurrences;
    for (const auto& d : f.diagnostics) {
      const Span span = finding_span(*f.source, d.range);
      std::string text = fingerprint_text(f.source->lines(), span);
      const size_t occurrence = occurrences[{d.rule, text}]++;

      std::string message = d.message;
      if (message.empty()) {
        const auto* info = in.catalog.find(d.rule);
        message = info && !info->summary.empty() ? info->summary : d.rule;
      }
      Json result{
          {"ruleId", d.rule},
          {"ruleIndex", rule_index.at(d.rule)},
          {"level", level_of(d.severity)},
          {"message", Json{{"text", message}}},
          {"locations",
           Json::array({Json{
               {"physicalLocation", Json{{"artifactLocation", artifact_location(artifact, file_artifact[fi])},
                                         {"region", region_json(span)}}}}})},
          {"partialFingerprints",
           Json{{kFingerprintKey, fingerprint(d.rule, artifact.key, text, occurrence)}}}};
      if (d.conditional) result["properties"] = Json{{"conditional", true}};
      if (d.fix) result["fixes"] = Json::array({fix_json(*d.fix, *f.source, artifact, file_artifact[fi])});
      if (d.suppressed) {
        Json s{{"kind", "inSource"}};
        if (!d.suppression_reason.empty()) s["justification"] = d.suppression_reason;
        result["suppressions"] = Json::array({std::move(s)});
      }
      results.push_back(std::move(result));
    }
  }

  Json driver{{"name", "ddlint"}, {"version", in.tool_version.empty() ? "unknown" : in.tool_version}};
  if (is_semver(in.tool_version)) driver["semanticVersion"] = in.tool_version;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rules);

  const std::string root_uri = root.empty() ? std::string() : file_uri(root.generic_string(), true);
  // GitHub code scanning stores at most 5,000 results of a run (the most
  // severe first) and refuses a run of more than 25,000: put the most severe
  // first so what is kept is what matters, and say so.
  constexpr size_t kGitHubShown = 5000;
  constexpr size_t kGitHubAccepted = 25000;
  if (results.size() > kGitHubShown) {
    auto rank = [](const Json& r) {
      if (r.contains("suppressions")) return 3;
      const std::string level = r["level"];
      return level == "error" ? 0 : level == "warning" ? 1 : 2;
    };
    std::vector<Json> ordered(std::make_move_iterator(results.begin()),
                              std::make_move_iterator(results.end()));
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const Json& a, const Json& b) { return rank(a) < rank(b); });
    results = Json::array();
    for (auto& r : ordered) results.push_back(std::move(r));
    if (in.notes)
      *in.notes << "ddlint: the SARIF report holds " << results.size() << " results; GitHub code scanning "
                << (results.size() > kGitHubAccepted
                        ? "refuses a run of more than " + std::to_string(kGitHubAccepted)
                        : "shows only the first " + std::to_string(kGitHubShown) +
                              " (ddlint puts the most severe first)")
                << ": narrow the run with --changed-since REF or --select\n";
  }

  Json invocation{{"executionSuccessful", in.problems.empty()}};
  if (!in.problems.empty()) {
    Json notifications = Json::array();
    for (const auto& p : in.problems)
      notifications.push_back(Json{{"level", "error"}, {"message", Json{{"text", p}}}});
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  if (!root_uri.empty()) invocation["workingDirectory"] = Json{{"uri", root_uri}};
  Json run{{"tool", Json{{"driver", std::move(driver)}}},
           {"invocations", Json::array({std::move(invocation)})}};
  if (!root_uri.empty()) run["originalUriBaseIds"] = Json{{kSrcRoot, Json{{"uri", root_uri}}}};
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";
  {
    // How many files were read as each dialect (configured or detected).
    const Summary s = summarize(in.files);
    run["properties"] = Json{{"dialects", Json{{"postgres", s.postgres_files}, {"mysql", s.mysql_files}}}};
  }

  const Json log{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  // Invalid UTF-8 (in identifiers quoted by messages, or in paths) becomes
  // U+FFFD rather than aborting the report.
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace ddlint::report
