#include "report/reporter.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace ddlint::report {

namespace {

bool before(LineColumn a, LineColumn b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// Offset just past the character at `offset`; at the end of the text, the
// offset itself.
uint32_t next_char_end(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return offset;
  if (text[offset] == '\r' && offset + 1 < text.size() && text[offset + 1] == '\n') return offset + 2;
  uint32_t end = offset + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return end;
}

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

Span finding_span(const SourceFile& src, TextRange r) {
  const LineColumn start = src.lines().position(r.begin);
  LineColumn end = src.lines().position_after(r.begin, start,
                                              r.end > r.begin ? r.end : next_char_end(src.text(), r.begin));
  if (before(end, start)) end = start;
  return {start, end};
}

Span edit_span(const SourceFile& src, TextRange r) {
  const LineColumn start = src.lines().position(r.begin);
  LineColumn end = src.lines().position_after(r.begin, start, std::max(r.begin, r.end));
  if (before(end, start)) end = start;
  return {start, end};
}

Summary summarize(const std::vector<engine::FileResult>& files) {
  Summary s;
  for (const auto& f : files) add_to_summary(s, f);
  return s;
}

void add_to_summary(Summary& s, const engine::FileResult& f) {
  ++s.files;
  s.statements += f.stats.statements;
  s.syntax_errors += f.stats.syntax_errors;
  s.unanalysed_statements += f.stats.syntax_errors + f.stats.skipped;
  s.opaque_statements += f.stats.opaque;
  ++(f.source && f.source->dialect() == Dialect::MySql ? s.mysql_files : s.postgres_files);
  const size_t slash = f.path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "." : f.path.substr(0, slash);
  ++s.runners[folder][std::string(analysis::runner_name(f.stats.runner))];
  for (const auto& d : f.diagnostics) {
    if (d.suppressed) {
      ++s.suppressed;
      continue;
    }
    switch (d.severity) {
      case Severity::Error:
        ++s.errors;
        break;
      case Severity::Warning:
        ++s.warnings;
        break;
      case Severity::Info:
        ++s.infos;
        break;
    }
  }
}

std::filesystem::path normal_root(const std::string& root) {
  if (root.empty()) return {};
  std::filesystem::path p = std::filesystem::path(root).lexically_normal();
  if (!p.is_absolute()) {
    std::error_code ec;
    const std::filesystem::path abs = std::filesystem::absolute(p, ec);
    if (!ec) p = abs.lexically_normal();
  }
  // "/a/b/" normalises to "/a/b/" (empty last element); drop it.
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

ReportPath report_path(const std::string& path, const std::filesystem::path& root) {
  const std::filesystem::path p = std::filesystem::path(path).lexically_normal();
  if (p.is_absolute()) {
    if (!root.empty()) {
      const std::filesystem::path rel = p.lexically_relative(root);
      if (!rel.empty() && rel != ".") return {rel.generic_string(), true};
    }
    return {p.generic_string(), false};
  }
  std::string r = p.generic_string();
  if (r.empty() || r == ".") r = path;  // nothing sensible to normalise to
  return {r, true};
}

// The source lines a finding covers, with every run of whitespace (line
// breaks included) collapsed to one space and the ends trimmed.
std::string fingerprint_text(const LineIndex& lines, const Span& s) {
  uint32_t last = s.end.line;
  if (last > s.start.line && s.end.column == 1) --last;  // the end is exclusive
  std::string out;
  bool space = false;
  for (uint32_t l = s.start.line; l <= last; ++l) {
    space = !out.empty();
    for (const char c : lines.line_text(l)) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// Stable across edits elsewhere in the file: no line number goes in, only
// the rule, the file, the text of the flagged lines and how many identical
// (rule, text) findings precede this one in the file.
std::string fingerprint(const std::string& rule, const std::string& file, const std::string& text,
                        size_t occurrence) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (std::string_view part : {std::string_view(rule), std::string_view(file), std::string_view(text)}) {
    h = fnv1a(h, part);
    h = fnv1a(h, std::string_view("\0", 1));
  }
  h = fnv1a(h, std::to_string(occurrence));
  // FNV-1a barely mixes its last bytes; a final avalanche step (the MurmurHash3
  // finaliser) makes neighbouring occurrences differ in every hex digit.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::unique_ptr<ReportStream> text_stream(const ReportInput& in, std::ostream& out);
std::unique_ptr<ReportStream> json_stream(const ReportInput& in, std::ostream& out);
std::unique_ptr<ReportStream> gcc_stream(const ReportInput& in, std::ostream& out);
std::unique_ptr<ReportStream> github_stream(const ReportInput& in, std::ostream& out);

namespace {

// A document format: keeps every file's result and writes at the end.
class DocumentStream final : public ReportStream {
 public:
  using Write = void (*)(const ReportInput&, std::ostream&);
  DocumentStream(Write write, const ReportInput& settings, std::ostream& out)
      : write_(write), settings_(settings), out_(out) {}
  void file(const engine::FileResult& f) override { files_.push_back(f); }
  void finish(const ReportInput& end) override {
    ReportInput in{files_,          settings_.catalog, end.enabled_rules, settings_.tool_version,
                   settings_.color, settings_.verbose, settings_.root,    end.problems,
                   settings_.notes};
    write_(in, out_);
  }

 private:
  Write write_;
  const ReportInput& settings_;
  std::ostream& out_;
  std::vector<engine::FileResult> files_;
};

void write_all(std::unique_ptr<ReportStream> stream, const ReportInput& in) {
  for (const auto& f : in.files) stream->file(f);
  stream->finish(in);
}

}  // namespace

std::unique_ptr<ReportStream> open_report(std::string_view format, const ReportInput& settings,
                                          std::ostream& out) {
  if (format == "json") return json_stream(settings, out);
  if (format == "gcc") return gcc_stream(settings, out);
  if (format == "github") return github_stream(settings, out);
  if (format == "sarif") return std::make_unique<DocumentStream>(&write_sarif, settings, out);
  if (format == "gitlab") return std::make_unique<DocumentStream>(&write_gitlab, settings, out);
  return text_stream(settings, out);
}

void write_text(const ReportInput& in, std::ostream& out) { write_all(text_stream(in, out), in); }
void write_json(const ReportInput& in, std::ostream& out) { write_all(json_stream(in, out), in); }
void write_gcc(const ReportInput& in, std::ostream& out) { write_all(gcc_stream(in, out), in); }
void write_github(const ReportInput& in, std::ostream& out) { write_all(github_stream(in, out), in); }

}  // namespace ddlint::report
