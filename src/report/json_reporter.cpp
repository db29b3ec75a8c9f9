// Machine-readable findings: one JSON document per run. The schema is
// documented field by field in docs/json-format.md; keep the two in step.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "report/json_writer.h"
#include "report/reporter.h"

namespace ddlint::report {

namespace {

constexpr int kSchemaVersion = 1;

void position(JsonWriter& w, const JsonWriter::Key& key, LineColumn p) {
  w.pair_member(key, "line", p.line, "column", p.column);
}

void fix_json(JsonWriter& w, const SourceFile& src, const Fix& fix) {
  w.key("fix");
  w.begin_object();
  w.member("title", fix.title);
  w.member("applicability", fix.applicability == Applicability::Safe ? "safe" : "unsafe");
  w.key("edits");
  w.begin_array();
  for (const auto& e : fix.edits) {
    const auto [start, end] = edit_span(src, e.range);
    w.begin_object();
    position(w, "start", start);
    position(w, "end", end);
    w.member("replacement", e.replacement);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void finding_json(JsonWriter& w, const engine::FileResult& f, const Diagnostic& d) {
  const auto [start, end] = finding_span(*f.source, d.range);
  w.begin_object();
  w.member("rule", d.rule);
  w.member("severity", to_string(d.severity));
  w.member("message", d.message);
  w.member("help", d.help);
  w.member("file", f.path);
  position(w, "start", start);
  position(w, "end", end);
  w.member("suppressed", d.suppressed);
  if (d.suppressed) w.member("suppression_reason", d.suppression_reason);
  if (d.conditional) w.member("conditional", true);
  if (d.fix) fix_json(w, *f.source, *d.fix);
  w.end_object();
}

// About the size of a file's findings as finding_json writes them: their
// strings (as they are when nothing in them is escaped) and the layout
// around them (keys, indentation, positions), so that a file's findings are
// written into one buffer made once.
size_t rendered_size(const engine::FileResult& f) {
  constexpr size_t kFinding = 320;  // "rule" ... "suppressed", positions of up to 6 digits
  constexpr size_t kFix = 160;      // "fix", "title", "applicability", "edits"
  constexpr size_t kEdit = 220;     // an edit's "start", "end" and "replacement"
  size_t n = 0;
  for (const auto& d : f.diagnostics) {
    n += kFinding + f.path.size() + d.rule.size() + d.message.size() + d.help.size() +
         d.suppression_reason.size();
    if (!d.fix) continue;
    n += kFix + d.fix->title.size();
    for (const auto& e : d.fix->edits) n += kEdit + e.replacement.size();
  }
  return n;
}

void summary_json(JsonWriter& w, const Summary& s) {
  w.key("summary");
  w.begin_object();
  w.member("files", s.files);
  w.member("statements", s.statements);
  w.key("findings");
  w.begin_object();
  w.member("error", s.errors);
  w.member("warning", s.warnings);
  w.member("info", s.infos);
  w.end_object();
  w.member("suppressed", s.suppressed);
  w.member("syntax_errors", s.syntax_errors);
  w.member("unanalysed_statements", s.unanalysed_statements);
  w.member("opaque_statements", s.opaque_statements);
  w.key("dialects");
  w.begin_object();
  w.member("postgres", s.postgres_files);
  w.member("mysql", s.mysql_files);
  w.end_object();
  w.key("runners");  // per folder: files read for each runner
  w.begin_object();
  for (const auto& [folder, counts] : s.runners) {
    w.key(folder);
    w.begin_object();
    for (const auto& [runner, n] : counts) w.member(runner, n);
    w.end_object();
  }
  w.end_object();
  w.end_object();
}

}  // namespace

// Written as it goes (no document in memory): the findings of each file as
// it arrives, the summary at the end. Messages quote SQL identifiers and
// paths come from the file system: bytes that are not valid UTF-8 become
// U+FFFD instead of aborting the report (JsonWriter).
class JsonStream final : public ReportStream {
 public:
  JsonStream(const ReportInput& in, std::ostream& out) : out_(out), w_(out) {
    w_.begin_object();
    w_.member("schema_version", kSchemaVersion);
    w_.key("tool");
    w_.begin_object();
    w_.member("name", "ddlint");
    w_.member("version", in.tool_version);
    w_.end_object();
    w_.key("findings");
    w_.begin_array();
  }
  void file(const engine::FileResult& f) override {
    for (const auto& d : f.diagnostics) finding_json(w_, f, d);
    add_to_summary(summary_, f);
  }
  // The file's findings as items of the "findings" array (depth 2).
  ByteBuffer render(const engine::FileResult& f) const override {
    JsonWriter w(2);
    w.reserve(rendered_size(f));
    for (const auto& d : f.diagnostics) finding_json(w, f, d);
    return w.release();
  }
  void file(const engine::FileResult& f, ByteBuffer&& rendered) override {
    w_.items(rendered.view());
    add_to_summary(summary_, f);
  }
  void finish(const ReportInput&) override {
    w_.end_array();
    summary_json(w_, summary_);
    w_.end_object();
    w_.flush();
    out_ << "\n";
  }

 private:
  std::ostream& out_;
  JsonWriter w_;
  Summary summary_;
};

std::unique_ptr<ReportStream> json_stream(const ReportInput& in, std::ostream& out) {
  return std::make_unique<JsonStream>(in, out);
}

}  // namespace ddlint::report
