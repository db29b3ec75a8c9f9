// Machine-readable findings: one JSON document per run. The schema is
// documented field by field in docs/json-format.md; keep the two in step.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "report/reporter.h"

namespace ddlint::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

Json position_json(LineColumn p) { return Json{{"line", p.line}, {"column", p.column}}; }

Json fix_json(const SourceFile& src, const Fix& fix) {
  Json edits = Json::array();
  for (const auto& e : fix.edits) {
    const auto [start, end] = edit_span(src, e.range);
    edits.push_back(
        Json{{"start", position_json(start)}, {"end", position_json(end)}, {"replacement", e.replacement}});
  }
  return Json{{"title", fix.title},
              {"applicability", fix.applicability == Applicability::Safe ? "safe" : "unsafe"},
              {"edits", std::move(edits)}};
}

Json finding_json(const engine::FileResult& f, const Diagnostic& d) {
  const auto [start, end] = finding_span(*f.source, d.range);
  Json j{{"rule", d.rule},
         {"severity", std::string(to_string(d.severity))},
         {"message", d.message},
         {"help", d.help},
         {"file", f.path},
         {"start", position_json(start)},
         {"end", position_json(end)},
         {"suppressed", d.suppressed}};
  if (d.suppressed) j["suppression_reason"] = d.suppression_reason;
  if (d.conditional) j["conditional"] = true;
  if (d.fix) j["fix"] = fix_json(*f.source, *d.fix);
  return j;
}

Json summary_json(const Summary& s) {
  return Json{{"files", s.files},
              {"statements", s.statements},
              {"findings", Json{{"error", s.errors}, {"warning", s.warnings}, {"info", s.infos}}},
              {"suppressed", s.suppressed},
              {"syntax_errors", s.syntax_errors},
              {"unanalysed_statements", s.unanalysed_statements},
              {"opaque_statements", s.opaque_statements},
              {"dialects", Json{{"postgres", s.postgres_files}, {"mysql", s.mysql_files}}}};
}

}  // namespace

void write_json(const ReportInput& in, std::ostream& out) {
  Json findings = Json::array();
  for (const auto& f : in.files)
    for (const auto& d : f.diagnostics) findings.push_back(finding_json(f, d));
  const Json doc{{"schema_version", kSchemaVersion},
                 {"tool", Json{{"name", "ddlint"}, {"version", in.tool_version}}},
                 {"findings", std::move(findings)},
                 {"summary", summary_json(summarize(in.files))}};
  // Messages quote SQL identifiers and paths come from the file system: bytes
  // that are not valid UTF-8 become U+FFFD instead of aborting the report.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace ddlint::report
