// GitLab Code Quality report (the subset of the Code Climate issue format
// that GitLab reads from `artifacts:reports:codequality`): a JSON array with
// one object per unsuppressed finding. Paths are relative to the repository
// root (the working directory), fingerprints are the ones SARIF carries, so
// GitLab tracks a finding across unrelated edits.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "report/reporter.h"

namespace ddlint::report {

namespace {

// GitLab's severities are info, minor, major, critical and blocker. An error
// is a migration that fails or blocks production: critical.
const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "critical";
    case Severity::Warning:
      return "major";
    case Severity::Info:
      return "info";
  }
  return "info";
}

}  // namespace

void write_gitlab(const ReportInput& in, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  const std::filesystem::path root = normal_root(in.root);
  Json issues = Json::array();
  for (const auto& f : in.files) {
    const ReportPath path = report_path(f.path, root);
    std::map<std::pair<std::string, std::string>, size_t> occurrences;
    for (const auto& d : f.diagnostics) {
      const Span span = finding_span(*f.source, d.range);
      std::string text = fingerprint_text(f.source->lines(), span);
      const size_t occurrence =
          occurrences[{d.rule, text}]++;  // counted over suppressed ones too, like SARIF
      if (d.suppressed) continue;
      const auto* info = in.catalog.find(d.rule);
      Json issue{
          {"type", "issue"},
          {"check_name", d.rule},
          {"description", d.message.empty() && info ? info->summary : d.message},
          {"categories", Json::array({"Bug Risk"})},
          {"severity", gitlab_severity(d.severity)},
          {"fingerprint", fingerprint(d.rule, path.path, text, occurrence)},
          {"location",
           Json{{"path", path.path},
                {"positions", Json{{"begin", Json{{"line", span.start.line}, {"column", span.start.column}}},
                                   {"end", Json{{"line", span.end.line}, {"column", span.end.column}}}}}}}};
      issues.push_back(std::move(issue));
    }
  }
  // Messages quote the source, which need not be UTF-8: invalid bytes become U+FFFD.
  out << issues.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace ddlint::report
